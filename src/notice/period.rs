//! 活动时间 — a period stated once for the whole text: a line `活动时间为:2023年11月。` (or a
//! bare span `2024年1月5日至2024年3月1日` whose label a copy lost), or a
//! part of its own (`二、申报期限` / `即日起至2024年2月10日前。`). Such a text's requirements
//! (组织开展宣传月活动, 如实填写申报表) are to be done within it, so its end is the deadline of
//! every requirement that states none of its own (marked inferred, for the review screen).
//! The part that only states the period is not a requirement itself.
//!
//! Web-page chrome (发布时间:2023-11-28, 时间:2023-11-28) is not a period: the words before
//! 时间 must say what is timed, and 发布/生成/发表/更新 are not that.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::deadline::{find_deadline, month_end};
use crate::model::{DeadlineDraft, SectionDraft};

/// `活动时间为:…`, `申报期限:…`, `整治时间：…` — what is timed, then the period.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,6}?)(?:时间|期限|时限)(?:安排)?(?:为|是)?[:：]\s*(.{2,60})$")
        .expect("period regex")
});
/// `禁火时间为2021年10月1日-2022年5月1日，期间，…`: a period told in the opening words of a
/// sentence, with no colon — what is timed, 时间为/期限为, then a span with both ends dated.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Han}{1,6}?)(?:时间|期限)(?:为|是)\s*(\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:至|到|-|—|－|~|～)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底)?)(?:止|前)?[，,。；;]",
    )
    .expect("opening period regex")
});
/// A line that is nothing but a span (`2024年1月5日至2024年3月1日`): a period whose label
/// the copy lost.
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:即日起|\d{4}年\d{1,2}月(?:\d{1,2}日)?起?|\d{1,2}月\d{1,2}日起?)(?:至|到|-|—|－|~|～)[\d年月日底前止份]{2,16}[。；;]?$",
    )
    .expect("span regex")
});
/// `县安委会决定从2022年12月起至2023年3月底在全县开展百日安全生产大会战`: a campaign's period
/// told inside a sentence, then what is carried out in it (also from a day with 起 and no
/// year: `经研究决定,6月28日起至8月28日,开展…整治工作`).
static CAMPAIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:(?:从|自)\d{4}年\d{1,2}月(?:\d{1,2}日)?起?|(?:从|自)?(?:\d{4}年)?\d{1,2}月\d{1,2}日起|即日起)(?:至|到)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底)?)止?[，,]?[^，,。；;]{0,12}?(?:集中|组织|全面|深入)?开展",
    )
    .expect("campaign period regex")
});
/// `检查将持续至1月中旬`, `时间将延续至今年年底`: how long the work lasts, told once.
static LASTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[持延]续(?:到|至)((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|[上中下]旬)?|(?:今年)?年底)(?:止|结束)?[。；;，,]")
        .expect("lasting period regex")
});
/// `集中整治行动从今年11月1日起至明年3月底结束`: a campaign told by its first and last day,
/// opening a sentence.
static RUNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Han}{2,14}?(?:行动|活动|工作)(?:从|自)(?:今年|\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:起|开始)(?:至|到)((?:明年|次年|\d{4}年)?\d{1,2}月(?:\d{1,2}日|底))(?:结束|止)",
    )
    .expect("campaign run regex")
});
/// A part titled by its period alone (二、申报期限, 三、活动时间, 四、时间安排).
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{0,6}(?:时间|期限|时限)(?:安排)?$").expect("period title regex"));
/// A bare month or day closing the period (`2023年11月。`, `2024年3月1日`).
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:份)?(?:止|前)?[。；;]?$").expect("bare period regex")
});

/// A span within one month (`9月26日-30日`): its last day is of the first day's month.
static DAY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:\d{4}年)?\d{1,2}月)\d{1,2}日(?:至|到|-|—|－|~|～)\s*(\d{1,2})日[。；;]?$")
        .expect("day end regex")
});

/// The end of a span without a year (`11月1日-11月30日`, `5月至6月底`).
static SPAN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:至|到|-|—|－|~|～)\s*((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底)?)[。；;]?$")
        .expect("span end regex")
});

/// `我乡今年防汛值班时间从5月1日开始至9月30日结束，在此期间，…`: a period told from its first
/// day to its last in the opening words of a sentence — what is timed, then both ends.
static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Han}{1,12}?)(?:时间|期限)(?:为|是)?(?:从|自)((?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:开始|起)?(?:至|到)((?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:结束|止)?",
    )
    .expect("from-to period regex")
});

