//! 新建工作要求 — a 领导批示 or 临时交办 typed by the officer (来源, 批示人, 文号, 日期, 原文, 标题,
//! 责任单位, 完成时限), or, opened from a directive's detail, a directive added to its notice.
//! Nothing typed is lost: 取消, Esc or a click outside ask before discarding; a refusal from the
//! store shows here and leaves every field as it was; the dialog closes once the store has it;
//! what is typed for a new 批示 or 交办 is kept when the window closes ([`ByHandDraft`]) and
//! comes back the next time the dialog opens.

use chrono::NaiveDate;
use egui::{Modal, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{Board, ByHand, NewDirective, NoticeId, RegisterEdit, Source, SourceKind};
use crate::ui::command::{Command, Dialog};
use crate::ui::format::split_names;
use crate::ui::theme;
use crate::ui::widgets::{date_picker, office_picker, optional_date_picker};

/// 新建工作要求的草稿 — the fields of an unsaved 批示 or 交办, kept across a restart.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ByHandDraft {
    /// `instruction` / `assigned`.
    pub kind: String,
    pub by: String,
    pub reference: String,
    pub on: NaiveDate,
    pub words: String,
    pub title: String,
    pub offices: String,
    pub deadline: Option<NaiveDate>,
}

/// What the dialog makes.
#[derive(Debug, Clone, PartialEq)]
pub enum ByHandMode {
    /// 新建工作要求 from a 批示 or 交办.
    Create,
    /// 新增工作要求 in this notice (its label shown).
    Add(NoticeId, String),
}

pub struct ByHandDialog {
    mode: ByHandMode,
    kind: SourceKind,
    by: String,
    reference: String,
    on: NaiveDate,
    words: String,
    title: String,
    offices: String,
    deadline: Option<NaiveDate>,
    error: Option<String>,
    /// Sent to the store, waiting for its answer.
    saving: bool,
    /// 放弃已填写的内容？ is shown.
    asking_discard: bool,
    /// The cursor goes to the first field when the dialog opens.
    focus_first: bool,
}

impl ByHandDialog {
    pub fn new(mode: ByHandMode, today: NaiveDate) -> ByHandDialog {
        ByHandDialog {
            mode,
            kind: SourceKind::Instruction,
            by: String::new(),
            reference: String::new(),
            on: today,
            words: String::new(),
            title: String::new(),
            offices: String::new(),
            deadline: None,
            error: None,
            saving: false,
            asking_discard: false,
            focus_first: true,
        }
    }

    /// Opens on a draft kept from before (a new 批示 or 交办).
    pub fn from_draft(d: ByHandDraft, today: NaiveDate) -> ByHandDialog {
        ByHandDialog {
            kind: SourceKind::from_db(&d.kind).unwrap_or(SourceKind::Instruction),
            by: d.by,
            reference: d.reference,
            on: d.on,
            words: d.words,
            title: d.title,
            offices: d.offices,
            deadline: d.deadline,
            ..ByHandDialog::new(ByHandMode::Create, today)
        }
    }

    /// What to keep if the window closes now: the fields of a new 批示 or 交办 with anything
    /// typed (a directive added to a notice is not kept: its notice may be gone by then).
    pub fn draft(&self) -> Option<ByHandDraft> {
        (self.mode == ByHandMode::Create && !self.is_blank()).then(|| ByHandDraft {
            kind: self.kind.as_db().to_owned(),
            by: self.by.clone(),
            reference: self.reference.clone(),
            on: self.on,
            words: self.words.clone(),
            title: self.title.clone(),
            offices: self.offices.clone(),
            deadline: self.deadline,
        })
    }

    /// The store refused: say why, keep everything typed.
    pub fn on_failed(&mut self, message: String) {
        self.saving = false;
        self.error = Some(message);
    }

    /// Has the officer typed anything that closing would lose?
    pub fn is_blank(&self) -> bool {
        [&self.by, &self.reference, &self.words, &self.title, &self.offices]
            .iter()
            .all(|s| s.trim().is_empty())
            && self.deadline.is_none()
    }

