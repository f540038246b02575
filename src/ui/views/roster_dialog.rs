//! 名册 — the roster: add an office or detachment, and give offices their other names (别名,
//! e.g. 防火处 for 防火监督处) so notices that use them land on the right office.

use std::collections::HashMap;

use egui::{ComboBox, Modal, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{Board, OfficeGroup, OfficeId};
use crate::ui::command::{Command, Dialog, RosterEdit};
use crate::ui::format::split_names;

pub struct RosterDialog {
    /// Aliases as typed, per office (、-joined).
    aliases: HashMap<OfficeId, String>,
    new_name: String,
    new_group: OfficeGroup,
    /// 改名: the office being renamed and the name as typed.
    renaming: Option<(OfficeId, String)>,
    /// Put the cursor in the rename field on the next frame.
    focus_rename: bool,
}

fn stored_aliases(board: &Board, office: OfficeId) -> String {
    board.aliases.iter().filter(|(_, o)| *o == office).map(|(a, _)| a.as_str()).collect::<Vec<_>>().join("、")
}

impl RosterDialog {
    /// 修改: rename, move to the other group, merge into another office, remove.
    fn edit_menu(
        &mut self,
        ui: &mut Ui,
        board: &Board,
        office: &crate::model::Office,
        group: OfficeGroup,
        commands: &mut Vec<Command>,
    ) {
        ui.menu_button("修改", |ui| {
            if ui.button("改名…").on_hover_text("原名保留为别名，旧通知照样归到该单位").clicked()
            {
                self.renaming = Some((office.id, office.name.clone()));
                self.focus_rename = true;
                ui.close();
            }
            let other = match group {
                OfficeGroup::Hq => OfficeGroup::Detachment,
                OfficeGroup::Detachment => OfficeGroup::Hq,
            };
            if ui.button(format!("移到{}", other.label())).clicked() {
                commands.push(Command::Roster(RosterEdit::Move(office.id, other)));
                ui.close();
            }
            ui.menu_button("并入…", |ui| {
                ui.label(RichText::new("重复的单位并入真正的单位：工作要求随之转过去").small().weak());
                for target in board.offices_in(group).filter(|o| o.id != office.id) {
                    if ui.button(&target.name).clicked() {
                        commands.push(Command::Roster(RosterEdit::Merge(office.id, target.id)));
                        ui.close();
                    }
                }
            });
            let used = board.directives.iter().any(|d| d.assignments.iter().any(|a| a.office == office.id))
                || board.finished_apart.as_ref().is_some_and(|a| a.named.contains(&office.id));
            let remove = ui
                .add_enabled(!used, egui::Button::new("删除"))
                .on_disabled_hover_text("仍有工作要求由该单位负责；重复的单位请用“并入”");
            if remove.clicked() {
                commands.push(Command::Roster(RosterEdit::Remove(office.id)));
                ui.close();
            }
        });
    }

    pub fn new(board: &Board) -> RosterDialog {
        let aliases = board.offices.iter().map(|o| (o.id, stored_aliases(board, o.id))).collect();
        RosterDialog {
            aliases,
            new_name: String::new(),
            new_group: OfficeGroup::Hq,
            renaming: None,
            focus_rename: false,
        }
    }

    /// Re-reads the roster after a change (a rename adds an alias; a merge removes an office).
    pub fn refresh(&mut self, board: &Board) {
        self.aliases = board.offices.iter().map(|o| (o.id, stored_aliases(board, o.id))).collect();
        self.renaming = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, board: &Board, commands: &mut Vec<Command>) {
        let modal = Modal::new(egui::Id::unique("roster-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.heading("名册");
            ui.label(
                RichText::new("别名：通知中对该单位的其他写法，用、分隔。导入时自动归到该单位。")
                    .small()
                    .weak(),
            );
            ui.separator();
            ScrollArea::vertical().max_height(420.0).id_salt("roster-list").show(ui, |ui| {
                for group in [OfficeGroup::Hq, OfficeGroup::Detachment] {
                    ui.label(RichText::new(group.label()).strong());
                    egui::Grid::new(("roster", group.as_db())).num_columns(4).spacing([12.0, 4.0]).show(
                        ui,
                        |ui| {
                            for office in board.offices_in(group) {
                                let name = match &mut self.renaming {
                                    Some((id, typed)) if *id == office.id => {
                                        let field = ui
                                            .horizontal(|ui| {
                                                let label = ui.label("新名称");
                                                ui.add(TextEdit::singleline(typed).desired_width(110.0))
                                                    .labelled_by(label.id)
                                            })
                                            .inner;
                                        if std::mem::take(&mut self.focus_rename) {
                                            field.request_focus();
                                        }
                                        let enter = field.lost_focus()
                                            && ui.input(|i| i.key_pressed(egui::Key::Enter));
                                        if enter && !typed.trim().is_empty() {
                                            let edit = RosterEdit::Rename(office.id, typed.trim().to_owned());
                                            commands.push(Command::Roster(edit));
                                        }
                                        field
                                    }
                                    _ => ui.label(&office.name),
                                };
                                let typed = self.aliases.entry(office.id).or_default();
                                // A fixed size: in a grid a text field otherwise keeps the width its
                                // column had on the first frame.
                                let field = TextEdit::singleline(typed).hint_text("别名");
                                ui.add_sized([240.0, 24.0], field).labelled_by(name.id);
                                let changed =
                                    split_names(typed) != split_names(&stored_aliases(board, office.id));
                                let save = egui::Button::new("保存别名");
                                if ui.add_enabled(changed, save).on_hover_text(&office.name).clicked() {
                                    commands.push(Command::Roster(RosterEdit::Aliases(
                                        office.id,
                                        split_names(typed),
                                    )));
                                }
                                self.edit_menu(ui, board, office, group, commands);
                                ui.end_row();
                            }
                        },
                    );
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("新增单位");
                ui.add(TextEdit::singleline(&mut self.new_name).desired_width(200.0).hint_text("如：政治部"))
                    .labelled_by(label.id);
                ComboBox::from_id_salt("new-office-group")
                    .selected_text(self.new_group.label())
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.new_group, OfficeGroup::Hq, OfficeGroup::Hq.label());
                        ui.selectable_value(
                            &mut self.new_group,
                            OfficeGroup::Detachment,
                            OfficeGroup::Detachment.label(),
                        );
                    })
                    .response
                    .labelled_by(label.id);
                if ui.add_enabled(!self.new_name.trim().is_empty(), egui::Button::new("添加")).clicked() {
                    commands.push(Command::Roster(RosterEdit::Add(
                        self.new_name.trim().to_owned(),
                        self.new_group,
                    )));
                    self.new_name.clear();
                }
            });
            if ui.button("关闭").clicked() {
                commands.push(Command::Close(Dialog::Roster));
            }
        });
        if modal.should_close() {
            commands.push(Command::Close(Dialog::Roster));
        }
    }
}
