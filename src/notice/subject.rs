//! 主语单位 — units written as a sentence's subject in running text: `县应急局、县住建局要…`,
//! `各乡镇要…`, `请各牵头单位要…`, `县应急、气象等部门要…`, `要求各地制定…`. Kept as written;
//! a list joined by 、 is split only when every part is a unit by itself, and a list governed
//! by 等 (`电力、水务等部门`) stays whole.

pub use super::collective::collective_units;
pub use super::subject_scan::{all_subjects, units_in};
use super::subject_trim::{before_circumstance, without_note, without_people};
pub use super::subject_verb::{
    collective_before_verb, named_after_please, named_before_verb, named_from_when, opening_subject,
};
pub use super::task_units::{bare_bracket_units, contracted};
use super::unit_name::is_name_char;
pub use super::unit_name::is_unit;

/// Words of the speaker that may run into a subject (`他强调各单位要…`).
const SPOKEN: [&str; 4] = ["强调", "要求", "指出", "提出"];
/// What follows a subject: the modal that makes it a requirement.
pub const MODALS: [&str; 6] = ["务必要", "务必", "务要", "必须", "要", "应当"];

/// Whether `rest` opens with a modal after a subject: one of [`MODALS`] (not 要求), or a bare
/// 应 (各级各部门应聘请…, 各镇人民政府应…) that does not start a word (应急, 应用, 应对…).
pub fn is_modal(rest: &str) -> bool {
    // Every modal opens with one of these: the test runs at each character of a clause.
    if !rest.starts_with(['务', '必', '要', '应']) || rest.starts_with("要求") {
        return false;
    }
    if MODALS.iter().any(|m| rest.starts_with(m)) {
        return true;
    }
    let mut chars = rest.chars();
    chars.next() == Some('应')
        // (应消站, a 应急消防站, is a name.)
        && chars.next().is_some_and(|c| !"急用对届收付变邀征答允承激酬验声运试季时该消".contains(c))
}

/// `县工商、石油等部门,要按照…`, `各级各部门,要充分认清…`: a subject set off by a comma from
/// the modal that opens `next`.
pub fn set_off_subject(name: &str, next: &str) -> Option<Vec<String>> {
    let mut rest = next.trim_start();
    if is_modal(rest) {
        // 旅投公司作为古镇开发业主单位,务必…: what the unit acts as is no part of its name.
        let name = name.trim();
        let name = name.split_once("作为").map_or(name, |(unit, _)| unit);
        return subject_units(name);
    }
    // 物业服务企业,村(居)委会,要组织…: subjects listed with commas before their modal. The
    // modal is looked for first: names are dear to read, and most commas lead to none.
    let mut more: Vec<&str> = Vec::new();
    for _ in 0..2 {
        let (piece, after) = rest.split_once(['，', ','])?;
        more.push(piece.trim());
        rest = after.trim_start();
        if is_modal(rest) {
            let mut units = subject_units(name.trim())?;
            for piece in more {
                for u in subject_units(piece)? {
                    if !units.contains(&u) {
                        units.push(u);
                    }
                }
            }
            return Some(units);
        }
    }
    None
}

/// The kinds of unit that close a list of names after 等 (…、文广新局等有关部门).
pub const LIST_KINDS: [&str; 6] =
    ["等有关部门", "等相关部门", "等部门", "等有关单位", "等相关单位", "等单位"];

/// A list of names closed by 等 and a kind of unit, with no clause qualifying it.
fn long_kind_list(s: &str) -> bool {
    s.contains('、') && !s.contains('的') && LIST_KINDS.iter().any(|k| s.ends_with(k))
}

