//! 检查数据 — check the database (pages, references, the change log's hash chain) and re-hash
//! every stored file from the window, with a progress bar; report missing and
//! damaged files by name, and what happened to files no record points to.

use egui::{Modal, ProgressBar, RichText, ScrollArea, Ui};

use crate::evidence::CheckReport;
use crate::store::IntegrityReport;
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::worker::files::FullCheck;

#[derive(Default)]
pub struct CheckDialog {
    progress: (usize, usize),
    result: Option<Result<FullCheck, String>>,
}

impl CheckDialog {
    pub fn on_progress(&mut self, done: usize, total: usize) {
        self.progress = (done, total);
    }

    pub fn on_finished(&mut self, result: Result<FullCheck, String>) {
        self.result = Some(result);
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let modal = Modal::new(egui::Id::unique("check-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(520.0);
            ui.heading("检查数据");
            ui.separator();
            match &self.result {
                None => {
                    let (done, total) = self.progress;
                    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                    ui.add(
                        ProgressBar::new(fraction)
                            .text(format!("已校验 {done}/{total} 个文件"))
                            .animate(true),
                    );
                }
                Some(Err(message)) => {
                    ui.label(RichText::new(format!("⚠ {message}")).color(theme::OVERDUE));
                }
                Some(Ok(report)) => {
                    database_ui(ui, &report.database);
                    ui.add_space(6.0);
                    report_ui(ui, &report.files);
                }
            }
            ui.separator();
            if ui.add_enabled(self.result.is_some(), egui::Button::new("关闭")).clicked() {
                commands.push(Command::Close(Dialog::Check));
            }
        });
        if modal.should_close() && self.result.is_some() {
            commands.push(Command::Close(Dialog::Check));
        }
    }
}

fn database_ui(ui: &mut Ui, r: &IntegrityReport) {
    if r.is_healthy() {
        let text = format!("数据库完好；变更记录 {} 条，完整无改动。", r.chain.entries);
        ui.label(RichText::new(text).color(theme::FINISHED).strong());
        return;
    }
    for line in &r.damage {
        ui.label(RichText::new(format!("数据库损坏：{line}")).color(theme::OVERDUE));
    }
    if r.broken_references > 0 {
        let text = format!("{} 处记录引用了不存在的数据。", r.broken_references);
        ui.label(RichText::new(text).color(theme::OVERDUE));
    }
    if let Some(id) = r.chain.first_broken {
        let text = format!("变更记录第 {id} 条起对不上：记录被改动或删除过。");
        ui.label(RichText::new(text).color(theme::OVERDUE).strong());
    }
    ui.label("请在“数据 → 备份与恢复…”中从备份恢复，并保留当前文件供核查。");
}

fn report_ui(ui: &mut Ui, r: &CheckReport) {
    if r.is_healthy() {
        ui.label(
            RichText::new(format!("全部 {} 个材料文件完好。", r.checked)).color(theme::FINISHED).strong(),
        );
    } else {
        let text = format!(
            "已校验 {} 个文件：缺失 {} 个，损坏 {} 个。",
            r.checked,
            r.missing.len(),
            r.corrupt.len()
        );
        ui.label(RichText::new(text).color(theme::OVERDUE).strong());
        ScrollArea::vertical().max_height(220.0).id_salt("check-problems").show(ui, |ui| {
            for (kind, list) in [("缺失", &r.missing), ("损坏", &r.corrupt)] {
                for p in list {
                    ui.label(format!("{kind}：{}", p.names.join("、")));
                }
            }
        });
        ui.label("请从备份恢复，或重新添加这些材料（相同文件会自动修复）。");
    }
    if !r.orphans_moved.is_empty() || !r.orphans_kept.is_empty() {
        ui.label(
            RichText::new(format!(
                "无记录的文件：{} 个已移到 evidence-trash 文件夹，{} 个未满 7 天暂时保留。",
                r.orphans_moved.len(),
                r.orphans_kept.len()
            ))
            .small(),
        );
    }
    if let Some(why) = &r.orphans_held {
        ui.label(RichText::new(format!("无记录的文件一个也没有移走：{why}")).small().color(theme::DUE_SOON));
    }
}
