//! 提议 — what one filled row of a returned form asks for (反馈, 申请办结, 延期, photos), and the
//! conflicts that keep it from being applied without the officer. Built by review.rs, shown by
//! the window's review dialog, written by apply.rs.

use chrono::NaiveDate;

use super::returned::{Photo, ReturnedRow};
use crate::model::DirectiveId;

/// Why a row is not applied without the officer.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// Another file of this batch reports on the same directive for the same office.
    SecondReturn { other: String },
    /// This form's return was already applied (another file).
    FormAlreadyReturned { file: String, on: NaiveDate },
    /// The same file was applied before.
    SameFileApplied { on: NaiveDate },
    /// A return of a newer form of this office was already applied.
    OlderReturn { this: NaiveDate, applied: NaiveDate },
    /// The directive is not this office's.
    OtherOffice { offices: String },
    /// The directive was 销号.
    Closed,
    /// The office's part is finished.
    Finished,
    /// 申请办结 while a report awaits review.
    AwaitingReview,
    /// 申请办结 from a 配合单位.
    NotLead,
    /// 编号 not found (or no 编号 and no text matched).
    UnknownDirective,
    /// 编号 found but the text is another requirement's.
    TextMismatch { similarity: f32 },
    /// 申请延期至 is not a date.
    BadDate { text: String },
    /// The date asked is not after the current deadline.
    ExtensionNotLater { to: NaiveDate, current: NaiveDate },
    /// 延期 asked without a reason.
    NoReason,
    /// 办理状态 not understood.
    UnknownState { text: String },
    /// The file's office is unknown.
    NoOffice,
}

impl Conflict {
    pub fn message(&self) -> String {
        match self {
            Conflict::SecondReturn { other } => format!("本批中“{other}”也是该单位对此项的反馈，请选定一份"),
            Conflict::FormAlreadyReturned { file, on } => format!("该反馈单已于{on}录入过（{file}）"),
            Conflict::SameFileApplied { on } => format!("同一文件已于{on}录入过"),
            Conflict::OlderReturn { this, applied } => {
                format!("这份反馈单（{this}发出）早于已录入的反馈单（{applied}发出），可能是旧版本")
            }
            Conflict::OtherOffice { offices } => format!("该工作要求不属于本单位（责任单位：{offices}）"),
            Conflict::Closed => "该工作要求已销号".to_owned(),
            Conflict::Finished => "本单位该项已办结".to_owned(),
            Conflict::AwaitingReview => "本单位该项已申请办结，待审核".to_owned(),
            Conflict::NotLead => "本单位是配合单位，联合事项由牵头单位申请办结".to_owned(),
            Conflict::UnknownDirective => "找不到对应的工作要求（编号和文字都对不上）".to_owned(),
            Conflict::TextMismatch { similarity } => {
                format!("编号与工作要求文字不符（相似度 {:.0}%），可能行被改动", similarity * 100.0)
            }
            Conflict::BadDate { text } => format!("“申请延期至”不是日期：{text}"),
            Conflict::ExtensionNotLater { to, current } => {
                format!("申请延期至 {to} 不晚于当前时限 {current}")
            }
            Conflict::NoReason => "申请延期但未填写延期理由".to_owned(),
            Conflict::UnknownState { text } => format!("办理状态“{text}”无法识别（应为推进中或申请办结）"),
            Conflict::NoOffice => "无法确定是哪个单位的反馈单".to_owned(),
        }
    }
}

/// One filled row, as proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub line: usize,
    pub directive: Option<DirectiveId>,
    /// 一.1 工作要求 as the board has it.
    pub title: Option<String>,
    pub row: ReturnedRow,
    /// 进展情况 (the 反馈 text, or the 办结报告).
    pub feedback: String,
    /// 申请办结
    pub complete: bool,
    pub extend_to: Option<NaiveDate>,
    pub extend_reason: String,
    /// 批准人 of this row's extension, typed in the review (empty: the one given for all).
    pub approver: String,
    pub by: Option<String>,
    pub phone: Option<String>,
    pub conflicts: Vec<Conflict>,
    /// The officer's decision (default: accepted when there is no conflict).
    pub accepted: bool,
}

impl Proposal {
    pub fn photos(&self) -> &[Photo] {
        &self.row.photos
    }

    /// 反馈 / 申请办结 / 延期申请 in words.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.complete {
            parts.push("申请办结".to_owned());
        } else if !self.feedback.is_empty() {
            parts.push("反馈进展".to_owned());
        }
        if let Some(to) = self.extend_to {
            parts.push(format!("申请延期至{to}"));
        }
        if !self.row.photos.is_empty() {
            parts.push(format!("照片{}张", self.row.photos.len()));
        }
        parts.join("，")
    }
}