    pub fn ui(&mut self, ui: &mut Ui, board: &Board, today: NaiveDate, commands: &mut Vec<Command>) {
        let screen = ui.ctx().content_rect();
        let modal = Modal::new(egui::Id::unique("by-hand-dialog")).show(ui.ctx(), |ui| {
            ui.set_width((screen.width() - 60.0).clamp(360.0, 640.0));
            let heading = match &self.mode {
                ByHandMode::Create => "新建工作要求".to_owned(),
                ByHandMode::Add(_, label) => format!("新增工作要求：{label}"),
            };
            ui.heading(heading);
            ui.separator();
            // Room for the buttons below on a 1366×768 screen at 150 % (512 points high).
            ScrollArea::vertical()
                .max_height((screen.height() - 170.0).max(160.0))
                .id_salt("by-hand-fields")
                .show(ui, |ui| self.fields_ui(ui, board, today));
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(theme::OVERDUE));
            }
            ui.separator();
            if self.asking_discard {
                self.discard_ui(ui, commands);
            } else {
                self.buttons_ui(ui, commands);
            }
        });
        if modal.should_close() && !self.saving {
            self.leave(commands);
        }
    }

    fn fields_ui(&mut self, ui: &mut Ui, board: &Board, today: NaiveDate) {
        if self.mode == ByHandMode::Create {
            ui.horizontal(|ui| {
                ui.label("来源");
                for kind in SourceKind::ALL {
                    ui.radio_value(&mut self.kind, kind, kind.label());
                }
            });
            ui.horizontal(|ui| {
                let name = ui.label(self.kind.person_label());
                let by = ui
                    .add(TextEdit::singleline(&mut self.by).desired_width(140.0).hint_text("如：王总队长"))
                    .labelled_by(name.id);
                if std::mem::take(&mut self.focus_first) {
                    by.request_focus();
                }
                let name = ui.label("文号");
                ui.add(TextEdit::singleline(&mut self.reference).desired_width(160.0).hint_text("可不填"))
                    .labelled_by(name.id);
            });
            ui.horizontal(|ui| {
                ui.label(format!("{}日期", self.kind.short()));
                date_picker(ui, "by-hand-date", &mut self.on, today);
            });
        }
        let name = ui.label(if self.mode == ByHandMode::Create { "原文" } else { "内容" });
        let words = ui
            .add(
                TextEdit::multiline(&mut self.words)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("批示或交办的原话，照录"),
            )
            .labelled_by(name.id);
        if std::mem::take(&mut self.focus_first) {
            words.request_focus();
        }
        ui.horizontal(|ui| {
            let name = ui.label("标题");
            ui.add(TextEdit::singleline(&mut self.title).desired_width(ui.available_width().min(420.0)))
                .labelled_by(name.id);
        });
        office_picker(ui, board, &mut self.offices, "责任单位", "by-hand-offices");
        ui.horizontal(|ui| {
            ui.label("完成时限");
            optional_date_picker(ui, "by-hand-deadline", &mut self.deadline, today);
        });
    }

    fn buttons_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let save = egui::Button::new(if self.saving { "正在保存…" } else { "保存" });
            if ui.add_enabled(!self.saving, save).clicked() {
                match self.edit() {
                    Ok(edit) => {
                        self.error = None;
                        self.saving = true;
                        commands.push(Command::Register(edit));
                    }
                    Err(message) => self.error = Some(message),
                }
            }
            if ui.add_enabled(!self.saving, egui::Button::new("取消")).clicked() {
                self.leave(commands);
            }
        });
    }

    /// The edit to send, or what to fill in first.
    fn edit(&self) -> Result<RegisterEdit, String> {
        let offices = split_names(&self.offices);
        if self.words.trim().is_empty() {
            return Err("请填写原文（工作要求的内容）".into());
        }
        if self.title.trim().is_empty() {
            return Err("请填写标题".into());
        }
        if offices.is_empty() {
            return Err("请填写或选择至少一个责任单位".into());
        }
        let directive = NewDirective {
            title: self.title.trim().to_owned(),
            text: self.words.trim().to_owned(),
            offices,
            deadline: self.deadline,
        };
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(match &self.mode {
            ByHandMode::Create => RegisterEdit::Create(ByHand {
                source: Source {
                    kind: self.kind,
                    by: optional(&self.by),
                    reference: optional(&self.reference),
                },
                on: self.on,
                directive,
            }),
            ByHandMode::Add(notice, _) => RegisterEdit::Add { notice: *notice, directive },
        })
    }

    /// 取消, Esc or a click outside: closes at once when nothing was typed, else asks.
    fn leave(&mut self, commands: &mut Vec<Command>) {
        if self.is_blank() {
            commands.push(Command::Close(Dialog::ByHand));
        } else {
            self.asking_discard = true;
        }
    }

    fn discard_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(RichText::new("放弃已填写的内容？").strong().color(theme::OVERDUE));
        ui.horizontal(|ui| {
            if ui.button("放弃").clicked() {
                commands.push(Command::Close(Dialog::ByHand));
            }
            if ui.button("继续填写").clicked() {
                self.asking_discard = false;
            }
        });
    }
}
