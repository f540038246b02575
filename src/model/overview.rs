//! 总览 — what the start screen shows: totals, completion per meeting and per office, and the
//! directives that need attention (overdue or due soon) office by office. Pure figures over the
//! board, like the 督办 figures beside it; the reports count their totals the same way.

use chrono::NaiveDate;

use super::{Board, DirectiveId, DirectiveRow, NoticeId, OfficeGroup, OfficeId, Status, Urgency, days_left};

/// 总体情况 — counted per directive, not per office.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub directives: usize,
    /// 已完成 + 已销号
    pub done: usize,
    pub closed: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub overdue: usize,
}

impl Totals {
    pub fn add(&mut self, status: Status, urgency: Urgency) {
        self.directives += 1;
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Done => self.done += 1,
            Status::Closed => {
                self.done += 1;
                self.closed += 1;
            }
        }
        self.overdue += usize::from(urgency == Urgency::Overdue);
    }

    /// 完成率, 0.0 … 1.0.
    pub fn completion_rate(&self) -> f64 {
        if self.directives == 0 { 0.0 } else { self.done as f64 / self.directives as f64 }
    }

    /// 完成率 as shown: — while there is nothing to complete (0.0% would read as failure).
    pub fn completion_percent(&self) -> String {
        if self.directives == 0 {
            return "—".to_owned();
        }
        format!("{:.1}%", self.completion_rate() * 100.0)
    }
}

/// Completion of one meeting's notice.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingStat {
    pub notice: NoticeId,
    pub label: String,
    pub issued_on: NaiveDate,
    pub totals: Totals,
    /// 跨会 — later meetings held since; its open directives were carried over that often.
    pub carried_over: usize,
    /// Per office, this meeting's directives only (offices with none left out).
    pub offices: Vec<OfficeStat>,
}

/// One office's counts for the bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeStat {
    pub office: OfficeId,
    pub name: String,
    pub totals: Totals,
}

/// A directive needing attention, as the overview lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionItem {
    pub id: DirectiveId,
    pub number: String,
    pub title: String,
    pub urgency: Urgency,
    /// Negative: days overdue.
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overview {
    pub totals: Totals,
    pub due_soon: usize,
    /// Newest notice first.
    pub meetings: Vec<MeetingStat>,
    /// Offices with any directive, 机关处室 then 支队, in roster order.
    pub offices: Vec<OfficeStat>,
    /// Per office (roster order), its overdue items (most overdue first) then due-soon ones.
    pub attention: Vec<(OfficeId, String, Vec<AttentionItem>)>,
}

impl Overview {
    pub fn build(board: &Board, today: NaiveDate, due_soon_days: i64) -> Overview {
        let mut overview = Overview::default();
        for d in &board.directives {
            let u = d.urgency(today, due_soon_days);
            overview.totals.add(d.status, u);
            overview.due_soon += usize::from(u == Urgency::DueSoon);
        }
        overview.meetings = board
            .notices
            .iter()
            .map(|n| {
                let mut totals = Totals::default();
                for d in board.directives.iter().filter(|d| d.notice_id == n.id) {
                    totals.add(d.status, d.urgency(today, due_soon_days));
                }
                let carried_over = board.meetings_since(n.id);
                let offices = office_stats(board, today, due_soon_days, |d| d.notice_id == n.id);
                MeetingStat {
                    notice: n.id,
                    label: n.label().to_owned(),
                    issued_on: n.issued_on,
                    totals,
                    carried_over,
                    offices,
                }
            })
            .collect();
        overview.offices = office_stats(board, today, due_soon_days, |_| true);
        for office in [OfficeGroup::Hq, OfficeGroup::Detachment].into_iter().flat_map(|g| board.offices_in(g))
        {
            let mut items = Vec::new();
            for d in board.directives.iter().filter(|d| d.concerns(office)) {
                let u = d.urgency(today, due_soon_days);
                if let (Urgency::Overdue | Urgency::DueSoon, Some(deadline)) = (u, d.deadline) {
                    items.push(AttentionItem {
                        id: d.id,
                        number: d.number.clone(),
                        title: d.title.clone(),
                        urgency: u,
                        days_left: days_left(deadline, today),
                    });
                }
            }
            if !items.is_empty() {
                items.sort_by_key(|i| i.days_left);
                overview.attention.push((office.id, office.name.clone(), items));
            }
        }
        overview
    }
}

