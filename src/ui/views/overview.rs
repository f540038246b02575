//! 总览 — the start screen: totals, completion per meeting and per office as bars readable
//! across the room, and what needs attention office by office, each item one click from its
//! directive.

use chrono::NaiveDate;
use egui::{Color32, RichText, ScrollArea, Sense, Ui, vec2};

use super::ViewContext;
use crate::model::{NoticeId, Urgency};
use crate::model::{Overview, Totals};
use crate::ui::command::Command;
use crate::ui::format::short_date;
use crate::ui::theme;

/// Bars take this share of the pane, within these bounds (a narrow laptop pane still fits).
const BAR_SHARE: f32 = 0.35;
const BAR_WIDTH: std::ops::RangeInclusive<f32> = 100.0..=280.0;
const BAR_HEIGHT: f32 = 18.0;
/// 未到期: 未开始 or 推进中, and not late.
const OPEN: Color32 = Color32::from_rgb(0x64, 0x95, 0xED);

/// 各次会议完成情况 lists this many meetings, newest first, until the officer asks for all: a
/// register of years holds over a thousand, and laying each out every frame costs memory and time.
const MEETINGS_SHOWN: usize = 10;

/// 总览's own state: the meeting whose per-office completion is shown (`None`: all meetings),
/// and whether every meeting is listed.
#[derive(Default)]
pub struct OverviewView {
    meeting: Option<NoticeId>,
    all_meetings: bool,
}

impl OverviewView {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        (o, loop_figures): (&Overview, &super::LoopOverview),
        cx: &ViewContext,
        next_meeting: Option<NaiveDate>,
        commands: &mut Vec<Command>,
    ) {
        // Until the first data arrives nothing is empty, it is loading: zeros would read as lost data.
        if !cx.loaded {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new("正在载入…").size(18.0));
            });
            return;
        }
        overview_ui(ui, (o, loop_figures, cx), next_meeting, self, commands);
    }
}

