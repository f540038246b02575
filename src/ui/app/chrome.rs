//! The window's chrome: top bar, status bar, keyboard shortcuts.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::DubanApp;
use crate::model::BoardFilter;
use crate::ui::command::Command;
use crate::ui::theme;

impl DubanApp {
    pub(super) fn filter_title(&self) -> String {
        match self.filter {
            BoardFilter::All => "全部工作要求".to_owned(),
            BoardFilter::Overdue => "已逾期".to_owned(),
            BoardFilter::Office(id) => {
                self.board.office(id).map_or_else(|| "单位".to_owned(), |o| o.name.clone())
            }
        }
    }

    pub(super) fn top_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("督办台").size(20.0).color(theme::ACCENT).strong());
            ui.separator();
            let import = ui.button("导入通知…").on_hover_text("粘贴或打开办公会议工作要求通知（Ctrl+I）");
            if import.clicked() {
                commands.push(Command::OpenImport);
            }
            let export = ui.button("导出汇总…").on_hover_text("生成会议汇报：Word、Excel 或 CSV（Ctrl+E）");
            if export.clicked() {
                commands.push(Command::OpenExport);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("设置…").on_hover_text("填报人、即将到期提醒天数、主题").clicked()
                {
                    commands.push(Command::OpenSettings);
                }
                if ui.button("名册…").on_hover_text("新增单位，设置单位别名").clicked() {
                    commands.push(Command::OpenRoster);
                }
                if ui.button("回收站…").on_hover_text("移出的材料：恢复或清空").clicked() {
                    commands.push(Command::OpenTrash);
                }
                ui.menu_button("数据", |ui| {
                    if ui.button("备份与恢复…").on_hover_text("备份到U盘，或从备份恢复").clicked()
                    {
                        commands.push(Command::OpenBackup);
                    }
                    let moved = ui
                        .button("迁移数据目录…")
                        .on_hover_text("把全部数据复制并校验到另一个文件夹后改用它");
                    if moved.clicked() {
                        commands.push(Command::OpenMove);
                    }
                    let check =
                        ui.button("检查数据…").on_hover_text("检查数据库、变更记录和全部材料文件是否完好");
                    if check.clicked() {
                        commands.push(Command::CheckEvidence);
                    }
                });
                let who = self.settings.author.as_deref().unwrap_or("未设置");
                ui.label(format!("填报人：{who}"));
            });
        });
    }

    pub(super) fn status_bar(&self, ui: &mut Ui, today: NaiveDate) {
        ui.horizontal(|ui| {
            if self.is_busy() {
                ui.spinner();
            }
            if let Some(s) = &self.status {
                let color = if s.is_error { theme::OVERDUE } else { theme::FINISHED };
                ui.label(RichText::new(&s.text).color(color));
            } else if !self.loaded {
                ui.label("正在读取数据…");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("数据目录：{}", self.data_dir.display())).small().weak());
                if let Some(at) = self.last_backup {
                    ui.separator();
                    let when = if at.date() == today {
                        format!("今天 {}", at.format("%H:%M"))
                    } else {
                        crate::ui::widgets::format_date(at.date())
                    };
                    ui.label(RichText::new(format!("最近自动备份：{when}")).small().weak())
                        .on_hover_text("督办台每天启动时自动备份数据库；数据 → 备份与恢复… 可备份到U盘");
                }
                if let Some(note) = &self.journal_note {
                    ui.separator();
                    ui.label(RichText::new(note).small().color(theme::DUE_SOON));
                }
                ui.separator();
                ui.label(format!("今天：{}", crate::ui::widgets::format_date(today)));
            });
        });
    }

    /// Files dropped on the window go to the selected directive.
    pub(super) fn dropped_files(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let paths: Vec<std::path::PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if paths.is_empty() {
            return;
        }
        match self.selected {
            Some(id) if self.attach_progress.is_none() => {
                commands.push(Command::AttachFiles(id, None, paths))
            }
            Some(_) => {
                self.status = Some(super::StatusMessage {
                    text: "请等当前材料添加完再拖入".into(),
                    is_error: true,
                })
            }
            None => {
                let text = "请先在列表中选择一条工作要求，再把材料拖到窗口上".into();
                self.status = Some(super::StatusMessage { text, is_error: true });
            }
        }
    }

    pub(super) fn shortcuts(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let modal_open = self.import.is_some()
            || self.export.is_some()
            || self.author_dialog.is_some()
            || self.settings_dialog.is_some()
            || self.trash_dialog.is_some()
            || self.check_dialog.is_some()
            || self.backup_dialog.is_some()
            || self.move_dialog.is_some()
            || self.roster_dialog.is_some()
            || self.viewer.is_some();
        let (import, export, find, note, up, down, enter) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::I),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::E),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::N),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Enter),
            )
        });
        if modal_open {
            return;
        }
        if import {
            commands.push(Command::OpenImport);
        }
        if note && self.detail.is_some() {
            self.detail_view.focus_note();
        }
        if find {
            // Search works on the table.
            self.overview_shown = false;
            self.search.request_focus();
        }
        if export {
            commands.push(Command::OpenExport);
        }
        let typing = ui.ctx().memory(|m| m.focused().is_some());
        if !typing && (up || down) {
            commands.push(Command::MoveSelection(if up { -1 } else { 1 }));
        }
        // Enter opens the selected directive for work: the cursor goes to its 进展 field.
        if !typing && enter && self.detail.is_some() {
            self.overview_shown = false;
            self.detail_view.focus_note();
        }
    }

    // ---- applying replies and commands ----
}
