//! 办理 — every change the officer makes to one directive, as data. The window sends one as
//! `Command::Edit(id, edit)`, the worker hands it to `Store::apply_edit`, the command line builds
//! the same values: a new kind of edit is a variant here, its arm in the store, and the view
//! that offers it — nothing else.

use chrono::NaiveDate;

use super::{DirectiveId, EvidenceId, LoopEdit, OfficeGroup, OfficeId, Status};

/// A change to one directive (or to a file attached to it).
#[derive(Debug, Clone, PartialEq)]
pub enum DirectiveEdit {
    /// 状态
    Status(Status),
    /// 完成时限 (`None`: no deadline).
    Deadline(Option<NaiveDate>),
    /// 责任单位, by name (new names join the roster).
    Offices(Vec<String>),
    /// 进展 — a dated progress note.
    Note { on: NaiveDate, text: String },
    /// 接续 — the earlier directive this one carries on (`None`: none).
    Continues(Option<DirectiveId>),
    /// 说明 — a file's caption.
    Caption(EvidenceId, String),
    /// 移到回收站
    TrashFile(EvidenceId),
    /// 从回收站恢复
    RestoreFile(EvidenceId),
    /// 督办: 反馈, 催办, 延期, 申请办结, 审核通过, 退回 or 重新打开 for one of its offices.
    Loop(LoopEdit),
}

/// 名册维护 — a change to the roster (applied by `Store::apply_roster_edit`, logged).
#[derive(Debug, Clone, PartialEq)]
pub enum RosterEdit {
    Add(String, OfficeGroup),
    /// Replace one office's 别名.
    Aliases(OfficeId, Vec<String>),
    /// The old name stays as an alias.
    Rename(OfficeId, String),
    Move(OfficeId, OfficeGroup),
    /// The first (a duplicate) into the second; its directives follow.
    Merge(OfficeId, OfficeId),
    Remove(OfficeId),
}
