//! 各单位办理情况 — the detail pane's rows, one per responsible office: its role (牵头 / 配合),
//! its own state, its last feedback (and whether it is late against the cadence), its deadline
//! with any extension, and the actions the state allows (记录反馈 / 催办 / 延期 / 申请办结 /
//! 审核通过 / 退回 / 重新打开), each opening a small form. Below, the 督办记录: every office's
//! records, newest first.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::loop_form::{FormKind, LoopForm};
use crate::model::{
    Assignment, DirectiveDetail, DirectiveEdit, DirectiveId, EscalationStep, FeedbackLateness, LoopEventKind,
    OfficeState, Role, Status, backs_closing,
};
use crate::ui::command::{AttachTarget, Command};
use crate::ui::format::short_date;
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker, typed_paths_ui};

/// The open form of each directive (kept while the officer looks at others), and the file
/// dialog for files that came with a 反馈.
#[derive(Default)]
pub struct OfficeRows {
    forms: BTreeMap<DirectiveId, LoopForm>,
    picker: Picker,
    picking_for: Option<AttachTarget>,
    /// After a file dialog that chose nothing (or could not be shown): a path to type.
    typed: Option<(AttachTarget, String)>,
}

/// What the rows need besides the detail.
pub struct RowsContext {
    pub today: NaiveDate,
    /// 反馈周期 in days (`None`: none).
    pub cadence: Option<i64>,
}

impl OfficeRows {
    /// The store accepted `id`'s form: it goes.
    pub fn close_form(&mut self, id: DirectiveId) {
        self.forms.remove(&id);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        detail: &DirectiveDetail,
        cx: &RowsContext,
        commands: &mut Vec<Command>,
    ) {
        let id = detail.row.id;
        let closed = detail.row.status == Status::Closed;
        let backed = backs_closing(&detail.evidence, detail.notice_issued_on);
        ui.horizontal(|ui| {
            ui.strong("各单位办理情况");
            let state = detail.row.loop_state();
            ui.label(RichText::new(state.label()).color(theme::status_color(state.status())));
        });
        if detail.row.assignments.is_empty() {
            ui.weak("未写明责任单位：记录反馈时写明单位即可。");
        }
        for a in &detail.row.assignments {
            ui.push_id(&a.name, |ui| {
                self.row_ui(
                    ui,
                    id,
                    a,
                    detail.notice_issued_on,
                    (closed, detail.row.recurrence.is_some()),
                    cx,
                );
                super::period_strip::periods_ui(ui, &detail.row, a, cx.today);
            });
            if let Some(form) = self.forms.get_mut(&id).filter(|f| *f.office == *a.name) {
                match form.ui(ui, cx.today, backed) {
                    Some(true) => {
                        if let Some(edit) = form.edit() {
                            commands.push(Command::Edit(id, DirectiveEdit::Loop(edit)));
                        }
                    }
                    Some(false) => {
                        self.forms.remove(&id);
                    }
                    None => {}
                }
            }
        }
        self.history_ui(ui, detail, commands);
    }

