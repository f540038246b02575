//! 责任单位 — who carries a requirement out, in the forms notices write it:
//! `（责任处室：防火监督处、新闻宣传处）`, `（牵头单位：X；配合单位：Y、Z）`,
//! `(责任单位:A、B)`, a bare `责任部门：X` line, and inline `由X牵头，Y配合`.
//! Lead (牵头) and supporting (配合/参与) units are kept apart; names keep their own brackets
//! (`市交通委（市道运局）`, `各县（市、区）人民政府`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::names::{push_names, split_top_level};
use super::unit_list::{
    LABEL_TAILS, LEAD_LABELS, RESPONSIBLE_LABELS, SUPPORT_LABELS, opens_with_label, read_list,
};

/// How to read a unit list the notice leaves open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitRules {
    /// The notice says 排在第一位的为牵头单位: the first responsible unit is the lead.
    pub first_is_lead: bool,
    /// The notice labels no unit anywhere (no 责任单位, 牵头, 配合…): a requirement's units are
    /// the subject of its sentence (各责任单位要…).
    pub by_subject: bool,
    /// Such subjects open the requirements of two sections or more: a section's single
    /// subject is its unit too (set once the outline is known).
    pub subject_sections: bool,
}

static FIRST_IS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:第一位|首位|第一个|排名第一)(?:的)?(?:单位|处室|部门|科室)?为牵头")
        .expect("first-is-lead regex")
});

impl UnitRules {
    /// The rules a notice sets for itself (in its preamble or notes).
    pub fn of_notice(text: &str) -> UnitRules {
        UnitRules {
            first_is_lead: FIRST_IS_LEAD.is_match(text),
            by_subject: !names_units(text),
            subject_sections: false,
        }
    }
}

/// Whether a text labels units anywhere (`责任单位：`, `（牵头单位:`, `由X牵头`).
pub fn names_units(text: &str) -> bool {
    // A label before a colon, with or without its tail: looked for back from each colon (a
    // text has few) rather than forward from each of the labels.
    let is_label = |s: &str| {
        LEAD_LABELS.iter().chain(&RESPONSIBLE_LABELS).chain(&SUPPORT_LABELS).any(|l| s.ends_with(l))
    };
    let labelled = text.match_indices(['：', ':']).any(|(i, _)| {
        let before = &text[..i];
        is_label(before) || LABEL_TAILS.iter().any(|t| before.strip_suffix(t).is_some_and(is_label))
    });
    labelled || find_inline(text).is_some()
}

/// Units found in a text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLine {
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Byte range in the text searched, brackets included.
    pub range: Range<usize>,
}

impl UnitLine {
    pub fn phrase<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range.clone()).unwrap_or("")
    }
}

/// Finds the last bracketed unit line in `text`.
pub fn find_last_unit_line(text: &str) -> Option<UnitLine> {
    find_last_unit_line_with(text, UnitRules::default())
}

pub fn find_last_unit_line_with(text: &str, rules: UnitRules) -> Option<UnitLine> {
    // The opening brackets from the last back (each kind found by memrchr): the first that
    // holds a unit list is the last in the text. 〔市委组织部牵头,各镇(街道)…分工负责〕: the tortoise-shell bracket of a document number
    // closes a task's units too.
    let mut full = text.rmatch_indices('（').map(|(i, _)| i).peekable();
    let mut half = text.rmatch_indices('(').map(|(i, _)| i).peekable();
    let mut shell = text.rmatch_indices('〔').map(|(i, _)| i).peekable();
    loop {
        let i = [full.peek(), half.peek(), shell.peek()].into_iter().flatten().max().copied()?;
        full.next_if_eq(&i);
        half.next_if_eq(&i);
        shell.next_if_eq(&i);
        match matching_close(text, i) {
            Some(close) => {
                if let Some((lead, support)) = read_list(inner(text, i, close), rules) {
                    let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
                    return Some(UnitLine { lead, support, range: i..end });
                }
            }
            None => {
                if let Some((lead, support)) = cut_list(&text[i..], rules) {
                    return Some(UnitLine { lead, support, range: i..text.len() });
                }
            }
        }
    }
}

/// `…提升扩大人民群众安全意识。(责任单位:县委宣传部、县委党校,协同责任单位:县安委会各成员单位,`
/// — a labelled bracket that a copied page cut off before it closed: the names up to the
/// last separator (a name cut in the middle is left out).
fn cut_list(bracket: &str, rules: UnitRules) -> Option<(Vec<String>, Vec<String>)> {
    let inside = bracket.get(bracket.chars().next()?.len_utf8()..)?;
    if !opens_with_label(inside) {
        return None;
    }
    let end = inside.rfind(['，', ',', '、', '；', ';']).map_or(inside.len(), |k| k);
    let whole = inside.trim_end().ends_with(['，', ',', '、', '；', ';', '。']);
    let inside = if whole {
        inside.trim_end().trim_end_matches(['，', ',', '、', '；', ';', '。'])
    } else {
        &inside[..end]
    };
    read_list(inside, rules)
}

