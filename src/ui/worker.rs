//! 后台 — the one thread that owns the database connection. The UI sends requests and reads
//! replies on each frame; the worker asks for a repaint after each reply, so the UI never
//! waits on SQLite, file reading or parsing.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use std::collections::HashSet;
use std::path::PathBuf;

use super::command::ImportSource;
use crate::clock::Clock;
use crate::model::{
    Board, DirectiveDetail, DirectiveId, Evidence, EvidenceId, NoticeDraft, Settings, Status,
};
use crate::notice::{
    EncodingCandidate, candidate_decodings, decode_bytes, decode_with, is_word_file, parse_notice,
    read_notice_bytes,
};
use crate::report::{self, Format, Summary, SummaryRequest};
use crate::store::{Actor, Store};

/// Work for the worker. Each request gets exactly one [`Reply`].
#[derive(Debug)]
pub enum Request {
    Refresh {
        detail: Option<DirectiveId>,
    },
    LoadDetail(DirectiveId),
    Parse {
        source: ImportSource,
        issued_on: NaiveDate,
        encoding: Option<&'static str>,
    },
    Import {
        draft: Box<NoticeDraft>,
        source_text: String,
        detail: Option<DirectiveId>,
    },
    Edit {
        id: DirectiveId,
        edit: Edit,
    },
    SetAuthor {
        name: String,
        detail: Option<DirectiveId>,
    },
    Export {
        request: SummaryRequest,
        format: Format,
        path: PathBuf,
    },
    Search(String),
    /// The 回收站's files.
    LoadTrash,
    /// Delete every row in the 回收站 (confirmed in the UI).
    EmptyTrash {
        detail: Option<DirectiveId>,
    },
    SaveSettings {
        settings: Settings,
        detail: Option<DirectiveId>,
    },
}

/// A change to one directive.
#[derive(Debug, Clone)]
pub enum Edit {
    Status(Status),
    Deadline(Option<NaiveDate>),
    Offices(Vec<String>),
    Progress {
        on: NaiveDate,
        text: String,
    },
    /// 移到回收站
    TrashEvidence(EvidenceId),
    /// 从回收站恢复
    RestoreEvidence(EvidenceId),
    /// 说明
    Caption(EvidenceId, String),
}

/// What the UI shows, fresh from the database.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub board: Board,
    pub detail: Option<DirectiveDetail>,
    pub settings: Settings,
}

/// A notice read and parsed, awaiting review.
#[derive(Debug, Clone)]
pub struct ParsedImport {
    pub draft: NoticeDraft,
    pub source_text: String,
    /// The encoding the text was read in, for files.
    pub encoding: Option<&'static str>,
    /// Other ways to read a text file, for the encoding override (empty for pasted text, .docx).
    pub candidates: Vec<EncodingCandidate>,
}

/// What kind of change a [`Reply::Done`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneKind {
    Imported,
    ProgressAdded,
    Edited,
    AuthorSet,
}

/// Which part of the UI a failure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Import,
    General,
}

#[derive(Debug)]
pub enum Reply {
    Snapshot(Box<Snapshot>),
    Detail(Box<DirectiveDetail>),
    Parsed(Result<Box<ParsedImport>, String>),
    /// A change was stored; `message` says what, in Chinese.
    Done {
        message: String,
        kind: DoneKind,
        snapshot: Box<Snapshot>,
    },
    Failed {
        message: String,
        area: Area,
    },
    /// A step of a long task; not an answer (more replies follow).
    Progress {
        fraction: f32,
        step: String,
    },
    /// The report was written (or why not).
    Exported(Result<PathBuf, String>),
    /// The 回收站's files (or why not).
    Trash(Result<Vec<Evidence>, String>),
    /// The directives matching `query` (`None`: no filter).
    Found {
        query: String,
        hits: Result<Option<HashSet<DirectiveId>>, String>,
    },
}

/// The UI's handle on the worker thread.
pub struct Worker {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    pending: usize,
    /// The context to wake after each reply; known from the first frame on.
    repaint: Arc<OnceLock<egui::Context>>,
}