    /// 督办记录 — every office's records, newest first; a 反馈 takes the files it came with.
    fn history_ui(&mut self, ui: &mut Ui, detail: &DirectiveDetail, commands: &mut Vec<Command>) {
        if let Some(paths) = self.picker.poll()
            && let Some(target) = self.picking_for.take()
        {
            match paths.is_empty() {
                true => self.typed = Some((target, String::new())),
                false => commands.push(Command::AttachFiles(target, paths)),
            }
        }
        if detail.loop_events.is_empty() {
            return;
        }
        let id = detail.row.id;
        egui::CollapsingHeader::new(format!("督办记录（{}）", detail.loop_events.len()))
            .id_salt("loop-history")
            .default_open(true)
            .show(ui, |ui| {
                for e in detail.loop_events.iter().rev() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(event_line(e)).small());
                        if e.kind != LoopEventKind::Feedback {
                            return;
                        }
                        let files = detail.evidence.iter().filter(|f| f.feedback == Some(e.record)).count();
                        if files > 0 {
                            ui.label(RichText::new(format!("（附材料{files}份）")).small().weak());
                        }
                        let target = AttachTarget { directive: id, note: None, feedback: Some(e.record) };
                        let button = ui.small_button("附材料…");
                        let name = format!("{} {} 反馈：附材料", e.on.format("%m-%d"), e.office);
                        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                        if button.on_hover_text("添加随这次反馈报来的照片、文件").clicked()
                            && !self.picker.is_open()
                        {
                            self.picking_for = Some(target);
                            self.picker.open(ui.ctx(), Pick::new("随反馈报来的材料", PickKind::Files));
                        }
                    });
                }
            });
        if let Some((target, path)) = &mut self.typed {
            if target.directive != id {
                self.typed = None;
            } else if let Some(paths) = typed_paths_ui(ui, path) {
                commands.push(Command::AttachFiles(*target, paths));
                self.typed = None;
            }
        }
    }

    fn row_ui(
        &mut self,
        ui: &mut Ui,
        id: DirectiveId,
        a: &Assignment,
        issued_on: NaiveDate,
        (closed, recurs): (bool, bool),
        cx: &RowsContext,
    ) {
        let t = &a.track;
        ui.horizontal_wrapped(|ui| {
            let role = if a.role == Role::Lead { "牵头" } else { "配合" };
            ui.label(RichText::new(role).small().weak());
            ui.label(RichText::new(&*a.name).strong());
            ui.label(RichText::new(t.state.label()).color(state_color(t.state)));
            match t.last_feedback {
                Some(on) => ui.label(RichText::new(format!("最近反馈 {}", short_date(on, cx.today))).small()),
                None => ui.label(RichText::new("尚无反馈").small().color(theme::DUE_SOON)),
            };
            // A recurring directive is judged by its periods (the strip below), not the cadence.
            let lateness = if closed || recurs {
                FeedbackLateness::OnTime
            } else {
                t.feedback_lateness(issued_on, cx.cadence, cx.today)
            };
            match lateness {
                FeedbackLateness::OnTime => {}
                FeedbackLateness::Late => {
                    ui.label(RichText::new("逾期未反馈").small().color(theme::DUE_SOON));
                }
                FeedbackLateness::VeryLate => {
                    ui.label(RichText::new("逾期未反馈").small().strong().color(theme::OVERDUE));
                }
            }
            if let Some(deadline) = t.deadline {
                let color = if t.is_overdue(cx.today) { theme::OVERDUE } else { ui.visuals().text_color() };
                ui.label(
                    RichText::new(format!("时限 {}", short_date(deadline, cx.today))).small().color(color),
                );
            }
            if let Some(ext) = t.extension() {
                ui.label(RichText::new(ext.text()).small().color(theme::DUE_SOON));
            }
            if t.returns > 0 {
                let why = t.last_return_reason().unwrap_or("");
                ui.label(RichText::new(format!("退回 {} 次", t.returns)).small().color(theme::OVERDUE))
                    .on_hover_text(why);
            }
            if let Some((on, step)) = t.last_reminder {
                ui.label(
                    RichText::new(format!("{}已{}", short_date(on, cx.today), step.label())).small().weak(),
                );
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let finished = t.state == OfficeState::Finished;
            let actions = [
                (FormKind::Feedback, !finished),
                (FormKind::Remind, !finished && !closed),
                (FormKind::Extend, !finished),
                (
                    FormKind::Complete,
                    a.role == Role::Lead
                        && matches!(t.state, OfficeState::Unreported | OfficeState::InProgress),
                ),
                (FormKind::Accept, t.state == OfficeState::Requested),
                (FormKind::Return, t.state == OfficeState::Requested),
                (FormKind::Reopen, finished),
            ];
            for (kind, allowed) in actions {
                if !allowed {
                    continue;
                }
                let open = self.forms.get(&id).is_some_and(|f| *f.office == *a.name && f.kind == kind);
                // Its accessible name says which office: every row has the same buttons.
                let name = format!("{}：{}", a.name, kind.label());
                let response = ui.selectable_label(open, kind.label());
                response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &name));
                if response.on_hover_text(&name).clicked() {
                    let step = EscalationStep::after(t.last_reminder.map(|(_, s)| s));
                    self.forms.insert(id, LoopForm::new(&a.name, kind, cx.today, step));
                }
            }
        });
        ui.add_space(2.0);
    }
}

pub(super) fn state_color(s: OfficeState) -> egui::Color32 {
    match s {
        OfficeState::Unreported => theme::DUE_SOON,
        OfficeState::InProgress => egui::Color32::from_rgb(0x15, 0x65, 0xC0),
        OfficeState::Requested => egui::Color32::from_rgb(0x6A, 0x1B, 0x9A),
        OfficeState::Finished => theme::FINISHED,
    }
}

/// One line of the 督办记录: 03-18 防火监督处 反馈（电话·李明）：已检查….
fn event_line(e: &crate::model::LoopEvent) -> String {
    let mut how = Vec::new();
    if let Some(c) = e.channel {
        how.push(c.label().to_owned());
    }
    if let Some(by) = &e.by {
        how.push(by.clone());
    }
    let kind = match &e.kind {
        LoopEventKind::Reminder(step) => step.label().to_owned(),
        LoopEventKind::Extension { to, late_request, .. } => {
            let late = if *late_request { "，超期申请" } else { "" };
            format!("延期至{}{late}", crate::ui::widgets::format_date(*to))
        }
        other => other.label().to_owned(),
    };
    let how = if how.is_empty() { String::new() } else { format!("（{}）", how.join("·")) };
    let text = if e.text.is_empty() { String::new() } else { format!("：{}", e.text) };
    format!("{} {} {kind}{how}{text}", e.on.format("%m-%d"), e.office)
}
