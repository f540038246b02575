//! 界面 — the only module that knows egui/eframe. The app reads a cached snapshot and changes
//! data only through [`command::Command`]s handed to the worker thread.

pub mod actions;
mod app;
pub mod command;
mod format;
pub mod theme;
mod views;
pub mod widgets;
pub mod worker;

pub use views::recovery;

pub use app::{DubanApp, StatusMessage, ViewState};
pub use views::{ByHandDraft, NoteDraft};

use crate::clock::Clock;
use crate::store::Store;

/// Where the officer was, restored on the next start (window size and panel widths are kept
/// by eframe itself).
const VIEW_KEY: &str = "duban-view";
/// The folder the last report was written to.
const EXPORT_FOLDER_KEY: &str = "duban-export-folder";
/// Progress notes typed and not yet stored, with the data folder they belong to.
const DRAFTS_KEY: &str = "duban-note-drafts";
/// 新建工作要求 typed and not yet stored, with the data folder it belongs to.
const BY_HAND_KEY: &str = "duban-by-hand-draft";

/// The app icon (assets/icons, drawn by scripts/make-icon.sh), for the window.
pub const WINDOW_ICON: &[u8] = include_bytes!("../../assets/icons/duban-256.png");

type SavedDrafts = (std::path::PathBuf, std::collections::BTreeMap<crate::model::DirectiveId, NoteDraft>);

/// What the window shows: the app, the recovery screen for a damaged database, or why the
/// database could not be opened at all.
enum Screen {
    App(Box<DubanApp>),
    /// The data moved: its new folder's database is being opened (checked) on a thread.
    Reopening(std::sync::mpsc::Receiver<Result<Store, String>>),
    Recovery(Box<recovery::RecoveryScreen>),
    Failed(OpenFailed),
}

/// Opens the database in `dir` on a thread (the open checks it, which takes time on a large
/// register): the window keeps drawing meanwhile.
fn open_in_background(dir: std::path::PathBuf, ctx: egui::Context) -> Screen {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("duban-reopen".into()).spawn(move || {
        let _ = tx.send(Store::open_dir(&dir).map_err(|e| e.to_string()));
        ctx.request_repaint();
    });
    match spawned {
        Ok(_) => Screen::Reopening(rx),
        Err(e) => Screen::Failed(OpenFailed { message: format!("无法启动后台线程：{e}") }),
    }
}

struct Root {
    screen: Screen,
    data_dir: std::path::PathBuf,
    clock: Clock,
}

impl eframe::App for Root {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        match &mut self.screen {
            Screen::App(app) => {
                app.ui(ui);
                if let Some(dir) = app.reopen_requested().map(std::path::Path::to_path_buf) {
                    // The data moved (迁移数据目录): the old app and its workers go, the new one
                    // opens — off the UI thread.
                    self.screen = open_in_background(dir.clone(), ui.ctx().clone());
                    self.data_dir = dir;
                }
            }
            Screen::Reopening(opening) => match opening.try_recv() {
                Ok(Ok(store)) => {
                    let mut moved = DubanApp::new(store, self.clock, &self.data_dir);
                    moved.announce(format!("数据已迁移到 {}，原位置保留未动", self.data_dir.display()));
                    self.screen = Screen::App(Box::new(moved));
                }
                Ok(Err(message)) => self.screen = Screen::Failed(OpenFailed { message }),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    let message = "打开新位置的数据时后台线程意外退出".to_owned();
                    self.screen = Screen::Failed(OpenFailed { message });
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    egui::CentralPanel::default().show(ui, |ui| {
                        ui.add_space(40.0);
                        ui.vertical_centered(|ui| {
                            ui.spinner();
                            ui.label(format!("正在打开新位置的数据：{}", self.data_dir.display()));
                        });
                    });
                }
            },
            Screen::Recovery(screen) => {
                // A restore in progress is never cut off: the window stays until it is done.
                if screen.is_running() && ui.input(|i| i.viewport().close_requested()) {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
                }
                if let Some(store) = screen.ui(ui) {
                    self.screen = Screen::App(Box::new(DubanApp::new(store, self.clock, &self.data_dir)));
                }
            }
            Screen::Failed(failed) => failed.ui(ui),
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Screen::App(app) = &self.screen {
            eframe::set_value(storage, VIEW_KEY, &app.view_state());
            let drafts: SavedDrafts = (self.data_dir.clone(), app.note_drafts());
            eframe::set_value(storage, DRAFTS_KEY, &drafts);
            let by_hand = (self.data_dir.clone(), app.by_hand_draft());
            eframe::set_value(storage, BY_HAND_KEY, &by_hand);
            if let Some(folder) = app.export_folder() {
                eframe::set_value(storage, EXPORT_FOLDER_KEY, &folder.to_path_buf());
            }
        }
    }
}

