//! 对话框 — the one holder of every dialog and overlay. It knows which is open (shortcuts rest
//! while one is), opens and closes them by [`Dialog`], and draws whichever is open. Opening
//! needs the app's data, so `DubanApp::open` builds the dialog and hands it here.

use crate::ui::command::{Command, Dialog};
use crate::ui::views::{
    AboutDialog, AuthorDialog, BackupDialog, ByHandDialog, CheckDialog, ExportDialog, FormsDialog,
    ImportDialog, MoveDialog, PhotoViewer, RosterDialog, SettingsDialog, TrashDialog, ViewContext,
};

#[derive(Default)]
pub struct Dialogs {
    pub import: Option<ImportDialog>,
    pub export: Option<ExportDialog>,
    pub by_hand: Option<ByHandDialog>,
    pub author: Option<AuthorDialog>,
    pub settings: Option<SettingsDialog>,
    pub trash: Option<TrashDialog>,
    pub roster: Option<RosterDialog>,
    pub check: Option<CheckDialog>,
    pub backup: Option<BackupDialog>,
    pub moving: Option<MoveDialog>,
    pub photo: Option<PhotoViewer>,
    pub about: Option<AboutDialog>,
    pub forms: Option<FormsDialog>,
}

impl Dialogs {
    pub fn is_open(&self, which: Dialog) -> bool {
        match which {
            Dialog::Import => self.import.is_some(),
            Dialog::Export => self.export.is_some(),
            Dialog::ByHand => self.by_hand.is_some(),
            Dialog::Author => self.author.is_some(),
            Dialog::Settings => self.settings.is_some(),
            Dialog::Trash => self.trash.is_some(),
            Dialog::Roster => self.roster.is_some(),
            Dialog::Check => self.check.is_some(),
            Dialog::Backup => self.backup.is_some(),
            Dialog::Move => self.moving.is_some(),
            Dialog::Photo => self.photo.is_some(),
            Dialog::About => self.about.is_some(),
            Dialog::Forms => self.forms.is_some(),
        }
    }

    /// A modal covers the window: shortcuts and table keys rest.
    pub fn any_open(&self) -> bool {
        ALL.iter().any(|d| self.is_open(*d))
    }

    pub fn close(&mut self, which: Dialog) {
        match which {
            Dialog::Import => self.import = None,
            Dialog::Export => self.export = None,
            Dialog::ByHand => self.by_hand = None,
            Dialog::Author => self.author = None,
            Dialog::Settings => self.settings = None,
            Dialog::Trash => self.trash = None,
            Dialog::Roster => self.roster = None,
            Dialog::Check => self.check = None,
            Dialog::Backup => self.backup = None,
            Dialog::Move => self.moving = None,
            Dialog::Photo => self.photo = None,
            Dialog::About => self.about = None,
            Dialog::Forms => self.forms = None,
        }
    }

    /// Draws the open dialogs; their commands join `commands`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext, commands: &mut Vec<Command>) {
        if let Some(d) = &mut self.import {
            d.ui(ui, cx.today, commands);
        }
        if let Some(d) = &mut self.export {
            d.ui(ui, cx.board, cx.today, commands);
        }
        if let Some(d) = &mut self.by_hand {
            d.ui(ui, cx.board, cx.today, commands);
        }
        if let Some(d) = &mut self.author {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.settings {
            d.ui(ui, cx.today, commands);
        }
        if let Some(d) = &mut self.trash {
            d.ui(ui, cx.board, commands);
        }
        if let Some(d) = &mut self.roster {
            d.ui(ui, cx.board, commands);
        }
        if let Some(d) = &mut self.check {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.backup {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.moving {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.photo {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.about {
            d.ui(ui, commands);
        }
        if let Some(d) = &mut self.forms {
            d.ui(ui, commands);
        }
    }
}

const ALL: [Dialog; 13] = [
    Dialog::Forms,
    Dialog::Import,
    Dialog::Export,
    Dialog::ByHand,
    Dialog::Author,
    Dialog::Settings,
    Dialog::Trash,
    Dialog::Roster,
    Dialog::Check,
    Dialog::Backup,
    Dialog::Move,
    Dialog::Photo,
    Dialog::About,
];
