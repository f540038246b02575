//! Word .docx in the official document layout (党政机关公文格式, GB/T 9704-2012): A4; margins
//! top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 方正小标宋简体; body 3号
//! 仿宋_GB2312 on a 22-line grid; 一、 headings in 黑体, （一） in 楷体_GB2312; page numbers
//! "— 1 —" at the foot; dates in Arabic numerals. Fonts are named as East-Asian fonts so Word and
//! WPS use them where installed (LibreOffice substitutes its own CJK fonts).

use docx_rs::{
    AlignmentType, BuildXML, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, Run, RunFonts, Shading, ShdType, SpecialIndentType, Table, TableCell, TableRow,
    VAlignType, WidthType,
};

use super::{OfficeBlock, Summary, SummaryItem, TABLE_HEADER, chinese_date, chinese_numeral};
use crate::model::Urgency;

pub(super) const TITLE_FONT: &str = "方正小标宋简体";
pub(super) const BODY_FONT: &str = "仿宋_GB2312";
pub(super) const HEADING1_FONT: &str = "黑体";
pub(super) const HEADING2_FONT: &str = "楷体_GB2312";
const FOOTER_FONT: &str = "宋体";
/// Half-points: 2号 = 22 pt, 3号 = 16 pt, 小四 = 12 pt, 4号 = 14 pt.
pub(super) const SIZE_TITLE: usize = 44;
pub(super) const SIZE_BODY: usize = 32;
pub(super) const SIZE_TABLE: usize = 24;
const SIZE_FOOTER: usize = 28;
/// 22 lines a page: an exact 28.95 pt line (579 twips) on a line grid.
pub(super) const LINE_PITCH: i32 = 579;
/// Two characters of 3号 text, for first-line indents (twips).
pub(super) const INDENT_2_CHARS: i32 = 640;
/// Column widths of the per-office table (twips; the text block is 156 mm = 8845 twips).
const TABLE_WIDTHS: [usize; 5] = [800, 2500, 1700, 2645, 1200];
pub(super) const RED: &str = "C62828";

pub(super) fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii("Times New Roman").hi_ansi("Times New Roman")
}

pub(super) fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

/// A 2号 title line holds about 20 characters: a longer title is broken where the meaning
/// breaks (after 会议 or 通知, as an official document's title is set), never inside a word
/// (落实情 / 况的汇报).
pub fn title_lines(title: &str) -> Vec<&str> {
    const LINE: usize = 20;
    if title.chars().count() <= LINE {
        return vec![title];
    }
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum::<f32>();
    ["会议", "通知", "关于"]
        .iter()
        .filter_map(|w| title.find(w).map(|i| i + w.len()))
        .find(|&at| {
            at < title.len() && width(&title[..at]) <= LINE as f32 && width(&title[at..]) <= LINE as f32
        })
        .map_or_else(|| vec![title], |at| vec![&title[..at], &title[at..]])
}

pub(super) fn exact_lines() -> LineSpacing {
    LineSpacing::new().line(LINE_PITCH).line_rule(LineSpacingType::Exact)
}

/// A body paragraph with a two-character first-line indent.
pub(super) fn body(runs: Vec<Run>) -> Paragraph {
    let p = Paragraph::new()
        .line_spacing(exact_lines())
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT_2_CHARS)), None, None)
        .first_line_chars(200);
    runs.into_iter().fold(p, Paragraph::add_run)
}

/// Stands in the skeleton for the body, which is written straight into the compressed part.
const BODY_MARK: &str = "DUBAN-REPORT-BODY-MARK";

