//! 工作要求列表 — the directives of the chosen office in a table. Rows have a fixed height so
//! only the visible ones are laid out (smooth with thousands of rows); titles wrap to two
//! lines, the full text is in the detail pane.

use chrono::NaiveDate;
use egui::{Align, FontId, Layout, RichText, Sense, Ui, vec2};
use egui_extras::{Column, TableBuilder};

use super::ViewContext;
use crate::model::short_meeting;
use crate::model::{DirectiveId, DirectiveRow, Urgency};
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
        commands: &mut Vec<Command>,
    ) {
        let ViewContext { board, today, due_soon_days, highlight } = *cx;
        if rows.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                if board.directives.is_empty() {
                    ui.label(RichText::new("还没有工作要求").size(18.0));
                    ui.label("点击上方“导入通知…”，粘贴或打开办公会议工作要求通知。");
                } else {
                    ui.label("这里没有工作要求。");
                }
            });
            return;
        }
        // Labels must not take the clicks that select a row.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("board")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(56.0))
            .column(Column::initial(180.0).at_least(140.0).clip(true))
            .column(Column::initial(120.0).at_least(90.0).clip(true))
            .column(Column::initial(84.0).at_least(70.0))
            .column(Column::initial(76.0).at_least(64.0))
            .column(Column::initial(60.0).at_least(56.0))
            .column(Column::exact(40.0))
            .column(Column::remainder().at_least(100.0).clip(true));
        if self.scroll_to_selected
            && let Some(pos) = rows.iter().position(|i| Some(board.directives[*i].id) == selected)
        {
            table = table.scroll_to_row(pos, None);
            self.scroll_to_selected = false;
        }
        table
            .header(26.0, |mut header| {
                for title in ["编号", "工作要求", "责任单位", "完成时限", "剩余", "状态", "材料", "最新进展"]
                {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let d = &board.directives[rows[row.index()]];
                    row.set_selected(Some(d.id) == selected);
                    let urgency = d.urgency(today, due_soon_days);
                    cells(&mut row, d, urgency, today, highlight, board.notices.len() > 1);
                    if row.response().clicked() {
                        commands.push(Command::SelectDirective(d.id));
                    }
                });
            });
    }
}

fn cells(
    row: &mut egui_extras::TableRow,
    d: &DirectiveRow,
    urgency: Urgency,
    today: NaiveDate,
    highlight: &[&str],
    show_meeting: bool,
) {
    let accent = theme::urgency_color(urgency);
    row.col(|ui| {
        // A coloured edge marks the row's urgency.
        if let Some(fill) = accent {
            let r = ui.max_rect();
            ui.painter().rect_filled(egui::Rect::from_min_size(r.min, vec2(4.0, r.height())), 0.0, fill);
        }
        ui.add_space(8.0);
        // With several meetings on the board, 一.1 alone is ambiguous: say which meeting.
        match d.meeting.as_deref().and_then(short_meeting).filter(|_| show_meeting) {
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
    });
    row.col(|ui| {
        wrapped(ui, &d.title, highlight);
    });
    row.col(|ui| {
        wrapped(ui, &d.offices_text(), &[]);
    });
    row.col(|ui| {
        let text = d.deadline.map_or("无时限".to_owned(), |x| short_date(x, today));
        ui.label(RichText::new(text).color(accent.unwrap_or(ui.visuals().text_color())));
    });
    row.col(|ui| {
        let mut text = RichText::new(days_text(d.deadline, d.status, today));
        if let Some(c) = accent {
            text = text.color(c).strong();
        }
        ui.label(text);
    });
    row.col(|ui| {
        ui.label(RichText::new(d.status.label()).color(theme::status_color(d.status)));
    });
    row.col(|ui| {
        if d.evidence > 0 {
            ui.label(d.evidence.to_string()).on_hover_text(format!("{} 个材料", d.evidence));
        } else {
            ui.weak("—");
        }
    });
    row.col(|ui| match &d.last_progress {
        Some((on, text)) => {
            wrapped(ui, &format!("{}：{text}", short_date(*on, today)), highlight);
        }
        None => {
            ui.weak("—");
        }
    });
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
