//! 总览 — what the start screen shows: totals, completion per meeting and per office, and the
//! directives that need attention (overdue or due soon) office by office. Pure figures over the
//! board, like the 督办 figures beside it; the reports count their totals the same way.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    Board, DirectiveId, FinishedCount, NoticeId, OfficeGroup, OfficeId, OfficeIndex, Status, Urgency,
    days_left,
};

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

/// 需要关注 of one office: its first items (most overdue first) and how many there are.
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionGroup {
    pub office: OfficeId,
    pub name: String,
    /// At most [`Overview::ATTENTION_SHOWN`]: the rest are one click away in the office's table.
    pub items: Vec<AttentionItem>,
    /// All of the office's overdue and due-soon items.
    pub total: usize,
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
    pub attention: Vec<AttentionGroup>,
}

impl Overview {
    /// 需要关注 keeps this many items per office: the start screen stays readable, and a register
    /// of 100,000 directives does not copy thousands of titles for it.
    pub const ATTENTION_SHOWN: usize = 5;

    pub fn build(board: &Board, today: NaiveDate, due_soon_days: i64) -> Overview {
        Overview::build_with(board, &OfficeIndex::build(board), today, due_soon_days)
    }

    /// [`Overview::build`] with the board's [`OfficeIndex`] already built (the window keeps one).
    pub fn build_with(board: &Board, index: &OfficeIndex, today: NaiveDate, due_soon_days: i64) -> Overview {
        let mut overview = Overview::default();
        // Each directive's urgency once: the figures below count it up to five times.
        let urgency: Vec<Urgency> =
            board.directives.iter().map(|d| d.urgency(today, due_soon_days)).collect();
        for (d, u) in board.directives.iter().zip(&urgency) {
            overview.totals.add(d.status, *u);
            overview.due_soon += usize::from(*u == Urgency::DueSoon);
        }
        // The finished directives a large register's window left out count as they would listed.
        let apart = board.finished_apart.as_deref();
        if let Some(a) = apart {
            a.all.add_to(&mut overview.totals);
        }
        let listed = listed_offices(board);
        // Each notice's directives gathered once (a scan of the whole board per notice was
        // seconds at 100,000 directives and 1,500 notices).
        let mut by_notice: HashMap<NoticeId, Vec<usize>> = HashMap::new();
        for (i, d) in board.directives.iter().enumerate() {
            by_notice.entry(d.notice_id).or_default().push(i);
        }
        // 跨会: later meetings counted by a search in their sorted dates, not a scan per notice.
        let mut meeting_days: Vec<NaiveDate> = board.meetings().map(|n| n.issued_on).collect();
        meeting_days.sort_unstable();
        let mut per_office = vec![Totals::default(); board.offices.len()];
        overview.meetings = board
            .meetings()
            .map(|n| {
                let mine = by_notice.get(&n.id).map_or(&[][..], Vec::as_slice);
                let mut totals = Totals::default();
                for i in mine {
                    totals.add(board.directives[*i].status, urgency[*i]);
                }
                if let Some(c) = apart.and_then(|a| a.by_notice.get(&n.id)) {
                    c.add_to(&mut totals);
                }
                let carried_over = meeting_days.len() - meeting_days.partition_point(|d| *d <= n.issued_on);
                MeetingStat {
                    notice: n.id,
                    label: n.label().to_owned(),
                    issued_on: n.issued_on,
                    totals,
                    carried_over,
                }
            })
            .collect();
        let all: Vec<usize> = (0..board.directives.len()).collect();
        let finished = |office: OfficeId| apart.and_then(|a| a.by_office.get(&office)).copied();
        overview.offices =
            office_stats(board, index, |i| urgency[i], &all, &listed, &mut per_office, finished);
        for p in &listed {
            let office = &board.offices[*p];
            let mut items = Vec::new();
            for i in index.directives_of(*p).iter().map(|i| *i as usize) {
                let (d, u) = (&board.directives[i], urgency[i]);
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
                let total = items.len();
                items.truncate(Self::ATTENTION_SHOWN);
                items.shrink_to_fit();
                overview.attention.push(AttentionGroup {
                    office: office.id,
                    name: office.name.clone(),
                    items,
                    total,
                });
            }
        }
        overview
    }

    /// 各单位完成情况 of one meeting's notice: per office, its directives of that notice only
    /// (offices with none left out). Computed when a meeting is chosen, not for every meeting:
    /// a register of 1,500 meetings would keep ~50,000 office figures nobody looks at.
    pub fn meeting_offices(
        board: &Board,
        index: &OfficeIndex,
        notice: NoticeId,
        today: NaiveDate,
        due_soon_days: i64,
    ) -> Vec<OfficeStat> {
        let mine: Vec<usize> = board
            .directives
            .iter()
            .enumerate()
            .filter(|(_, d)| d.notice_id == notice)
            .map(|(i, _)| i)
            .collect();
        let urgency = |i: usize| board.directives[i].urgency(today, due_soon_days);
        let mut per_office = vec![Totals::default(); board.offices.len()];
        let apart = board.finished_apart.as_deref();
        let finished =
            |office: OfficeId| apart.and_then(|a| a.by_notice_office.get(&(notice, office))).copied();
        office_stats(board, index, urgency, &mine, &listed_offices(board), &mut per_office, finished)
    }
}

/// The offices the figures list: 机关处室 then 支队, in roster order, by roster position.
fn listed_offices(board: &Board) -> Vec<usize> {
    [OfficeGroup::Hq, OfficeGroup::Detachment]
        .into_iter()
        .flat_map(|g| board.offices.iter().enumerate().filter(move |(_, o)| o.group() == Some(g)))
        .map(|(p, _)| p)
        .collect()
}

/// Each listed office's totals over the directives `mine` (indices; `listed` in the order to
/// show, offices with none left out); `urgency` of a directive by its index. `per_office` is
/// scratch space, one per roster position; `finished` what an office's left-out finished
/// directives add ([`super::FinishedApart`]).
fn office_stats(
    board: &Board,
    index: &OfficeIndex,
    urgency: impl Fn(usize) -> Urgency,
    mine: &[usize],
    listed: &[usize],
    per_office: &mut [Totals],
    finished: impl Fn(OfficeId) -> Option<FinishedCount>,
) -> Vec<OfficeStat> {
    per_office.iter_mut().for_each(|t| *t = Totals::default());
    for i in mine {
        for p in index.offices_of(*i) {
            per_office[*p as usize].add(board.directives[*i].status, urgency(*i));
        }
    }
    for (p, totals) in per_office.iter_mut().enumerate() {
        if let Some(c) = finished(board.offices[p].id) {
            c.add_to(totals);
        }
    }
    listed
        .iter()
        .filter(|p| per_office[**p].directives > 0)
        .map(|p| OfficeStat {
            office: board.offices[*p].id,
            name: board.offices[*p].name.clone(),
            totals: per_office[*p],
        })
        .collect()
}
