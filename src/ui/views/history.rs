//! 接续 in the detail pane: which earlier directive this one carries on (with what was reported
//! on it at earlier meetings), and which later one carries it on. Each is a link.

use egui::{CollapsingHeader, RichText, Ui};

use crate::model::{Continuation, DirectiveDetail, DirectiveEdit};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::widgets::format_date;

fn meeting(d: &Continuation) -> String {
    d.meeting.clone().unwrap_or_else(|| format!("{}印发的通知", format_date(d.issued_on)))
}

/// Draws nothing when the directive stands alone.
pub fn history_ui(ui: &mut Ui, detail: &DirectiveDetail, commands: &mut Vec<Command>) {
    let id = detail.row.id;
    if let Some(first) = detail.earlier.last() {
        let text =
            format!("自{}起持续督办（第 {} 次布置）", meeting(&first.directive), detail.earlier.len() + 1);
        ui.label(RichText::new(text).color(theme::DUE_SOON).strong());
    }
    if let Some(previous) = detail.earlier.first() {
        ui.horizontal_wrapped(|ui| {
            ui.label("接续：");
            let d = &previous.directive;
            let link = ui.link(format!("{} {} {}", meeting(d), d.number, d.title));
            if link.on_hover_text("打开此前会议的这条工作要求").clicked() {
                commands.push(Command::OpenDirective(d.id));
            }
            if ui.small_button("取消接续").on_hover_text("这不是同一项工作").clicked() {
                commands.push(Command::Edit(id, DirectiveEdit::Continues(None)));
            }
        });
        let notes: usize = detail.earlier.iter().map(|s| s.notes.len()).sum();
        CollapsingHeader::new(format!("此前会议的进展（{notes} 条）")).id_salt("earlier-progress").show(
            ui,
            |ui| {
                for step in &detail.earlier {
                    let d = &step.directive;
                    ui.label(
                        RichText::new(format!("{} {}（{}）", meeting(d), d.number, step.status.label()))
                            .strong(),
                    );
                    if step.notes.is_empty() {
                        ui.weak("无进展记录");
                    }
                    for note in &step.notes {
                        ui.label(
                            RichText::new(format!("{} {}", format_date(note.on), note.author)).small().weak(),
                        );
                        ui.label(&note.text);
                    }
                    ui.add_space(4.0);
                }
            },
        );
    }
    for later in &detail.continued_by {
        ui.horizontal_wrapped(|ui| {
            ui.label("已由后续会议接续：");
            if ui.link(format!("{} {} {}", meeting(later), later.number, later.title)).clicked() {
                commands.push(Command::OpenDirective(later.id));
            }
        });
    }
}
