//! 通知解析 — from the text of a work-requirements notice to a [`NoticeDraft`]: sections,
//! directives, responsible units and deadlines. Pure: no I/O beyond the bytes given, no
//! database.

mod above;
mod addressed;
mod asking;
mod bullets;
mod calendar;
mod campaign;
mod candidate;
mod cell_lines;
mod chrome;
mod closing;
mod collective;
mod covering;
mod date_window;
mod deadline;
mod decode;
mod descriptive;
mod despace;
mod directives;
mod doc_year;
mod docx;
mod docx_body;
pub use docx_body::entity as xml_entity;
mod docx_numbering;
mod docx_table;
mod encodings;
mod error;
mod exposure;
mod findings;
mod findings_table;
mod header;
mod heading;
mod inspected;
mod labelled;
mod list_heading;
mod marked_rows;
mod names;
mod norm;
mod numbering;
mod outline;
mod own_plan;
mod page_date;
mod page_title;
mod pdf;
mod period;
mod prose;
mod redate;
mod rejoin;
mod report_list;
mod section;
mod source;
mod subject;
mod subject_scan;
mod subject_trim;
mod subject_verb;
mod task_units;
mod text;
mod text_table;
mod unfold;
mod unit_list;
mod unit_name;
mod units;
mod unnumbered;

use chrono::NaiveDate;

use crate::model::{self, NoticeDraft};

pub use deadline::{find_deadline, find_recurrence, month_end, notice_default, week_end};
pub use decode::{DecodedText, MAX_NOTICE_BYTES, decode_text};
pub use docx::{MAX_DOCX_BYTES, MAX_PART_BYTES, read_docx, read_docx_limited};
pub use encodings::{ENCODINGS, EncodingCandidate, candidate_decodings, decode_with};
pub use error::NoticeError;
pub use pdf::{MAX_PDF_BYTES, is_pdf, read_pdf};
pub use redate::redate;
pub use source::{
    DOCX, PDF, decode_bytes, is_word_file, read_notice_bytes, read_notice_file, read_notice_stream,
};
pub use text::split_clauses;
pub use units::{UnitLine, UnitRules, find_inline, find_last_unit_line};

use text::{clean_line, strip_end_mark};

