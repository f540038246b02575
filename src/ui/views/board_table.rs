//! 工作要求列表 — the directives of the chosen office in a table. Rows have a fixed height so
//! only the visible ones are laid out (smooth with thousands of rows); titles wrap to two
//! lines, the full text is in the detail pane.

use chrono::NaiveDate;
use egui::{Align, FontId, Layout, RichText, Sense, Ui, vec2};
use egui_extras::TableBuilder;

use super::columns::Col;
use super::{Sort, ViewContext};
use crate::model::short_meeting;
use crate::model::{DirectiveId, DirectiveRow, LoopState, Urgency};
use crate::ui::command::Command;
use crate::ui::format::{days_text, short_date};
use crate::ui::theme;
use crate::ui::widgets::highlighted;

const ROW_HEIGHT: f32 = 46.0;

#[derive(Default)]
pub struct BoardTable {
    /// Scroll the selected row into view on the next frame (after keyboard moves).
    pub scroll_to_selected: bool,
}

impl BoardTable {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewContext,
        rows: &[usize],
        selected: Option<DirectiveId>,
        sort: Option<Sort>,
        commands: &mut Vec<Command>,
    ) {
        let ViewContext { board, today, due_soon_days, highlight, .. } = *cx;
        if rows.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                if !cx.loaded {
                    ui.spinner();
                    ui.label(RichText::new("正在载入…").size(18.0));
                } else if board.directives.is_empty() {
                    ui.label(RichText::new("还没有工作要求").size(18.0));
                    ui.label("粘贴或打开办公会议工作要求通知，督办台会逐条列出各单位的工作要求。");
                    if ui.button(RichText::new("导入通知…").size(16.0)).clicked() {
                        commands.push(Command::Open(crate::ui::command::Dialog::Import));
                    }
                } else if let Some(query) = cx.search.filter(|q| !q.trim().is_empty()) {
                    ui.label(RichText::new(format!("没有找到包含“{}”的工作要求", query.trim())).size(16.0));
                    ui.label("可换一个词，或按 Esc 清除搜索；搜索范围包括工作要求、进展和材料名称。");
                } else {
                    ui.label("这里没有工作要求。");
                }
            });
            return;
        }
        // Labels must not take the clicks that select a row.
        ui.style_mut().interaction.selectable_labels = false;
        let width = ui.available_width();
        let columns = Col::plan(width);
        // With room to spare the side columns start generous; on a tight pane at their least,
        // so the title takes what is left and nothing needs the sideways scrollbar.
        let roomy = width >= Col::needs(&columns) + 160.0;
        let show_meeting = board.notices.len() > 1;
        // When even the narrowest plan is wider than the pane, the table scrolls sideways.
        egui::ScrollArea::horizontal().id_salt("board-x").show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(("board", columns.len()))
                .striped(true)
                .resizable(true)
                .sense(Sense::click())
                .cell_layout(Layout::left_to_right(Align::Center));
            for col in &columns {
                table = table.column(col.column(roomy));
            }
            if self.scroll_to_selected
                && let Some(pos) = rows.iter().position(|i| Some(board.directives[*i].id) == selected)
            {
                table = table.scroll_to_row(pos, None);
                self.scroll_to_selected = false;
            }
            table
                .header(26.0, |mut header| {
                    for col in &columns {
                        header.col(|ui| {
                            // The accessible name is the column's title; the arrow says the order.
                            let arrow = sort.filter(|s| s.col.same_key(*col)).map_or("", |s| s.arrow());
                            let label =
                                egui::Label::new(RichText::new(format!("{}{arrow}", col.title())).strong())
                                    .truncate()
                                    .sense(Sense::click());
                            let response =
                                ui.add(label).on_hover_text("点击排序，再点反向，第三次恢复原顺序");
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, col.title())
                            });
                            if response.clicked() {
                                commands.push(Command::SortBy(*col));
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                        let d = &board.directives[rows[row.index()]];
                        row.set_selected(Some(d.id) == selected);
                        let cx = RowContext {
                            urgency: d.urgency(today, due_soon_days),
                            today,
                            highlight,
                            show_meeting,
                            office: cx.office,
                        };
                        for col in &columns {
                            row.col(|ui| cell(ui, *col, d, &cx));
                        }
                        if row.response().clicked() {
                            commands.push(Command::SelectDirective(d.id));
                        }
                    });
                });
        });
    }
}

