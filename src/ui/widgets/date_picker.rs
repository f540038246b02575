//! 日期选择 — a date button that opens a calendar in Chinese (egui_extras' picker is English
//! and takes `jiff` dates; the model uses chrono).

use chrono::{Datelike, Months, NaiveDate};
use egui::{Id, Popup, PopupCloseBehavior, Response, RichText, Ui};

/// 2022年3月16日 — dates as officers write them.
pub fn format_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A date field. Returns the button's response, `changed()` when a day was picked.
pub fn date_picker(ui: &mut Ui, id_salt: &str, date: &mut NaiveDate, today: NaiveDate) -> Response {
    let mut value = Some(*date);
    let response = picker(ui, id_salt, &mut value, today, false);
    if let Some(v) = value {
        *date = v;
    }
    response
}

/// A date field that may be empty (无时限), with a 清除 button in the calendar.
pub fn optional_date_picker(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    today: NaiveDate,
) -> Response {
    picker(ui, id_salt, date, today, true)
}

fn picker(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    today: NaiveDate,
    clearable: bool,
) -> Response {
    let text = date.map_or("无时限".to_owned(), format_date);
    let mut response = ui.button(text).on_hover_text("选择日期");
    let month_id = Id::unique((id_salt, "shown-month"));
    if response.clicked() {
        let first = date.unwrap_or(today).with_day(1).unwrap_or(today);
        ui.data_mut(|d| d.insert_temp(month_id, first));
    }
    let mut changed = false;
    Popup::from_toggle_button_response(&response)
        .id(Id::unique((id_salt, "calendar")))
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month: NaiveDate =
                ui.data(|d| d.get_temp(month_id)).unwrap_or_else(|| today.with_day(1).unwrap_or(today));
            ui.horizontal(|ui| {
                if ui.button("上月").clicked() {
                    month = month.checked_sub_months(Months::new(1)).unwrap_or(month);
                }
                ui.label(RichText::new(format!("{}年{}月", month.year(), month.month())).strong());
                if ui.button("下月").clicked() {
                    month = month.checked_add_months(Months::new(1)).unwrap_or(month);
                }
            });
            if let Some(picked) = month_grid(ui, month, *date, today) {
                *date = Some(picked);
                changed = true;
            }
            ui.horizontal(|ui| {
                if ui.button("今天").clicked() {
                    *date = Some(today);
                    changed = true;
                }
                if clearable && ui.button("清除").clicked() {
                    *date = None;
                    changed = true;
                }
            });
            ui.data_mut(|d| d.insert_temp(month_id, month));
            if changed {
                ui.close();
            }
        });
    if changed {
        response.mark_changed();
    }
    response
}

/// The days of `month` under 一 … 日 headings; returns a clicked day.
fn month_grid(
    ui: &mut Ui,
    month: NaiveDate,
    selected: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let mut picked = None;
    egui::Grid::new(("month-grid", month)).spacing([2.0, 2.0]).show(ui, |ui| {
        for name in ["一", "二", "三", "四", "五", "六", "日"] {
            ui.label(RichText::new(name).weak());
        }
        ui.end_row();
        let lead = month.weekday().num_days_from_monday();
        for _ in 0..lead {
            ui.label("");
        }
        let mut column = lead;
        let mut day = month;
        while day.month() == month.month() {
            let mut text = RichText::new(format!("{:>2}", day.day()));
            if day == today {
                text = text.underline();
            }
            if ui.selectable_label(Some(day) == selected, text).clicked() {
                picked = Some(day);
            }
            column += 1;
            if column == 7 {
                ui.end_row();
                column = 0;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    });
    picked
}
