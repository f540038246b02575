//! 无佐证销号 — 销号 in the detail pane when no file dated on or after the notice backs the
//! directive: instead of closing at once, a line asks to confirm (reports will say 无佐证), or to
//! add the files first. Nothing is written until 无佐证销号 is pressed.

use egui::{RichText, Ui};

use crate::model::{DirectiveDetail, DirectiveEdit, Status, backs_closing};
use crate::ui::command::Command;
use crate::ui::theme;

/// Whether closing `detail` needs the officer's confirmation.
pub fn needs_confirmation(detail: &DirectiveDetail, status: Status) -> bool {
    status == Status::Closed && !backs_closing(&detail.evidence, detail.notice_issued_on)
}

/// The confirmation line; returns false once answered (either way).
pub fn confirm_ui(ui: &mut Ui, detail: &DirectiveDetail, commands: &mut Vec<Command>) -> bool {
    let mut open = true;
    ui.horizontal_wrapped(|ui| {
        let text = "没有通知印发后的佐证材料（现场照片、整改文件等）。确定无佐证销号？报告中将标注“无佐证”。";
        ui.label(RichText::new(text).color(theme::OVERDUE));
        if ui.button("无佐证销号").clicked() {
            commands.push(Command::Edit(detail.row.id, DirectiveEdit::Status(Status::Closed)));
            open = false;
        }
        if ui.button("先添加材料").on_hover_text("不销号，到下方“材料”添加佐证").clicked()
        {
            open = false;
        }
    });
    open
}
