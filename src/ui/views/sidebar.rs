//! 单位 — the roster in the left panel: 全部, 已逾期, then 机关处室 and 支队 (collapsible), each
//! office with its open count and badges: 逾N overdue (red), 急N due soon (amber), 催N to press
//! today (purple: past its deadline or silent beyond the feedback cadence).

use std::collections::HashMap;

use egui::{Align2, CollapsingHeader, FontId, Response, Sense, Ui, WidgetInfo, vec2};

use crate::model::{Board, BoardFilter, OfficeCounts, OfficeGroup, OfficeId};
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Default)]
pub struct Sidebar;

impl Sidebar {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        board: &Board,
        counts: &HashMap<Option<OfficeId>, OfficeCounts>,
        press: &HashMap<OfficeId, usize>,
        selected: Option<BoardFilter>,
        commands: &mut Vec<Command>,
    ) {
        if row(ui, "总览", None, selected.is_none()).clicked() {
            commands.push(Command::ShowOverview);
        }
        let selected = |f: BoardFilter| selected == Some(f);
        let all = counts.get(&None).copied().unwrap_or_default();
        if row(ui, "全部", Some(all), selected(BoardFilter::All)).clicked() {
            commands.push(Command::SetFilter(BoardFilter::All));
        }
        let overdue = OfficeCounts { open: all.overdue, overdue: 0, due_soon: 0 };
        if row(ui, "已逾期", Some(overdue), selected(BoardFilter::Overdue)).clicked() {
            commands.push(Command::SetFilter(BoardFilter::Overdue));
        }
        ui.separator();
        for group in [OfficeGroup::Hq, OfficeGroup::Detachment] {
            let members: Vec<_> = board.offices_in(group).collect();
            CollapsingHeader::new(format!("{}（{}）", group.label(), members.len()))
                .id_salt(group.as_db())
                .default_open(true)
                .show(ui, |ui| {
                    if members.is_empty() {
                        ui.weak("导入通知后，通知中的单位会列在这里");
                    }
                    for office in members {
                        let selected = selected(BoardFilter::Office(office.id));
                        let c = Some(counts.get(&Some(office.id)).copied().unwrap_or_default());
                        let p = press.get(&office.id).copied().unwrap_or(0);
                        if row_pressed(ui, &office.name, c, p, selected).clicked() {
                            commands.push(Command::SetFilter(BoardFilter::Office(office.id)));
                        }
                    }
                });
        }
    }
}

fn row(ui: &mut Ui, name: &str, counts: Option<OfficeCounts>, selected: bool) -> Response {
    row_pressed(ui, name, counts, 0, selected)
}

/// One clickable roster line: the name left, the badges and open count right. Its accessible
/// name is the office name alone.
fn row_pressed(
    ui: &mut Ui,
    name: &str,
    counts: Option<OfficeCounts>,
    press: usize,
    selected: bool,
) -> Response {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let painter = ui.painter();
        if selected {
            painter.rect_filled(rect, 4.0, visuals.selection.bg_fill);
        } else if response.hovered() {
            painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let font = FontId::proportional(15.0);
        let text_color = if selected { visuals.selection.stroke.color } else { visuals.text_color() };
        // Counts first; the name takes what is left, ending in … on a narrow sidebar.
        let right = counts.map_or(rect.right(), |c| draw_counts(ui, rect, c, press, text_color));
        let mut job = egui::text::LayoutJob::simple_singleline(name.to_owned(), font, text_color);
        job.wrap = egui::text::TextWrapping {
            max_width: (right - rect.left() - 8.0).max(16.0),
            max_rows: 1,
            break_anywhere: true,
            overflow_character: Some('…'),
        };
        let galley = painter.layout_job(job);
        let top = rect.center().y - galley.size().y / 2.0;
        painter.galley(egui::pos2(rect.left() + 6.0, top), galley, text_color);
    }
    response.on_hover_text(match counts {
        Some(c) => format!(
            "{name}：未办结 {} 条，逾期 {} 条，即将到期 {} 条，今日待催办 {press} 条",
            c.open, c.overdue, c.due_soon
        ),
        None => format!("{name}：逾期、即将到期和各单位完成情况"),
    })
}

/// Width a name keeps before badges give way (four characters and the indent).
const NAME_ROOM: f32 = 70.0;

/// The open count at the right edge, with red 逾N and amber 急N badges before it; returns
/// where the leftmost of them begins.
fn draw_counts(ui: &Ui, rect: egui::Rect, c: OfficeCounts, press: usize, text_color: egui::Color32) -> f32 {
    let painter = ui.painter();
    let count_color = if c.open == 0 { ui.visuals().weak_text_color() } else { text_color };
    let right_center = egui::pos2(rect.right() - 6.0, rect.center().y);
    let font = FontId::proportional(15.0);
    let open = painter.text(right_center, Align2::RIGHT_CENTER, c.open.to_string(), font, count_color);
    let mut right = open.left() - 6.0;
    let badges =
        [(c.overdue, theme::OVERDUE, "逾"), (c.due_soon, theme::DUE_SOON, "急"), (press, theme::PRESS, "催")];
    let mut shown: Vec<_> = badges
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, fill, label)| {
            let galley = painter.layout_no_wrap(
                format!("{label}{n}"),
                FontId::proportional(12.0),
                egui::Color32::WHITE,
            );
            (galley, fill)
        })
        .collect();
    // A narrow sidebar keeps room for the name: 催 gives way first, then 急 (the tooltip and the
    // overview still say them); 逾 always stays.
    let width = |b: &[(std::sync::Arc<egui::Galley>, egui::Color32)]| -> f32 {
        b.iter().map(|(g, _)| g.size().x + 14.0).sum()
    };
    while shown.len() > 1 && right - width(&shown) - rect.left() < NAME_ROOM {
        shown.pop();
    }
    for (galley, fill) in shown {
        let badge = egui::Rect::from_center_size(
            egui::pos2(right - galley.size().x / 2.0 - 5.0, rect.center().y),
            galley.size() + vec2(10.0, 2.0),
        );
        painter.rect_filled(badge, 8.0, fill);
        painter.galley(badge.center() - galley.size() / 2.0, galley, egui::Color32::WHITE);
        right = badge.left() - 4.0;
    }
    right
}
