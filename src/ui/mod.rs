//! 界面 — the only module that knows egui/eframe. The app reads a cached snapshot and changes
//! data only through [`command::Command`]s handed to the worker thread.

pub mod actions;
mod app;
pub mod command;
mod format;
pub mod memory;
pub mod theme;
mod views;
pub mod widgets;
mod window;
pub mod worker;

pub use views::recovery;

pub use app::{BoardFigures, DubanApp, StatusMessage, ViewState, table_rows};
pub use views::{ByHandDraft, NoteDraft};
pub use window::Window;

use crate::clock::Clock;

/// Where the officer was, restored on the next start (window size and panel widths are kept
/// by eframe itself).
pub(crate) const VIEW_KEY: &str = "duban-view";
/// The folder the last report was written to.
pub(crate) const EXPORT_FOLDER_KEY: &str = "duban-export-folder";
/// Progress notes typed and not yet stored, with the data folder they belong to.
pub(crate) const DRAFTS_KEY: &str = "duban-note-drafts";
/// 新建工作要求 typed and not yet stored, with the data folder it belongs to.
pub(crate) const BY_HAND_KEY: &str = "duban-by-hand-draft";

/// The app icon (assets/icons, drawn by scripts/make-icon.sh), for the window.
pub const WINDOW_ICON: &[u8] = include_bytes!("../../assets/icons/duban-256.png");

pub(crate) type SavedDrafts =
    (std::path::PathBuf, std::collections::BTreeMap<crate::model::DirectiveId, NoteDraft>);

/// The 新建工作要求 draft, with the data folder it belongs to.
pub(crate) type SavedByHand = (std::path::PathBuf, Option<views::ByHandDraft>);

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
    eframe::run_native(
        "duban",
        options,
        Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
            theme::install(&cc.egui_ctx);
            // The database opens on a thread: the first frame comes at once and says 正在载入….
            let mut window = Window::open(data_dir, clock, &cc.egui_ctx);
            window.remembered = window::Remembered {
                view: cc.storage.and_then(|s| eframe::get_value(s, VIEW_KEY)),
                drafts: cc.storage.and_then(|s| eframe::get_value(s, DRAFTS_KEY)),
                export_folder: cc.storage.and_then(|s| eframe::get_value(s, EXPORT_FOLDER_KEY)),
                by_hand: cc.storage.and_then(|s| eframe::get_value(s, BY_HAND_KEY)),
            };
            Ok(Box::new(window))
        }),
    )
}
