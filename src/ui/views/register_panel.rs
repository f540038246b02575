//! 调整 — in the detail pane: 新增工作要求 to the directive's notice, 拆分 it, 合并 another of the
//! same notice into it, 删除 it (after a confirmation; 恢复 from the 回收站), and undo a merge.
//! Also where a directive came from when it was entered by hand or split off. The forms keep
//! what is typed while the officer looks at other directives, and close once the store has it.

use std::collections::HashMap;

use egui::{RichText, TextEdit, Ui};

use crate::model::{Board, DirectiveDetail, DirectiveId, NewDirective, RegisterEdit};
use crate::ui::command::Command;
use crate::ui::format::split_names;
use crate::ui::theme;
use crate::ui::widgets::{format_date, office_picker};

/// An open form of one directive.
#[derive(Debug, Clone, PartialEq)]
enum Form {
    Split { keep: String, title: String, text: String, offices: String },
    Merge { from: Option<DirectiveId>, confirming: bool },
    Delete,
}

#[derive(Default)]
pub struct RegisterPanel {
    /// Open forms by directive: another directive's form waits while this one is shown.
    forms: HashMap<DirectiveId, Form>,
}

impl RegisterPanel {
    /// The store accepted the edit of `id`: its form closes.
    pub fn close(&mut self, id: DirectiveId) {
        self.forms.remove(&id);
    }

    /// 来源 / 拆分自 / 已并入 lines, under the heading.
    pub fn origin_ui(&mut self, ui: &mut Ui, detail: &DirectiveDetail, commands: &mut Vec<Command>) {
        if let Some(source) = &detail.row.source {
            ui.label(
                RichText::new(format!(
                    "来源：{}　{}",
                    source.describe(),
                    format_date(detail.notice_issued_on)
                ))
                .strong(),
            );
            if let Some(words) = &detail.source_words {
                egui::CollapsingHeader::new("原文").id_salt("by-hand-words").show(ui, |ui| {
                    ui.label(RichText::new(words).weak());
                });
            }
        }
        if let Some((id, label)) = &detail.split_from {
            ui.horizontal_wrapped(|ui| {
                ui.label("拆分自：");
                if ui.link(label).clicked() {
                    commands.push(Command::OpenDirective(*id));
                }
            });
        }
        for (id, label) in &detail.merged {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("已并入：{label}")).small());
                if ui.small_button("撤销合并").on_hover_text("把它的进展、材料和督办记录分回去").clicked()
                {
                    commands.push(Command::Register(RegisterEdit::Restore(*id)));
                }
            });
        }
    }

    /// The 调整 buttons and the open form.
    pub fn ui(&mut self, ui: &mut Ui, detail: &DirectiveDetail, board: &Board, commands: &mut Vec<Command>) {
        let id = detail.row.id;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("调整").small().weak());
            let add = ui.small_button("新增工作要求…").on_hover_text("在本通知中补充一条工作要求");
            if add.clicked() {
                let label = board
                    .notice(detail.notice_id)
                    .map_or(detail.notice_title.clone(), |n| n.label().to_owned());
                commands.push(Command::AddDirective(detail.notice_id, label));
            }
            if ui.small_button("拆分…").on_hover_text("把本条拆成两条，进展和督办记录留在本条").clicked()
            {
                let form = Form::Split {
                    keep: detail.row.text.clone(),
                    title: String::new(),
                    text: String::new(),
                    offices: detail.row.offices_text(),
                };
                self.forms.insert(id, form);
            }
            if ui.small_button("合并…").on_hover_text("把本通知中重复的另一条并入本条").clicked()
            {
                self.forms.insert(id, Form::Merge { from: None, confirming: false });
            }
            if ui.small_button("删除…").on_hover_text("移到回收站，可恢复").clicked() {
                self.forms.insert(id, Form::Delete);
            }
        });
        let Some(form) = self.forms.get_mut(&id) else { return };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            close = match form {
                Form::Split { keep, title, text, offices } => {
                    split_ui(ui, board, id, [keep, title, text, offices], commands)
                }
                Form::Merge { from, confirming } => merge_ui(ui, detail, board, from, confirming, commands),
                Form::Delete => delete_ui(ui, detail, commands),
            };
        });
        if close {
            self.forms.remove(&id);
        }
    }
}

