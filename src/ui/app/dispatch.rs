//! Applying the views' commands, and keeping the derived view (rows, counts) in step with the data.

use super::{DubanApp, StatusMessage};
use crate::model::{BoardFilter, DirectiveDetail, DirectiveEdit, DirectiveId, DirectiveRow, RegisterEdit};
use crate::ui::command::{Command, Dialog, Field};
use crate::ui::views::{
    AboutDialog, AttachProgress, AuthorDialog, BackupDialog, ByHandDialog, ByHandMode, CheckDialog,
    ExportDialog, FormsDialog, ImportDialog, MoveDialog, PhotoViewer, RosterDialog, SettingsDialog, Sort,
    TrashDialog,
};
use crate::ui::worker::Request;
use crate::ui::worker::Snapshot;
use crate::ui::worker::files::FileRequest;
use crate::ui::worker::line::Asker;

impl DubanApp {
    pub(super) fn take_snapshot(&mut self, s: Snapshot) {
        self.board = s.board;
        if s.detail.as_ref().map(|d| d.row.id) == self.selected {
            self.detail = s.detail;
        }
        self.cadence = s.settings.feedback_days;
        self.settings = s.settings;
        if !self.loaded && self.settings.author.is_none() && self.dialogs.author.is_none() {
            self.dialogs.author = Some(AuthorDialog::default());
        }
        self.loaded = true;
        // The board, a setting, or both changed: every derived layer.
        self.board_changed();
        // The data changed: so may the search results.
        if !self.search.text().trim().is_empty() {
            self.worker.send(Asker::Search, Request::Search(self.search.text().to_owned()));
        }
    }

    /// One directive changed: its row replaces the cached one (the rest of the board stands).
    pub(super) fn take_row(&mut self, row: DirectiveRow, detail: DirectiveDetail) {
        match self.board.directives.iter().position(|d| d.id == row.id) {
            Some(i) => {
                let old = std::mem::replace(&mut self.board.directives[i], row);
                self.row_changed(i, &old);
            }
            None => self.worker.send(Asker::Board, Request::Refresh { detail: self.selected }),
        }
        if Some(detail.row.id) == self.selected {
            self.detail = Some(detail);
        }
        if !self.search.text().trim().is_empty() {
            self.worker.send(Asker::Search, Request::Search(self.search.text().to_owned()));
        }
    }

    pub(super) fn select(&mut self, id: DirectiveId) {
        if self.selected != Some(id) {
            self.selected = Some(id);
            self.detail = None;
        }
        self.worker.send(Asker::Board, Request::LoadDetail(id));
    }

