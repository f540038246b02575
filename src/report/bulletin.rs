//! 督查通报 as Word — in the layout of a duty office's bulletin: the red masthead (督查通报 in
//! red, the issue line 〔2022〕第3期, the issuing office and date over a red rule), the title,
//! then 一、总体情况 (totals, and how the figures were counted), 二、各单位情况 (a table, 合计
//! last), 表扬, 逾期未办结事项 named, 反复部署未落实 (each meeting's wording), and the ranking
//! when it was asked for. Body fonts and grid as the meeting report (report/docx.rs).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use docx_rs::{
    AlignmentType, BorderType, Docx, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Run, Shading, ShdType, Tab, TabValueType, Table, TableRow, WidthType,
};

use super::docx::{
    BODY_FONT, HEADING1_FONT, HEADING2_FONT, INDENT_2_CHARS, RED, SIZE_BODY, SIZE_TITLE, TITLE_FONT, body,
    cell, exact_lines, fonts, run, title_lines,
};
use super::{ReportError, chinese_date, chinese_numeral, short_chinese_date};
use crate::fsutil::write_atomically;
use crate::model::{Bulletin, OfficeFigures};

/// The masthead's red and size (小初, 36 pt).
const MASTHEAD_RED: &str = "D00000";
const SIZE_MASTHEAD: usize = 72;
/// The text block's width in twips (156 mm).
const TEXT_WIDTH: usize = 8845;
const TABLE_HEAD: [&str; 9] =
    ["单位", "交办", "已办结", "按期办结率", "平均办结天数", "未反馈", "逾期未反馈", "延期", "退回"];
const TABLE_WIDTHS: [usize; 9] = [1645, 800, 900, 1100, 1100, 800, 1000, 700, 800];

/// Who issues it, and on which day.
pub struct BulletinMeta<'a> {
    pub issuer: &'a str,
    pub issued_on: NaiveDate,
}

fn days(d: Option<f64>) -> String {
    d.map_or("—".to_owned(), |d| format!("{d:.1}"))
}

/// 截至…，…个单位共承担工作要求…项… — the totals in one sentence.
pub fn totals_sentence(b: &Bulletin) -> String {
    let t = &b.totals;
    let missed = if t.missed_periods > 0 {
        format!("（含周期报送漏报{}期）", t.missed_periods)
    } else {
        String::new()
    };
    format!(
        "截至{}，{}个单位共承担工作要求{}项（本期新交办{}项），应办结{}项，已办结{}项，其中按期办结{}项，按期办结率{}，平均办结天数{}天；未反馈{}项{missed}，逾期未反馈{}项；延期{}次，退回重办{}次。",
        chinese_date(b.span.ends),
        b.offices.len(),
        t.assigned,
        b.new_assigned,
        t.due,
        t.finished,
        t.on_time,
        t.rate_text(),
        days(t.avg_days),
        t.unreported,
        t.late_unreported,
        t.extensions,
        t.returns
    )
}

fn figures_row(f: &OfficeFigures, total: bool) -> TableRow {
    let texts = [
        f.name.clone(),
        f.assigned.to_string(),
        f.finished.to_string(),
        f.rate_text(),
        days(f.avg_days),
        f.unreported.to_string(),
        f.late_unreported.to_string(),
        f.extensions.to_string(),
        f.returns.to_string(),
    ];
    // 未反馈 and 逾期未反馈 in red where an office has any.
    let red = |i: usize| (!total && matches!(i, 5 | 6) && texts[i] != "0").then_some(RED);
    let cells = texts.iter().zip(TABLE_WIDTHS).enumerate().map(|(i, (t, w))| cell(t, w, red(i), total));
    TableRow::new(cells.collect()).cant_split()
}

fn figures_table(b: &Bulletin) -> Table {
    let fill = Shading::new().shd_type(ShdType::Clear).fill(super::docx_finish::HEADER_FILL);
    let head = TableRow::new(
        TABLE_HEAD
            .iter()
            .zip(TABLE_WIDTHS)
            .map(|(h, w)| cell(h, w, None, true).shading(fill.clone()))
            .collect(),
    )
    .cant_split();
    let rows = b.offices.iter().map(|f| figures_row(f, false));
    Table::new(std::iter::once(head).chain(rows).chain([figures_row(&b.totals, true)]).collect())
        .set_grid(TABLE_WIDTHS.to_vec())
        .width(TABLE_WIDTHS.iter().sum(), WidthType::Dxa)
}

fn heading(n: usize, text: &str) -> Paragraph {
    body(vec![run(&format!("{}、{text}", chinese_numeral(n)), HEADING1_FONT, SIZE_BODY)]).keep_next(true)
}

fn text(s: &str) -> Paragraph {
    body(vec![run(s, BODY_FONT, SIZE_BODY)])
}

