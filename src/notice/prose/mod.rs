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

//! Where a directive starts is in start.rs, lead-ins in lead_in.rs.

mod duties;
mod headlines;
mod lead_in;
mod limits;
mod offered;
mod open;
mod start;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::candidate::{Candidate, Fallback, Units, finish};
use super::text::{clean_line, first_clause, first_phrase, split_clauses, strip_end_mark};
use crate::model::DirectiveDraft;
use crate::notice::subject::{leading, named_before_verb, named_from_when, supporting};
use lead_in::{lead_in_units, split_lead_in};
pub use offered::{add_asked_by_date, asked_sentences, dated_tasks};
use open::{Open, Run};
use start::{Start, later_subjects, ordinal, parallel, periodic_report, start_of};

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
    // Inside a list of work done (一是…汇报。 / its account / 二是…召开专题会议。): its later
    // items, on lines of their own, are reports too until a line asks something.
    let mut reporting = false;
    // Inside a list of headline paragraphs (…工作机制： / 成立一个工作专班。…): the units of the
    // line that announced it.
    let mut headline_list: Option<Option<Vec<String>>> = None;
    for (i, line) in lines.iter().enumerate() {
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
        inherit_across(&mut found, from);
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

fn read_paragraph(line: &str, recipients: &[String], found: &mut Vec<Open>) {
    let mut run = Run::default();
    // （三）集中整治阶段（5月1日至6月30日）。…有关部门要…: the phase's end is the deadline of
    // the paragraph's requirements that name none.
    let unnumbered = crate::notice::numbering::marker_of(line).map_or(line, |m| &line[m.len..]);
    let phase = Some(first_clause(unnumbered)).filter(|c| crate::notice::heading::is_phase(c)).unwrap_or("");
    let from = found.len();
    let mut open: Option<Open> = None;
    let close = |open: &mut Option<Open>, found: &mut Vec<Open>| {
        if let Some(mut o) = open.take() {
            let body = ordinal(&o.text).map_or(o.text.as_str(), |end| &o.text[end..]);
            if o.enumerated && crate::notice::report_list::is_goal(body) {
                return;
            }
            if o.enumerated && o.units.is_none() {
                let inline =
                    crate::notice::units::find_inline(body).map(|u| u.lead).filter(|l| !l.is_empty());
                let led = body.split_inclusive(['，', ',']).next().and_then(leading);
                o.units =
                    inline.or(led).or_else(|| crate::notice::subject::units_in(body)).or(o.lead_units.take());
            }
            // 市督查室搞好配合 / 要会同县住建局、县市场监管局: the units that support it.
            let with =
                if o.units.is_some() { crate::notice::subject::together_with(&o.text) } else { Vec::new() };
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
            run.duties = false;
        }
        // 食品卫生监管主要由食品药品监管局牵头，教育、卫生等部门配合，…；校园周边环境整治
        // 主要由县公安局牵头…: each part that names its work and the unit leading it.
        if !run.enumerated
            && let Some(units) = duties::led_by(t)
        {
            close(&mut open, found);
            open = Some(Open::plain(t, Some(units), ""));
            continue;
        }
        if !run.enumerated
            && let Some((at, units)) = duties::duty_start(t, run.duties && !clause.sentence_start)
        {
            close(&mut open, found);
            run.duties = true;
            open = Some(Open::plain(&t[at..], Some(units), &t[..at]));
            continue;
        }
        // …及时报告；确保巡查到位，…；确保应急管理到位，…: clauses after a semicolon that
        // open with the same words are parallel requirements of the run's subject.
        if !clause.sentence_start && !run.enumerated && open.is_some() && parallel(&clauses, k) {
            close(&mut open, found);
            // 加强隐患治理,各村各单位要…: a subject after the clause's headline names its units.
            let named = later_subjects(t).into_iter().next().map(|(_, u)| u);
            let units = named.or_else(|| run.last_units.clone().filter(|_| run.first_named == Some(true)));
            open = Some(Open::plain(t, units, ""));
            continue;
        }
        let (lead, rest) = split_lead_in(t);
        if let Some(lead) = lead {
            // 会议指出，各街道、各行业主管部门要…。会议要求，一要…二要…: a list that names no
            // one is for whom the paragraph named last.
            let named_before = run.last_units.take().filter(|_| run.first_named == Some(true));
            run = Run { lead_units: lead_in_units(lead).or(named_before), ..Run::default() };
        }
        let rest = rest.strip_prefix("要求").filter(|r| ordinal(r).is_some()).unwrap_or(rest);
        // 会议强调，各单位一要…。二要…: the subject before the first ordinal is the list's.
        let rest = match start::subject_before_ordinal(rest) {
            Some((units, at)) => {
                run.lead_units = Some(units);
                &rest[at..]
            }
            None => rest,
        };
        // 批示：“海洋局认真抓紧整改…: the words quoted after the lead-in.
        let rest = if lead.is_some() { rest.trim_start_matches(['“', '"', '「']) } else { rest };
        // 三年行动过程中,每季度报送一次工作进展情况: a sentence of its own that sets a periodic
        // report is a requirement of its own (a 周期报送 rule), of the run's subject.
        let periodic = clause.sentence_start
            && lead.is_none()
            && !run.enumerated
            && open.is_some()
            && periodic_report(rest);
        let start = periodic
            .then_some(Start { at: 0, units: None, enumerated: false, plain: true })
            .or_else(|| start_of(rest, &run, recipients, lead.is_some() || !clause.sentence_start))
            .or_else(|| {
                lead?;
                if let Some(units) = named_before_verb(rest) {
                    return Some(Start { at: 0, units: Some(units), enumerated: false, plain: false });
                }
                // 艾志军强调,全县上下要进一步强化…: after a lead-in, a 要 in the first phrase
                // starts a requirement even when its subject is not a unit.
                // 会议最后强调,在国庆期间必须做好…: 必须 and 务必 ask as 要 does.
                let phrase = first_phrase(rest);
                let modal = ["要", "必须", "务必"]
                    .iter()
                    .filter_map(|m| phrase.find(m))
                    .min()
                    .filter(|&at| !phrase[at..].starts_with("要求") && phrase[..at].chars().count() <= 8);
                // 申报要求：凡符合…的单位，均应主动…申报备案: a class of units, then its modal.
                let class_then_modal = || {
                    let second = rest.split(['，', ',']).nth(1)?.trim_start();
                    let second = second.strip_prefix(['均', '都', '也']).unwrap_or(second);
                    (second.starts_with(['应', '须']) || second.starts_with("必须")).then_some(())
                };
                modal.or_else(|| class_then_modal().map(|()| 0)).map(|_| Start {
                    at: 0,
                    units: None,
                    enumerated: false,
                    plain: false,
                })
            });
        // 要严格落实五点要求。一是…: words that announce the list are no requirement.
        let start = start.filter(|s| s.enumerated || !lead_in::announces(&rest[s.at..]));
        // 县应急局等部门从1月6日起开展…: units acting from a day, for a sentence of no other start.
        // Read only where the arm below can take it: a sentence's opening unit is dear to read.
        let may_act = start.is_none()
            && clause.sentence_start
            && lead.is_none()
            && run.first_named == Some(true)
            && open.as_ref().is_some_and(|o| !o.enumerated && o.units.is_some());
        let from_when = if may_act {
            // 林业部门应…。气象部门密切关注天气变化: a unit that opens the next sentence before
            // its verb is its subject, as a unit acting from a day is.
            named_from_when(t).or_else(|| crate::notice::subject::opening_subject(t))
        } else {
            None
        };
        match start {
            Some(s) => {
                let named_before = open.as_ref().filter(|o| !o.enumerated).and_then(|o| o.units.clone());
                close(&mut open, found);
                let units = match s.units.clone() {
                    Some(u) => Some(u),
                    None if s.enumerated => None,
                    None => start::subject_after_bare(&rest[s.at..]).or_else(|| {
                        (s.plain && run.first_named == Some(true)).then(|| run.last_units.clone()).flatten()
                    }),
                };
                if s.enumerated {
                    // 会议强调,省专班办公室要…。一是要…: a list right after a requirement of
                    // named units is theirs, as a subject before its first ordinal is.
                    let first = rest[s.at..].starts_with(['一', '壹']);
                    if !run.enumerated && run.lead_units.is_none() && first {
                        run.lead_units = named_before;
                    }
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
                if let Some(units) = units.as_mut() {
                    for u in start::singled_out(&text[..first_end]) {
                        if !units.contains(&u) {
                            units.push(u);
                        }
                    }
                }
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
                    open = Some(Open::plain(&text[*at..end], Some(units.clone()), ""));
                }
            }
            // 各级防办要加强会商研判，…；突出…重点部位隐患排查；及时清淤疏浚河道: in running text
            // each semicolon part of a subject's sentence is a requirement of that subject.
            None if !clause.sentence_start
                && open.as_ref().is_some_and(|o| !o.enumerated && o.units.is_some())
                && start::semicolon_part(t) =>
            {
                let units = start::own_subject(t).or_else(|| open.as_ref().and_then(|o| o.units.clone()));
                close(&mut open, found);
                open = Some(Open::plain(t, units, ""));
            }
            // 要求各乡镇、各部门对…研判。通过手机短信…做好预警提示。结合元旦…全覆盖检查。: after
            // a requirement asked of named units, a sentence that opens with what to do is the
            // next requirement of the same units.
            None if clause.sentence_start
                && lead.is_none()
                && open.as_ref().is_some_and(|o| !o.enumerated && o.units.is_some())
                && run.first_named == Some(true)
                && (start::opens_with_action(t) || from_when.is_some())
                && !start::tells_done(&sentence_at(&clauses, k)) =>
            {
                // …。县应急局、县消防大队等部门从1月6日起开展联合执法检查: its own units.
                if from_when.is_some() {
                    run.last_units = from_when.clone();
                }
                let units = from_when.or_else(|| open.as_ref().and_then(|o| o.units.clone()));
                close(&mut open, found);
                open = Some(Open::plain(t, units, ""));
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

/// The sentence that clause `k` opens: it and the clauses after it up to the next sentence.
fn sentence_at(clauses: &[crate::notice::text::Clause<'_>], k: usize) -> String {
    let rest = clauses.get(k + 1..).unwrap_or_default();
    let more = rest.iter().take_while(|c| !c.sentence_start).map(|c| c.text);
    clauses.get(k).map(|c| c.text).into_iter().chain(more).collect()
}
