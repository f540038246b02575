//! 详情 — the selected directive: full text, source section, status, deadline, offices, and
//! the progress timeline with its form. Edits become commands.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{Frame, RichText, ScrollArea, TextEdit, Ui};

use super::evidence_panel::{AttachProgress, EvidencePanel, Thumbnails};
use super::note_form::{NoteDraft, NoteForm};
use super::office_rows::{OfficeRows, RowsContext};
use super::register_panel::RegisterPanel;
use crate::model::{DirectiveDetail, DirectiveEdit, DirectiveId, Status};
use crate::ui::command::Command;
use crate::ui::format::{days_text, split_names};
use crate::ui::theme;
use crate::ui::widgets::{format_date, optional_date_picker};

/// Form state of the detail pane; reset when another directive is shown, except the notes
/// being typed, which wait in `drafts`.
#[derive(Default)]
pub struct DetailView {
    shown: Option<DirectiveId>,
    offices: String,
    /// The stored office list `offices` was last filled from.
    offices_stored: String,
    deadline: Option<NaiveDate>,
    /// 进展 — the note being typed, and the drafts of other directives.
    note: NoteForm,
    /// Another directive is shown: start at its top.
    scroll_to_top: bool,
    files: EvidencePanel,
    /// 各单位办理情况 and their open forms.
    loop_rows: OfficeRows,
    /// 无佐证销号 is being confirmed for this directive.
    confirm_close: Option<DirectiveId>,
    /// 调整: 新增 / 拆分 / 合并 / 删除 and their open forms.
    register: RegisterPanel,
}

/// What the pane needs besides the detail itself.
pub struct DetailContext<'a> {
    /// For the 合并 list (the notice's other directives) and the office picker.
    pub board: &'a crate::model::Board,
    pub today: NaiveDate,
    pub due_soon_days: i64,
    /// Search words to mark in the text and notes.
    pub highlight: &'a [&'a str],
    pub thumbs: &'a Thumbnails,
    pub progress: Option<&'a AttachProgress>,
    /// 跨会 — later meetings held since the directive's notice.
    pub carried_over: usize,
    /// 反馈周期 in days (`None`: none), for 逾期未反馈: the default from 设置.
    pub cadence: Option<i64>,
    /// The directive's notice's own 反馈周期, if it sets one.
    pub notice_cadence: Option<i64>,
}

impl DetailView {
    /// Ctrl+N: start typing a progress note.
    pub fn focus_note(&mut self) {
        self.note.focus();
    }

    /// Forgets the note typed for `id` (it was stored).
    pub fn clear_note(&mut self, id: DirectiveId) {
        self.note.clear(id);
    }

    /// The store accepted the 督办 form of `id`: it closes.
    pub fn close_loop_form(&mut self, id: DirectiveId) {
        self.loop_rows.close_form(id);
    }

    /// The store accepted a register edit of `id`: its form closes.
    pub fn close_register_form(&mut self, id: DirectiveId) {
        self.register.close(id);
    }

    /// Every note typed and not stored, the shown directive's included.
    pub fn drafts(&self) -> BTreeMap<DirectiveId, NoteDraft> {
        self.note.drafts()
    }

    /// Brings back the notes typed before a restart.
    pub fn restore_drafts(&mut self, drafts: BTreeMap<DirectiveId, NoteDraft>) {
        self.note.restore(drafts);
    }

