//! 数据恢复 — shown instead of the app when the database is damaged: it is never used. The
//! officer restores the newest good automatic backup, or one of the others listed with their
//! kind and time (a before-restore snapshot only when chosen), or a file, or quits. Looking for
//! backups (each candidate is checked) and restoring both run on a thread; the restore copies
//! and checks first and swaps last, keeping the damaged file in `backups/`.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, TextEdit, Ui};

use crate::backup::{Snapshot, newest_good_snapshot, recover, recovery_choices};
use crate::store::Store;
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker};

/// What `backups/` offers: the automatic choice (checked intact) and every other snapshot.
struct Found {
    suggested: Option<Snapshot>,
    others: Vec<Snapshot>,
}

pub struct RecoveryScreen {
    data_dir: PathBuf,
    problem: String,
    /// The search of `backups/`, until it answers; then its answer (or why it failed).
    finding: Option<Receiver<Result<Found, String>>>,
    found: Option<Result<Found, String>>,
    running: Option<Receiver<Result<Store, String>>>,
    picker: Picker,
    /// A backup file's path, typed where no file dialog appears.
    typed: Option<String>,
    failed: Option<String>,
}

impl RecoveryScreen {
    /// `problem`: what opening the database said. The backups are looked for on a thread, so
    /// the window shows at once even when many snapshots must be checked.
    pub fn new(data_dir: &Path, problem: String) -> RecoveryScreen {
        let (tx, rx) = channel();
        let dir = data_dir.to_path_buf();
        let spawned = std::thread::Builder::new().name("duban-recovery".into()).spawn(move || {
            let found = newest_good_snapshot(&dir).and_then(|suggested| {
                let others = recovery_choices(&dir)?
                    .into_iter()
                    .filter(|s| suggested.as_ref().is_none_or(|g| g.path != s.path))
                    .collect();
                Ok(Found { suggested, others })
            });
            let _ = tx.send(found.map_err(|e| format!("无法读取备份文件夹：{e}")));
        });
        let (finding, found) = match spawned {
            Ok(_) => (Some(rx), None),
            Err(e) => (None, Some(Err(format!("无法启动后台线程：{e}")))),
        };
        RecoveryScreen {
            data_dir: data_dir.to_path_buf(),
            problem,
            finding,
            found,
            running: None,
            picker: Picker::default(),
            typed: None,
            failed: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Draws the screen; returns the reopened store once a restore succeeded.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Store> {
        if let Some(found) = self.finding.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.finding = None;
            self.found = Some(found);
        }
        if self.finding.is_some() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
        match self.picker.poll().map(|p| p.into_iter().next()) {
            Some(Some(path)) => self.start(path, ui.ctx().clone()),
            Some(None) => self.typed = Some(String::new()),
            None => {}
        }
        if let Some(done) = self.running.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.running = None;
            match done {
                Ok(store) => return Some(store),
                Err(e) => self.failed = Some(e),
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| self.screen_ui(ui));
        });
        None
    }

    fn screen_ui(&mut self, ui: &mut Ui) {
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
        let mut chosen = None;
        match &self.found {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("正在查找可用的备份…");
                });
            }
            Some(Err(e)) => {
                ui.label(RichText::new(format!("⚠ {e}")).color(theme::OVERDUE));
                ui.label("如有U盘上的备份文件，请选择它。");
            }
            Some(Ok(found)) => {
                match &found.suggested {
                    Some(newest) => {
                        ui.label(format!("最新的完好备份：{}", newest.describe()));
                        if ui.button("从最新备份恢复").clicked() {
                            chosen = Some(newest.path.clone());
                        }
                    }
                    None => {
                        ui.label("数据目录中没有完好的自动备份。如有U盘上的备份文件，请选择它。");
                    }
                }
                if !found.others.is_empty() {
                    ui.add_space(8.0);
                    egui::CollapsingHeader::new(format!("其他备份（{}）", found.others.len()))
                        .id_salt("other-backups")
                        .show(ui, |ui| {
                            ui.label(
                                RichText::new("“恢复前备份”是某次恢复之前的数据，只在确认需要时选择。")
                                    .small()
                                    .weak(),
                            );
                            for s in &found.others {
                                ui.horizontal(|ui| {
                                    ui.label(s.describe());
                                    if ui.small_button("从此备份恢复").clicked() {
                                        chosen = Some(s.path.clone());
                                    }
                                });
                            }
                        });
                }
            }
        }
        if let Some(path) = chosen {
            self.start(path, ui.ctx().clone());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("选择备份文件…").clicked() {
                let pick =
                    Pick::new("选择备份文件", PickKind::File).filter("督办台备份", &["zip", "sqlite3"]);
                self.picker.open(ui.ctx(), pick);
            }
            if ui.button("退出").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        self.typed_ui(ui);
    }

    /// Where no file dialog appeared: the backup file's path, typed.
    fn typed_ui(&mut self, ui: &mut Ui) {
        let Some(path) = &mut self.typed else { return };
        ui.label(
            RichText::new("未选择文件。若系统文件对话框没有出现，请输入备份文件的路径。")
                .small()
                .color(theme::DUE_SOON),
        );
        let mut go = false;
        ui.horizontal(|ui| {
            let label = ui.label("备份文件路径：");
            let field = ui.add(TextEdit::singleline(path).desired_width(360.0)).labelled_by(label.id);
            go = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            go |= ui.add_enabled(!path.trim().is_empty(), egui::Button::new("从此文件恢复")).clicked();
        });
        if go && !path.trim().is_empty() {
            let source = PathBuf::from(path.trim());
            self.typed = None;
            self.start(source, ui.ctx().clone());
        }
    }

    fn start(&mut self, source: PathBuf, ctx: egui::Context) {
        let (tx, rx) = channel();
        let data_dir = self.data_dir.clone();
        let spawned = std::thread::Builder::new().name("duban-restore".into()).spawn(move || {
            let done = recover(&data_dir, &source, &mut |_, _| {})
                .map_err(|e| e.to_string())
                .and_then(|_| Store::open_dir(&data_dir).map_err(|e| e.to_string()));
            let _ = tx.send(done);
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.failed = None;
                self.running = Some(rx);
            }
            Err(e) => self.failed = Some(format!("无法启动后台线程：{e}")),
        }
    }
}
