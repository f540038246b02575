//! The parsed notice under review: the editable tree of sections and directives, with the
//! office lists as the officer types them. Nothing here is stored until 确认导入.

use chrono::NaiveDate;
use egui::{CollapsingHeader, Color32, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{DirectiveDraft, NoticeDraft};
use crate::notice::EncodingCandidate;
use crate::ui::format::split_names;
use crate::ui::theme;
use crate::ui::widgets::optional_date_picker;
use crate::ui::worker::{ContinuationOption, ParsedImport};

/// The draft under review, with the office lists as the officer types them.
pub struct Review {
    pub draft: NoticeDraft,
    pub source_text: String,
    pub encoding: Option<&'static str>,
    /// How else a text file could be read (the encoding override).
    pub candidates: Vec<EncodingCandidate>,
    /// 、-joined offices per directive, parallel to the draft's sections and directives.
    offices: Vec<Vec<String>>,
    /// 接续 options per directive, parallel likewise.
    continuations: Vec<Vec<Vec<ContinuationOption>>>,
    /// The same notice seems stored already (a warning, not a refusal).
    pub already_imported: Option<String>,
    /// Shown for the first time: the tree starts at its top (egui keeps a scroll area's offset
    /// by its id, so a second review would open where the first was left).
    fresh: bool,
}

impl Review {
    pub fn new(parsed: ParsedImport) -> Review {
        let offices = parsed
            .draft
            .sections
            .iter()
            .map(|s| s.directives.iter().map(|d| d.offices.join("、")).collect())
            .collect();
        Review {
            draft: parsed.draft,
            source_text: parsed.source_text,
            encoding: parsed.encoding,
            candidates: parsed.candidates,
            offices,
            continuations: parsed.continuations,
            already_imported: parsed.already_imported,
            fresh: true,
        }
    }

    /// The draft with the typed office lists applied.
    pub fn finished_draft(&self) -> NoticeDraft {
        let mut draft = self.draft.clone();
        for (section, offices) in draft.sections.iter_mut().zip(&self.offices) {
            for (d, typed) in section.directives.iter_mut().zip(offices) {
                d.offices = split_names(typed);
            }
        }
        draft
    }

    /// The editable tree: per directive its title, offices, deadline (each with the words it
    /// came from), full text, and 删除.
    pub fn tree_ui(&mut self, ui: &mut Ui, today: NaiveDate) {
        ui.separator();
        let mut remove: Option<(usize, usize)> = None;
        let mut tree = ScrollArea::vertical();
        if std::mem::take(&mut self.fresh) {
            tree = tree.vertical_scroll_offset(0.0);
        }
        tree.auto_shrink([false, true])
            .max_height(ui.ctx().content_rect().height() - 330.0)
            .id_salt("review-tree")
            .show(ui, |ui| {
                for (si, section) in self.draft.sections.iter_mut().enumerate() {
                    let heading =
                        format!("{}、{}（{} 条）", section.number, section.title, section.directives.len());
                    CollapsingHeader::new(RichText::new(heading).strong())
                        .id_salt(("sec", si))
                        .default_open(true)
                        .show(ui, |ui| {
                            for (di, d) in section.directives.iter_mut().enumerate() {
                                let offices = &mut self.offices[si][di];
                                let continuations = self
                                    .continuations
                                    .get(si)
                                    .and_then(|s| s.get(di))
                                    .map_or(&[][..], Vec::as_slice);
                                let removed = ui
                                    .push_id((si, di), |ui| {
                                        directive_ui(ui, d, offices, continuations, today)
                                    })
                                    .inner;
                                if removed {
                                    remove = Some((si, di));
                                }
                            }
                        });
                }
            });
        if let Some((si, di)) = remove {
            self.draft.sections[si].directives.remove(di);
            self.offices[si].remove(di);
            if let Some(continuations) = self.continuations.get_mut(si).filter(|l| di < l.len()) {
                continuations.remove(di);
            }
        }
    }
}

/// One directive in the review tree; true when 删除 was clicked.
fn directive_ui(
    ui: &mut Ui,
    d: &mut DirectiveDraft,
    offices: &mut String,
    continuations: &[ContinuationOption],
    today: NaiveDate,
) -> bool {
    let mut removed = false;
    if let Some(context) = &d.context {
        ui.label(RichText::new(context).small().weak());
    }
    ui.horizontal(|ui| {
        let number = ui.label(RichText::new(&d.number).strong());
        ui.add(TextEdit::singleline(&mut d.title).desired_width(300.0)).labelled_by(number.id);
        let label = ui.label("责任单位");
        // Long lists (各处室、各支队…) get the width the dialog has.
        let width = (ui.available_width() - 60.0).max(220.0);
        ui.add(TextEdit::singleline(offices).desired_width(width)).labelled_by(label.id);
        removed = ui.small_button("删除").on_hover_text("不导入这一条").clicked();
    });
    if !d.support_offices.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            ui.label(RichText::new(format!("配合单位：{}", d.support_offices.join("、"))).small());
        });
    }
    ui.horizontal(|ui| {
        ui.add_space(28.0);
        ui.label("完成时限");
        let before = d.deadline.date;
        optional_date_picker(ui, &format!("review-deadline-{}", d.number), &mut d.deadline.date, today);
        if d.deadline.date != before {
            d.deadline.inferred = false;
            d.deadline.phrase = None;
        }
        if let Some(phrase) = &d.deadline.phrase {
            let (tag, color) =
                if d.deadline.inferred { ("推断", theme::DUE_SOON) } else { ("原文", theme::FINISHED) };
            ui.label(RichText::new(format!("{tag}：{phrase}")).small().color(color));
        }
        if let Some(r) = &d.deadline.recurrence {
            ui.label(RichText::new(format!("周期：{r}")).small());
        }
        if d.deadline.date.is_some_and(|x| x < today) {
            ui.label(RichText::new("完成时限已早于今天").small().color(theme::OVERDUE).strong());
        }
    });
    if !continuations.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            let label = ui.label("接续");
            let chosen = continuations
                .iter()
                .find(|l| Some(l.id) == d.continues)
                .map_or("不接续（新的工作要求）", |l| l.label.as_str());
            egui::ComboBox::from_id_salt("continues")
                .selected_text(if d.continues.is_some() {
                    RichText::new(chosen).strong()
                } else {
                    RichText::new(chosen).color(Color32::GRAY)
                })
                .width(420.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut d.continues, None, "不接续（新的工作要求）");
                    for l in continuations {
                        ui.selectable_value(&mut d.continues, Some(l.id), &l.label);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("此前会议布置过的同一项工作：接续后，历次进展连在一起查看");
        });
    }
    if let Some(phrase) = &d.units_phrase {
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            ui.label(RichText::new(format!("单位依据：{phrase}")).small().color(theme::FINISHED));
        });
    }
    CollapsingHeader::new(RichText::new(preview(&d.text)).small().color(Color32::GRAY)).id_salt("text").show(
        ui,
        |ui| {
            ui.add(
                TextEdit::multiline(&mut d.text)
                    .desired_width(f32::INFINITY)
                    .desired_rows(3)
                    .hint_text("工作要求全文"),
            );
        },
    );
    ui.add_space(4.0);
    removed
}

/// The first 40 characters of a directive's text, for the collapsed line.
fn preview(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}
