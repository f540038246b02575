//! 无编号正文 — requirements in running text: meeting reports (会议要求，要…。要…), leaders'
//! remarks and 批示 (提出具体要求：一是…二是…), covering notices (请各牵头单位要…). Such a text has
//! no 一、 headings; rather than refuse it, its requirements are proposed as directives of one
//! section for the officer to check on the review screen.
//!
//! Paragraph by paragraph, a directive starts at an ordinal (一是/一要), at a clause that opens
//! with 要, with a unit and 要 (`县应急局要…`), with 请, or with 要求 and a collective; inside a
//! list of ordinals every other sentence stays with its item. A lead-in (`会议要求，`, `门轩主任
//! 要求各领导、各部门：`, `对应急管理局提出三点要求：`) starts a new run and may name the units.
//! A directive with no subject takes the units of the one before it when the run began with a
//! named subject (`各级各部门要…；要…；要…`).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::candidate::{Candidate, Fallback, Units, finish};
use super::subject::{leading, modal_subject, named_before_verb, required_units, subject_units, supporting};
use super::text::{Clause, clean_line, first_phrase, split_clauses, strip_end_mark};
use crate::model::DirectiveDraft;

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|第[一二三四五六七八九十]+[，,、]",
        r"|\d{1,2}[、.．]|[（(]\d{1,2}[）)]|[①-⑳])",
    ))
    .expect("ordinal regex")
});

/// The ordinal opening `s` (一是, 二要, 第三，, 1. inside a paragraph, （2）, ③): its length.
fn ordinal(s: &str) -> Option<usize> {
    let m = ORDINAL.find(s)?;
    let after = s[m.end()..].chars().next();
    let decimal =
        m.as_str().ends_with(['.', '．', '、']) && m.as_str().starts_with(|c: char| c.is_ascii_digit());
    (!(decimal && after.is_none_or(|c| c.is_ascii_digit()))).then_some(m.end())
}
/// A lead-in at the start of a clause: who requires (会议要求，/ 他强调， / …提出具体要求：).
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[^。；;：:要请]{0,80}?(?:要求|强调|指出|议定|表示|希望|批示|指示|提出[^，,。；;：:]{0,14}|作出安排|做出安排|安排部署|部署)",
        r"(?:如下|以下)?[，,：:]",
    ))
    .expect("lead-in regex")
});
/// `要求各领导、各部门：` — a lead-in naming the units.
static REQUIRE_UNITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"要求([^，,。；;：:]{2,30})[：:]$").expect("require-units regex"));
/// `对应急管理局提出三点要求` — the units a remark is addressed to.
static ADDRESSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"对([^，,。；;：:对]{2,20})提出").expect("addressed regex"));
/// Words by which a 请 sentence points at the addressees above.
const REFERS: [&str; 4] = ["以上", "上述", "各事涉", "你们"];

/// A directive being read.
struct Open {
    text: String,
    units: Option<Vec<String>>,
    /// An ordinal item: its units are looked for in all of its sentences, else the lead-in's.
    enumerated: bool,
    lead_units: Option<Vec<String>>,
    /// Supporting units its phrases name (`市督查室搞好配合`).
    support: Vec<String>,
    /// The words of its sentence before it.
    before: String,
}

/// What a paragraph's run carries from directive to directive.
#[derive(Default)]
struct Run {
    lead_units: Option<Vec<String>>,
    first_named: Option<bool>,
    last_units: Option<Vec<String>>,
    enumerated: bool,
    semicolon_list: bool,
}

/// The units of a lead-in, if it names them.
fn lead_in_units(lead: &str) -> Option<Vec<String>> {
    let l = lead.trim_end_matches([' ']);
    if let Some(u) = REQUIRE_UNITS.captures(l).and_then(|c| subject_units(&c[1])) {
        return Some(u);
    }
    ADDRESSED.captures(l).and_then(|c| subject_units(&c[1]))
}

