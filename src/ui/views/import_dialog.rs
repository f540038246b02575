//! 导入通知 — paste or open a notice, set its issue date, review the parse as an editable tree,
//! and only then confirm. Nothing is stored before 确认导入.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Color32, Modal, RichText, ScrollArea, TextEdit, Ui};

use super::import_review::Review;
use crate::ui::command::{Command, Dialog, ImportSource};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker, date_picker};
use crate::ui::worker::ParsedImport;

pub struct ImportDialog {
    pasted: String,
    path: String,
    issued_on: NaiveDate,
    review: Option<Review>,
    error: Option<String>,
    /// Waiting for the worker (parse or import).
    busy: bool,
    picker: Picker,
    pick_hint: Option<String>,
    /// What was last parsed, to parse again in another encoding.
    last_source: Option<ImportSource>,
    /// 放弃本次导入？ is shown.
    asking_discard: bool,
}

impl ImportDialog {
    pub fn new(today: NaiveDate) -> ImportDialog {
        ImportDialog {
            pasted: String::new(),
            path: String::new(),
            issued_on: today,
            review: None,
            error: None,
            busy: false,
            picker: Picker::default(),
            pick_hint: None,
            last_source: None,
            asking_discard: false,
        }
    }

    /// The worker's answer to a parse request.
    pub fn on_parsed(&mut self, parsed: Box<ParsedImport>) {
        self.busy = false;
        self.error = None;
        self.review = Some(Review::new(*parsed));
    }

    /// The worker could not store the notice: stay open, show why.
    pub fn on_failed(&mut self, message: String) {
        self.busy = false;
        self.error = Some(message);
    }

