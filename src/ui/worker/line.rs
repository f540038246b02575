//! 往来 — the line between the window and one worker thread. Every request is sent with the
//! place in the window that asked ([`Asker`]) and a ticket; every reply, progress included,
//! comes back with both, so it reaches exactly that place. What is outstanding is the set of
//! tickets not yet answered: "busy" and the close guard are read from it, never kept by hand.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

/// The place in the window that asked for a piece of work; its replies go back there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Asker {
    /// The board and the detail pane (refreshes, selecting, edits made in the detail).
    Board,
    /// The 进展 field of this directive: once the note is stored its draft is cleared.
    Note(crate::model::DirectiveId),
    /// A 督办 form of this directive: once the record is stored the form closes.
    Loop(crate::model::DirectiveId),
    /// The start of the window: the first snapshot and the day's automatic backup.
    Startup,
    Search,
    Import,
    Export,
    Settings,
    Author,
    Trash,
    Roster,
    /// 新建工作要求 / 新增工作要求 in their dialog: it closes once stored, shows a refusal.
    ByHand,
    /// 拆分、合并、删除、恢复 a directive (the detail, the 回收站).
    Register,
    /// 备份到… in the backup dialog.
    Backup,
    /// 从备份恢复 in the backup dialog.
    Restore,
    /// 迁移数据目录.
    Move,
    /// 添加材料 / dropped files.
    Attach,
    Thumbnails,
    /// The large photo viewer.
    Viewer,
    /// 打开 a stored file.
    OpenFile,
    /// 检查数据.
    Check,
    /// 督办单: generating, reading and applying forms.
    Forms,
}

impl Asker {
    /// What is lost if the window closes now, for the close guard (`None`: nothing worth asking).
    pub fn unfinished(self) -> Option<&'static str> {
        match self {
            Asker::Note(_)
            | Asker::Loop(_)
            | Asker::Board
            | Asker::Settings
            | Asker::Author
            | Asker::Roster
            | Asker::Register
            | Asker::ByHand
            | Asker::Trash => Some("正在保存修改"),
            Asker::Import => Some("正在导入通知"),
            Asker::Export => Some("正在导出汇总"),
            Asker::Backup => Some("正在备份"),
            Asker::Restore => Some("正在从备份恢复"),
            Asker::Move => Some("正在迁移数据目录"),
            Asker::Attach => Some("正在添加材料"),
            Asker::Forms => Some("正在处理督办单"),
            Asker::Startup => Some("正在自动备份"),
            Asker::Search | Asker::Thumbnails | Asker::Viewer | Asker::OpenFile | Asker::Check => None,
        }
    }
}

/// A request in flight.
pub struct Job<Q> {
    pub ticket: u64,
    pub asker: Asker,
    pub request: Q,
}

/// A reply on its way back: `last` ends the job (progress has `last == false`); `ticket` is
/// `None` for news nobody asked for (another process changed the database).
pub struct Answer<R> {
    pub ticket: Option<u64>,
    pub asker: Asker,
    pub reply: R,
    pub last: bool,
}

/// The worker's side: where to send replies, and whom to wake.
pub struct Outbox<R> {
    sender: Sender<Answer<R>>,
    wake: Arc<OnceLock<egui::Context>>,
}

impl<R> Outbox<R> {
    fn send(&self, answer: Answer<R>) -> bool {
        let sent = self.sender.send(answer).is_ok();
        if let Some(ctx) = self.wake.get() {
            ctx.request_repaint();
        }
        sent
    }

    /// A step of `job`'s work; more replies follow.
    pub fn progress<Q>(&self, job: &Job<Q>, reply: R) {
        self.send(Answer { ticket: Some(job.ticket), asker: job.asker, reply, last: false });
    }

    /// `job`'s answer; false when the window is gone.
    pub fn answer<Q>(&self, job: &Job<Q>, reply: R) -> bool {
        self.send(Answer { ticket: Some(job.ticket), asker: job.asker, reply, last: true })
    }

    /// News for `asker` that answers no request.
    pub fn tell(&self, asker: Asker, reply: R) -> bool {
        self.send(Answer { ticket: None, asker, reply, last: false })
    }
}

/// The window's side of the line.
pub struct Line<Q, R> {
    requests: Sender<Job<Q>>,
    replies: Receiver<Answer<R>>,
    next_ticket: u64,
    outstanding: BTreeMap<u64, Asker>,
    wake: Arc<OnceLock<egui::Context>>,
    /// Why the worker cannot answer (it could not start, or stopped): every request fails with it.
    dead: Option<String>,
}

/// A new line: the window's end, and the worker's inbox and outbox.
pub fn line<Q, R>() -> (Line<Q, R>, Receiver<Job<Q>>, Outbox<R>) {
    let (requests, inbox) = channel();
    let (sender, replies) = channel();
    let wake = Arc::new(OnceLock::new());
    let outbox = Outbox { sender, wake: Arc::clone(&wake) };
    let line = Line { requests, replies, next_ticket: 0, outstanding: BTreeMap::new(), wake, dead: None };
    (line, inbox, outbox)
}

impl<Q, R> Line<Q, R> {
    /// The worker thread could not be started: say `why` to every asker.
    pub fn mark_dead(&mut self, why: String) {
        self.dead = Some(why);
    }

    /// Tells the worker which context to wake after each reply.
    pub fn attach(&self, ctx: &egui::Context) {
        let _ = self.wake.set(ctx.clone());
    }

    /// Sends `request` on behalf of `asker`.
    pub fn send(&mut self, asker: Asker, request: Q) {
        self.next_ticket += 1;
        let ticket = self.next_ticket;
        self.outstanding.insert(ticket, asker);
        if self.dead.is_none() && self.requests.send(Job { ticket, asker, request }).is_err() {
            self.dead = Some("后台线程意外退出，请重新启动督办台".into());
        }
    }

    /// Replies that have arrived, without waiting. When the worker is gone, each outstanding
    /// request is answered with `failed(why)`.
    pub fn poll(&mut self, failed: impl Fn(String) -> R) -> Vec<(Asker, R)> {
        let mut out = Vec::new();
        loop {
            match self.replies.try_recv() {
                Ok(answer) => {
                    if answer.last
                        && let Some(ticket) = answer.ticket
                    {
                        self.outstanding.remove(&ticket);
                    }
                    out.push((answer.asker, answer.reply));
                }
                Err(TryRecvError::Empty) if self.dead.is_none() => break,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => {
                    let why =
                        self.dead.get_or_insert_with(|| "后台线程意外退出，请重新启动督办台".into()).clone();
                    for (_, asker) in std::mem::take(&mut self.outstanding) {
                        out.push((asker, failed(why.clone())));
                    }
                    break;
                }
            }
        }
        out
    }

    /// Whether any request is unanswered.
    pub fn is_busy(&self) -> bool {
        !self.outstanding.is_empty()
    }

    /// Whether `asker` waits for an answer.
    pub fn is_waiting(&self, asker: Asker) -> bool {
        self.outstanding.values().any(|a| *a == asker)
    }

    /// The askers still waiting, each once.
    pub fn waiting(&self) -> Vec<Asker> {
        let mut askers: Vec<Asker> = self.outstanding.values().copied().collect();
        askers.sort();
        askers.dedup();
        askers
    }
}
