//! 要求中的主语 — the units a requirement of running text names inside itself: a later phrase's
//! unit and its 要 (`…，县住建局要…`), a part singled out (`特别是各行政村要…`), a unit doing its
//! task with no 要 (`乡镇街道建立…`), a subject after a bare modal, a unit before the list's first
//! ordinal (`各单位一要…`). Split from start.rs, which finds where a requirement starts.

use super::start::{bare_modal, dated_prefix, during, ordinal};
use crate::notice::subject::modal_subject;
use crate::notice::text::clean_line;

/// Phrases after the first of a clause that open with a unit and its 要: where, and the units.
/// `asked`: whether the requirement's own subject and its 要 open it (read by its caller).
pub(super) fn later_subjects(text: &str, asked: bool) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev = "";
    // 全省…等单位要开展自查自纠,各级政府组织行业部门…检查,乡镇、街道…全面排查…: after a
    // subject and its 要, a later phrase that opens with a unit before its verb is one more
    // subject, though it has no 要 of its own.
    let mut asked = asked;
    for piece in text.split_inclusive(['，', ',']) {
        // 德州市要完成39个乡镇试点，其中，16个重点镇要…: a part of the task named before.
        let within = prev.trim_end_matches(['，', ',']).trim() == "其中";
        prev = piece;
        // 各村、各部门要…，特别是各行政村要…: a part of the subject singled out, no new one.
        let singled = SINGLING.iter().any(|w| piece.trim_start().starts_with(w));
        let skip =
            within || singled || (out.is_empty() && (dated_prefix(&text[..at]) || during(&text[..at])));
        let p = piece.trim_start();
        let modal = if at > 0 && !skip { modal_subject(p).map(|(u, _)| u) } else { None };
        let had_modal = modal.is_some();
        if at > 0 && !skip {
            // …各级各部门要…,所有部门立即展开行动: all of them are the same units again.
            let again = ["所有", "全部", "其余", "其他"].iter().any(|w| p.starts_with(w));
            // (Only a phrase that may open with a unit's name is read: most open with a verb.)
            let may_name = p.starts_with(['各', '县', '市', '区', '省', '乡', '镇', '街', '村', '社']);
            let own = || {
                (asked && may_name && !again).then(|| crate::notice::subject::opening_subject(p)).flatten()
            };
            if let Some(units) = modal.or_else(own) {
                out.push((at + piece.len() - p.len(), units));
            }
        }
        asked = asked || had_modal;
        at += piece.len();
    }
    out
}

/// Whether a requirement with a subject opens asking it by a modal in its first phrases (not
/// a 请: 请各单位…,各责任单位落实… is one requirement) — [`later_subjects`]'s `asked`.
pub(super) fn opens_asking(text: &str) -> bool {
    !text.starts_with('请') && text.split(['，', ',']).take(3).any(|p| p.contains(['要', '必', '务', '应']))
}

/// `9月15日前,全省…等单位要…,各级政府组织…,乡镇…全面排查…`: a limit fronted before the first
/// subject (also after the basis it is told on, 根据部署,9月15日前,…), which every subject of the
/// sentence keeps; "" when there is none. Not a first subject's own limit (县应急局要于6月底前
/// 完成,县住建局要…): the phrase holds the date alone.
pub(super) fn fronted_limit(text: &str) -> &str {
    // (The cheap tests first: this is asked of every requirement that splits.)
    let only_a_date =
        |p: &str| p.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '在') && dated_prefix(p);
    text.split_inclusive(['，', ',']).take(2).find(|p| only_a_date(p)).unwrap_or("")
}

/// Words that single out a part of the subject named before (特别是各行政村要…).
const SINGLING: [&str; 2] = ["特别是", "尤其是"];

/// The units a requirement singles out after its subject (`各村、各部门要…，特别是各行政村
/// 要…`): they share its task.
pub(super) fn singled_out(text: &str) -> Vec<String> {
    text.split(['，', ','])
        .skip(1)
        .filter(|p| SINGLING.iter().any(|w| p.trim_start().starts_with(w)))
        .filter_map(|p| modal_subject(p.trim_start()).map(|(u, _)| u))
        .flatten()
        .collect()
}

/// The units a clause opens with when they do their task with no 要 (`乡镇街道建立…`,
/// `各乡镇视情，队伍靠前布防`): the longest 各-collective of its first phrase, or a named unit
/// before a task verb.
pub(super) fn own_subject(clause: &str) -> Option<Vec<String>> {
    let t = clean_line(clause);
    if let Some(u) = crate::notice::subject::opening_subject(t) {
        return Some(u);
    }
    let phrase = crate::notice::text::first_phrase(t);
    if !phrase.starts_with('各') {
        return None;
    }
    // 各县(区)建设行政主管部门应当配备市政…: the subject of its modal, not the longest name.
    if let Some((u, _)) = modal_subject(t) {
        return Some(u);
    }
    let ends = phrase.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1);
    let longest = ends
        .filter(|&end| end < phrase.len())
        .filter(|&end| crate::notice::unit_name::is_unit(&phrase[..end]))
        .last()?;
    crate::notice::subject::subject_units(&phrase[..longest])
}

/// `要加快推进…组建工作,县级相关部门加强联动,…`: a requirement that opens with a bare modal
/// and names, in a later phrase of its first sentence, a unit before its verb — its subject.
pub(super) fn subject_after_bare(text: &str) -> Option<Vec<String>> {
    if !bare_modal(text) {
        return None;
    }
    let sentence = clean_line(text).split(['。', '；', ';', '！']).next().unwrap_or_default();
    sentence.split(['，', ',']).skip(1).find_map(|piece| own_subject(piece.trim()))
}

