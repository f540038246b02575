//! 进展 — the detail pane's form for a dated progress note (the duty officer's 值班记录), and
//! the drafts: a note typed for one directive waits while the officer looks at others, and
//! across restarts (the window saves the drafts with its state), until it is stored.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{TextEdit, Ui};

use crate::model::{DirectiveEdit, DirectiveId};
use crate::ui::command::Command;
use crate::ui::widgets::date_picker;

/// 进展草稿 — a progress note typed and not yet stored.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NoteDraft {
    pub text: String,
    /// The date chosen for it (`None`: today).
    pub on: Option<NaiveDate>,
}

#[derive(Default)]
pub struct NoteForm {
    /// The directive whose note is being typed.
    shown: Option<DirectiveId>,
    current: NoteDraft,
    /// Notes typed for other directives, not yet stored.
    drafts: BTreeMap<DirectiveId, NoteDraft>,
    /// Ctrl+N: put the cursor in the field on the next frame.
    focus: bool,
}

impl NoteForm {
    pub fn focus(&mut self) {
        self.focus = true;
    }

    /// Another directive is shown: the typed note waits, that directive's draft comes back.
    pub fn show(&mut self, id: DirectiveId) {
        if self.shown == Some(id) {
            return;
        }
        if let Some(old) = self.shown
            && !self.current.text.trim().is_empty()
        {
            self.drafts.insert(old, std::mem::take(&mut self.current));
        }
        self.current = self.drafts.remove(&id).unwrap_or_default();
        self.shown = Some(id);
    }

    /// Forgets the note typed for `id` (it was stored).
    pub fn clear(&mut self, id: DirectiveId) {
        if self.shown == Some(id) {
            self.current = NoteDraft::default();
        }
        self.drafts.remove(&id);
    }

    /// Every note typed and not stored, the shown directive's included.
    pub fn drafts(&self) -> BTreeMap<DirectiveId, NoteDraft> {
        let mut all = self.drafts.clone();
        if let Some(id) = self.shown
            && !self.current.text.trim().is_empty()
        {
            all.insert(id, self.current.clone());
        }
        all
    }

    /// Brings back the notes typed before a restart.
    pub fn restore(&mut self, drafts: BTreeMap<DirectiveId, NoteDraft>) {
        for (id, draft) in drafts.into_iter().filter(|(_, d)| !d.text.trim().is_empty()) {
            if self.shown == Some(id) {
                self.current = draft;
            } else {
                self.drafts.insert(id, draft);
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, id: DirectiveId, today: NaiveDate, commands: &mut Vec<Command>) {
        let mut on = self.current.on.unwrap_or(today);
        ui.horizontal(|ui| {
            ui.label("日期");
            if date_picker(ui, "note-date", &mut on, today).changed() {
                self.current.on = Some(on);
            }
        });
        let label = ui.label("进展内容");
        let edit = ui
            .add(
                TextEdit::multiline(&mut self.current.text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("填写进展情况（Ctrl+N），如：已完成全省在建工地专项检查，整改隐患 23 处")
                    .id_salt("note-text"),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            edit.request_focus();
            edit.scroll_to_me(Some(egui::Align::Center));
        }
        let ready = !self.current.text.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("添加进展")).clicked() {
            let text = self.current.text.trim().to_owned();
            commands.push(Command::Edit(id, DirectiveEdit::Note { on, text }));
        }
    }
}
