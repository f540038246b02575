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

//! One paragraph is read in paragraph.rs; where a directive starts is in start.rs, lead-ins in
//! lead_in.rs.

mod action;
mod asked;
mod duties;
mod frame;
mod headlines;
mod lead_in;
mod limits;
mod offered;
mod open;
mod paragraph;
mod please;
mod shares;
mod start;
#[cfg(test)]
mod subject_tests;
mod subjects;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::candidate::{Candidate, Fallback, Units, finish};
use super::text::{clean_line, first_phrase, strip_end_mark};
use crate::model::DirectiveDraft;
pub use offered::{add_asked_by_date, asked_sentences, dated_tasks};
use open::{Open, Run};
use paragraph::read_paragraph;
use start::ordinal;

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
    let fallback = Fallback { issued, section_title: "", section_deadline: None, notice_deadline: None };
    requirements_after(before, lines, recipients)
        .into_iter()
        .filter(|(c, _)| super::candidate::has_words(&c.text))
        .enumerate()
        .map(|(i, (c, units))| finish(format!("一.{}", i + 1), c, units, &fallback))
        .collect()
}

/// How many lines of running text are rows of a division of labour (安监部门牵头对…督促整改;).
pub fn division_rows(lines: &[&str]) -> usize {
    lines
        .iter()
        .filter(|l| {
            crate::notice::text::split_clauses(l).iter().any(|c| duties::leads_work(c.trimmed()).is_some())
        })
        .count()
}

/// The parts of a paragraph that shares work out (各乡镇负责…;各部门负责…;…由X负责), each
/// with its units — empty unless every requirement read in it is such a share.
pub fn shared_out(paragraph: &str) -> Vec<(Candidate, Option<Units>)> {
    let found = requirements(&[paragraph], &[]);
    let shares = |(c, u): &(Candidate, Option<Units>)| {
        u.is_some() && c.text.contains("负责") && !crate::notice::report_list::has_modal(&c.text)
    };
    if found.iter().all(shares) { found } else { Vec::new() }
}

/// `…李鹏就做好夏季社区安全治理工作提出三点要求:` on a line of its own, then `提高政治站位,…;
/// 落实上级要求,…;`: a lead-in that asks, ending in its colon, and the unnumbered line it
/// leads in to are one paragraph (the line's parts are what it asks).
fn join_lead_lines(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let leads = out.last().is_some_and(|l: &String| asks_with_colon(l));
        if leads && !leads_a_list(&line) {
            if let Some(last) = out.last_mut() {
                last.push_str(clean_line(&line));
            }
            continue;
        }
        out.push(line);
    }
    out
}

/// `…提出三点要求:` — an asking lead-in that ends in its colon.
fn asks_with_colon(line: &str) -> bool {
    let l = clean_line(line);
    l.ends_with(['：', ':'])
        && ["要求", "意见"].iter().any(|w| l.trim_end_matches(['：', ':']).ends_with(w))
        && lead_in::split_lead_in(l).0.is_some()
}