impl Worker {
    /// Starts the worker with the store it will own.
    pub fn spawn(store: Store, clock: Clock) -> Worker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, replies) = channel::<Reply>();
        let repaint = Arc::new(OnceLock::<egui::Context>::new());
        let wake = Arc::clone(&repaint);
        let spawned = std::thread::Builder::new().name("duban-worker".into()).spawn(move || {
            let mut store = store;
            while let Ok(request) = inbox.recv() {
                let progress = |fraction: f32, step: &str| {
                    let _ = outbox.send(Reply::Progress { fraction, step: step.to_owned() });
                    if let Some(ctx) = wake.get() {
                        ctx.request_repaint();
                    }
                };
                let reply = handle(&mut store, clock, request, &progress);
                if outbox.send(reply).is_err() {
                    break;
                }
                if let Some(ctx) = wake.get() {
                    ctx.request_repaint();
                }
            }
        });
        if let Err(e) = spawned {
            // Without a thread nothing works; say so through the reply channel.
            let (tx, rx) = channel();
            let _ = tx.send(Reply::Failed {
                message: format!("无法启动后台线程：{e}"), area: Area::General
            });
            return Worker { requests, replies: rx, pending: 1, repaint };
        }
        Worker { requests, replies, pending: 0, repaint }
    }

    /// Tells the worker which context to wake after each reply.
    pub fn attach(&self, ctx: &egui::Context) {
        let _ = self.repaint.set(ctx.clone());
    }

    pub fn send(&mut self, request: Request) {
        if self.requests.send(request).is_ok() {
            self.pending += 1;
        }
    }

    /// Replies that have arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Reply> {
        let mut out = Vec::new();
        loop {
            match self.replies.try_recv() {
                Ok(reply) => {
                    if !matches!(reply, Reply::Progress { .. }) {
                        self.pending = self.pending.saturating_sub(1);
                    }
                    out.push(reply);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if self.pending > 0 {
                        self.pending = 0;
                        out.push(Reply::Failed {
                            message: "后台线程意外退出，请重新启动督办台".into(),
                            area: Area::General,
                        });
                    }
                    break;
                }
            }
        }
        out
    }

    /// Requests sent and not yet answered.
    pub fn pending(&self) -> usize {
        self.pending
    }
}

fn snapshot(store: &Store, detail: Option<DirectiveId>) -> Result<Snapshot, String> {
    let board = store.load_board().map_err(|e| e.to_string())?;
    let detail = match detail {
        Some(id) => store.load_detail(id).ok(),
        None => None,
    };
    let settings = store.settings().map_err(|e| e.to_string())?;
    Ok(Snapshot { board, detail, settings })
}