/// The state the 状态 column shows: with an office chosen, that office's own (未反馈, 推进中,
/// 申请办结, 已办结) — unless the officer has marked the whole directive 已完成 or 销号; else the
/// directive's status, or 部分完成 / 待审核 where its offices say so.
fn shown_state(d: &DirectiveRow, office: Option<crate::model::OfficeId>) -> (&'static str, egui::Color32) {
    if let Some(a) = office.and_then(|o| d.assignment(o)).filter(|_| !d.status.is_finished()) {
        return (a.track.state.label(), super::office_rows::state_color(a.track.state));
    }
    let derived = d.loop_state();
    match derived {
        LoopState::PartlyFinished | LoopState::AwaitingReview
            if d.status == crate::model::Status::InProgress =>
        {
            (derived.label(), theme::status_color(d.status))
        }
        _ => (d.status.label(), theme::status_color(d.status)),
    }
}

struct RowContext<'a> {
    urgency: Urgency,
    today: NaiveDate,
    highlight: &'a [&'a str],
    show_meeting: bool,
    office: Option<crate::model::OfficeId>,
}

fn cell(ui: &mut Ui, col: Col, d: &DirectiveRow, cx: &RowContext) {
    let accent = theme::urgency_color(cx.urgency);
    let today = cx.today;
    match col {
        Col::Number => {
            // A coloured edge marks the row's urgency.
            if let Some(fill) = accent {
                let r = ui.max_rect();
                ui.painter().rect_filled(egui::Rect::from_min_size(r.min, vec2(4.0, r.height())), 0.0, fill);
            }
            ui.add_space(8.0);
            // With several meetings on the board, 一.1 alone is ambiguous: say which meeting;
            // a directive entered by hand is numbered 批示 / 交办 and needs no tag.
            let tag = match &d.source {
                Some(_) => None,
                None => d.meeting.as_deref().and_then(short_meeting).filter(|_| cx.show_meeting),
            };
            match tag {
                Some(meeting) => {
                    ui.vertical(|ui| {
                        ui.label(&d.number);
                        ui.label(RichText::new(meeting).small().weak());
                    });
                }
                None => {
                    ui.label(&d.number);
                }
            }
        }
        Col::Title => {
            wrapped(ui, &d.title, cx.highlight);
        }
        Col::Offices => {
            wrapped(ui, &d.offices_text(), &[]);
        }
        Col::Deadline => {
            let text = d.deadline.map_or("无时限".to_owned(), |x| short_date(x, today));
            ui.label(RichText::new(text).color(accent.unwrap_or(ui.visuals().text_color())));
        }
        Col::Left => {
            let mut text = RichText::new(days_text(d.deadline, d.status, today));
            if let Some(c) = accent {
                text = text.color(c).strong();
            }
            ui.label(text);
        }
        Col::DeadlineAndLeft => {
            ui.vertical(|ui| {
                let color = accent.unwrap_or(ui.visuals().text_color());
                let date = d.deadline.map_or("无时限".to_owned(), |x| short_date(x, today));
                ui.add(egui::Label::new(RichText::new(date).color(color)).truncate());
                let left = days_text(d.deadline, d.status, today);
                ui.add(egui::Label::new(RichText::new(left).small().color(color)).truncate());
            });
        }
        Col::Status => {
            let (label, color) = shown_state(d, cx.office);
            ui.add(egui::Label::new(RichText::new(label).color(color)).truncate());
        }
        Col::Files => {
            if d.evidence > 0 {
                ui.label(d.evidence.to_string()).on_hover_text(format!("{} 个材料", d.evidence));
            } else {
                ui.weak("—");
            }
        }
        Col::Latest => match d.latest() {
            Some(crate::model::Latest::Note { on, text }) => {
                wrapped(ui, &format!("{}：{text}", short_date(on, today)), cx.highlight);
            }
            Some(crate::model::Latest::Office { line, .. }) => {
                wrapped(ui, &line, cx.highlight);
            }
            None => {
                ui.weak("—");
            }
        },
    }
}

/// A label of at most two lines, ending in … when cut, with the search words marked.
/// Chinese wraps between any characters.
fn wrapped(ui: &mut Ui, text: &str, highlight: &[&str]) -> egui::Response {
    let mut job = highlighted(text, highlight, FontId::proportional(14.0), ui.visuals().text_color());
    job.wrap.max_width = ui.available_width();
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    ui.add(egui::Label::new(job).wrap()).on_hover_text(text)
}
