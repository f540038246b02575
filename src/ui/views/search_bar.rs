//! 搜索 — the search box above the table: results as you type, Ctrl+F to focus, Esc (or 清除)
//! to clear.

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
        // Esc in the box clears it (egui takes the focus away on Esc; the text goes too).
        let escaped = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        let cleared =
            !self.text.is_empty() && ui.small_button("清除").on_hover_text("清除搜索（Esc）").clicked();
        if (escaped || cleared) && !self.text.is_empty() {
            self.clear(commands);
        }
    }

    /// Empties the box and shows every directive again.
    pub fn clear(&mut self, commands: &mut Vec<Command>) {
        self.text.clear();
        commands.push(Command::Search(String::new()));
    }
}
