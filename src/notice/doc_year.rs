//! 文中年份 — the year an undated copy is of. A copy with no date line and no 发布时间 is read
//! against the date the officer gives (today); but when its title or first words name a year
//! two or more years before that (2012年度消防工作目标管理责任书; 4月28日,莫旗召开2016年第一
//! 季度…会议), its 年底前 and 6月底前 are that year's, not this one's. A year one before (a
//! 2025年度 通报 read in early 2026) or a span of years (2023—2025年) says nothing.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("year regex"));
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("day regex"));

/// The date an undated copy is of, when its first lines put it two years or more before
/// `issued_on`: that year, on the first 月日 they name, else its first day.
pub fn of_first_lines(lines: &[&str], issued_on: NaiveDate) -> Option<NaiveDate> {
    let head: String = lines.iter().take(3).copied().collect::<Vec<_>>().join("\n");
    let Some(found) = YEAR.captures(&head) else {
        return of_own_number(lines, issued_on).or_else(|| of_cited_notice(lines, issued_on));
    };
    let whole = found.get(0)?;
    // A span of years (2023—2025年, 2012年至2015年) names no one year.
    const SPAN: [char; 8] = ['至', '到', '—', '–', '-', '－', '~', '～'];
    let before = head[..whole.start()].trim_end().chars().next_back();
    let after = head[whole.end()..].trim_start().chars().next();
    if before.is_some_and(|c| SPAN.contains(&c)) || after.is_some_and(|c| SPAN.contains(&c)) {
        return None;
    }
    let year: i32 = found[1].parse().ok()?;
    if year > issued_on.year() - 2 {
        return None;
    }
    let day = DAY
        .captures(&head)
        .and_then(|c| NaiveDate::from_ymd_opt(year, c[1].parse().ok()?, c[2].parse().ok()?));
    day.or_else(|| NaiveDate::from_ymd_opt(year, 1, 1))
}

/// A document's number (粤建质函[2011]756号, 长安委办〔2007〕17号), its year captured.
const DOC_NUMBER: &str = r"\p{Han}{1,10}[\[〔【［]((?:19|20)\d{2})[\]〕】］]\d{1,4}号";

/// The text's own number on a line of its own under the title (（长安委办[2007]17号）): an
/// undated copy is of that year, when it is two or more years before `issued_on`.
fn of_own_number(lines: &[&str], issued_on: NaiveDate) -> Option<NaiveDate> {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^[（(]?{DOC_NUMBER}[）)]?$")).expect("own number regex"));
    // Page chrome and a repeated title may stand above it (首页 > 法律法规 / 【法宝引证码】…).
    let year: i32 = lines.iter().take(6).find_map(|l| NUMBER.captures(l.trim()))?[1].parse().ok()?;
    (year <= issued_on.year() - 2).then(|| NaiveDate::from_ymd_opt(year, 1, 1)).flatten()
}

/// A notice the text carries out, cited with its number in the opening words (根据省住建厅《关于
/// …的通知》(粤建质函[2011]756号)的要求): an undated copy is of that notice's year, when it is two
/// or more years before `issued_on` (a law or a standing rule, 《消防法》, has no such number).
fn of_cited_notice(lines: &[&str], issued_on: NaiveDate) -> Option<NaiveDate> {
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"通知》\s*[（(]{DOC_NUMBER}[）)]")).expect("cited notice regex")
    });
    let head: String = lines.iter().take(6).copied().collect::<Vec<_>>().join("\n");
    let year: i32 = CITED.captures(&head)?[1].parse().ok()?;
    (year <= issued_on.year() - 2).then(|| NaiveDate::from_ymd_opt(year, 1, 1)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn an_old_years_copy_is_read_in_that_year() {
        let today = day("2026-12-01");
        assert_eq!(
            of_first_lines(&["2012年度消防工作目标管理责任书", "一、目标"], today),
            Some(day("2012-01-01"))
        );
        assert_eq!(
            of_first_lines(&["4月28日,莫旗政府召开2016年第一季度消防安全工作联席会议。"], today),
            Some(day("2016-04-28"))
        );
    }

    #[test]
    fn an_undated_copy_is_of_the_year_of_the_notice_it_carries_out() {
        let lines = [
            "关于开展第四季度建筑施工质量安全大检查的通知",
            "各县、区住房城乡建设局:",
            "根据省住建厅《关于深入开展全省建筑施工安全大检查的通知》(粤建质函[2011]756号)的要求,我局决定…",
        ];
        assert_eq!(of_first_lines(&lines, day("2026-12-01")), Some(day("2011-01-01")));
        assert_eq!(of_first_lines(&lines, day("2012-06-01")), None, "a notice of last year says nothing");
        let law = ["关于做好消防工作的通知", "根据《中华人民共和国消防法》的规定,…"];
        assert_eq!(of_first_lines(&law, day("2026-12-01")), None);
    }

    #[test]
    fn an_undated_copy_is_of_the_year_of_its_own_number() {
        let lines = ["长春市安委办关于报送专项行动总结的通知", "(长安委办[2007]17号)", "各县(市)区:"];
        assert_eq!(of_first_lines(&lines, day("2026-12-01")), Some(day("2007-01-01")));
        let under_chrome = [
            "首页 > 法律法规 > 地方法规 > 正文阅览",
            "【法宝引证码】CLI.1.304262",
            "成都市市场监管局关于恢复电梯扫码维保的通知",
            "成都市市场监管局关于恢复电梯扫码维保的通知",
            "(成市监函〔2020〕65号)",
        ];
        assert_eq!(of_first_lines(&under_chrome, day("2024-06-01")), Some(day("2020-01-01")));
        let cited_in_a_sentence = ["关于报送总结的通知", "按长安委办[2007]17号要求,各县区要…"];
        assert_eq!(of_first_lines(&cited_in_a_sentence, day("2026-12-01")), None);
    }

    #[test]
    fn a_recent_year_or_a_span_of_years_says_nothing() {
        let today = day("2026-03-01");
        assert_eq!(of_first_lines(&["关于2025年度消防工作考核情况的通报"], today), None);
        assert_eq!(of_first_lines(&["关于2026年春节期间消防工作的通知"], today), None);
        assert_eq!(of_first_lines(&["2019—2021年消防工作三年行动方案"], today), None);
        assert_eq!(of_first_lines(&["关于做好消防工作的通知", "各乡镇:"], today), None);
    }
}
