//! 督办台 — the application: a cached view of the data, the views, and the commands they
//! return, applied at the end of each frame. Database work happens on the worker threads; each
//! request says who asked, and its replies go back there.
//! `chrome` draws the bars and reads shortcuts; `dispatch` applies commands; `replies` routes
//! what the workers answer; `dialogs` holds the dialogs; `guards` the close guard and the moved-
//! away notice; `state` is read access for tests.

mod chrome;
mod derive;
mod dialogs;
mod dispatch;
mod guards;
mod replies;
mod state;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use egui::{Panel, RichText, Ui};

pub use self::derive::{BoardFigures, table_rows};

use self::chrome::{filter_title, top_bar};
use self::dialogs::Dialogs;
use super::command::Command;
use super::views::{
    AttachProgress, BoardTable, CloseGuard, DetailContext, DetailView, LoopOverview, OverviewView, SearchBar,
    Sidebar, Sort, Thumbnails, ViewContext,
};
use super::worker::files::{FileRequest, FileWorker};
use super::worker::line::Asker;
use super::worker::{Listing, Request, Worker};
use crate::clock::Clock;
use crate::model::Overview;
use crate::model::{
    Board, BoardFilter, DirectiveDetail, DirectiveId, OfficeCounts, OfficeId, OfficeIndex, Settings,
};
use crate::store::Store;

/// What the window showed, kept between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ViewState {
    pub overview: bool,
    pub overdue: bool,
    /// The office chosen in the sidebar (row id), if any.
    pub office: Option<i64>,
    /// The detail pane is shown (folded away on a small screen, it stays so).
    #[serde(default = "shown")]
    pub detail: bool,
}

fn shown() -> bool {
    true
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
}

pub struct DubanApp {
    clock: Clock,
    worker: Worker,
    /// Copies evidence files and makes thumbnails, on its own connection.
    files: FileWorker,
    thumbs: Thumbnails,
    thumbs_requested: HashSet<String>,
    attach_progress: Option<AttachProgress>,
    data_dir: PathBuf,
    // The cached view of the data, replaced whole by each snapshot.
    board: Board,
    detail: Option<DirectiveDetail>,
    settings: Settings,
    /// 反馈周期 in days, for 逾期未反馈 (`None`: none).
    cadence: Option<i64>,
    /// The theme last applied to the context.
    applied_dark: Option<bool>,
    loaded: bool,
    // Derived from the board, the filter and today, in layers (see derive.rs).
    fresh: derive::Freshness,
    /// Which directives concern each office (rebuilt when the board's units change).
    index: OfficeIndex,
    counts: HashMap<Option<OfficeId>, OfficeCounts>,
    rows: Vec<usize>,
    // UI state.
    filter: BoardFilter,
    selected: Option<DirectiveId>,
    sidebar: Sidebar,
    table: BoardTable,
    detail_view: DetailView,
    /// The start screen (总览) instead of the table.
    overview_shown: bool,
    overview: Overview,
    /// 今日待催办 and the figures per office.
    loop_overview: LoopOverview,
    /// 今日待催办 per office, for the sidebar's 催N badges.
    press: HashMap<OfficeId, usize>,
    overview_view: OverviewView,
    search: SearchBar,
    /// Directives matching the search box; `None` when it is empty.
    search_hits: Option<HashSet<DirectiveId>>,
    /// How much of the register the board lists, and the search's hits it left out.
    listing: Listing,
    hits_left_out: usize,
    dialogs: Dialogs,
    /// Where the last report was written: the export dialog starts there (kept across restarts).
    export_folder: Option<PathBuf>,
    /// Text pasted into an import that was closed without importing, for the next one.
    kept_paste: String,
    /// 新建工作要求 typed before a restart, for the next time the dialog opens.
    kept_by_hand: Option<crate::ui::views::ByHandDraft>,
    /// 排序: the column the table is sorted by (`None`: the notices' order).
    sort: Option<Sort>,
    /// The detail pane is shown (the officer may fold it away on a small screen).
    detail_shown: bool,
    /// Asks before the window closes with work in flight.
    close_guard: CloseGuard,
    /// When the newest automatic snapshot was taken, for the status bar.
    last_backup: Option<chrono::NaiveDateTime>,
    /// The data moved here: the window reopens on it.
    reopen: Option<PathBuf>,
    /// Another window moved the data here: this one shows the old copy and writes nothing.
    moved_away: Option<PathBuf>,
    /// Why the database is not in WAL mode (a network share…), for the status bar.
    journal_note: Option<String>,
    /// The picture the viewer asked the file worker for.
    picture_requested: Option<String>,
    status: Option<StatusMessage>,
    window_title: String,
}