/// Splits a clause into its lead-in (if any) and the rest.
fn split_lead_in(t: &str) -> (Option<&str>, &str) {
    if let Some(m) = LEAD_IN.find(t) {
        return (Some(&t[..m.end()]), &t[m.end()..]);
    }
    if let Some(c) = REQUIRE_UNITS.captures(t).or_else(|| {
        let colon = t.find(['：', ':'])?;
        REQUIRE_UNITS.captures(&t[..colon + t[colon..].chars().next()?.len_utf8()])
    }) {
        let end = c.get(0).map_or(0, |m| m.end());
        return (Some(&t[..end]), &t[end..]);
    }
    // …提出了具体要求：一是… — a colon that opens a list of ordinals.
    if let Some((at, c)) =
        t.char_indices().find(|(i, c)| matches!(c, '：' | ':') && ordinal(&t[i + c.len_utf8()..]).is_some())
    {
        let end = at + c.len_utf8();
        return (Some(&t[..end]), &t[end..]);
    }
    // 市政府要求各级各单位务要… — 要求 followed by the units and their 要.
    if let Some(at) =
        t.find("要求").filter(|&at| t[..at].chars().count() <= 30 && !t[..at].contains(['，', ',']))
    {
        // The directive keeps its 要求 (要求各地…), as one written mid-sentence does.
        if required_units(&t[at + "要求".len()..]).is_some() {
            return (Some(&t[..at]), &t[at..]);
        }
    }
    // 祝楼乡一是要求各村… — a short subject before the first ordinal.
    if let Some(at) = t.find("一是").filter(|&at| at > 0 && t[..at].chars().count() <= 8)
        && t[..at].chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return (Some(&t[..at]), &t[at..]);
    }
    (None, t)
}

/// Reads the directives of running text. `recipients` (the addressee line) answers a 请
/// sentence that names no unit or points above (请以上责任单位…).
pub fn directives(lines: &[&str], recipients: &[String], issued: NaiveDate) -> Vec<DirectiveDraft> {
    directives_after(None, lines, recipients, issued)
}

/// [`directives`] of lines that follow `before` (a header line that may lead in to them:
/// 会议提出两点要求：).
pub fn directives_after(
    before: Option<&str>,
    lines: &[&str],
    recipients: &[String],
    issued: NaiveDate,
) -> Vec<DirectiveDraft> {
    let fallback = Fallback { issued, section_deadline: None, notice_deadline: None };
    requirements_after(before, lines, recipients)
        .into_iter()
        .enumerate()
        .map(|(i, (c, units))| finish(format!("一.{}", i + 1), c, units, &fallback))
        .collect()
}

/// The requirements of running text, each with the units it names or inherits.
pub fn requirements(lines: &[&str], recipients: &[String]) -> Vec<(Candidate, Option<Units>)> {
    requirements_after(None, lines, recipients)
}

fn requirements_after(
    before: Option<&str>,
    lines: &[&str],
    recipients: &[String],
) -> Vec<(Candidate, Option<Units>)> {
    let mut found: Vec<Open> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let from = found.len();
        read_paragraph(line, recipients, &mut found);
        let above = match i {
            0 => before,
            _ => lines.get(i - 1).copied(),
        };
        if super::report_list::is_report(line, above) {
            found.truncate(from);
        }
    }
    found
        .into_iter()
        .map(|o| {
            let text = clean_line(&o.text).to_owned();
            let head = ordinal(&text).map_or(text.as_str(), |end| &text[end..]);
            let phrase = first_phrase(head);
            let title = strip_end_mark(phrase.strip_prefix('要').unwrap_or(phrase)).to_owned();
            let support = o.support;
            let units = match o.units {
                Some(lead) => Some(Units { phrase: lead.join("、"), lead, support }),
                None if !support.is_empty() => {
                    Some(Units { phrase: support.join("、"), lead: Vec::new(), support })
                }
                None => None,
            };
            (Candidate { title, text, sentence_before: o.before, ..Candidate::default() }, units)
        })
        .collect()
}

