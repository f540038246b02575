//! 日历 — the calendar a deadline is read against: a month's last day, a week's Sunday, a
//! month-day that has passed this year meaning next year's, a quarter's end, and the eve of the
//! next 春节 (from a table of its dates). Split from deadline.rs, which reads the words.

use chrono::{Datelike, Days, NaiveDate};

/// Last day of `month` in `year`.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Sunday of the week `day` falls in (weeks run Monday to Sunday).
pub fn week_end(day: NaiveDate) -> NaiveDate {
    let to_sunday = 6 - day.weekday().num_days_from_monday();
    day.checked_add_days(Days::new(u64::from(to_sunday))).unwrap_or(day)
}

/// A month-day without a year is in the notice's year, or the next if it has passed.
pub(super) fn upcoming(year: i32, month: u32, day: u32, issued: NaiveDate) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    if passed(date, issued) { NaiveDate::from_ymd_opt(year + 1, month, day) } else { Some(date) }
}

/// A date that has already passed in the notice's year means the next year's.
pub(super) fn roll(
    date: Option<NaiveDate>,
    issued: NaiveDate,
    next: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    match date {
        Some(d) if passed(d, issued) => next(issued.year() + 1),
        other => other,
    }
}

/// Whether `date` has passed by `issued`, a year ahead: not a day earlier in the same month
/// (7月28日前 in a page dated 7月29日 is that month's day, the page put up after its notice).
fn passed(date: NaiveDate, issued: NaiveDate) -> bool {
    date < issued && !(date.year() == issued.year() && date.month() == issued.month())
}

pub(super) fn quarter_end(q: &str, issued: NaiveDate) -> Option<NaiveDate> {
    let q = "一二三四".chars().position(|c| q.starts_with(c))? as u32 + 1;
    roll(month_end(issued.year(), q * 3), issued, |y| month_end(y, q * 3))
}

/// 春节 (正月初一) from 2000 to 2035: `春节前` is the day before the next one.
const SPRING_FESTIVALS: [(i32, u32, u32); 36] = [
    (2000, 2, 5),
    (2001, 1, 24),
    (2002, 2, 12),
    (2003, 2, 1),
    (2004, 1, 22),
    (2005, 2, 9),
    (2006, 1, 29),
    (2007, 2, 18),
    (2008, 2, 7),
    (2009, 1, 26),
    (2010, 2, 14),
    (2011, 2, 3),
    (2012, 1, 23),
    (2013, 2, 10),
    (2014, 1, 31),
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
];

/// The eve of the first 春节 after `issued`, if the table reaches it.
pub(super) fn spring_festival_eve(issued: NaiveDate) -> Option<NaiveDate> {
    SPRING_FESTIVALS
        .iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .find(|d| *d > issued)?
        .pred_opt()
}