impl DubanApp {
    /// Starts the workers with `store` and asks for the first snapshot. Install the theme
    /// ([`theme::install`]) on the context before the first frame.
    pub fn new(store: Store, clock: Clock, data_dir: &Path) -> DubanApp {
        let files = FileWorker::spawn(store.path(), data_dir, clock);
        let journal_note = store.journal().note();
        let mut worker = Worker::spawn(store, clock, data_dir.to_path_buf());
        worker.send(Asker::Startup, Request::Refresh { detail: None });
        worker.send(Asker::Startup, Request::AutoBackup);
        DubanApp {
            clock,
            worker,
            files,
            thumbs: Thumbnails::new(),
            thumbs_requested: HashSet::new(),
            attach_progress: None,
            data_dir: data_dir.to_path_buf(),
            board: Board::default(),
            detail: None,
            settings: Settings::default(),
            cadence: Some(crate::model::DEFAULT_FEEDBACK_DAYS),
            applied_dark: None,
            loaded: false,
            counts: HashMap::new(),
            rows: Vec::new(),
            fresh: derive::Freshness { index_stale: true, ..derive::Freshness::default() },
            index: OfficeIndex::default(),
            filter: BoardFilter::All,
            selected: None,
            sidebar: Sidebar,
            table: BoardTable::default(),
            detail_view: DetailView::default(),
            overview_shown: true,
            overview: Overview::default(),
            loop_overview: LoopOverview::default(),
            press: HashMap::new(),
            overview_view: OverviewView::default(),
            search: SearchBar::default(),
            search_hits: None,
            listing: Listing::default(),
            hits_left_out: 0,
            dialogs: Dialogs::default(),
            kept_paste: String::new(),
            kept_by_hand: None,
            export_folder: None,
            close_guard: CloseGuard::default(),
            detail_shown: true,
            sort: None,
            last_backup: None,
            reopen: None,
            moved_away: None,
            journal_note,
            picture_requested: None,
            status: None,
            window_title: String::new(),
        }
    }

    // ---- the frame ----

    /// Draws one frame. Callable from a test harness without eframe.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.worker.attach(ui.ctx());
        if self.applied_dark != Some(self.settings.dark) {
            ui.ctx().set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            self.applied_dark = Some(self.settings.dark);
        }
        self.files.attach(ui.ctx());
        for (asker, reply) in self.worker.poll() {
            self.on_reply(asker, reply);
        }
        for (asker, reply) in self.files.poll() {
            self.on_file_reply(ui.ctx(), asker, reply);
        }
        let today = self.clock.today();
        self.derive(today);
        let mut commands = Vec::new();
        self.shortcuts(ui, &mut commands);
        self.dropped_files(ui, &mut commands);