    pub fn is_reviewing(&self) -> bool {
        self.review.is_some()
    }

    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate, commands: &mut Vec<Command>) {
        self.poll_file_dialog();
        let screen = ui.ctx().content_rect();
        let modal = Modal::new(egui::Id::unique("import-dialog")).show(ui.ctx(), |ui| {
            ui.set_width((screen.width() - 80.0).clamp(480.0, 1100.0));
            ui.set_max_height(screen.height() - 80.0);
            ui.heading("导入通知");
            ui.separator();
            if self.review.is_some() {
                self.review_ui(ui, today, commands);
            } else {
                self.input_ui(ui, today, commands);
            }
            if self.asking_discard {
                self.discard_ui(ui, commands);
            }
        });
        if modal.should_close() && !self.busy {
            self.leave(commands);
        }
    }

    /// The pasted text, kept by the app when the dialog closes without importing.
    pub fn into_pasted(self) -> String {
        self.pasted
    }

    /// Opens with the text pasted last time (the import did not happen).
    pub fn with_pasted(mut self, pasted: String) -> ImportDialog {
        self.pasted = pasted;
        self
    }

    /// 取消, Esc or a click outside: asks first when a review (with its edits) would be lost;
    /// else closes at once (the pasted text is kept for the next try either way).
    fn leave(&mut self, commands: &mut Vec<Command>) {
        let started = self.review.is_some();
        if started && !self.asking_discard {
            self.asking_discard = true;
        } else if !started {
            commands.push(Command::Close(Dialog::Import));
        }
    }

    /// 放弃本次导入？ — asked before a review or typed text is thrown away.
    fn discard_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.separator();
        ui.label(RichText::new("放弃本次导入？").strong().color(theme::OVERDUE));
        ui.label(RichText::new("审核中的修改将丢失；粘贴的通知全文会保留，下次打开导入时仍在。").small());
        ui.horizontal(|ui| {
            if ui.button("放弃").clicked() {
                commands.push(Command::Close(Dialog::Import));
            }
            if ui.button("继续编辑").clicked() {
                self.asking_discard = false;
            }
        });
    }

    fn poll_file_dialog(&mut self) {
        match self.picker.poll().map(|paths| paths.into_iter().next()) {
            Some(Some(path)) => {
                self.path = path.display().to_string();
                self.pick_hint = None;
            }
            Some(None) => {
                self.pick_hint =
                    Some("未选择文件。若系统文件对话框没有出现，请在下面直接输入文件路径。".into());
            }
            None => {}
        }
    }

    fn input_ui(&mut self, ui: &mut Ui, today: NaiveDate, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label("印发日期");
            date_picker(ui, "issued-on", &mut self.issued_on, today);
            ui.weak("“本周”“年底前”等时限按此日期计算");
        });
        ui.add_space(4.0);
        let label = ui.label("粘贴通知全文：");
        ScrollArea::vertical().max_height(300.0).id_salt("paste").show(ui, |ui| {
            ui.add(
                TextEdit::multiline(&mut self.pasted)
                    .id_salt("paste-text")
                    .desired_rows(12)
                    .desired_width(f32::INFINITY)
                    .hint_text("在此粘贴通知全文（标题、主送单位、一、二、……各部分及责任处室）"),
            )
            .labelled_by(label.id);
        });
        let mut enter_on_path = false;
        ui.horizontal(|ui| {
            let label = ui.label("或打开文件：");
            let picking = self.picker.is_open();
            if ui.add_enabled(!picking, egui::Button::new("选择文件…")).clicked() {
                self.pick_file(ui.ctx());
            }
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.path)
                        .desired_width((ui.available_width() - 8.0).clamp(160.0, 360.0))
                        .hint_text("文件路径，如 /home/值班/通知.docx"),
                )
                .labelled_by(label.id);
            // Enter in the path field reads the file, as 读取文件并解析 does.
            enter_on_path = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        if let Some(hint) = &self.pick_hint {
            ui.label(RichText::new(hint).small().color(theme::DUE_SOON));
        }
        self.error_ui(ui);
        ui.separator();
        ui.horizontal(|ui| {
            let source = if !self.path.trim().is_empty() {
                Some(ImportSource::File(PathBuf::from(self.path.trim())))
            } else if !self.pasted.trim().is_empty() {
                Some(ImportSource::Text(self.pasted.clone()))
            } else {
                None
            };
            let label = match source {
                Some(ImportSource::File(_)) => "读取文件并解析",
                _ => "解析",
            };
            let go = ui.add_enabled(source.is_some() && !self.busy, egui::Button::new(label)).clicked();
            if (go || (enter_on_path && !self.busy))
                && let Some(source) = source
            {
                self.busy = true;
                self.error = None;
                self.last_source = Some(source.clone());
                commands.push(Command::ParseNotice { source, issued_on: self.issued_on, encoding: None });
            }
            if ui.button("取消").clicked() {
                self.leave(commands);
            }
            if self.busy {
                ui.spinner();
                ui.label("正在解析…");
            }
        });
    }

    fn pick_file(&mut self, ctx: &egui::Context) {
        self.pick_hint = None;
        let pick = Pick::new("选择通知文件", PickKind::File)
            .filter("通知（Word、PDF 或文本）", &["docx", "pdf", "txt"]);
        self.picker.open(ctx, pick);
    }

    fn error_ui(&self, ui: &mut Ui) {
        if let Some(e) = &self.error {
            ui.label(RichText::new(format!("⚠ {e}")).color(theme::OVERDUE));
        }
    }
    fn review_ui(&mut self, ui: &mut Ui, today: NaiveDate, commands: &mut Vec<Command>) {
        let Some(review) = &mut self.review else {
            return;
        };
        let draft = &mut review.draft;
        egui::Grid::new("review-head").num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
            let label = ui.label("标题");
            ui.add(
                TextEdit::singleline(&mut draft.title).desired_width(f32::INFINITY).id_salt("review-title"),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("会议");
            ui.label(draft.meeting.as_deref().unwrap_or("（未识别）"));
            ui.end_row();
            // A wrong issue date makes 本周 last week's: correct it here, the words are read again.
            ui.label("印发日期");
            ui.horizontal(|ui| {
                let mut issued = draft.issued_on;
                if date_picker(ui, "review-issued-on", &mut issued, today).changed() {
                    crate::notice::redate(draft, issued);
                    self.issued_on = issued;
                }
                ui.weak("改后，“本周”“年底前”等时限按新日期重新计算");
            });
            ui.end_row();
            ui.label("发文 / 主送");
            ui.label(format!(
                "{} → {}",
                draft.issuer.as_deref().unwrap_or("（未识别）"),
                draft.recipients.join("、")
            ));
            ui.end_row();
            ui.label("印发日期");
            ui.label(crate::ui::widgets::format_date(draft.issued_on));
            ui.end_row();
            if let Some(number) = &draft.doc_number {
                ui.label("文号");
                ui.label(number);
                ui.end_row();
            }
        });
        if let Some(enc) = review.encoding {
            let mut chosen = enc;
            ui.horizontal(|ui| {
                let label = ui.label("文件编码");
                if review.candidates.is_empty() {
                    ui.label(encoding_label(enc));
                    return;
                }
                egui::ComboBox::from_id_salt("encoding")
                    .selected_text(encoding_label(enc))
                    .width(360.0)
                    .show_ui(ui, |ui| {
                        for c in &review.candidates {
                            let mark = if c.valid { "" } else { "（有无法识别的字节）" };
                            let text = format!("{}{mark}：{}", encoding_label(c.encoding), c.preview);
                            ui.selectable_value(&mut chosen, c.encoding, text);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.weak("文字显示不对时请换一种编码");
            });
            if chosen != enc
                && let Some(source) = self.last_source.clone()
            {
                self.busy = true;
                commands.push(Command::ParseNotice {
                    source,
                    issued_on: self.issued_on,
                    encoding: Some(chosen),
                });
            }
        }
        let count = draft.directive_count();
        ui.label(format!(
            "识别出 {} 个部分、{count} 条工作要求。请核对后确认导入；可直接修改标题、责任单位和完成时限。",
            draft.sections.len()
        ));
        if let Some(warning) = &review.already_imported {
            ui.label(
                RichText::new(format!("⚠ {warning}，请确认不是重复导入。")).color(theme::OVERDUE).strong(),
            );
        }
        let past = review.draft.directives().filter(|d| d.deadline.date.is_some_and(|x| x < today)).count();
        if past > 0 {
            let text = format!(
                "⚠ {past} 条工作要求的完成时限已早于今天，导入后即为逾期：请核对印发日期和各条时限。"
            );
            ui.label(RichText::new(text).color(theme::OVERDUE).strong());
        }
        review.tree_ui(ui, today);
        self.error_ui(ui);
        ui.separator();
        let count = self.review.as_ref().map_or(0, |r| r.draft.directive_count());
        ui.horizontal(|ui| {
            let confirm =
                egui::Button::new(RichText::new(format!("确认导入（{count} 条）")).color(Color32::WHITE))
                    .fill(theme::ACCENT);
            if ui.add_enabled(!self.busy && count > 0, confirm).clicked()
                && let Some(review) = &self.review
            {
                self.busy = true;
                self.error = None;
                commands.push(Command::ConfirmImport {
                    draft: Box::new(review.finished_draft()),
                    source_text: review.source_text.clone(),
                });
            }
            if ui.add_enabled(!self.busy, egui::Button::new("返回修改")).clicked() {
                self.review = None;
            }
            if ui.add_enabled(!self.busy, egui::Button::new("取消")).clicked() {
                self.leave(commands);
            }
            if self.busy {
                ui.spinner();
                ui.label("正在保存…");
            }
        });
    }
}

/// How an encoding is named to the officer.
fn encoding_label(encoding: &str) -> &str {
    match encoding {
        "UTF-8" => "UTF-8",
        "gb18030" | "GBK" => "GBK / GB18030",
        "UTF-16LE" => "UTF-16（小端）",
        "UTF-16BE" => "UTF-16（大端）",
        crate::notice::DOCX => "Word 文档（.docx）",
        other => other,
    }
}
