//! Page layout for the PDF: paragraphs and tables flowed onto A4 pages with the official
//! margins, as a list of drawing operations per page (no PDF here, so it can be tested). Each
//! page goes to the caller as soon as it is full, so a report of 100,000 rows never holds
//! more than one page of operations.

use super::wrap::{Measure, wrap};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
/// GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
pub const LEFT: f32 = 79.37;
pub const RIGHT: f32 = 73.70;
pub const TOP: f32 = 104.88;
pub const BOTTOM: f32 = 99.21;
pub const BODY_W: f32 = PAGE_W - LEFT - RIGHT;
const CELL_PAD: f32 = 4.0;

pub type Rgb = [u8; 3];
pub const BLACK: Rgb = [0, 0, 0];

/// One drawing operation; y grows downwards from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table row: its cells' texts and their colour.
pub struct TableRow {
    pub cells: Vec<String>,
    pub color: Rgb,
}

/// A full page, handed on as soon as nothing more fits on it.
pub struct Page {
    /// 1, 2, …
    pub number: usize,
    /// Its drawing operations, the page number "— n —" at the foot included.
    pub ops: Vec<Op>,
    /// Table rows laid out so far (this page's included), for progress.
    pub rows_done: usize,
}

/// Flows content onto pages.
pub struct Pager<'a> {
    m: &'a dyn Measure,
    /// Size of the page number at the foot.
    footer_size: f32,
    /// Hears each page when it is full.
    sink: &'a mut dyn FnMut(Page),
    ops: Vec<Op>,
    number: usize,
    rows_done: usize,
    /// Top of the next content on the current page.
    y: f32,
}

