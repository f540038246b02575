//! 完成时限 — deadlines from the words of a notice, relative to its issue date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

pub use super::calendar::{month_end, week_end};
use super::calendar::{quarter_end, roll, spring_festival_eve, upcoming};
use super::date_window::{captures_from, first_date_char, search_start};
use super::norm::{Norm, parse_digits};
use crate::model::DeadlineDraft;

/// One deadline pattern: the regex and how its match becomes a date.
struct Rule {
    re: Regex,
    resolve: fn(&regex::Captures, NaiveDate) -> Option<NaiveDate>,
}

fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    parse_digits(c.get(i)?.as_str())
}

fn year(c: &regex::Captures, i: usize) -> Option<i32> {
    i32::try_from(num(c, i)?).ok()
}

/// What a period's end follows (起至, 日至, 日-), left out of the deadline's words.
const PERIOD_JOINT: [char; 10] = ['起', '日', '旬', '至', '到', '—', '－', '-', '~', '～'];

/// A time of the day before a limit's 前: 7月17日下班前, 3月5日17时前, 3月5日12:00前,
/// 6月18日(星期二)上午下班前.
const HOUR: &str = r"(?:[（(](?:星期|周)[一二三四五六日天][）)])?(?:上午|下午|中午|晚)?(?:下班|\d{1,2}(?:时|点|:\d{2}|：\d{2}))?";

