//! The window's chrome: top bar, status bar, keyboard shortcuts. The top bar and the shortcuts
//! both read the one table of actions in `ui/actions.rs`.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::DubanApp;
use crate::model::{Board, BoardFilter};
use crate::ui::actions::Action;
use crate::ui::command::Command;
use crate::ui::theme;

/// The heading above the table.
pub(super) fn filter_title(board: &Board, filter: BoardFilter) -> String {
    match filter {
        BoardFilter::All => "全部工作要求".to_owned(),
        BoardFilter::Overdue => "已逾期".to_owned(),
        BoardFilter::Office(id) => board.office(id).map_or_else(|| "单位".to_owned(), |o| o.name.clone()),
    }
}

/// Below this width (points) the top bar folds 回收站/名册/设置/关于 and 数据 into one 更多 menu:
/// a 1366×768 laptop at 150 % has 910 points, where the full bar would overlap itself.
const COMPACT_BAR_WIDTH: f32 = 1000.0;

/// 督办台, the main actions, the 数据 menu and the officer's name.
pub(super) fn top_bar(ui: &mut Ui, author: Option<&str>, commands: &mut Vec<Command>) {
    let compact = ui.available_width() < COMPACT_BAR_WIDTH;
    ui.horizontal(|ui| {
        ui.label(RichText::new("督办台").size(20.0).color(theme::ACCENT).strong());
        ui.separator();
        for action in Action::MAIN {
            action.button(ui, commands);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if compact {
                ui.menu_button("更多", |ui| {
                    for action in Action::DATA_MENU.into_iter().chain(Action::RIGHT.into_iter().rev()) {
                        action.button(ui, commands);
                    }
                });
            } else {
                for action in Action::RIGHT {
                    action.button(ui, commands);
                }
                ui.menu_button("数据", |ui| {
                    for action in Action::DATA_MENU {
                        action.button(ui, commands);
                    }
                });
            }
            ui.label(format!("填报人：{}", author.unwrap_or("未设置")));
        });
    });
}

/// Rows Page Up / Page Down move the selection by.
const PAGE_ROWS: i32 = 10;

impl DubanApp {
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
                    // A backup's time is the machine's, not the rehearsal's fixed "today".
                    let now = chrono::Local::now().date_naive();
                    let when = if at.date() == now {
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
        if let Some(dialog) = &mut self.dialogs.forms {
            dialog.dropped(paths, commands);
            return;
        }
        match self.selected {
            Some(id) if self.attach_progress.is_none() => {
                commands.push(Command::AttachFiles(crate::ui::command::AttachTarget::directive(id), paths))
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
        let modal_open = self.dialogs.any_open();
        let mut fired = Vec::new();
        let (up, down, enter, step) = ui.input_mut(|i| {
            for action in Action::ALL {
                if let Some(shortcut) = action.shortcut()
                    && i.consume_shortcut(&shortcut)
                {
                    fired.push(action);
                }
            }
            // Page Up / Page Down a page of rows; Home / End (also with Ctrl) the first / last.
            let step = [
                (egui::Key::PageUp, -PAGE_ROWS),
                (egui::Key::PageDown, PAGE_ROWS),
                (egui::Key::Home, i32::MIN),
                (egui::Key::End, i32::MAX),
            ]
            .into_iter()
            .find(|(key, _)| i.key_pressed(*key))
            .map(|(_, step)| step);
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Enter),
                step,
            )
        });
        if modal_open {
            return;
        }
        commands.extend(fired.into_iter().map(Action::command));
        let typing = ui.ctx().memory(|m| m.focused().is_some());
        if !typing && (up || down) {
            commands.push(Command::MoveSelection(if up { -1 } else { 1 }));
        }
        if let Some(step) = step.filter(|_| !typing) {
            commands.push(Command::MoveSelection(step));
        }
        // Enter opens the selected directive for work: the cursor goes to its 进展 field.
        if !typing && enter && self.detail.is_some() {
            self.overview_shown = false;
            commands.push(Command::Focus(crate::ui::command::Field::Note));
        }
    }
}
