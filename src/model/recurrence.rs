//! 周期报送规则 — what a recurrence the parser kept as words (每月25日前, 每季度末, 每半年,
//! 每周五前, 每年12月) means as a rule, and the reporting periods (报送期次) it makes: each with
//! its due date and the window a report must arrive in. Pure: the store keeps the rule as
//! `as_db()` text; the periods are computed from it (what is stored per period is whether it
//! was received, see store/periods.rs).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A recurrence as a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// 每月N日前 (`day` 1–31, clamped to the month's last day); 0 = 每月底 / 每月.
    Monthly { day: u32 },
    /// 每季度 / 每季度末: the quarter's last day.
    Quarterly,
    /// 每半年: 6月30日 and 12月31日.
    HalfYearly,
    /// 每周五前 (a weekday); 每周 alone: Friday, the last working day.
    Weekly { weekday: Weekday },
    /// 每年12月 (the month's last day); 每年 alone: 12月.
    Yearly { month: u32 },
}

/// One reporting period of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PeriodSpan {
    /// The first day a report counts for this period.
    pub starts: NaiveDate,
    /// 报送截止 — the last day.
    pub due: NaiveDate,
}

fn digits(s: &str) -> String {
    // Full-width digits (２５) read as ASCII ones.
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn chinese_number(s: &str) -> Option<u32> {
    let ascii = digits(s);
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let value = |c: char| DIGITS.iter().position(|d| *d == c).map(|n| n as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] => value(*c).or((*c == '十').then_some(10)),
        ['十', c] => Some(10 + value(*c)?),
        [a, '十'] => Some(value(*a)? * 10),
        [a, '十', c] => Some(value(*a)? * 10 + value(*c)?),
        _ => None,
    }
}

fn weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '一' => Weekday::Mon,
        '二' => Weekday::Tue,
        '三' => Weekday::Wed,
        '四' => Weekday::Thu,
        '五' => Weekday::Fri,
        '六' => Weekday::Sat,
        '日' | '天' => Weekday::Sun,
        _ => return None,
    })
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// The last day of a month (`None` for an impossible one).
fn month_last(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    first_next.pred_opt()
}

impl Rule {
    /// The rule a recurrence phrase states (每月25日前, 每季度末, 每半年, 每周五前, 每年12月);
    /// `None` for words it cannot read as one.
    pub fn parse(text: &str) -> Option<Rule> {
        let t = digits(text.trim());
        let t = t.trim_end_matches("之前").trim_end_matches('前').trim_end_matches('内');
        let rest = t.strip_prefix('每')?;
        if let Some(m) = rest.strip_prefix("半年") {
            return m.is_empty().then_some(Rule::HalfYearly);
        }
        if rest.starts_with("季") {
            return Some(Rule::Quarterly);
        }
        if let Some(w) = rest.strip_prefix("周").or_else(|| rest.strip_prefix("星期")) {
            let weekday = match w.chars().next() {
                None => Weekday::Fri,
                Some(c) => weekday(c)?,
            };
            return Some(Rule::Weekly { weekday });
        }
        if let Some(m) = rest.strip_prefix('月') {
            if m.is_empty() || m.starts_with("底") || m.starts_with("末") {
                return Some(Rule::Monthly { day: 0 });
            }
            let day = chinese_number(m.strip_suffix('日').or_else(|| m.strip_suffix('号'))?)?;
            return (1..=31).contains(&day).then_some(Rule::Monthly { day });
        }
        if let Some(y) = rest.strip_prefix('年') {
            if y.is_empty() || y == "底" || y == "末" {
                return Some(Rule::Yearly { month: 12 });
            }
            let month = chinese_number(y.split('月').next()?)?;
            return (1..=12).contains(&month).then_some(Rule::Yearly { month });
        }
        None
    }

    /// How the database keeps it: monthly:25, monthly:end, quarterly, half-yearly, weekly:5, yearly:12.
    pub fn as_db(self) -> String {
        match self {
            Rule::Monthly { day: 0 } => "monthly:end".to_owned(),
            Rule::Monthly { day } => format!("monthly:{day}"),
            Rule::Quarterly => "quarterly".to_owned(),
            Rule::HalfYearly => "half-yearly".to_owned(),
            Rule::Weekly { weekday } => format!("weekly:{}", weekday.number_from_monday()),
            Rule::Yearly { month } => format!("yearly:{month}"),
        }
    }

    pub fn from_db(s: &str) -> Option<Rule> {
        let (kind, arg) = s.split_once(':').unwrap_or((s, ""));
        Some(match (kind, arg) {
            ("monthly", "end") => Rule::Monthly { day: 0 },
            ("monthly", d) => Rule::Monthly { day: d.parse().ok().filter(|d| (1..=31).contains(d))? },
            ("quarterly", "") => Rule::Quarterly,
            ("half-yearly", "") => Rule::HalfYearly,
            ("weekly", w) => {
                let n: u8 = w.parse().ok().filter(|n| (1..=7).contains(n))?;
                Rule::Weekly { weekday: Weekday::try_from(n - 1).ok()? }
            }
            ("yearly", m) => Rule::Yearly { month: m.parse().ok().filter(|m| (1..=12).contains(m))? },
            _ => return None,
        })
    }

