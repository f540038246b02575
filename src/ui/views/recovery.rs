//! 数据恢复 — shown instead of the app when the database is damaged: it is never used. The
//! officer restores the newest good backup (or picks another file) or quits. Restoring moves
//! the damaged file aside into `backups/` and copies the backup into place, on a thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, Ui};

use crate::backup::{Snapshot, SnapshotKind, list_snapshots, recover};
use crate::store::{Store, check_snapshot};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker};

pub struct RecoveryScreen {
    data_dir: PathBuf,
    problem: String,
    /// The newest snapshot that passes its own check, if any (a damaged one is never offered).
    snapshots: Vec<Snapshot>,
    running: Option<Receiver<Result<Store, String>>>,
    picker: Picker,
    failed: Option<String>,
}

impl RecoveryScreen {
    /// `problem`: what opening the database said.
    pub fn new(data_dir: &Path, problem: String) -> RecoveryScreen {
        // Newest first, checked one by one until one is intact (usually the first): checking
        // them all could take long on a large register before the window even shows.
        let snapshots = list_snapshots(data_dir)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.kind != SnapshotKind::Damaged)
            .find(|s| check_snapshot(&s.path).is_ok())
            .into_iter()
            .collect();
        RecoveryScreen {
            data_dir: data_dir.to_path_buf(),
            problem,
            snapshots,
            running: None,
            picker: Picker::default(),
            failed: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Draws the screen; returns the reopened store once a restore succeeded.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Store> {
        if let Some(path) = self.picker.poll().and_then(|p| p.into_iter().next()) {
            self.start(path, ui.ctx().clone());
        }
        if let Some(done) = self.running.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.running = None;
            match done {
                Ok(store) => return Some(store),
                Err(e) => self.failed = Some(e),
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(24.0);
            ui.heading(RichText::new("数据库已损坏，已停止使用").color(theme::OVERDUE));
            ui.add_space(8.0);
            ui.label(&self.problem);
            ui.label("督办台没有修改这个文件。请从备份恢复：损坏的文件会移入 backups 文件夹保留，供核查。");
            ui.add_space(12.0);
            if self.running.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("正在恢复…");
                });
                return;
            }
            if let Some(e) = &self.failed {
                ui.label(RichText::new(format!("⚠ 恢复失败：{e}")).color(theme::OVERDUE));
            }
            match self.snapshots.first().cloned() {
                Some(newest) => {
                    let when =
                        chrono::DateTime::<chrono::Local>::from(newest.modified).format("%Y-%m-%d %H:%M");
                    ui.label(format!("最新的完好备份：{}（{when}）", newest.kind.label()));
                    if ui.button("从最新备份恢复").clicked() {
                        self.start(newest.path, ui.ctx().clone());
                    }
                }
                None => {
                    ui.label("数据目录中没有自动备份。如有U盘上的备份文件，请选择它。");
                }
            }
            ui.horizontal(|ui| {
                if ui.button("选择备份文件…").clicked() {
                    self.pick(ui.ctx());
                }
                if ui.button("退出").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
        });
        None
    }

    fn start(&mut self, source: PathBuf, ctx: egui::Context) {
        let (tx, rx) = channel();
        let data_dir = self.data_dir.clone();
        std::thread::spawn(move || {
            let done = recover(&data_dir, &source, &mut |_, _| {})
                .map_err(|e| e.to_string())
                .and_then(|_| Store::open_dir(&data_dir).map_err(|e| e.to_string()));
            let _ = tx.send(done);
            ctx.request_repaint();
        });
        self.failed = None;
        self.running = Some(rx);
    }

    fn pick(&mut self, ctx: &egui::Context) {
        let pick = Pick::new("选择备份文件", PickKind::File).filter("督办台备份", &["zip", "sqlite3"]);
        self.picker.open(ctx, pick);
    }
}
