//! 后台 — the thread that owns the database connection, and the data folder from the start.
//! The UI sends requests on a [`line::Line`] saying who asked; replies (progress included) come
//! back to that place. The worker asks for a repaint after each reply, so the UI never waits
//! on SQLite, file reading or parsing.

pub mod files;
mod forms;
mod handle;
pub mod line;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;

use chrono::NaiveDate;

use self::line::{Asker, Line, Outbox, line};
use super::command::{ImportSource, RosterEdit};
use crate::clock::Clock;
use crate::model::{
    Board, DirectiveDetail, DirectiveEdit, DirectiveId, DirectiveRow, Evidence, NoticeDraft, Settings,
};
use crate::notice::EncodingCandidate;
use crate::report::{Format, SummaryRequest};
use crate::store::Store;

/// How often an idle worker checks whether another duban process changed the database.
const LOOK_FOR_OTHERS: std::time::Duration = std::time::Duration::from_secs(2);

/// Work for the worker. Each request gets exactly one last [`Reply`] (long tasks send
/// [`Reply::Progress`] before it).
#[derive(Debug)]
pub enum Request {
    /// A fresh snapshot, with this directive's detail.
    Refresh {
        detail: Option<DirectiveId>,
    },
    /// From now on the window's board lists this much of the register; a fresh snapshot.
    Listing {
        listing: Listing,
        detail: Option<DirectiveId>,
    },
    LoadDetail(DirectiveId),
    /// Read and parse a notice for review; nothing is stored.
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
        edit: DirectiveEdit,
    },
    /// 新建, 新增, 拆分, 合并, 删除 or 恢复 a directive.
    Register(crate::model::RegisterEdit),
    SetAuthor {
        name: String,
        detail: Option<DirectiveId>,
    },
    SaveSettings {
        settings: Settings,
        detail: Option<DirectiveId>,
    },
    /// A notice's own 反馈周期 (`None`: the default).
    NoticeCadence {
        notice: crate::model::NoticeId,
        days: Option<i64>,
        detail: Option<DirectiveId>,
    },
    Export {
        request: SummaryRequest,
        format: Format,
        path: PathBuf,
        /// 附佐证材料清单.
        evidence_list: bool,
    },
    /// 督查通报 for a month or quarter (replies `Exported`, as `Export`).
    ExportBulletin {
        span: crate::model::BulletinSpan,
        issued_on: chrono::NaiveDate,
        path: PathBuf,
    },
    /// The 汇报稿 up to today (replies `Brief`).
    LoadBrief(crate::report::BriefSince),
    /// The 汇报稿 as Word (replies `Exported`).
    ExportBrief {
        since: crate::report::BriefSince,
        path: PathBuf,
    },
    Search(String),
    /// The 回收站's files.
    LoadTrash,
    /// Delete every row in the 回收站 (confirmed in the UI).
    EmptyTrash {
        detail: Option<DirectiveId>,
    },
    Roster(RosterEdit),
    /// Today's automatic snapshot, unless there is one (at start-up).
    AutoBackup,
    /// The snapshots in `backups/`, for the backup dialog.
    ListBackups,
    /// 备份到…: the single-file backup archive.
    Backup(PathBuf),
    /// 从备份恢复…: an archive or a snapshot, over the open database.
    Restore(PathBuf),
    /// 迁移数据目录: copy and verify everything in this folder, then point the data folder at it.
    Relocate(PathBuf),
    /// 督办单 for every office with open work, into this folder.
    GenerateForms(PathBuf),
    /// 催办通知 for today's reminders, recording a 书面催办 on each.
    GenerateUrges {
        dir: PathBuf,
        detail: Option<DirectiveId>,
    },
    /// Returned 反馈单 read and reviewed; nothing stored.
    ReadForms(Vec<PathBuf>),
    /// The accepted rows of a review written, in one transaction.
    ApplyForms {
        review: Box<crate::forms::Review>,
        approver: Option<String>,
        detail: Option<DirectiveId>,
    },
}

