//! 导出内容 — besides the meeting report, the 导出 dialog writes the monthly or quarterly
//! 督查通报 and the 汇报稿 since a meeting (shown on screen first). Their forms live here so the
//! dialog's own file keeps to the meeting report.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::brief_panel::{BriefAsk, BriefPanel};
use super::bulletin_choice::BulletinChoice;
use super::export_dialog::{ExportDialog, Stage, default_folder};
use crate::model::Board;
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::widgets::date_picker;

impl ExportDialog {
    /// 导出内容; draws the 通报 or 汇报稿 form when one is chosen (true: the caller draws nothing more).
    pub(super) fn kind_ui(
        &mut self,
        ui: &mut Ui,
        board: &Board,
        today: NaiveDate,
        commands: &mut Vec<Command>,
    ) -> bool {
        let before = if self.bulletin.is_some() {
            1
        } else if self.brief.is_some() {
            2
        } else {
            0
        };
        let mut kind = before;
        ui.horizontal(|ui| {
            ui.label("导出内容");
            ui.radio_value(&mut kind, 0, "会议汇报");
            ui.radio_value(&mut kind, 1, "督查通报（月度、季度）");
            ui.radio_value(&mut kind, 2, "汇报稿（上次会议以来）");
        });
        if kind != before {
            self.bulletin = (kind == 1).then(|| BulletinChoice::new(today));
            self.brief = (kind == 2).then(|| BriefPanel::new(board, today));
            if let Some(panel) = &self.brief {
                commands.push(Command::LoadBrief(panel.since()));
            }
            self.rename_file(today);
        }
        match kind {
            1 => self.bulletin_form_ui(ui, today, commands),
            2 => self.brief_form_ui(ui, board, today, commands),
            _ => return false,
        }
        true
    }

    /// The file name follows what is exported (the folder stays).
    fn rename_file(&mut self, today: NaiveDate) {
        let name = match (&self.bulletin, &self.brief) {
            (Some(b), _) => b.file_name(),
            (_, Some(_)) => format!("汇报稿-{}.docx", today.format("%Y%m%d")),
            _ => format!("督办汇总-{}.{}", today.format("%Y%m%d"), self.format_extension()),
        };
        let folder = Path::new(self.path.trim()).parent().map_or_else(default_folder, Path::to_path_buf);
        self.path = folder.join(name).display().to_string();
    }

    fn path_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("保存到");
            ui.add(TextEdit::singleline(&mut self.path).desired_width(330.0)).labelled_by(label.id);
        });
        if let Stage::Failed(message) = &self.stage {
            ui.label(RichText::new(format!("⚠ {message}")).color(theme::OVERDUE));
        }
    }

    /// 督查通报: the period, the date it is issued on, where to save it (Word only).
    fn bulletin_form_ui(&mut self, ui: &mut Ui, today: NaiveDate, commands: &mut Vec<Command>) {
        egui::Grid::new("bulletin-form").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            if self.bulletin.as_mut().is_some_and(|b| b.ui(ui)) {
                self.rename_file(today);
            }
            ui.end_row();
            ui.label("印发日期");
            date_picker(ui, "bulletin-date", &mut self.report_date, today);
            ui.end_row();
        });
        self.path_ui(ui);
        ui.weak("数字按期末（该月或该季度最后一天）已记录的情况统计；是否排名见“设置”。");
        ui.separator();
        ui.horizontal(|ui| {
            let span = self.bulletin.as_ref().and_then(|b| b.span()).cloned();
            let ready = !self.path.trim().is_empty() && span.is_some();
            if ui.add_enabled(ready, egui::Button::new("导出通报")).clicked()
                && let Some(span) = span
            {
                self.stage = Stage::Exporting { fraction: 0.0, step: "准备导出…".into() };
                let path = PathBuf::from(self.path.trim());
                commands.push(Command::ExportBulletin { span, issued_on: self.report_date, path });
            }
            if ui.button("取消").clicked() {
                commands.push(Command::Close(Dialog::Export));
            }
        });
    }

    /// 汇报稿: since which meeting, what changed (on screen), where to save the Word page.
    fn brief_form_ui(&mut self, ui: &mut Ui, board: &Board, _today: NaiveDate, commands: &mut Vec<Command>) {
        let Some(panel) = &mut self.brief else { return };
        if let Some(BriefAsk::Load(since)) = panel.ui(ui, board) {
            commands.push(Command::LoadBrief(since));
        }
        let since = panel.since();
        let loaded = panel.brief.is_some();
        self.path_ui(ui);
        ui.separator();
        ui.horizontal(|ui| {
            let ready = loaded && !self.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("导出汇报稿")).clicked() {
                self.stage = Stage::Exporting { fraction: 0.0, step: "准备导出…".into() };
                commands.push(Command::ExportBrief { since, path: PathBuf::from(self.path.trim()) });
            }
            if ui.button("取消").clicked() {
                commands.push(Command::Close(Dialog::Export));
            }
        });
    }
}
