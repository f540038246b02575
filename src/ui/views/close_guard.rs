//! 关闭前确认 — closing the window while work is in flight (a note being saved, files being
//! copied, a backup or a data move under way) would lose it or leave a half-written file. The
//! guard stops the close, says what is running, and offers to quit once it is done, to stop
//! the copying of files and then quit, or to go back to work.

use egui::{Modal, RichText, Ui};

use crate::ui::theme;

/// What the officer chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseChoice {
    /// 完成后退出: wait, then close.
    WhenDone,
    /// 停止添加材料并退出: cancel the copy (nothing half-stored), then close.
    CancelAndQuit,
    /// 继续工作
    Stay,
}

#[derive(Default)]
pub struct CloseGuard {
    shown: bool,
    /// The officer chose to quit as soon as nothing is in flight.
    leaving: bool,
}

impl CloseGuard {
    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// The window should close now: the officer asked to close (and did not take it back)
    /// and the work is done.
    pub fn should_close(&self, work: &[&str]) -> bool {
        (self.leaving || self.shown) && work.is_empty()
    }

    /// A close was asked for: true when it may go ahead, else the guard shows.
    pub fn on_close_requested(&mut self, work: &[&str]) -> bool {
        if work.is_empty() || self.leaving {
            return work.is_empty();
        }
        self.shown = true;
        false
    }

    /// Draws the question while it is shown; returns the officer's choice, once.
    pub fn ui(&mut self, ui: &mut Ui, work: &[&str], can_cancel: bool) -> Option<CloseChoice> {
        if !self.shown {
            return None;
        }
        let mut choice = None;
        Modal::new(egui::Id::unique("close-guard")).show(ui.ctx(), |ui| {
            ui.set_width(440.0);
            if self.leaving {
                ui.heading("正在完成，完成后自动退出");
            } else {
                ui.heading("还有工作没有完成，仍要退出？");
            }
            ui.add_space(4.0);
            for line in work {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(format!("{line}…")).color(theme::DUE_SOON));
                });
            }
            ui.label(RichText::new("现在关闭会丢失这些工作或留下不完整的文件。").small().weak());
            ui.separator();
            ui.horizontal(|ui| {
                if !self.leaving && ui.button("完成后退出").clicked() {
                    choice = Some(CloseChoice::WhenDone);
                }
                if can_cancel && ui.button("停止添加材料并退出").clicked() {
                    choice = Some(CloseChoice::CancelAndQuit);
                }
                if ui.button("继续工作").clicked() {
                    choice = Some(CloseChoice::Stay);
                }
            });
        });
        match choice {
            Some(CloseChoice::WhenDone | CloseChoice::CancelAndQuit) => self.leaving = true,
            Some(CloseChoice::Stay) => *self = CloseGuard::default(),
            None => {}
        }
        choice
    }
}
