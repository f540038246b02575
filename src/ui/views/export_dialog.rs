//! 导出汇总 — choose the meeting, the report date, the format and the offices; the worker
//! writes the file while a progress bar runs (with the 佐证材料清单 appended when ticked: Word
//! and PDF after the body, Excel as a sheet); then open the file or its folder. The same dialog
//! writes the monthly or quarterly 督查通报 (Word) when that is chosen as 导出内容.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{ComboBox, Modal, ProgressBar, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{Board, OfficeGroup, OfficeId};
use crate::report::{Format, Scope, SummaryRequest};
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker, date_picker, format_date};

/// Where the dialog stands.
pub(super) enum Stage {
    Choosing,
    Exporting { fraction: f32, step: String },
    Done(PathBuf),
    Failed(String),
}

pub struct ExportDialog {
    scope: Scope,
    pub(super) report_date: NaiveDate,
    format: Format,
    /// Offices left out of the report (empty: all).
    excluded: BTreeSet<OfficeId>,
    pub(super) path: String,
    pub(super) stage: Stage,
    picker: Picker,
    due_soon_days: i64,
    /// 督查通报 instead of the meeting report: which period.
    pub(super) bulletin: Option<super::bulletin_choice::BulletinChoice>,
    /// 汇报稿 instead of the meeting report: since which meeting, and what it says.
    pub(super) brief: Option<super::brief_panel::BriefPanel>,
    /// 附佐证材料清单 (not for CSV).
    evidence_list: bool,
}

/// The folder reports go to by default: the user's documents, else the home folder.
pub(super) fn default_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(Path::to_path_buf).or_else(|| Some(u.home_dir().to_path_buf())))
        .unwrap_or_else(|| PathBuf::from("."))
}

impl ExportDialog {
    /// `folder`: where the last report went (it starts there again), if it still exists.
    pub fn new(board: &Board, today: NaiveDate, due_soon_days: i64, folder: Option<&Path>) -> ExportDialog {
        let scope = board.meetings().next().map_or(Scope::AllOpen, |n| Scope::Notice(n.id));
        let format = Format::Docx;
        let folder = folder.filter(|f| f.is_dir()).map_or_else(default_folder, Path::to_path_buf);
        let path = folder.join(format!("督办汇总-{}.{}", today.format("%Y%m%d"), format.extension()));
        ExportDialog {
            scope,
            report_date: today,
            format,
            excluded: BTreeSet::new(),
            path: path.display().to_string(),
            stage: Stage::Choosing,
            picker: Picker::default(),
            due_soon_days,
            bulletin: None,
            brief: None,
            evidence_list: false,
        }
    }