impl<'a> Pager<'a> {
    pub fn new(m: &'a dyn Measure, footer_size: f32, sink: &'a mut dyn FnMut(Page)) -> Pager<'a> {
        Pager { m, footer_size, sink, ops: Vec::new(), number: 1, rows_done: 0, y: TOP }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.ops
    }

    /// Puts the page number "— n —" at the foot of the current page and hands the page on.
    fn flush(&mut self) {
        let size = self.footer_size;
        let text = format!("— {} —", self.number);
        let w = self.m.text_width(&text, size);
        let baseline = PAGE_H - BOTTOM + 7.0 * 2.835 + size;
        let mut ops = std::mem::take(&mut self.ops);
        ops.push(Op::Text { x: (PAGE_W - w) / 2.0, y: baseline, size, color: BLACK, text });
        (self.sink)(Page { number: self.number, ops, rows_done: self.rows_done });
    }

    fn new_page(&mut self) {
        self.flush();
        self.number += 1;
        self.y = TOP;
    }

    /// Starts a new page unless this one is still empty.
    pub fn page_break(&mut self) {
        if self.y > TOP {
            self.new_page();
        }
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn text_line(&mut self, x: f32, top: f32, line_h: f32, size: f32, color: Rgb, text: String) {
        let baseline = top + (line_h - size) / 2.0 + size * 0.86;
        self.ops().push(Op::Text { x, y: baseline, size, color, text });
    }

    /// A wrapped paragraph; `indent` is the first line's indent.
    pub fn paragraph(&mut self, text: &str, size: f32, line_h: f32, indent: f32, align: Align, color: Rgb) {
        let first = wrap(text, BODY_W - indent, size, self.m);
        // Lines after the first use the full width: re-wrap the rest.
        let mut lines = Vec::new();
        if let Some(head) = first.first() {
            lines.push((indent, head.clone()));
            let rest: String = text.chars().skip(head.chars().count()).collect();
            lines.extend(
                wrap(&rest, BODY_W, size, self.m).into_iter().filter(|l| !l.is_empty()).map(|l| (0.0, l)),
            );
        }
        for (dx, line) in lines {
            self.ensure(line_h);
            let w = self.m.text_width(&line, size);
            let x = match align {
                Align::Left => LEFT + dx,
                Align::Center => LEFT + (BODY_W - w) / 2.0,
                Align::Right => LEFT + BODY_W - w,
            };
            let top = self.y;
            self.text_line(x, top, line_h, size, color, line);
            self.y += line_h;
        }
    }

    pub fn skip(&mut self, height: f32) {
        self.y += height;
    }

    /// A table with a header row repeated on each page; `widths` are fractions of the body.
    /// Rows are taken one by one as they are laid out.
    pub fn table(
        &mut self,
        widths: &[f32],
        header: &[&str],
        rows: impl IntoIterator<Item = TableRow>,
        size: f32,
    ) {
        let line_h = size * 1.35;
        let cols: Vec<f32> = widths.iter().map(|w| w * BODY_W).collect();
        let layout = |cells: &[String], m: &dyn Measure| -> (Vec<Vec<String>>, f32) {
            let wrapped: Vec<Vec<String>> =
                cells.iter().zip(&cols).map(|(t, w)| wrap(t, w - 2.0 * CELL_PAD, size, m)).collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (wrapped, lines as f32 * line_h + 2.0 * CELL_PAD)
        };
        let header_cells: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
        let (header_lines, header_h) = layout(&header_cells, self.m);
        let m = self.m;
        let mut rows = rows.into_iter().map(|row| (layout(&row.cells, m), row.color)).peekable();
        let first_h = rows.peek().map_or(0.0, |((_, h), _)| *h);
        self.ensure(header_h + first_h);
        self.row(&cols, header_lines.clone(), header_h, line_h, size, BLACK, true);
        for ((lines, h), color) in rows {
            if self.y + h > PAGE_H - BOTTOM {
                self.new_page();
                self.row(&cols, header_lines.clone(), header_h, line_h, size, BLACK, true);
            }
            self.row(&cols, lines, h, line_h, size, color, false);
            self.rows_done += 1;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        cols: &[f32],
        cells: Vec<Vec<String>>,
        h: f32,
        line_h: f32,
        size: f32,
        color: Rgb,
        header: bool,
    ) {
        let top = self.y;
        let total: f32 = cols.iter().sum();
        if header {
            self.ops().push(Op::Fill { x: LEFT, y: top, w: total, h, color: [0xEE, 0xEE, 0xEE] });
        }
        let mut x = LEFT;
        for (w, lines) in cols.iter().zip(cells) {
            for (i, line) in lines.into_iter().enumerate() {
                let tx = if header { x + (w - self.m.text_width(&line, size)) / 2.0 } else { x + CELL_PAD };
                self.text_line(tx, top + CELL_PAD + i as f32 * line_h, line_h, size, color, line);
            }
            self.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: top + h });
            x += w;
        }
        self.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: top + h });
        self.ops().push(Op::Line { x1: LEFT, y1: top, x2: x, y2: top });
        self.ops().push(Op::Line { x1: LEFT, y1: top + h, x2: x, y2: top + h });
        self.y += h;
    }

    /// Hands on the last page; returns how many there were.
    pub fn finish(mut self) -> usize {
        self.flush();
        self.number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Grid;
    impl Measure for Grid {
        fn width(&self, c: char, size: f32) -> f32 {
            if c.is_ascii() { size * 0.5 } else { size }
        }
    }

    #[test]
    fn long_tables_flow_onto_new_pages_with_the_header_repeated() {
        let mut pages: Vec<Vec<Op>> = Vec::new();
        let mut numbers = Vec::new();
        let mut sink = |page: Page| {
            numbers.push(page.number);
            pages.push(page.ops);
        };
        let mut p = Pager::new(&Grid, 14.0, &mut sink);
        p.paragraph("标题", 22.0, 30.0, 0.0, Align::Center, BLACK);
        let rows: Vec<TableRow> = (0..80)
            .map(|i| TableRow {
                cells: vec![format!("一.{i}"), "要突出在建工地治理，联合住建部门开展专项检查".into()],
                color: if i % 2 == 0 { [0xC6, 0x28, 0x28] } else { BLACK },
            })
            .collect();
        p.table(&[0.2, 0.8], &["序号", "工作要求"], rows, 10.5);
        let count = p.finish();
        assert_eq!(count, pages.len());
        assert_eq!(numbers, (1..=count).collect::<Vec<_>>(), "pages handed on in order, once each");
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let texts: Vec<(&str, f32, Rgb)> = page
                .iter()
                .filter_map(|op| match op {
                    Op::Text { text, y, color, .. } => Some((text.as_str(), *y, *color)),
                    _ => None,
                })
                .collect();
            assert!(texts.iter().any(|(t, _, _)| *t == "序号"), "header on page {}", n + 1);
            let footer = format!("— {} —", n + 1);
            assert!(texts.iter().any(|(t, _, _)| *t == footer), "page number on page {}", n + 1);
            // Nothing but the page number below the text block.
            assert!(texts.iter().filter(|(t, _, _)| *t != footer).all(|(_, y, _)| *y <= PAGE_H - BOTTOM));
        }
        let all: Vec<&Op> = pages.iter().flatten().collect();
        let red = all.iter().filter(|op| matches!(op, Op::Text { text, color, .. } if text.starts_with("一.") && *color == [0xC6, 0x28, 0x28])).count();
        assert_eq!(red, 40, "overdue rows keep their colour across pages");
        let numbers =
            all.iter().filter(|op| matches!(op, Op::Text { text, .. } if text.starts_with("一."))).count();
        assert_eq!(numbers, 80, "every row drawn once");
    }
}