fn overview_ui(
    ui: &mut Ui,
    (o, loop_figures, cx): (&Overview, &super::LoopOverview, &ViewContext),
    next_meeting: Option<NaiveDate>,
    view: &mut OverviewView,
    commands: &mut Vec<Command>,
) {
    let (board, today) = (cx.board, cx.today);
    let OverviewView { meeting, all_meetings } = view;
    let bar_width = (ui.available_width() * BAR_SHARE).clamp(*BAR_WIDTH.start(), *BAR_WIDTH.end());
    ScrollArea::vertical().id_salt("overview").auto_shrink(false).show(ui, |ui| {
        if let Some(meeting) = next_meeting.filter(|m| *m >= today) {
            let days = (meeting - today).num_days();
            let open = o.totals.directives - o.totals.done;
            let when = if days == 0 { "今天".to_owned() } else { format!("还有 {days} 天") };
            let text = format!(
                "下次办公会议：{}（{when}），需汇报未办结工作要求 {open} 项",
                short_date(meeting, today)
            );
            ui.label(RichText::new(text).strong());
        }
        let t = &o.totals;
        let tiles = [
            ("未办结", (t.directives - t.done).to_string(), None),
            ("已逾期", t.overdue.to_string(), Some(theme::OVERDUE)),
            ("即将到期", o.due_soon.to_string(), Some(theme::DUE_SOON)),
            ("已完成", t.done.to_string(), Some(theme::FINISHED)),
            ("完成率", t.completion_percent(), None),
        ];
        // As many tiles a row as the pane holds (a frame's size is known only once drawn, so
        // egui's wrapping layout cannot do this).
        let spacing = ui.spacing().item_spacing.x;
        let per_row =
            (((ui.available_width() + spacing) / (TILE_WIDTH + spacing)) as usize).clamp(1, tiles.len());
        for chunk in tiles.chunks(per_row) {
            ui.horizontal(|ui| {
                for (label, value, color) in chunk {
                    tile(ui, label, value, *color);
                }
            });
        }
        ui.add_space(10.0);
        if o.meetings.is_empty() {
            ui.label("还没有导入通知。点击“导入通知…”开始。");
            return;
        }
        ui.heading("各次会议完成情况");
        let listed = if *all_meetings { o.meetings.len() } else { MEETINGS_SHOWN.min(o.meetings.len()) };
        let meetings = &o.meetings[..listed];
        // A meeting's name is long: the bar gives way so the figures beside it never wrap
        // one character a line (a laptop at 150 % has ~680 points here).
        let labels: Vec<String> = meetings
            .iter()
            .map(|m| format!("{}（{}印发）", m.label, short_date(m.issued_on, today)))
            .collect();
        let widest = labels
            .iter()
            .map(|l| {
                egui::WidgetText::from(l.as_str())
                    .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Button)
                    .size()
                    .x
            })
            .fold(0.0, f32::max);
        // Too narrow for name, bar and figures side by side: the name above, bar and figures below.
        let stacked = ui.available_width() < widest + 2.0 * 16.0 + MEETING_BAR_MIN + MEETING_FIGURES_WIDTH;
        let meeting_bar = if stacked {
            bar_width
        } else {
            (ui.available_width() - widest - 2.0 * 16.0 - MEETING_FIGURES_WIDTH)
                .clamp(MEETING_BAR_MIN, bar_width.max(MEETING_BAR_MIN))
        };
        let mut meeting_row = |ui: &mut Ui, m: &crate::model::MeetingStat, label: String| {
            let chosen = *meeting == Some(m.notice);
            let row = ui.selectable_label(chosen, label).on_hover_text("点击查看这次会议各单位的完成情况");
            if row.clicked() {
                *meeting = if chosen { None } else { Some(m.notice) };
            }
        };
        let figures = |ui: &mut Ui, m: &crate::model::MeetingStat| {
            bar(ui, &m.totals, meeting_bar);
            let t = &m.totals;
            let open = t.directives - t.done;
            ui.vertical(|ui| {
                let done = format!("{}/{} · {}", t.done, t.directives, t.completion_percent());
                ui.add(egui::Label::new(done).extend());
                if m.carried_over > 0 && open > 0 {
                    let carried = format!("未办结 {open} 项已跨 {} 次会议", m.carried_over);
                    ui.add(egui::Label::new(RichText::new(carried).small().color(theme::DUE_SOON)).extend());
                }
            });
        };
        if stacked {
            for (m, label) in meetings.iter().zip(labels) {
                meeting_row(ui, m, label);
                ui.horizontal(|ui| figures(ui, m));
                ui.add_space(4.0);
            }
        } else {
            egui::Grid::new("meetings").num_columns(3).spacing([16.0, 6.0]).show(ui, |ui| {
                for (m, label) in meetings.iter().zip(labels) {
                    meeting_row(ui, m, label);
                    figures(ui, m);
                    ui.end_row();
                }
            });
        }
        if o.meetings.len() > MEETINGS_SHOWN {
            let words = if *all_meetings {
                format!("只显示最近 {MEETINGS_SHOWN} 次会议")
            } else {
                format!("显示全部 {} 次会议…", o.meetings.len())
            };
            if ui.link(words).clicked() {
                *all_meetings = !*all_meetings;
            }
        }
        ui.add_space(10.0);
        let shown = meeting.and_then(|id| o.meetings.iter().find(|m| m.notice == id));
        ui.horizontal(|ui| {
            ui.heading("各单位完成情况");
            match shown {
                Some(m) => {
                    ui.label(RichText::new(format!("（{}）", m.label)).strong());
                    if ui.small_button("全部会议").clicked() {
                        *meeting = None;
                    }
                }
                None => {
                    ui.label(RichText::new("（全部会议）").weak());
                }
            }
        });
        legend(ui);
        // The chosen meeting's figures, counted over its ~60 directives as it is drawn.
        let chosen = shown.map(|m| {
            crate::model::Overview::meeting_offices(board, cx.index, m.notice, today, cx.due_soon_days)
        });
        let offices = chosen.as_ref().unwrap_or(&o.offices);
        egui::Grid::new("offices").num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
            for s in offices {
                ui.label(&s.name);
                bar(ui, &s.totals, bar_width);
                let late = if s.totals.overdue > 0 {
                    format!("，逾期{}", s.totals.overdue)
                } else {
                    String::new()
                };
                ui.label(format!("完成{}/{}{late}", s.totals.done, s.totals.directives));
                ui.end_row();
            }
        });
        ui.add_space(10.0);
        super::loop_overview::reminders_ui(ui, loop_figures, board, commands);
        ui.add_space(10.0);
        super::loop_overview::figures_ui(ui, loop_figures);
        ui.add_space(10.0);
        ui.heading("需要关注");
        if o.attention.is_empty() {
            ui.label(RichText::new("没有逾期或即将到期的工作要求。").color(theme::FINISHED));
        }
        for group in &o.attention {
            let (office_id, office) = (&group.office, &group.name);
            ui.label(RichText::new(office).strong());
            for item in &group.items {
                ui.horizontal(|ui| {
                    ui.add_space(16.0);
                    let (words, color) = if item.urgency == Urgency::Overdue {
                        (format!("逾期{}天", -item.days_left), theme::OVERDUE)
                    } else if item.days_left == 0 {
                        ("今天到期".to_owned(), theme::DUE_SOON)
                    } else {
                        (format!("剩{}天", item.days_left), theme::DUE_SOON)
                    };
                    ui.label(RichText::new(words).color(color).strong());
                    if ui.link(format!("{} {}", item.number, item.title)).clicked() {
                        commands.push(Command::OpenDirective(item.id));
                    }
                });
            }
            if group.total > group.items.len() {
                ui.horizontal(|ui| {
                    ui.add_space(16.0);
                    let more = format!("查看{office}全部 {} 条…", group.total);
                    if ui.link(more).clicked() {
                        commands.push(Command::SetFilter(crate::model::BoardFilter::Office(*office_id)));
                    }
                });
            }
        }
    });
}

