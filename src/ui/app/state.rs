//! Read access to the app's state, for tests, the window title and the outer window (which
//! reopens the app when the data moved), and the view kept between runs.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{DubanApp, StatusMessage, ViewState};
use crate::model::{Board, BoardFilter, DirectiveDetail, DirectiveId, DirectiveRow, OfficeCounts, Settings};
use crate::ui::views::{ExportDialog, ImportDialog};
use crate::ui::worker::line::Asker;

impl DubanApp {
    /// Shows `text` in the status bar (the outer window tells a reopened app why).
    pub fn announce(&mut self, text: String) {
        self.status = Some(StatusMessage { text, is_error: false });
    }
    pub fn board(&self) -> &Board {
        &self.board
    }
    pub fn filter(&self) -> BoardFilter {
        self.filter
    }
    pub fn selected(&self) -> Option<DirectiveId> {
        self.selected
    }
    pub fn detail(&self) -> Option<&DirectiveDetail> {
        self.detail.as_ref()
    }
    pub fn author(&self) -> Option<&str> {
        self.settings.author.as_deref()
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn status(&self) -> Option<&StatusMessage> {
        self.status.as_ref()
    }
    pub fn is_export_open(&self) -> bool {
        self.dialogs.export.is_some()
    }
    /// The file the export dialog wrote, once it succeeded.
    pub fn exported_file(&self) -> Option<&Path> {
        self.dialogs.export.as_ref().and_then(ExportDialog::exported)
    }
    /// Where the data moved, once a move succeeded: the window reopens there.
    pub fn reopen_requested(&self) -> Option<&Path> {
        self.reopen.as_deref()
    }
    pub fn is_backup_open(&self) -> bool {
        self.dialogs.backup.is_some()
    }
    pub fn is_import_open(&self) -> bool {
        self.dialogs.import.is_some()
    }
    /// 新建工作要求 (or 新增工作要求) is open.
    pub fn is_by_hand_open(&self) -> bool {
        self.dialogs.by_hand.is_some()
    }
    /// The unsaved 新建工作要求, to keep when the window closes.
    pub fn by_hand_draft(&self) -> Option<crate::ui::views::ByHandDraft> {
        match &self.dialogs.by_hand {
            Some(dialog) => dialog.draft(),
            None => self.kept_by_hand.clone(),
        }
    }
    /// Brings back a 新建工作要求 typed before a restart (it shows when the dialog opens).
    pub fn restore_by_hand_draft(&mut self, draft: crate::ui::views::ByHandDraft) {
        self.kept_by_hand = Some(draft);
    }
    /// The import dialog shows a parsed notice for review.
    pub fn is_import_reviewing(&self) -> bool {
        self.dialogs.import.as_ref().is_some_and(ImportDialog::is_reviewing)
    }
    /// Waiting for a worker.
    pub fn is_busy(&self) -> bool {
        self.worker.line().is_busy() || self.files.line().is_busy()
    }
    /// Another window moved the data here (this one stopped writing).
    pub fn moved_away(&self) -> Option<&Path> {
        self.moved_away.as_deref()
    }
    /// Where the last report was written (the window keeps it across restarts).
    pub fn export_folder(&self) -> Option<&Path> {
        self.export_folder.as_deref()
    }
    pub fn set_export_folder(&mut self, folder: PathBuf) {
        self.export_folder = Some(folder);
    }
    /// The close guard asks what to do with the work in flight.
    pub fn is_close_guard_shown(&self) -> bool {
        self.close_guard.is_shown()
    }
    /// The window is closing: the officer asked to quit and nothing is in flight any more.
    pub fn is_closing(&self) -> bool {
        self.close_guard.should_close(&self.unfinished_work())
    }
    /// What would be lost if the window closed now, one line per kind of work in flight.
    pub fn unfinished_work(&self) -> Vec<&'static str> {
        let mut askers = self.worker.line().waiting();
        askers.extend(self.files.line().waiting());
        let mut lines: Vec<&'static str> = askers.into_iter().filter_map(|a| a.unfinished()).collect();
        lines.dedup();
        lines
    }
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
    /// The directives the table shows now, in order.
    pub fn visible_rows(&self) -> Vec<&DirectiveRow> {
        self.rows.iter().map(|i| &self.board.directives[*i]).collect()
    }
    /// Sidebar counts of the office called `name` (`None` for 全部).
    pub fn counts_of(&self, name: Option<&str>) -> OfficeCounts {
        let key = match name {
            None => None,
            Some(n) => match self.board.offices.iter().find(|o| o.name == n) {
                Some(o) => Some(o.id),
                None => return OfficeCounts::default(),
            },
        };
        self.counts.get(&key).copied().unwrap_or_default()
    }
    /// Progress notes typed and not yet stored, per directive (kept across restarts).
    pub fn note_drafts(&self) -> std::collections::BTreeMap<DirectiveId, crate::ui::NoteDraft> {
        self.detail_view.drafts()
    }
    pub fn restore_note_drafts(
        &mut self,
        drafts: std::collections::BTreeMap<DirectiveId, crate::ui::NoteDraft>,
    ) {
        self.detail_view.restore_drafts(drafts);
    }
    /// 今日待催办 of the office called `name` (the sidebar's 催N badge).
    pub fn to_press(&self, name: &str) -> usize {
        let office = self.board.offices.iter().find(|o| o.name == name);
        office.and_then(|o| self.press.get(&o.id).copied()).unwrap_or(0)
    }
    /// What to restore on the next start.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            overview: self.overview_shown,
            overdue: self.filter == BoardFilter::Overdue,
            office: match self.filter {
                BoardFilter::Office(id) => Some(id.0),
                _ => None,
            },
            detail: self.detail_shown,
        }
    }

    /// Shows what `view` describes (an office no longer in the roster falls back to 全部).
    pub fn restore_view(&mut self, view: ViewState) {
        self.overview_shown = view.overview;
        self.detail_shown = view.detail;
        self.filter = match (view.office, view.overdue) {
            (Some(id), _) => BoardFilter::Office(crate::model::OfficeId(id)),
            (None, true) => BoardFilter::Overdue,
            (None, false) => BoardFilter::All,
        };
        self.rows_changed();
    }

    /// How much of the register the board lists from now on (a fresh board follows). Tests set a
    /// small `whole_up_to` to see a large register's window on a few directives.
    pub fn set_listing(&mut self, listing: crate::ui::worker::Listing) {
        self.listing = listing;
        self.worker
            .send(Asker::Board, crate::ui::worker::Request::Listing { listing, detail: self.selected });
    }

    /// 总览 as last computed (it is recomputed only while shown: read it with the start screen up).
    pub fn overview(&self) -> &crate::model::Overview {
        &self.overview
    }

    /// The start screen is shown instead of the table.
    pub fn is_overview_shown(&self) -> bool {
        self.overview_shown
    }
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}
