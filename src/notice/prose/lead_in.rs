//! 引语 — the lead-in of a requirement in running text: who requires (会议要求，/ 他强调，/
//! …提出具体要求：) and, when it says so, of whom (`要求各领导、各部门：`, `对应急管理局提出三点
//! 要求`). A lead-in starts a new run of requirements; the units it names are the run's.

use std::sync::LazyLock;

use regex::Regex;

use super::start::{Start, ordinal};
use crate::notice::subject::{named_before_verb, required_units, subject_units};
use crate::notice::text::first_phrase;

/// A lead-in at the start of a clause: who requires (会议要求，/ 他强调， / …提出具体要求：).
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // (主要, 重要 and 需要 are words of their own: 此次检查主要针对…,并对…提出了工作要求,.)
        r"^(?:[^。；;：:要请]|主要|重要|需要){0,80}?(?:要求|强调|指出|议定|表示|希望|批示|指示|提出[^，,。；;：:]{0,14}|作出安排|做出安排|安排部署|部署)",
        r"(?:如下|以下)?(?:[，,：:]|“请)",
    ))
    .expect("lead-in regex")
});
/// `要求各领导、各部门：` — a lead-in naming the units.
static REQUIRE_UNITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"要求([^，,。；;：:]{2,30})[：:]$").expect("require-units regex"));
/// `对应急管理局提出三点要求`, `同时对县道交专班指出：` — the units a remark is addressed to.
static ADDRESSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"对([^，,。；;：:对]{2,20})(?:提出|指出)").expect("addressed regex"));

/// `要严格落实五点要求。` — a sentence that announces the list after it.
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[一二三四五六七八九十两几\d]+[点项条]|如下|以下几点|以下)(?:具体|工作)?要求[。：:]?$")
        .expect("announce regex")
});

/// Whether a requirement's words only announce the list after them (`要严格落实五点要求。`).
pub(super) fn announces(text: &str) -> bool {
    text.chars().count() <= 20 && ANNOUNCES.is_match(text.trim_end())
}

/// A speaker's word run straight into a bare 要 (…同志强调要…).
const SPOKEN_MODAL: [&str; 3] = ["强调要", "指出要", "要求要"];

/// The units of a lead-in, if it names them.
pub(super) fn lead_in_units(lead: &str) -> Option<Vec<String>> {
    let l = lead.trim_end_matches([' ']);
    if let Some(u) = REQUIRE_UNITS.captures(l).and_then(|c| subject_units(&c[1])) {
        return Some(u);
    }
    // 对目前存在的问题向县政府提出…: the units are those after 向, the 对 names the matter.
    let addressed = ADDRESSED.captures(l).and_then(|c| {
        let named = &c[1];
        subject_units(named.rfind('向').map_or(named, |at| &named[at + '向'.len_utf8()..]))
    });
    // …召开专题会议,要求各社区要针对重点区域,全面开展检查整治:(一是…): whom it asks, before
    // the colon that opens the list.
    addressed.or_else(|| {
        let asked = &l[l.rfind("要求")? + "要求".len()..];
        asked.ends_with(['：', ':']).then(|| required_units(asked)).flatten()
    })
}

/// Whether a lead-in is an official's, by post (常务副县长毛孝泉要求, 县委书记…强调).
pub(super) fn spoken_by_official(lead: &str) -> bool {
    crate::notice::unit_name::POSTS.iter().any(|p| lead.contains(p))
}

/// Splits a clause into its lead-in (if any) and the rest (`会议提出以下几点要求: (1)…`: the
/// space after the colon is not part of the first item).
pub(super) fn split_lead_in(t: &str) -> (Option<&str>, &str) {
    match lead_in_and_rest(t) {
        (Some(lead), rest) => (Some(lead), rest.trim_start()),
        none => none,
    }
}

