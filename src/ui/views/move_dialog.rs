//! 迁移数据目录 — move all data to another (empty) folder: copied and verified first, then the
//! old folder points at the new one and duban reopens there. The old folder is kept.

use std::path::PathBuf;

use egui::{Modal, ProgressBar, RichText, TextEdit, Ui};

use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker};

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Choosing,
    Moving,
    Failed(String),
}

pub struct MoveDialog {
    current: PathBuf,
    target: String,
    phase: Phase,
    progress: f32,
    picker: Picker,
}

impl MoveDialog {
    pub fn new(current: PathBuf) -> MoveDialog {
        MoveDialog {
            current,
            target: String::new(),
            phase: Phase::Choosing,
            progress: 0.0,
            picker: Picker::default(),
        }
    }

    pub fn is_moving(&self) -> bool {
        self.phase == Phase::Moving
    }

    pub fn on_progress(&mut self, fraction: f32) {
        self.progress = fraction;
    }

    pub fn on_failed(&mut self, message: String) {
        self.phase = Phase::Failed(message);
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if let Some(folder) = self.picker.poll().and_then(|p| p.into_iter().next()) {
            self.target = folder.display().to_string();
        }
        let modal = Modal::new(egui::Id::unique("move-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.heading("迁移数据目录");
            ui.separator();
            ui.label(format!("当前位置：{}", self.current.display()));
            if self.phase == Phase::Moving {
                ui.add(ProgressBar::new(self.progress).text("正在复制并校验…").animate(true));
                return;
            }
            ui.label(
                RichText::new("数据库、全部材料和自动备份复制到新位置并逐一校验，无误后督办台改用新位置；原位置保留不动，确认无误后可自行删除。")
                    .small()
                    .weak(),
            );
            ui.horizontal(|ui| {
                let label = ui.label("新位置：");
                ui.add(TextEdit::singleline(&mut self.target).desired_width(360.0).hint_text("一个空文件夹"))
                    .labelled_by(label.id);
                if ui.button("选择文件夹…").clicked() {
                    self.picker.open(ui.ctx(), Pick::new("选择新的数据目录", PickKind::Folder));
                }
            });
            if let Phase::Failed(message) = &self.phase {
                ui.label(RichText::new(format!("⚠ {message}")).color(theme::OVERDUE));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let target = self.target.trim();
                if ui.add_enabled(!target.is_empty(), egui::Button::new("开始迁移")).clicked() {
                    self.phase = Phase::Moving;
                    self.progress = 0.0;
                    commands.push(Command::MoveData(PathBuf::from(target)));
                }
                if ui.button("取消").clicked() {
                    commands.push(Command::Close(Dialog::Move));
                }
            });
        });
        if modal.should_close() && !self.is_moving() {
            commands.push(Command::Close(Dialog::Move));
        }
    }
}