/// The document's bytes: the skeleton (page setup, title, totals, date) from docx-rs, and the
/// per-office tables streamed into the deflated `word/document.xml` one row at a time, so a
/// report of 100,000 rows never holds its uncompressed XML (hundreds of MB) in memory.
/// `progress` hears the share of rows written.
pub fn render(summary: &Summary, progress: &mut dyn FnMut(f32)) -> Result<Vec<u8>, String> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    skeleton(summary).build().pack(&mut bytes).map_err(|e| e.to_string())?;
    let total = summary.blocks.iter().map(|b| b.items.len()).sum::<usize>().max(1);
    let mut body = |out: &mut dyn std::io::Write| -> std::io::Result<()> {
        let mut done = 0usize;
        for (level1, (group, blocks)) in summary.groups().into_iter().enumerate() {
            let heading = format!("{}、{}", chinese_numeral(level1 + 1), group.label());
            out.write_all(&body(vec![run(&heading, HEADING1_FONT, SIZE_BODY)]).keep_next(true).build())?;
            for (i, block) in blocks.iter().enumerate() {
                let heading = format!("（{}）{}", chinese_numeral(i + 1), block.name);
                let runs = vec![
                    run(&heading, HEADING2_FONT, SIZE_BODY),
                    run(&block.counts_text(), BODY_FONT, SIZE_BODY),
                ];
                out.write_all(&body(runs).keep_next(true).build())?;
                let head = String::from_utf8_lossy(&office_table(block).build()).into_owned();
                let head = super::docx_finish::repeat_header_rows(&head);
                let open = head.strip_suffix("</w:tbl>").unwrap_or(&head);
                out.write_all(open.as_bytes())?;
                let mut row = String::with_capacity(4096);
                for item in &block.items {
                    row.clear();
                    row_xml(&mut row, item, summary);
                    out.write_all(row.as_bytes())?;
                    done += 1;
                    if done.is_multiple_of(1000) {
                        progress(done as f32 / total as f32);
                    }
                }
                out.write_all(b"</w:tbl>")?;
            }
        }
        progress(1.0);
        Ok(())
    };
    super::docx_finish::finish(&bytes.into_inner(), BODY_MARK, &mut body).map_err(|e| e.to_string())
}

/// An empty document on the official page: A4, margins 37/35/28/26 mm, 3号 仿宋 on the 22-line
/// grid, page numbers at the foot (the meeting report, the 督查通报 and the 汇报稿 share it).
pub(super) fn official_page() -> Docx {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: 2098,
            bottom: 1984,
            left: 1587,
            right: 1474,
            header: 851,
            footer: 1417,
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(SIZE_BODY)
        .footer(page_number_footer());
    doc.document =
        doc.document.doc_grid(DocGrid::new().grid_type(DocGridType::Lines).line_pitch(LINE_PITCH as usize));
    doc
}

/// Everything but the per-office tables, with [`BODY_MARK`] where they go.
fn skeleton(summary: &Summary) -> Docx {
    let mut doc = official_page();

    doc = doc
        .add_paragraph(title_lines(&summary.title).into_iter().enumerate().fold(
            Paragraph::new().align(AlignmentType::Center).line_spacing(exact_lines()),
            |p, (i, line)| {
                let p = if i == 0 {
                    p
                } else {
                    p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping))
                };
                p.add_run(run(line, TITLE_FONT, SIZE_TITLE))
            },
        ))
        .add_paragraph(Paragraph::new().line_spacing(exact_lines()))
        .add_paragraph(body(vec![run(&summary.totals_sentence(), BODY_FONT, SIZE_BODY)]));
    if summary.blocks.is_empty() {
        doc = doc.add_paragraph(body(vec![run("没有需要汇报的工作要求。", BODY_FONT, SIZE_BODY)]));
    }
    doc = doc
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(BODY_MARK)))
        .add_paragraph(Paragraph::new().line_spacing(exact_lines()))
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .line_spacing(exact_lines())
                .indent(None, None, Some(INDENT_2_CHARS * 2), None)
                .add_run(run(&chinese_date(summary.report_date), BODY_FONT, SIZE_BODY)),
        );
    if let Some(list) = &summary.evidence_list {
        doc = super::evidence_list::append(doc, list);
    }
    doc
}

fn page_number_footer() -> Footer {
    let dash = |t: &str| Run::new().add_text(t).fonts(fonts(FOOTER_FONT)).size(SIZE_FOOTER);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —")),
    )
}

/// A table cell; each line of `text` is a paragraph. Header cells keep with the next row.
pub(super) fn cell(text: &str, width: usize, color: Option<&str>, header: bool) -> TableCell {
    let font = if header { HEADING1_FONT } else { BODY_FONT };
    text.lines().fold(
        TableCell::new().width(width, WidthType::Dxa).vertical_align(VAlignType::Center),
        |c, line| {
            let mut r = run(line, font, SIZE_TABLE);
            if let Some(color) = color {
                r = r.color(color);
            }
            let mut p = Paragraph::new().snap_to_grid(false).keep_next(header).add_run(r);
            if header {
                p = p.align(AlignmentType::Center);
            }
            c.add_paragraph(p)
        },
    )
}

/// The per-office table with its header row only (序号 / 工作要求 / 完成时限 / 进展情况 / 状态);
/// the rows follow one by one ([`item_row`]).
fn office_table(_block: &OfficeBlock) -> Table {
    let head = TableRow::new(
        TABLE_HEADER
            .iter()
            .zip(TABLE_WIDTHS)
            .map(|(h, w)| {
                cell(h, w, None, true)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(super::docx_finish::HEADER_FILL))
            })
            .collect(),
    )
    .cant_split();
    Table::new(vec![head]).set_grid(TABLE_WIDTHS.to_vec()).width(TABLE_WIDTHS.iter().sum(), WidthType::Dxa)
}