fn lead_in_and_rest(t: &str) -> (Option<&str>, &str) {
    // 二是把握要求,制定方案: requirements grasped are a task's words, not a speaker's.
    const GRASPED: [&str; 6] = ["把握要求", "落实要求", "按照要求", "符合要求", "达到要求", "明确要求"];
    // 严格按照“全覆盖…”的总体要求,…: requirements followed, not a speaker's.
    let followed = |m: &str| {
        let m = m.strip_prefix("严格").unwrap_or(m);
        ["按照", "根据", "依照", "对照"].iter().any(|w| m.starts_with(w))
    };
    // 会议强调各单位、各企业深刻吸取事故教训,一是…: the speaker's word run straight into the
    // collectives it asks (before a later 要求, inside 按照…的要求, is read as a lead-in's).
    for w in ["强调", "指出"] {
        if let Some(at) =
            t.find(w).filter(|&at| t[..at].chars().count() <= 30 && !t[..at].contains(['，', ',']))
            && crate::notice::subject::asked_collective(&t[at + w.len()..]).is_some()
        {
            let end = at + w.len();
            return (Some(&t[..end]), &t[end..]);
        }
    }
    if let Some(m) =
        LEAD_IN.find(t).filter(|m| !GRASPED.iter().any(|g| m.as_str().contains(g)) && !followed(m.as_str()))
    {
        // 沈华棣要求“请区安委办牵头…: the quoted words start at their 请.
        let end = if m.as_str().ends_with('请') { m.end() - '请'.len_utf8() } else { m.end() };
        // …提出具体工作要求,并强调:一是…: the lead-in runs on to the colon that opens the list,
        // within its sentence (…指出…的要求,并分析了…特点,站干部提出了几点要求:一是…).
        let on_to_colon = t[end..]
            .char_indices()
            .take(80)
            .take_while(|&(i, c)| {
                let modal = c == '要' && !t[end + i..].starts_with("要求");
                !matches!(c, '。' | '；' | ';') && !modal
            })
            .find_map(|(i, c)| {
                let after = end + i + c.len_utf8();
                (matches!(c, '：' | ':') && ordinal(t[after..].trim_start()).is_some()).then_some(after)
            });
        let end = on_to_colon.unwrap_or(end);
        return (Some(&t[..end]), &t[end..]);
    }
    if let Some(c) = REQUIRE_UNITS.captures(t).or_else(|| {
        let colon = t.find(['：', ':'])?;
        REQUIRE_UNITS.captures(&t[..colon + t[colon..].chars().next()?.len_utf8()])
    }) {
        let end = c.get(0).map_or(0, |m| m.end());
        return (Some(&t[..end]), &t[end..]);
    }
    // …提出了具体要求：一是… — a colon that opens a list of ordinals.
    if let Some((at, c)) = t
        .char_indices()
        .find(|(i, c)| matches!(c, '：' | ':') && ordinal(t[i + c.len_utf8()..].trim_start()).is_some())
    {
        let end = at + c.len_utf8();
        return (Some(&t[..end]), &t[end..]);
    }
    // 吴文杰同志强调要加强宣传… — a speaker and his word with no comma before a bare 要.
    // Each is looked for at the 要s of the clause (a character search), not as a word.
    let spoken = |w: &str| {
        let word = w.strip_suffix('要')?;
        t.match_indices('要').find(|(i, _)| t[..*i].ends_with(word)).map(|(i, _)| i - word.len())
    };
    if let Some((at, w)) = SPOKEN_MODAL.iter().find_map(|w| spoken(w).map(|at| (at, w))) {
        let speaker = &t[..at];
        let n = speaker.chars().count();
        if (2..=30).contains(&n) && !speaker.contains(['，', ',', '要', '请']) {
            let end = at + w.len() - '要'.len_utf8();
            return (Some(&t[..end]), &t[end..]);
        }
    }
    // 市政府要求各级各单位务要… — 要求 followed by the units and their 要. A bare 要求 with
    // no one before it is no lead-in: under 二是把握要求,制定方案。 it goes on with the item.
    if let Some(at) =
        t.find("要求").filter(|&at| at > 0 && t[..at].chars().count() <= 30 && !t[..at].contains(['，', ',']))
    {
        // The directive keeps its 要求 (要求各地…), as one written mid-sentence does.
        if required_units(&t[at + "要求".len()..]).is_some() {
            return (Some(&t[..at]), &t[at..]);
        }
    }
    // 他强调年底工作千头万绪,…,全镇各部门单位要…: a pronoun and the speaker's word with no
    // comma after it (not 强调要, read above).
    if let Some(rest) = ["他强调", "她强调", "他指出", "她指出"].iter().find_map(|w| t.strip_prefix(w))
        && !rest.starts_with(['要', '，', ',', '：', ':'])
    {
        let end = t.len() - rest.len();
        return (Some(&t[..end]), rest);
    }
    // 祝楼乡一是要求各村… — a short subject before the first ordinal.
    if let Some(at) = t
        .contains('是')
        .then(|| t.find("一是"))
        .flatten()
        .filter(|&at| at > 0 && t[..at].chars().count() <= 8)
        && t[..at].chars().all(crate::notice::text::is_han)
    {
        return (Some(&t[..at]), &t[at..]);
    }
    (None, t)
}

/// Verbs that open the work an asking lead-in requires (要求,组织专人…; 强调,切实加强…).
const TASK_OPENERS: [&str; 27] = [
    "组织",
    "开展",
    "加强",
    "做好",
    "落实",
    "全面",
    "建立",
    "严格",
    "切实",
    "认真",
    "进一步",
    "深入",
    "及时",
    "立即",
    "迅速",
    "加大",
    "强化",
    "确保",
    "抓好",
    "狠抓",
    "督促",
    "推进",
    "完善",
    "健全",
    "加快",
    "推动",
    "提升",
];

