//! 请 — a sentence of running text that asks by 请: its own units (请各乡镇、街道落实…), the
//! addressees when it names none or points above (请以上责任单位…), and not the chair's 请…同志汇报
//! at the meeting itself. Split from start.rs, which finds where requirements start.

use super::start::Start;
use crate::notice::subject::{modal_subject, named_before_verb};

/// Words by which a 请 sentence points at the addressees above.
const REFERS: [&str; 4] = ["以上", "上述", "各事涉", "你"];

/// A sentence opening with 请: its units, or the addressees when it names none or points above.
pub(super) fn please(s: &str, recipients: &[String]) -> Option<Start> {
    let after = s.strip_prefix('请')?;
    if gives_the_floor(after) {
        return None;
    }
    if let Some((u, _)) = modal_subject(after) {
        return Some(Start { at: 0, units: Some(resolve(u, recipients)), enumerated: false, plain: false });
    }
    if let Some(mut u) = named_before_verb(after) {
        // 请各乡镇、街道落实属地监管责任,各责任单位落实企业整改主体责任: each subject of the
        // sentence is one of its units (a later `县应急局要…` is a requirement of its own).
        for piece in after.split_inclusive(['，', ',']).skip(1) {
            let p = piece.trim_start();
            let more = crate::notice::subject::collective_before_verb(p)
                .map(|(c, _)| crate::notice::subject::collective_units(&c));
            for m in more.into_iter().flatten() {
                if !u.contains(&m) {
                    u.push(m);
                }
            }
        }
        return Some(Start { at: 0, units: Some(resolve(u, recipients)), enumerated: false, plain: false });
    }
    if let Some(u) = crate::notice::subject::named_after_please(after) {
        return Some(Start { at: 0, units: Some(resolve(u, recipients)), enumerated: false, plain: false });
    }
    if recipients.is_empty() {
        return None;
    }
    Some(Start { at: 0, units: Some(recipients.to_vec()), enumerated: false, plain: false })
}

/// `请区消防救援大队陈灼同志汇报关于…情况`: the chair gives a speaker the floor at the meeting
/// itself — nothing to be done after it.
fn gives_the_floor(after: &str) -> bool {
    let Some(at) = after.find("同志") else { return false };
    let rest = &after[at + "同志".len()..];
    after[..at].chars().count() <= 20
        && !after[..at].contains(['，', ',', '。'])
        && ["汇报", "发言", "介绍", "讲话", "作汇报", "作说明", "通报"].iter().any(|w| rest.starts_with(w))
}

/// Units that point above (以上责任单位, 各事涉部门) are the addressees.
pub(super) fn resolve(units: Vec<String>, recipients: &[String]) -> Vec<String> {
    let refers = units.iter().all(|u| REFERS.iter().any(|w| u.contains(w)));
    if refers && !recipients.is_empty() { recipients.to_vec() } else { units }
}
