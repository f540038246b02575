//! PDF for printing and sending: the same content as the Word report, laid out here (krilla
//! writes PDF but does no layout) with the embedded Noto Sans SC subset into the file.
//!
//! Why krilla: it subsets CJK fonts (a few tens of KB per report instead of the 10 MB font) in
//! about 70 crates; typst would lay out for us but adds ~290 crates and ~40 MB to the binary;
//! printpdf embeds the whole font unless its layout feature is on.

mod layout;
mod metrics;
mod rules;
mod run;
mod wrap;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::Font;

use layout::{Align, BLACK, Op, PAGE_H, PAGE_W, Page, Pager, Rgb, TableRow};
use metrics::FontMetrics;
use rules::Segment;
use run::Run;
use wrap::Measure;

use super::{Summary, TABLE_HEADER, chinese_date, chinese_numeral};
use crate::fonts::CJK_FONT;
use crate::model::Urgency;

const RED: Rgb = [0xC6, 0x28, 0x28];
/// pt: 2号 22, 3号 16, 小四 12, 4号 14.
const SIZE_TITLE: f32 = 22.0;
const SIZE_BODY: f32 = 16.0;
const SIZE_TABLE: f32 = 10.5;
const SIZE_FOOTER: f32 = 14.0;
/// 22 lines a page.
const LINE_H: f32 = 28.95;
/// Column shares of 序号 / 工作要求 / 完成时限 / 进展情况 / 状态.
const COLUMNS: [f32; 5] = [0.09, 0.28, 0.15, 0.34, 0.14];

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("内嵌字体无法读取")]
    Font,
    #[error("{0}")]
    Write(String),
}

/// The PDF's bytes; `progress` hears the share of table rows laid out. Each page is drawn as
/// soon as the layout fills it (krilla keeps it compressed), so no page of operations outlives
/// its drawing.
pub fn render(summary: &Summary, progress: &mut dyn FnMut(f32)) -> Result<Vec<u8>, PdfError> {
    let face = ttf_parser::Face::parse(CJK_FONT, 0).map_err(|_| PdfError::Font)?;
    let metrics = FontMetrics::new(face);
    let font = Font::new(CJK_FONT.into(), 0).ok_or(PdfError::Font)?;
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Font)?;
    let rows = summary.blocks.iter().map(|b| b.items.len()).sum::<usize>()
        + summary.evidence_list.as_ref().map_or(0, Vec::len);
    let mut doc = Document::new();
    let mut run = Run::default();
    let mut segments = Vec::new();
    let mut draw = |page: Page| {
        if page.number.is_multiple_of(5) {
            progress(page.rows_done as f32 / rows.max(1) as f32);
        }
        let mut krilla_page = doc.start_page_with(settings.clone());
        let mut surface = krilla_page.surface();
        // Text is drawn in runs (consecutive lines of one size and colour in one call); the
        // page's table rules, joined where they continue each other, are stroked at its end as
        // one path: nothing they cross is drawn over them (text sits inside the cells' padding,
        // the header's shading is under both), so the page looks the same for a fraction of
        // the drawing commands.
        for op in page.ops {
            match op {
                Op::Line { x1, y1, x2, y2 } => segments.push(Segment { x1, y1, x2, y2 }),
                Op::Text { x, y, size, color, text } => {
                    if !run.takes(size, color) {
                        draw_run(&mut surface, &mut run, &font);
                    }
                    run.push(x, y, size, color, &text, &metrics);
                }
                Op::Fill { x, y, w, h, color } => {
                    draw_run(&mut surface, &mut run, &font);
                    fill_rect(&mut surface, x, y, w, h, color);
                }
            }
        }
        draw_run(&mut surface, &mut run, &font);
        rules::join(&mut segments);
        let mut rules = PathBuilder::new();
        for s in segments.drain(..) {
            rules.move_to(s.x1, s.y1);
            rules.line_to(s.x2, s.y2);
        }
        stroke_rules(&mut surface, rules);
        surface.finish();
        krilla_page.finish();
    };
    lay_out(summary, &metrics, &mut draw);
    let bytes = doc.finish().map_err(|e| PdfError::Write(format!("{e:?}")))?;
    progress(1.0);
    Ok(bytes)
}

