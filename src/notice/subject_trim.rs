//! 主语的修饰 — words around a subject that are no part of its name: the people asked along
//! with the units (…及广大群众), when or where the subject acts before its modal (在…的同时), a
//! note in brackets after it ((详见任务分工)). Split from subject.rs, which reads subjects.

/// `各社会单位、住宅物业服务企业及广大群众`: the units, without the people asked with them
/// (广大群众, 广大师生, 广大市民), who are no unit.
pub fn without_people(subject: &str) -> Option<&str> {
    // 各相关单位、市民朋友要…: the public after the units asks nothing of a unit.
    const PEOPLE: [&str; 6] = ["市民朋友", "市民", "居民群众", "群众", "村民", "个人"];
    if let Some(at) = subject.rfind(['、', '和', '及']).filter(|&at| at > 0) {
        let tail = &subject[at..];
        let tail = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        if PEOPLE.contains(&tail) {
            return Some(&subject[..at]);
        }
    }
    let at = ["及广大", "和广大", "、广大", "以及广大"].iter().filter_map(|w| subject.rfind(w)).min()?;
    let tail = &subject[at..];
    let people = tail.rsplit("广大").next().unwrap_or("");
    (at > 0 && (1..=4).contains(&people.chars().count())).then(|| &subject[..at])
}

/// `各村在春耕备耕工作的同时，`: a subject followed by when or where it acts, before its modal;
/// the subject alone.
pub fn before_circumstance(subject: &str) -> Option<&str> {
    // 全县各行业、各部门在工作上要…, …在这方面要…: where the subject acts is no part of it.
    const ENDS: [&str; 10] = ["同时", "时", "中", "期间", "之际", "上", "方面", "前提下", "情况下", "过程中"];
    let s = subject.trim_end_matches(['，', ',']);
    let at = s.find('在').filter(|&at| at > 0)?;
    ENDS.iter().any(|e| s.ends_with(e)).then(|| &s[..at])
}

/// `各场所负责人节日期间`: a period of a few characters after the subject (节日期间, 春节期间);
/// the subject alone.
pub fn before_period(subject: &str) -> Option<&str> {
    let rest = subject.strip_suffix("期间")?;
    (2..=4).find_map(|n| {
        let at = rest.char_indices().rev().nth(n - 1)?.0;
        Some(&rest[..at]).filter(|s| !s.is_empty() && super::unit_name::is_unit(s))
    })
}

/// `镇政府防灾责任人对防灾责任点`: what the subject is to act on, a few words after it (对…要);
/// the subject alone (对照, 对标, 对接 are verbs of their own; a longer 对-phrase may hold a
/// clause of its own: 省调研组对我县消防安全工作成效给予肯定).
pub fn before_object(subject: &str) -> Option<&str> {
    let at = subject.find('对').filter(|&at| at > 0)?;
    let object = &subject[at + '对'.len_utf8()..];
    let short = (2..=8).contains(&object.chars().count()) && object.chars().all(super::text::is_han);
    if !short || ["照", "标", "接", "口", "外", "象", "于"].iter().any(|w| object.starts_with(w)) {
        return None;
    }
    Some(&subject[..at]).filter(|s| s.chars().count() >= 2)
}

/// `会议结束后各物业公司`: a time before a collective subject (…后, …前, …期间); the subject alone.
pub fn after_time(subject: &str) -> Option<&str> {
    ["后", "前", "期间"].iter().find_map(|w| {
        let at = subject.find(w)?;
        let rest = &subject[at + w.len()..];
        (at > 0 && subject[..at].chars().count() <= 8 && rest.starts_with('各')).then_some(rest)
    })
}

/// `一旦发生火灾专业队`: the case the subject acts in (一旦发生火灾, 如遇险情) before it; the
/// subject alone.
pub fn after_condition(subject: &str) -> Option<&str> {
    const CASES: [&str; 5] = ["一旦", "如遇", "遇有", "如发生", "若发生"];
    const EVENTS: [&str; 7] = ["火灾", "火情", "险情", "事故", "灾情", "警情", "突发事件"];
    let rest = CASES.iter().find_map(|c| subject.strip_prefix(c))?;
    let (at, event) = EVENTS.iter().filter_map(|e| rest.find(e).map(|at| (at, e))).min()?;
    let subject = rest[at + event.len()..].trim_start_matches(['，', ',', '时', '后']);
    (!subject.is_empty()).then_some(subject)
}

/// `各县(区)和市安委会有关成员单位(详见任务分工)`: a note in brackets after a subject (详见…,
/// 见附件…) is not part of its name.
pub fn without_note(subject: &str) -> &str {
    let Some(open) = subject.rfind(['（', '(']) else { return subject };
    let inside = subject[open..].trim_start_matches(['（', '(']);
    let note = ["详见", "见附件", "附件", "具体见", "见"].iter().any(|w| inside.starts_with(w));
    if note && subject.ends_with(['）', ')']) { subject[..open].trim_end() } else { subject }
}
