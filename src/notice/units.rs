//! 责任单位 — who carries a requirement out, in the forms notices write it:
//! `（责任处室：防火监督处、新闻宣传处）`, `（牵头单位：X；配合单位：Y、Z）`,
//! `(责任单位:A、B)`, a bare `责任部门：X` line, and inline `由X牵头，Y配合`.
//! Lead (牵头) and supporting (配合/参与) units are kept apart; names keep their own brackets
//! (`市交通委（市道运局）`, `各县（市、区）人民政府`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::names::{push_names, split_top_level};

/// Labels that name the lead units outright.
const LEAD_LABELS: [&str; 10] = [
    "牵头责任单位",
    "牵头责任部门",
    "牵头单位",
    "牵头处室",
    "牵头部门",
    "牵头科室",
    "主责单位",
    "承办单位",
    "主办单位",
    "牵头",
];
/// Labels for the responsible units: lead, unless a 牵头 label names the lead.
const RESPONSIBLE_LABELS: [&str; 5] = ["责任处室", "责任单位", "责任部门", "责任科室", "责任主体"];
/// Labels that introduce supporting units.
const SUPPORT_LABELS: [&str; 13] = [
    "协同责任单位",
    // (牵头单位:市发改委,数据提供单位:市统计局): the unit that supplies a target's figures.
    "数据提供单位",
    "配合责任单位",
    "协同部门",
    "配合单位",
    "配合处室",
    "配合部门",
    "配合科室",
    "协办单位",
    "参与单位",
    "协助单位",
    "协同单位",
    "配合",
];

/// What a label may add before its colon: `责任单位及责任人：X主要领导`.
const LABEL_TAILS: [&str; 4] = ["及责任人", "和责任人", "及责任领导", "及负责人"];

/// `rest` after a label's optional tail (及责任人).
fn after_tail(rest: &str) -> &str {
    LABEL_TAILS.iter().find_map(|t| rest.strip_prefix(t)).unwrap_or(rest)
}

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
    split_label(inside)?;
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
    split_label(trimmed)?;
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    Responsible,
    Support,
}

/// A segment's role and its names, when a label or a suffix gives the role.
type Labelled<'a> = Option<(Role, &'a str)>;

/// `责任处室：A、B` → (role, `A、B`).
fn split_label(s: &str) -> Option<(Role, &str)> {
    let s = s.trim_start();
    // The first characters of the labels: most text is told at once.
    if !s.starts_with(['责', '牵', '主', '承', '配', '协', '参', '数']) {
        return None;
    }
    let labelled = |labels: &[&str], role| {
        labels.iter().find_map(|label| {
            let rest = after_tail(s.strip_prefix(label)?).trim_start();
            let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
            Some((role, rest))
        })
    };
    labelled(&RESPONSIBLE_LABELS, Role::Responsible)
        .or_else(|| labelled(&LEAD_LABELS, Role::Lead))
        .or_else(|| labelled(&SUPPORT_LABELS, Role::Support))
}

/// A labelled part that names no unit: `完成时限：年内`, `时间：6月底前`, `备注：…`.
/// `label` is the segment's [`split_label`].
fn other_label(segment: &str, label: Option<(Role, &str)>) -> bool {
    let s = segment.trim_start();
    let Some(colon) = s.find(['：', ':']) else { return false };
    let label_text = &s[..colon];
    let n = label_text.chars().count();
    (1..=6).contains(&n) && label_text.chars().all(super::text::is_han) && label.is_none()
}

/// `X牵头` / `X（牵头）` / `Y、Z配合`: a role written after the names.
fn split_role_suffix(s: &str) -> Option<(Role, &str)> {
    let s = s.trim();
    for (suffix, role) in [
        ("（牵头）", Role::Lead),
        ("(牵头)", Role::Lead),
        ("牵头", Role::Lead),
        ("配合", Role::Support),
        ("参与", Role::Support),
        ("协助", Role::Support),
        // 〔市委组织部牵头,各镇(街道)、…分工负责〕: the units that share the work.
        ("按职责分工负责", Role::Responsible),
        ("分工负责", Role::Responsible),
    ] {
        if let Some(names) = s.strip_suffix(suffix)
            && !names.trim().is_empty()
        {
            return Some((role, names));
        }
    }
    None
}

/// Reads a unit list (a bracket's inside or a bare line); `None` unless it is labelled or
/// says who leads.
fn read_list(inner: &str, rules: UnitRules) -> Option<(Vec<String>, Vec<String>)> {
    // Every label and role suffix holds one of these: a bracket without them (（一）, （试行）,
    // a remark) is no list, and is told without splitting it.
    const MARKS: [&str; 10] =
        ["牵头", "责任", "主责", "承办", "主办", "配合", "协办", "参与", "协助", "协同"];
    if !MARKS.iter().any(|m| inner.contains(m)) {
        return None;
    }
    // （…协同责任单位：县安委会各成员单位。各镇（园区）落实属地管理责任，以下均需…）: a sentence
    // after the names, with no label of its own, is a remark, not more names.
    let inner = match inner.split_once('。') {
        Some((names, remark))
            if split_top_level(remark, &['；', ';', '，', ',', '。'])
                .iter()
                .all(|s| split_label(s).is_none()) =>
        {
            names
        }
        _ => inner,
    };
    // Each segment with its label and its role suffix, read once.
    let segments: Vec<(&str, Labelled, Labelled)> = split_top_level(inner, &['；', ';', '，', ',', '。'])
        .into_iter()
        .map(|s| (s, split_label(s), split_role_suffix(s)))
        .collect();
    // （责任领导：杜新国；牵头单位：区发改局）: a leader's name may come before the first label.
    let labelled = segments.iter().any(|(_, label, _)| label.is_some());
    let marked = segments.iter().any(|(_, _, suffix)| suffix.is_some());
    if !(labelled || marked && segments.iter().all(|(_, _, suffix)| suffix.is_some())) {
        return None;
    }
    let has_lead_label = segments.iter().any(|(_, label, suffix)| {
        matches!(label, Some((Role::Lead, _))) || matches!(suffix, Some((Role::Lead, _)))
    });
    let mut lead = Vec::new();
    let mut support = Vec::new();
    let mut role = Role::Responsible;
    for (segment, label, suffix) in segments {
        if other_label(segment, label) {
            continue;
        }
        let (names, suffix) = match label {
            Some((r, rest)) => {
                role = r;
                (rest, split_role_suffix(rest))
            }
            None => (segment, suffix),
        };
        let (segment_role, names) = suffix.unwrap_or((role, names));
        let target = match segment_role {
            Role::Lead => &mut lead,
            Role::Responsible if !has_lead_label => &mut lead,
            _ => &mut support,
        };
        push_names(target, names);
    }
    if rules.first_is_lead && !has_lead_label && lead.len() > 1 {
        let rest = lead.split_off(1);
        support.splice(0..0, rest);
    }
    (!lead.is_empty() || !support.is_empty()).then_some((lead, support))
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
