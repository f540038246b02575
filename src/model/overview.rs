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
        // Each directive's urgency once: the figures below count it up to five times.
        let all: Vec<(&DirectiveRow, Urgency)> =
            board.directives.iter().map(|d| (d, d.urgency(today, due_soon_days))).collect();
        for (d, u) in &all {
            overview.totals.add(d.status, *u);
            overview.due_soon += usize::from(*u == Urgency::DueSoon);
        }
        // Each notice's directives gathered once (a scan of the whole board per notice was
        // seconds at 100,000 directives and 1,500 notices).
        let mut by_notice: std::collections::HashMap<crate::model::NoticeId, Vec<(&DirectiveRow, Urgency)>> =
            std::collections::HashMap::new();
        for (d, u) in &all {
            by_notice.entry(d.notice_id).or_default().push((d, *u));
        }
        overview.meetings = board
            .meetings()
            .map(|n| {
                let mine = by_notice.get(&n.id).map_or(&[][..], Vec::as_slice);
                let mut totals = Totals::default();
                for (d, u) in mine {
                    totals.add(d.status, *u);
                }
                let carried_over = board.meetings_since(n.id);
                let offices = office_stats(board, mine);
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
        overview.offices = office_stats(board, &all);
        for office in [OfficeGroup::Hq, OfficeGroup::Detachment].into_iter().flat_map(|g| board.offices_in(g))
        {
            let mut items = Vec::new();
            for (d, u) in all.iter().filter(|(d, _)| d.concerns(office)) {
                let u = *u;
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

/// Each office's totals over the directives `mine` (机关处室 then 支队, roster order; offices
/// with none left out).
fn office_stats(board: &Board, mine: &[(&DirectiveRow, Urgency)]) -> Vec<OfficeStat> {
    [OfficeGroup::Hq, OfficeGroup::Detachment]
        .into_iter()
        .flat_map(|g| board.offices_in(g))
        .filter_map(|office| {
            let mut totals = Totals::default();
            for (d, u) in mine.iter().filter(|(d, _)| d.concerns(office)) {
                totals.add(d.status, *u);
            }
            (totals.directives > 0).then(|| OfficeStat {
                office: office.id,
                name: office.name.clone(),
                totals,
            })
        })
        .collect()
}
