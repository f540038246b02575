//! 分项时限 — a requirement of running text whose phrases each set their own limit
//! (`农村危房改造工作7月底前全面完成，8月底前完成验收及资金拨付工作`; `9月26日前需完成餐饮商业
//! 用户全覆盖排查，年底前全面完成居民用户入户安检`): each limit governs its own task, so each is
//! a requirement of its own, with the subject of the sentence. Also the sentences a dated limit
//! opens as a requirement with no 要 (`11月25日前上交…统计表`, `各中小学于6月30日之前将…上报`).

use chrono::NaiveDate;

use crate::notice::deadline::{find_deadline, may_date};

/// Where in `text` a new requirement starts: at each phrase that opens with a dated limit when
/// a phrase before it already set one.
pub(super) fn per_limit(text: &str) -> Vec<usize> {
    // Any year reads the words; only whether they give a date matters here.
    let Some(any) = NaiveDate::from_ymd_opt(2000, 1, 1) else { return Vec::new() };
    // Most phrases hold none of a date's characters and are told without folding or matching.
    let dated = |p: &str| may_date(p).then(|| find_deadline(p, any)).flatten().filter(|d| d.date.is_some());
    // 每半年报送…。上半年于6月5日前报送,下半年于12月5日前报送: the limits of a recurring
    // task are its schedule, one requirement.
    if crate::notice::deadline::find_recurrence(text).is_some() {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut at = 0;
    let mut limit_before = false;
    for piece in text.split_inclusive(['，', ',']) {
        let p = piece.trim_start();
        let opens = p.trim_start_matches(['在', '于']);
        let opens_with_limit =
            dated(opens).and_then(|d| d.phrase).is_some_and(|phrase| opens.starts_with(phrase.as_str()));
        if at > 0 && limit_before && opens_with_limit {
            cuts.push(at + piece.len() - p.len());
        }
        limit_before |= dated(piece).is_some();
        at += piece.len();
    }
    cuts
}

/// The dated limit `s` opens with (`6月30日之前`, `11月25日前`), as written.
fn opening_limit(s: &str) -> Option<String> {
    let numeral =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c);
    if !s.starts_with(numeral) {
        return None;
    }
    find_deadline(s, NaiveDate::MIN)
        .filter(|d| d.date.is_some())
        .and_then(|d| d.phrase)
        .filter(|p| s.starts_with(p.as_str()))
}

/// What is sent or finished by a limit (`11月25日前上交…`, `于10月15日前报总站`).
const SEND: [&str; 7] = ["上交", "上报", "报送", "提交", "报", "送", "完成"];

/// `11月25日前上交…统计表`: a sentence that opens with a limit and what to send or finish by
/// it is a requirement of its own (of the units before it).
pub(super) fn limit_then_report(s: &str) -> bool {
    let Some(phrase) = opening_limit(s).filter(|p| p.ends_with('前')) else { return false };
    let after = s[phrase.len()..].trim_start_matches(['，', ',']);
    // 2011年底前,依托市应急救援支队完成市级…储备库建设: what it builds on, then what it finishes.
    let built = after.starts_with("依托") && {
        let part = after.split(['；', ';', '。']).next().unwrap_or(after);
        ["完成", "建成"].iter().any(|w| part.contains(w))
    };
    SEND.iter().any(|w| after.starts_with(w)) || built
}

/// `8月20日前由各社区、行政村组织初赛`: a limit, then 由 and the units that do the work by
/// it — a requirement of those units with no 要 (a schedule's steps).
pub(super) fn limit_then_units(s: &str) -> Option<Vec<String>> {
    if let Some(units) = from_day_units(s) {
        return Some(units);
    }
    let phrase = opening_limit(s)?;
    let after = s[phrase.len()..].trim_start_matches(['，', ',']);
    crate::notice::subject::opening_subject(after.strip_prefix('由')?)
}

/// `4月27日起,各镇街住房城乡建设主管部门对…开展全覆盖检查`: the day a step starts, then the
/// units that take it (a schedule's step, not a report: nothing done, 了 or 已).
fn from_day_units(s: &str) -> Option<Vec<String>> {
    static FROM_DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d{1,2}月\d{1,2}日(?:起|开始)[，,]").expect("from-day regex")
    });
    let m = FROM_DAY.find(s)?;
    let end = s.find(['。', '；', ';']).unwrap_or(s.len());
    if s[m.end()..end].contains(['了', '已']) {
        return None;
    }
    crate::notice::subject::opening_subject(&s[m.end()..])
}

/// `活动分为初赛、复赛、决赛三个阶段展开:8月20日前由各社区、行政村组织初赛`: after a colon
/// that announces the steps, a step that opens with its limit and its units starts there.
pub(super) fn step_after_colon(rest: &str) -> Option<super::start::Start> {
    let colon = rest.find(['：', ':'])?;
    let at = colon + rest[colon..].chars().next()?.len_utf8();
    let units = limit_then_units(&rest[at..])?;
    Some(super::start::Start { at, units: Some(units), enumerated: false, plain: false })
}

