//! 已办结未列出 — the line above the table of a large register whose window left the finished
//! directives out (model::FinishedApart): how many are not listed, how many of the search's hits
//! are among them, and one click to list everything (or, listed, to go back to the work in hand).
//! The figures everywhere count them either way; only the table's rows differ.

use egui::{RichText, Ui};

use crate::model::Board;
use crate::ui::command::Command;

/// The line, if the board left anything out or could leave it out again.
/// `hits_left_out`: the search's hits among the left-out directives; `can_leave_out`: everything
/// is listed of a register large enough to list only the work in hand.
pub fn listing_note(
    ui: &mut Ui,
    board: &Board,
    hits_left_out: usize,
    can_leave_out: bool,
    commands: &mut Vec<Command>,
) {
    let left_out = board.left_out();
    if left_out > 0 {
        ui.horizontal_wrapped(|ui| {
            let text = if hits_left_out > 0 {
                format!("另有 {hits_left_out} 条符合搜索的已完成、已销号工作要求未列出")
            } else {
                format!("已完成、已销号的 {left_out} 条未列出，统计已含")
            };
            ui.label(RichText::new(text).weak());
            if ui
                .small_button("列出全部")
                .on_hover_text(
                    "登记簿较大，窗口只载入在办的工作要求；点击连同已完成、已销号的一起列出（占用更多内存）",
                )
                .clicked()
            {
                commands.push(Command::ListFinished(true));
            }
        });
    } else if can_leave_out {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("已列出全部工作要求，含已完成、已销号的").weak());
            if ui.small_button("只列在办的").on_hover_text("已完成、已销号的不再列出，统计照旧").clicked()
            {
                commands.push(Command::ListFinished(false));
            }
        });
    }
}