/// The end of a [`FROM_TO`] period at the start of `text`.
fn from_to(text: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    // The period runs 从/自 one day: a text without either is told at once (every part and
    // every line is asked).
    if !text.contains(['从', '自']) {
        return None;
    }
    let text = super::numbering::marker_of(text).map_or(text, |m| &text[m.len..]).trim();
    if !names_time_within(text, 13) {
        return None;
    }
    let c = FROM_TO.captures(text)?;
    if CHROME.iter().any(|w| c[1].contains(w)) {
        return None;
    }
    let d = find_deadline(&format!("{}前", &c[3]), issued).filter(|d| d.date.is_some())?;
    Some(DeadlineDraft { inferred: true, recurrence: None, phrase: Some(c[0][c[1].len()..].to_owned()), ..d })
}

/// Whether 时 or 期 (of 时间, 期限, 时限) stands among the first `n` + 1 characters of `text`:
/// the anchored period regexes allow at most `n` characters before it.
fn names_time_within(text: &str, n: usize) -> bool {
    text.chars().take(n + 1).any(|c| c == '时' || c == '期')
}

/// Words before 时间 that belong to a page's chrome, not to the text's work.
const CHROME: [&str; 7] = ["发布", "生成", "发表", "更新", "信息", "录入", "创建"];

/// The end of a period stated as `words`, read against `issued`.
fn end_of(words: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    let words = words.trim();
    if let Some(d) = find_deadline(words, issued).filter(|d| d.date.is_some()) {
        return Some(DeadlineDraft { inferred: true, recurrence: None, ..d });
    }
    let end = SPAN_END.captures(words).map(|e| e[1].to_owned());
    let end = end.or_else(|| DAY_END.captures(words).map(|e| format!("{}{}日", &e[1], &e[2])));
    if let Some(end) = end {
        let by = format!("{end}前");
        if let Some(d) = find_deadline(&by, issued).filter(|d| d.date.is_some()) {
            return Some(DeadlineDraft {
                inferred: true,
                recurrence: None,
                phrase: Some(words.to_owned()),
                ..d
            });
        }
    }
    let c = BARE.captures(words)?;
    let year: i32 = c[1].parse().ok()?;
    let month: u32 = c[2].parse().ok()?;
    let date = match c.get(3) {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day.as_str().parse().ok()?),
        None => month_end(year, month),
    }?;
    Some(DeadlineDraft { date: Some(date), phrase: Some(words.to_owned()), inferred: true, recurrence: None })
}

/// Whether the sentence of `line` that holds the match asks something (他强调,从8月17日起至
/// 9月底,要在全县全面开展…): a period inside a requirement is that requirement's own limit,
/// not the whole text's.
fn asks(line: &str, c: &regex::Captures) -> bool {
    let at = c.get(0).map_or(0, |m| m.start());
    let start = line[..at]
        .char_indices()
        .rev()
        .find(|&(_, ch)| matches!(ch, '。' | '；' | ';'))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let end = line[at..].find(['。', '；', ';']).map_or(line.len(), |i| at + i);
    super::report_list::has_modal(&line[start..end])
}

/// A line stating the whole text's period (`活动时间为:2023年11月。`), and its end.
pub fn period_line(line: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    let line = line.trim();
    // 二、活动时间:11月1日-11月30日。 — a numbered part that is the period line.
    let line = super::numbering::marker_of(line).map_or(line, |m| line[m.len..].trim());
    // (A span opens with its first day's figures or 即日起: most lines are told at once.)
    if line.starts_with(|c: char| c.is_ascii_digit() || c == '即') && SPAN.is_match(line) {
        return end_of(line, issued);
    }
    // Every line of a text is asked: the two sentence-inner regexes run only where the words
    // they need stand (a campaign's 起 or 从/自, 持续).
    let campaign =
        (line.contains(['起', '从', '自']) && line.contains(['至', '到']) && line.contains("开展"))
            .then(|| CAMPAIGN.captures(line))
            .flatten();
    if let Some(c) = campaign.filter(|c| !asks(line, c)) {
        return end_of(&c[1], issued);
    }
    let lasts = line.contains("续至") || line.contains("续到");
    // 时间将延续至今年年底 names the work's period; 将开展…等活动,持续到今年年底 tells what goes
    // on all year.
    let named = |c: &regex::Captures| {
        c[1].starts_with(|ch: char| ch.is_ascii_digit())
            || c.get(0).is_some_and(|m| line[..m.start()].ends_with("时间将"))
    };
    let lasts = lasts.then(|| LASTS.captures(line)).flatten().filter(named);
    if let Some(c) = lasts.filter(|c| !asks(line, c)) {
        return find_deadline(&format!("{}前", &c[1]), issued)
            .filter(|d| d.date.is_some())
            .map(|d| DeadlineDraft { inferred: true, recurrence: None, phrase: Some(c[0].to_owned()), ..d });
    }
    let runs = (line.contains("结束") || line.contains('止')).then(|| RUNS.captures(line)).flatten();
    if let Some(c) = runs {
        return find_deadline(&format!("{}前", &c[1]), issued)
            .filter(|d| d.date.is_some())
            .map(|d| DeadlineDraft { inferred: true, recurrence: None, phrase: Some(c[1].to_owned()), ..d });
    }
    // What is left opens with what is timed, then 时间, 期限 or 时限 (at most 12 characters
    // in).
    if !names_time_within(line, 13) {
        return None;
    }
    if let Some(end) = from_to(line, issued) {
        return Some(end);
    }
    let c = LINE.captures(line).or_else(|| OPENING.captures(line))?;
    if CHROME.iter().chain(&ISSUERS_VISIT).any(|w| c[1].contains(w)) {
        return None;
    }
    end_of(&c[2], issued)
}