        let search_words = self.search.text().to_owned();
        let words = crate::store::query_words(&search_words);
        let cx = ViewContext {
            board: &self.board,
            index: &self.index,
            today,
            due_soon_days: self.settings.due_soon_days,
            highlight: &words,
            search: Some(search_words.as_str()),
            loaded: self.loaded,
            office: match self.filter {
                BoardFilter::Office(id) => Some(id),
                _ => None,
            },
        };
        Panel::top("top-bar").show(ui, |ui| top_bar(ui, self.settings.author.as_deref(), &mut commands));
        Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui, today));
        // Sized for the screen: a 1366×768 laptop at 150 % is 910 points wide.
        let width = ui.available_width();
        // Panel widths are remembered in points, per display scale: widths dragged at 100 % would
        // squeeze the table of the same laptop at 150 % (910 points wide).
        let scale = (ui.ctx().pixels_per_point() * 4.0).round() as i32;
        let sidebar =
            Panel::left(("sidebar", scale)).resizable(true).default_size((width * 0.19).clamp(170.0, 220.0));
        sidebar.min_size(130.0).max_size(width * 0.25).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("sidebar-scroll").show(ui, |ui| {
                let selected = (!self.overview_shown).then_some(self.filter);
                self.sidebar.ui(ui, cx.board, &self.counts, &self.press, selected, &mut commands);
            });
        });
        let detail =
            Panel::right(("detail", scale)).resizable(true).default_size((width * 0.3).clamp(260.0, 420.0));
        let detail = detail.min_size(220.0).max_size(width * 0.45);
        if self.detail_shown {
            detail.show(ui, |ui| {
                let detail_cx = DetailContext {
                    board: cx.board,
                    today,
                    due_soon_days: cx.due_soon_days,
                    highlight: &words,
                    thumbs: &self.thumbs,
                    progress: self.attach_progress.as_ref(),
                    carried_over: self.detail.as_ref().map_or(0, |d| cx.board.meetings_since(d.notice_id)),
                    cadence: self.cadence,
                    notice_cadence: self
                        .detail
                        .as_ref()
                        .and_then(|d| cx.board.notice(d.notice_id))
                        .and_then(|n| n.feedback_days),
                };
                self.detail_view.ui(ui, self.detail.as_ref(), detail_cx, &mut commands);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.overview_shown {
                ui.heading("总览");
                self.overview_view.ui(
                    ui,
                    (&self.overview, &self.loop_overview),
                    &cx,
                    self.settings.next_meeting,
                    &mut commands,
                );
                return;
            }
            ui.horizontal(|ui| {
                ui.heading(filter_title(cx.board, self.filter));
                ui.label(RichText::new(format!("{} 条", self.rows.len())).weak());
                ui.add_space(16.0);
                self.search.ui(ui, &mut commands);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let (text, tip) = if self.detail_shown {
                        ("隐藏详情 ▶", "收起右侧详情，表格更宽")
                    } else {
                        ("◀ 显示详情", "在右侧显示选中工作要求的详情")
                    };
                    if ui.small_button(text).on_hover_text(tip).clicked() {
                        commands.push(Command::ToggleDetail);
                    }
                });
            });
            if let Some(f) = cx.office.and_then(|o| self.loop_overview.figures.iter().find(|f| f.office == o))
            {
                ui.label(RichText::new(super::views::figures_line(f)).small());
            }
            let whole = self.listing.finished && cx.board.directives.len() > self.listing.whole_up_to;
            super::views::listing_note(ui, cx.board, self.hits_left_out, whole, &mut commands);
            self.table.ui(ui, &cx, &self.rows, self.selected, self.sort, &mut commands);
        });
        self.dialogs.ui(ui, &cx, &mut commands);
        if let Some(hash) = self.dialogs.photo.as_ref().and_then(|v| v.wanted())
            && self.picture_requested.as_deref() != Some(hash)
        {
            self.picture_requested = Some(hash.to_owned());
            self.files.send(Asker::Viewer, FileRequest::Picture { hash: hash.to_owned() });
        }

        for command in commands {
            self.apply(command);
        }
        self.moved_away_ui(ui);
        self.guard_close(ui);
        self.update_title(ui.ctx());
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let overdue = self.counts.get(&None).map_or(0, |c| c.overdue);
        let title = match overdue {
            0 => "督办台 — 办公会议工作要求督办".to_owned(),
            n => format!("督办台 — {n} 条逾期"),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}