/// Where a requirement starts right after a lead-in when no other rule reads it: a unit before
/// its verb (`会议要求,县应急局牵头…`), a modal in the first phrase whatever its subject
/// (`艾志军强调,全县上下要…`), a class of units and its modal, or everyone's 要 a few phrases in.
/// `lead`: the lead-in's words; `asked`: whether it asks (会议要求, 强调).
pub(super) fn start_after(lead: &str, rest: &str, asked: bool) -> Option<Start> {
    if let Some(units) = named_before_verb(rest) {
        return Some(Start { at: 0, units: Some(units), enumerated: false, plain: false });
    }
    // 艾志军强调,全县上下要进一步强化…: after a lead-in, a 要 in the first phrase
    // starts a requirement even when its subject is not a unit.
    // 会议最后强调,在国庆期间必须做好…: 必须 and 务必 ask as 要 does.
    let phrase = first_phrase(rest);
    // (Not the 要 of 主要, 重要, 需要, 纪要: 专项行动主要分三个阶段开展.)
    let word = |at: usize| {
        ["主", "重", "需", "纪", "摘", "概", "必", "只"].iter().any(|w| phrase[..at].ends_with(w))
    };
    let modal =
        ["要", "必须", "务必"].iter().filter_map(|m| phrase.find(m)).min().filter(|&at| {
            !phrase[at..].starts_with("要求") && !word(at) && phrase[..at].chars().count() <= 8
        });
    // 申报要求：凡符合…的单位，均应主动…申报备案: a class of units, then its modal.
    let class_then_modal = || {
        let second = rest.split(['，', ',']).nth(1)?.trim_start();
        let second = second.strip_prefix(['均', '都', '也']).unwrap_or(second);
        (second.starts_with(['应', '须']) || second.starts_with("必须")).then_some(())
    };
    // 会议强调,安全生产责任重大,在这个关键时间段,全县上下要…: everyone's 要 a few
    // phrases in, after a lead-in that asks, starts the requirement at its sentence.
    let everyone = || {
        let part = rest.split(['；', ';', '。']).next().unwrap_or(rest);
        let at = part.find("上下要")?;
        (asked && part[..at].chars().count() <= 30).then_some(())
    };
    // 通知要求,组织专人重点对…进行全面的安全检查: what an asking lead-in requires, opened by
    // the work to do (the lead-in's 要求 is its modal).
    // (Not after requirements followed or the issuer's own plan: 大队将严格按照…通知要求,切实加强….)
    let followed = ["按照", "根据", "依照", "对照", "将", "贯彻", "落实", "执行", "遵照"]
        .iter()
        .any(|w| lead.contains(w));
    // (Nor after a bare 要求 cut from what it belongs to: …“三管三必须”的 要求,全面落实….)
    let spoken = ["要求", "强调"].iter().filter_map(|w| lead.find(w)).min().is_some_and(|at| at > 0);
    // (会议要求,即日起至9月20日全面集中排查…: after the period it is to be done in.)
    let work = crate::notice::subject_verb::after_leading_period(rest);
    let task =
        || (asked && spoken && !followed && TASK_OPENERS.iter().any(|v| work.starts_with(v))).then_some(());
    // 会议强调,各行政村(社区)、镇直各单位,高度重视安全生产工作,切实履行…: collectives set off
    // by a comma before the work they are asked to do.
    let set_off = || {
        let (name, next) = rest.split_once(['，', ','])?;
        let opens = |w: &str| w.starts_with("高度重视") || TASK_OPENERS.iter().any(|v| w.starts_with(v));
        if !(asked && name.contains('各') && opens(next.trim_start())) {
            return None;
        }
        subject_units(name.trim()).filter(|u| u.iter().all(|u| u.contains('各')))
    };
    if let Some(units) = set_off() {
        return Some(Start { at: 0, units: Some(units), enumerated: false, plain: false });
    }
    // 县长肖志彬作出批示:同意划拨30万元…,以县自来水公司牵头的方式完成…: what follows a leader's
    // 批示 and its colon is the instruction itself, led by the unit it puts in charge.
    let instructed = lead.trim_end().ends_with(['：', ':'])
        && ["批示", "指示"].iter().any(|w| lead.trim_end().trim_end_matches(['：', ':']).ends_with(w))
        && !super::action::tells_done(rest);
    if instructed && modal.is_none() {
        let units = rest
            .find("以")
            .and_then(|at| rest[at + "以".len()..].split_once("牵头"))
            .and_then(|(named, _)| subject_units(named));
        return Some(Start { at: 0, units, enumerated: false, plain: false });
    }
    modal.or_else(|| class_then_modal().or_else(everyone).or_else(task).map(|()| 0)).map(|_| Start {
        at: 0,
        units: None,
        enumerated: false,
        plain: false,
    })
}