/// Shown instead of the app when the database cannot be opened: the reason, and a way out.
struct OpenFailed {
    message: String,
}

impl OpenFailed {
    fn ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("无法打开督办台数据库");
            ui.add_space(8.0);
            ui.label(egui::RichText::new(&self.message).color(theme::OVERDUE));
            ui.add_space(8.0);
            ui.label("数据未做任何修改。可用 --data 指定其他数据目录后重新启动。");
            if ui.button("退出").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// Opens the window on the database in `data_dir` — or, when the data folder cannot be used
/// (its data moved to a drive that is not connected), a window that says why and opens
/// nothing.
pub fn run_window(data_dir: Result<std::path::PathBuf, String>, clock: Clock) -> eframe::Result {
    if std::env::var_os("DUBAN_NO_FILE_DIALOG").is_some_and(|v| v == "1") {
        widgets::without_system_dialogs();
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("督办台 — 办公会议工作要求督办")
        .with_app_id("duban")
        .with_inner_size([1400.0, 860.0])
        .with_min_inner_size([760.0, 480.0]);
    // The taskbar's and title bar's icon (the desktop menu's comes from the package).
    if let Ok(icon) = eframe::icon_data::from_png_bytes(WINDOW_ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    // The data folder and what opening its database said; `Err` without a folder when the
    // folder itself cannot be used.
    let (data_dir, opened) = match data_dir {
        Ok(dir) => {
            let opened = Store::open_dir(&dir);
            (dir, Ok(opened))
        }
        Err(message) => (std::path::PathBuf::new(), Err(message)),
    };
    eframe::run_native(
        "duban",
        options,
        Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
            theme::install(&cc.egui_ctx);
            let screen = match opened {
                Ok(Ok(store)) => {
                    let mut app = DubanApp::new(store, clock, &data_dir);
                    if let Some(view) = cc.storage.and_then(|s| eframe::get_value(s, VIEW_KEY)) {
                        app.restore_view(view);
                    }
                    let drafts: Option<SavedDrafts> =
                        cc.storage.and_then(|s| eframe::get_value(s, DRAFTS_KEY));
                    if let Some((_, drafts)) = drafts.filter(|(dir, _)| *dir == data_dir) {
                        app.restore_note_drafts(drafts);
                    }
                    let by_hand: Option<(std::path::PathBuf, Option<views::ByHandDraft>)> =
                        cc.storage.and_then(|s| eframe::get_value(s, BY_HAND_KEY));
                    if let Some((_, Some(draft))) = by_hand.filter(|(dir, _)| *dir == data_dir) {
                        app.restore_by_hand_draft(draft);
                    }
                    if let Some(folder) = cc.storage.and_then(|s| eframe::get_value(s, EXPORT_FOLDER_KEY)) {
                        app.set_export_folder(folder);
                    }
                    Screen::App(Box::new(app))
                }
                Ok(Err(e @ crate::store::StoreError::Corrupt { .. })) => {
                    Screen::Recovery(Box::new(recovery::RecoveryScreen::new(&data_dir, e.to_string())))
                }
                Ok(Err(e)) => Screen::Failed(OpenFailed { message: e.to_string() }),
                Err(message) => Screen::Failed(OpenFailed { message }),
            };
            Ok(Box::new(Root { screen, data_dir, clock }))
        }),
    )
}
