//! The flat view of a summary shared by CSV and Excel: one row per directive × office.

use chrono::NaiveDate;

use super::{OfficeBlock, Summary, SummaryItem};

/// Column headings, in order.
pub const COLUMNS: [&str; 10] = [
    "单位",
    "类别",
    "编号",
    "工作要求",
    "完成时限",
    "状态",
    "逾期天数",
    "最新进展日期",
    "最新进展",
    "材料数",
];

/// One row of the flat table.
pub struct Row<'a> {
    pub block: &'a OfficeBlock,
    pub item: &'a SummaryItem,
}

impl Row<'_> {
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.item.deadline
    }

    /// The newer of the 值班记录 and the offices' feedback.
    pub fn latest_date(&self) -> Option<NaiveDate> {
        self.item.latest.as_ref().map(|(d, _)| *d).max(self.item.reported_on)
    }

    pub fn latest_text(&self) -> &str {
        self.item.latest.as_ref().map_or("", |(_, t)| t.as_str())
    }

    /// All cells as text, dates as YYYY-MM-DD.
    pub fn cells_iso(&self) -> [String; 10] {
        let date = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        [
            self.block.name.clone(),
            self.block.group.label().to_owned(),
            self.item.number.clone(),
            self.item.title_with_origin(""),
            date(self.deadline()),
            match self.item.unbacked {
                true => format!("{}（无佐证）", self.item.state_label),
                false => self.item.state_label.to_owned(),
            },
            self.item.days_overdue.map_or(String::new(), |n| n.to_string()),
            date(self.latest_date()),
            match &self.item.loop_note {
                Some(note) if self.latest_text().is_empty() => note.clone(),
                Some(note) => format!("{}\n{note}", self.latest_text()),
                None => self.latest_text().to_owned(),
            },
            self.item.evidence.to_string(),
        ]
    }
}

/// Every directive × office pair, block by block.
pub fn rows(summary: &Summary) -> impl Iterator<Item = Row<'_>> {
    summary.blocks.iter().flat_map(|block| block.items.iter().map(move |item| Row { block, item }))
}
