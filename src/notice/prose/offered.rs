//! 提请审核 — running text in which no rule of mod.rs finds a requirement, but which is not
//! empty of them: a news item's tasks with dates (`要求3月份前完成调查摸底`) and its asking
//! sentences (`同时要求该单位继续依法履行…`). They are offered for the officer to review rather
//! than the text refused (issue #15: never refuse a text that contains requirements).

use chrono::NaiveDate;

use super::super::candidate::{Candidate, Fallback, Units, finish};
use super::super::text::{clean_line, first_phrase, strip_end_mark};
use crate::model::DirectiveDraft;

/// Running text in which no requirement starts as the rules above know (a news item: `…联合出台
/// 《意见》,要求3月份前完成调查摸底,9月底前全面改造…`): its sentences that set a task a date, so
/// that a text with requirements is offered for review rather than refused.
pub fn dated_tasks(lines: &[&str], issued: NaiveDate) -> Vec<DirectiveDraft> {
    offer(dated_sentences(lines, issued).into_iter().map(str::to_owned), issued)
}

/// The sentences of [`dated_tasks`].
fn dated_sentences<'a>(lines: &[&'a str], issued: NaiveDate) -> Vec<&'a str> {
    const TASKS: [&str; 10] =
        ["完成", "报送", "上报", "建成", "整改", "改造", "落实", "建立", "开展", "办结"];
    lines
        .iter()
        .flat_map(|l| l.split_inclusive('。'))
        .map(clean_line)
        .filter(|s| TASKS.iter().any(|t| s.contains(t)))
        .filter(|s| !crate::notice::report_list::states_outcome(s))
        .filter(|s| crate::notice::deadline::find_deadline(s, issued).is_some_and(|d| d.date.is_some()))
        // …记者从会议上了解到,…,我市将从6月中旬起至8月底,对…进行检查督导: the issuer's own
        // plan, dated, is no task of the units it writes to.
        .filter(|s| {
            // 从5月5日起至6月20日,我市在全市范围内开展…: nor the campaign it runs itself.
            let mut clauses = s.split(['，', ',']);
            let own_work = clauses.clone().any(crate::notice::own_plan::is_own_work);
            !own_work
                && !clauses.any(|c| {
                    crate::notice::own_plan::is_own_plan(c, &[])
                        && crate::notice::deadline::find_deadline(c, issued).is_some()
                })
        })
        .collect()
}

/// Texts offered as directives for review, numbered in order.
fn offer(texts: impl Iterator<Item = String>, issued: NaiveDate) -> Vec<DirectiveDraft> {
    let fallback = Fallback { issued, section_title: "", section_deadline: None, notice_deadline: None };
    texts
        .enumerate()
        .map(|(i, text)| {
            let title = strip_end_mark(first_phrase(&text)).to_owned();
            let c = Candidate { title, text, ..Candidate::default() };
            finish(format!("一.{}", i + 1), c, None, &fallback)
        })
        .collect()
}

/// Of [`dated_tasks`], those asked for (`…联合出台《意见》,要求3月份前完成调查摸底…`), from the
/// asking word on: what came before it says who decided, not what is asked. A sentence that
/// asks for several tasks each by its own limit (`要求3月份前完成…，9月底前全面改造…`) offers
/// each ([`super::limits::per_limit`]).
fn asked_by_date(lines: &[&str], issued: NaiveDate) -> Vec<DirectiveDraft> {
    let mut asked = Vec::new();
    for sentence in dated_sentences(lines, issued) {
        let mut at = 0;
        for piece in sentence.split_inclusive(['，', ',']) {
            if let Some(k) = piece.find("要求").filter(|&k| asks_here(piece, k)).or_else(|| told_to(piece))
            {
                let text = &sentence[at + k..];
                let mut from = 0;
                for cut in super::limits::per_limit(text).into_iter().chain([text.len()]) {
                    asked.push(text[from..cut].to_owned());
                    from = cut;
                }
                break;
            }
            at += piece.len();
        }
    }
    offer(asked.into_iter(), issued)
}