/// Draws the run's glyphs in one call and empties it. Text is set glyph by glyph from the
/// font's own table (no shaping: Chinese needs none, and the layout measured these very
/// advances).
fn draw_run(surface: &mut Surface, run: &mut Run, font: &Font) {
    if run.is_empty() {
        return;
    }
    surface.set_fill(Some(fill(run.color)));
    let (x, y) = run.origin;
    surface.draw_glyphs(Point::from_xy(x, y), &run.glyphs, font.clone(), &run.text, run.size, false);
    run.clear();
}

fn fill_rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
    let mut path = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
        path.push_rect(rect);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(color)));
        surface.draw_path(&path);
    }
}

/// Table rules: 0.6 pt black lines.
fn stroke_rules(surface: &mut Surface, path: PathBuilder) {
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke { width: 0.6, ..Stroke::default() }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

fn fill(color: Rgb) -> Fill {
    Fill { paint: rgb::Color::new(color[0], color[1], color[2]).into(), ..Fill::default() }
}

/// The report as pages of drawing operations, each handed to `sink` when full.
fn lay_out(summary: &Summary, m: &dyn Measure, sink: &mut dyn FnMut(Page)) {
    let mut p = Pager::new(m, SIZE_FOOTER, sink);
    p.paragraph(&summary.title, SIZE_TITLE, LINE_H * 1.2, 0.0, Align::Center, BLACK);
    p.skip(LINE_H);
    p.paragraph(&summary.totals_sentence(), SIZE_BODY, LINE_H, 2.0 * SIZE_BODY, Align::Left, BLACK);
    for (level1, (group, blocks)) in summary.groups().into_iter().enumerate() {
        p.ensure(LINE_H * 3.0);
        let heading = format!("{}、{}", chinese_numeral(level1 + 1), group.label());
        p.paragraph(&heading, SIZE_BODY, LINE_H, 2.0 * SIZE_BODY, Align::Left, BLACK);
        for (i, block) in blocks.iter().enumerate() {
            let heading = format!("（{}）{}{}", chinese_numeral(i + 1), block.name, block.counts_text());
            p.ensure(LINE_H * 2.5);
            p.paragraph(&heading, SIZE_BODY, LINE_H, 2.0 * SIZE_BODY, Align::Left, BLACK);
            let rows = block.items.iter().map(|item| TableRow {
                cells: item.table_cells(summary.report_date).to_vec(),
                color: if item.urgency == Urgency::Overdue { RED } else { BLACK },
            });
            p.table(&COLUMNS, &TABLE_HEADER, rows, SIZE_TABLE);
            p.skip(LINE_H * 0.4);
        }
    }
    p.skip(LINE_H);
    p.paragraph(&chinese_date(summary.report_date), SIZE_BODY, LINE_H, 0.0, Align::Right, BLACK);
    if let Some(list) = &summary.evidence_list {
        evidence_appendix(&mut p, list);
    }
    p.finish();
}

/// Column shares of the 佐证材料清单: 工作要求 / 文件 / 大小 / SHA-256 / 拍摄 / 添加.
const EVIDENCE_COLUMNS: [f32; 6] = [0.08, 0.19, 0.11, 0.25, 0.19, 0.18];

/// 附件：佐证材料清单 on a page of its own after the report, as in the Word report.
fn evidence_appendix(p: &mut Pager, list: &[super::ListedEvidence]) {
    use super::evidence_list::{HEAD, NONE, TITLE, row_texts};
    p.page_break();
    p.paragraph(TITLE, SIZE_BODY, LINE_H, 0.0, Align::Left, BLACK);
    if list.is_empty() {
        p.paragraph(NONE, SIZE_BODY, LINE_H, 2.0 * SIZE_BODY, Align::Left, BLACK);
        return;
    }
    // Four lines of 16 hex digits fit the SHA-256 column.
    let rows = list.iter().map(|l| TableRow { cells: row_texts(l, 4, true).to_vec(), color: BLACK });
    p.table(&EVIDENCE_COLUMNS, &HEAD, rows, SIZE_TABLE);
}