/// The dash of a range of dates: 6月15日-7月15日, 11月16日—12月31日.
const DASH: &str = "[—－\\-~～]";

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rule = |re: &str, resolve| Rule { re: Regex::new(re).expect("deadline regex"), resolve };
    vec![
        rule(
            &format!(r"(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日{HOUR}(?:前|之前|以前|为止)"),
            |c, _| NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?),
        ),
        rule(
            // 截止时间为2024年9月30日: the last day something is taken.
            r"(?:完成时限|办结时限|时限|完成时间|截止时间|截止日期)(?:：|为|是)\s*(\d{4})年(\d{1,2})月(\d{1,2})日",
            |c, _| NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?),
        ),
        rule(r"(?:截止时间|截止日期)(?:：|为|是)\s*(\d{1,2})月(\d{1,2})日", |c, issued| {
            upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued)
        }),
        rule(r"(\d{4})年(\d{1,2})月(?:底|末)(?:前|之前)?", |c, _| month_end(year(c, 1)?, num(c, 2)?)),
        rule(r"(\d{4})年年?(?:底|末)(?:前|之前)?", |c, _| month_end(year(c, 1)?, 12)),
        // A period's end governs the task: （2008年11月21日至2009年1月31日）, 从8月17日起至9月底.
        rule(&format!(r"(?:至|日{DASH})(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日"), |c, _| {
            NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?)
        }),
        rule(r"至(\d{4})年(\d{1,2})月(?:底|末)", |c, _| month_end(year(c, 1)?, num(c, 2)?)),
        rule(
            &format!(r"(\d{{4}})年\d{{1,2}}月\d{{1,2}}日(?:至|{DASH})(\d{{1,2}})月(\d{{1,2}})日"),
            |c, _| NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?),
        ),
        rule(&format!(r"(\d{{4}})年(\d{{1,2}})月\d{{1,2}}日(?:至|{DASH})(\d{{1,2}})日"), |c, _| {
            NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?)
        }),
        // 从即日起到12月29日: 到 joins a period's ends as 至 does.
        rule(
            &format!(r"(?:(?:起|日|旬)(?:至|到)|日{DASH})(\d{{1,2}})月(\d{{1,2}})日"),
            |c, issued| upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued),
        ),
        rule(r"(?:起|日|旬)(?:至|到)(\d{1,2})月(?:底|末)", |c, issued| {
            let m = num(c, 1)?;
            roll(month_end(issued.year(), m), issued, |y| month_end(y, m))
        }),
        // 从通告之日起至四月三十日止: a period's end in Chinese numerals.
        rule(
            r"至([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(?:止|前|为止)?",
            |c, issued| {
                let n = |i| super::text::chinese_number(c.get(i)?.as_str());
                upcoming(issued.year(), n(1)?, n(2)?, issued)
            },
        ),
        rule(&format!(r"(\d{{1,2}})月\d{{1,2}}日(?:至|{DASH})(\d{{1,2}})日"), |c, issued| {
            upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued)
        }),
        // 4月5前: a copy that lost its 日 still names the day.
        rule(
            &format!(r"(\d{{1,2}})月(\d{{1,2}})(?:日{HOUR})?(?:前|之前|以前|为止)"),
            |c, issued| upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued),
        ),
        // 争取8月份将问题整改到位: a month striven for is a month's end.
        rule(r"(?:争取|力争)(?:在|于)?(\d{1,2})月份?(?:底|末)?(?:前|内)?", |c, issued| {
            let m = num(c, 1)?;
            roll(month_end(issued.year(), m), issued, |y| month_end(y, m))
        }),
        // 1月中旬前: the tenth, twentieth or last day of the month.
        rule(r"(\d{1,2})月([上中下])旬(?:前|之前|以前)", |c, issued| {
            let m = num(c, 1)?;
            let day = |y| match &c[2] {
                "上" => NaiveDate::from_ymd_opt(y, m, 10),
                "中" => NaiveDate::from_ymd_opt(y, m, 20),
                _ => month_end(y, m),
            };
            roll(day(issued.year()), issued, day)
        }),
        // 3月份前: within March.
        rule(r"(\d{1,2})月份(?:前|之前)", |c, issued| {
            let m = num(c, 1)?;
            roll(month_end(issued.year(), m), issued, |y| month_end(y, m))
        }),
        rule(r"(\d{1,2})月(?:底|末)(?:前|之前)?", |c, issued| {
            let m = num(c, 1)?;
            roll(month_end(issued.year(), m), issued, |y| month_end(y, m))
        }),
        rule(r"(?:今年|年)(?:底|末|内)(?:前|之前)?", |_, issued| month_end(issued.year(), 12)),
        rule(r"明年年?(?:底|末)(?:前|之前)?", |_, issued| month_end(issued.year() + 1, 12)),
        // 2024年6月至12月, 2024年5-6月: a span of months ends with the last.
        rule(r"(\d{4})年\d{1,2}月份?(?:至|到|—|－|-|~|～)(\d{1,2})月(?:底|末|份)?", |c, _| {
            month_end(year(c, 1)?, num(c, 2)?)
        }),
        rule(r"(\d{4})年\d{1,2}(?:—|－|-|~|～)(\d{1,2})月", |c, _| month_end(year(c, 1)?, num(c, 2)?)),
        // 五月底前, 十月三十一日前: months and days in Chinese numerals.
        rule(r"([一二三四五六七八九十]{1,2})月(?:底|末)(?:前|之前)", |c, issued| {
            let m = super::text::chinese_number(c.get(1)?.as_str())?;
            roll(month_end(issued.year(), m), issued, |y| month_end(y, m))
        }),
        rule(
            r"([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(?:前|之前|以前)",
            |c, issued| {
                let n = |i| super::text::chinese_number(c.get(i)?.as_str());
                upcoming(issued.year(), n(1)?, n(2)?, issued)
            },
        ),
        // 请于2025年6月30日将…报送: the day a report is handed in, without 前.
        rule(r"于(\d{4})年(\d{1,2})月(\d{1,2})日(?:将|把|报送|上报|提交)", |c, _| {
            NaiveDate::from_ymd_opt(year(c, 1)?, num(c, 2)?, num(c, 3)?)
        }),
        rule(r"于(\d{1,2})月(\d{1,2})日(?:将|把|报送|上报|提交)", |c, issued| {
            upcoming(issued.year(), num(c, 1)?, num(c, 2)?, issued)
        }),
        // 于2025年6月30日和12月20日分别将半年度和全年工作情况报送: the last of the days.
        rule(
            r"于(\d{4})年\d{1,2}月\d{1,2}日[和、及](?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前)?(?:分别)?(?:将|把|报送|上报|提交)",
            |c, _| {
                let y = c.get(2).map_or_else(|| year(c, 1), |_| year(c, 2))?;
                NaiveDate::from_ymd_opt(y, num(c, 3)?, num(c, 4)?)
            },
        ),
        rule(r"上半年", |_, issued| month_end(issued.year(), 6)),
        // Holidays: 春节前 (its eve), 元旦前 (31 December), 国庆前 / “十一”之前 (30 September).
        rule(r"春节(?:之前|前)", |_, issued| spring_festival_eve(issued)),
        rule(r"元旦(?:之前|前)", |_, issued| month_end(issued.year(), 12)),
        rule(r"(?:国庆节?|“十一”|\x22十一\x22)(?:之前|前)", |_, issued| {
            roll(NaiveDate::from_ymd_opt(issued.year(), 9, 30), issued, |y| NaiveDate::from_ymd_opt(y, 9, 30))
        }),
        rule(r"下半年", |_, issued| month_end(issued.year(), 12)),
        // “119”消防宣传月活动期间, 安全生产月期间: a named month's campaign ends with its month.
        rule(r"消防宣传月(?:活动)?期间", |_, issued| {
            roll(month_end(issued.year(), 11), issued, |y| month_end(y, 11))
        }),
        rule(r"安全生产月(?:活动)?期间", |_, issued| {
            roll(month_end(issued.year(), 6), issued, |y| month_end(y, 6))
        }),
        rule(r"本周(?:内)?", |_, issued| Some(week_end(issued))),
        rule(r"(?:本月|月底)(?:底|内|前)?", |_, issued| month_end(issued.year(), issued.month())),
        rule(r"(?:第)?([一二三四])季度(?:末前|底前|末|底|前|之前|内)", |c, issued| {
            quarter_end(&c[1], issued)
        }),
        // A time column's bare month (完成时限：4月) is the end of that month in the notice's year.
        rule(
            r"(?:完成时限|时限|完成时间)：\s*(\d{4})年(\d{1,2})月(?:份)?(?:[。，；）]|$)",
            |c, _| month_end(year(c, 1)?, num(c, 2)?),
        ),
        // 完成时限：9月投入使用 — the month a result is due, the end of it.
        rule(
            r"(?:完成时限|时限|完成时间)：\s*(\d{1,2})月(?:份)?(?:[。，；）]|$|投入|完成|建成|开工|动工|竣工|启动|交付)",
            |c, issued| month_end(issued.year(), num(c, 1)?),
        ),
        rule(r"(?:完成时限|时限|完成时间)：\s*(?:第)?([一二三四])季度", |c, issued| {
            quarter_end(&c[1], issued)
        }),
    ]
});

