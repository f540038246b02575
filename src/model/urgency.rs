//! 紧迫程度 — how a directive stands against its deadline on a given day.

use chrono::NaiveDate;

use super::Status;

/// Due within this many days counts as "due soon" (amber).
pub const DEFAULT_DUE_SOON_DAYS: i64 = 3;

/// The colour class of a directive on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Urgency {
    /// 已逾期 — deadline before today and not finished (red).
    Overdue,
    /// 即将到期 — due today or within the due-soon window (amber).
    DueSoon,
    /// 正常 — a later deadline, or none.
    OnTrack,
    /// 已完成 / 已销号 (green).
    Finished,
}

impl Urgency {
    pub fn of(deadline: Option<NaiveDate>, status: Status, today: NaiveDate, due_soon_days: i64) -> Urgency {
        if status.is_finished() {
            return Urgency::Finished;
        }
        match deadline.map(|d| days_left(d, today)) {
            Some(left) if left < 0 => Urgency::Overdue,
            Some(left) if left <= due_soon_days => Urgency::DueSoon,
            _ => Urgency::OnTrack,
        }
    }
}

/// Days from `today` to `deadline`: negative when overdue, 0 on the day itself.
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn classifies_against_today() {
        let today = d("2022-03-21");
        let open = Status::InProgress;
        assert_eq!(Urgency::of(Some(d("2022-03-20")), open, today, 3), Urgency::Overdue);
        assert_eq!(Urgency::of(Some(d("2022-03-21")), open, today, 3), Urgency::DueSoon);
        assert_eq!(Urgency::of(Some(d("2022-03-24")), open, today, 3), Urgency::DueSoon);
        assert_eq!(Urgency::of(Some(d("2022-03-25")), open, today, 3), Urgency::OnTrack);
        assert_eq!(Urgency::of(None, open, today, 3), Urgency::OnTrack);
        assert_eq!(Urgency::of(Some(d("2022-03-01")), Status::Closed, today, 3), Urgency::Finished);
        assert_eq!(days_left(d("2022-03-18"), today), -3);
    }
}