fn read_paragraph(line: &str, recipients: &[String], found: &mut Vec<Open>) {
    let mut run = Run::default();
    // （三）集中整治阶段（5月1日至6月30日）。…有关部门要…: the phase's end is the deadline of
    // the paragraph's requirements that name none.
    let unnumbered = super::numbering::marker_of(line).map_or(line, |m| &line[m.len..]);
    let phase = split_clauses(unnumbered)
        .first()
        .map(|c| c.text)
        .filter(|c| super::section::is_phase(c))
        .unwrap_or("");
    let from = found.len();
    let mut open: Option<Open> = None;
    let close = |open: &mut Option<Open>, found: &mut Vec<Open>| {
        if let Some(mut o) = open.take() {
            if o.enumerated && o.units.is_none() {
                let body = ordinal(&o.text).map_or(o.text.as_str(), |end| &o.text[end..]);
                let inline = super::units::find_inline(body).map(|u| u.lead).filter(|l| !l.is_empty());
                let led = body.split_inclusive(['，', ',']).next().and_then(leading);
                o.units = inline.or(led).or_else(|| super::subject::units_in(body)).or(o.lead_units.take());
            }
            // 市督查室搞好配合 / 要会同县住建局、县市场监管局: the units that support it.
            let with = if o.units.is_some() { super::subject::together_with(&o.text) } else { Vec::new() };
            let phrases = o.text.split_inclusive(['，', ',', '。']).skip(1);
            let named = phrases.filter(|p| p.contains("配合")).filter_map(|p| supporting(p.trim())).flatten();
            for u in with.into_iter().chain(named.collect::<Vec<_>>()) {
                let lead = o.units.as_deref().unwrap_or_default();
                if !lead.contains(&u) && !o.support.contains(&u) {
                    o.support.push(u);
                }
            }
            found.push(o);
        }
    };
    let clauses = split_clauses(line);
    for (k, clause) in clauses.iter().enumerate() {
        let t = clean_line(clause.text);
        if clause.sentence_start {
            run.semicolon_list = false;
        }
        // …及时报告；确保巡查到位，…；确保应急管理到位，…: clauses after a semicolon that
        // open with the same words are parallel requirements of the run's subject.
        if !clause.sentence_start && !run.enumerated && open.is_some() && parallel(&clauses, k) {
            close(&mut open, found);
            open = Some(Open {
                text: t.to_owned(),
                units: run.last_units.clone().filter(|_| run.first_named == Some(true)),
                enumerated: false,
                lead_units: None,
                support: Vec::new(),
                before: String::new(),
            });
            continue;
        }
        let (lead, rest) = split_lead_in(t);
        if let Some(lead) = lead {
            run = Run { lead_units: lead_in_units(lead), ..Run::default() };
        }
        let rest = rest.strip_prefix("要求").filter(|r| ordinal(r).is_some()).unwrap_or(rest);
        // 批示：“海洋局认真抓紧整改…: the words quoted after the lead-in.
        let rest = if lead.is_some() { rest.trim_start_matches(['“', '"', '「']) } else { rest };
        let start =
            start_of(rest, &run, recipients, lead.is_some() || !clause.sentence_start).or_else(|| {
                lead?;
                if let Some(units) = named_before_verb(rest) {
                    return Some(Start { at: 0, units: Some(units), enumerated: false, plain: false });
                }
                // 艾志军强调,全县上下要进一步强化…: after a lead-in, a 要 in the first phrase
                // starts a requirement even when its subject is not a unit.
                let phrase = first_phrase(rest);
                let modal = phrase
                    .find('要')
                    .filter(|&at| !phrase[at..].starts_with("要求") && phrase[..at].chars().count() <= 8);
                modal.map(|_| Start { at: 0, units: None, enumerated: false, plain: false })
            });
        match start {
            Some(s) => {
                close(&mut open, found);
                let units = match s.units.clone() {
                    Some(u) => Some(u),
                    None if s.enumerated => None,
                    None if s.plain && run.first_named == Some(true) => run.last_units.clone(),
                    None => None,
                };
                if s.enumerated {
                    run.enumerated = true;
                } else {
                    run.first_named.get_or_insert(units.is_some());
                    if units.is_some() {
                        run.last_units = units.clone();
                    }
                    run.semicolon_list = s.plain && t.ends_with(['；', ';']);
                }
                let text = &rest[s.at..];
                // 市应急局要…，市消防救援支队要…: each unit named as a subject has its own; a
                // requirement with no subject (要实行…制度，各市必须…) is the first subject's.
                let mut splits = if s.enumerated { Vec::new() } else { later_subjects(text) };
                let mut units = units;
                if s.units.is_none() && !s.enumerated && !splits.is_empty() {
                    units = Some(splits.remove(0).1);
                }
                let first_end = splits.first().map_or(text.len(), |(at, _)| *at);
                open = Some(Open {
                    text: text[..first_end].to_owned(),
                    units,
                    enumerated: s.enumerated,
                    lead_units: run.lead_units.clone(),
                    support: Vec::new(),
                    before: rest[..s.at].to_owned(),
                });
                for (k, (at, units)) in splits.iter().enumerate() {
                    close(&mut open, found);
                    let end = splits.get(k + 1).map_or(text.len(), |(next, _)| *next);
                    run.last_units = Some(units.clone());
                    open = Some(Open {
                        text: text[*at..end].to_owned(),
                        units: Some(units.clone()),
                        enumerated: false,
                        lead_units: None,
                        support: Vec::new(),
                        before: String::new(),
                    });
                }
            }
            None => {
                if let Some(o) = open.as_mut() {
                    o.text.push_str(t);
                }
            }
        }
    }
    close(&mut open, found);
    if !phase.is_empty() {
        for o in &mut found[from..] {
            o.before = format!("{phase}{}", o.before);
        }
    }
}

