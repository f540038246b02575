//! The embedded font's glyph ids and advance widths, each character's looked up once: a report
//! of 100,000 rows measures and draws tens of millions of characters from a few thousand
//! distinct ones. The same table lays out the text (widths) and draws it (glyph ids), so the
//! PDF is drawn exactly as measured, without shaping every line again.

use std::cell::RefCell;
use std::collections::HashMap;

use super::wrap::Measure;

/// A character's glyph in the font and its advance in em (`gid` 0: no glyph, drawn as .notdef
/// a full em wide).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlyphInfo {
    pub gid: u16,
    pub advance: f32,
}

/// Not looked up yet (a real advance is never negative).
const UNKNOWN: GlyphInfo = GlyphInfo { gid: 0, advance: -1.0 };

pub struct FontMetrics<'a> {
    face: ttf_parser::Face<'a>,
    per_em: f32,
    /// The Basic Multilingual Plane by code point, filled as characters are met.
    bmp: RefCell<Vec<GlyphInfo>>,
    /// Characters beyond it (rare).
    astral: RefCell<HashMap<char, GlyphInfo>>,
}

impl<'a> FontMetrics<'a> {
    pub fn new(face: ttf_parser::Face<'a>) -> FontMetrics<'a> {
        FontMetrics {
            per_em: f32::from(face.units_per_em()),
            face,
            bmp: RefCell::new(vec![UNKNOWN; 0x1_0000]),
            astral: RefCell::default(),
        }
    }

    fn look_up(&self, c: char) -> GlyphInfo {
        let gid = self.face.glyph_index(c);
        let advance = gid.and_then(|g| self.face.glyph_hor_advance(g)).map(|a| f32::from(a) / self.per_em);
        match (gid, advance) {
            (Some(g), Some(advance)) => GlyphInfo { gid: g.0, advance },
            _ => GlyphInfo { gid: 0, advance: 1.0 },
        }
    }

    pub fn glyph(&self, c: char) -> GlyphInfo {
        let code = c as usize;
        if code < 0x1_0000 {
            let known = self.bmp.borrow()[code];
            if known.advance >= 0.0 {
                return known;
            }
            let found = self.look_up(c);
            self.bmp.borrow_mut()[code] = found;
            found
        } else {
            *self.astral.borrow_mut().entry(c).or_insert_with(|| self.look_up(c))
        }
    }
}

impl Measure for FontMetrics<'_> {
    fn width(&self, c: char, size: f32) -> f32 {
        self.glyph(c).advance * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_and_are_remembered() {
        let face = ttf_parser::Face::parse(crate::fonts::CJK_FONT, 0).expect("font");
        let m = FontMetrics::new(face);
        let han = m.glyph('消');
        assert_ne!(han.gid, 0);
        assert!((han.advance - 1.0).abs() < 0.01, "a Han character is a full em: {}", han.advance);
        let digit = m.glyph('2');
        assert!(digit.advance > 0.3 && digit.advance < 0.7, "{}", digit.advance);
        assert_eq!(m.glyph('消'), han, "the second look is the first");
        assert!((m.text_width("消防2", 10.0) - (20.0 + 10.0 * digit.advance)).abs() < 1e-3);
        // A private-use character has no glyph: a full em of .notdef.
        assert_eq!(m.glyph('\u{E000}'), GlyphInfo { gid: 0, advance: 1.0 });
        assert_eq!(m.glyph('\u{F0000}'), GlyphInfo { gid: 0, advance: 1.0 });
    }
}