/// The text's period: a line of its own, or a part titled by it whose only directive states
/// it (that directive is dropped: it asks nothing).
fn take_period(lines: &[&str], sections: &mut [SectionDraft], issued: NaiveDate) -> Option<DeadlineDraft> {
    for s in sections.iter_mut() {
        let [only] = s.directives.as_slice() else { continue };
        let title = super::text::strip_end_mark(s.title.trim());
        // 二、活动时间:11月1日-11月30日。 — the part's own words state the period.
        // (The anchored LINE is asked first: most parts fail it at once.)
        if let Some(end) = LINE.is_match(only.text.trim()).then(|| period_line(&only.text, issued)).flatten()
        {
            s.directives.clear();
            return Some(end);
        }
        // 一、我乡今年防汛值班时间从5月1日开始至9月30日结束，在此期间，实行24小时值班: the
        // part states the period and asks no one anything.
        if let Some(end) = from_to(&only.text, issued).filter(|_| !super::report_list::has_modal(&only.text))
        {
            s.directives.clear();
            return Some(end);
        }
        if !TITLE.is_match(title) || CHROME.iter().chain(&ISSUERS_VISIT).any(|w| title.contains(w)) {
            continue;
        }
        let body = only.text.strip_prefix(title).unwrap_or(&only.text).trim();
        // 三、报送时间 请于3月25日前将总结报支队办公室: a part that asks something is a
        // requirement with its own date; only a bare period (即日起至2月10日前。) is dropped.
        // 二、活动时间 2009年6月1日至30日。其中6月14日为宣传咨询日。: a span, then a remark
        // that asks nothing.
        let (span, remark) = body.split_once('。').unwrap_or((body, ""));
        let remark_only = !super::report_list::has_modal(remark);
        let body = if remark_only { span } else { body };
        let bare = SPAN.is_match(body) || BARE.is_match(body) && body.chars().count() <= 16;
        if let Some(end) = end_of(body, issued).filter(|_| bare) {
            s.directives.clear();
            return Some(end);
        }
    }
    // 一、督察时间 / 11月15日至11月30日: when the issuer's groups come is no limit of the
    // addressees' work.
    let after_inspection = |k: usize| k > 0 && ISSUERS_VISIT.iter().any(|w| lines[k - 1].contains(w));
    lines.iter().enumerate().filter(|&(k, _)| !after_inspection(k)).find_map(|(_, l)| period_line(l, issued))
}

/// Visits by the issuer's own groups: their period is when they come, not a limit of the work.
const ISSUERS_VISIT: [&str; 3] = ["督察", "督查", "督导"];

/// Finds the text's period ([`take_period`]) and gives its end to the directives without one.
pub fn date_by_period(lines: &[&str], sections: &mut [SectionDraft], issued: NaiveDate) {
    if let Some(p) = take_period(lines, sections, issued) {
        give_period(sections, &p);
    }
}

