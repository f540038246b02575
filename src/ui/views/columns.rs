//! 列 — the table's columns, and which of them a pane of a given width shows: all eight on a
//! large monitor; on a 1366×768 laptop at 150 % 完成时限 and 剩余 merge into 时限 and 最新进展 and
//! 材料 give way (they are in the detail pane). Each column's least width keeps its header
//! readable; the title takes what is left.

use egui_extras::Column;

/// A column of the table. Narrow panes (a 1366×768 laptop at 150 %) get fewer, merged columns;
/// what is left out is in the detail pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Number,
    Title,
    Offices,
    Deadline,
    Left,
    /// 完成时限 and 剩余 in one cell, on two lines.
    DeadlineAndLeft,
    Status,
    Files,
    Latest,
}

impl Col {
    const WIDE: [Col; 8] = [
        Col::Number,
        Col::Title,
        Col::Offices,
        Col::Deadline,
        Col::Left,
        Col::Status,
        Col::Files,
        Col::Latest,
    ];
    const MEDIUM: [Col; 6] =
        [Col::Number, Col::Title, Col::Offices, Col::DeadlineAndLeft, Col::Status, Col::Latest];
    const NARROW: [Col; 5] = [Col::Number, Col::Title, Col::Offices, Col::DeadlineAndLeft, Col::Status];

    /// The columns for a pane `width` points wide: the most that fit at their least widths.
    pub fn plan(width: f32) -> Vec<Col> {
        [&Col::WIDE[..], &Col::MEDIUM[..]]
            .into_iter()
            .find(|cols| Col::needs(cols) <= width)
            .unwrap_or(&Col::NARROW[..])
            .to_vec()
    }

    /// Sorting by one is sorting by the other (完成时限, 剩余 and 时限 all sort by the deadline).
    pub fn same_key(self, other: Col) -> bool {
        let deadline = |c: Col| matches!(c, Col::Deadline | Col::Left | Col::DeadlineAndLeft);
        self == other || (deadline(self) && deadline(other))
    }

    /// The width `cols` take at their least.
    pub fn needs(cols: &[Col]) -> f32 {
        cols.iter().map(|c| c.least() + SPACING).sum()
    }

    pub fn title(self) -> &'static str {
        match self {
            Col::Number => "编号",
            Col::Title => "工作要求",
            Col::Offices => "责任单位",
            Col::Deadline => "完成时限",
            Col::Left => "剩余",
            Col::DeadlineAndLeft => "时限",
            Col::Status => "状态",
            Col::Files => "材料",
            Col::Latest => "最新进展",
        }
    }

    /// The least width at which its header and a short cell still read.
    fn least(self) -> f32 {
        match self {
            Col::Number => 52.0,
            Col::Title => 140.0,
            Col::Offices => 90.0,
            Col::Deadline => 72.0,
            Col::Left => 62.0,
            Col::DeadlineAndLeft => 72.0,
            Col::Status => 58.0,
            Col::Files => 40.0,
            Col::Latest => 110.0,
        }
    }

    pub fn column(self, roomy: bool) -> Column {
        let initial = match self {
            Col::Latest if roomy => 180.0,
            Col::Offices if roomy => 120.0,
            _ if roomy => self.least() + 8.0,
            _ => self.least(),
        };
        match self {
            Col::Number | Col::Files => Column::exact(self.least()),
            Col::Title => Column::remainder().at_least(self.least()).clip(true),
            _ => Column::initial(initial).at_least(self.least()).clip(true),
        }
    }
}

/// Space egui puts between columns.
const SPACING: f32 = 8.0;