    /// Builds and shows `which` (a dialog already open stays as it is).
    fn open(&mut self, which: Dialog) {
        if self.dialogs.is_open(which) {
            return;
        }
        let today = self.clock.today();
        let d = &mut self.dialogs;
        match which {
            Dialog::Import => {
                d.import = Some(ImportDialog::new(today).with_pasted(std::mem::take(&mut self.kept_paste)));
            }
            Dialog::Export => {
                let folder = self.export_folder.as_deref();
                d.export = Some(ExportDialog::new(&self.board, today, self.settings.due_soon_days, folder));
            }
            Dialog::ByHand => {
                d.by_hand = Some(match self.kept_by_hand.take() {
                    Some(draft) => ByHandDialog::from_draft(draft, today),
                    None => ByHandDialog::new(ByHandMode::Create, today),
                });
            }
            Dialog::Author => d.author = Some(AuthorDialog::default()),
            Dialog::Settings => d.settings = Some(SettingsDialog::new(&self.settings)),
            Dialog::Trash => {
                d.trash = Some(TrashDialog::default());
                self.worker.send(Asker::Trash, Request::LoadTrash);
            }
            Dialog::Roster => d.roster = Some(RosterDialog::new(&self.board)),
            Dialog::Check => {
                d.check = Some(CheckDialog::default());
                self.files.send(Asker::Check, FileRequest::Check);
            }
            Dialog::Backup => {
                let folder = directories::UserDirs::new()
                    .and_then(|u| u.document_dir().map(std::path::Path::to_path_buf))
                    .or_else(|| self.data_dir.parent().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                let name = format!("督办台备份-{today}.zip");
                d.backup = Some(BackupDialog::new(folder.join(name)));
                self.worker.send(Asker::Backup, Request::ListBackups);
            }
            Dialog::Move => d.moving = Some(MoveDialog::new(self.data_dir.clone())),
            Dialog::About => d.about = Some(AboutDialog::new(&self.data_dir)),
            Dialog::Forms => d.forms = Some(FormsDialog::new(self.export_folder.clone())),
            // The viewer opens with its photos (Command::ViewPhoto).
            Dialog::Photo => {}
        }
    }

    pub(super) fn apply(&mut self, command: Command) {
        match command {
            Command::Open(which) => self.open(which),
            Command::Close(Dialog::Import) => {
                // The pasted text waits for the next try; only a stored import forgets it.
                if let Some(dialog) = self.dialogs.import.take() {
                    self.kept_paste = dialog.into_pasted();
                }
            }
            Command::Close(which) => self.dialogs.close(which),
            Command::Focus(Field::Search) => {
                // Search works on the table.
                self.overview_shown = false;
                self.search.request_focus();
            }
            Command::Focus(Field::Note) => {
                if self.detail.is_some() {
                    self.detail_view.focus_note();
                }
            }
            Command::ShowOverview => self.overview_shown = true,
            Command::ToggleDetail => self.detail_shown = !self.detail_shown,
            Command::ListFinished(listed) => {
                self.set_listing(crate::ui::worker::Listing { finished: listed, ..self.listing });
            }
            Command::SortBy(col) => {
                self.sort = Sort::clicked(self.sort, col);
                self.rows_changed();
            }
            Command::OpenDirective(id) => {
                self.overview_shown = false;
                self.filter = BoardFilter::All;
                self.rows_changed();
                self.select(id);
                self.table.scroll_to_selected = true;
                // An earlier meeting's directive, finished and left out of a large register's
                // table: the detail shows it, the status bar says why the table does not.
                if self.board.directive(id).is_none() && self.board.left_out() > 0 {
                    self.announce(
                        "这条工作要求已办结，列表只列在办的；点“列出全部”可在列表中看到它".to_owned(),
                    );
                }
            }
            Command::SetFilter(filter) => {
                self.overview_shown = false;
                self.filter = filter;
                self.rows_changed();
            }
            Command::SelectDirective(id) => self.select(id),
            Command::AttachFiles(target, paths) => {
                self.attach_progress =
                    Some(AttachProgress { done: 0, total: paths.len(), name: String::new(), bytes: None });
                self.files.send(Asker::Attach, FileRequest::Attach { target, paths });
            }
            Command::CancelAttach => self.files.cancel(),
            Command::ViewPhoto { photos, index } => {
                self.dialogs.photo = Some(PhotoViewer::new(photos, index))
            }
            Command::MoveData(to) => self.worker.send(Asker::Move, Request::Relocate(to)),
            Command::Backup(path) => self.worker.send(Asker::Backup, Request::Backup(path)),
            Command::Restore(path) => self.worker.send(Asker::Restore, Request::Restore(path)),
            Command::Roster(edit) => self.worker.send(Asker::Roster, Request::Roster(edit)),
            Command::EmptyTrash => {
                self.worker.send(Asker::Trash, Request::EmptyTrash { detail: self.selected });
            }
            Command::LoadThumbnail(hash) => {
                if self.thumbs_requested.insert(hash.clone()) {
                    self.files.send(Asker::Thumbnails, FileRequest::Thumbnail { hash });
                }
            }
            Command::OpenEvidence(file) => self.files.send(Asker::OpenFile, FileRequest::Open(file)),
            Command::Search(query) => {
                if query.trim().is_empty() {
                    self.search_hits = None;
                    self.rows_changed();
                } else {
                    self.worker.send(Asker::Search, Request::Search(query));
                }
            }
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::ParseNotice { source, issued_on, encoding } => {
                self.worker.send(Asker::Import, Request::Parse { source, issued_on, encoding });
            }
            Command::ConfirmImport { draft, source_text } => {
                let request = Request::Import { draft, source_text, detail: self.selected };
                self.worker.send(Asker::Import, request);
            }
            Command::Edit(id, edit) => {
                // The note field clears once its note is stored; files are restored from the
                // 回收站, whose list then reloads; every other edit comes from the detail pane.
                let asker = match edit {
                    DirectiveEdit::Note { .. } => Asker::Note(id),
                    DirectiveEdit::Loop(_) => Asker::Loop(id),
                    DirectiveEdit::RestoreFile(_) => Asker::Trash,
                    _ => Asker::Board,
                };
                self.worker.send(asker, Request::Edit { id, edit });
            }
            Command::Register(edit) => {
                let asker = match edit {
                    RegisterEdit::Create(_) | RegisterEdit::Add { .. } => Asker::ByHand,
                    _ => Asker::Register,
                };
                self.worker.send(asker, Request::Register(edit));
            }
            Command::AddDirective(notice, label) => {
                // A dialog already open keeps what is typed in it.
                if self.dialogs.by_hand.is_none() {
                    let mode = ByHandMode::Add(notice, label);
                    self.dialogs.by_hand = Some(ByHandDialog::new(mode, self.clock.today()));
                }
            }
            Command::SetAuthor(name) => {
                self.dialogs.author = None;
                self.worker.send(Asker::Author, Request::SetAuthor { name, detail: self.selected });
            }
            Command::Export { request, format, path, evidence_list } => {
                self.worker.send(Asker::Export, Request::Export { request, format, path, evidence_list });
            }
            Command::LoadBrief(since) => self.worker.send(Asker::Export, Request::LoadBrief(since)),
            Command::ExportBrief { since, path } => {
                self.worker.send(Asker::Export, Request::ExportBrief { since, path });
            }
            Command::ExportBulletin { span, issued_on, path } => {
                self.worker.send(Asker::Export, Request::ExportBulletin { span, issued_on, path });
            }
            Command::GenerateForms(dir) => self.worker.send(Asker::Forms, Request::GenerateForms(dir)),
            Command::GenerateUrges(dir) => {
                self.worker.send(Asker::Forms, Request::GenerateUrges { dir, detail: self.selected });
            }
            Command::ReadForms(paths) => self.worker.send(Asker::Forms, Request::ReadForms(paths)),
            Command::ApplyForms { review, approver } => {
                self.worker
                    .send(Asker::Forms, Request::ApplyForms { review, approver, detail: self.selected });
            }
            Command::OpenPath(path) => {
                if let Err(e) = open::that_detached(&path) {
                    self.status = Some(StatusMessage {
                        text: format!("无法打开（{}）：{}", crate::fsutil::io_reason(&e), path.display()),
                        is_error: true,
                    });
                }
            }
            Command::SetNoticeCadence(notice, days) => {
                let request = Request::NoticeCadence { notice, days, detail: self.selected };
                self.worker.send(Asker::Settings, request);
            }
            Command::SaveSettings(settings) => {
                self.dialogs.settings = None;
                self.worker.send(Asker::Settings, Request::SaveSettings { settings, detail: self.selected });
            }
        }
    }

    fn move_selection(&mut self, delta: i32) {
        self.overview_shown = false;
        let position = self.rows.iter().position(|i| Some(self.board.directives[*i].id) == self.selected);
        let last = self.rows.len().saturating_sub(1);
        let next = match position {
            Some(p) => p.saturating_add_signed(delta as isize).min(last),
            // Nothing selected: End goes to the last row, anything else to the first.
            None if delta == i32::MAX => last,
            None => 0,
        };
        if let Some(i) = self.rows.get(next) {
            let id = self.board.directives[*i].id;
            self.select(id);
            self.table.scroll_to_selected = true;
        }
    }
}
