//! Applying the views' commands, and keeping the derived view (rows, counts) in step with the data.

use chrono::NaiveDate;

use super::{DubanApp, StatusMessage};
use crate::model::{BoardFilter, DirectiveId};
use crate::ui::command::Command;
use crate::ui::file_worker::FileRequest;
use crate::ui::views::{
    AttachProgress, AuthorDialog, BackupDialog, CheckDialog, ExportDialog, ImportDialog, MoveDialog,
    PhotoViewer, RosterDialog, SettingsDialog, TrashDialog,
};
use crate::ui::worker::{Edit, Request, Snapshot};

impl DubanApp {
    pub(super) fn take_snapshot(&mut self, s: Snapshot) {
        self.board = s.board;
        if s.detail.as_ref().map(|d| d.row.id) == self.selected {
            self.detail = s.detail;
        }
        if s.settings.due_soon_days != self.settings.due_soon_days {
            self.derived_for = None;
        }
        self.settings = s.settings;
        if !self.loaded && self.settings.author.is_none() && self.author_dialog.is_none() {
            self.author_dialog = Some(AuthorDialog::default());
        }
        self.loaded = true;
        self.derived_for = None;
        // The data changed: so may the search results.
        if !self.search.text().trim().is_empty() {
            self.worker.send(Request::Search(self.search.text().to_owned()));
        }
    }

    /// Recomputes sidebar counts and table rows.
    pub(super) fn derive(&mut self, today: NaiveDate) {
        if let BoardFilter::Office(id) = self.filter
            && self.loaded
            && self.board.office(id).is_none()
        {
            self.filter = BoardFilter::All;
        }
        let soon = self.settings.due_soon_days;
        self.counts = self.board.counts(today, soon);
        self.overview = crate::report::Overview::build(&self.board, today, soon);
        self.rows = self.board.filtered(self.filter, today, soon);
        if let Some(hits) = &self.search_hits {
            let board = &self.board;
            self.rows.retain(|i| hits.contains(&board.directives[*i].id));
        }
        self.derived_for = Some(today);
    }

    pub(super) fn select(&mut self, id: DirectiveId) {
        if self.selected != Some(id) {
            self.selected = Some(id);
            self.detail = None;
        }
        self.worker.send(Request::LoadDetail(id));
    }