/// Returns true when the form is to close (取消).
fn split_ui(
    ui: &mut Ui,
    board: &Board,
    id: DirectiveId,
    [keep, title, text, offices]: [&mut String; 4],
    commands: &mut Vec<Command>,
) -> bool {
    ui.strong("拆分");
    let name = ui.label("本条保留的内容");
    ui.add(TextEdit::multiline(keep).desired_rows(3).desired_width(f32::INFINITY)).labelled_by(name.id);
    ui.horizontal(|ui| {
        let name = ui.label("新条目标题");
        ui.add(TextEdit::singleline(title).desired_width(ui.available_width().min(300.0)))
            .labelled_by(name.id);
    });
    let name = ui.label("新条目内容");
    ui.add(TextEdit::multiline(text).desired_rows(2).desired_width(f32::INFINITY)).labelled_by(name.id);
    office_picker(ui, board, offices, "新条目责任单位", "split-offices");
    ui.label(
        RichText::new("进展、材料和督办记录留在本条；新条目各单位从“未反馈”开始，完成时限同本条。")
            .small()
            .weak(),
    );
    let ready = !keep.trim().is_empty() && !title.trim().is_empty() && !text.trim().is_empty();
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("确定拆分")).clicked() {
            let part = NewDirective {
                title: title.trim().to_owned(),
                text: text.trim().to_owned(),
                offices: split_names(offices),
                deadline: None,
            };
            commands.push(Command::Register(RegisterEdit::Split {
                id,
                keep_text: keep.trim().to_owned(),
                part,
            }));
        }
        close = ui.button("取消").clicked();
    });
    close
}

fn merge_ui(
    ui: &mut Ui,
    detail: &DirectiveDetail,
    board: &Board,
    from: &mut Option<DirectiveId>,
    confirming: &mut bool,
    commands: &mut Vec<Command>,
) -> bool {
    let id = detail.row.id;
    ui.strong("合并");
    let others: Vec<_> =
        board.directives.iter().filter(|d| d.notice_id == detail.notice_id && d.id != id).collect();
    if others.is_empty() {
        ui.label("本通知中没有其他工作要求可以并入。");
        return ui.button("取消").clicked();
    }
    let shown = from
        .and_then(|f| board.directive(f))
        .map_or("选择要并入本条的一条".to_owned(), |d| format!("{} {}", d.number, d.title));
    let name = ui.label("并入本条的工作要求");
    egui::ComboBox::from_id_salt("merge-from")
        .selected_text(shown)
        .width(ui.available_width().min(360.0))
        .show_ui(ui, |ui| {
            for d in &others {
                ui.selectable_value(from, Some(d.id), format!("{} {}", d.number, d.title));
            }
        })
        .response
        .labelled_by(name.id);
    if *confirming && from.is_some() {
        ui.label(
            RichText::new("它的内容接在本条之后，它的单位、进展、材料和督办记录一并移入本条；它本身移到回收站，在那里恢复即撤销合并。")
                .small(),
        );
    }
    let mut close = false;
    ui.horizontal(|ui| {
        match (*from, *confirming) {
            (Some(f), true) => {
                if ui.button("确定合并").clicked() {
                    commands.push(Command::Register(RegisterEdit::Merge { into: id, from: f }));
                }
            }
            _ => {
                if ui.add_enabled(from.is_some(), egui::Button::new("合并")).clicked() {
                    *confirming = true;
                }
            }
        }
        close = ui.button("取消").clicked();
    });
    close
}

fn delete_ui(ui: &mut Ui, detail: &DirectiveDetail, commands: &mut Vec<Command>) -> bool {
    let id = detail.row.id;
    ui.strong("删除这条工作要求？");
    let mut close = false;
    if !detail.loop_events.is_empty() {
        ui.label(
            RichText::new(format!(
                "已有 {} 条督办记录（反馈、催办、延期或办结），不能删除；如与另一条重复，请在那一条用“合并…”并入。",
                detail.loop_events.len()
            ))
            .color(theme::OVERDUE),
        );
        ui.horizontal(|ui| close = ui.button("取消").clicked());
        return close;
    }
    let mut held = Vec::new();
    if !detail.notes.is_empty() {
        held.push(format!("{} 条进展", detail.notes.len()));
    }
    if !detail.evidence.is_empty() {
        held.push(format!("{} 个材料", detail.evidence.len()));
    }
    let held =
        if held.is_empty() { String::new() } else { format!("它的{}随之保留，", held.join("、")) };
    ui.label(RichText::new(format!("它将移到回收站，{held}可随时恢复。")).small());
    ui.horizontal(|ui| {
        if ui.button("确定删除").clicked() {
            commands.push(Command::Register(RegisterEdit::Delete(id)));
        }
        close = ui.button("不删除").clicked();
    });
    close
}
