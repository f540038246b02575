//! 督办台 — the application: a cached view of the data, the views, and the commands they
//! return, applied at the end of each frame. Database work happens on the worker thread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Panel, RichText, Ui};

use super::command::Command;
use super::theme;
use super::views::{AuthorDialog, BoardTable, DetailView, ExportDialog, ImportDialog, Sidebar};
use super::worker::{Area, DoneKind, Edit, Reply, Request, Snapshot, Worker};
use crate::clock::Clock;
use crate::model::{
    Board, BoardFilter, DEFAULT_DUE_SOON_DAYS, DirectiveDetail, DirectiveId, DirectiveRow, OfficeCounts,
    OfficeId,
};
use crate::store::Store;

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
}

pub struct DubanApp {
    clock: Clock,
    worker: Worker,
    data_dir: PathBuf,
    // The cached view of the data, replaced whole by each snapshot.
    board: Board,
    detail: Option<DirectiveDetail>,
    author: Option<String>,
    loaded: bool,
    // Derived from the board, the filter and today; recomputed when one changes.
    counts: HashMap<Option<OfficeId>, OfficeCounts>,
    rows: Vec<usize>,
    derived_for: Option<NaiveDate>,
    // UI state.
    filter: BoardFilter,
    selected: Option<DirectiveId>,
    sidebar: Sidebar,
    table: BoardTable,
    detail_view: DetailView,
    import: Option<ImportDialog>,
    export: Option<ExportDialog>,
    author_dialog: Option<AuthorDialog>,
    status: Option<StatusMessage>,
    window_title: String,
}

impl DubanApp {
    /// Starts the worker with `store` and asks for the first snapshot. Install the theme
    /// ([`theme::install`]) on the context before the first frame.
    pub fn new(store: Store, clock: Clock, data_dir: &Path) -> DubanApp {
        let mut worker = Worker::spawn(store, clock);
        worker.send(Request::Refresh { detail: None });
        DubanApp {
            clock,
            worker,
            data_dir: data_dir.to_path_buf(),
            board: Board::default(),
            detail: None,
            author: None,
            loaded: false,
            counts: HashMap::new(),
            rows: Vec::new(),
            derived_for: None,
            filter: BoardFilter::All,
            selected: None,
            sidebar: Sidebar,
            table: BoardTable::default(),
            detail_view: DetailView::default(),
            import: None,
            export: None,
            author_dialog: None,
            status: None,
            window_title: String::new(),
        }
    }

