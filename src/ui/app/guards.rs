//! Two things that stand between the officer and a lost change: the close guard (closing with
//! work in flight waits, cancels the copying of files, or is called off) and the notice that
//! another window moved the data away (this window then shows the old copy and writes nothing).

use egui::{RichText, Ui};

use super::DubanApp;
use crate::ui::views::CloseChoice;
use crate::ui::worker::line::Asker;

impl DubanApp {
    /// Another window moved the data: say where, and that this window writes nothing more.
    pub(super) fn moved_away_ui(&mut self, ui: &mut Ui) {
        let Some(target) = &self.moved_away else { return };
        egui::Modal::new(egui::Id::unique("moved-away")).show(ui.ctx(), |ui| {
            ui.set_width(460.0);
            ui.heading(RichText::new("数据已迁移").color(crate::ui::theme::OVERDUE));
            ui.label(format!("另一个窗口已把全部数据迁移到：{}", target.display()));
            ui.label("这个窗口显示的是迁移前的旧数据，已停止保存修改。请关闭它，重新打开督办台。");
            if ui.button("关闭此窗口").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }

    /// Closing with work in flight waits, cancels the copying of files, or is called off.
    pub(super) fn guard_close(&mut self, ui: &mut Ui) {
        let work = self.unfinished_work();
        if ui.input(|i| i.viewport().close_requested()) && !self.close_guard.on_close_requested(&work) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let attaching = self.files.line().is_waiting(Asker::Attach);
        if self.close_guard.ui(ui, &work, attaching) == Some(CloseChoice::CancelAndQuit) {
            self.files.cancel();
        }
        if self.close_guard.should_close(&work) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
