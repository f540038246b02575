//! The views: each a struct with `ui(&mut self, ui, …)` that draws and returns commands; what
//! they all read (board, today, search words) comes in one [`ViewContext`].

mod author_dialog;
mod backup_dialog;
mod board_table;
mod check_dialog;
mod close_guard;
mod context;
mod detail;
mod evidence_panel;
mod export_dialog;
mod history;
mod import_dialog;
mod import_review;
mod loop_form;
mod move_dialog;
mod office_rows;
mod overview;
mod photo_viewer;
pub mod recovery;
mod roster_dialog;
mod search_bar;
mod settings_dialog;
mod sidebar;
mod sort;
mod trash_dialog;

pub use author_dialog::AuthorDialog;
pub use backup_dialog::BackupDialog;
pub use board_table::BoardTable;
pub use board_table::Col;
pub use check_dialog::CheckDialog;
pub use close_guard::{CloseChoice, CloseGuard};
pub use context::ViewContext;
pub use detail::{DetailContext, DetailView, NoteDraft};
pub use evidence_panel::{AttachProgress, Thumbnails};
pub use export_dialog::ExportDialog;
pub use import_dialog::ImportDialog;
pub use move_dialog::MoveDialog;
pub use overview::OverviewView;
pub use photo_viewer::PhotoViewer;
pub use roster_dialog::RosterDialog;
pub use search_bar::SearchBar;
pub use settings_dialog::SettingsDialog;
pub use sidebar::Sidebar;
pub use sort::Sort;
pub use trash_dialog::TrashDialog;
