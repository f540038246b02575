//! 办理状态 — where a directive stands.

use serde::{Deserialize, Serialize};

/// 办理状态 — the life of a directive: 未开始 → 推进中 → 已完成 → 已销号 (and back, when
/// a check finds the work was not really done).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未开始
    #[default]
    NotStarted,
    /// 推进中
    InProgress,
    /// 已完成 — the office reports it done; awaiting the duty officer's check.
    Done,
    /// 已销号 — checked and closed.
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::NotStarted, Status::InProgress, Status::Done, Status::Closed];

    /// The Chinese word the officers use.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Closed => "已销号",
        }
    }

    /// The value stored in the database (stable, English).
    pub fn as_db(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Closed => "closed",
        }
    }

    pub fn from_db(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_db() == s)
    }

    /// Accepts the Chinese label or the database value (for the command line).
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_db() == s || st.label() == s)
    }

    /// Done or closed: no longer counts as open or overdue.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Closed)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_values_round_trip_and_labels_parse() {
        for st in Status::ALL {
            assert_eq!(Status::from_db(st.as_db()), Some(st));
            assert_eq!(Status::parse(st.label()), Some(st));
        }
        assert_eq!(Status::from_db("未开始"), None);
        assert!(Status::Done.is_finished() && !Status::InProgress.is_finished());
    }
}