/// Phrases after the first of a clause that open with a unit and its 要: where, and the units.
fn later_subjects(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive(['，', ',']) {
        if at > 0 && !(out.is_empty() && dated_prefix(&text[..at])) {
            let p = piece.trim_start();
            if let Some((units, _)) = modal_subject(p) {
                out.push((at + piece.len() - p.len(), units));
            }
        }
        at += piece.len();
    }
    out
}

/// `2023年10月底前，`: a short time phrase that opens the sentence of its directive.
fn dated_prefix(prefix: &str) -> bool {
    prefix.chars().count() <= 16 && super::deadline::find_deadline(prefix, NaiveDate::MIN).is_some()
}

/// Words that join a sentence to the one before (同时，要…).
const CONNECTIVES: [&str; 4] = ["同时", "此外", "另外", "与此同时"];

/// Whether clause `k` (after a semicolon) opens with the same two characters as a
/// neighbouring semicolon clause of its sentence (确保…；确保…), and they are not a subject.
fn parallel(clauses: &[Clause<'_>], k: usize) -> bool {
    let head = |i: usize| -> Option<String> {
        let c = clauses.get(i)?;
        let t = clean_line(c.text);
        let h: String = t.chars().take(2).collect();
        (h.chars().count() == 2 && h.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))).then_some(h)
    };
    let Some(mine) = head(k) else { return false };
    if mine.starts_with('要') || modal_subject(clean_line(clauses[k].text)).is_some() {
        return false;
    }
    let next = clauses.get(k + 1).filter(|c| !c.sentence_start).and_then(|_| head(k + 1));
    let prev = k.checked_sub(1).filter(|&p| !clauses[k].sentence_start && p > 0).and_then(head);
    next.as_ref() == Some(&mine) || (prev.as_ref() == Some(&mine) && !clauses[k - 1].sentence_start)
}

/// Where a directive starts in a clause, and what it says of its units.
struct Start {
    at: usize,
    units: Option<Vec<String>>,
    enumerated: bool,
    /// Opens with a bare 要 (no subject): may inherit the run's units.
    plain: bool,
}

fn start_of(rest: &str, run: &Run, recipients: &[String], after_lead: bool) -> Option<Start> {
    let plain_start =
        |at, units: Option<Vec<String>>| Start { at, plain: units.is_none(), units, enumerated: false };
    if ordinal(rest).is_some() || (after_lead && rest.starts_with("是要")) {
        return Some(Start { at: 0, units: None, enumerated: true, plain: false });
    }
    if run.enumerated {
        return None;
    }
    if rest.starts_with('要') && !rest.starts_with("要求") || rest.starts_with("务必") {
        return Some(plain_start(0, None));
    }
    // 同时,要加大…: a connective before a bare 要 starts the next requirement.
    let after_connective =
        CONNECTIVES.iter().find_map(|c| rest.strip_prefix(c)).map(|r| r.trim_start_matches(['，', ',']));
    if after_connective.is_some_and(|r| r.starts_with('要') && !r.starts_with("要求")) {
        return Some(plain_start(0, None));
    }
    if let Some(units) = rest.strip_prefix("要求").and_then(required_units) {
        return Some(plain_start(0, Some(units)));
    }
    if let Some((u, _)) = modal_subject(rest) {
        return Some(plain_start(0, Some(resolve(u, recipients))));
    }
    if let Some(s) = please(rest, recipients) {
        return Some(s);
    }
    if run.semicolon_list {
        return Some(plain_start(0, None));
    }
    // A directive that starts after a comma: 春节期间，各单位要…；…转发给你们，请按照…
    let mut at = 0;
    for piece in rest.split_inclusive(['，', ',']) {
        let p = piece.trim_start();
        let offset = at + (piece.len() - p.len());
        if at > 0 {
            // 2023年10月底前，罗定市政府要…: a time before the subject stays with its directive.
            let dated = after_lead && super::deadline::find_deadline(&rest[..at], NaiveDate::MIN).is_some();
            let head = if dated || dated_prefix(&rest[..at]) { 0 } else { offset };
            if let Some((u, _)) = modal_subject(p) {
                return Some(plain_start(head, Some(resolve(u, recipients))));
            }
            if let Some(units) = p.strip_prefix("要求").and_then(required_units) {
                return Some(plain_start(offset, Some(units)));
            }
            if after_lead && p.starts_with('要') && !p.starts_with("要求") {
                return Some(plain_start(head, None));
            }
            if let Some(s) = please(p, recipients) {
                return Some(Start { at: offset, ..s });
            }
        }
        at += piece.len();
    }
    None
}

