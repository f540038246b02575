//! 督办操作 — one value per loop action on one office of a directive, so the window, the
//! worker and the command line send every such change through one store entry point
//! (`Store::apply_loop_edit`).

use chrono::NaiveDate;

use super::{NewExtension, NewFeedback, NewReminder};

/// A loop action on the office named `office` (a roster name or alias) of one directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoopEdit {
    pub office: String,
    pub action: LoopAction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoopAction {
    /// 反馈 — record a report; 未反馈 becomes 推进中.
    Feedback(NewFeedback),
    /// 催办
    Remind(NewReminder),
    /// 延期 — an approved extension.
    Extend(NewExtension),
    /// 申请办结 — the office reports the work finished, with its 办结报告.
    Complete { on: NaiveDate, report: String },
    /// 审核通过 — accept the pending completion report: 已办结, completed on the report's date.
    Accept { on: NaiveDate },
    /// 退回重办 — return the pending completion report with a reason: back to 推进中.
    Return { on: NaiveDate, reason: String },
    /// 重新打开 — the duty office reopens an office's 已办结 (with a reason, logged): back to
    /// 推进中, its completion date cleared.
    Reopen { on: NaiveDate, reason: String },
}

impl LoopAction {
    /// What the change log calls it.
    pub fn label(&self) -> &'static str {
        match self {
            LoopAction::Feedback(_) => "反馈",
            LoopAction::Remind(_) => "催办",
            LoopAction::Extend(_) => "延期",
            LoopAction::Complete { .. } => "申请办结",
            LoopAction::Accept { .. } => "审核通过",
            LoopAction::Return { .. } => "退回重办",
            LoopAction::Reopen { .. } => "重新打开",
        }
    }

    /// The date the action is dated (the day it happened).
    pub fn date(&self) -> NaiveDate {
        match self {
            LoopAction::Feedback(f) => f.on,
            LoopAction::Remind(r) => r.on,
            LoopAction::Extend(e) => e.requested_on,
            LoopAction::Complete { on, .. }
            | LoopAction::Accept { on }
            | LoopAction::Return { on, .. }
            | LoopAction::Reopen { on, .. } => *on,
        }
    }
}
