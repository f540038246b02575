//! 后台 — the one thread that owns the database connection. The UI sends requests and reads
//! replies on each frame; the worker asks for a repaint after each reply, so the UI never
//! waits on SQLite, file reading or parsing.

mod handle;

use handle::handle;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use std::collections::HashSet;
use std::path::PathBuf;

use super::command::ImportSource;
use crate::clock::Clock;
use crate::model::{
    Board, DirectiveDetail, DirectiveId, Evidence, EvidenceId, NoticeDraft, OfficeGroup, OfficeId, Settings,
    Status,
};
use crate::notice::EncodingCandidate;
use crate::report::{Format, SummaryRequest};
use crate::store::Store;

/// How often an idle worker checks whether another duban process changed the database.
const LOOK_FOR_OTHERS: std::time::Duration = std::time::Duration::from_secs(2);

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
    /// 名册: add an office, or replace one office's aliases.
    AddOffice {
        name: String,
        group: OfficeGroup,
    },
    EditRoster(crate::ui::command::RosterEdit),
    SetAliases {
        office: OfficeId,
        aliases: Vec<String>,
    },
    /// Delete every row in the 回收站 (confirmed in the UI).
    EmptyTrash {
        detail: Option<DirectiveId>,
    },
    SaveSettings {
        settings: Settings,
        detail: Option<DirectiveId>,
    },
    /// Today's automatic snapshot, unless there is one (at start-up).
    AutoBackup {
        data_dir: PathBuf,
    },
    /// The snapshots in `backups/`, for the backup dialog.
    ListBackups {
        data_dir: PathBuf,
    },
    /// 备份到…: the single-file backup archive.
    Backup {
        data_dir: PathBuf,
        path: PathBuf,
    },
    /// 迁移数据目录: copy and verify everything in `to`, then point `from` at it.
    Relocate {
        from: PathBuf,
        to: PathBuf,
    },
    /// 从备份恢复…: an archive or a snapshot, over the open database.
    Restore {
        data_dir: PathBuf,
        path: PathBuf,
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
    /// 接续 an earlier directive, or not.
    Continues(Option<DirectiveId>),
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
    /// 接续 — per section, per directive: earlier directives it may carry on, best first.
    pub links: Vec<Vec<Vec<LinkOption>>>,
    /// The same notice seems to be stored already: how it was stored, for a warning.
    pub already_imported: Option<String>,
}

/// An earlier directive offered on the review screen as the one a new directive carries on.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkOption {
    pub id: DirectiveId,
    /// 三.2 在建工地治理（2022年第9次办公会议，相似 78%）
    pub label: String,
}

/// What kind of change a [`Reply::Done`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneKind {
    Imported,
    ProgressAdded,
    Edited,
    AuthorSet,
    /// The roster changed (its dialog re-reads it).
    Roster,
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
    /// A backup was taken: what to say (or why not).
    BackedUp(Result<String, String>),
    /// When the newest automatic snapshot was taken (after the start-up backup).
    LastBackup(Option<chrono::NaiveDateTime>),
    /// Another window (another duban process) changed the database; not an answer.
    ChangedElsewhere,
    /// The data moved to this folder (or why not): reopen there.
    Relocated(Result<PathBuf, String>),
    /// The snapshots in `backups/` (or why not).
    Backups(Result<Vec<crate::backup::Snapshot>, String>),
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
            let _ = store.data_version();
            loop {
                let request = match inbox.recv_timeout(LOOK_FOR_OTHERS) {
                    Ok(request) => request,
                    Err(RecvTimeoutError::Timeout) => {
                        // Idle: has another process committed? Then the UI asks for a refresh.
                        if store.data_version().unwrap_or(false) {
                            let _ = outbox.send(Reply::ChangedElsewhere);
                            if let Some(ctx) = wake.get() {
                                ctx.request_repaint();
                            }
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
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
                    if !matches!(reply, Reply::Progress { .. } | Reply::ChangedElsewhere) {
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