/// All the rules at once: one pass tells which rules can match, so only those are run with
/// their captures (most texts match none or one of the thirty).
static RULE_SET: LazyLock<regex::RegexSet> =
    LazyLock::new(|| regex::RegexSet::new(RULES.iter().map(|r| r.re.as_str())).expect("deadline regex set"));

static RECURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    // 每年1月15日前: a yearly limit recurs; its day is no one-off deadline.
    Regex::new(r"每(?:周[一二三四五六日]?|月\d{1,2}日|月底|月|季度末?|季|半年|年\d{1,2}月(?:\d{1,2}日|底|末)|年)(?:前|之前)?")
        .expect("recurrence regex")
});

/// Ongoing work, or a limit with no fixed day: no date, and no date inherited either.
static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:完成时限|时限|完成时间)：\s*(?:长期坚持|长期|持续推进|持续|常态化)",
        r"|（(?:长期坚持|长期|持续|常态化)）",
        r"|长期坚持|常态化(?:开展|推进|落实|坚持)",
        // 于3日内整改到位, 15个工作日内: a limit counted from when the text is received.
        r"|(?:\d{1,2}|[一二三五七十]{1,2})(?:个工作日|日|天)内",
        // 学期结束前, 暑期放假前, 汛期前, 节假日来临前: a limit set by an event of no fixed day
        // (the officer gives the day); 春节, 元旦 and 国庆 have theirs, read above.
        r"|(?:学期结束|学期末|期末考试|暑期放假|寒假放假|放假|暑假|寒假|暑期|开学|主汛期|汛期|节假日来临|节日来临|节假日|节日)(?:之前|前)",
    ))
    .expect("ongoing regex")
});

/// Deadline words that are not deadlines (slogans, dates of record).
const NOT_DEADLINES: [&str; 4] = ["截至", "截止到", "年底交账", "年底兑现"];

/// A date of record (截至3月底，…): up to the next punctuation, no deadline.
static AS_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:截至|截止到|截止至)[^，。；、]*").expect("as-of regex"));

/// Whether any of the rules can match: every match of every rule holds one of these
/// characters (国庆 / “十一” through 国 and 十一). Most clauses hold none, and are told
/// without running the thirty. None of them folds, so the test holds on the text as written.
/// One pass over the characters: this runs on every phrase of every clause.
pub fn may_date(folded: &str) -> bool {
    first_date_char(folded).is_some()
}

/// The first deadline written in `text`, with the words it came from: a date, or ongoing
/// work (长期坚持, 常态化开展) as no date. Recurrences (每月25日前) are not deadlines.
pub fn find_deadline(text: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    deadline_in(text, &Norm::new(text), issued)
}

/// A directive's recurrence and deadline (see [`find_recurrence`] and [`find_deadline`]), its
/// text folded once for both.
pub fn recurrence_and_deadline(text: &str, issued: NaiveDate) -> (Option<String>, Option<DeadlineDraft>) {
    let norm = Norm::new(text);
    (recurrence_in(text, &norm), deadline_in(text, &norm, issued))
}

