//! 总览 for 督办: 今日待催办 — the offices to press today (past their deadline, or silent longer
//! than the feedback cadence), each with the step to take and one click to its directive — and
//! 各单位督办指标, the figures every assessment counts (按期办结率, 平均办结天数, 未反馈, 逾期未反馈,
//! 延期, 退回), per office. Both come from the model's pure functions over the cached board.

use egui::{Grid, RichText, Ui};

use crate::model::{Board, FeedbackLateness, OfficeFigures, ReminderDue, ReminderReason};
use crate::ui::command::Command;
use crate::ui::theme;

/// At most this many reminders listed; the rest are counted.
const REMINDERS_SHOWN: usize = 12;

/// 督办 figures computed for the overview: 今日待催办 with each board change, the figures per
/// office while shown (ui/app/derive.rs).
#[derive(Debug, Clone, Default)]
pub struct LoopOverview {
    pub reminders: Vec<ReminderDue>,
    pub figures: Vec<OfficeFigures>,
}

pub fn reminders_ui(ui: &mut Ui, o: &LoopOverview, board: &Board, commands: &mut Vec<Command>) {
    ui.heading(format!("今日待催办（{}）", o.reminders.len()));
    if o.reminders.is_empty() {
        ui.weak("今天没有需要催办的单位。");
        return;
    }
    Grid::new("reminders").num_columns(3).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
        for r in o.reminders.iter().take(REMINDERS_SHOWN) {
            ui.label(RichText::new(&r.name).strong());
            let (why, color) = match r.reason {
                ReminderReason::Overdue { days } => (format!("逾期{days}天"), theme::OVERDUE),
                ReminderReason::LateFeedback(FeedbackLateness::VeryLate) => {
                    ("逾期未反馈".to_owned(), theme::OVERDUE)
                }
                ReminderReason::LateFeedback(_) => ("逾期未反馈".to_owned(), theme::DUE_SOON),
                ReminderReason::PeriodMissed { missed: 1, days } => {
                    (format!("本期未报送（逾期{days}天）"), theme::OVERDUE)
                }
                ReminderReason::PeriodMissed { missed, .. } => (format!("漏报{missed}期"), theme::OVERDUE),
            };
            ui.label(RichText::new(format!("{why} · 宜{}", r.next_step.label())).color(color));
            let title = board
                .directive(r.directive)
                .map_or_else(|| r.directive.to_string(), |d| format!("{} {}", d.number, d.title));
            if ui.link(title).on_hover_text("打开这条工作要求，在“各单位办理情况”中记录催办").clicked()
            {
                commands.push(Command::OpenDirective(r.directive));
            }
            ui.end_row();
        }
    });
    if o.reminders.len() > REMINDERS_SHOWN {
        ui.weak(format!("另有 {} 项", o.reminders.len() - REMINDERS_SHOWN));
    }
}

/// One office's figures on one line, above its table: 交办 7 · 已办结 1 · 按期办结率 50.0% · …
pub fn figures_line(f: &OfficeFigures) -> String {
    let rate = f.on_time_rate.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
    let days = f.avg_days.map_or("—".to_owned(), |d| format!("{d:.1}"));
    let missed =
        if f.missed_periods > 0 { format!("（含漏报{}期）", f.missed_periods) } else { String::new() };
    format!(
        "交办 {} · 已办结 {} · 按期办结率 {rate} · 平均办结天数 {days} · 未反馈 {}{missed} · 逾期未反馈 {} · 延期 {} · 退回 {}",
        f.assigned, f.finished, f.unreported, f.late_unreported, f.extensions, f.returns
    )
}

pub fn figures_ui(ui: &mut Ui, o: &LoopOverview) {
    ui.heading("各单位督办指标");
    if o.figures.is_empty() {
        ui.weak("导入通知后按单位统计。");
        return;
    }
    let percent = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
    let days = |d: Option<f64>| d.map_or("—".to_owned(), |d| format!("{d:.1}"));
    egui::ScrollArea::horizontal().id_salt("figures-x").show(ui, |ui| {
        Grid::new("office-figures").num_columns(9).spacing([14.0, 4.0]).striped(true).show(ui, |ui| {
            for head in [
                "单位",
                "交办",
                "已办结",
                "按期办结率",
                "平均办结天数",
                "未反馈",
                "逾期未反馈",
                "延期",
                "退回",
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for f in &o.figures {
                ui.label(&f.name);
                ui.label(f.assigned.to_string());
                ui.label(f.finished.to_string());
                ui.label(percent(f.on_time_rate));
                ui.label(days(f.avg_days));
                let warn = |n: usize| {
                    let text = RichText::new(n.to_string());
                    if n > 0 { text.color(theme::DUE_SOON) } else { text }
                };
                let unreported = ui.label(warn(f.unreported));
                if f.missed_periods > 0 {
                    unreported.on_hover_text(format!("含周期报送漏报{}期", f.missed_periods));
                }
                ui.label(warn(f.late_unreported));
                ui.label(f.extensions.to_string());
                ui.label(f.returns.to_string());
                ui.end_row();
            }
        });
    });
}
