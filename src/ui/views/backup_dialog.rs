//! 备份与恢复 — back up everything to one file (for a USB stick), or restore from that file or
//! from one of the automatic snapshots. Restoring asks once more and says what happens to the
//! data it replaces (kept in `backups/`).

use std::path::PathBuf;

use egui::{Modal, ProgressBar, RichText, ScrollArea, TextEdit, Ui};

use crate::backup::Snapshot;
use crate::model::human_size;
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker};

/// Where the dialog stands.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Choosing,
    /// The officer asked to restore `PathBuf`; one more click does it.
    Confirming(PathBuf),
    Working(String),
    Finished(Result<String, String>),
}

pub struct BackupDialog {
    target: String,
    /// The automatic snapshots, once listed (newest first).
    snapshots: Option<Result<Vec<Snapshot>, String>>,
    chosen: Option<PathBuf>,
    phase: Phase,
    progress: f32,
    picker: Picker,
    /// The open dialog picks the file to restore (else where to back up to).
    picking_restore: bool,
}

impl BackupDialog {
    /// `default_target`: where 备份到 points at first.
    pub fn new(default_target: PathBuf) -> BackupDialog {
        BackupDialog {
            target: default_target.display().to_string(),
            snapshots: None,
            chosen: None,
            phase: Phase::Choosing,
            progress: 0.0,
            picker: Picker::default(),
            picking_restore: false,
        }
    }

    pub fn on_snapshots(&mut self, snapshots: Result<Vec<Snapshot>, String>) {
        self.snapshots = Some(snapshots);
    }

    pub fn on_progress(&mut self, fraction: f32, step: String) {
        self.progress = fraction;
        self.phase = Phase::Working(step);
    }

    pub fn on_finished(&mut self, result: Result<String, String>) {
        self.phase = Phase::Finished(result);
    }

    pub fn is_working(&self) -> bool {
        matches!(self.phase, Phase::Working(_))
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        self.poll_picker();
        let modal = Modal::new(egui::Id::unique("backup-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(600.0);
            ui.heading("备份与恢复");
            ui.separator();
            match self.phase.clone() {
                Phase::Working(step) => {
                    ui.add(ProgressBar::new(self.progress).text(step).animate(true));
                }
                Phase::Finished(result) => {
                    let (text, color) = match &result {
                        Ok(t) => (t.clone(), theme::FINISHED),
                        Err(e) => (format!("⚠ {e}"), theme::OVERDUE),
                    };
                    ui.label(RichText::new(text).color(color));
                    if ui.button("关闭").clicked() {
                        commands.push(Command::Close(Dialog::Backup));
                    }
                }
                Phase::Confirming(path) => self.confirm_ui(ui, &path, commands),
                Phase::Choosing => {
                    self.backup_ui(ui, commands);
                    ui.add_space(8.0);
                    self.restore_ui(ui);
                    ui.separator();
                    if ui.button("关闭").clicked() {
                        commands.push(Command::Close(Dialog::Backup));
                    }
                }
            }
        });
        if modal.should_close() && !self.is_working() {
            commands.push(Command::Close(Dialog::Backup));
        }
    }

    fn backup_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(RichText::new("备份到文件").strong());
        ui.label(RichText::new("数据库和全部材料写入一个 .zip 文件，可拷入U盘保存。").small().weak());
        ui.horizontal(|ui| {
            let label = ui.label("备份文件：");
            let field = TextEdit::singleline(&mut self.target).desired_width(380.0);
            ui.add(field).labelled_by(label.id);
            if ui.button("选择位置…").clicked() {
                self.pick(ui.ctx(), false);
            }
        });
        let target = self.target.trim();
        if ui.add_enabled(!target.is_empty(), egui::Button::new("开始备份")).clicked() {
            self.phase = Phase::Working("正在备份…".into());
            self.progress = 0.0;
            commands.push(Command::Backup(PathBuf::from(target)));
        }
    }

    fn restore_ui(&mut self, ui: &mut Ui) {
        ui.label(RichText::new("从备份恢复").strong());
        match &self.snapshots {
            None => {
                ui.spinner();
            }
            Some(Err(e)) => {
                ui.label(RichText::new(format!("⚠ {e}")).color(theme::OVERDUE));
            }
            Some(Ok(list)) if list.is_empty() => {
                ui.label("还没有自动备份（督办台每天启动时自动备份一次）。");
            }
            Some(Ok(list)) => {
                ScrollArea::vertical().max_height(200.0).id_salt("backup-list").show(ui, |ui| {
                    for s in list.iter().filter(|s| s.kind != crate::backup::SnapshotKind::Damaged) {
                        let when =
                            chrono::DateTime::<chrono::Local>::from(s.modified).format("%Y-%m-%d %H:%M");
                        let label = format!("{} · {when} · {}", s.kind.label(), human_size(s.size));
                        let selected = self.chosen.as_ref() == Some(&s.path);
                        if ui.selectable_label(selected, label).clicked() {
                            self.chosen = Some(s.path.clone());
                        }
                    }
                });
            }
        }
        ui.horizontal(|ui| {
            if ui.button("选择备份文件…").clicked() {
                self.pick(ui.ctx(), true);
            }
            if let Some(path) = &self.chosen {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                ui.label(RichText::new(name).small());
            }
        });
        if ui.add_enabled(self.chosen.is_some(), egui::Button::new("恢复…")).clicked()
            && let Some(path) = self.chosen.clone()
        {
            self.phase = Phase::Confirming(path);
        }
    }

    fn confirm_ui(&mut self, ui: &mut Ui, path: &std::path::Path, commands: &mut Vec<Command>) {
        ui.label(RichText::new("确定用这个备份替换当前全部数据？").strong().color(theme::OVERDUE));
        ui.label(path.display().to_string());
        ui.label("当前数据会先另存到数据目录的 backups 文件夹（“恢复前备份”），可随时再恢复回来。");
        ui.horizontal(|ui| {
            if ui.button("确定恢复").clicked() {
                self.phase = Phase::Working("正在恢复…".into());
                self.progress = 0.0;
                commands.push(Command::Restore(path.to_path_buf()));
            }
            if ui.button("返回").clicked() {
                self.phase = Phase::Choosing;
            }
        });
    }

    /// The system file dialog: the archive to restore (`open`), or where to back up to.
    fn pick(&mut self, ctx: &egui::Context, open: bool) {
        let pick = if open {
            Pick::new("选择备份文件", PickKind::File).filter("督办台备份", &["zip", "sqlite3"])
        } else {
            let target = PathBuf::from(self.target.trim());
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Pick::new("备份到", PickKind::Save(name))
                .filter("zip", &["zip"])
                .folder(target.parent().map(std::path::Path::to_path_buf))
        };
        self.picking_restore = open;
        self.picker.open(ctx, pick);
    }

    fn poll_picker(&mut self) {
        if let Some(path) = self.picker.poll().and_then(|p| p.into_iter().next()) {
            if self.picking_restore {
                self.chosen = Some(path);
            } else {
                self.target = path.display().to_string();
            }
        }
    }
}
