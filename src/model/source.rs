//! 来源 — where directives come from when no notice was imported: a 领导批示 (a leader's written
//! instruction on a document) or a 临时交办 (a task handed down between meetings). Each such
//! directive gets a source record of its own — stored as a notice of that kind, so the board,
//! the 督办 loop, figures, search and reports treat it as any imported directive — and the
//! register edits ([`RegisterEdit`]) add, split, merge, delete and restore directives.

use chrono::NaiveDate;

use super::{DirectiveId, NoticeId};

/// 来源类别 of a directive entered by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// 领导批示
    Instruction,
    /// 临时交办
    Assigned,
}

impl SourceKind {
    pub const ALL: [SourceKind; 2] = [SourceKind::Instruction, SourceKind::Assigned];

    /// 领导批示 / 临时交办
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Instruction => "领导批示",
            SourceKind::Assigned => "临时交办",
        }
    }

    /// 批示 / 交办, for a narrow column.
    pub fn short(self) -> &'static str {
        match self {
            SourceKind::Instruction => "批示",
            SourceKind::Assigned => "交办",
        }
    }

    /// Who gave it: 批示人 / 交办人.
    pub fn person_label(self) -> &'static str {
        match self {
            SourceKind::Instruction => "批示人",
            SourceKind::Assigned => "交办人",
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            SourceKind::Instruction => "instruction",
            SourceKind::Assigned => "assigned",
        }
    }

    /// `None` for an imported notice (`notice`) or an unknown value.
    pub fn from_db(s: &str) -> Option<SourceKind> {
        match s {
            "instruction" => Some(SourceKind::Instruction),
            "assigned" => Some(SourceKind::Assigned),
            _ => None,
        }
    }

    /// 批示 / 领导批示 / 交办 / 临时交办 (the command line's `--source`).
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s.trim() {
            "批示" | "领导批示" => Some(SourceKind::Instruction),
            "交办" | "临时交办" => Some(SourceKind::Assigned),
            _ => None,
        }
    }
}

/// The source record of a directive entered by hand: its kind, who gave it, its 文号.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    /// 批示人 / 交办人
    pub by: Option<String>,
    /// 文号 — of the document the 批示 is written on, or of the 交办单.
    pub reference: Option<String>,
}

impl Source {
    /// 王总队长批示（辽消〔2026〕12号）, or 领导批示 / 临时交办 when nobody is named — for lists
    /// and the detail pane.
    pub fn describe(&self) -> String {
        match self.reference() {
            Some(r) => format!("{}（{r}）", self.who()),
            None => self.who(),
        }
    }

    /// 王总队长批示，辽消〔2026〕12号 — for a report's 工作要求 cell, inside its own brackets.
    pub fn note(&self) -> String {
        match self.reference() {
            Some(r) => format!("{}，{r}", self.who()),
            None => self.who(),
        }
    }

    /// 王总队长批示 / 李处长交办, or 领导批示 / 临时交办.
    fn who(&self) -> String {
        match self.by.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(by) => format!("{by}{}", self.kind.short()),
            None => self.kind.label().to_owned(),
        }
    }

    fn reference(&self) -> Option<&str> {
        self.reference.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// 新增工作要求 — one directive typed by the officer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewDirective {
    pub title: String,
    /// The words of the requirement (for a 批示: the original words, 原文).
    pub text: String,
    /// 责任单位, by name (new names join the roster).
    pub offices: Vec<String>,
    pub deadline: Option<NaiveDate>,
}

/// 新建工作要求 — a 领导批示 or 临时交办 with the directive it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByHand {
    pub source: Source,
    /// 批示日期 / 交办日期 — the date it was given (it plays the notice's 印发日期).
    pub on: NaiveDate,
    pub directive: NewDirective,
}

/// A change to which directives exist: applied by `Store::apply_register_edit` in one
/// transaction, logged, and reversible (a split is merged back, a merge undone, a delete restored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterEdit {
    /// 新建工作要求 from a 批示 or 交办.
    Create(ByHand),
    /// 新增工作要求 in a stored notice (after its last directive).
    Add { notice: NoticeId, directive: NewDirective },
    /// 拆分: directive `id` keeps `keep_text` (and everything recorded on it); `part` becomes a
    /// new directive right after it.
    Split { id: DirectiveId, keep_text: String, part: NewDirective },
    /// 合并: `from` (of the same notice) joins `into` — its text, offices, notes, files and 督办
    /// records — and is set aside, restorable (which undoes the merge).
    Merge { into: DirectiveId, from: DirectiveId },
    /// 删除: set aside (a soft delete, like a trashed file); refused once an office has records.
    Delete(DirectiveId),
    /// 恢复 a deleted directive, or undo the merge that set it aside.
    Restore(DirectiveId),
}

impl RegisterEdit {
    /// The directive whose detail offered this edit (拆分, 合并, 删除): its form closes once the
    /// edit is stored. `None` for edits made from a dialog or the 回收站.
    pub fn subject(&self) -> Option<DirectiveId> {
        match self {
            RegisterEdit::Split { id, .. } | RegisterEdit::Delete(id) => Some(*id),
            RegisterEdit::Merge { into, .. } => Some(*into),
            RegisterEdit::Create(_) | RegisterEdit::Add { .. } | RegisterEdit::Restore(_) => None,
        }
    }
}

/// A directive set aside (deleted or merged), as the 回收站 lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub id: DirectiveId,
    pub number: String,
    pub title: String,
    /// The notice's meeting or title (or the 批示's description).
    pub notice: String,
    pub at: chrono::NaiveDateTime,
    /// Merged into this directive (restoring undoes the merge).
    pub merged_into: Option<DirectiveId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_and_describe_in_chinese() {
        assert_eq!(SourceKind::parse("批示"), Some(SourceKind::Instruction));
        assert_eq!(SourceKind::parse("临时交办"), Some(SourceKind::Assigned));
        assert_eq!(SourceKind::parse("通知"), None);
        let s = Source {
            kind: SourceKind::Instruction,
            by: Some("王总队长".into()),
            reference: Some("辽消〔2026〕12号".into()),
        };
        assert_eq!(s.describe(), "王总队长批示（辽消〔2026〕12号）");
        assert_eq!(s.note(), "王总队长批示，辽消〔2026〕12号");
        let bare = Source { kind: SourceKind::Assigned, by: Some(" ".into()), reference: None };
        assert_eq!(bare.describe(), "临时交办");
        let numbered =
            Source { kind: SourceKind::Assigned, by: None, reference: Some("督办〔2026〕3号".into()) };
        assert_eq!(numbered.describe(), "临时交办（督办〔2026〕3号）");
    }
}