    // ---- read access, for tests and the window title ----

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
        self.author.as_deref()
    }
    pub fn status(&self) -> Option<&StatusMessage> {
        self.status.as_ref()
    }
    pub fn is_export_open(&self) -> bool {
        self.export.is_some()
    }
    /// The file the export dialog wrote, once it succeeded.
    pub fn exported_file(&self) -> Option<&Path> {
        self.export.as_ref().and_then(ExportDialog::exported)
    }
    pub fn is_import_open(&self) -> bool {
        self.import.is_some()
    }
    /// The import dialog shows a parsed notice for review.
    pub fn is_import_reviewing(&self) -> bool {
        self.import.as_ref().is_some_and(ImportDialog::is_reviewing)
    }
    /// Waiting for the worker.
    pub fn is_busy(&self) -> bool {
        self.worker.pending() > 0
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
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    // ---- the frame ----

    /// Draws one frame. Callable from a test harness without eframe.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.worker.attach(ui.ctx());
        for reply in self.worker.poll() {
            self.on_reply(reply);
        }
        let today = self.clock.today();
        if self.derived_for != Some(today) {
            self.derive(today);
        }
        let mut commands = Vec::new();
        self.shortcuts(ui, &mut commands);

        Panel::top("top-bar").show(ui, |ui| self.top_bar(ui, &mut commands));
        Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui, today));
        Panel::left("sidebar").resizable(true).default_size(220.0).min_size(170.0).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("sidebar-scroll").show(ui, |ui| {
                self.sidebar.ui(ui, &self.board, &self.counts, self.filter, &mut commands);
            });
        });
        Panel::right("detail").resizable(true).default_size(380.0).min_size(300.0).show(ui, |ui| {
            self.detail_view.ui(ui, self.detail.as_ref(), today, &mut commands);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(self.filter_title());
                ui.label(RichText::new(format!("{} 条", self.rows.len())).weak());
            });
            self.table.ui(
                ui,
                &self.board,
                &self.rows,
                self.selected,
                today,
                DEFAULT_DUE_SOON_DAYS,
                &mut commands,
            );
        });
        if let Some(dialog) = &mut self.import {
            dialog.ui(ui, today, &mut commands);
        }
        if let Some(dialog) = &mut self.export {
            dialog.ui(ui, &self.board, today, &mut commands);
        }
        if let Some(dialog) = &mut self.author_dialog {
            dialog.ui(ui, self.author.is_some(), &mut commands);
        }

        for command in commands {
            self.apply(command);
        }
        self.update_title(ui.ctx());
    }

    fn filter_title(&self) -> String {
        match self.filter {
            BoardFilter::All => "全部工作要求".to_owned(),
            BoardFilter::Overdue => "已逾期".to_owned(),
            BoardFilter::Office(id) => {
                self.board.office(id).map_or_else(|| "单位".to_owned(), |o| o.name.clone())
            }
        }
    }

    fn top_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("督办台").size(20.0).color(theme::ACCENT).strong());
            ui.separator();
            let import = ui.button("导入通知…").on_hover_text("粘贴或打开办公会议工作要求通知（Ctrl+I）");
            if import.clicked() {
                commands.push(Command::OpenImport);
            }
            let export = ui.button("导出汇总…").on_hover_text("生成会议汇报：Word、Excel 或 CSV（Ctrl+E）");
            if export.clicked() {
                commands.push(Command::OpenExport);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let who = self.author.as_deref().unwrap_or("未设置");
                if ui.button(format!("填报人：{who}")).on_hover_text("修改填报人姓名").clicked() {
                    commands.push(Command::EditAuthor);
                }
            });
        });
    }

    fn status_bar(&self, ui: &mut Ui, today: NaiveDate) {
        ui.horizontal(|ui| {
            if self.is_busy() {
                ui.spinner();
            }
            if let Some(s) = &self.status {
                let color = if s.is_error { theme::OVERDUE } else { theme::FINISHED };
                ui.label(RichText::new(&s.text).color(color));
            } else if !self.loaded {
                ui.label("正在读取数据…");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("数据目录：{}", self.data_dir.display())).small().weak());
                ui.separator();
                ui.label(format!("今天：{}", super::widgets::format_date(today)));
            });
        });
    }

    fn shortcuts(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let modal_open = self.import.is_some() || self.export.is_some() || self.author_dialog.is_some();
        let (import, export, up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::I),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::E),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
            )
        });
        if modal_open {
            return;
        }
        if import {
            commands.push(Command::OpenImport);
        }
        if export {
            commands.push(Command::OpenExport);
        }
        let typing = ui.ctx().memory(|m| m.focused().is_some());
        if !typing && (up || down) {
            commands.push(Command::MoveSelection(if up { -1 } else { 1 }));
        }
    }

    // ---- applying replies and commands ----

    fn on_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Snapshot(s) => self.take_snapshot(*s),
            Reply::Detail(d) => {
                if Some(d.row.id) == self.selected {
                    self.detail = Some(*d);
                }
            }
            Reply::Parsed(result) => {
                if let Some(dialog) = &mut self.import {
                    dialog.on_parsed(result);
                }
            }
            Reply::Done { message, kind, snapshot } => {
                self.take_snapshot(*snapshot);
                match kind {
                    DoneKind::Imported => {
                        self.import = None;
                        self.filter = BoardFilter::All;
                        self.derived_for = None;
                    }
                    DoneKind::ProgressAdded => self.detail_view.clear_note(),
                    DoneKind::Edited | DoneKind::AuthorSet => {}
                }
                self.status = Some(StatusMessage { text: message, is_error: false });
            }
            Reply::Progress { fraction, step } => {
                if let Some(dialog) = &mut self.export {
                    dialog.on_progress(fraction, step);
                }
            }
            Reply::Exported(result) => {
                if let Ok(path) = &result {
                    self.status = Some(StatusMessage {
                        text: format!("已导出：{}", path.display()),
                        is_error: false,
                    });
                }
                match &mut self.export {
                    Some(dialog) => dialog.on_finished(result),
                    None => {
                        if let Err(message) = result {
                            self.status = Some(StatusMessage { text: message, is_error: true });
                        }
                    }
                }
            }
            Reply::Failed { message, area } => match (&mut self.import, area) {
                (Some(dialog), Area::Import) => dialog.on_failed(message),
                _ => self.status = Some(StatusMessage { text: message, is_error: true }),
            },
        }
    }

    fn take_snapshot(&mut self, s: Snapshot) {
        self.board = s.board;
        if s.detail.as_ref().map(|d| d.row.id) == self.selected {
            self.detail = s.detail;
        }
        self.author = s.author;
        if !self.loaded && self.author.is_none() && self.author_dialog.is_none() {
            self.author_dialog = Some(AuthorDialog::default());
        }
        self.loaded = true;
        self.derived_for = None;
    }

    /// Recomputes sidebar counts and table rows.
    fn derive(&mut self, today: NaiveDate) {
        self.counts = self.board.counts(today, DEFAULT_DUE_SOON_DAYS);
        self.rows = self.board.filtered(self.filter, today, DEFAULT_DUE_SOON_DAYS);
        self.derived_for = Some(today);
    }

    fn select(&mut self, id: DirectiveId) {
        if self.selected != Some(id) {
            self.selected = Some(id);
            self.detail = None;
        }
        self.worker.send(Request::LoadDetail(id));
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::SetFilter(filter) => {
                self.filter = filter;
                self.derived_for = None;
            }
            Command::SelectDirective(id) => self.select(id),
            Command::MoveSelection(delta) => {
                let position =
                    self.rows.iter().position(|i| Some(self.board.directives[*i].id) == self.selected);
                let next = match position {
                    Some(p) => p.saturating_add_signed(delta as isize).min(self.rows.len().saturating_sub(1)),
                    None => 0,
                };
                if let Some(i) = self.rows.get(next) {
                    let id = self.board.directives[*i].id;
                    self.select(id);
                    self.table.scroll_to_selected = true;
                }
            }
            Command::OpenImport => {
                if self.import.is_none() {
                    self.import = Some(ImportDialog::new(self.clock.today()));
                }
            }
            Command::CloseImport => self.import = None,
            Command::ParseNotice { source, issued_on } => {
                self.worker.send(Request::Parse { source, issued_on })
            }
            Command::ConfirmImport { draft, source_text } => {
                self.worker.send(Request::Import { draft, source_text, detail: self.selected })
            }
            Command::SetStatus(id, status) => {
                self.worker.send(Request::Edit { id, edit: Edit::Status(status) })
            }
            Command::SetDeadline(id, d) => self.worker.send(Request::Edit { id, edit: Edit::Deadline(d) }),
            Command::SetOffices(id, names) => {
                self.worker.send(Request::Edit { id, edit: Edit::Offices(names) })
            }
            Command::AddProgress { id, on, text } => {
                self.worker.send(Request::Edit { id, edit: Edit::Progress { on, text } })
            }
            Command::SetAuthor(name) => {
                self.author_dialog = None;
                self.worker.send(Request::SetAuthor { name, detail: self.selected });
            }
            Command::CancelAuthor => self.author_dialog = None,
            Command::OpenExport => {
                if self.export.is_none() {
                    self.export = Some(ExportDialog::new(&self.board, self.clock.today()));
                }
            }
            Command::CloseExport => self.export = None,
            Command::Export { request, format, path } => {
                self.worker.send(Request::Export { request, format, path })
            }
            Command::OpenPath(path) => {
                if let Err(e) = open::that_detached(&path) {
                    self.status = Some(StatusMessage {
                        text: format!("无法打开（{}）：{}", crate::notice::io_reason(&e), path.display()),
                        is_error: true,
                    });
                }
            }
            Command::EditAuthor => {
                self.author_dialog = Some(AuthorDialog::with_name(self.author.as_deref().unwrap_or_default()))
            }
        }
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
