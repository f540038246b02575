//! 发文单位自身安排 — what the issuer says it will do itself (`教育局将于1月25日起组织检查组…`,
//! `本局将适时开展督查`) is no requirement of the units it writes to: the duty desk tracks
//! the addressees' work, and the issuer's own plan only tells them what to expect.

use crate::model::SectionDraft;

/// Words by which an issuer names itself.
/// 我市将…, 我县将…: a government writing of its own place, as a news report quotes it.
const SELF: [&str; 14] = [
    "本局",
    "我局",
    "我委",
    "我办",
    "本委",
    "本办",
    "我单位",
    "本单位",
    "我市",
    "我县",
    "我区",
    "我省",
    "我镇",
    "我乡",
];

/// Whether `text` opens with the issuer and its 将 (`教育局将…`, `我局将…`): `issuers` are the
/// names the notice signs with or is issued by; a short name that ends one of them is it.
pub fn is_own_plan(text: &str, issuers: &[&str]) -> bool {
    let t = crate::notice::text::clean_line(text);
    // 3月16日至3月31日,住建局将…: the time it acts in, before the issuer.
    let t = t.split_once(['，', ',']).filter(|(when, _)| is_period(when)).map_or(t, |(_, rest)| rest);
    let Some(at) = t.find('将').filter(|&at| at > 0 && t[..at].chars().count() <= 12) else {
        return false;
    };
    let who = &t[..at];
    // 住建局将采取…检查: a bureau by its bare kind, no place before it, is the issuer itself.
    let bare_kind = (3..=4).contains(&who.chars().count())
        && who.ends_with(['局', '委'])
        && !who.starts_with(['各', '县', '市', '区', '省', '乡', '镇']);
    // 县督查组的具体督查时间将于当天电话通知…: the issuer's inspecting team and its visit.
    const TEAMS: [&str; 5] = ["督查组", "检查组", "督导组", "督察组", "巡查组"];
    let team = TEAMS.iter().any(|g| who.contains(g));
    // 气象主管机构将按规定…抽查 in 东平县气象局's 公告: the issuer by its legal role.
    let role = ["主管机构", "主管部门"].iter().find_map(|r| who.strip_suffix(r)).is_some_and(|domain| {
        domain.chars().count() >= 2 && issuers.iter().any(|i| !i.is_empty() && i.contains(domain))
    });
    SELF.contains(&who)
        || bare_kind
        || team
        || role
        || (crate::notice::unit_name::is_unit(who)
            && issuers.iter().any(|i| !i.is_empty() && (i.ends_with(who) || who.ends_with(*i))))
}

/// Whether a clause tells what the issuer's own place does itself (`我市在全市范围内开展…`),
/// not what it asks of others (`我市要求各县区…`).
pub fn is_own_work(clause: &str) -> bool {
    let t = crate::notice::text::clean_line(clause).trim_start();
    let Some(rest) = SELF.iter().find_map(|w| t.strip_prefix(w)) else { return false };
    const ASKS: [&str; 6] = ["要求", "责令", "督促", "请", "通知", "部署"];
    !ASKS.iter().any(|w| rest.starts_with(w)) && !rest.starts_with(['各', '，', ','])
}

/// The directives left when the issuer's own plans are taken out: the issuer is the one the
/// header names, or a name the closing signs with; with no issuer in the header, a news item's
/// title names who reports (`省粮食局组织开展…`), and that unit is the issuer.
pub fn drop_own_plans(sections: &mut [SectionDraft], issuer: Option<&str>, title: &str, closing: &[&str]) {
    let reporter = match issuer {
        None => crate::notice::subject::opening_subject(title).filter(|u| u.len() == 1),
        Some(_) => None,
    };
    let issuers: Vec<&str> = issuer
        .into_iter()
        .chain(closing.iter().copied())
        .chain(reporter.iter().flatten().map(String::as_str))
        .collect();
    for s in sections {
        // (Most directives hold no 将: a substring test first.)
        s.directives.retain(|d| {
            !d.text.contains('将')
                || !is_own_plan(&d.text, &issuers) && !is_own_plan(after_title(&d.text), &issuers)
        });
    }
}

/// `3月16日至3月31日`, `即日起`: a short time phrase, digits and date words only.
fn is_period(s: &str) -> bool {
    s.chars().count() <= 16
        && s.starts_with(|c: char| c.is_ascii_digit() || c == '即' || c == '从' || c == '自')
        && s.chars().all(|c| c.is_ascii_digit() || "年月日至到起从自即-—".contains(c))
}

/// `省局督查。省粮食局将适时…`: the text after an item's short title sentence (no modal in
/// it), or "" when it has none.
fn after_title(text: &str) -> &str {
    let t = crate::notice::text::clean_line(text);
    // 四是省局督查。…: the item's ordinal is no part of its title.
    let t = crate::notice::text::after_spoken_ordinal(t, &['是']).unwrap_or(t);
    match t.split_once('。') {
        Some((title, rest)) if title.chars().count() <= 8 && !title.contains(['要', '应', '须']) => rest,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuers_plan_is_its_own() {
        let issuers = ["三都水族自治县教育局"];
        assert!(is_own_plan("教育局将于1月25日起组织检查组对各学校开展督导检查。", &issuers));
        assert!(is_own_plan("我局将适时开展督查。", &[]));
        assert!(
            is_own_plan("气象主管机构将按规定对防雷安全重点单位进行抽查。", &["东平县气象局"]),
            "its legal role"
        );
        assert!(!is_own_plan("消防主管部门将按规定抽查。", &["东平县气象局"]), "another's role");
        assert!(
            is_own_plan("县督查组的具体督查时间将于当天电话通知相关中心小学。", &[]),
            "the issuer's team"
        );
        assert!(!is_own_plan("各督导组组长要按照统一部署带队督察。", &[]), "a team asked, not a plan");
        assert!(
            is_own_plan("我市将从6月中旬起至8月底对各县区进行督导。", &[]),
            "a government of its own place"
        );
        // Another unit's 将 is a requirement of that unit, the issuer's a plan only.
        assert!(!is_own_plan("各乡镇将排查情况于5月底前报县应急局。", &issuers));
        assert!(!is_own_plan("各学校要将排查情况报教育局。", &issuers));
        assert!(is_own_work("我市在全市范围内开展安全隐患自查自纠工作"));
        assert!(!is_own_work("我市要求各县区于6月底前完成"), "what it asks of others");
    }
}