fn deadline_in(text: &str, norm: &Norm, issued: NaiveDate) -> Option<DeadlineDraft> {
    let start = first_date_char(&norm.text).map(|first| search_start(&norm.text, first));
    deadline_from(text, norm, issued, start)
}

/// [`deadline_in`] with the rules run from `start` (`None`: no rule can match).
fn deadline_from(text: &str, norm: &Norm, issued: NaiveDate, start: Option<usize>) -> Option<DeadlineDraft> {
    let folded: &str = &norm.text;
    let candidates = start.map(|at| (at, RULE_SET.matches_at(folded, at)));
    // What blocks a match is looked for only when a rule matched (most clauses name no date).
    let mut blocked: Vec<_> = Vec::new();
    if candidates.as_ref().is_some_and(|(_, m)| m.matched_any()) {
        blocked.extend(RECURRENCE.find_iter(folded).map(|m| m.range()));
        blocked.extend(AS_OF.find_iter(folded).map(|m| m.range()));
    }
    let dated = candidates
        .iter()
        .flat_map(|(at, m)| m.iter().map(|i| (*at, &RULES[i])))
        .filter_map(|(at, rule)| {
            captures_from(&rule.re, folded, at).find_map(|c| {
                let m = c.get(0)?;
                let before = &folded[..m.start()];
                let after = &folded[m.start()..];
                // 春节前后, 6月底前后: around a time, not before it.
                let around = m.as_str().ends_with('前') && folded[m.end()..].starts_with('后');
                // 统一月底前 is not 一月底前: a month in Chinese numerals stands after a
                // year, a preposition or punctuation, not inside a word.
                let in_word = m.as_str().starts_with(|c: char| "一二三四五六七八九十".contains(c))
                    && before
                        .chars()
                        .next_back()
                        .is_some_and(|c| super::text::is_han(c) && !"年于在至到和及或并前即".contains(c));
                let half = matches!(m.as_str(), "上半年" | "下半年");
                // 上半年于当年6月5日前报送: the date after the half names the day.
                let half_dated =
                    half && folded[m.end()..].trim_start_matches(['，', ' ']).starts_with(['于', '在']);
                // 组织完成2021年下半年消防疏散演练, 请将下半年的…材料报送: the half the work is
                // of, named as its object's attribute, not the time it is due.
                let half_named = half
                    && (folded[m.end()..].starts_with('的') || {
                        let b = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '年');
                        ["完成", "开展", "组织", "做好", "报送", "将", "把"].iter().any(|v| b.ends_with(v))
                    });
                // 对于年底未完成建设任务的…: a time by which work is unfinished is a condition.
                let unmet = ["未完成", "仍未", "尚未", "未按", "没有完成", "前未", "未能"]
                    .iter()
                    .any(|w| folded[m.end()..].starts_with(w));
                let excluded = around
                    || unmet
                    || half_dated
                    || half_named
                    || in_word
                    || NOT_DEADLINES.iter().any(|w| before.ends_with(w) || after.starts_with(w))
                    || blocked.iter().any(|r| r.start < m.end() && m.start() < r.end)
                    || (m.as_str().starts_with('年')
                        && before.ends_with(|c: char| "一二两三四五几十".contains(c)));
                if excluded {
                    return None;
                }
                Some((m.range(), (rule.resolve)(&c, issued)?))
            })
        })
        .min_by_key(|(range, _)| range.start);
    let (range, date) = match dated {
        // 10月11日至12月7日: the words are the end (12月7日), not the joint before it.
        Some((range, date)) => {
            let joint =
                folded[range.clone()].len() - folded[range.clone()].trim_start_matches(PERIOD_JOINT).len();
            (range.start + joint..range.end, Some(date))
        }
        None => (ONGOING.find(folded)?.range(), None),
    };
    Some(DeadlineDraft {
        date,
        phrase: Some(norm.orig(text, range).to_owned()),
        inferred: false,
        recurrence: None,
    })
}

/// A recurring requirement (每月25日前, 每季度), kept as written.
pub fn find_recurrence(text: &str) -> Option<String> {
    recurrence_in(text, &Norm::new(text))
}

fn recurrence_in(text: &str, norm: &Norm) -> Option<String> {
    RECURRENCE.find(&norm.text).map(|m| norm.orig(text, m.range()).to_owned())
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
#[path = "deadline_tests.rs"]
mod tests;
