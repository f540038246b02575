//! 通知解析 — from the text of a work-requirements notice to a [`NoticeDraft`]: sections,
//! directives, responsible units and deadlines. Pure: no I/O beyond the bytes given, no
//! database.

mod candidate;
mod chrome;
mod closing;
mod deadline;
mod decode;
mod directives;
mod docx;
mod docx_body;
mod docx_numbering;
mod docx_table;
mod encodings;
mod error;
mod header;
mod names;
mod norm;
mod numbering;
mod outline;
mod redate;
mod section;
mod source;
mod text;
mod units;

use chrono::NaiveDate;

use crate::model::NoticeDraft;

pub use deadline::{find_deadline, find_recurrence, month_end, notice_default, week_end};
pub use decode::{DecodedText, MAX_NOTICE_BYTES, decode_text};
pub use docx::{MAX_DOCX_BYTES, MAX_PART_BYTES, read_docx, read_docx_limited};
pub use encodings::{ENCODINGS, EncodingCandidate, candidate_decodings, decode_with};
pub use error::NoticeError;
pub use redate::redate;
pub use source::{DOCX, decode_bytes, is_word_file, read_notice_bytes, read_notice_file, read_notice_stream};
pub use text::split_clauses;
pub use units::{UnitLine, UnitRules, find_inline, find_last_unit_line};

use text::clean_line;

/// Parses a notice. `issued_on` is the date deadlines are counted from unless the notice
/// dates itself (a date line at its end, or a web page's 发布时间).
pub fn parse_notice(text: &str, issued_on: NaiveDate) -> Result<NoticeDraft, NoticeError> {
    decode::check_is_text(text)?;
    let raw: Vec<&str> = text.lines().map(clean_line).filter(|l| !l.is_empty()).collect();
    let (lines, published) = chrome::strip_chrome(&raw);
    let (top, first) = outline::top_kind(&lines).ok_or(NoticeError::NoSections)?;
    let header = header::parse_header(&lines[..first]);
    let body = &lines[first..];
    let (body, closing) = body.split_at(closing::closing_start(body));
    let issued_on = closing::notice_date(closing).or(published).unwrap_or(issued_on);
    let rules = UnitRules::of_notice(text);
    let notice_deadline = deadline::notice_default(&header.preamble, issued_on);
    let ctx = section::NoticeContext { issued: issued_on, notice_deadline: notice_deadline.as_ref(), rules };
    let sections =
        outline::build(body, top, rules).iter().map(|item| section::build_section(item, &ctx)).collect();
    Ok(NoticeDraft {
        title: header.title,
        issuer: header.issuer,
        recipients: header.recipients,
        meeting: header.meeting,
        doc_number: header.doc_number,
        issued_on,
        preamble: header.preamble,
        closing: closing.join("\n"),
        sections,
    })
}
