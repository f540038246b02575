//! The derived view — what the window shows, computed from the cached board in layers that
//! change for different reasons, so that each change recomputes only its own layer:
//!
//! - **the board's figures** (the office index, sidebar counts, 今日待催办 with the 催N badges):
//!   when the board changes — a snapshot, a replaced row — or the day or a setting;
//! - **the table's rows** (filter, search hits, sort): also when the filter, the search or the
//!   sort changes — a keystroke in the search box recomputes these alone (a few ms at 100,000
//!   directives, where the whole recompute was a quarter of a second);
//! - **总览 and 各单位督办指标**: only while shown (the start screen, or an office's table for its
//!   figures line), and again after the board changed.
//!
//! [`table_rows`] and [`BoardFigures::build`] are public so that benches/scale.rs measures
//! exactly what the window runs.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::DubanApp;
use crate::model::{
    Board, BoardFilter, DirectiveId, DirectiveRow, OfficeCounts, OfficeId, OfficeIndex, Overview, ReminderDue,
};
use crate::ui::views::Sort;
use crate::ui::worker::Request;
use crate::ui::worker::line::Asker;

/// For which day each layer was computed (`None`: stale).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Freshness {
    /// The office index no longer fits the board (a snapshot, or a row whose units changed).
    pub index_stale: bool,
    pub figures: Option<NaiveDate>,
    pub rows: Option<NaiveDate>,
    pub overview: Option<NaiveDate>,
    pub loop_figures: Option<NaiveDate>,
}

/// What a change of the board recomputes, whatever is shown.
#[derive(Debug, Clone, Default)]
pub struct BoardFigures {
    pub counts: HashMap<Option<OfficeId>, OfficeCounts>,
    /// 今日待催办.
    pub reminders: Vec<ReminderDue>,
    /// 今日待催办 per office, for the sidebar's 催N badges.
    pub press: HashMap<OfficeId, usize>,
}

impl BoardFigures {
    pub fn build(
        board: &Board,
        index: &OfficeIndex,
        today: NaiveDate,
        due_soon_days: i64,
        cadence: Option<i64>,
    ) -> BoardFigures {
        let counts = board.counts_with(index, today, due_soon_days);
        let reminders = crate::model::reminders_due(board, today, cadence);
        let mut press: HashMap<OfficeId, usize> = HashMap::new();
        for r in &reminders {
            *press.entry(r.office).or_default() += 1;
        }
        BoardFigures { counts, reminders, press }
    }
}

/// The table's rows (indices into `board.directives`): those passing `filter`, then only the
/// search's `hits` if there is a search, in `sort`'s order (else the notices').
pub fn table_rows(
    board: &Board,
    index: &OfficeIndex,
    filter: BoardFilter,
    hits: Option<&HashSet<DirectiveId>>,
    sort: Option<Sort>,
    today: NaiveDate,
    due_soon_days: i64,
) -> Vec<usize> {
    let mut rows = board.filtered_with(index, filter, today, due_soon_days);
    if let Some(hits) = hits {
        rows.retain(|i| hits.contains(&board.directives[*i].id));
    }
    if let Some(sort) = sort {
        sort.apply(&mut rows, &board.directives);
    }
    rows
}

impl DubanApp {
    /// The board changed (a snapshot, settings): every layer is stale.
    pub(super) fn board_changed(&mut self) {
        self.fresh = Freshness { index_stale: true, ..Freshness::default() };
    }

    /// The filter, the search or the sort changed: the rows alone are stale.
    pub(super) fn rows_changed(&mut self) {
        self.fresh.rows = None;
    }

    /// One directive's row replaced the cached one at `i`: the figures and rows are stale; the
    /// office index stands unless the row's units changed.
    pub(super) fn row_changed(&mut self, i: usize, old: &DirectiveRow) {
        let fits = self.index.still_fits(i, old, &self.board.directives[i]);
        self.fresh = Freshness { index_stale: self.fresh.index_stale || !fits, ..Freshness::default() };
    }

    /// Brings each stale layer the frame needs up to `today`.
    pub(super) fn derive(&mut self, today: NaiveDate) {
        let soon = self.settings.due_soon_days;
        if self.fresh.figures != Some(today) || self.fresh.index_stale {
            if self.fresh.index_stale {
                self.index = OfficeIndex::build(&self.board);
                self.fresh.index_stale = false;
            }
            // The left-out finished directives were counted for another day: a fresh board.
            if self.board.finished_apart.as_ref().is_some_and(|a| a.as_of != today) {
                self.worker.send(Asker::Board, Request::Refresh { detail: self.selected });
            }
            let figures = BoardFigures::build(&self.board, &self.index, today, soon, self.cadence);
            self.counts = figures.counts;
            self.press = figures.press;
            self.loop_overview.reminders = figures.reminders;
            self.fresh = Freshness { figures: Some(today), ..Freshness::default() };
        }
        if self.fresh.rows != Some(today) {
            if let BoardFilter::Office(id) = self.filter
                && self.loaded
                && self.board.office(id).is_none()
            {
                self.filter = BoardFilter::All;
            }
            let hits = self.search_hits.as_ref();
            self.rows = table_rows(&self.board, &self.index, self.filter, hits, self.sort, today, soon);
            self.hits_left_out = match hits.filter(|_| self.board.left_out() > 0) {
                Some(hits) => hits
                    .len()
                    .saturating_sub(self.board.directives.iter().filter(|d| hits.contains(&d.id)).count()),
                None => 0,
            };
            self.fresh.rows = Some(today);
        }
        if self.overview_shown && self.fresh.overview != Some(today) {
            self.overview = Overview::build_with(&self.board, &self.index, today, soon);
            self.fresh.overview = Some(today);
        }
        let figures_shown = self.overview_shown || matches!(self.filter, BoardFilter::Office(_));
        if figures_shown && self.fresh.loop_figures != Some(today) {
            self.loop_overview.figures = crate::model::office_figures(&self.board, today, self.cadence);
            self.fresh.loop_figures = Some(today);
        }
    }
}
