//! 搜索 — the search box above the table: results as you type, Ctrl+F to focus.

use egui::{TextEdit, Ui};

use crate::ui::command::Command;

#[derive(Default)]
pub struct SearchBar {
    text: String,
    focus_next_frame: bool,
}

impl SearchBar {
    /// Ctrl+F: put the cursor in the box on the next frame.
    pub fn request_focus(&mut self) {
        self.focus_next_frame = true;
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let label = ui.label("搜索");
        let edit = ui
            .add(
                TextEdit::singleline(&mut self.text)
                    .id_salt("search-box")
                    .desired_width((ui.available_width() - 110.0).clamp(120.0, 260.0))
                    .hint_text("工作要求、进展中的文字（Ctrl+F）"),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_next_frame) {
            edit.request_focus();
        }
        if edit.changed() {
            commands.push(Command::Search(self.text.clone()));
        }
        if !self.text.is_empty() && ui.small_button("清除").on_hover_text("清除搜索").clicked() {
            self.text.clear();
            commands.push(Command::Search(String::new()));
        }
    }
}
