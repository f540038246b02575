//! A width-folded copy of a text for matching (全角数字 → ASCII digits, halfwidth
//! punctuation → the fullwidth forms the rules are written in), with a map back to the
//! original so what the officer sees stays as written.

use std::borrow::Cow;
use std::ops::Range;

/// The folded text and the original it came from. A text with nothing to fold (the usual
/// case: a notice in full-width punctuation) is borrowed as it is, with no copy — the parser
/// folds every clause it reads for a date. Offsets are mapped back only when asked (a date
/// was found), by walking the characters that fold.
#[derive(Debug, Clone)]
pub struct Norm<'a> {
    pub text: Cow<'a, str>,
    source: &'a str,
}

/// The character `c` is matched as.
pub fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        ',' => '，',
        '．' => '.',
        '\u{3000}' | '\t' => ' ',
        c => c,
    }
}

/// Whether a character starting with byte `b` may fold: the ASCII punctuation and tab, or a
/// lead byte of the full-width forms (０–９, ．: EF BC …) or the ideographic space (E3 80 80).
/// These are never continuation bytes, so a hit is always a character boundary.
fn may_fold(b: u8) -> bool {
    matches!(b, b'(' | b')' | b':' | b';' | b',' | b'\t' | 0xEF | 0xE3)
}

/// The byte offset of the first character at or after `from` that folds to another.
fn next_fold(orig: &str, from: usize) -> Option<usize> {
    let bytes = orig.as_bytes().get(from..)?;
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| may_fold(**b))
        .map(|(i, _)| from + i)
        .find(|&i| orig[i..].chars().next().is_some_and(|c| fold(c) != c))
}

impl<'a> Norm<'a> {
    pub fn new(orig: &'a str) -> Norm<'a> {
        let Some(mut at) = next_fold(orig, 0) else {
            return Norm { text: Cow::Borrowed(orig), source: orig };
        };
        let mut text = String::with_capacity(orig.len() + 8);
        let mut done = 0;
        loop {
            text.push_str(&orig[done..at]);
            let Some(c) = orig[at..].chars().next() else { break };
            text.push(fold(c));
            done = at + c.len_utf8();
            at = next_fold(orig, done).unwrap_or(orig.len());
        }
        Norm { text: Cow::Owned(text), source: orig }
    }

    /// The original offset of byte `i` of the folded text: the start of the original
    /// character it belongs to; the original's length at the end; `usize::MAX` past it.
    fn orig_offset(&self, i: usize) -> usize {
        let orig = self.source;
        // Folded offset minus original offset, after the folded characters passed so far.
        let mut shift = 0isize;
        let mut from = 0;
        while let Some(at) = next_fold(orig, from) {
            let folded_at = at.saturating_add_signed(shift);
            if i < folded_at {
                break;
            }
            let Some(c) = orig[at..].chars().next() else { break };
            let width = fold(c).len_utf8();
            if i < folded_at + width {
                return at;
            }
            shift += width as isize - c.len_utf8() as isize;
            from = at + c.len_utf8();
        }
        // In a stretch copied as it is.
        let Some(mut o) = i.checked_add_signed(-shift).filter(|o| *o <= orig.len()) else {
            return usize::MAX;
        };
        while !orig.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The original byte range of a range of the folded text (char boundaries).
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        if matches!(self.text, Cow::Borrowed(_)) {
            return r;
        }
        self.orig_offset(r.start)..self.orig_offset(r.end)
    }

    /// The original text of a range of the folded text.
    pub fn orig<'o>(&self, orig: &'o str, r: Range<usize>) -> &'o str {
        orig.get(self.orig_range(r)).unwrap_or("")
    }
}

/// Parses digits in either width (`２０２４` → 2024).
pub fn parse_digits(s: &str) -> Option<u32> {
    let ascii: String = s.chars().map(fold).collect();
    ascii.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_maps_back() {
        let orig = "于２０２４年５月(责任单位:甲)";
        let n = Norm::new(orig);
        assert_eq!(n.text, "于2024年5月（责任单位：甲）");
        let start = n.text.find("2024").unwrap();
        let end = n.text.find('月').unwrap() + '月'.len_utf8();
        assert_eq!(n.orig(orig, start..end), "２０２４年５月");
        assert_eq!(parse_digits("１５"), Some(15));
        // Nothing to fold: the original, borrowed.
        let plain = "于2024年5月（责任单位：甲）";
        let n = Norm::new(plain);
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.orig(plain, 3..7), "2024");
        assert_eq!(parse_digits("x"), None);
    }

    /// Each folded byte belongs to the original character it was folded from.
    fn check_offsets(orig: &str) {
        let n = Norm::new(orig);
        assert_eq!(n.text, orig.chars().map(fold).collect::<String>());
        let mut map = Vec::new();
        for (i, c) in orig.char_indices() {
            map.extend(std::iter::repeat_n(i, fold(c).len_utf8()));
        }
        map.push(orig.len());
        if let Cow::Owned(_) = n.text {
            for (i, want) in map.iter().enumerate().chain([(map.len(), &usize::MAX)]) {
                assert_eq!(n.orig_offset(i), *want, "{orig:?} at {i}");
            }
        }
    }

    #[test]
    fn every_offset_maps_to_the_start_of_its_original_character() {
        for orig in ["于２０２４年５月(责任单位:甲)", "(a)：\t１．５　b", "abc", "", "：:", "年(", "（）"]
        {
            check_offsets(orig);
        }
    }

    proptest::proptest! {
        #[test]
        fn offsets_map_back_on_any_text(orig in "[()（）：:;,，\t　０-９．年a5]{0,20}") {
            check_offsets(&orig);
        }
    }
}