fn handle(store: &mut Store, clock: Clock, request: Request, progress: &dyn Fn(f32, &str)) -> Reply {
    let general = |message: String| Reply::Failed { message, area: Area::General };
    match request {
        Request::Refresh { detail } => match snapshot(store, detail) {
            Ok(s) => Reply::Snapshot(Box::new(s)),
            Err(e) => general(e),
        },
        Request::LoadDetail(id) => match store.load_detail(id) {
            Ok(d) => Reply::Detail(Box::new(d)),
            Err(e) => general(e.to_string()),
        },
        Request::Parse { source, issued_on, encoding } => {
            Reply::Parsed(parse(source, issued_on, encoding).map(Box::new))
        }
        Request::Import { draft, source_text, detail } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            match store.import_notice(&draft, &source_text, &author, clock.now()) {
                Ok(_) => match snapshot(store, detail) {
                    Ok(s) => Reply::Done {
                        message: format!("已导入：{}（{} 条工作要求）", draft.title, draft.directive_count()),
                        kind: DoneKind::Imported,
                        snapshot: Box::new(s),
                    },
                    Err(e) => general(e),
                },
                Err(e) => Reply::Failed {
                    message: format!("导入失败，未保存任何内容：{e}"),
                    area: Area::Import,
                },
            }
        }
        Request::Edit { id, edit } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            let kind = if matches!(edit, Edit::Progress { .. }) {
                DoneKind::ProgressAdded
            } else {
                DoneKind::Edited
            };
            let result = match &edit {
                Edit::Status(s) => store.set_status(id, *s, &actor).map(|_| format!("状态已改为“{s}”")),
                Edit::Deadline(d) => store
                    .set_deadline(id, *d, &actor)
                    .map(|_| d.map_or("已清除完成时限".into(), |d| format!("完成时限已改为 {d}"))),
                Edit::Offices(names) => store.set_offices(id, names, &actor).map(|_| "责任单位已更新".into()),
                Edit::Progress { on, text } => {
                    store.add_progress(id, *on, text, &actor).map(|_| "已添加进展".into())
                }
                Edit::TrashEvidence(file) => {
                    store.trash_evidence(*file, &actor).map(|_| "已移到回收站（可恢复）".into())
                }
                Edit::Caption(file, caption) => {
                    store.set_evidence_caption(*file, caption, &actor).map(|_| "已保存说明".into())
                }
                Edit::RestoreEvidence(file) => {
                    store.restore_evidence(*file, &actor).map(|_| "已从回收站恢复".into())
                }
            };
            match result.map_err(|e| e.to_string()).and_then(|m| Ok((m, snapshot(store, Some(id))?))) {
                Ok((message, s)) => Reply::Done { message, kind, snapshot: Box::new(s) },
                Err(e) => general(format!("保存失败：{e}")),
            }
        }
        Request::SaveSettings { settings, detail } => {
            match store
                .save_settings(&settings)
                .map_err(|e| e.to_string())
                .and_then(|_| snapshot(store, detail))
            {
                Ok(s) => Reply::Done {
                    message: "设置已保存".into(),
                    kind: DoneKind::AuthorSet,
                    snapshot: Box::new(s),
                },
                Err(e) => general(format!("保存设置失败：{e}")),
            }
        }
        Request::LoadTrash => Reply::Trash(store.evidence_trash().map_err(|e| e.to_string())),
        Request::EmptyTrash { detail } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            match store
                .empty_evidence_trash(&actor)
                .map_err(|e| e.to_string())
                .and_then(|n| Ok((n, snapshot(store, detail)?)))
            {
                Ok((n, s)) => Reply::Done {
                    message: format!("已清空回收站（{n} 个材料）"),
                    kind: DoneKind::Edited,
                    snapshot: Box::new(s),
                },
                Err(e) => general(format!("清空回收站失败：{e}")),
            }
        }
        Request::Search(query) => {
            let hits = store.search(&query).map_err(|e| e.to_string());
            Reply::Found { query, hits }
        }
        Request::Export { request, format, path } => {
            Reply::Exported(export(store, &request, format, &path, progress))
        }
        Request::SetAuthor { name, detail } => {
            match store.set_author(&name).map_err(|e| e.to_string()).and_then(|_| snapshot(store, detail)) {
                Ok(s) => Reply::Done {
                    message: format!("填报人：{}", name.trim()),
                    kind: DoneKind::AuthorSet,
                    snapshot: Box::new(s),
                },
                Err(e) => general(e),
            }
        }
    }
}

fn export(
    store: &Store,
    request: &SummaryRequest,
    format: Format,
    path: &std::path::Path,
    progress: &dyn Fn(f32, &str),
) -> Result<PathBuf, String> {
    progress(0.1, "读取数据…");
    let board = store.load_board().map_err(|e| e.to_string())?;
    progress(0.3, "汇总各单位情况…");
    let summary = Summary::build(&board, request);
    progress(0.5, "生成文件…");
    let bytes = report::render(&summary, format).map_err(|e| e.to_string())?;
    progress(0.8, "写入磁盘…");
    crate::fsutil::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
    progress(1.0, "完成");
    Ok(path.to_path_buf())
}

fn parse(source: ImportSource, issued_on: NaiveDate, encoding: Option<&str>) -> Result<ParsedImport, String> {
    let (text, encoding, candidates) = match source {
        ImportSource::Text(text) => (text, None, Vec::new()),
        ImportSource::File(path) => {
            let bytes = read_notice_bytes(&path).map_err(|e| e.to_string())?;
            let decoded = match encoding {
                Some(enc) if !is_word_file(&bytes) => decode_with(&bytes, enc),
                _ => decode_bytes(&bytes),
            }
            .map_err(|e| e.in_file(&path).to_string())?;
            let candidates = if is_word_file(&bytes) {
                Vec::new()
            } else {
                candidate_decodings(&bytes).unwrap_or_default()
            };
            (decoded.text, Some(decoded.encoding), candidates)
        }
    };
    let draft = parse_notice(&text, issued_on).map_err(|e| e.to_string())?;
    Ok(ParsedImport { draft, source_text: text, encoding, candidates })
}
