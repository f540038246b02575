//! 汇报稿 — what changed office by office since the previous meeting (model::MeetingBrief),
//! gathered from the store and laid out as one Word page for the next meeting: title, one
//! sentence of totals, per office its counts and each item's changes, then the offices that sent
//! nothing. Body fonts and grid as the meeting report (report/docx.rs).

use std::path::Path;

use chrono::NaiveDate;
use docx_rs::{AlignmentType, Paragraph};

use super::docx::{
    BODY_FONT, HEADING2_FONT, SIZE_BODY, SIZE_TITLE, TITLE_FONT, body, exact_lines, run, title_lines,
};
use super::{BulletinError, ReportError, chinese_date, chinese_numeral};
use crate::fsutil::write_atomically;
use crate::model::{MeetingBrief, NoticeId};
use crate::store::Store;

/// Since when the brief counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefSince {
    /// The newest notice issued on or before today (the previous meeting).
    Latest,
    Notice(NoticeId),
    Date(NaiveDate),
}

/// The brief from the store: the records dated from the start day to `today`.
pub fn meeting_brief(
    store: &Store,
    since: BriefSince,
    today: NaiveDate,
) -> Result<MeetingBrief, BulletinError> {
    let board = store.load_board()?;
    let notice = match since {
        BriefSince::Latest => board.notices.iter().find(|n| n.issued_on <= today),
        BriefSince::Notice(id) => match board.notice(id) {
            Some(n) => Some(n),
            None => return Err(crate::store::StoreError::Invalid(format!("找不到编号为 {id} 的通知")).into()),
        },
        BriefSince::Date(_) => None,
    };
    let (from, label) = match (since, notice) {
        (BriefSince::Date(d), _) => (d, chinese_date(d)),
        (_, Some(n)) => (n.issued_on, n.label().to_owned()),
        (_, None) => return Err(crate::store::StoreError::Invalid("还没有导入任何通知".into()).into()),
    };
    let events = store.activity_between(from, today)?;
    let files = store.files_added_between(from, today)?;
    Ok(MeetingBrief::build(&board, &events, &files, (from, today, label)))
}

/// 自第10次办公会议（3月10日）以来，4个单位报送了新情况：反馈3次、…
pub fn brief_sentence(b: &MeetingBrief) -> String {
    let total = |f: fn(&crate::model::BriefOffice) -> usize| b.offices.iter().map(f).sum::<usize>();
    let counts = crate::model::BriefOffice {
        feedback: total(|o| o.feedback),
        reminders: total(|o| o.reminders),
        extensions: total(|o| o.extensions),
        requested: total(|o| o.requested),
        finished: total(|o| o.finished),
        returned: total(|o| o.returned),
        files: total(|o| o.files),
        ..Default::default()
    };
    let what = counts.counts_text();
    let what = if what.is_empty() { "无新的办理记录".to_owned() } else { what };
    format!(
        "自{}（{}）至{}，{}个单位有新的办理情况：{what}。",
        b.since_label,
        chinese_date(b.since),
        chinese_date(b.until),
        b.offices.len()
    )
}

/// The brief's bytes.
pub fn render_brief(b: &MeetingBrief) -> Result<Vec<u8>, String> {
    let mut doc = super::docx::official_page();
    let title = format!("{}以来各单位工作进展", b.since_label);
    for line in title_lines(&title) {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(exact_lines())
                .add_run(run(line, TITLE_FONT, SIZE_TITLE)),
        );
    }
    doc = doc
        .add_paragraph(
            Paragraph::new().align(AlignmentType::Center).line_spacing(exact_lines()).add_run(run(
                "（汇报稿）",
                BODY_FONT,
                SIZE_BODY,
            )),
        )
        .add_paragraph(body(vec![run(&brief_sentence(b), BODY_FONT, SIZE_BODY)]));
    for (i, o) in b.offices.iter().enumerate() {
        let head = format!("（{}）{}：", chinese_numeral(i + 1), o.name);
        let items: Vec<String> = o
            .items
            .iter()
            .map(|item| format!("{} {}，{}", item.number, item.title, item.lines.join("；")))
            .collect();
        let text = format!("{}。{}。", o.counts_text(), items.join("。"));
        doc = doc.add_paragraph(body(vec![
            run(&head, HEADING2_FONT, SIZE_BODY),
            run(&text, BODY_FONT, SIZE_BODY),
        ]));
    }
    if !b.silent.is_empty() {
        let text = format!("{}有未办结事项，期间未报送任何情况。", b.silent.join("、"));
        doc = doc.add_paragraph(body(vec![run(&text, BODY_FONT, SIZE_BODY)]));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| e.to_string())?;
    super::docx_finish::finish_whole(&bytes.into_inner()).map_err(|e| e.to_string())
}

/// Renders and writes the brief to `path` atomically.
pub fn export_brief(b: &MeetingBrief, path: &Path) -> Result<(), ReportError> {
    let bytes = render_brief(b).map_err(ReportError::Docx)?;
    write_atomically(path, &bytes)?;
    Ok(())
}