fn masthead(doc: Docx, b: &Bulletin, meta: &BulletinMeta) -> Docx {
    let red = |s: &str, size| Run::new().add_text(s).fonts(fonts(TITLE_FONT)).size(size).color(MASTHEAD_RED);
    let year = b.span.ends.year();
    let issue = match b.span.label.split_once('年') {
        Some((_, quarter)) if quarter.contains("季度") => format!("〔{year}〕{quarter}"),
        _ => format!("〔{year}〕第{}期", b.span.ends.month()),
    };
    let mut rule = Paragraph::new()
        .line_spacing(exact_lines())
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
        .add_run(run(meta.issuer, BODY_FONT, SIZE_BODY))
        .add_run(Run::new().add_tab())
        .add_run(run(&chinese_date(meta.issued_on), BODY_FONT, SIZE_BODY));
    rule.property = rule.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(18)
                .space(4)
                .color(MASTHEAD_RED),
        ),
    );
    doc.add_paragraph(
        Paragraph::new().align(AlignmentType::Center).add_run(red("督 查 通 报", SIZE_MASTHEAD)),
    )
    .add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(exact_lines())
            .add_run(run(&issue, BODY_FONT, SIZE_BODY)),
    )
    .add_paragraph(rule)
    .add_paragraph(Paragraph::new().line_spacing(exact_lines()))
}

/// The bulletin's bytes.
pub fn render(b: &Bulletin, meta: &BulletinMeta) -> Result<Vec<u8>, String> {
    let mut doc = super::docx::official_page();
    doc = masthead(doc, b, meta);
    let title = format!("{}工作要求督办落实情况通报", b.span.label);
    for line in title_lines(&title) {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(exact_lines())
                .add_run(run(line, TITLE_FONT, SIZE_TITLE)),
        );
    }
    doc = doc.add_paragraph(Paragraph::new().line_spacing(exact_lines()));
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    doc = doc.add_paragraph(heading(next(), "总体情况")).add_paragraph(text(&totals_sentence(b))).add_paragraph(text(&format!(
        "（统计口径：各项数字按截至{}已记录的反馈、办结、延期、退回和催办计算，此后补记的不计入；平均办结天数自通知印发之日起算。）",
        chinese_date(b.span.ends)
    )));
    doc = doc.add_paragraph(heading(next(), "各单位情况")).add_table(figures_table(b));
    doc = doc.add_paragraph(heading(next(), "表扬"));
    doc = doc.add_paragraph(text(&match b.praised.is_empty() {
        true => "本期没有应办结事项全部按期办结的单位。".to_owned(),
        false => format!(
            "{}本期应办结事项全部按期办结，无逾期未反馈、无漏报，予以通报表扬。",
            b.praised.join("、")
        ),
    }));
    doc = doc.add_paragraph(heading(next(), "逾期未办结事项"));
    if b.overdue.is_empty() {
        doc = doc.add_paragraph(text("截至期末没有逾期未办结的事项。"));
    }
    for (i, o) in b.overdue.iter().enumerate() {
        let line = format!(
            "{}. {}：{} {}（完成时限{}，逾期{}天）",
            i + 1,
            o.office,
            o.number,
            o.title,
            short_chinese_date(o.deadline, b.span.ends),
            o.days
        );
        doc = doc.add_paragraph(body(vec![run(&line, BODY_FONT, SIZE_BODY).color(RED)]));
    }
    doc = doc.add_paragraph(heading(next(), "反复部署未落实事项"));
    if b.repeated.is_empty() {
        doc = doc.add_paragraph(text("没有连续三次以上会议部署仍无反馈的事项。"));
    }
    for (i, r) in b.repeated.iter().enumerate() {
        let meetings: Vec<_> = r
            .deployments
            .iter()
            .map(|d| crate::model::short_meeting(&d.meeting).unwrap_or(&d.meeting))
            .collect();
        let since = r.last_feedback.map_or("从未反馈".to_owned(), |f| {
            format!("最近一次反馈为{}", short_chinese_date(f, b.span.ends))
        });
        let number = r.deployments.last().map(|d| d.number.as_str()).unwrap_or_default();
        let head = format!("（{}）{}：{number} {}", chinese_numeral(i + 1), r.offices.join("、"), r.title);
        let says = format!(
            "。该项工作已在{}会议连续部署，自最近一次部署以来未见反馈（{since}）。各次表述：",
            meetings.join("、")
        );
        doc = doc.add_paragraph(body(vec![
            run(&head, HEADING2_FONT, SIZE_BODY),
            run(&says, BODY_FONT, SIZE_BODY),
        ]));
        for d in &r.deployments {
            let m = crate::model::short_meeting(&d.meeting).unwrap_or(&d.meeting);
            doc = doc.add_paragraph(text(&format!("{m}会议（{}）：{}", d.number, d.text)));
        }
    }
    if let Some(ranking) = &b.ranking {
        doc = doc.add_paragraph(heading(next(), "按期办结率排名"));
        let list: Vec<_> =
            ranking.iter().enumerate().map(|(i, (name, rate))| format!("{}. {name} {rate}", i + 1)).collect();
        doc = doc.add_paragraph(text(&format!("{}。", list.join("；"))));
    }
    doc = doc.add_paragraph(Paragraph::new().line_spacing(exact_lines())).add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .line_spacing(exact_lines())
            .indent(None, None, Some(INDENT_2_CHARS * 2), None)
            .add_run(run(
                &format!("{}　{}", meta.issuer, chinese_date(meta.issued_on)),
                BODY_FONT,
                SIZE_BODY,
            )),
    );
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| e.to_string())?;
    super::docx_finish::finish_whole(&bytes.into_inner()).map_err(|e| e.to_string())
}

/// Renders and writes the bulletin to `path` atomically.
pub fn export_bulletin(b: &Bulletin, meta: &BulletinMeta, path: &Path) -> Result<(), ReportError> {
    let bytes = render(b, meta).map_err(ReportError::Docx)?;
    write_atomically(path, &bytes)?;
    Ok(())
}