/// How much of the register the window's board lists. A register of more than `whole_up_to`
/// directives leaves its finished ones out (their figures kept, see `model::FinishedApart`)
/// unless the officer asked to list them (`finished`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    pub whole_up_to: usize,
    pub finished: bool,
}

impl Default for Listing {
    fn default() -> Self {
        Listing { whole_up_to: crate::model::LIST_WHOLE_UP_TO, finished: false }
    }
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
    pub continuations: Vec<Vec<Vec<ContinuationOption>>>,
    /// The same notice seems to be stored already: how it was stored, for a warning.
    pub already_imported: Option<String>,
}

/// An earlier directive offered on the review screen as the one a new directive carries on.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuationOption {
    pub id: DirectiveId,
    /// 三.2 在建工地治理（2022年第9次办公会议，相似 78%）
    pub label: String,
}

/// What the worker answers. Failures are one kind: the [`Asker`] says where they belong.
#[derive(Debug)]
pub enum Reply {
    Snapshot(Box<Snapshot>),
    Detail(Box<DirectiveDetail>),
    Parsed(Box<ParsedImport>),
    /// A change to one directive was stored: its new row and detail (the rest of the board is
    /// as it was, so it is not read again).
    RowChanged {
        message: String,
        row: Box<DirectiveRow>,
        detail: Box<DirectiveDetail>,
    },
    /// A change was stored; `message` says what, in Chinese.
    Changed {
        message: String,
        snapshot: Box<Snapshot>,
    },
    /// The data was restored from a backup (`message`), and what it now holds.
    Restored {
        message: String,
        snapshot: Box<Snapshot>,
    },
    /// A register edit was stored: what to say, the fresh board, and the directive to show
    /// (with its detail in the snapshot unless it was set aside).
    Registered {
        message: String,
        snapshot: Box<Snapshot>,
        id: DirectiveId,
        /// The directive whose form asked for it (see `RegisterEdit::subject`).
        subject: Option<DirectiveId>,
    },
    /// The settings were saved.
    SettingsSaved(Box<Snapshot>),
    Failed(String),
    /// A step of a long task; not an answer.
    Progress {
        fraction: f32,
        step: String,
    },
    /// The report was written here.
    Exported(PathBuf),
    /// The 汇报稿 asked for.
    Brief(Box<crate::model::MeetingBrief>),
    /// The 回收站's files.
    Trash(Vec<Evidence>),
    /// A backup archive was written: what to say.
    BackedUp(String),
    /// When the newest automatic snapshot was taken (after the start-up backup).
    LastBackup(Option<chrono::NaiveDateTime>),
    /// Another window (another duban process) changed the database; answers no request.
    ChangedElsewhere,
    /// The data moved to this folder: reopen there.
    Relocated(PathBuf),
    /// Another window moved the data to this folder: this one holds the old copy and no
    /// longer writes; answers no request (or refuses a write).
    MovedAway(PathBuf),
    /// The snapshots in `backups/`.
    Backups(Vec<crate::backup::Snapshot>),
    /// 督办单 were written: what to say.
    FormsGenerated(String),
    /// Returned forms read, for review.
    FormsReviewed(Box<crate::forms::Review>),
    /// The directives matching `query` (`None`: no filter).
    Found {
        query: String,
        hits: Option<HashSet<DirectiveId>>,
    },
}

/// The UI's handle on the database worker.
pub struct Worker {
    line: Line<Request, Reply>,
}

