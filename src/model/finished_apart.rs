//! 已办结未载入 — a large register's window holds the directives still in work; the finished
//! ones (已完成, 已销号: most of a register years old) stay in the database, and the window keeps
//! only what its figures counted of them. Memory then follows the work in hand, not the years
//! behind it (issue #17: a window of 100,000 directives under 150 MB), and every figure — 总览's
//! totals per meeting and office, 按期办结率, 平均办结天数 — is the same as with the whole board.
//!
//! The parts are disjoint: the board holds the directives that were not finished when it was
//! loaded (a row finished since stays on it), the figures here count the others. They were
//! counted for one day ([`FinishedApart::as_of`]); on another day the window loads a new board.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Board, FigureTally, NoticeId, OfficeId, OfficeIndex, Status, Totals};

/// A window's board of more directives than this leaves its finished ones out (unless the
/// officer asks to list them): a register of a few years' meetings is listed whole.
pub const LIST_WHOLE_UP_TO: usize = 20_000;

/// 已完成 and 已销号 directives of one meeting, of one office, or of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FinishedCount {
    /// 已完成, not yet checked.
    pub done: u32,
    /// 已销号
    pub closed: u32,
}

impl FinishedCount {
    fn add(&mut self, status: Status) {
        match status {
            Status::Closed => self.closed += 1,
            _ => self.done += 1,
        }
    }

    /// Adds these directives to `totals` as [`Totals::add`] would, one by one.
    pub fn add_to(self, totals: &mut Totals) {
        let (done, closed) = (self.done as usize, self.closed as usize);
        totals.directives += done + closed;
        totals.done += done + closed;
        totals.closed += closed;
    }

    pub fn total(self) -> usize {
        (self.done + self.closed) as usize
    }
}

/// What the finished directives a window's board left out count for.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedApart {
    /// The day the figures were counted for.
    pub as_of: NaiveDate,
    /// All of them.
    pub all: FinishedCount,
    pub by_notice: HashMap<NoticeId, FinishedCount>,
    /// Per office, as 总览 counts offices (named, or through a collective such as 各处室).
    pub by_office: HashMap<OfficeId, FinishedCount>,
    /// Per meeting and office, for a chosen meeting's 各单位完成情况.
    pub by_notice_office: HashMap<(NoticeId, OfficeId), FinishedCount>,
    /// Every office a left-out directive names directly (the roster keeps an office in use).
    pub named: HashSet<OfficeId>,
    /// Their share of the 督办 figures on `as_of`.
    pub figures: FigureTally,
}

impl Board {
    /// The finished directives left out of this board, if it left any.
    pub fn left_out(&self) -> usize {
        self.finished_apart.as_ref().map_or(0, |a| a.all.total())
    }

    /// Leaves the finished directives out (already out: nothing changes), keeping what they
    /// count for on `today` with `default_cadence` (the settings' 反馈周期).
    pub fn leave_out_finished(&mut self, today: NaiveDate, default_cadence: Option<i64>) {
        if self.finished_apart.is_some() {
            return;
        }
        let index = OfficeIndex::build(self);
        let mut apart = FinishedApart {
            as_of: today,
            all: FinishedCount::default(),
            by_notice: HashMap::new(),
            by_office: HashMap::new(),
            by_notice_office: HashMap::new(),
            named: HashSet::new(),
            figures: FigureTally::default(),
        };
        for (i, d) in self.directives.iter().enumerate().filter(|(_, d)| d.status.is_finished()) {
            apart.all.add(d.status);
            apart.by_notice.entry(d.notice_id).or_default().add(d.status);
            apart.named.extend(d.assignments.iter().map(|a| a.office));
            for p in index.offices_of(i) {
                let office = self.offices[*p as usize].id;
                apart.by_office.entry(office).or_default().add(d.status);
                apart.by_notice_office.entry((d.notice_id, office)).or_default().add(d.status);
            }
        }
        let left_out = apart.all.total();
        if left_out == 0 {
            return;
        }
        let mut kept = Vec::with_capacity(self.directives.len() - left_out);
        let mut gone = Vec::with_capacity(left_out);
        for d in std::mem::take(&mut self.directives) {
            if d.status.is_finished() { gone.push(d) } else { kept.push(d) }
        }
        // The rows kept are copied while the load's rows are still held: the copies take fresh
        // memory together instead of the holes the load left between its rows, and the load's
        // pages, freed whole, go back to the system (`ui/memory.rs`). Kept in place, the rows
        // in work held a page of each of the load's ~70 MB: the window stayed 25 MB larger.
        self.directives = kept.to_vec();
        drop(kept);
        // The finished rows' share of the 督办 figures, counted before they go.
        apart.figures = FigureTally::count(self, &gone, today, default_cadence).shrink();
        drop(gone);
        apart.by_notice.shrink_to_fit();
        apart.by_office.shrink_to_fit();
        apart.by_notice_office.shrink_to_fit();
        self.finished_apart = Some(Box::new(apart));
    }
}

#[cfg(test)]
#[path = "finished_apart_tests.rs"]
mod tests;
