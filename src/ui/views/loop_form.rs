//! 督办表单 — the small form under an office's row for one 督办 action: 记录反馈 (date, way,
//! who, phone, what), 催办 (date, way, who was reached, their answer, step), 延期 (asked on,
//! new deadline, reason, approved by / on), 申请办结 (date, 办结报告), 审核通过 (date), 退回
//! (date, reason), 重新打开 (date, reason). What is typed stays while the officer looks at other
//! directives; it goes once the store has accepted it. The store checks the values and says in
//! Chinese what to change. 审核通过 with no file dated on or after the notice asks first, as 销号
//! does (and as `duban accept` refuses without --no-evidence): 无佐证审核通过 or 先添加材料.

use chrono::NaiveDate;
use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::model::{Channel, EscalationStep, LoopAction, LoopEdit, NewExtension, NewFeedback, NewReminder};
use crate::ui::widgets::{date_picker, optional_date_picker};

/// Which action the form records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Feedback,
    Remind,
    Extend,
    Complete,
    Accept,
    Return,
    Reopen,
}

impl FormKind {
    /// The button that opens the form (also the form's heading).
    pub fn label(self) -> &'static str {
        match self {
            FormKind::Feedback => "记录反馈",
            FormKind::Remind => "催办",
            FormKind::Extend => "延期",
            FormKind::Complete => "申请办结",
            FormKind::Accept => "审核通过",
            FormKind::Return => "退回",
            FormKind::Reopen => "重新打开",
        }
    }

    fn submit(self) -> &'static str {
        match self {
            FormKind::Feedback => "保存反馈",
            FormKind::Remind => "记录催办",
            FormKind::Extend => "记录延期",
            FormKind::Complete => "提交办结报告",
            FormKind::Accept => "确认办结",
            FormKind::Return => "确认退回",
            FormKind::Reopen => "确认重新打开",
        }
    }
}

/// An open form: for which office, and what is typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopForm {
    pub office: String,
    pub kind: FormKind,
    pub on: NaiveDate,
    pub channel: Channel,
    /// 反馈人 / 联系人 / 批准人.
    pub person: String,
    pub phone: String,
    /// 反馈内容 / 答复 / 延期理由 / 办结报告 / 退回理由.
    pub text: String,
    /// 延至
    pub to: Option<NaiveDate>,
    pub step: EscalationStep,
    /// 批准日期 (`None`: the day asked).
    pub approved_on: Option<NaiveDate>,
    /// 审核通过 without evidence: the confirmation line is showing.
    pub confirm_unbacked: bool,
    /// It has been scrolled into view once (at 150 % it may fall below the pane's edge).
    confirm_shown: bool,
}

impl LoopForm {
    pub fn new(office: &str, kind: FormKind, today: NaiveDate, next_step: EscalationStep) -> LoopForm {
        LoopForm {
            office: office.to_owned(),
            kind,
            on: today,
            channel: if kind == FormKind::Feedback { Channel::Written } else { Channel::Phone },
            person: String::new(),
            phone: String::new(),
            text: String::new(),
            to: None,
            step: next_step,
            approved_on: None,
            confirm_unbacked: false,
            confirm_shown: false,
        }
    }

    fn optional(s: &str) -> Option<String> {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    }

    /// What the form asks the store to record (`None` while something required is missing).
    pub fn edit(&self) -> Option<LoopEdit> {
        let text = self.text.trim().to_owned();
        let action = match self.kind {
            FormKind::Feedback => LoopAction::Feedback(NewFeedback {
                on: self.on,
                channel: self.channel,
                by: Self::optional(&self.person),
                phone: Self::optional(&self.phone),
                text: Some(text).filter(|t| !t.is_empty())?,
            }),
            FormKind::Remind => LoopAction::Remind(NewReminder {
                on: self.on,
                channel: self.channel,
                reached: Self::optional(&self.person),
                answer: Self::optional(&self.text),
                step: Some(self.step),
            }),
            FormKind::Extend => LoopAction::Extend(NewExtension {
                requested_on: self.on,
                to: self.to?,
                reason: Some(text).filter(|t| !t.is_empty())?,
                approved_by: Self::optional(&self.person)?,
                approved_on: self.approved_on,
            }),
            FormKind::Complete => LoopAction::Complete { on: self.on, report: text },
            FormKind::Accept => LoopAction::Accept { on: self.on },
            FormKind::Return => {
                LoopAction::Return { on: self.on, reason: Some(text).filter(|t| !t.is_empty())? }
            }
            FormKind::Reopen => {
                LoopAction::Reopen { on: self.on, reason: Some(text).filter(|t| !t.is_empty())? }
            }
        };
        Some(LoopEdit { office: self.office.clone(), action })
    }