impl Worker {
    /// Starts the worker with the store it will own and the data folder it lives in.
    pub fn spawn(store: Store, clock: Clock, data_dir: PathBuf) -> Worker {
        let (mut line, inbox, outbox) = line::<Request, Reply>();
        let spawned = std::thread::Builder::new().name("duban-worker".into()).spawn(move || {
            let mut store = store;
            let _ = store.data_version();
            // The thorough check of a large database runs on its own thread; writes wait for it.
            store.verify_in_background();
            let mut moved_told = false;
            let mut damage_told = false;
            let mut untrimmed = false;
            let mut listing = Listing::default();
            loop {
                let job = match inbox.recv_timeout(LOOK_FOR_OTHERS) {
                    Ok(job) => job,
                    Err(RecvTimeoutError::Timeout) => {
                        // Idle after building: the freed pages go back to the system (see
                        // ui/memory.rs; ~20 ms at 100,000 directives, here rather than on the UI
                        // thread), else the window would stay at the load's peak.
                        if std::mem::take(&mut untrimmed) {
                            crate::ui::memory::release_freed();
                        }
                        // The background check found damage: the officer hears it once.
                        if let (false, crate::store::Health::Damaged(detail)) = (damage_told, store.health())
                        {
                            let message =
                                format!("数据库检查发现损坏（{detail}），已停止保存修改，请从备份恢复");
                            damage_told = outbox.tell(Asker::Board, Reply::Failed(message));
                        }
                        // Idle: has another window moved the data away? Then this one stops.
                        if let Some(target) = moved_to(&data_dir) {
                            if !moved_told {
                                moved_told = outbox.tell(Asker::Board, Reply::MovedAway(target));
                            }
                            continue;
                        }
                        // Has another process committed? Then the board refreshes.
                        if store.data_version().unwrap_or(false) {
                            tell_changed(&outbox);
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                // A write to the old copy of moved data would be lost: refused.
                if job.request.writes()
                    && let Some(target) = moved_to(&data_dir)
                {
                    let refusal =
                        format!("数据已迁移到 {}，此窗口不再保存修改；请重新打开督办台", target.display());
                    if !outbox.answer(&job, Reply::Failed(refusal)) {
                        break;
                    }
                    moved_told = outbox.tell(Asker::Board, Reply::MovedAway(target));
                    continue;
                }
                let progress = |fraction: f32, step: &str| {
                    outbox.progress(&job, Reply::Progress { fraction, step: step.to_owned() });
                };
                let cx = handle::Context {
                    store: &mut store,
                    clock,
                    data_dir: &data_dir,
                    progress: &progress,
                    listing: &mut listing,
                };
                let reply = handle::handle(cx, &job.request);
                if !outbox.answer(&job, reply) {
                    break;
                }
                // A board or a report was built: its temporaries are freed, and the window will
                // drop the board it replaces. Both go back to the system when next idle.
                untrimmed |= !matches!(job.request, Request::Search(_) | Request::LoadDetail(_));
            }
        });
        if let Err(e) = spawned {
            line.mark_dead(format!("无法启动后台线程：{e}"));
        }
        Worker { line }
    }

    /// Tells the worker which context to wake after each reply.
    pub fn attach(&self, ctx: &egui::Context) {
        self.line.attach(ctx);
    }

    /// Asks for `request` on behalf of `asker`; its replies come back to `asker`.
    pub fn send(&mut self, asker: Asker, request: Request) {
        self.line.send(asker, request);
    }

    /// Replies that have arrived, with who asked, without waiting.
    pub fn poll(&mut self) -> Vec<(Asker, Reply)> {
        self.line.poll(Reply::Failed)
    }

    pub fn line(&self) -> &Line<Request, Reply> {
        &self.line
    }
}

/// Where another window moved the data of `data_dir`, if it did.
fn moved_to(data_dir: &std::path::Path) -> Option<PathBuf> {
    crate::backup::moved_away(data_dir).ok().flatten()
}

impl Request {
    /// Whether the request changes the data (a moved-away window refuses these).
    fn writes(&self) -> bool {
        !matches!(
            self,
            Request::Refresh { .. }
                | Request::LoadDetail(_)
                | Request::Parse { .. }
                | Request::Export { .. }
                | Request::ExportBulletin { .. }
                | Request::LoadBrief(_)
                | Request::ExportBrief { .. }
                | Request::Search(_)
                | Request::LoadTrash
                | Request::ListBackups
                | Request::Backup(_)
                | Request::ReadForms(_)
        )
    }
}

fn tell_changed(outbox: &Outbox<Reply>) {
    outbox.tell(Asker::Board, Reply::ChangedElsewhere);
}