/// Gives the period's end to every directive that has no deadline or recurrence of its own.
fn give_period(sections: &mut [SectionDraft], period: &DeadlineDraft) {
    for d in sections.iter_mut().flat_map(|s| s.directives.iter_mut()) {
        if d.deadline.date.is_none() && d.deadline.recurrence.is_none() {
            d.deadline = period.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_period_line_ends_the_texts_work() {
        let issued = day("2023-11-01");
        let end = |l| period_line(l, issued).and_then(|d| d.date);
        assert_eq!(end("活动时间为:2023年11月。"), Some(day("2023-11-30")));
        assert_eq!(end("申报时间：即日起至2024年3月1日"), Some(day("2024-03-01")));
        assert_eq!(end("整治时间:2023年11月1日至12月31日"), Some(day("2023-12-31")));
        assert_eq!(end("发布时间:2023-11-28"), None, "chrome");
        assert_eq!(end("时间:2023年11月28日"), None, "nothing said to be timed");
        assert_eq!(end("2024年1月5日至2024年3月1日"), Some(day("2024-03-01")), "a span whose label was lost");
        assert_eq!(end("2023年11月9日是第32个全国消防日。"), None);
        assert_eq!(end("本次活动的主题是:预防为主,生命至上。"), None);
        assert_eq!(
            end("禁火时间为2021年10月1日-2022年5月1日,期间,林区及近林30米内,杜绝一切火源。"),
            Some(day("2022-05-01")),
            "a span opening a sentence"
        );
        assert_eq!(end("发布时间为2021年10月1日-2022年5月1日,欢迎阅读。"), None, "chrome");
        assert_eq!(
            end("集中整治行动从今年11月1日起至明年3月底结束,明年春季开学前完成第一轮集中整治。"),
            Some(day("2024-03-31")),
            "a campaign from its first day to its last"
        );
        assert_eq!(
            end("会议指出,整治行动从今年11月1日起至明年3月底结束。"),
            None,
            "not opening the sentence"
        );
        assert_eq!(
            end("县安委会决定从2022年12月起至2023年3月底在全县开展岁末年初百日安全生产大会战。"),
            Some(day("2023-03-31")),
            "a campaign's period inside its sentence"
        );
        assert_eq!(
            end("我乡今冬值班时间从11月1日开始至12月31日结束,在此期间,实行24小时值班。"),
            Some(day("2023-12-31")),
            "from its first day to its last"
        );
        assert_eq!(end("发布时间从5月1日开始至9月30日结束"), None, "chrome");
        assert_eq!(
            end("记者获悉,即日起至12月底,我市将全面开展安全生产大检查。"),
            Some(day("2023-12-31")),
            "from today"
        );
        assert_eq!(
            end("指挥部经研究决定,11月28日起至12月28日,开展出租屋消防安全隐患整治工作。"),
            Some(day("2023-12-28")),
            "from a day with 起, no year"
        );
        assert_eq!(end("6月28日召开会议,部署至8月28日开展的工作。"), None, "no span");
        assert_eq!(
            end("近日部署开展专项检查。检查将持续至12月中旬。"),
            Some(day("2023-12-20")),
            "how long it lasts"
        );
        assert_eq!(end("整治将围绕四大类进行治理。时间将延续至今年年底。"), Some(day("2023-12-31")));
        assert_eq!(
            end("会后,他强调,从8月17日起至9月底,要在全县全面开展安全生产大检查;县领导要带队检查。"),
            None,
            "a requirement's own period"
        );
        // (A month before the issue date is next year's, as every bare 月日 is.)
        assert_eq!(end("9月26日-30日"), Some(day("2024-09-30")), "a span within one month");
        assert_eq!(end("督察时间:2023年11月15日至11月30日"), None, "the issuer's own visit");
    }

    #[test]
    fn the_issuers_visit_is_no_period_of_the_work() {
        let issued = day("2024-09-24");
        let timed = |title: &str| {
            let lines = [title, "9月26日-30日", "三、工作要求", "1.各科室要组织开展好自查。"];
            let text = "各科室要组织开展好自查。";
            let directive = crate::model::DirectiveDraft {
                number: "三.1".into(),
                title: text.into(),
                text: text.into(),
                offices: vec!["各科室".into()],
                support_offices: Vec::new(),
                deadline: Default::default(),
                units_phrase: None,
                context: None,
                continues: None,
            };
            let mut sections = vec![SectionDraft {
                number: "三".into(),
                title: "工作要求".into(),
                text: text.into(),
                offices: Vec::new(),
                directives: vec![directive],
            }];
            date_by_period(&lines, &mut sections, issued);
            sections[0].directives[0].deadline.date
        };
        assert_eq!(timed("一、检查时间"), Some(day("2024-09-30")));
        assert_eq!(timed("一、督察时间"), None);
    }
}
