//! 设置 — the officer's preferences, kept in the database.

use super::DEFAULT_DUE_SOON_DAYS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// 填报人 — signs progress notes and changes; asked once.
    pub author: Option<String>,
    /// 即将到期 — directives due within this many days are amber.
    pub due_soon_days: i64,
    /// 深色主题
    pub dark: bool,
    /// 下次办公会议 — the date the next report is due.
    pub next_meeting: Option<chrono::NaiveDate>,
    /// 反馈周期 — offices report at least every this many days, or are 逾期未反馈 (`None`: no
    /// cadence). A notice may set its own.
    pub feedback_days: Option<i64>,
    /// 督查通报排名 — whether the bulletin ranks offices by 按期办结率 (off unless switched on).
    pub rank_offices: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            author: None,
            due_soon_days: DEFAULT_DUE_SOON_DAYS,
            dark: false,
            next_meeting: None,
            feedback_days: Some(super::DEFAULT_FEEDBACK_DAYS),
            rank_offices: false,
        }
    }
}

impl Settings {
    /// The due-soon window the UI accepts.
    pub const DUE_SOON_RANGE: std::ops::RangeInclusive<i64> = 0..=30;
    /// The feedback cadences the store accepts.
    pub const FEEDBACK_RANGE: std::ops::RangeInclusive<i64> = 1..=90;
}