/// The units a subject names, or `None` when it is not a list of units.
pub fn subject_units(subject: &str) -> Option<Vec<String>> {
    let s = subject.strip_prefix('请').unwrap_or(subject);
    // …在各自职责范围,以及民政、教育等行业主管部门要…: the joining word is no part of it.
    let s = s.strip_prefix("以及").unwrap_or(s);
    // 对存在严重问题的单位要…: the object of a preposition is not the subject.
    // 在镇村全面核查…: nor the place after 在.
    // 提请政府、公安机关召开…: whom the writer asks, not who is asked by the text.
    if s.is_empty()
        // (A list closed by 等 and its kind may name many: 城市管理综合执法局、交警大队、…等有关部门.)
        || s.chars().count() > if long_kind_list(s) { 60 } else { 30 }
        || s.starts_with(['对', '向', '在'])
        || s.starts_with("针对")
        || s.starts_with("提请")
    {
        return None;
    }
    // 他强调各单位、各部门要…, 要求各地各部门要…: the speaker's words before the subject are not
    // part of it (no unit's name holds 强调 or 要求). Only a speaker's name and post may stand
    // before them (他, 会议, 办事处副主任吴文良同志), not a clause.
    let spoken = SPOKEN.iter().filter_map(|w| s.rfind(w).map(|at| (&s[..at], &s[at + w.len()..])));
    if let Some((_, rest)) = spoken.min_by_key(|(_, rest)| rest.len()).filter(|(speaker, rest)| {
        let n = speaker.chars().count();
        let titled = ["同志", "书记", "主任", "长"].iter().any(|t| speaker.ends_with(t));
        !rest.is_empty() && (n <= 6 || (titled && n <= 16)) && speaker.chars().all(is_name_char)
    }) {
        return subject_units(rest);
    }
    // 全县各级各部门: the whole county's collectives are the collectives (a list with a bare
    // name, 全县各机关、团体和企事业单位, stays as written).
    if let Some(rest) = super::unit_name::WHOLE.iter().find_map(|p| s.strip_prefix(p)) {
        let parts = super::names::split_top_level(rest, &['、']);
        if parts.iter().all(|p| p.starts_with('各')) {
            return subject_units(rest);
        }
        if rest.starts_with('各') && parts.last().is_some_and(|l| is_unit(l)) {
            return Some(vec![s.to_owned()]);
        }
        // 全市公安机关: the whole city's police are the police.
        if parts.len() == 1 && !rest.contains('各') && is_unit(rest) {
            return Some(vec![rest.to_owned()]);
        }
    }
    // 德州市各县(市、区), 我县各部门: a place's name before its collective says where, the
    // collective is the unit (县各有关单位, a level, stays whole).
    if let Some(at) = s.find('各').filter(|&at| {
        let place = &s[..at];
        (2..=5).contains(&place.chars().count())
            && place.ends_with(['省', '市', '县', '区', '州', '盟', '旗'])
            && place.chars().all(super::text::is_han)
    }) {
        return subject_units(&s[at..]);
    }
    // 全市100个有森林防灭火工作任务的乡镇: how many there are is no part of the name.
    if let Some(rest) = super::unit_name::without_count(s) {
        return subject_units(rest);
    }
    // 清理涉及的各镇街: the collective after a qualifying 的 is the unit.
    if let Some(at) = s.rfind("的各").filter(|&at| at > 0) {
        // 各乡镇、村组的各级(防汛责任人): the levels of the units named before 的 are those units.
        let after = &s[at + "的".len()..];
        if super::unit_name::unit_of(after) == "各级"
            && let Some(units) = subject_units(&s[..at])
        {
            return Some(units);
        }
        return subject_units(after);
    }
    // 州、县市人民政府及有关部门: the named governments, and the departments with their own 有关
    // (县委宣传部、文广局等相关部门和各乡镇: or their own 各).
    if let Some((at, w)) = ["及有关", "和有关", "及相关", "和相关", "和各", "及各"]
        .iter()
        .find_map(|w| s.find(w).map(|at| (at, w)))
        && at > 0
    {
        let joint = w.chars().next().map_or(0, char::len_utf8);
        let (left, right) = (&s[..at], &s[at + joint..]);
        if let (Some(mut units), true) = (subject_units(left), is_unit(right)) {
            if !units.iter().any(|u| u == right) {
                units.push(right.to_owned());
            }
            return Some(units);
        }
    }
    let parts: Vec<&str> = super::names::split_top_level(s, &['、']);
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    // 公安、市场监管、综合执法要密切沟通配合: departments listed by what they do, each a unit.
    if parts.len() >= 2 && parts.iter().all(|p| super::unit_name::DEPARTMENT_STEMS.contains(p)) {
        return Some(parts.iter().map(|p| (*p).to_owned()).collect());
    }
    // 各区、县(专业)监督站, 各区、开发区住建局: one collective of each district and county.
    if let [first, second] = parts.as_slice()
        && super::names::joins_next(first, second)
        && is_unit(second)
    {
        return Some(vec![s.to_owned()]);
    }
    if let Some(units) = super::collective::place_after_collective(s, &parts) {
        return Some(units);
    }
    let last = parts.last()?;
    if s.contains('等') {
        // 县住建局、水务局等: a list of units that ends with 等 after its last name (not
        // 镇村组干部、巡山员、轻骑队等, people).
        let listed = || parts.iter().all(|p| is_unit(p.strip_suffix('等').unwrap_or(p)));
        let whole_ok = parts.iter().all(|p| p.chars().all(is_name_char)) && (is_unit(last) || listed());
        return whole_ok.then(|| vec![s.to_owned()]);
    }
    if parts.iter().all(|p| is_unit(p)) {
        // 各县(区)、开发区和市安委会有关成员单位: a part joined by 和 is split when both
        // sides are named units by themselves; 团体和企事业单位, and a collective that governs
        // what follows its 和 (相关部门和乡镇, 各街道办事处和乡镇人民政府), stay whole.
        let governs = |a: &str| ["各", "相关", "有关"].iter().any(|w| a.starts_with(w));
        // 各级党委、政府: the first part's 各 governs a later bare word (政府, 部门; a name of its
        // own, 县直各部门 or 广元经济技术开发区, stands by itself); the list is one collective.
        // A town's own name (各有关部门、次营镇) is no bare word.
        let town = |p: &str| p.chars().count() == 3 && p.ends_with(['镇', '乡']);
        // A kind of unit in a list of kinds joined by 和 or 及 (各村、社区、学校和企业 are four) is
        // no bare word; without one it is (各乡镇、街道、园区、部门 is one collective).
        let kinds_listed = s.contains(['和', '及']);
        let listed_kind = |p: &str| {
            kinds_listed
                && ["社区", "学校", "企业", "医院", "园区", "幼儿园"].iter().any(|k| p.starts_with(k))
        };
        // 街道(乡镇): a bare word with its alternative in brackets is still bare (not one whose
        // bracket qualifies it, 幼儿园(含民办)).
        let bare = |p: &str| {
            let word = if p.contains('含') { p } else { p.split(['(', '（']).next().unwrap_or(p) };
            !governs(p)
                && word.chars().count() <= 3
                && !p.starts_with(['县', '市', '区', '省'])
                && !town(p)
                && !listed_kind(p)
        };
        // 各职能部门、单位、各乡镇(街办): each collective with the bare words after it (各职能部门、
        // 单位 and 各乡镇(街办)); a part that governs or names a unit in full starts another.
        if let Some(groups) = super::collective::grouped(&parts, |first, p| governs(first) && bare(p)) {
            return Some(groups);
        }
        let mut out = Vec::new();
        for p in &parts {
            // 各乡镇及各包扶单位: two collectives joined by 及 or 和 are two units.
            let both_collective = |(a, b): (&str, &str)| governs(a) && governs(b) && is_unit(a) && is_unit(b);
            // 各相关部门以及各街道办事处: 以及 joins as 及 does.
            let joined = p.split_once("以及").or_else(|| p.split_once('及')).or_else(|| p.split_once('和'));
            match joined {
                Some((a, b)) if both_collective((a, b)) => {
                    out.push(a.to_owned());
                    out.push(b.to_owned());
                }
                // 市政工程管理处及各县区市政部门: a named unit and another, joined by 和 or 及;
                // also after a collective when the second is a full name (各乡镇和职能部门,
                // not 相关部门和乡镇 nor 各县和乡两级政府).
                // 县政府与高速三大队要加强互动: 与 joins two named units as 和 does, and 或 too.
                _ => match p
                    .split_once('和')
                    .or_else(|| p.split_once("以及"))
                    .or_else(|| p.split_once('及'))
                    .or_else(|| p.split_once('与'))
                    // 业主委员会或属地社区居委会要及时牵头: either of two named units (not a
                    // role's other name: 雷电防护装置业主单位或责任单位 is one party).
                    .or_else(|| p.split_once('或').filter(|(_, b)| b.chars().count() >= 5))
                {
                    Some((a, b))
                        if is_unit(a)
                            && is_unit(b)
                            && (!governs(a) || (b.chars().count() >= 4 && !b.contains("两级")))
                            && (b.chars().count() >= 3 || (!governs(a) && a.chars().count() == 2))
                            && !p.contains('的') =>
                    {
                        out.push(a.to_owned());
                        out.push(b.to_owned());
                    }
                    _ => out.push((*p).to_owned()),
                },
            }
        }
        return Some(out);
    }
    let short_parts =
        parts[..parts.len() - 1].iter().all(|p| p.chars().all(is_name_char) && p.chars().count() <= 8);
    (parts.len() > 1 && short_parts && is_unit(last)).then(|| vec![s.to_owned()])
}

