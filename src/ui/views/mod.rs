//! The views: each a struct with `ui(&mut self, ui, …)` that draws and returns commands.

mod author_dialog;
mod backup_dialog;
mod board_table;
mod check_dialog;
mod detail;
mod evidence_panel;
mod export_dialog;
mod history;
mod import_dialog;
mod import_review;
mod move_dialog;
mod overview;
mod photo_viewer;
mod roster_dialog;
mod search_bar;
mod settings_dialog;
mod sidebar;
mod trash_dialog;

pub use author_dialog::AuthorDialog;
pub use backup_dialog::BackupDialog;
pub use board_table::BoardTable;
pub use check_dialog::CheckDialog;
pub use detail::{DetailContext, DetailView};
pub use evidence_panel::{AttachProgress, Thumbnails};
pub use export_dialog::ExportDialog;
pub use import_dialog::ImportDialog;
pub use move_dialog::MoveDialog;
pub use overview::overview_ui;
pub use photo_viewer::PhotoViewer;
pub use roster_dialog::RosterDialog;
pub use search_bar::SearchBar;
pub use settings_dialog::SettingsDialog;
pub use sidebar::Sidebar;
pub use trash_dialog::TrashDialog;
