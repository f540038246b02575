//! 回收站 — directives deleted or merged away, and files moved out of directives: restore any of
//! them (restoring a merged directive undoes the merge); emptying, which concerns files only,
//! asks first. Nothing is deleted silently (and even then the stored file waits for
//! `duban check`'s grace period).

use egui::{Modal, RichText, ScrollArea, Ui};

use crate::model::{Board, DirectiveEdit, Evidence, RegisterEdit};
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;

#[derive(Default)]
pub struct TrashDialog {
    /// The files in the 回收站, once loaded.
    files: Option<Vec<Evidence>>,
    confirm_empty: bool,
}

impl TrashDialog {
    pub fn on_loaded(&mut self, files: Vec<Evidence>) {
        self.files = Some(files);
        self.confirm_empty = false;
    }

    pub fn ui(&mut self, ui: &mut Ui, board: &Board, commands: &mut Vec<Command>) {
        let modal = Modal::new(egui::Id::unique("trash-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.heading("回收站");
            ui.separator();
            set_aside_ui(ui, board, commands);
            let Some(files) = &self.files else {
                ui.spinner();
                return;
            };
            if files.is_empty() {
                ui.label(if board.set_aside.is_empty() {
                    "回收站是空的。"
                } else {
                    "没有移出的材料。"
                });
            }
            ScrollArea::vertical().max_height(360.0).id_salt("trash-list").show(ui, |ui| {
                for e in files {
                    ui.horizontal(|ui| {
                        let number =
                            board.directive(e.directive).map_or("（已删除）", |d| d.number.as_str());
                        ui.label(RichText::new(number).strong());
                        ui.label(&e.original_name);
                        if let Some(at) = e.trashed_at {
                            ui.label(
                                RichText::new(format!("{} 移入", at.format("%Y-%m-%d %H:%M"))).small().weak(),
                            );
                        }
                        if ui
                            .small_button("恢复")
                            .on_hover_text(format!("恢复“{}”", e.original_name))
                            .clicked()
                        {
                            commands.push(Command::Edit(e.directive, DirectiveEdit::RestoreFile(e.id)));
                        }
                    });
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                if self.confirm_empty {
                    ui.label(
                        RichText::new(format!("永久删除这 {} 个材料的记录？此操作不能撤销。", files.len()))
                            .color(theme::OVERDUE),
                    );
                    if ui.button("确定清空").clicked() {
                        commands.push(Command::EmptyTrash);
                    }
                    if ui.button("不清空").clicked() {
                        self.confirm_empty = false;
                    }
                } else {
                    if ui.add_enabled(!files.is_empty(), egui::Button::new("清空回收站…")).clicked() {
                        self.confirm_empty = true;
                    }
                    if ui.button("关闭").clicked() {
                        commands.push(Command::Close(Dialog::Trash));
                    }
                }
            });
        });
        if modal.should_close() {
            commands.push(Command::Close(Dialog::Trash));
        }
    }
}

/// 已删除的工作要求 — each with 恢复 (or 撤销合并 for one merged into another).
fn set_aside_ui(ui: &mut Ui, board: &Board, commands: &mut Vec<Command>) {
    if board.set_aside.is_empty() {
        return;
    }
    ui.strong(format!("已删除的工作要求（{}）", board.set_aside.len()));
    ScrollArea::vertical().max_height(160.0).id_salt("trash-directives").show(ui, |ui| {
        for d in &board.set_aside {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&d.number).strong());
                ui.label(&d.title);
                let into = d.merged_into.and_then(|i| board.directive(i));
                let how = match into {
                    Some(into) => format!("已并入 {}", into.number),
                    None => "已删除".to_owned(),
                };
                ui.label(
                    RichText::new(format!("{}　{how}　{}", d.notice, d.at.format("%Y-%m-%d %H:%M")))
                        .small()
                        .weak(),
                );
                let (text, hover) = match into {
                    Some(_) => ("撤销合并", "恢复为单独一条，分回它的进展、材料和督办记录"),
                    None => ("恢复工作要求", "恢复到看板"),
                };
                if ui.small_button(text).on_hover_text(hover).clicked() {
                    commands.push(Command::Register(RegisterEdit::Restore(d.id)));
                }
            });
        }
    });
    ui.separator();
    ui.strong("移出的材料");
}