/// Parses a notice. `issued_on` is the date deadlines are counted from unless the notice
/// dates itself (a date line at its end, or a web page's 发布时间).
pub fn parse_notice(text: &str, issued_on: NaiveDate) -> Result<NoticeDraft, NoticeError> {
    decode::check_is_text(text)?;
    let spaced = despace::is_spaced(text);
    let unmarked: Vec<String> = text
        .lines()
        .map(chrome::without_jammer)
        .flat_map(chrome::split_blocks)
        .flat_map(|l| if spaced { vec![l] } else { despace::lost_breaks(l) })
        .map(|l| {
            let l = text::han_full_stops(&chrome::strip_markup(text::without_lost_spaces(l))).into_owned();
            if spaced { despace::join(&l).into_owned() } else { l }
        })
        .collect();
    let raw: Vec<&str> = unmarked.iter().map(|l| clean_line(l)).filter(|l| !l.is_empty()).collect();
    let (lines, published) = chrome::strip_chrome(&raw);
    // A sentence cut by a line break inside it: one line again.
    let rejoined = rejoin::rejoin(&lines);
    let lines: Vec<&str> = match &rejoined {
        Some(r) => r.iter().map(String::as_str).collect(),
        None => lines,
    };
    // A page copied without its line breaks: its items back on lines of their own.
    let unfolded = unfold::unfold(&lines);
    let lines: Vec<&str> = match &unfolded {
        Some(u) => u.iter().map(String::as_str).collect(),
        None => lines,
    };
    // ●建设部门加强…/●农业农村部门要…: bulleted items, numbered.
    let numbered = bullets::number_bullets(&lines);
    let lines: Vec<&str> = match &numbered {
        Some(n) => n.iter().map(String::as_str).collect(),
        None => lines,
    };
    let listed = closing::join_attachment_list(&lines);
    let lines: Vec<&str> = match &listed {
        Some(l) => l.iter().map(String::as_str).collect(),
        None => lines,
    };
    // 隐患单位：X records of an exposure, one item per unit.
    let records = exposure::number_records(&lines);
    let lines: Vec<&str> = match &records {
        Some(r) => r.iter().map(String::as_str).collect(),
        None => lines,
    };
    let expanded = text_table::expand(&lines).or_else(|| cell_lines::expand(&lines));
    let lines: Vec<&str> = match &expanded {
        Some(e) => e.iter().map(String::as_str).collect(),
        None => lines,
    };
    let Some((top, first)) = outline::top_kind(&lines) else {
        return running_text(&lines, published, issued_on);
    };
    // A copy cut inside a section: its first items stand before the first heading.
    let cut = outline::cut_start(&lines[..first], top);
    let header = header::parse_header(&lines[..cut.map_or(first, |(c, _)| c)]);
    let body = &lines[first..];
    let mut close_at = closing::closing_start(body);
    if records.is_some() {
        close_at = close_at.max(exposure::after_last_part(body));
    }
    let (body, closing) = body.split_at(close_at);
    let issued_on = closing::notice_date(closing)
        .or_else(|| closing::notice_date(&lines[..first]))
        .or(published)
        .or_else(|| doc_year::of_first_lines(&lines, issued_on))
        .unwrap_or(issued_on);
    // A table pasted as text is read as labelled lines: its rules are those of the lines.
    let mut rules = match &expanded {
        Some(e) => UnitRules::of_notice(&e.join("\n")),
        None => UnitRules::of_notice(text),
    };
    // The covering text's own requirements with a time (请…于5月20日前整改完成；每月25日前报送).
    let preamble_lines: Vec<&str> = header.preamble.lines().collect();
    let covering: Vec<_> = prose::directives(&preamble_lines, &header.recipients, issued_on)
        .into_iter()
        // …要迅速做好几项重点工作，现将有关事项通知如下：— one sentence whose work is the
        // items it announces (a requirement before 。现就…通知如下： stays). One that sets the
        // whole work a limit (现要求各村居在2019年年底全面完成…,具体工作安排如下:) is kept
        // without its announcing clause: its limit is every item's.
        .filter_map(|d| {
            let t = strip_end_mark(&d.text).trim_end_matches(['：', ':']);
            if !t.ends_with("如下") || t.contains('。') {
                return Some(d);
            }
            let cut = t.rfind(['，', ',']).filter(|&cut| {
                d.deadline.date.is_some()
                    && d.deadline.phrase.as_ref().is_some_and(|p| t[..cut].contains(p.as_str()))
            })?;
            let text = format!("{}。", &t[..cut]);
            Some(model::DirectiveDraft { text, ..d })
        })
        // 按照国家安全监管总局要求,各省级安全生产统计单位要在…前上报 in a province's notice: the
        // national office's demand on the issuer itself, relayed as the reason for the items.
        .filter(|d| !covering::relayed_to_issuer(d, &header.title))
        .filter(|d| {
            d.deadline.date.is_some()
                || d.deadline.recurrence.is_some()
                || (!d.offices.is_empty() && (!d.text.starts_with('请') || closing::asks_own_work(&d.text)))
                // 镇长强调:一要广泛宣传。要树立…: a speaker's list before the numbered parts asks
                // something item by item, of no unit or of one.
                || text::spoken_ordinal(&d.text) && report_list::has_modal(&d.text)
        })
        .collect();
    let notice_deadline = deadline::notice_default(&header.preamble, issued_on)
        .or_else(|| covering::deadline(&covering, &header.recipients))
        .or_else(|| campaign::period_end(&header.preamble, issued_on));
    let phased = text.matches("阶段（").count() + text.matches("阶段(").count() >= 2;
    let ctx = section::NoticeContext {
        issued: issued_on,
        notice_deadline: notice_deadline.as_ref(),
        rules,
        phased,
    };
    let outline = outline::build(body, top, rules);
    let cut_items = cut.map(|(c, kind)| outline::build(&lines[c..first], kind, rules)).unwrap_or_default();
    let with_subjects = cut_items
        .iter()
        .chain(&outline)
        .filter(|item| rules.by_subject && !item.has_children())
        .filter(|item| {
            let mut lines = vec![item.head];
            item.push_lines(&mut lines);
            prose::requirements(&lines, &[]).iter().any(|(_, u)| u.is_some())
        })
        .nth(1)
        .is_some();
    rules.subject_sections = rules.by_subject && with_subjects;
    let ctx = section::NoticeContext { rules, ..ctx };
    let mut sections: Vec<model::SectionDraft> =
        cut_items.iter().chain(&outline).map(|item| section::build_section(item, &ctx)).collect();
    // A copy cut at a heading's number, or a character or two after it (二、主).
    let cut_heading = |l: &str| {
        numbering::is_bare_marker(l)
            || numbering::marker_of(l.trim()).is_some_and(|m| l.trim()[m.len..].chars().count() <= 2)
    };
    // 二、健全完善安 after items with lines of their own: a short last heading with no end mark
    // and nothing under it, where the items before it have text under theirs, is cut too.
    let after_full_items = |l: &str| {
        let t = l.trim();
        let short = numbering::marker_of(t).is_some_and(|m| t[m.len..].chars().count() <= 8);
        let before = outline.len().checked_sub(2).and_then(|i| outline.get(i));
        short && !t.ends_with(['。', '；', ';', '！']) && before.is_some_and(|b| !b.entries.is_empty())
    };
    if raw.last().is_some_and(|l| cut_heading(l) || after_full_items(l)) {
        drop_cut_heading(&outline, &mut sections);
    }
    let mut covering = covering;
    if let Some((units, lead_only)) = list_heading::units_above(&lines[..first], rules)
        .map(|u| (u, false))
        .or_else(|| list_heading::units_of_announcement(&lines[..first]).filter(|_| rules.by_subject))
    {
        list_heading::give(&mut sections, &units);
        // 请各单位认真组织好…系列活动。 asks the activities listed, not one more thing.
        if lead_only
            && covering.last().is_some_and(|d| d.offices == units.lead && d.deadline.recurrence.is_none())
        {
            covering.pop();
        }
    }
    if !covering.is_empty() {
        sections.insert(0, covering::section(covering, &header.preamble));
    }
    addressed::settle(&mut sections, &header.recipients);
    findings::resolve(&mut sections, &header.preamble);
    own_plan::drop_own_plans(&mut sections, header.issuer.as_deref(), &header.title, closing);
    inspected::drop_steps(&mut sections);
    above::date_from_later(&mut sections);
    period::date_by_period(&lines, &mut sections, issued_on);
    let title = if header.title.is_empty() {
        lines.first().map(|l| text::first_phrase(l).chars().take(40).collect()).unwrap_or_default()
    } else {
        header.title
    };
    Ok(NoticeDraft {
        title,
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

/// A text without numbered sections (a meeting report, remarks, a covering notice): its
/// requirements as the directives of one section, or [`NoticeError::NoSections`] when it
/// has none.
fn running_text(
    lines: &[&str],
    published: Option<NaiveDate>,
    issued_on: NaiveDate,
) -> Result<NoticeDraft, NoticeError> {
    let lines = chrome::without_repeats(lines);
    let issued_on = closing::notice_date(&lines)
        .or(published)
        .or_else(|| doc_year::of_first_lines(&lines, issued_on))
        .unwrap_or(issued_on);
    let head = lines.iter().take_while(|l| l.chars().count() <= 80 && !l.contains('。')).count();
    let mut header = header::parse_header(&lines[..head]);
    let before = head.checked_sub(1).and_then(|h| lines.get(h).copied());
    // 各科室,各站所,各村: 为提高…: a page copied without line breaks names its addressees in
    // front of its first words.
    let mut lines = lines;
    if header.recipients.is_empty()
        && let Some((units, rest)) = lines.get(head).and_then(|l| header::inline_recipients(l))
    {
        header.recipients = units;
        lines[head] = rest;
    }
    // The closing (附件：1.…表 2.…表, the signature, its date) asks nothing.
    let body = &lines[head..];
    let (body, closing) = body.split_at(closing::closing_start(body));
    let mut directives = prose::directives_after(before, body, &header.recipients, issued_on);
    directives.retain(|d| !closing::only_carry_out(&d.text) || d.deadline.date.is_some());
    if directives.is_empty() {
        directives = prose::dated_tasks(body, issued_on);
    } else {
        prose::add_asked_by_date(&mut directives, body, issued_on);
    }
    if directives.is_empty() {
        directives = prose::asked_sentences(body, issued_on);
    }
    if directives.is_empty() {
        return Err(NoticeError::NoSections);
    }
    campaign::give_end(&mut directives, body, issued_on);
    let title = if header.title.is_empty() {
        lines.first().map(|l| text::first_phrase(l).chars().take(40).collect()).unwrap_or_default()
    } else {
        header.title
    };
    let mut sections = vec![crate::model::SectionDraft {
        number: "一".to_owned(),
        title: "正文".to_owned(),
        text: lines[head..].join("\n"),
        offices: Vec::new(),
        directives,
    }];
    addressed::settle(&mut sections, &header.recipients);
    findings::resolve(&mut sections, &header.preamble);
    own_plan::drop_own_plans(&mut sections, header.issuer.as_deref(), &title, closing);
    inspected::drop_steps(&mut sections);
    above::date_from_later(&mut sections);
    period::date_by_period(&lines, &mut sections, issued_on);
    Ok(NoticeDraft {
        title,
        issuer: header.issuer,
        recipients: header.recipients,
        meeting: header.meeting,
        doc_number: header.doc_number,
        issued_on,
        preamble: header.preamble,
        closing: String::new(),
        sections,
    })
}

/// `一、强化安全生产责任落实` then a bare `（一）` where a copied page stops: the last heading,
/// its items cut off (one line, no full stop, no units), is not a requirement by itself.
fn drop_cut_heading(outline: &[outline::Item], sections: &mut [model::SectionDraft]) {
    let (Some(item), Some(section)) = (outline.last(), sections.last_mut()) else { return };
    let heading_only = item.entries.is_empty()
        && !item.head.contains(['。', '；', ';', '！', '，', ','])
        && item.head.chars().count() <= 30;
    if heading_only && section.directives.iter().all(|d| d.offices.is_empty() && d.support_offices.is_empty())
    {
        section.directives.clear();
    }
}
