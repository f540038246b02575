//! 各-集合 — a list of collectives and what governs what in it: 各乡镇、街道 (a bare word after a
//! collective is that collective's), 各部门、村(社区)、各学校 (each collective keeps the bare words
//! after it), 各街道、镇和上海站管委办 (a place word after a collective, then a unit of its own).
//! Split from subject.rs, which reads subjects and asks these when a subject is such a list.

use super::subject::subject_units;
use super::unit_name::is_unit;

/// A 各-collective's units: `各乡镇、街道` — a part that lacks 各 is governed by the 各 before
/// it and kept with it as written; otherwise split as any subject is.
pub fn collective_units(list: &str) -> Vec<String> {
    let parts = super::names::split_top_level(list, &['、']);
    // 各级党委、政府 is one collective; 各乡镇、有关部门 are two, and so are 各乡镇、县直有关单位
    // and 各乡镇、国有林场: a later part that is a unit's full name stands on its own, a bare
    // category (街道, 政府) is governed by the 各.
    let own = |p: &&str| {
        ["各", "有关", "相关"].iter().any(|w| p.starts_with(w)) || (p.chars().count() >= 3 && is_unit(p))
    };
    // 各部门、村(社区)、各学校: each collective keeps the bare words after it.
    grouped(&parts, |_, p| !own(&p))
        .unwrap_or_else(|| subject_units(list).unwrap_or_else(|| vec![list.to_owned()]))
}

/// `各职能部门、单位、各乡镇(街办)` → `各职能部门、单位`, `各乡镇(街办)`: the parts, each joined
/// to the group before it when `joins(first of that group, part)`, as written; `None` when no
/// part joins another (the list is then read part by part).
pub(super) fn grouped(parts: &[&str], joins: impl Fn(&str, &str) -> bool) -> Option<Vec<String>> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for p in parts {
        match groups.last_mut() {
            Some(group) if joins(group[0], p) => group.push(p),
            _ => groups.push(vec![p]),
        }
    }
    groups.iter().any(|g| g.len() > 1).then(|| groups.iter().map(|g| g.join("、")).collect())
}

/// 各街道、镇和上海站管委办: a bare place word (镇, 乡, 社区) after a 各 collective is more of
/// that collective (各街道、镇), and what its 和/及 joins is a unit of its own.
pub(super) fn place_after_collective(s: &str, parts: &[&str]) -> Option<Vec<String>> {
    // 社区 and 园区 are units of their own kind (各村、社区 are two).
    // 各村、居: a 居 is a 居委会, the village's urban twin.
    const PLACES: [&str; 5] = ["乡", "镇", "村", "居", "街道"];
    let at = parts.iter().position(|p| {
        PLACES
            .iter()
            .any(|w| p.starts_with(w) && (p.len() == w.len() || p[w.len()..].starts_with(['和', '及'])))
    })?;
    let before = *parts.get(at.checked_sub(1)?)?;
    if !before.starts_with('各') || !is_unit(before) {
        return None;
    }
    let place = PLACES.iter().find(|w| parts[at].starts_with(**w))?;
    let rest = parts[at][place.len()..].trim_start_matches(['和', '及']);
    // The collective with its place word, as written: 各街道、镇.
    let start = parts[..at - 1].iter().map(|p| p.len() + '、'.len_utf8()).sum::<usize>();
    let end = start + before.len() + '、'.len_utf8() + place.len();
    let mut out: Vec<String> = Vec::new();
    for p in &parts[..at - 1] {
        out.extend(subject_units(p)?);
    }
    out.push(s.get(start..end)?.to_owned());
    let tail: Vec<&str> =
        std::iter::once(rest).chain(parts[at + 1..].iter().copied()).filter(|p| !p.is_empty()).collect();
    // 各乡镇、街道、园区、部门: bare words all through, none joined by 和 or 及, are one
    // collective as written (各村、社区、学校和企业 lists kinds of unit: four).
    let bare = |p: &&str| {
        p.chars().count() <= 3
            && is_unit(p)
            && !["各", "有关", "相关"].iter().any(|w| p.starts_with(w))
            && !p.starts_with(['县', '市', '区', '省'])
    };
    if !tail.is_empty() && rest.is_empty() && tail.iter().all(bare) && !s.contains(['和', '及']) {
        return Some(vec![s.to_owned()]);
    }
    for p in tail {
        out.extend(subject_units(p)?);
    }
    Some(out)
}
