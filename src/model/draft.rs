//! 草稿 — a parsed notice before it is stored: what the import review screen edits.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 通知 — a work-requirements notice as parsed, not yet stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeDraft {
    /// 标题, joined when the notice splits it over several lines.
    pub title: String,
    /// 发文单位 (e.g. 辽宁省消防救援总队), where the title names it.
    pub issuer: Option<String>,
    /// 主送 — the recipients line (各支队、机关各处室：), split.
    pub recipients: Vec<String>,
    /// 会议 — e.g. 2022年第10次办公会议.
    pub meeting: Option<String>,
    /// 发文字号 — e.g. 辽消〔2024〕12号.
    #[serde(default)]
    pub doc_number: Option<String>,
    /// 印发日期 — the date deadlines are counted from.
    pub issued_on: NaiveDate,
    /// 导语 — the text between the recipients line and the first section.
    pub preamble: String,
    /// 结尾 — anything after the last section (signature, date, attachments).
    pub closing: String,
    pub sections: Vec<SectionDraft>,
}

/// 部分 — a numbered section (一、…) with its title sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionDraft {
    /// 一, 二, … (without the 、).
    pub number: String,
    pub title: String,
    /// The section's whole text as it stands in the notice.
    pub text: String,
    /// 责任处室 named for the whole section.
    pub offices: Vec<String>,
    pub directives: Vec<DirectiveDraft>,
}

/// 工作要求 — one requirement, the unit that is tracked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectiveDraft {
    /// 一.2 style: section number, then the position inside the section.
    pub number: String,
    /// Short headline (在建工地治理); the first clause where the notice gives none.
    pub title: String,
    /// Full text of the requirement.
    pub text: String,
    /// 责任处室 / 牵头单位 — the responsible (lead) units, as written.
    pub offices: Vec<String>,
    /// 配合单位 — supporting units, as written.
    pub support_offices: Vec<String>,
    pub deadline: DeadlineDraft,
    /// The words the units came from (（牵头单位：X；配合单位：Y）, 由X牵头，Y配合, 责任部门：X),
    /// for the review screen; `None` when no unit is named.
    #[serde(default)]
    pub units_phrase: Option<String>,
    /// Headings and lead-ins above this directive (（一）高层建筑 › 具体要求如下：), so no
    /// text is lost when numbered items nest.
    #[serde(default)]
    pub context: Option<String>,
    /// 接续 — the stored directive of an earlier notice this one carries on (chosen on the
    /// review screen; the parser never sets it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<super::DirectiveId>,
}

/// 完成时限 — a deadline and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeadlineDraft {
    pub date: Option<NaiveDate>,
    /// The words the date came from (年底前, 本周工作重点, 3月15日前).
    pub phrase: Option<String>,
    /// True when the date was not written for this directive but inferred
    /// (e.g. from 本周工作重点 in the preamble); the review screen marks these.
    pub inferred: bool,
    /// 每月25日前, 每季度 — kept as written; no single date.
    pub recurrence: Option<String>,
}

impl NoticeDraft {
    pub fn directives(&self) -> impl Iterator<Item = &DirectiveDraft> {
        self.sections.iter().flat_map(|s| s.directives.iter())
    }

    pub fn directive_count(&self) -> usize {
        self.sections.iter().map(|s| s.directives.len()).sum()
    }
}