/// A line that opens with an ordinal or a number (a list read as such), or an empty one.
fn leads_a_list(line: &str) -> bool {
    let t = clean_line(line);
    t.is_empty() || ordinal(t).is_some() || crate::notice::numbering::marker_of(t).is_some()
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
    // (The header's last line may be that lead-in: 会议最后,…提出三点要求:.)
    let lead_before =
        before.filter(|b| asks_with_colon(b) && lines.first().is_some_and(|l| !leads_a_list(l)));
    let before = if lead_before.is_some() { None } else { before };
    let mut titled = headlines::join_ordinal_titles(lines);
    if let Some(lead) = lead_before {
        titled.insert(0, lead.to_owned());
    }
    let joined = join_lead_lines(titled);
    let lines: Vec<&str> = joined.iter().map(String::as_str).collect();
    let lines = lines.as_slice();
    let mut found: Vec<Open> = Vec::new();
    // Inside a list of work done (一是…汇报。 / its account / 二是…召开专题会议。): its later
    // items, on lines of their own, are reports too until a line asks something.
    let mut reporting = false;
    // Inside a list of headline paragraphs (…工作机制： / 成立一个工作专班。…): the units of the
    // line that announced it.
    let mut headline_list: Option<Option<Vec<String>>> = None;
    // A copy that opens inside a list (…际,研究出台…。 / 六要开展…): the lines before its first
    // ordinal, when that is no list's first, are the rest of the item before it.
    let opens_inside = lines.iter().position(|l| ordinal(clean_line(l)).is_some()).filter(|&k| {
        let first = clean_line(lines[k]);
        (1..=2).contains(&k) && before.is_none() && !first.starts_with(['一', '壹', '1', '（', '(', '①'])
    });
    // Whether the last paragraph that named its speaker gave a meeting's words (会议指出,…).
    let mut meeting_spoke = false;
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == opens_inside && !found.is_empty() {
            let mut units: Vec<String> = Vec::new();
            for u in found.drain(..).filter_map(|o| o.units).flatten() {
                if !units.contains(&u) {
                    units.push(u);
                }
            }
            let text: String = lines[..i].iter().map(|l| clean_line(l)).collect();
            let units = (!units.is_empty()).then_some(units);
            found.push(Open { enumerated: true, ..Open::plain(&text, units, "") });
        }
        let from = found.len();
        if let Some(announced) = &headline_list
            && headlines::opens_with_headline(line)
        {
            let units = crate::notice::subject::units_in(line).or_else(|| announced.clone());
            found.push(Open { enumerated: true, ..Open::plain(clean_line(line), units, "") });
            continue;
        }
        headline_list = None;
        read_paragraph(line, recipients, &mut found);
        // …存在如下问题:一是…缺少防护。二是…: the findings listed are no requirements.
        if let Some(at) = crate::notice::report_list::findings_from(line) {
            let listed = |o: &Open| {
                let head: String = clean_line(&o.text).chars().take(12).collect();
                o.enumerated && line[at..].contains(&head) && crate::notice::report_list::is_finding(&o.text)
            };
            let kept: Vec<Open> = found.drain(from..).filter(|o| !listed(o)).collect();
            found.extend(kept);
        }
        if headlines::announces_list(line) && found.len() > from {
            headline_list = Some(found.last().and_then(|o| o.units.clone()));
        }
        let above = match i {
            0 => before,
            _ => lines.get(i - 1).copied(),
        };
        // 一是加强领导…负总责。 / 二是…要求各区县政府要…: a list whose next item asks is no report.
        // A later item: an ordinal (二是, 三要, (四)…) that is not the first.
        let later = |l: &str| ordinal(clean_line(l)).is_some() && !clean_line(l).starts_with(['一', '壹']);
        let next_asks =
            lines.get(i + 1).is_some_and(|n| later(n) && crate::notice::report_list::has_modal(n));
        let asks = crate::notice::report_list::has_modal(line);
        let later_item = later(line);
        if crate::notice::report_list::is_report(line, above) && !next_asks {
            found.truncate(from);
            reporting = true;
        } else if reporting && later_item && !asks {
            found.truncate(from);
        } else if asks {
            reporting = false;
        }
        // 全省电视电话会议结束后,常务副县长毛孝泉要求,要…: after a meeting's words, an
        // official of the place speaks for himself; the meeting's addressees are not his.
        let first_sentence = clean_line(line).split('。').next().unwrap_or_default();
        // (Only a meeting or an official is looked for: most paragraphs name neither.)
        let speaks = first_sentence.contains("会议") || lead_in::spoken_by_official(first_sentence);
        let speaker = if speaks { lead_in::split_lead_in(first_sentence).0 } else { None };
        let official = speaker.is_some_and(|l| !l.starts_with("会议") && lead_in::spoken_by_official(l));
        if !(official && meeting_spoke) {
            inherit_across(&mut found, from);
        }
        if let Some(l) = speaker {
            meeting_spoke = l.starts_with("会议");
        }
    }
    // 7月底前全面完成，8月底前完成验收…: one requirement per limit, each with the subject.
    let found = found.into_iter().flat_map(|o| {
        let cuts = if o.enumerated { Vec::new() } else { limits::per_limit(&o.text) };
        let mut parts = Vec::with_capacity(cuts.len() + 1);
        let mut from = 0;
        for cut in cuts.into_iter().chain([o.text.len()]) {
            let before = if from == 0 { o.before.as_str() } else { "" };
            parts.push(Open {
                support: o.support.clone(),
                ..Open::plain(&o.text[from..cut], o.units.clone(), before)
            });
            from = cut;
        }
        parts
    });
    found
        .map(|o| {
            let text = clean_line(&o.text).to_owned();
            let head = ordinal(&text).map_or(text.as_str(), |end| &text[end..]);
            let phrase = first_phrase(head);
            let title = strip_end_mark(phrase.strip_prefix('要').unwrap_or(phrase)).to_owned();
            // 对违反规定…的，要一律责令停业整顿: the words that frame it are the requirement's too.
            let text = match frame::frame(&o.before, &text) {
                Some(words) if ordinal(&text).is_none() => format!("{words}{text}"),
                _ => text,
            };
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

/// 会议要求，各地要…；要…。(new paragraph) 会议强调，要…: a paragraph's requirements that open
/// with a bare modal, before any names a subject, are the units' the speaker named last in an
/// earlier paragraph (one speaker, one addressee, until another is named).
fn inherit_across(found: &mut [Open], from: usize) {
    // The last subject named at a requirement's start (a unit inside `务必依法依规，公安机关要…`
    // is that item's own, not the speaker's addressee).
    let bare = |o: &Open| start::bare_modal(ordinal(&o.text).map_or(o.text.as_str(), |end| &o.text[end..]));
    let named = |o: &Open| if bare(o) { None } else { o.units.clone() };
    let Some(carry) = found[..from].iter().rev().find_map(named) else { return };
    for o in &mut found[from..] {
        if o.units.is_some() {
            break;
        }
        if bare(o) {
            o.units = Some(carry.clone());
        }
    }
}