/// `各中小学,幼儿园(含民办)于6月30日之前将…上报`: units, then 于 or 在 and a dated limit — a
/// requirement of those units with no 要.
pub(super) fn units_by_limit(s: &str) -> Option<Vec<String>> {
    // 全市在建超高层建筑项目由施工总承包单位于4月26日前…: after 由, who does the work.
    let by = s.find('由').filter(|&b| !s[b..].starts_with("由于")).map(|b| b + '由'.len_utf8());
    by.and_then(|by| units_by_limit_from(s, by)).or_else(|| units_by_limit_from(s, 0))
}

/// [`units_by_limit`] with the units' name read from `by`.
fn units_by_limit_from(s: &str, by: usize) -> Option<Vec<String>> {
    let at = s[by..]
        .find(['于', '在'])
        .map(|at| by + at)
        .filter(|&at| at > by && s[..at].chars().count() <= 24)?;
    let after = &s[at + '于'.len_utf8()..];
    if s[..at].contains(['。', '；', ';', '：', ':']) || opening_limit(after).is_none() {
        return None;
    }
    crate::notice::subject::subject_units(&s[by..at].replace([',', '，'], "、"))
}

/// `各站并将今年以来专项整治工作情况形成书面总结于10月15日前报总站管理一科`: units, 将 and what
/// they send, then by when and where — a requirement of those units with no 要.
pub(super) fn units_will_send(s: &str) -> Option<Vec<String>> {
    let at = s.find('将').filter(|&at| at > 0 && s[..at].chars().count() <= 16)?;
    let name = &s[..at];
    let name = name.strip_suffix('并').or_else(|| name.strip_suffix('要')).unwrap_or(name);
    // The sentence's end after 将 (a stop before it ends the name, checked below).
    let end = s[at..].find(['。', '；', ';']).map_or(s.len(), |e| at + e);
    let body = &s[at..end];
    let sends = body.match_indices(['于', '在']).any(|(i, w)| {
        let after = &body[i + w.len()..];
        opening_limit(after).is_some_and(|p| {
            p.ends_with('前')
                && SEND.iter().any(|w| after[p.len()..].trim_start_matches(['，', ',']).starts_with(w))
        })
    });
    if !sends || name.contains(['，', ',', '：', ':', '。', '；', ';']) {
        return None;
    }
    crate::notice::subject::subject_units(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        for cut in per_limit(text) {
            out.push(&text[from..cut]);
            from = cut;
        }
        out.push(&text[from..]);
        out
    }

    #[test]
    fn a_stop_before_what_units_will_send_ends_no_name() {
        // Found by the fuzzer: the sentence's stop stood before 将, and its end was read before
        // its start.
        assert_eq!(units_will_send("题整改。区安委办将督导组发现的隐患于4月底前上报市安委办。"), None);
        assert_eq!(
            units_will_send("各站将专项整治工作情况于10月15日前报总站。"),
            Some(vec!["各站".to_owned()])
        );
    }

    #[test]
    fn each_limit_governs_its_own_task() {
        assert_eq!(
            parts("农村危房改造工作7月底前全面完成,8月底前完成验收及资金拨付工作。"),
            ["农村危房改造工作7月底前全面完成,", "8月底前完成验收及资金拨付工作。"]
        );
        assert_eq!(
            parts("9月26日前需完成餐饮商业用户全覆盖排查,年底前全面完成居民用户入户安检,重点聚焦老旧小区。")
                .len(),
            2
        );
    }

    #[test]
    fn one_limit_or_a_limit_inside_a_phrase_cuts_nothing() {
        assert_eq!(parts("要加强巡查,确保在8月底前全面建成,启动运营。").len(), 1);
        assert_eq!(parts("要加强巡查,8月底前全面建成。").len(), 1, "the first limit opens nothing");
        assert_eq!(parts("7月底前完成排查,并建立台账。").len(), 1);
    }

    #[test]
    fn a_schedules_steps_name_who_takes_them() {
        assert_eq!(
            units_by_limit("全市在建超高层建筑项目由施工总承包单位于4月26日前对承建的项目完成自查。")
                .unwrap(),
            ["施工总承包单位"]
        );
        assert_eq!(
            units_by_limit("各单位于5月1日前将由专人填写的报表报送。").unwrap(),
            ["各单位"],
            "a 由 after the limit names no unit"
        );
        assert_eq!(
            limit_then_units("4月27日起,各镇街住房城乡建设主管部门对属地在建项目开展全覆盖检查。").unwrap(),
            ["各镇街住房城乡建设主管部门"]
        );
        assert_eq!(
            limit_then_units("4月27日起,各镇街住房城乡建设主管部门开展了全覆盖检查。"),
            None,
            "a report"
        );
    }
}
