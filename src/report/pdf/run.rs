//! Consecutive text operations of one size and colour gathered into one glyph run, drawn with
//! a single call into the PDF library. Each call costs a graphics-state save and restore, a
//! colour, a text object and a font selection whatever its length, and a page of the 100k
//! register has some 250 lines of cell text: one call per line was most of the drawing time.
//!
//! The lines keep their order (cell by cell, as the layout made them), so text extraction
//! reads each cell whole, as before; each line starts where the layout put it: a jump to a new
//! baseline is a glyph offset (the library starts a new text position there), a jump along the
//! same baseline widens the last glyph's advance (a kerning adjustment in the PDF).

use krilla::text::{GlyphId, KrillaGlyph};

use super::layout::Rgb;
use super::metrics::FontMetrics;

/// Glyphs, their text and where the library's pen will be after them.
#[derive(Default)]
pub struct Run {
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Size and colour of every glyph in the run.
    pub size: f32,
    pub color: Rgb,
    /// Where the first glyph sits (baseline), in page points from the top left.
    pub origin: (f32, f32),
    /// The pen's x after the glyphs so far, summed as the library sums it.
    pen_x: f32,
    /// The pen's x before the last glyph (to widen its advance).
    before_last: f32,
}

impl Run {
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// Can a line of this size and colour join the run?
    pub fn takes(&self, size: f32, color: Rgb) -> bool {
        self.is_empty() || (self.size == size && self.color == color)
    }

    /// Empties the run, keeping its buffers.
    pub fn clear(&mut self) {
        self.text.clear();
        self.glyphs.clear();
    }

    /// Adds a line of text with its baseline start at (`x`, `y`); the caller checked `takes`.
    pub fn push(&mut self, x: f32, y: f32, size: f32, color: Rgb, line: &str, m: &FontMetrics) {
        if line.is_empty() {
            return;
        }
        let y_offset = if self.is_empty() {
            self.size = size;
            self.color = color;
            self.origin = (x, y);
            self.pen_x = x;
            0.0
        } else {
            // Move the pen to x: the last glyph's advance takes the gap.
            if let Some(last) = self.glyphs.last_mut() {
                last.x_advance += (x - self.pen_x) / size;
                self.pen_x = self.before_last + last.x_advance * size;
            }
            (self.origin.1 - y) / size
        };
        let base = self.text.len();
        self.text.push_str(line);
        for (at, c) in line.char_indices() {
            let g = m.glyph(c);
            let start = base + at;
            self.glyphs.push(KrillaGlyph::new(
                GlyphId::new(u32::from(g.gid)),
                g.advance,
                0.0,
                y_offset,
                0.0,
                start..start + c.len_utf8(),
                None,
            ));
            self.before_last = self.pen_x;
            self.pen_x += g.advance * size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each glyph lands as the PDF library places them: the pen moves by each advance;
    /// a glyph's y offset lifts it off the run's first baseline.
    fn placed(run: &Run) -> Vec<(f32, f32)> {
        let mut x = run.origin.0;
        run.glyphs
            .iter()
            .map(|g| {
                let at = (x, run.origin.1 - g.y_offset * run.size);
                x += g.x_advance * run.size;
                at
            })
            .collect()
    }

    #[test]
    fn lines_start_where_the_layout_put_them() {
        let face = ttf_parser::Face::parse(crate::fonts::CJK_FONT, 0).expect("font");
        let m = FontMetrics::new(face);
        let mut run = Run::default();
        run.push(80.0, 120.0, 10.5, [0, 0, 0], "序号", &m);
        run.push(130.0, 120.0, 10.5, [0, 0, 0], "", &m);
        run.push(130.0, 120.0, 10.5, [0, 0, 0], "工作2", &m);
        run.push(130.0, 134.2, 10.5, [0, 0, 0], "要求", &m);
        assert_eq!(run.text, "序号工作2要求");
        let at = placed(&run);
        let near = |a: (f32, f32), b: (f32, f32)| (a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3;
        assert!(near(at[0], (80.0, 120.0)) && near(at[1], (90.5, 120.0)), "{at:?}");
        assert!(near(at[2], (130.0, 120.0)), "a jump along the baseline: {at:?}");
        assert!(near(at[5], (130.0, 134.2)), "a new baseline: {at:?}");
        assert!(near(at[6], (140.5, 134.2)), "{at:?}");
        assert!(
            run.takes(10.5, [0, 0, 0]) && !run.takes(10.5, [0xC6, 0x28, 0x28]) && !run.takes(14.0, [0, 0, 0])
        );
        run.clear();
        assert!(run.is_empty() && run.text.is_empty() && run.takes(14.0, [1, 2, 3]));
    }
}