/// A line that is nothing but units: `（责任单位：X）` or `责任部门：X、Y`.
pub fn standalone(line: &str, rules: UnitRules) -> Option<UnitLine> {
    let trimmed = line.trim().trim_end_matches(['。', '；', ';']);
    // Where `trimmed` stands in `line` (a subslice: its leading whitespace cut).
    let start = trimmed.as_ptr() as usize - line.as_ptr() as usize;
    // Only a line that opens and closes with a bracket can be one bracket (most lines are not).
    let bracketed = trimmed.starts_with(['（', '(']) && trimmed.ends_with(['）', ')']);
    if bracketed
        && let Some(u) = find_last_unit_line_with(trimmed, rules)
        && u.range == (0..trimmed.len())
    {
        return Some(UnitLine { range: start..start + trimmed.len(), ..u });
    }
    if !opens_with_label(trimmed) {
        return None;
    }
    let (lead, support) = read_list(trimmed, rules)?;
    Some(UnitLine { lead, support, range: start..start + trimmed.len() })
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"由([^，,。；;：:“”（）()\s]{2,40}?)(牵头|负责)",
        r"(?:[，,]\s*([^，,。；;：:]{2,60}?)(?:配合|参与|协助|协同))?",
    ))
    .expect("inline units regex")
});

/// `县应急管理局牵头，县消防救援大队、各乡镇配合`: the same without 由, at a phrase's start.
static LED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[。；;，,：:\n])\s*(?:\d{1,2}[.、．]\s*)?([^，,。；;：:“”（）()\s由]{2,24}?)牵头[，,]\s*",
        r"([^，,。；;：:]{2,60}?)(?:密切|积极|协同|共同|全力)?(?:配合|参与|协助|协同)",
    ))
    .expect("led units regex")
});

/// `由防火监督处牵头，各支队配合` or `由宣传科负责，` inside running text, or
/// `县应急管理局牵头，各乡镇配合` where both are units.
pub fn find_inline(text: &str) -> Option<UnitLine> {
    // Both forms need 牵头, or 由 with 负责: most text has neither, and skips the regexes.
    let may_name = text.contains("牵头") || (text.contains('由') && text.contains("负责"));
    if !may_name {
        return None;
    }
    find_by(text).or_else(|| {
        let c = LED.captures(text)?;
        let units = |s: &str| {
            let parts = split_top_level(s, &['、']);
            parts
                .iter()
                .all(|p| super::subject::is_unit(p))
                .then(|| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())
        };
        let lead = units(c.get(1)?.as_str())?;
        let support = units(c.get(2)?.as_str())?;
        let start = c.get(1)?.start();
        Some(UnitLine { lead, support, range: start..c.get(0)?.end() })
    })
}

fn find_by(text: &str) -> Option<UnitLine> {
    INLINE.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        let lead_names = c.get(1)?.as_str();
        let after = text[whole.end()..].chars().next();
        let responsible = c.get(2)?.as_str() == "负责";
        // 成立由主要领导牵头的消防安全委员会: who leads a body being set up, not who does the work.
        if after == Some('的') && !responsible {
            return None;
        }
        if responsible
            && (c.get(3).is_some()
                || !after.is_none_or(|a| "，,。；;".contains(a))
                || ["主要", "分管", "专人", "同志"].iter().any(|w| lead_names.ends_with(w)))
        {
            return None;
        }
        let mut lead = Vec::new();
        push_names(&mut lead, lead_names);
        // 由熊伟副县长、朱万军副县长牵头: officials lead, the units are named after them.
        if lead.iter().all(|n| !super::subject::is_unit(n)) {
            return None;
        }
        let mut support = Vec::new();
        if let Some(s) = c.get(3) {
            push_names(&mut support, s.as_str());
        }
        Some(UnitLine { lead, support, range: whole.range() })
    })
}

fn inner(text: &str, open: usize, close: usize) -> &str {
    let start = open + text[open..].chars().next().map_or(0, char::len_utf8);
    text.get(start..close).unwrap_or("")
}

/// The byte index of the bracket closing the one at `open`.
fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '（' | '(' | '〔' => depth += 1,
            '）' | ')' | '〕' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
