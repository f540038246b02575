//! 督办单… — the forms exchanged with the offices, from the window: one click writes every
//! office's 督办通知单 and 反馈单 into a folder; returned files (picked, or dropped onto the
//! window while this is open) are read on the worker and shown for review — per file its
//! office and how it was recognised, per row the feedback (editable), the state and extension
//! asked (with its own 批准人, else the 延期批准人 given for all), the photos, and the
//! conflicts in red — and the rows the officer accepts are written
//! through a Command, in one transaction, on the worker.

use std::path::PathBuf;

use egui::{Modal, ProgressBar, RichText, ScrollArea, TextEdit, Ui};

use crate::forms::{FileReview, Review};
use crate::ui::command::{Command, Dialog};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker};

#[derive(Default)]
pub struct FormsDialog {
    folder: String,
    picker: Picker,
    /// Whether the picker was asked for a folder (else for returned files).
    picking_folder: bool,
    progress: Option<(f32, String)>,
    message: Option<(String, bool)>,
    review: Option<Review>,
    approver: String,
    /// 关闭 pressed with a review not written: asks first.
    confirm_discard: bool,
    /// Paths typed where no file dialog appears.
    typed: String,
}

impl FormsDialog {
    pub fn new(folder: Option<PathBuf>) -> FormsDialog {
        FormsDialog {
            folder: folder.map(|f| f.display().to_string()).unwrap_or_default(),
            ..Default::default()
        }
    }

    pub fn on_progress(&mut self, fraction: f32, step: String) {
        self.progress = Some((fraction, step));
    }

    pub fn on_generated(&mut self, message: String) {
        self.progress = None;
        self.message = Some((message, false));
    }

    pub fn on_reviewed(&mut self, review: Review) {
        self.progress = None;
        self.message = None;
        self.review = Some(review);
    }

    pub fn on_applied(&mut self, message: String) {
        self.progress = None;
        self.review = None;
        self.message = Some((message, false));
    }

    pub fn on_failed(&mut self, message: String) {
        self.progress = None;
        self.message = Some((message, true));
    }

    /// Files dropped onto the window while the dialog is open.
    pub fn dropped(&mut self, paths: Vec<PathBuf>, commands: &mut Vec<Command>) {
        if self.progress.is_none() && !paths.is_empty() {
            self.progress = Some((0.0, "正在读取…".into()));
            commands.push(Command::ReadForms(paths));
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if let Some(mut picked) = self.picker.poll() {
            if self.picking_folder {
                if let Some(f) = picked.pop() {
                    self.folder = f.display().to_string();
                }
            } else {
                self.dropped(picked, commands);
            }
        }
        let modal = Modal::new(egui::Id::unique("forms-dialog")).show(ui.ctx(), |ui| {
            let screen = ui.ctx().content_rect();
            ui.set_width((screen.width() - 80.0).clamp(480.0, 1000.0));
            ui.heading("督办单：发出与收回");
            ui.separator();
            self.send_ui(ui, commands);
            ui.separator();
            self.receive_ui(ui, commands);
            if let Some((fraction, step)) = &self.progress {
                ui.add(ProgressBar::new(*fraction).text(step.as_str()).animate(true));
            }
            if let Some((text, error)) = &self.message {
                let color = if *error { theme::OVERDUE } else { theme::FINISHED };
                ui.label(RichText::new(text.as_str()).color(color));
            }
            // The buttons above the review, so a long review never pushes them off the screen.
            self.buttons_ui(ui, commands);
            if let Some(review) = &mut self.review {
                ui.separator();
                let height = (screen.height() - 380.0).max(120.0);
                review_ui(ui, review, height);
            }
        });
        if modal.should_close() && self.progress.is_none() {
            self.ask_close(commands);
        }
    }

    fn ask_close(&mut self, commands: &mut Vec<Command>) {
        if self.review.as_ref().is_some_and(|r| r.accepted() > 0) && !self.confirm_discard {
            self.confirm_discard = true;
        } else {
            commands.push(Command::Close(Dialog::Forms));
        }
    }

    fn send_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(
            RichText::new(
                "发出：为每个有未办结工作的单位生成督办通知单和反馈单（Word、Excel），每单位一个督办编号",
            )
            .strong(),
        );
        ui.horizontal(|ui| {
            let label = ui.label("保存到文件夹：");
            let width = (ui.available_width() - 240.0).max(120.0);
            ui.add(TextEdit::singleline(&mut self.folder).desired_width(width)).labelled_by(label.id);
            if ui.add_enabled(!self.picker.is_open(), egui::Button::new("选择文件夹…")).clicked() {
                self.picking_folder = true;
                self.picker.open(ui.ctx(), Pick::new("保存督办单的文件夹", PickKind::Folder));
            }
            let ready = !self.folder.trim().is_empty() && self.progress.is_none();
            if ui.add_enabled(ready, egui::Button::new("为全部单位生成")).clicked() {
                self.progress = Some((0.0, "正在生成…".into()));
                commands.push(Command::GenerateForms(PathBuf::from(self.folder.trim())));
            }
        });
        ui.horizontal(|ui| {
            let ready = !self.folder.trim().is_empty() && self.progress.is_none() && self.review.is_none();
            let button = egui::Button::new("生成催办通知");
            let tip = "为今天逾期或逾期未反馈的事项，按单位生成催办通知（Word），并为每项记录一次书面催办";
            if ui.add_enabled(ready, button).on_hover_text(tip).clicked() {
                self.progress = Some((0.0, "正在生成催办通知…".into()));
                commands.push(Command::GenerateUrges(PathBuf::from(self.folder.trim())));
            }
            ui.label(RichText::new("逾期或逾期未反馈的事项，写明催办层级和此前的督办记录").small());
        });
    }

