//! 单位名单 — a bracket's or a line's list of units read by its labels: `牵头单位：X；配合单位：
//! Y、Z`, `责任单位：A、B`, a role after the names (`X牵头，Y配合`, `A、B按职责分工负责`). Lead (牵头),
//! responsible and supporting (配合/参与) units are told apart here; units.rs finds where such a
//! list stands (a bracket, a line of its own) and what it covers.

use super::names::{push_names, split_top_level};
use super::units::UnitRules;

/// Labels that name the lead units outright.
pub(super) const LEAD_LABELS: [&str; 10] = [
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
pub(super) const RESPONSIBLE_LABELS: [&str; 5] = ["责任处室", "责任单位", "责任部门", "责任科室", "责任主体"];
/// Labels that introduce supporting units.
pub(super) const SUPPORT_LABELS: [&str; 13] = [
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
pub(super) const LABEL_TAILS: [&str; 4] = ["及责任人", "和责任人", "及责任领导", "及负责人"];

/// `rest` after a label's optional tail (及责任人).
pub(super) fn after_tail(rest: &str) -> &str {
    LABEL_TAILS.iter().find_map(|t| rest.strip_prefix(t)).unwrap_or(rest)
}

/// Whether `s` opens with a label of units (`责任处室：…`, `牵头单位：…`).
pub(super) fn opens_with_label(s: &str) -> bool {
    split_label(s).is_some()
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
pub(super) fn read_list(inner: &str, rules: UnitRules) -> Option<(Vec<String>, Vec<String>)> {
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