    /// The rule in words, as a notice writes it.
    pub fn label(self) -> String {
        match self {
            Rule::Monthly { day: 0 } => "每月底前".to_owned(),
            Rule::Monthly { day } => format!("每月{day}日前"),
            Rule::Quarterly => "每季度末前".to_owned(),
            Rule::HalfYearly => "每半年".to_owned(),
            Rule::Weekly { weekday } => {
                format!("每周{}前", WEEKDAYS[weekday.num_days_from_monday() as usize])
            }
            Rule::Yearly { month } => format!("每年{month}月底前"),
        }
    }

    /// The first due date strictly after `day`.
    pub fn next_due_after(self, day: NaiveDate) -> Option<NaiveDate> {
        let mut probe = day;
        // At most a year and a bit ahead for every rule: a bounded search.
        for _ in 0..15 {
            let candidate = self.due_in_block_of(probe)?;
            if candidate > day {
                return Some(candidate);
            }
            probe = self.next_block_start(probe)?;
        }
        None
    }

    /// The due date of the block (week, month, quarter, half, year) holding `day`.
    fn due_in_block_of(self, day: NaiveDate) -> Option<NaiveDate> {
        let (y, m) = (day.year(), day.month());
        match self {
            Rule::Monthly { day: 0 } => month_last(y, m),
            Rule::Monthly { day: n } => {
                let last = month_last(y, m)?;
                NaiveDate::from_ymd_opt(y, m, n.min(last.day()))
            }
            Rule::Quarterly => month_last(y, (m - 1) / 3 * 3 + 3),
            Rule::HalfYearly => month_last(y, if m <= 6 { 6 } else { 12 }),
            Rule::Weekly { weekday } => {
                let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
                monday.checked_add_days(Days::new(u64::from(weekday.num_days_from_monday())))
            }
            Rule::Yearly { month } => month_last(y, month),
        }
    }

    /// The first day of the block after the one holding `day`.
    fn next_block_start(self, day: NaiveDate) -> Option<NaiveDate> {
        let (y, m) = (day.year(), day.month());
        let months = match self {
            Rule::Weekly { .. } => {
                let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
                return monday.checked_add_days(Days::new(7));
            }
            Rule::Monthly { .. } => 1,
            Rule::Quarterly => 3,
            Rule::HalfYearly => 6,
            Rule::Yearly { .. } => 12,
        };
        let block_first = (m - 1) / months * months; // 0-based month of the block's start
        let next = block_first + months;
        NaiveDate::from_ymd_opt(y + (next / 12) as i32, next % 12 + 1, 1)
    }

    /// The periods due after `due_after` and on or before `until`: the first one's window
    /// opens on `window_start`, each later one the day after the previous due date.
    pub fn periods(self, window_start: NaiveDate, due_after: NaiveDate, until: NaiveDate) -> Vec<PeriodSpan> {
        let mut out = Vec::new();
        let (mut starts, mut last) = (window_start, due_after);
        while let Some(due) = self.next_due_after(last) {
            if due > until {
                break;
            }
            out.push(PeriodSpan { starts, due });
            starts = due.succ_opt().unwrap_or(due);
            last = due;
        }
        out
    }

    /// The period's name: 2022年3月, 2022年第1季度, 2022年上半年, 2022年第12周, 2022年.
    pub fn period_label(self, due: NaiveDate) -> String {
        let y = due.year();
        match self {
            Rule::Monthly { .. } => format!("{y}年{}月", due.month()),
            Rule::Quarterly => format!("{y}年第{}季度", (due.month() - 1) / 3 + 1),
            Rule::HalfYearly => format!("{y}年{}", if due.month() <= 6 { "上半年" } else { "下半年" }),
            Rule::Weekly { .. } => {
                let w = due.iso_week();
                format!("{}年第{}周", w.year(), w.week())
            }
            Rule::Yearly { .. } => format!("{y}年"),
        }
    }

    /// The period's key for scripts: 2022-03, 2022Q1, 2022H1, 2022W12, 2022.
    pub fn period_key(self, due: NaiveDate) -> String {
        let y = due.year();
        match self {
            Rule::Monthly { .. } => format!("{y}-{:02}", due.month()),
            Rule::Quarterly => format!("{y}Q{}", (due.month() - 1) / 3 + 1),
            Rule::HalfYearly => format!("{y}H{}", if due.month() <= 6 { 1 } else { 2 }),
            Rule::Weekly { .. } => {
                let w = due.iso_week();
                format!("{}W{:02}", w.year(), w.week())
            }
            Rule::Yearly { .. } => format!("{y}"),
        }
    }
}

#[cfg(test)]
#[path = "recurrence_tests.rs"]
mod tests;
