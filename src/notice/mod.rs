//! 通知解析 — from the text of a work-requirements notice to a [`NoticeDraft`]: sections,
//! directives, responsible units and deadlines. Pure: no I/O beyond the bytes given, no
//! database.

mod deadline;
mod decode;
mod directives;
mod error;
mod header;
mod text;
mod units;

use chrono::NaiveDate;

use crate::model::{DirectiveDraft, NoticeDraft, SectionDraft};

pub use deadline::{find_deadline, find_recurrence, month_end, notice_default, week_end};
pub use decode::{DecodedText, MAX_NOTICE_BYTES, decode_text, read_text_file};
pub use error::{NoticeError, io_reason};
pub use text::split_clauses;
pub use units::{UnitLine, find_last_unit_line};

use text::{chinese_number, clean_line, split_clauses as clauses_of, strip_end_mark};

/// `一、…` at the start of a line: the section number and the rest of the line.
fn section_heading(line: &str) -> Option<(u32, &str, &str)> {
    let (number, rest) = line.split_once('、')?;
    let value = chinese_number(number)?;
    Some((value, number, rest))
}

/// A section as it stands in the text, before it is split.
struct RawSection<'a> {
    number: &'a str,
    lines: Vec<&'a str>,
}

/// Parses a notice issued on `issued_on` (the date deadlines are counted from).
pub fn parse_notice(text: &str, issued_on: NaiveDate) -> Result<NoticeDraft, NoticeError> {
    decode::check_is_text(text)?;
    let lines: Vec<&str> = text.lines().map(clean_line).filter(|l| !l.is_empty()).collect();

    // Sections run 一、二、三… in order; an out-of-order number is body text.
    let mut raw: Vec<RawSection> = Vec::new();
    let mut header_lines = Vec::new();
    let mut expected = None;
    for line in &lines {
        match section_heading(line) {
            Some((value, number, rest)) if expected.is_none_or(|e| e == value) => {
                expected = Some(value + 1);
                raw.push(RawSection { number, lines: vec![rest] });
            }
            _ => match raw.last_mut() {
                Some(section) => section.lines.push(line),
                None => header_lines.push(*line),
            },
        }
    }
    if raw.is_empty() {
        return Err(NoticeError::NoSections);
    }
    let header = header::parse_header(&header_lines);
    let closing = split_off_closing(raw.last_mut().expect("non-empty"));
    let notice_deadline = deadline::notice_default(&header.preamble, issued_on);

    let sections = raw.iter().map(|s| build_section(s, issued_on, notice_deadline.as_ref())).collect();
    Ok(NoticeDraft {
        title: header.title,
        issuer: header.issuer,
        recipients: header.recipients,
        meeting: header.meeting,
        issued_on,
        preamble: header.preamble,
        closing,
        sections,
    })
}

/// Lines after the last section's unit line, or short trailing lines without an end mark
/// (signature, date), are the closing, not a requirement.
fn split_off_closing(last: &mut RawSection) -> String {
    let after_units = last
        .lines
        .iter()
        .rposition(|l| {
            units::find_last_unit_line(l).is_some_and(|u| clean_line(&l[u.range.end..]).is_empty())
        })
        .map(|i| i + 1);
    let keep = after_units.unwrap_or_else(|| {
        let mut keep = last.lines.len();
        while keep > 1 && last.lines[keep - 1].chars().count() <= 30 && !last.lines[keep - 1].ends_with('。')
        {
            keep -= 1;
        }
        keep
    });
    last.lines.split_off(keep).join("\n")
}

fn build_section(
    raw: &RawSection,
    issued_on: NaiveDate,
    notice_deadline: Option<&crate::model::DeadlineDraft>,
) -> SectionDraft {
    let text = raw.lines.join("\n");
    let unit_line = units::find_last_unit_line(&text);
    let (lead, support) = unit_line.as_ref().map(|u| (u.lead.clone(), u.support.clone())).unwrap_or_default();
    let without_units = match &unit_line {
        Some(u) => format!("{}{}", &text[..u.range.start], &text[u.range.end..]),
        None => text.clone(),
    };
    // The title is the first sentence of the heading line.
    let first_clause = clauses_of(&without_units).into_iter().next().map(|c| c.text).unwrap_or("");
    let title = strip_end_mark(first_clause).to_owned();
    let body = &without_units[first_clause.len()..];
    let section_deadline = deadline::find_deadline(&title, issued_on);
    let directives = directives::split_directives(&title, body)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let deadline = deadline::find_deadline(&piece.text, issued_on)
                .or_else(|| section_deadline.clone())
                .or_else(|| notice_deadline.cloned())
                .unwrap_or_default();
            let recurrence = deadline::find_recurrence(&piece.text);
            DirectiveDraft {
                number: format!("{}.{}", raw.number, i + 1),
                title: piece.title,
                text: piece.text,
                offices: lead.clone(),
                support_offices: support.clone(),
                deadline: crate::model::DeadlineDraft { recurrence, ..deadline },
            }
        })
        .collect();
    SectionDraft { number: raw.number.to_owned(), title, text, offices: lead, directives }
}
