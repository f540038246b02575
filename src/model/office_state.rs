//! 办理状态（分单位） — where one office stands on one directive (an assignment), and the
//! directive's state derived from its offices. 督办 is a loop with every responsible unit:
//! 未反馈 → 推进中 (first feedback) → 申请办结 (completion report) → 已办结 (accepted); a 退回
//! (return) is an event that sends 申请办结 back to 推进中 with its reason kept.

use serde::{Deserialize, Serialize};

use super::Status;

/// 单位办理状态 — the state of one assignment (directive × office).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OfficeState {
    /// 未反馈 — assigned, nothing reported yet.
    #[default]
    Unreported,
    /// 推进中 — reported at least once (also after a 退回重办).
    InProgress,
    /// 申请办结 — the office reported the work finished; awaiting review (审核).
    Requested,
    /// 已办结 — the duty office accepted the completion report.
    Finished,
}

impl OfficeState {
    pub const ALL: [OfficeState; 4] =
        [OfficeState::Unreported, OfficeState::InProgress, OfficeState::Requested, OfficeState::Finished];

    pub fn label(self) -> &'static str {
        match self {
            OfficeState::Unreported => "未反馈",
            OfficeState::InProgress => "推进中",
            OfficeState::Requested => "申请办结",
            OfficeState::Finished => "已办结",
        }
    }

    /// The value stored in the database (stable, English).
    pub fn as_db(self) -> &'static str {
        match self {
            OfficeState::Unreported => "unreported",
            OfficeState::InProgress => "in_progress",
            OfficeState::Requested => "requested",
            OfficeState::Finished => "finished",
        }
    }

    pub fn from_db(s: &str) -> Option<OfficeState> {
        OfficeState::ALL.into_iter().find(|st| st.as_db() == s)
    }

    /// The state an office takes from a directive's status when per-office states were
    /// introduced (migration 8): 未开始 → 未反馈, 推进中 → 推进中, 已完成 (reported done, not yet
    /// checked) → 申请办结, 已销号 (checked and closed) → 已办结.
    pub fn from_status(status: Status) -> OfficeState {
        match status {
            Status::NotStarted => OfficeState::Unreported,
            Status::InProgress => OfficeState::InProgress,
            Status::Done => OfficeState::Requested,
            Status::Closed => OfficeState::Finished,
        }
    }
}

impl std::fmt::Display for OfficeState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// 督办状态 — a directive's state derived from its lead offices (and 销号, the officer's own
/// decision on the whole directive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoopState {
    /// 未反馈 — no lead office has reported.
    Unreported,
    /// 推进中 — some lead office reported, none finished.
    InProgress,
    /// 待审核 — every lead office not yet finished has asked for 办结.
    AwaitingReview,
    /// 部分完成 — some but not all lead offices finished.
    PartlyFinished,
    /// 已办结 — every lead office finished.
    Finished,
    /// 已销号 — closed by the duty officer after review.
    Closed,
}

impl LoopState {
    pub fn label(self) -> &'static str {
        match self {
            LoopState::Unreported => "未反馈",
            LoopState::InProgress => "推进中",
            LoopState::AwaitingReview => "待审核",
            LoopState::PartlyFinished => "部分完成",
            LoopState::Finished => "已办结",
            LoopState::Closed => "已销号",
        }
    }

    /// Derives the state from the lead offices' states; `closed` is the officer's 销号.
    /// With no lead office (nothing assigned yet) the directive's stored status decides.
    pub fn derive(leads: &[OfficeState], status: Status) -> LoopState {
        if status == Status::Closed {
            return LoopState::Closed;
        }
        if leads.is_empty() {
            return match status {
                Status::NotStarted => LoopState::Unreported,
                Status::InProgress => LoopState::InProgress,
                Status::Done => LoopState::AwaitingReview,
                Status::Closed => LoopState::Closed,
            };
        }
        let finished = leads.iter().filter(|s| **s == OfficeState::Finished).count();
        let requested = leads.iter().filter(|s| **s == OfficeState::Requested).count();
        if finished == leads.len() {
            LoopState::Finished
        } else if finished > 0 {
            LoopState::PartlyFinished
        } else if requested == leads.len() {
            LoopState::AwaitingReview
        } else if leads.iter().all(|s| *s == OfficeState::Unreported) {
            LoopState::Unreported
        } else {
            LoopState::InProgress
        }
    }

    /// The stored directive status kept in step with the derived state (销号 stays the
    /// officer's): 已办结 → 已完成, 未反馈 → 未开始, anything else → 推进中.
    pub fn status(self) -> Status {
        match self {
            LoopState::Unreported => Status::NotStarted,
            LoopState::InProgress | LoopState::AwaitingReview | LoopState::PartlyFinished => {
                Status::InProgress
            }
            LoopState::Finished => Status::Done,
            LoopState::Closed => Status::Closed,
        }
    }
}

impl std::fmt::Display for LoopState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OfficeState::*;

    #[test]
    fn db_values_round_trip() {
        for st in OfficeState::ALL {
            assert_eq!(OfficeState::from_db(st.as_db()), Some(st));
        }
        assert_eq!(OfficeState::from_db("已办结"), None);
        assert_eq!(OfficeState::from_status(Status::Done), Requested);
        assert_eq!(OfficeState::from_status(Status::Closed), Finished);
    }

    #[test]
    fn a_directive_follows_its_lead_offices() {
        let open = Status::InProgress;
        assert_eq!(LoopState::derive(&[Finished, Unreported], open), LoopState::PartlyFinished);
        assert_eq!(LoopState::derive(&[Finished, Finished], open), LoopState::Finished);
        assert_eq!(LoopState::derive(&[Requested, Requested], open), LoopState::AwaitingReview);
        assert_eq!(LoopState::derive(&[Requested, Unreported], open), LoopState::InProgress);
        assert_eq!(LoopState::derive(&[Unreported, Unreported], open), LoopState::Unreported);
        assert_eq!(LoopState::derive(&[Finished], Status::Closed), LoopState::Closed);
        assert_eq!(LoopState::derive(&[], Status::Done), LoopState::AwaitingReview);
        assert_eq!(LoopState::PartlyFinished.status(), Status::InProgress);
        assert_eq!(LoopState::Finished.status(), Status::Done);
    }
}
