//! 填报人 — asks the officer's name once; it signs progress notes and the change log.

use egui::{Modal, TextEdit, Ui};

use crate::ui::command::Command;

#[derive(Default)]
pub struct AuthorDialog {
    name: String,
    focused: bool,
}

impl AuthorDialog {
    /// Shows the dialog (first start: there is no way around giving a name; 设置… changes it).
    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        Modal::new(egui::Id::unique("author-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(360.0);
            ui.heading("填报人");
            ui.label("请输入您的姓名。进展记录和变更记录将以此署名。");
            let label = ui.label("姓名");
            let edit = ui
                .add(TextEdit::singleline(&mut self.name).id_salt("author-name").hint_text("如：张伟"))
                .labelled_by(label.id);
            if !self.focused {
                edit.request_focus();
                self.focused = true;
            }
            let ready = !self.name.trim().is_empty();
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.add_enabled(ready, egui::Button::new("确定")).clicked() || (ready && enter) {
                    commands.push(Command::SetAuthor(self.name.trim().to_owned()));
                }
            });
        });
    }
}