/// `县应急局要…` at the start of `clause`: the units and the byte where the modal starts.
pub fn modal_subject(clause: &str) -> Option<(Vec<String>, usize)> {
    // The first 要 that follows a subject (the 要 of 主要负责同志 does not).
    clause.char_indices().take(40).filter(|(i, _)| *i > 0).find_map(|(at, _)| {
        let rest = &clause[at..];
        if !is_modal(rest) {
            return None;
        }
        // 特别是牵头单位要…, 尤其是各乡镇要…: the words that single the subject out are no name.
        let subject = without_note(&clause[..at]);
        let subject = ["特别是", "尤其是", "特别", "尤其"]
            .iter()
            .find_map(|w| subject.strip_prefix(w))
            .unwrap_or(subject);
        // …,一是街道职能科室要…: an ordinal inside a clause is no part of the name.
        let subject = super::text::after_spoken_ordinal(subject, &['是', '要']).unwrap_or(subject);
        // 会议结束后各物业公司要…, 节日期间各单位要…: the time the collective acts is no part of it.
        let subject = super::subject_trim::after_time(subject).unwrap_or(subject);
        // 一旦发生火灾专业队要…: the case it acts in is no part of it either.
        let subject = super::subject_trim::after_condition(subject).unwrap_or(subject);
        // 各单位一定要…, 各地尤其要…: an adverb between the subject and its modal.
        let bare = ADVERBS.iter().find_map(|a| subject.strip_suffix(a));
        let units = subject_units(subject).or_else(|| subject_units(bare?));
        let units = units
            .or_else(|| subject_units(before_circumstance(subject)?))
            // 各地在做好春季防火工作的同时,还要…: an adverb after the circumstance.
            .or_else(|| subject_units(before_circumstance(bare?)?))
            // 各场所负责人节日期间应在岗: the period it acts in, after the subject.
            .or_else(|| subject_units(super::subject_trim::before_period(subject)?))
            .or_else(|| subject_units(without_people(subject)?))
            // 镇政府防灾责任人对防灾责任点要每月…巡查: what it acts on, between it and its modal.
            .or_else(|| subject_units(super::subject_trim::before_object(subject)?))
            // 各单位、各街道之间要加强沟通: the units between whom the work is shared.
            .or_else(|| subject_units(subject.strip_suffix("之间")?))?;
        Some((units, at))
    })
}

