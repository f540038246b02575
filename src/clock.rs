//! 今天 — the one clock. Tests and `--date` fix it; the app reads the system date.

use chrono::{Local, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    /// A fixed "today" (tests, `--date`); times of day are noon.
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => Local::now().date_naive(),
            Clock::Fixed(d) => d,
        }
    }

    /// Time stamp for change-log entries.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(d) => d.and_hms_opt(12, 0, 0).unwrap_or_default(),
        }
    }
}