    pub(super) fn apply(&mut self, command: Command) {
        match command {
            Command::ShowOverview => self.overview_shown = true,
            Command::OpenDirective(id) => {
                self.overview_shown = false;
                self.filter = BoardFilter::All;
                self.derived_for = None;
                self.select(id);
                self.table.scroll_to_selected = true;
            }
            Command::SetFilter(filter) => {
                self.overview_shown = false;
                self.filter = filter;
                self.derived_for = None;
            }
            Command::SelectDirective(id) => self.select(id),
            Command::AttachFiles(directive, progress, paths) => {
                self.attach_progress =
                    Some(AttachProgress { done: 0, total: paths.len(), name: String::new(), bytes: None });
                self.files.send(FileRequest::Attach { directive, progress, paths });
            }
            Command::SetCaption(directive, file, caption) => {
                self.worker.send(Request::Edit { id: directive, edit: Edit::Caption(file, caption) })
            }
            Command::CancelAttach => self.files.cancel(),
            Command::ViewPhoto { photos, index } => self.viewer = Some(PhotoViewer::new(photos, index)),
            Command::ClosePhoto => self.viewer = None,
            Command::CheckEvidence => {
                self.check_dialog = Some(CheckDialog::default());
                self.files.send(FileRequest::Check);
            }
            Command::CloseCheck => self.check_dialog = None,
            Command::OpenBackup => {
                let folder = directories::UserDirs::new()
                    .and_then(|u| u.document_dir().map(std::path::Path::to_path_buf))
                    .or_else(|| self.data_dir.parent().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                let name = format!("督办台备份-{}.zip", self.clock.today());
                self.backup_dialog = Some(BackupDialog::new(folder.join(name)));
                self.worker.send(Request::ListBackups { data_dir: self.data_dir.clone() });
            }
            Command::CloseBackup => self.backup_dialog = None,
            Command::OpenMove => self.move_dialog = Some(MoveDialog::new(self.data_dir.clone())),
            Command::CloseMove => self.move_dialog = None,
            Command::MoveData(to) => {
                self.worker.send(Request::Relocate { from: self.data_dir.clone(), to });
            }
            Command::Backup(path) => {
                self.worker.send(Request::Backup { data_dir: self.data_dir.clone(), path })
            }
            Command::Restore(path) => {
                self.worker.send(Request::Restore { data_dir: self.data_dir.clone(), path });
            }
            Command::OpenTrash => {
                self.trash_dialog = Some(TrashDialog::default());
                self.worker.send(Request::LoadTrash);
            }
            Command::CloseTrash => self.trash_dialog = None,
            Command::OpenRoster => self.roster_dialog = Some(RosterDialog::new(&self.board)),
            Command::CloseRoster => self.roster_dialog = None,
            Command::AddOffice(name, group) => self.worker.send(Request::AddOffice { name, group }),
            Command::SetAliases(office, aliases) => self.worker.send(Request::SetAliases { office, aliases }),
            Command::EditRoster(edit) => self.worker.send(Request::EditRoster(edit)),
            Command::RestoreEvidence(directive, file) => {
                self.worker.send(Request::Edit { id: directive, edit: Edit::RestoreEvidence(file) });
                self.worker.send(Request::LoadTrash);
            }
            Command::EmptyTrash => {
                self.worker.send(Request::EmptyTrash { detail: self.selected });
                self.worker.send(Request::LoadTrash);
            }
            Command::LoadThumbnail(hash) => {
                if self.thumbs_requested.insert(hash.clone()) {
                    self.files.send(FileRequest::Thumbnail { hash });
                }
            }
            Command::OpenEvidence(file) => self.files.send(FileRequest::Open(file)),
            Command::TrashEvidence(directive, file) => {
                self.worker.send(Request::Edit { id: directive, edit: Edit::TrashEvidence(file) })
            }
            Command::Search(query) => {
                if query.trim().is_empty() {
                    self.search_hits = None;
                    self.derived_for = None;
                } else {
                    self.worker.send(Request::Search(query));
                }
            }
            Command::MoveSelection(delta) => {
                self.overview_shown = false;
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
            Command::ParseNotice { source, issued_on, encoding } => {
                self.worker.send(Request::Parse { source, issued_on, encoding })
            }
            Command::ConfirmImport { draft, source_text } => {
                self.worker.send(Request::Import { draft, source_text, detail: self.selected })
            }
            Command::SetStatus(id, status) => {
                self.worker.send(Request::Edit { id, edit: Edit::Status(status) })
            }
            Command::SetDeadline(id, d) => self.worker.send(Request::Edit { id, edit: Edit::Deadline(d) }),
            Command::SetContinues(id, earlier) => {
                self.worker.send(Request::Edit { id, edit: Edit::Continues(earlier) })
            }
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
                    self.export =
                        Some(ExportDialog::new(&self.board, self.clock.today(), self.settings.due_soon_days));
                }
            }
            Command::CloseExport => self.export = None,
            Command::Export { request, format, path } => {
                self.worker.send(Request::Export { request, format, path })
            }
            Command::OpenPath(path) => {
                if let Err(e) = open::that_detached(&path) {
                    self.status = Some(StatusMessage {
                        text: format!("无法打开（{}）：{}", crate::fsutil::io_reason(&e), path.display()),
                        is_error: true,
                    });
                }
            }
            Command::OpenSettings => self.settings_dialog = Some(SettingsDialog::new(&self.settings)),
            Command::CloseSettings => self.settings_dialog = None,
            Command::SaveSettings(settings) => {
                self.settings_dialog = None;
                self.worker.send(Request::SaveSettings { settings, detail: self.selected });
            }
        }
    }
}