/// Running text whose requirements the rules found keeps the tasks asked for by a date beside
/// them ([`asked_by_date`]) unless one of theirs holds it; all in the order of the text.
pub fn add_asked_by_date(directives: &mut Vec<DirectiveDraft>, lines: &[&str], issued: NaiveDate) {
    let mut more = asked_by_date(lines, issued);
    more.retain(|t| !directives.iter().any(|d| d.text.contains(&t.text) || t.text.contains(&d.text)));
    if more.is_empty() {
        return;
    }
    directives.append(&mut more);
    let body = lines.join("\n");
    directives.sort_by_key(|d| body.find(d.text.as_str()).unwrap_or(usize::MAX));
    for (i, d) in directives.iter_mut().enumerate() {
        d.number = format!("一.{}", i + 1);
    }
}

/// Running text in which no requirement starts as the rules above know and no task has a
/// date (a news item: `…将及时提请撤销挂牌督办,同时要求该单位继续依法履行消防安全职责`): the
/// sentences that ask (要求 + what is asked, not 按要求 / 的要求), from the asking phrase on, so
/// that a text with requirements is offered for review rather than refused.
pub fn asked_sentences(lines: &[&str], issued: NaiveDate) -> Vec<DirectiveDraft> {
    let fallback = Fallback { issued, section_title: "", section_deadline: None, notice_deadline: None };
    let mut found = Vec::new();
    let asked_lines = lines.iter().enumerate().filter(|&(i, l)| {
        let above = i.checked_sub(1).and_then(|a| lines.get(a)).copied();
        !crate::notice::report_list::is_report(l, above)
    });
    for sentence in asked_lines.flat_map(|(_, l)| l.split_inclusive(['。', '；', ';'])) {
        let mut at = 0;
        for piece in sentence.split_inclusive(['，', ',']) {
            if let Some(k) = piece.find("要求").filter(|&k| asks_here(piece, k)).or_else(|| told_to(piece))
            {
                let text = clean_line(&sentence[at..]).to_owned();
                let units = crate::notice::subject::required_units(&piece[k + "要求".len()..]);
                let title = strip_end_mark(first_phrase(&text)).to_owned();
                let units = units.map(Units::named);
                found.push((Candidate { title, text, ..Candidate::default() }, units));
                break;
            }
            at += piece.len();
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(i, (c, units))| finish(format!("一.{}", i + 1), c, units, &fallback))
        .collect()
}

/// `大队也教育经营者要提高消防安全的责任意识`: whom the speaker taught, reminded or urged, then
/// their 要 — where the asking word stands.
fn told_to(piece: &str) -> Option<usize> {
    ["教育", "提醒", "督促", "告诫"].iter().find_map(|w| {
        let k = piece.find(w)?;
        let rest = &piece[k + w.len()..];
        let m = rest.find('要').filter(|&m| (1..=12).contains(&rest[..m].chars().count()))?;
        crate::notice::subject::is_modal(&rest[m..]).then_some(k)
    })
}

/// Whether the 要求 at `k` in `piece` asks something (`同时要求该单位继续…`), rather than naming
/// a requirement (按要求, 工作要求, 符合要求) or closing the phrase.
fn asks_here(piece: &str, k: usize) -> bool {
    let before = piece[..k].chars().next_back();
    let after = piece[k + "要求".len()..].chars().next();
    let named = before.is_some_and(|c| "按照的合关体作项本述些".contains(c));
    // 要求相关责任人立即整改: what an inspector told the people on the spot, not a unit's task.
    const PEOPLE: [&str; 6] = ["相关责任人", "责任人", "当事人", "业主", "店主", "群众"];
    let rest = &piece[k + "要求".len()..];
    let people = PEOPLE.iter().any(|p| rest.starts_with(p));
    // 符合相关消防安全要求情况: the requirements met, a noun.
    let met = ["符合", "达到", "按照"].iter().any(|w| piece[..k].contains(w)) || rest.starts_with("情况");
    !named && !people && !met && after.is_some_and(|c| crate::notice::text::is_han(c) || c.is_ascii_digit())
}