/// Room kept right of a meeting's bar for its figures (2/16 · 12.5%, 未办结 N 项已跨 N 次会议).
const MEETING_FIGURES_WIDTH: f32 = 150.0;
/// The narrowest a meeting's bar gets.
const MEETING_BAR_MIN: f32 = 60.0;

/// A big number with its label, coloured by what it counts.
/// A tile's outer width: its content and its frame's margins.
const TILE_WIDTH: f32 = 110.0 + 2.0 * 10.0 + 2.0;

fn tile(ui: &mut Ui, label: &str, value: &str, color: Option<Color32>) {
    let color = color.unwrap_or_else(|| ui.visuals().text_color());
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(110.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(label).weak());
            ui.label(RichText::new(value).size(28.0).color(color).strong());
        });
    });
}

/// A stacked bar: done (green), open on time (blue), overdue (red).
fn bar(ui: &mut Ui, t: &Totals, width: f32) {
    let (rect, response) = ui.allocate_exact_size(vec2(width, BAR_HEIGHT), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
    let total = t.directives.max(1) as f32;
    let open = t.directives - t.done - t.overdue;
    let mut x = rect.left();
    for (n, color) in [(t.done, theme::FINISHED), (open, OPEN), (t.overdue, theme::OVERDUE)] {
        let w = width * n as f32 / total;
        if w > 0.0 {
            painter.rect_filled(
                egui::Rect::from_min_size(egui::pos2(x, rect.top()), vec2(w, BAR_HEIGHT)),
                0.0,
                color,
            );
            x += w;
        }
    }
    response
        .on_hover_text(format!("已完成 {}，未到期 {open}（未开始或推进中），已逾期 {}", t.done, t.overdue));
}

fn legend(ui: &mut Ui) {
    ui.horizontal(|ui| {
        for (label, color) in [("已完成", theme::FINISHED), ("未到期", OPEN), ("已逾期", theme::OVERDUE)]
        {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color);
            ui.label(RichText::new(label).small());
        }
    });
}