    fn receive_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(RichText::new("收回：读取各单位报回的反馈单（.docx / .xlsx，文件名可改）").strong());
        ui.horizontal(|ui| {
            let free = !self.picker.is_open() && self.progress.is_none();
            if ui.add_enabled(free, egui::Button::new("选择反馈单…")).clicked() {
                self.picking_folder = false;
                let pick =
                    Pick::new("选择报回的反馈单", PickKind::Files).filter("Word / Excel", &["docx", "xlsx"]);
                self.picker.open(ui.ctx(), pick);
            }
            ui.label(RichText::new("也可以把文件直接拖到窗口上").small());
        });
        if let Some(paths) = crate::ui::widgets::typed_paths_ui(ui, &mut self.typed) {
            self.typed.clear();
            self.dropped(paths, commands);
        }
    }

    fn buttons_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if let Some(review) = &self.review {
                let n = review.accepted();
                let label = ui.label("延期批准人：");
                ui.add(
                    TextEdit::singleline(&mut self.approver).desired_width(120.0).hint_text("如 李副总队长"),
                )
                .labelled_by(label.id);
                let ready = n > 0 && self.progress.is_none();
                if ui.add_enabled(ready, egui::Button::new(format!("写入已采纳的 {n} 行"))).clicked() {
                    self.progress = Some((0.0, "正在写入…".into()));
                    let approver = Some(self.approver.trim().to_owned()).filter(|a| !a.is_empty());
                    commands.push(Command::ApplyForms { review: Box::new(review.clone()), approver });
                }
            }
            if self.confirm_discard {
                ui.label(RichText::new("放弃本次核对？已采纳的行尚未写入。").color(theme::DUE_SOON));
                if ui.button("放弃").clicked() {
                    commands.push(Command::Close(Dialog::Forms));
                }
                if ui.button("继续核对").clicked() {
                    self.confirm_discard = false;
                }
            } else if ui.add_enabled(self.progress.is_none(), egui::Button::new("关闭")).clicked() {
                self.ask_close(commands);
            }
        });
    }
}

/// Per file, per row: the review screen.
fn review_ui(ui: &mut Ui, review: &mut Review, height: f32) {
    ScrollArea::vertical().min_scrolled_height(height).max_height(height).id_salt("forms-review").show(
        ui,
        |ui| {
            for (fi, file) in review.files.iter_mut().enumerate() {
                file_ui(ui, fi, file);
                ui.add_space(6.0);
            }
        },
    );
}

fn file_ui(ui: &mut Ui, fi: usize, file: &mut FileReview) {
    let office = file.office.as_ref().map_or("（未识别单位）".to_owned(), |o| o.1.clone());
    let serial = file.form.as_ref().map(|f| f.serial_text()).unwrap_or_default();
    ui.label(RichText::new(format!("{}　{office} {serial}", file.name)).strong());
    if let Some(e) = &file.error {
        ui.label(RichText::new(format!("无法读取：{e}")).color(theme::OVERDUE));
        return;
    }
    ui.label(RichText::new(file.matched.label()).small());
    for n in &file.notes {
        ui.label(RichText::new(format!("注意：{n}")).small().color(theme::DUE_SOON));
    }
    for (pi, p) in file.proposals.iter_mut().enumerate() {
        ui.push_id((fi, pi), |ui| {
            ui.horizontal(|ui| {
                ui.checkbox(&mut p.accepted, "采纳");
                let id = p.directive.map_or("?".to_owned(), |d| d.0.to_string());
                let title = p.title.clone().unwrap_or_else(|| p.row.requirement.clone());
                ui.label(format!("第{}行　编号 {id}　{title}", p.line));
                ui.label(RichText::new(p.summary()).color(theme::FINISHED));
            });
            ui.horizontal(|ui| {
                let label = ui.label(if p.complete { "办结报告：" } else { "进展情况：" });
                let width = ui.available_width().max(120.0);
                ui.add(TextEdit::multiline(&mut p.feedback).desired_rows(1).desired_width(width))
                    .labelled_by(label.id);
            });
            if let Some(to) = p.extend_to {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("申请延期至 {to}，理由：{}", p.extend_reason));
                    // Each extension may have its own approver; empty: 延期批准人 above.
                    let label = ui.label(format!("第{}行批准人：", p.line));
                    ui.add(
                        TextEdit::singleline(&mut p.approver).desired_width(110.0).hint_text("同上方批准人"),
                    )
                    .labelled_by(label.id);
                });
            }
            for n in &p.row.notes {
                ui.label(RichText::new(format!("注意：{n}")).small().color(theme::DUE_SOON));
            }
            for c in &p.conflicts {
                ui.label(RichText::new(format!("冲突：{}", c.message())).color(theme::OVERDUE));
            }
        });
    }
    if file.blank_rows > 0 {
        ui.label(RichText::new(format!("另有 {} 行未填写", file.blank_rows)).small());
    }
}