/// The units a sentence opens with as its subject: `县城管局要…`, `市级政府落实…` (a verb of a
/// task, no modal), or a subject set off by a comma before its modal (`县工商、石油、商务等部门,要按照…`, `洺河沿岸有关乡镇,要密切…`).
pub fn sentence_subject(sentence: &str) -> Option<Vec<String>> {
    let s = super::text::clean_line(sentence);
    if let Some((units, _)) = modal_subject(s) {
        return Some(units);
    }
    if let Some(units) = opening_subject(s) {
        return Some(units);
    }
    let comma = s.find(['，', ','])?;
    let after = s[comma..].trim_start_matches(['，', ',']).trim_start();
    if !is_modal(after) {
        return None;
    }
    subject_units(&s[..comma])
}

/// Adverbs that may stand between a subject and its modal.
/// (各乡办、各有关部门思想上要高度重视: the ground a subject is asked on, too.)
const ADVERBS: [&str; 13] =
    ["一定", "尤其", "更加", "特别", "首先", "还", "也", "都", "更", "思想上", "行动上", "认识上", "工作上"];

/// The units after 要求 (`要求各地制定…`, `要求各地尤其要…`, `要求各级各单位务要…`).
pub fn required_units(after: &str) -> Option<Vec<String>> {
    if let Some((u, _)) = collective_before_verb(after) {
        return Some(collective_units(&u));
    }
    // 要求安委办尽快组建…: after 要求, a unit's bare name before its verb.
    modal_subject(after)
        .map(|(u, _)| u)
        .or_else(|| asked_collective(after))
        .or_else(|| named_before_verb(after))
        // 要求属地和行业部门督促企业…: a name before the verb of a task.
        .or_else(|| super::subject_verb::opening_subject(after))
}