/// `各单位一要高度重视…`: a unit standing before the first ordinal of a list — its units, and
/// where the ordinal starts.
pub(super) fn subject_before_ordinal(s: &str) -> Option<(Vec<String>, usize)> {
    s.char_indices()
        .skip(2)
        .take(12)
        .find_map(|(at, _)| {
            // The cheap test first: this runs at a dozen places of every clause.
            s[at..].starts_with(['一', '壹']).then(|| ordinal(&s[at..]))??;
            Some((crate::notice::subject::subject_units(&s[..at])?, at))
        })
        .or_else(|| acting_before_ordinal(s))
}

/// `…等有关部门积极协同,联合执法,一是合理布局…`: units before their verb, how they act, then
/// their list.
fn acting_before_ordinal(s: &str) -> Option<(Vec<String>, usize)> {
    let at = list_lead(s, 120)?;
    Some((crate::notice::subject::named_before_verb(&s[..at])?, at))
}

/// Where a list's first item (一是) starts after the words that lead in to it, ending with a
/// comma or a colon, within `max` characters.
fn list_lead(s: &str, max: usize) -> Option<usize> {
    let at = s.find("一是").filter(|&at| at > 0 && s[..at].chars().count() <= max)?;
    s[..at].ends_with(['，', ',', '：', ':']).then_some(at)
}

/// `各单位、各企业深刻吸取事故教训,一是…` after a lead-in that asks: the collectives asked
/// before the list, and where its first item starts.
pub(super) fn asked_before_ordinal(s: &str) -> Option<(Vec<String>, usize)> {
    let at = list_lead(s, 60)?;
    // (相关部门要严格按照…,一是要…: a subject with its own modal is a requirement of its own.)
    if crate::notice::report_list::has_modal(&s[..at]) {
        return None;
    }
    Some((crate::notice::subject::asked_collective(&s[..at])?, at))
}

/// 尚未归集…的住宅小区,业主委员会…要…; 凡符合…,各单位要…: the case the subject is to act on,
/// told in one phrase before it, opens its requirement (after a semicolon, any phrase with a
/// 的; not an object's 对…, which a later 要求 takes up).
pub(super) fn case_first(before: &str, sentence_start: bool) -> bool {
    let b = before.trim_start();
    let one_phrase = !b.contains(['，', ',', '《']);
    one_phrase
        && (b.starts_with(['凡', '若'])
            || b.starts_with("尚未")
            || b.starts_with("对于")
            || !sentence_start && b.contains('的') && !b.starts_with('对'))
}

/// `要求各社区要针对…全面开展检查整治:一是要强化责任心…`: where the first item of a list starts
/// right after a colon inside a requirement, if it does.
pub(super) fn list_after_colon(text: &str) -> Option<usize> {
    text.match_indices(['：', ':']).map(|(at, c)| at + c.len()).find(|&at| {
        let item = &text[at..];
        item.starts_with(['一', '壹']) && super::start::ordinal(item).is_some()
    })
}

/// Whether the words `before` a start's subject in its clause are that subject's too (the
/// requirement then starts at the clause's start): a topic's 要 or a theme of short phrases
/// after an asking lead-in (措施要高效有力,各社区、各部门要… / 统一思想,提高认识,各乡办…要…),
/// a case told first, or short tasks before the subject in a semicolon part.
pub(super) fn words_before_subject(
    s: &super::start::Start,
    before: &str,
    run: &super::open::Run,
    sentence_start: bool,
    lead: Option<&str>,
) -> bool {
    let theme = |b: &str| {
        let phrases: Vec<&str> = b.split(['，', ',']).collect();
        phrases.len() == 2 && phrases.iter().all(|p| (2..=6).contains(&p.chars().count()))
    };
    let before_subject = before.trim_end().strip_suffix(['，', ',']);
    let topic = run.asked
        && sentence_start
        && before_subject.is_some_and(|b| !b.contains(['，', ',']))
        && super::action::topic_modal(before);
    let themed = run.asked && sentence_start && before_subject.is_some_and(theme);
    let case = before_subject.is_some_and(|b| case_first(b, sentence_start));
    !s.enumerated
        && s.units.is_some()
        && s.at > 0
        && (themed
            || lead.is_none()
                && (topic || case || !sentence_start && super::start::tasks_before_subject(before)))
}

/// Whether a clause after a semicolon, in a sentence whose subject is named, is a requirement
/// of its own: a part of six or more characters that is not a condition and its consequence
/// (`对未完成整治任务的，继续挂牌督办`, `涉嫌构成犯罪的，移送司法机关`: a penalty, not a task)
/// unless its first phrase asks it with 要, nor a report of what was done (`传达了…`).
pub(super) fn semicolon_part(clause: &str) -> bool {
    let t = crate::notice::text::clean_line(clause);
    let phrase = crate::notice::text::first_phrase(t);
    let condition = phrase.ends_with('的') || t.starts_with(['对', '凡', '如', '若']);
    // 对不符合整改条件的养老机构要坚决关停: what to do with them, asked with 要.
    // …超过保修年限的,应督促物业服务企业…: or in the phrase right after the case.
    let next = t[phrase.len()..].trim_start_matches(['，', ',']);
    let asked = phrase.match_indices('要').any(|(at, _)| crate::notice::subject::is_modal(&phrase[at..]))
        || condition && ["应", "要", "须", "必须", "一律"].iter().any(|m| next.starts_with(m))
        || condition && super::start::after_case(phrase);
    // 传达了《…的通知》: what the meeting did, told between what it asked.
    let reported = ["传达了", "听取了", "学习了", "通报了", "审议了", "研究了", "观看了"]
        .iter()
        .any(|w| t.starts_with(w));
    t.chars().count() >= 6 && (!condition || asked) && !reported && !super::action::issuer_will(t)
}
