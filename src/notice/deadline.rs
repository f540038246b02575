//! 完成时限 — deadlines from the words of a notice, relative to its issue date.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

use crate::model::DeadlineDraft;

/// One deadline pattern: the regex and how its match becomes a date.
struct Rule {
    re: Regex,
    resolve: fn(&regex::Captures, NaiveDate) -> Option<NaiveDate>,
}

fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

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
fn upcoming(year: i32, month: u32, day: u32, issued: NaiveDate) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    if date < issued { NaiveDate::from_ymd_opt(year + 1, month, day) } else { Some(date) }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rule = |re: &str, resolve| Rule { re: Regex::new(re).expect("deadline regex"), resolve };
    vec![
        rule(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前|以前|为止)", |c, _| {
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, num(c, 2)?, num(c, 3)?)
        }),
        rule(r"(\d{4})年(\d{1,2})月(?:底|末)(?:前|之前)?", |c, _| {
            month_end(c[1].parse().ok()?, num(c, 2)?)
        }),
        rule(r"(\d{1,2})月(\d{1,2})日(?:前|之前|以前|为止)", |c, issued| {
            upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued)
        }),
        rule(r"(\d{1,2})月(?:底|末)(?:前|之前)?", |c, issued| {
            let end = month_end(issued.year(), num(c, 1)?)?;
            if end < issued { month_end(issued.year() + 1, num(c, 1)?) } else { Some(end) }
        }),
        rule(r"(?:今年|年)(?:底|末|内)(?:前|之前)?", |_, issued| month_end(issued.year(), 12)),
        rule(r"上半年", |_, issued| month_end(issued.year(), 6)),
        rule(r"本周(?:内)?", |_, issued| Some(week_end(issued))),
        rule(r"(?:本月|月底)(?:底|内|前)?", |_, issued| month_end(issued.year(), issued.month())),
        rule(r"(?:第)?([一二三四])季度(?:末|底)?(?:前)?", |c, issued| {
            let q = "一二三四".chars().position(|q| c[1].starts_with(q))? as u32 + 1;
            month_end(issued.year(), q * 3)
        }),
    ]
});

static RECURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"每(?:周[一二三四五六日]?|月\d{1,2}日|月底|月|季度末?|季|半年|年)(?:前|之前)?")
        .expect("recurrence regex")
});

/// Deadline words that are not deadlines (slogans, dates of record).
const NOT_DEADLINES: [&str; 3] = ["截至", "截止到", "年底交账"];

/// The first deadline written in `text`, with the words it came from.
pub fn find_deadline(text: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    let best = RULES
        .iter()
        .filter_map(|rule| {
            rule.re.captures_iter(text).find_map(|c| {
                let m = c.get(0)?;
                let before = &text[..m.start()];
                let after = &text[m.start()..];
                if NOT_DEADLINES.iter().any(|w| before.ends_with(w) || after.starts_with(w)) {
                    return None;
                }
                Some((m.start(), (rule.resolve)(&c, issued)?, m.as_str()))
            })
        })
        .min_by_key(|(pos, _, _)| *pos)?;
    let (_, date, phrase) = best;
    Some(DeadlineDraft {
        date: Some(date),
        phrase: Some(phrase.to_owned()),
        inferred: false,
        recurrence: None,
    })
}

/// A recurring requirement (每月25日前, 每季度), kept as written.
pub fn find_recurrence(text: &str) -> Option<String> {
    RECURRENCE.find(text).map(|m| m.as_str().to_owned())
}

/// A deadline the preamble sets for the whole notice, e.g. `作为…本周工作重点` gives every
/// directive the end of that week. Marked inferred.
pub fn notice_default(preamble: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    const WEEK: [&str; 3] = ["本周工作重点", "本周重点工作", "本周内完成"];
    let phrase = WEEK.iter().find(|w| preamble.contains(**w))?;
    Some(DeadlineDraft {
        date: Some(week_end(issued)),
        phrase: Some((*phrase).to_owned()),
        inferred: true,
        recurrence: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn date_of(text: &str, issued: &str) -> Option<NaiveDate> {
        find_deadline(text, d(issued)).and_then(|dl| dl.date)
    }

    #[test]
    fn reads_the_usual_forms() {
        let issued = "2022-03-16";
        assert_eq!(date_of("确保年底交上合格答卷", issued), Some(d("2022-12-31")));
        assert_eq!(date_of("6月底前完成整改", issued), Some(d("2022-06-30")));
        assert_eq!(date_of("于2024年3月15日前上报", issued), Some(d("2024-03-15")));
        assert_eq!(date_of("9月20日前报送", issued), Some(d("2022-09-20")));
        assert_eq!(date_of("1月10日前报送", "2022-12-20"), Some(d("2023-01-10")));
        assert_eq!(date_of("本周内完成", issued), Some(d("2022-03-20")));
        assert_eq!(date_of("本月底前", issued), Some(d("2022-03-31")));
        assert_eq!(date_of("二季度末前完成", issued), Some(d("2022-06-30")));
        assert_eq!(date_of("持续加强监督执法", issued), None);
        assert_eq!(date_of("截至3月15日前", issued), None);
    }

    #[test]
    fn the_first_phrase_wins_and_is_kept() {
        let dl = find_deadline("6月底前摸排，年底前整改", d("2022-03-16")).unwrap();
        assert_eq!(dl.phrase.as_deref(), Some("6月底前"));
    }

    #[test]
    fn week_focus_in_the_preamble_is_an_inferred_week_end() {
        let dl = notice_default("作为机关各处室、各支队本周工作重点", d("2022-03-16")).unwrap();
        assert_eq!(dl.date, Some(d("2022-03-20")));
        assert!(dl.inferred);
        assert_eq!(week_end(d("2022-03-20")), d("2022-03-20"));
    }

    #[test]
    fn recurrences_are_kept_as_written() {
        assert_eq!(find_recurrence("每月25日前报送进展").as_deref(), Some("每月25日前"));
        assert_eq!(find_recurrence("每季度通报一次").as_deref(), Some("每季度"));
        assert_eq!(find_recurrence("年底前完成"), None);
    }
}
