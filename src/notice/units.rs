//! 责任单位 — the bracketed line that names who carries a section out:
//! `（责任处室：防火监督处、新闻宣传处）`, `（牵头单位：X；配合单位：Y、Z）`.

use std::ops::Range;

/// Labels that introduce responsible (lead) units.
const LEAD_LABELS: [&str; 10] = [
    "责任处室",
    "责任单位",
    "责任部门",
    "牵头单位",
    "牵头处室",
    "牵头部门",
    "主责单位",
    "承办单位",
    "主办单位",
    "责任科室",
];
/// Labels that introduce supporting units.
const SUPPORT_LABELS: [&str; 7] =
    ["配合单位", "配合处室", "配合部门", "协办单位", "参与单位", "协助单位", "协同单位"];

/// A unit line found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLine {
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Where the bracketed line stands in the text (bytes), brackets included.
    pub range: Range<usize>,
}

/// Finds the last unit line in `text`.
pub fn find_last_unit_line(text: &str) -> Option<UnitLine> {
    let mut found = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '（' | '(')
            && let Some(line) = unit_line_at(text, i)
        {
            found = Some(line);
        }
    }
    found
}

/// Reads a unit line whose opening bracket is at byte `open`.
fn unit_line_at(text: &str, open: usize) -> Option<UnitLine> {
    let inner_start = open + text[open..].chars().next()?.len_utf8();
    let close = matching_close(text, open)?;
    let inner = &text[inner_start..close];
    // Only a bracket that opens with a label is a unit line.
    split_label(inner)?;
    let mut lead = Vec::new();
    let mut support = Vec::new();
    let mut current_is_support = false;
    for segment in split_top_level(inner, &['；', ';', '，', ',']) {
        let names = match split_label(segment) {
            Some((label, rest)) => {
                current_is_support = SUPPORT_LABELS.contains(&label);
                rest
            }
            None => segment,
        };
        let target = if current_is_support { &mut support } else { &mut lead };
        for name in split_top_level(names, &['、', '，', ',', '；', ';', ' ', '\u{3000}']) {
            let name = name.trim();
            if !name.is_empty() && !target.iter().any(|n: &String| n == name) {
                target.push(name.to_owned());
            }
        }
    }
    if lead.is_empty() && support.is_empty() {
        return None;
    }
    let end = close + text[close..].chars().next()?.len_utf8();
    Some(UnitLine { lead, support, range: open..end })
}

/// `责任处室：A、B` → (`责任处室`, `A、B`).
fn split_label(s: &str) -> Option<(&'static str, &str)> {
    let s = s.trim_start();
    LEAD_LABELS.iter().chain(SUPPORT_LABELS.iter()).find_map(|label| {
        let rest = s.strip_prefix(label)?.trim_start();
        let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
        Some((*label, rest))
    })
}

/// The byte index of the bracket closing the one at `open`.
fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at any of `seps` outside brackets, so `各县（市、区）人民政府` stays whole.
fn split_top_level<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            c if depth <= 0 && seps.contains(&c) => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seed_form() {
        let text = "加强考评。（责任处室：防火监督处、新闻宣传处）";
        let line = find_last_unit_line(text).unwrap();
        assert_eq!(line.lead, ["防火监督处", "新闻宣传处"]);
        assert!(line.support.is_empty());
        assert_eq!(&text[line.range.clone()], "（责任处室：防火监督处、新闻宣传处）");
    }

    #[test]
    fn keeps_lead_and_support_apart_and_nested_brackets_whole() {
        let line =
            find_last_unit_line("(牵头单位:市交通委（市道运局）；配合单位：各县（市、区）人民政府、队务处)")
                .unwrap();
        assert_eq!(line.lead, ["市交通委（市道运局）"]);
        assert_eq!(line.support, ["各县（市、区）人民政府", "队务处"]);
    }

    #[test]
    fn ignores_other_brackets() {
        assert_eq!(find_last_unit_line("学习《讲话材料》（扩大）会议"), None);
    }
}