/// A sentence opening with 请: its units, or the addressees when it names none or points above.
fn please(s: &str, recipients: &[String]) -> Option<Start> {
    let after = s.strip_prefix('请')?;
    if let Some((u, _)) = modal_subject(after) {
        return Some(Start { at: 0, units: Some(resolve(u, recipients)), enumerated: false, plain: false });
    }
    if let Some(mut u) = named_before_verb(after) {
        // 请各乡镇、街道落实属地监管责任,各责任单位落实企业整改主体责任: each subject of the
        // sentence is one of its units.
        for piece in after.split_inclusive(['，', ',']).skip(1) {
            let p = piece.trim_start();
            let more = modal_subject(p).map(|(m, _)| m).or_else(|| {
                let (c, _) = super::subject::collective_before_verb(p)?;
                Some(super::subject::collective_units(&c))
            });
            for m in more.into_iter().flatten() {
                if !u.contains(&m) {
                    u.push(m);
                }
            }
        }
        return Some(Start { at: 0, units: Some(resolve(u, recipients)), enumerated: false, plain: false });
    }
    if recipients.is_empty() {
        return None;
    }
    Some(Start { at: 0, units: Some(recipients.to_vec()), enumerated: false, plain: false })
}

/// Units that point above (以上责任单位, 各事涉部门) are the addressees.
fn resolve(units: Vec<String>, recipients: &[String]) -> Vec<String> {
    let refers = units.iter().all(|u| REFERS.iter().any(|w| u.contains(w)));
    if refers && !recipients.is_empty() { recipients.to_vec() } else { units }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        requirements(&[text], &[])
            .into_iter()
            .map(|(c, u)| {
                let u = u.unwrap_or(Units { lead: Vec::new(), support: Vec::new(), phrase: String::new() });
                (c.text, u.lead, u.support)
            })
            .collect()
    }

    #[test]
    fn a_remark_names_its_units_before_a_verb_and_after_please() {
        let found = read(
            "市长做出批示:“海洋局认真抓紧整改,市督查室搞好配合。”副市长也提出要求:“请交通局按照整改要求,尽快销号。”",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            (found[0].1.as_slice(), found[0].2.as_slice()),
            (&["海洋局".to_owned()][..], &["市督查室".to_owned()][..])
        );
        assert_eq!(found[1].1, ["交通局"]);
    }

    #[test]
    fn parallel_semicolon_clauses_are_requirements_of_the_subject() {
        let found = read(
            "会议要求,各防汛单位要加强协调,确保值班到位;确保巡查到位,及时排除隐患;确保应急管理到位,及早部署。副县长参加会议。",
        );
        let starts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(found.len(), 3, "{starts:?}");
        assert!(found.iter().all(|f| f.1 == ["各防汛单位"]), "{found:?}");
        assert!(starts[1].starts_with("确保巡查到位"));
        // Semicolons with different openings stay in one requirement.
        assert_eq!(read("各单位要加强协调;明确责任;形成合力。").len(), 1);
    }

    #[test]
    fn a_connective_or_a_lead_in_before_a_modal_starts_a_requirement() {
        let found = read("副县长强调,各部门、各乡镇要增强责任感;要加强排查。同时,要加大普及力度。");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[2].1, ["各部门", "各乡镇"]);
        let found = read("就安全生产工作,艾志军强调,全县上下要进一步强化认识,进一步强化督察。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.starts_with("全县上下要"), "{found:?}");
        assert!(found[0].1.is_empty());
    }

    #[test]
    fn a_please_sentence_names_every_subject_it_has() {
        let found = read("请各乡镇、街道落实属地监管责任,各责任单位落实企业整改主体责任,确保按期整改到位。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["各乡镇、街道", "各责任单位"]);
    }

    #[test]
    fn require_keeps_its_words_and_a_subject_later_in_the_sentence_is_the_directives() {
        let found = read("省指挥部要求各地在春节前组织一次督察;要实行零报告制度,各市必须于下午5时报告。");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.starts_with("要求各地在春节前"), "{found:?}");
        assert_eq!(found[0].1, ["各地"]);
        assert_eq!(found[1].1, ["各市"]);
    }

    #[test]
    fn a_time_before_the_subject_stays_with_the_directive() {
        let found = read("2023年10月底前,罗定市政府要将自评情况报送市消安委。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.starts_with("2023年10月底前"), "{found:?}");
        assert_eq!(found[0].1, ["罗定市政府"]);
    }
}