    /// Draws the form; `Some(true)` when submitted, `Some(false)` when cancelled. `backed`: a
    /// file dated on or after the notice backs the directive (else 审核通过 asks first).
    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate, backed: bool) -> Option<bool> {
        let mut done = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{}：{}", self.office, self.kind.label())).strong());
            let day_label = match self.kind {
                FormKind::Feedback => "收到日期",
                FormKind::Extend => "申请日期",
                _ => "日期",
            };
            egui::Grid::new(("loop-form", self.kind.label())).num_columns(2).spacing([8.0, 4.0]).show(
                ui,
                |ui| {
                    ui.label(day_label);
                    date_picker(ui, "loop-form-on", &mut self.on, today);
                    ui.end_row();
                    if matches!(self.kind, FormKind::Feedback | FormKind::Remind) {
                        choice(ui, "方式", &mut self.channel, &Channel::ALL, Channel::label);
                    }
                    if self.kind == FormKind::Remind {
                        choice(ui, "步骤", &mut self.step, &EscalationStep::ALL, EscalationStep::label);
                    }
                    if self.kind == FormKind::Extend {
                        ui.label("延至");
                        optional_date_picker(ui, "loop-form-to", &mut self.to, today);
                        ui.end_row();
                    }
                    let person = match self.kind {
                        FormKind::Feedback => Some("反馈人"),
                        FormKind::Remind => Some("联系人"),
                        FormKind::Extend => Some("批准人"),
                        _ => None,
                    };
                    if let Some(person) = person {
                        let label = ui.label(person);
                        ui.add(TextEdit::singleline(&mut self.person).desired_width(160.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                    if self.kind == FormKind::Feedback {
                        let label = ui.label("电话");
                        ui.add(
                            TextEdit::singleline(&mut self.phone).desired_width(160.0).hint_text("可不填"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                    if self.kind == FormKind::Extend {
                        ui.label("批准日期");
                        optional_date_picker(ui, "loop-form-approved", &mut self.approved_on, today);
                        ui.end_row();
                    }
                },
            );
            let text_label = match self.kind {
                FormKind::Feedback => Some("反馈内容"),
                FormKind::Remind => Some("答复"),
                FormKind::Extend => Some("延期理由"),
                FormKind::Complete => Some("办结报告"),
                FormKind::Return => Some("退回理由"),
                FormKind::Reopen => Some("重新打开的理由"),
                FormKind::Accept => None,
            };
            if let Some(text_label) = text_label {
                let label = ui.label(text_label);
                ui.add(TextEdit::multiline(&mut self.text).desired_rows(2).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
            }
            ui.horizontal(|ui| {
                let ready = self.edit().is_some();
                let submit = ui.add_enabled(ready, egui::Button::new(self.kind.submit()));
                let submit =
                    if ready { submit } else { submit.on_disabled_hover_text("请先填写必填项") };
                if submit.clicked() {
                    if self.kind == FormKind::Accept && !backed {
                        self.confirm_unbacked = true;
                        self.confirm_shown = false;
                    } else {
                        done = Some(true);
                    }
                }
                if ui.button("取消").clicked() {
                    done = Some(false);
                }
            });
            if self.confirm_unbacked && self.kind == FormKind::Accept {
                done = done.or(self.confirm_ui(ui));
            }
        });
        done
    }

    /// 无佐证审核通过: the line that asks; `Some(true)` once confirmed.
    fn confirm_ui(&mut self, ui: &mut Ui) -> Option<bool> {
        let mut done = None;
        let line = ui.horizontal_wrapped(|ui| {
            let text = "没有通知印发后的佐证材料（现场照片、整改文件等）。确定无佐证审核通过？";
            ui.label(RichText::new(text).color(crate::ui::theme::OVERDUE));
            if ui.button("无佐证审核通过").clicked() {
                done = Some(true);
            }
            if ui.button("先添加材料").on_hover_text("暂不审核，到下方“材料”添加佐证").clicked()
            {
                self.confirm_unbacked = false;
            }
        });
        if !self.confirm_shown {
            line.response.scroll_to_me(Some(egui::Align::BOTTOM));
            self.confirm_shown = true;
        }
        done
    }
}

/// A labelled choice from a fixed list, as one row of the form's grid.
fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    name: &str,
    value: &mut T,
    all: &[T],
    label: fn(T) -> &'static str,
) {
    let caption = ui.label(name);
    ComboBox::from_id_salt(("loop-form", name))
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, label(*v));
            }
        })
        .response
        .labelled_by(caption.id);
    ui.end_row();
}