/// One directive's row as docx-rs writes it ([`item_row`], without the optional paragraph
/// ids), written directly: building each row through docx-rs's element tree was most of the
/// export's time.
fn row_xml(out: &mut String, item: &SummaryItem, summary: &Summary) {
    let color =
        if item.urgency == Urgency::Overdue { format!("<w:color w:val=\"{RED}\" />") } else { String::new() };
    out.push_str("<w:tr><w:trPr><w:cantSplit /></w:trPr>");
    for (text, width) in item.table_cells(summary.report_date).iter().zip(TABLE_WIDTHS) {
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\" /><w:vAlign w:val=\"center\" /></w:tcPr>"
        ));
        let mut lines = 0;
        for line in text.lines() {
            lines += 1;
            out.push_str("<w:p><w:pPr><w:rPr /><w:snapToGrid w:val=\"false\" /></w:pPr><w:r><w:rPr>");
            out.push_str(&format!("<w:sz w:val=\"{SIZE_TABLE}\" /><w:szCs w:val=\"{SIZE_TABLE}\" />"));
            out.push_str(&color);
            out.push_str(&format!(
                "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{BODY_FONT}\" />"
            ));
            out.push_str("</w:rPr><w:t xml:space=\"preserve\">");
            escape_into(out, line);
            out.push_str("</w:t></w:r></w:p>");
        }
        if lines == 0 {
            out.push_str("<w:p><w:pPr><w:rPr /></w:pPr></w:p>");
        }
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}

/// Text as XML character data; characters XML 1.0 cannot hold are left out.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// One directive's row, overdue ones in red, through docx-rs (what [`row_xml`] writes).
#[cfg(test)]
fn item_row(item: &SummaryItem, summary: &Summary) -> TableRow {
    let red = (item.urgency == Urgency::Overdue).then_some(RED);
    let cells = item.table_cells(summary.report_date);
    TableRow::new(cells.iter().zip(TABLE_WIDTHS).map(|(t, w)| cell(t, w, red, false)).collect()).cant_split()
}

#[cfg(test)]
mod tests {
    use super::title_lines;

    /// The rows written by hand are docx-rs's rows, but for the optional paragraph ids.
    #[test]
    fn rows_written_directly_are_what_docx_rs_writes() {
        use super::{BuildXML, Summary, SummaryItem, item_row, row_xml};
        use crate::model::{DirectiveId, Status, Urgency};
        let ids = regex::Regex::new(r#" w14:paraId="[0-9a-fA-F]+""#).unwrap();
        let summary = Summary {
            title: String::new(),
            scope_label: String::new(),
            issuer: None,
            report_date: "2022-03-22".parse().unwrap(),
            totals: Default::default(),
            blocks: Vec::new(),
            evidence_list: None,
        };
        for (urgency, latest, note) in [
            (Urgency::Overdue, Some("已部署。<已检查> & 整改"), Some("队务处：推进中")),
            (Urgency::DueSoon, None, None),
        ] {
            let item = SummaryItem {
                id: DirectiveId(7),
                number: "一.2".into(),
                title: "在建工地治理".into(),
                deadline: None,
                status: Status::InProgress,
                urgency,
                days_overdue: (urgency == Urgency::Overdue).then_some(3),
                latest: latest.map(|t| ("2022-03-21".parse().unwrap(), t.to_owned())),
                reported_on: None,
                evidence: 2,
                first_meeting: None,
                loop_note: note.map(str::to_owned),
                state_label: "推进中",
                source: latest.map(|_| "王总队长批示，辽消〔2026〕12号".to_owned()),
                unbacked: urgency == Urgency::Overdue,
            };
            let mut mine = String::new();
            row_xml(&mut mine, &item, &summary);
            let theirs = String::from_utf8(item_row(&item, &summary).build()).unwrap();
            let without_ids = ids.replace_all(&theirs, "");
            assert_eq!(mine, without_ids);
        }
    }

    #[test]
    fn a_long_title_breaks_after_the_meeting_not_inside_a_word() {
        assert_eq!(
            title_lines("关于2022年第10次办公会议工作要求落实情况的汇报"),
            ["关于2022年第10次办公会议", "工作要求落实情况的汇报"]
        );
        assert_eq!(title_lines("关于未办结工作要求落实情况的汇报"), ["关于未办结工作要求落实情况的汇报"]);
    }
}
