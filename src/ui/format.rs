//! How dates and days read in the UI (pure, tested).

use chrono::NaiveDate;

use crate::model::{Status, days_left};

/// 剩3天 / 今天到期 / 逾期5天 / 已完成 / — : how a deadline stands today, in words.
pub fn days_text(deadline: Option<NaiveDate>, status: Status, today: NaiveDate) -> String {
    if status.is_finished() {
        return status.label().to_owned();
    }
    match deadline.map(|d| days_left(d, today)) {
        None => "—".to_owned(),
        Some(0) => "今天到期".to_owned(),
        Some(n) if n > 0 => format!("剩{n}天"),
        Some(n) => format!("逾期{}天", -n),
    }
}

/// 3月20日 within `today`'s year, else 2021年3月20日.
pub fn short_date(d: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == today.year() {
        format!("{}月{}日", d.month(), d.day())
    } else {
        super::widgets::format_date(d)
    }
}

/// Splits an office list as typed (、，, ; or spaces) into names.
pub fn split_names(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', ' ', '\u{3000}', '\n'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_words() {
        let today: NaiveDate = "2022-03-21".parse().unwrap();
        let d = |s: &str| Some(s.parse().unwrap());
        assert_eq!(days_text(d("2022-03-24"), Status::InProgress, today), "剩3天");
        assert_eq!(days_text(d("2022-03-21"), Status::NotStarted, today), "今天到期");
        assert_eq!(days_text(d("2022-03-16"), Status::NotStarted, today), "逾期5天");
        assert_eq!(days_text(d("2022-03-16"), Status::Closed, today), "已销号");
        assert_eq!(days_text(None, Status::NotStarted, today), "—");
        assert_eq!(short_date("2022-12-31".parse().unwrap(), today), "12月31日");
        assert_eq!(short_date("2023-01-02".parse().unwrap(), today), "2023年1月2日");
        assert_eq!(split_names("防火监督处、 新闻宣传处,队务处"), ["防火监督处", "新闻宣传处", "队务处"]);
    }
}
