//! 详情 — everything the detail pane shows about one directive.

use chrono::{NaiveDate, NaiveDateTime};

use super::{DirectiveId, DirectiveRow, Evidence, LoopEvent, NoteId, NoticeId, Status};

/// 进展 — a dated note on a directive (the duty officer's 值班记录). In identifiers these are
/// `notes` (`NoteId`, `add_note`); `progress` names how far a task has got.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: NoteId,
    /// The day it happened (may be earlier than when it was typed).
    pub on: NaiveDate,
    pub author: String,
    pub text: String,
    pub recorded_at: NaiveDateTime,
}

/// 变更记录 — one entry of the append-only change log.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEntry {
    pub at: NaiveDateTime,
    pub author: String,
    /// What changed, in Chinese (状态, 完成时限, 责任处室, 进展, 导入).
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// 接续 — another directive of this one's continuation chain: the one it carries on, or one that carries it on.
#[derive(Debug, Clone, PartialEq)]
pub struct Continuation {
    pub id: DirectiveId,
    pub number: String,
    pub title: String,
    /// 会议 of its notice, e.g. 2022年第10次办公会议.
    pub meeting: Option<String>,
    /// 印发日期 of its notice.
    pub issued_on: NaiveDate,
}

/// An earlier directive this one carries on, with what was reported on it.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierStep {
    pub directive: Continuation,
    pub status: Status,
    /// Newest first.
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveDetail {
    pub row: DirectiveRow,
    pub notice_id: NoticeId,
    pub notice_title: String,
    pub section_title: String,
    pub section_text: String,
    pub deadline_phrase: Option<String>,
    pub deadline_inferred: bool,
    pub recurrence: Option<String>,
    pub support_offices: Vec<String>,
    /// Newest first.
    pub notes: Vec<Note>,
    /// Newest first.
    pub changes: Vec<ChangeEntry>,
    /// 材料 — attached files, oldest first (the 回收站 excluded).
    pub evidence: Vec<Evidence>,
    /// 印发日期 of the notice, to flag photos taken before it.
    pub notice_issued_on: NaiveDate,
    /// 接续 — the directives this one carries on, nearest first.
    pub earlier: Vec<EarlierStep>,
    /// 后续 — directives of later notices that carry this one on.
    pub continued_by: Vec<Continuation>,
    /// 督办记录 — every office's 反馈, 催办, 延期, 办结 and review, oldest first.
    pub loop_events: Vec<LoopEvent>,
    /// 原文 — for a 批示 or 交办 entered by hand (its source is `row.source`).
    pub source_words: Option<String>,
    /// 拆分自 — the directive this one was split from: id and "number title".
    pub split_from: Option<(DirectiveId, String)>,
    /// 已并入 — directives merged into this one: id and "number title" (restoring one undoes
    /// its merge).
    pub merged: Vec<(DirectiveId, String)>,
}
