//! A width-folded copy of a text for matching (全角数字 → ASCII digits, halfwidth
//! punctuation → the fullwidth forms the rules are written in), with a map back to the
//! original so what the officer sees stays as written.

use std::borrow::Cow;
use std::ops::Range;

/// The folded text and, for each of its byte offsets, the offset in the original. A text with
/// nothing to fold (the usual case: a notice in full-width punctuation) is borrowed as it is,
/// with no copy and no offset map — the parser folds every clause it reads for a date.
#[derive(Debug, Clone)]
pub struct Norm<'a> {
    pub text: Cow<'a, str>,
    /// Empty when `text` is the original.
    to_orig: Vec<u32>,
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
    let bytes = orig.as_bytes();
    (from..bytes.len())
        .filter(|&i| may_fold(bytes[i]))
        .find(|&i| orig[i..].chars().next().is_some_and(|c| fold(c) != c))
}

fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Norm<'a> {
    pub fn new(orig: &'a str) -> Norm<'a> {
        let Some(mut at) = next_fold(orig, 0) else {
            return Norm { text: Cow::Borrowed(orig), to_orig: Vec::new() };
        };
        let bytes = orig.as_bytes();
        let mut text = String::with_capacity(orig.len() + 8);
        let mut to_orig = Vec::with_capacity(orig.len() + 9);
        let mut done = 0;
        loop {
            // The run before `at` as it is: each byte maps to the start of its character.
            text.push_str(&orig[done..at]);
            let mut start = done;
            for (i, &b) in bytes.iter().enumerate().take(at).skip(done) {
                if b & 0xC0 != 0x80 {
                    start = i;
                }
                to_orig.push(offset(start));
            }
            let Some(c) = orig[at..].chars().next() else { break };
            let f = fold(c);
            text.push(f);
            to_orig.extend(std::iter::repeat_n(offset(at), f.len_utf8()));
            done = at + c.len_utf8();
            at = next_fold(orig, done).unwrap_or(orig.len());
            if done == orig.len() {
                break;
            }
        }
        to_orig.push(offset(orig.len()));
        Norm { text: Cow::Owned(text), to_orig }
    }

    /// The original byte range of a range of the folded text (char boundaries).
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        if self.to_orig.is_empty() {
            return r;
        }
        let at = |i: usize| self.to_orig.get(i).map_or(usize::MAX, |v| *v as usize);
        at(r.start)..at(r.end)
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
}