/// Each office's totals over the directives `wanted` picks (机关处室 then 支队, roster order;
/// offices with none left out).
fn office_stats(
    board: &Board,
    today: NaiveDate,
    due_soon_days: i64,
    wanted: impl Fn(&DirectiveRow) -> bool,
) -> Vec<OfficeStat> {
    let mine: Vec<&DirectiveRow> = board.directives.iter().filter(|d| wanted(d)).collect();
    [OfficeGroup::Hq, OfficeGroup::Detachment]
        .into_iter()
        .flat_map(|g| board.offices_in(g))
        .filter_map(|office| {
            let mut totals = Totals::default();
            for d in mine.iter().filter(|d| d.concerns(office)) {
                totals.add(d.status, d.urgency(today, due_soon_days));
            }
            (totals.directives > 0).then(|| OfficeStat {
                office: office.id,
                name: office.name.clone(),
                totals,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::parse_notice;
    use crate::store::Store;

    #[test]
    fn counts_meetings_offices_and_what_needs_attention() {
        let text = include_str!("../../tests/fixtures/seed-notice.txt");
        let issued: NaiveDate = "2022-03-16".parse().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store
            .import_notice(
                &parse_notice(text, issued).unwrap(),
                text,
                "甲",
                issued.and_hms_opt(9, 0, 0).unwrap(),
            )
            .unwrap();
        let board = store.load_board().unwrap();
        // 3-18: everything due 3-20 is due soon; 3-22: overdue.
        let soon = Overview::build(&board, "2022-03-18".parse().unwrap(), 3);
        assert_eq!((soon.totals.overdue, soon.due_soon), (0, 15));
        let late = Overview::build(&board, "2022-03-22".parse().unwrap(), 3);
        assert_eq!((late.totals.overdue, late.due_soon), (15, 0));
        assert_eq!(late.meetings.len(), 1);
        assert_eq!(late.meetings[0].label, "2022年第10次办公会议");
        assert_eq!(late.meetings[0].totals.directives, 16);
        assert_eq!(late.offices.len(), 8, "only offices with directives");
        let (_, name, items) = late.attention.iter().find(|(_, n, _)| n == "队务处").unwrap();
        assert_eq!(name, "队务处");
        assert_eq!(items.len(), 5, "五.1 (年底) needs no attention yet");
        assert!(items.iter().all(|i| i.urgency == Urgency::Overdue && i.days_left == -2));
        assert_eq!(late.meetings[0].carried_over, 0);

        // A later meeting's notice: the first one's open work has been carried over once.
        let later = include_str!("../../tests/fixtures/notices/02-task-division.txt");
        let next: NaiveDate = "2022-04-20".parse().unwrap();
        store
            .import_notice(
                &parse_notice(later, next).unwrap(),
                later,
                "甲",
                next.and_hms_opt(9, 0, 0).unwrap(),
            )
            .unwrap();
        let board = store.load_board().unwrap();
        let o = Overview::build(&board, "2022-04-21".parse().unwrap(), 3);
        let first = o.meetings.iter().find(|m| m.label == "2022年第10次办公会议").unwrap();
        assert_eq!(first.carried_over, 1);
        assert_eq!(
            o.meetings.iter().map(|m| m.carried_over).min(),
            Some(0),
            "the newest is not carried over"
        );
        // Per meeting, per office: the first meeting's 队务处 has its 6, the later one its own.
        let office = |m: &MeetingStat, name: &str| {
            m.offices.iter().find(|s| s.name == name).map(|s| s.totals.directives)
        };
        assert_eq!(office(first, "队务处"), Some(6));
        let all: usize = o.offices.iter().find(|s| s.name == "队务处").unwrap().totals.directives;
        let per_meeting: usize = o.meetings.iter().filter_map(|m| office(m, "队务处")).sum();
        assert_eq!(all, per_meeting, "the meetings add up to the whole");
    }
}
