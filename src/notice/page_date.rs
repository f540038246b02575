//! 网页日期 — the date a web page shows beside a notice copied from it (`发布时间:2022-05-09`,
//! `日期:2022-10-24 15:39:42`, `来源:黄海晨报 2019-12-19 09:44`, `[2017-09-12]天津:召开…`,
//! `成文日期: | 2022年09月14日`). When the notice carries no date of its own, this is the day
//! it was issued: its 月底前 and 本周内 are counted from it, and the review screen shows it.
//!
//! A body's own dates are not page dates: a meeting's `2019年12月2日,永湖镇召开…` has no label
//! and no clock, and `检查时间:3月1日` has no year. Only a short line is read, so a sentence
//! that quotes a date is never taken.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// Labels of a page's own date, which may be written 2022-05-09 or 2022年5月9日.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|成文日期|发文日期|印发日期|公开日期|生成日期|生效日期|发布于)[：:\s|【\[]*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})",
    )
    .expect("labelled page date regex")
});

/// A bare 时间/日期 label, read only with a date in figures (2022-05-09, 2022/5/9): a body's
/// 时间 is written 2022年5月9日 when it has a year at all.
static BARE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s|:：])(?:时间|日期)[：:\s]*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
        .expect("page date regex")
});

/// A date with the clock time a page stamps beside it (2018-04-20 09:58, 2024年01月27日
/// 01:01:48), or one bracketed at the line's start ([2017-09-12]).
static STAMPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^\[|^【)(\d{4})-(\d{1,2})-(\d{1,2})[\]】]|(\d{4})[-年/](\d{1,2})[-月/](\d{1,2})日?\s*\d{1,2}:\d{2}")
        .expect("stamped page date regex")
});

/// The longest line a page's date stands on (a line of chrome: date, source, author, counts).
const MAX_CHARS: usize = 100;

/// The first date a page shows beside its text, if any.
pub fn of_page(lines: &[&str]) -> Option<NaiveDate> {
    // A line longer in bytes than MAX_CHARS characters can be is passed over unread.
    let short = |l: &&&str| l.len() <= MAX_CHARS * 4 && l.chars().count() <= MAX_CHARS;
    lines.iter().filter(short).filter(|l| has_year(l)).find_map(|l| of_line(l))
}

/// Whether four digits stand together in the line: every page date has its year so, and most
/// lines of a long text have none (the regexes are not run on them).
fn has_year(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit))
}

fn of_line(line: &str) -> Option<NaiveDate> {
    let date = |y: &str, m: &str, d: &str| {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    // Each pattern is tried only where its words or marks stand (a long text has many years).
    let labelled = LABELLED.captures(line).or_else(|| {
        (line.contains("时间") || line.contains("日期")).then(|| BARE_LABEL.captures(line)).flatten()
    });
    if let Some(c) = labelled {
        return date(&c[1], &c[2], &c[3]);
    }
    // A sentence of the body that names a meeting's hour (2025年7月17日上午10:00召开) ends
    // as a sentence does; a page's stamp does not.
    if line.contains(['。', '，', ',']) || !(line.contains(':') || line.starts_with(['[', '【'])) {
        return None;
    }
    let c = STAMPED.captures(line)?;
    let part = |i: usize| c.get(i).or_else(|| c.get(i + 3)).map(|m| m.as_str());
    date(part(1)?, part(2)?, part(3)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_labelled_date_is_the_pages() {
        assert_eq!(of_page(&["发布时间：2022年5月9日"]), day(2022, 5, 9));
        assert_eq!(of_page(&["更新时间:2013-08-12浏览次数:来源:作者: 字体[ ]"]), day(2013, 8, 12));
        assert_eq!(of_page(&["文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |"]), day(2022, 9, 14));
        assert_eq!(of_page(&["作者:管理员    发布于:【2012-06-13 15:49:55】"]), day(2012, 6, 13));
    }

    #[test]
    fn a_bare_label_needs_a_date_in_figures() {
        assert_eq!(of_page(&["来源: 县融媒体中心 时间: 2022-06-16 17:25:57 访问量:0"]), day(2022, 6, 16));
        assert_eq!(of_page(&["来源: 浏览 425 更新时间:2021/03/30"]), day(2021, 3, 30));
        assert_eq!(of_page(&["作者:日期:2021-02-20"]), day(2021, 2, 20));
        assert_eq!(of_page(&["检查时间：2022年3月1日至3月31日"]), None, "a body's own 时间");
        assert_eq!(of_page(&["开会时间:2022-03-01"]), None, "a label inside a word");
    }

    #[test]
    fn a_date_with_its_clock_is_a_pages_stamp() {
        assert_eq!(of_page(&["2018-04-20 09:58  市应急管理局 [字号: ] 打印"]), day(2018, 4, 20));
        assert_eq!(of_page(&["来源:黄海晨报 2019-12-19 09:44   https://www.yybnet.net/"]), day(2019, 12, 19));
        assert_eq!(of_page(&["2024年01月27日 01:01:48"]), day(2024, 1, 27));
        assert_eq!(of_page(&["[2017-09-12]天津:召开物业管理小区消防安全隐患排查会议"]), day(2017, 9, 12));
    }

    #[test]
    fn a_bodys_dates_are_not_the_pages() {
        assert_eq!(of_page(&["2019年12月2日,永湖镇召开安全生产重点攻坚推进会。"]), None);
        assert_eq!(of_page(&["会议定于2025年7月17日上午10:00召开，请准时参加。"]), None);
        assert_eq!(of_page(&["文章来源:http://www.taihainet.com/news/2015-04-22/1399940.html"]), None);
        assert_eq!(of_page(&["2023年1月1日"]), None, "a date alone is a signature's, read elsewhere");
    }

    #[test]
    fn the_first_page_date_wins_and_long_lines_are_not_read() {
        let long = format!("发布时间:2020-01-01{}", "字".repeat(120));
        assert_eq!(of_page(&[long.as_str(), "日期:2021-02-03"]), day(2021, 2, 3));
        assert_eq!(of_page(&["日期:2021-02-03", "发布时间:2020-01-01"]), day(2021, 2, 3));
        assert_eq!(of_page(&["发布时间:2021-02-30"]), None, "no such day");
    }
}
