//! 交给谁 — who a directive is for, settled once every section is read: a requirement that
//! points above (请以上责任单位…) takes the units named above it, or the addressees; 你局 is the
//! addressee of a 批复; a 批复's approval (同意对…) asks nothing and is dropped; a unit's head
//! (各单位负责人) is named by the unit; a text written to the public (广大村(居)民朋友们：) asks
//! the public, not a unit, wherever it names none.

use super::{report_list, text, unit_name};
use crate::model;

/// The four, in the order both readers need them.
pub fn settle(sections: &mut [model::SectionDraft], recipients: &[String]) {
    resolve_above(sections, recipients);
    drop_approvals(sections);
    heads_to_units(sections);
    drop_asks_of_the_public(sections, recipients);
}

/// Words by which a text greets the public (广大村(居)民朋友们, 亲爱的市民朋友们, 各位家长,
/// 亲爱的父老乡亲).
const PUBLIC: [&str; 9] = ["朋友们", "市民", "村民", "居民", "群众", "游客", "家长", "父老乡亲", "乡亲们"];

/// 关于清明节期间文明祭祀…的温馨提示 / 广大村(居)民朋友们：…请自觉遵守…: what a text written to
/// the public asks of no unit is advice to citizens, not work a duty desk follows up.
fn drop_asks_of_the_public(sections: &mut [model::SectionDraft], recipients: &[String]) {
    let public = |r: &String| PUBLIC.iter().any(|p| r.contains(p)) && !unit_name::is_unit(r);
    if !recipients.is_empty() && recipients.iter().all(public) {
        // (请广大市民…, given the greeting for its units, asks the public too.)
        for s in sections.iter_mut() {
            s.directives.retain(|d| d.offices.iter().any(|o| !public(o)));
        }
    }
}

/// 一、同意对…实施挂牌督办。 — a 批复's approval grants, it asks nothing of anyone (but 同意划拨
/// 30万元…,以县自来水公司牵头的方式完成… puts a unit to work).
fn drop_approvals(sections: &mut [model::SectionDraft]) {
    for s in sections.iter_mut() {
        s.directives.retain(|d| {
            let t = text::clean_line(&d.text);
            !t.starts_with("同意") || report_list::has_modal(t) || !d.offices.is_empty()
        });
    }
}

/// Names the unit where a text names its head (各单位负责人要… → 各单位), once per list.
fn heads_to_units(sections: &mut [model::SectionDraft]) {
    fn fix(names: &mut Vec<String>) {
        let mut out: Vec<String> = Vec::with_capacity(names.len());
        for name in names.drain(..) {
            let unit = unit_name::unit_of(&name);
            if !out.iter().any(|o| o == unit) {
                out.push(if unit.len() == name.len() { name } else { unit.to_owned() });
            }
        }
        *names = out;
    }
    for section in sections {
        fix(&mut section.offices);
        for d in &mut section.directives {
            fix(&mut d.offices);
            fix(&mut d.support_offices);
        }
    }
}

/// `请以上责任单位于9月20日前完成整改`: a requirement that points at the units named above it
/// is theirs, and its date is the deadline of those above that have none (inferred). After a
/// list of problems that names no unit, the units meant are the notice's addressees (主送机关).
fn resolve_above(sections: &mut [model::SectionDraft], recipients: &[String]) {
    const POINTERS: [&str; 6] = ["请以上", "请上述", "以上责任单位", "上述责任单位", "以上单位", "上述单位"];
    let mut named: Vec<String> = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for s in 0..sections.len() {
        for d in 0..sections[s].directives.len() {
            let directive = &sections[s].directives[d];
            let head = text::clean_line(&directive.text).to_owned();
            // 请你局会同… / 你局应按照…: the one the text is addressed to (a 批复's 区应急管理局：).
            let addressed = (head.starts_with("请你") || head.starts_with('你')) && !recipients.is_empty();
            let unnamed = directive
                .offices
                .iter()
                .all(|o| o.starts_with('你') || o.starts_with("以上") || o.starts_with("上述"));
            if addressed && unnamed {
                let directive = &mut sections[s].directives[d];
                directive.offices = recipients.to_vec();
                continue;
            }
            let points = POINTERS.iter().any(|p| head.starts_with(p));
            if points && unnamed && named.is_empty() && !recipients.is_empty() {
                named = recipients.to_vec();
            }
            if points && unnamed && !named.is_empty() {
                let deadline = directive.deadline.clone();
                let directive = &mut sections[s].directives[d];
                directive.offices = named.clone();
                directive.units_phrase = Some(text::first_phrase(&head).to_owned());
                if deadline.date.is_some() {
                    for &(ps, pd) in &seen {
                        let above = &mut sections[ps].directives[pd];
                        if above.deadline.date.is_none() && above.deadline.recurrence.is_none() {
                            above.deadline =
                                model::DeadlineDraft { inferred: true, recurrence: None, ..deadline.clone() };
                        }
                    }
                }
                continue;
            }
            for o in &directive.offices {
                if !named.contains(o) {
                    named.push(o.clone());
                }
            }
            seen.push((s, d));
        }
    }
}
