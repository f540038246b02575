//! Line breaking for Chinese text: a break may fall between any two CJK characters, except
//! that closing punctuation never starts a line and opening punctuation never ends one
//! (避头尾 / kinsoku); runs of Latin letters and digits stay whole where they fit.

/// Advance widths of characters at a given size.
pub trait Measure {
    fn width(&self, c: char, size: f32) -> f32;

    fn text_width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.width(c, size)).sum()
    }
}

/// Must not start a line.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〉”’…—·,.;:?!)]}%".contains(c)
}

/// Must not end a line.
fn no_line_end(c: char) -> bool {
    "（《「『【〈“‘([{".contains(c)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// May a line break fall between `before` and `after`?
fn can_break(before: char, after: char) -> bool {
    !(no_line_start(after) || no_line_end(before) || (is_word_char(before) && is_word_char(after)))
}

/// Wraps `text` to lines no wider than `width`. Each `\n` starts a new line. A line that
/// cannot be broken legally is broken where it must.
pub fn wrap(text: &str, width: f32, size: f32, m: &dyn Measure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut chars = Vec::new();
    for paragraph in text.split('\n') {
        // Most table cells fit on one line: no breaking to do.
        if paragraph.is_empty() || m.text_width(paragraph, size) <= width {
            lines.push(paragraph.to_owned());
            continue;
        }
        chars.clear();
        chars.extend(paragraph.chars());
        let mut start = 0;
        while start < chars.len() {
            let mut used = 0.0;
            let mut end = start;
            while end < chars.len() {
                let w = m.width(chars[end], size);
                if end > start && used + w > width {
                    break;
                }
                used += w;
                end += 1;
            }
            if end < chars.len() {
                if no_line_start(chars[end]) {
                    // Closing marks hang past the edge rather than start the next line.
                    while end < chars.len() && no_line_start(chars[end]) {
                        end += 1;
                    }
                } else if let Some(b) = (start + 1..=end).rev().find(|&b| can_break(chars[b - 1], chars[b])) {
                    // Step back to the last legal break.
                    end = b;
                }
            }
            lines.push(chars[start..end].iter().collect());
            start = end;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CJK and fullwidth marks 1 unit, ASCII half.
    struct Grid;
    impl Measure for Grid {
        fn width(&self, c: char, _size: f32) -> f32 {
            if c.is_ascii() { 0.5 } else { 1.0 }
        }
    }

    #[test]
    fn breaks_between_characters_and_keeps_punctuation_rules() {
        assert_eq!(wrap("一二三四五六", 4.0, 1.0, &Grid), ["一二三四", "五六"]);
        // 。 may not start a line: it hangs at the end of the first.
        assert_eq!(wrap("一二三四。五六", 4.0, 1.0, &Grid), ["一二三四。", "五六"]);
        // （ may not end a line: it moves down with what it opens.
        assert_eq!(wrap("一二三（四）五", 4.0, 1.0, &Grid), ["一二三", "（四）五"]);
        // 2022 stays whole.
        assert_eq!(wrap("截至2022年", 3.0, 1.0, &Grid), ["截至", "2022年"]);
        assert_eq!(wrap("甲\n\n乙", 4.0, 1.0, &Grid), ["甲", "", "乙"]);
    }

    #[test]
    fn every_character_is_kept() {
        let text = "要突出在建工地治理。联合住建部门对施工工地员工宿舍等开展专项检查（2022年3月）。";
        for width in [1.0, 2.0, 3.5, 7.0, 40.0] {
            let lines = wrap(text, width, 1.0, &Grid);
            assert_eq!(lines.concat(), text, "width {width}");
        }
    }
}