    pub(super) fn format_extension(&self) -> &'static str {
        self.format.extension()
    }

    /// The 汇报稿 arrived from the worker.
    pub fn on_brief(&mut self, brief: crate::model::MeetingBrief) {
        if let Some(panel) = &mut self.brief {
            panel.brief = Some(brief);
        }
    }

    pub fn on_progress(&mut self, fraction: f32, step: String) {
        self.stage = Stage::Exporting { fraction, step };
    }

    pub fn on_finished(&mut self, result: Result<PathBuf, String>) {
        self.stage = match result {
            Ok(path) => Stage::Done(path),
            Err(message) => Stage::Failed(message),
        };
    }

    /// The file written, once the export succeeded.
    pub fn exported(&self) -> Option<&Path> {
        match &self.stage {
            Stage::Done(p) => Some(p),
            _ => None,
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, board: &Board, today: NaiveDate, commands: &mut Vec<Command>) {
        self.poll_save_dialog();
        let modal = Modal::new(egui::Id::unique("export-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.heading("导出汇总");
            ui.separator();
            match &self.stage {
                Stage::Exporting { fraction, step } => {
                    ui.add(ProgressBar::new(*fraction).show_percentage().animate(true));
                    ui.label(step);
                }
                Stage::Done(path) => {
                    let path = path.clone();
                    self.done_ui(ui, &path, commands);
                }
                Stage::Choosing | Stage::Failed(_) => self.form_ui(ui, board, today, commands),
            }
        });
        let exporting = matches!(self.stage, Stage::Exporting { .. });
        if modal.should_close() && !exporting {
            commands.push(Command::Close(Dialog::Export));
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, board: &Board, today: NaiveDate, commands: &mut Vec<Command>) {
        if self.kind_ui(ui, board, today, commands) {
            return;
        }
        egui::Grid::new("export-form").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label("汇报范围");
            let selected = match self.scope {
                Scope::Notice(id) => {
                    board.notice(id).map_or("（通知已不存在）".to_owned(), |n| n.label().to_owned())
                }
                Scope::AllOpen => "全部未办结工作要求".to_owned(),
            };
            ComboBox::from_id_salt("export-scope")
                .selected_text(selected)
                .width(320.0)
                .show_ui(ui, |ui| {
                    for n in &board.notices {
                        // A 批示 or 交办 is given, not issued (印发).
                        let verb = if n.source.is_some() { "" } else { "印发" };
                        let text = format!("{}（{}{verb}）", n.label(), format_date(n.issued_on));
                        ui.selectable_value(&mut self.scope, Scope::Notice(n.id), text);
                    }
                    ui.selectable_value(&mut self.scope, Scope::AllOpen, "全部未办结工作要求");
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            ui.label("汇报日期");
            date_picker(ui, "report-date", &mut self.report_date, today);
            ui.end_row();

            ui.label("格式");
            ui.horizontal(|ui| {
                for format in Format::ALL {
                    if ui.radio_value(&mut self.format, format, format.label()).changed() {
                        self.path =
                            Path::new(&self.path).with_extension(format.extension()).display().to_string();
                    }
                }
            });
            ui.end_row();

            ui.label("附件");
            let csv = self.format == Format::Csv;
            let mut on = self.evidence_list && !csv;
            let check = ui.add_enabled(!csv, egui::Checkbox::new(&mut on, "附佐证材料清单"));
            let check = check
                .on_hover_text(
                    "文件名、大小、SHA-256、拍摄时间地点、添加人：Word、PDF 附在末尾，Excel 另成一表",
                )
                .on_disabled_hover_text("CSV 不能附清单");
            if check.changed() {
                self.evidence_list = on;
            }
            ui.end_row();

            let label = ui.label("保存到");
            ui.horizontal(|ui| {
                ui.add(TextEdit::singleline(&mut self.path).desired_width(330.0)).labelled_by(label.id);
                if ui.add_enabled(!self.picker.is_open(), egui::Button::new("选择位置…")).clicked() {
                    self.pick_path(ui.ctx());
                }
            });
            ui.end_row();
        });
        self.offices_ui(ui, board);
        if let Stage::Failed(message) = &self.stage {
            ui.label(RichText::new(format!("⚠ {message}")).color(theme::OVERDUE));
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready =
                !self.path.trim().is_empty() && board.offices.iter().any(|o| !self.excluded.contains(&o.id));
            if ui.add_enabled(ready, egui::Button::new("导出")).clicked() {
                let offices = (!self.excluded.is_empty()).then(|| {
                    board.offices.iter().map(|o| o.id).filter(|id| !self.excluded.contains(id)).collect()
                });
                let request = SummaryRequest {
                    scope: self.scope,
                    report_date: self.report_date,
                    offices,
                    due_soon_days: self.due_soon_days,
                };
                self.stage = Stage::Exporting { fraction: 0.0, step: "准备导出…".into() };
                commands.push(Command::Export {
                    request,
                    format: self.format,
                    path: PathBuf::from(self.path.trim()),
                    evidence_list: self.evidence_list && self.format != Format::Csv,
                });
            }
            if ui.button("取消").clicked() {
                commands.push(Command::Close(Dialog::Export));
            }
        });
    }

    fn offices_ui(&mut self, ui: &mut Ui, board: &Board) {
        let total = board.offices.iter().filter(|o| o.group().is_some()).count();
        let chosen = total - self.excluded.len();
        egui::CollapsingHeader::new(format!("单位（已选 {chosen}/{total}）")).id_salt("export-offices").show(
            ui,
            |ui| {
                ui.horizontal(|ui| {
                    if ui.small_button("全选").clicked() {
                        self.excluded.clear();
                    }
                    if ui.small_button("全不选").clicked() {
                        self.excluded = board.offices.iter().map(|o| o.id).collect();
                    }
                });
                ScrollArea::vertical().max_height(200.0).id_salt("export-office-list").show(ui, |ui| {
                    for group in [OfficeGroup::Hq, OfficeGroup::Detachment] {
                        ui.label(RichText::new(group.label()).strong());
                        ui.horizontal_wrapped(|ui| {
                            for office in board.offices_in(group) {
                                let mut on = !self.excluded.contains(&office.id);
                                if ui.checkbox(&mut on, &office.name).changed() {
                                    if on {
                                        self.excluded.remove(&office.id);
                                    } else {
                                        self.excluded.insert(office.id);
                                    }
                                }
                            }
                        });
                    }
                });
            },
        );
    }

    fn done_ui(&mut self, ui: &mut Ui, path: &Path, commands: &mut Vec<Command>) {
        ui.label(RichText::new("已导出").color(theme::FINISHED).strong());
        ui.label(path.display().to_string());
        ui.horizontal(|ui| {
            if ui.button("打开文件").clicked() {
                commands.push(Command::OpenPath(path.to_path_buf()));
            }
            if let Some(folder) = path.parent()
                && ui.button("打开所在文件夹").clicked()
            {
                commands.push(Command::OpenPath(folder.to_path_buf()));
            }
            if ui.button("再导出一份").clicked() {
                self.stage = Stage::Choosing;
            }
            if ui.button("关闭").clicked() {
                commands.push(Command::Close(Dialog::Export));
            }
        });
    }

    fn pick_path(&mut self, ctx: &egui::Context) {
        let current = PathBuf::from(self.path.trim());
        let folder = current.parent().map(Path::to_path_buf).unwrap_or_else(default_folder);
        let name = current.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let pick = Pick::new("保存汇总", PickKind::Save(name))
            .filter(self.format.label(), &[self.format.extension()])
            .folder(Some(folder));
        self.picker.open(ctx, pick);
    }

    fn poll_save_dialog(&mut self) {
        if let Some(path) = self.picker.poll().and_then(|p| p.into_iter().next()) {
            self.path = path.display().to_string();
        }
    }
}
