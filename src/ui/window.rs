//! 窗口 — the whole window: the database opens on a thread from the first frame (正在载入…,
//! never an empty register), then the app, the recovery screen for a damaged database, or why
//! nothing could be opened. After a move of the data folder the new one opens the same way.

use super::app::{DubanApp, ViewState};
use super::views::recovery;
use super::{BY_HAND_KEY, DRAFTS_KEY, EXPORT_FOLDER_KEY, SavedByHand, SavedDrafts, VIEW_KEY, theme};
use crate::clock::Clock;
use crate::store::Store;

/// What the window shows: the database being opened, the app, the recovery screen for a
/// damaged database, or why the database could not be opened at all.
enum Screen {
    /// The database is being opened (and checked) on a thread, at start or after the data moved:
    /// the window draws from the first frame and says what it is doing.
    Opening(Opening),
    App(Box<DubanApp>),
    Recovery(Box<recovery::RecoveryScreen>),
    Failed(OpenFailed),
}

/// A database being opened on a thread, and why (the start, or a move of the data folder).
struct Opening {
    reply: std::sync::mpsc::Receiver<Result<Store, crate::store::StoreError>>,
    moved: bool,
    since: std::time::Instant,
}

/// What the last session left in eframe's storage, applied once the database is open.
#[derive(Default)]
pub(crate) struct Remembered {
    pub(crate) view: Option<ViewState>,
    pub(crate) drafts: Option<SavedDrafts>,
    pub(crate) export_folder: Option<std::path::PathBuf>,
    pub(crate) by_hand: Option<SavedByHand>,
}

/// Opens the database in `dir` on a thread (the open checks it, which takes time on a large
/// register): the window keeps drawing meanwhile.
fn open_in_background(dir: std::path::PathBuf, ctx: egui::Context, moved: bool) -> Screen {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("duban-open".into()).spawn(move || {
        let _ = tx.send(Store::open_dir(&dir));
        ctx.request_repaint();
    });
    match spawned {
        Ok(_) => Screen::Opening(Opening { reply: rx, moved, since: std::time::Instant::now() }),
        Err(e) => Screen::Failed(OpenFailed { message: format!("无法启动后台线程：{e}") }),
    }
}

/// The whole window: opens the database on a thread, then shows the app (or the recovery screen,
/// or why nothing could be opened). `run_window` runs it under eframe; tests drive it directly.
pub struct Window {
    screen: Screen,
    data_dir: std::path::PathBuf,
    clock: Clock,
    pub(crate) remembered: Remembered,
}

impl Window {
    /// The window on the data folder `data_dir` (or on why it cannot be used), opening its
    /// database on a thread at once.
    pub fn open(data_dir: Result<std::path::PathBuf, String>, clock: Clock, ctx: &egui::Context) -> Self {
        let (data_dir, screen) = match data_dir {
            Ok(dir) => (dir.clone(), open_in_background(dir, ctx.clone(), false)),
            Err(message) => (std::path::PathBuf::new(), Screen::Failed(OpenFailed { message })),
        };
        Window { screen, data_dir, clock, remembered: Remembered::default() }
    }

    /// Still opening the database (tests wait for this to end).
    pub fn is_opening(&self) -> bool {
        matches!(self.screen, Screen::Opening(_))
    }

    /// The app, once the database is open.
    pub fn app(&self) -> Option<&DubanApp> {
        match &self.screen {
            Screen::App(app) => Some(app),
            _ => None,
        }
    }

    /// One frame of the window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        match &mut self.screen {
            Screen::Opening(_) => self.opened(ui),
            Screen::App(app) => {
                app.ui(ui);
                if let Some(dir) = app.reopen_requested().map(std::path::Path::to_path_buf) {
                    // The data moved (迁移数据目录): the old app and its workers go, the new one
                    // opens — off the UI thread.
                    self.screen = open_in_background(dir.clone(), ui.ctx().clone(), true);
                    self.data_dir = dir;
                }
            }
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

    /// The app on an opened database, with what the last session left (only at start: after a
    /// move, the drafts belong to the old folder).
    fn start_app(&mut self, store: Store) -> DubanApp {
        let mut app = DubanApp::new(store, self.clock, &self.data_dir);
        let remembered = std::mem::take(&mut self.remembered);
        if let Some(view) = remembered.view {
            app.restore_view(view);
        }
        if let Some((_, drafts)) = remembered.drafts.filter(|(dir, _)| *dir == self.data_dir) {
            app.restore_note_drafts(drafts);
        }
        if let Some((_, Some(draft))) = remembered.by_hand.filter(|(dir, _)| *dir == self.data_dir) {
            app.restore_by_hand_draft(draft);
        }
        if let Some(folder) = remembered.export_folder {
            app.set_export_folder(folder);
        }
        app
    }

    /// The answer of the opening thread, if it has come.
    fn opened(&mut self, ui: &mut egui::Ui) {
        let Screen::Opening(opening) = &self.screen else { return };
        let moved = opening.moved;
        self.screen = match opening.reply.try_recv() {
            Ok(Ok(store)) => {
                let mut app = self.start_app(store);
                if moved {
                    app.announce(format!("数据已迁移到 {}，原位置保留未动", self.data_dir.display()));
                }
                Screen::App(Box::new(app))
            }
            Ok(Err(e @ crate::store::StoreError::Corrupt { .. })) => {
                Screen::Recovery(Box::new(recovery::RecoveryScreen::new(&self.data_dir, e.to_string())))
            }
            Ok(Err(e)) => Screen::Failed(OpenFailed { message: e.to_string() }),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Screen::Failed(OpenFailed { message: "打开数据时后台线程意外退出".to_owned() })
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                let waited = opening.since.elapsed().as_secs();
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.add_space(40.0);
                    ui.vertical_centered(|ui| {
                        ui.spinner();
                        let what = if moved { "正在打开新位置的数据" } else { "正在载入…" };
                        ui.label(egui::RichText::new(what).size(18.0));
                        ui.label(self.data_dir.display().to_string());
                        // A long open (a large register checked on a slow disk) says it is alive.
                        if waited >= 2 {
                            ui.label(format!("正在检查数据库，已用 {waited} 秒"));
                        }
                    });
                });
                // The elapsed seconds move on even though nothing else wakes the window.
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
                return;
            }
        };
    }
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Window::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Screen::App(app) = &self.screen {
            eframe::set_value(storage, VIEW_KEY, &app.view_state());
            let drafts: SavedDrafts = (self.data_dir.clone(), app.note_drafts());
            eframe::set_value(storage, DRAFTS_KEY, &drafts);
            let by_hand: SavedByHand = (self.data_dir.clone(), app.by_hand_draft());
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