    fn sync(&mut self, detail: &DirectiveDetail) {
        if self.shown != Some(detail.row.id) {
            let mut note = std::mem::take(&mut self.note);
            note.show(detail.row.id);
            let files = std::mem::take(&mut self.files);
            let loop_rows = std::mem::take(&mut self.loop_rows);
            let register = std::mem::take(&mut self.register);
            *self = DetailView {
                shown: Some(detail.row.id),
                note,
                scroll_to_top: true,
                files,
                loop_rows,
                register,
                ..DetailView::default()
            };
        }
        // Follow the stored values unless the officer is editing them.
        let stored = detail.row.offices_text();
        if self.offices_stored != stored {
            self.offices = stored.clone();
            self.offices_stored = stored;
        }
        self.deadline = detail.row.deadline;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        detail: Option<&DirectiveDetail>,
        cx: DetailContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let (today, due_soon_days, highlight) = (cx.today, cx.due_soon_days, cx.highlight);
        let Some(detail) = detail else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.weak("在列表中选择一条工作要求，查看全文、记录进展"));
            return;
        };
        self.sync(detail);
        let id = detail.row.id;
        let mut scroll = ScrollArea::vertical().auto_shrink(false);
        if std::mem::take(&mut self.scroll_to_top) {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll.show(ui, |ui| {
            ui.heading(format!("{}　{}", detail.row.number, detail.row.title));
            ui.horizontal_wrapped(|ui| {
                // A directive by hand names its source on the line below instead.
                if detail.row.source.is_none() {
                    ui.label(
                        RichText::new(detail.row.meeting.as_deref().unwrap_or(&detail.notice_title)).weak(),
                    );
                }
                cadence_ui(ui, detail.notice_id, cx.notice_cadence, cx.cadence, commands);
            });
            if cx.carried_over > 0 && !detail.row.status.is_finished() {
                let text = format!("已跨 {} 次会议仍未办结", cx.carried_over);
                ui.label(RichText::new(text).color(theme::DUE_SOON).strong());
            }
            self.register.origin_ui(ui, detail, commands);
            super::history::history_ui(ui, detail, commands);
            ui.add_space(6.0);

            ui.horizontal_wrapped(|ui| {
                ui.label("状态");
                for status in Status::ALL {
                    let current = detail.row.status == status;
                    let text = RichText::new(status.label()).color(if current {
                        theme::status_color(status)
                    } else {
                        ui.visuals().text_color()
                    });
                    if ui.selectable_label(current, text).clicked() && !current {
                        if super::close_confirm::needs_confirmation(detail, status) {
                            self.confirm_close = Some(id);
                        } else {
                            commands.push(Command::Edit(id, DirectiveEdit::Status(status)));
                        }
                    }
                }
            });
            if self.confirm_close == Some(id) && !super::close_confirm::confirm_ui(ui, detail, commands) {
                self.confirm_close = None;
            }

            ui.horizontal(|ui| {
                ui.label("完成时限");
                if optional_date_picker(ui, "detail-deadline", &mut self.deadline, today).changed() {
                    commands.push(Command::Edit(id, DirectiveEdit::Deadline(self.deadline)));
                }
                let urgency = detail.row.urgency(today, due_soon_days);
                let words = days_text(detail.row.deadline, detail.row.status, today);
                ui.label(
                    RichText::new(words)
                        .color(theme::urgency_color(urgency).unwrap_or(ui.visuals().text_color())),
                );
            });
            if let Some(phrase) = &detail.deadline_phrase {
                let how = if detail.deadline_inferred { "推断自" } else { "依据" };
                ui.label(RichText::new(format!("{how}“{phrase}”")).small().weak());
            }
            if let Some(r) = &detail.recurrence {
                ui.label(RichText::new(format!("周期要求：{r}")).small());
            }

            ui.horizontal(|ui| {
                let label = ui.label("责任单位");
                let edit = ui
                    .add(
                        TextEdit::singleline(&mut self.offices)
                            .desired_width((ui.available_width() - 90.0).clamp(100.0, 260.0))
                            .hint_text("用、分隔多个单位"),
                    )
                    .labelled_by(label.id);
                let changed = split_names(&self.offices) != detail.row.names_with(crate::model::Role::Lead);
                let save = ui.add_enabled(changed, egui::Button::new("保存单位"));
                if save.clicked()
                    || (changed && edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                {
                    commands.push(Command::Edit(id, DirectiveEdit::Offices(split_names(&self.offices))));
                }
            });
            if !detail.support_offices.is_empty() {
                ui.label(format!("配合单位：{}", detail.support_offices.join("、")));
            }
            ui.add_space(6.0);
            let rows_cx = RowsContext { today, cadence: cx.notice_cadence.or(cx.cadence) };
            self.loop_rows.ui(ui, detail, &rows_cx, commands);

            // The note form comes before the long text: on a small screen it is in view.
            ui.add_space(6.0);
            self.note.ui(ui, id, today, commands);
            ui.add_space(6.0);
            Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let font = egui::TextStyle::Body.resolve(ui.style());
                let mut job = crate::ui::widgets::highlighted(
                    &detail.row.text,
                    highlight,
                    font,
                    ui.visuals().text_color(),
                );
                job.wrap.max_width = ui.available_width();
                ui.label(job);
            });
            // A header does not wrap: a long section title would widen the pane, so it is cut.
            let source = format!("来源：{}", detail.section_title);
            let short: String = if source.chars().count() > 16 {
                source.chars().take(15).chain(['…']).collect()
            } else {
                source.clone()
            };
            // A 批示 or 交办 has no section of its own to show: its 来源 is named at the top.
            if detail.row.source.is_none() {
                egui::CollapsingHeader::new(short).id_salt("source").show(ui, |ui| {
                    ui.label(RichText::new(&source).weak());
                    ui.label(RichText::new(&detail.section_text).weak());
                });
            }

            ui.add_space(8.0);
            self.files.ui(ui, detail, &cx, commands);

            ui.add_space(8.0);
            ui.strong("进展");
            if detail.notes.is_empty() {
                ui.weak("尚无进展记录");
            }
            for note in &detail.notes {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format_date(note.on)).strong());
                    ui.label(RichText::new(&note.author).weak());
                    let files = detail.evidence.iter().filter(|e| e.note == Some(note.id)).count();
                    if files > 0 {
                        ui.label(RichText::new(format!("附材料 {files} 份")).small());
                    }
                    let add = ui.small_button("附材料…").on_hover_text("为这条进展添加佐证材料");
                    if add.clicked() {
                        self.files.pick_for_note(id, note.id, ui.ctx());
                    }
                });
                let font = egui::TextStyle::Body.resolve(ui.style());
                let mut job =
                    crate::ui::widgets::highlighted(&note.text, highlight, font, ui.visuals().text_color());
                job.wrap.max_width = ui.available_width();
                ui.label(job);
                ui.add_space(4.0);
            }

            egui::CollapsingHeader::new(format!("变更记录（{}）", detail.changes.len()))
                .id_salt("changes")
                .show(ui, |ui| {
                    for c in &detail.changes {
                        let change = match (&c.old_value, &c.new_value) {
                            (Some(old), Some(new)) => format!("{old} → {new}"),
                            (None, Some(new)) => new.clone(),
                            (Some(old), None) => format!("删除 {old}"),
                            (None, None) => String::new(),
                        };
                        ui.label(
                            RichText::new(format!(
                                "{} {} {}：{change}",
                                c.at.format("%Y-%m-%d %H:%M"),
                                c.author,
                                c.field
                            ))
                            .small(),
                        );
                    }
                });
            // Rare changes last: 新增 / 拆分 / 合并 / 删除 and their forms.
            ui.add_space(8.0);
            self.register.ui(ui, detail, cx.board, commands);
        });
    }
}

/// 反馈周期 of the directive's notice: the default from 设置, or its own (每周五前反馈 → 每7天).
fn cadence_ui(
    ui: &mut Ui,
    notice: crate::model::NoticeId,
    own: Option<i64>,
    default: Option<i64>,
    commands: &mut Vec<Command>,
) {
    let label = |days: Option<i64>| days.map_or_else(|| "不设".to_owned(), |d| format!("每{d}天"));
    let shown = match own {
        Some(d) => format!("每{d}天"),
        None => format!("{}（默认）", label(default)),
    };
    let mut chosen = own;
    let name = ui.label(RichText::new("反馈周期").small().weak());
    let response = egui::ComboBox::from_id_salt("notice-cadence")
        .selected_text(RichText::new(shown).small())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, format!("跟随设置（{}）", label(default)));
            for d in [3, 7, 14, 30] {
                ui.selectable_value(&mut chosen, Some(d), format!("每{d}天"));
            }
        })
        .response
        .labelled_by(name.id);
    response.on_hover_text("本通知各单位多久至少反馈一次，逾期即为逾期未反馈");
    if chosen != own {
        commands.push(Command::SetNoticeCadence(notice, chosen));
    }
}