/// After 要求, a collective is the one asked whatever its verb (`要求各村(社区)上下联动`): as
/// after 请, the name can be nothing but the addressee. Only 各/有关/相关 collectives, so that
/// 要求企业和政府部门从早安排 keeps its subject for the rules above.
pub fn asked_collective(after: &str) -> Option<Vec<String>> {
    if !["各", "有关", "相关"].iter().any(|w| after.starts_with(w)) {
        return None;
    }
    // 要求各个区域的生态护林员…: a name that runs on into a 的 qualifies what follows.
    let units = named_after_please(after)?;
    let name_len = units.iter().map(String::len).sum::<usize>();
    let near: String = after.get(name_len..).unwrap_or("").chars().take(3).collect();
    (!near.contains('的')).then_some(units)
}

/// `市督查室搞好配合`, `职能部门密切配合`, `县住建局、水务局等配合管网改造`: a phrase naming a
/// supporting unit.
pub fn supporting(phrase: &str) -> Option<Vec<String>> {
    let p = super::text::strip_end_mark(phrase).trim_end_matches(['，', ',', '”', '"']);
    // 县住建局、水务局等配合管网改造及压力调试: what they support may follow.
    // …相关部门协同配合的工作机制: a kind of work, not who supports.
    let at = p.find("配合").filter(|&at| !p[at + "配合".len()..].starts_with('的'))?;
    let name = &p[..at];
    let name = ["搞好", "做好", "积极", "密切", "全力", "主动", "协同", "负责"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .unwrap_or(name);
    subject_units(name)
}

/// `县消防救援大队要会同县住建局、县市场监管局，…`: the units a subject works with.
pub fn together_with(text: &str) -> Vec<String> {
    let Some(at) = text.find("会同") else { return Vec::new() };
    let after = &text[at + "会同".len()..];
    let end = after.find(['，', ',', '。', '；', ';']).unwrap_or(after.len());
    let list = &after[..end];
    // 会同住建局对…开展: the names end where a verb or preposition starts.
    let list = ["对", "开展", "共同", "联合", "做好", "组织"]
        .iter()
        .filter_map(|w| list.find(w))
        .min()
        .map_or(list, |i| &list[..i]);
    let parts = super::names::split_top_level(list, &['、']);
    if parts.iter().all(|p| is_unit(p)) {
        parts.iter().map(|p| (*p).to_owned()).collect()
    } else {
        Vec::new()
    }
}

/// `政府牵头`: a phrase naming the lead unit.
pub fn leading(phrase: &str) -> Option<Vec<String>> {
    let p = super::text::strip_end_mark(phrase).trim_end_matches(['，', ',']);
    subject_units(p.strip_suffix("牵头")?)
}

#[cfg(test)]
#[path = "subject_tests.rs"]
mod tests;
