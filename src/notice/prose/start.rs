//! 起点 — where a requirement starts in a clause of running text and what it says of its
//! units: an ordinal (一是, 二要, （2）), a bare 要 or 同时，要, a unit and its 要 (`县应急局要…`),
//! 要求 and a collective, 请 (its units, or the addressees when it points above), a subject
//! after a comma, or a semicolon clause parallel to its neighbours (确保…；确保…).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Run;
use crate::notice::subject::{is_modal, modal_subject, required_units};
use crate::notice::text::{Clause, clean_line};
use crate::notice::unit_name::bare_head;

use super::please::{please, resolve};
pub(super) use super::subjects::{
    later_subjects, own_subject, singled_out, subject_after_bare, subject_before_ordinal,
};

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+是|[一二三四五六七八九十]+要|第[一二三四五六七八九十]+[，,、]",
        r"|\d{1,2}[、.．]|[（(]\d{1,2}[）)]|[①-⑳])",
    ))
    .expect("ordinal regex")
});

/// The ordinal opening `s` (一是, 二要, 叁是 in the formal numerals, 第三，, 1. inside a paragraph,
/// （2）, ③): its length.
pub(super) fn ordinal(s: &str) -> Option<usize> {
    let m = ORDINAL.find(s)?;
    let after = s[m.end()..].chars().next();
    let decimal =
        m.as_str().ends_with(['.', '．', '、']) && m.as_str().starts_with(|c: char| c.is_ascii_digit());
    (!(decimal && after.is_none_or(|c| c.is_ascii_digit()))).then_some(m.end())
}

/// `加强值班调度,严禁脱岗漏岗,` before a subject: one to three short things to do, with no
/// modal and no subject of their own.
pub(super) fn tasks_before_subject(prefix: &str) -> bool {
    let Some(body) = prefix.trim_end().strip_suffix(['，', ',']) else { return false };
    let pieces: Vec<&str> = body.split(['，', ',']).map(str::trim).collect();
    pieces.len() <= 3
        && pieces.iter().all(|p| {
            let n = p.chars().count();
            (4..=10).contains(&n)
                && !p.contains(['要', '应', '须'])
                && !CONNECTIVES.iter().any(|c| p.starts_with(c))
                && crate::notice::subject::opening_subject(p).is_none()
        })
}

/// `2023年10月底前，`: a short time phrase that opens the sentence of its directive.
pub(super) fn dated_prefix(prefix: &str) -> bool {
    prefix.chars().count() <= 16 && crate::notice::deadline::find_deadline(prefix, NaiveDate::MIN).is_some()
}

/// `作业过程中,`: the short stretch of work during which the subject after it acts.
pub(super) fn during(prefix: &str) -> bool {
    // (The ending first: this is asked of every phrase's prefix.)
    let p = prefix.trim_end().trim_end_matches(['，', ',']);
    p.ends_with("过程中") && p.len() <= 8 * 3 && !p.contains(['，', ',']) && p.chars().count() <= 8
}

/// `3月20日至31日为排查摸底阶段。` (after a colon that announces the phases, too): a campaign's
/// phase told in a sentence of its own — the sentence, when `clause` is one.
pub(super) fn phase_sentence(clause: &str) -> Option<&str> {
    static PHASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,2}月\d{1,2}日(?:至|到|-|—|－)(?:\d{1,2}月)?\d{1,2}日为[^。，,；;]{2,10}阶段。$")
            .expect("phase regex")
    });
    // (Most sentences name no phase: a substring test before the regex.)
    if !clause.contains("阶段") {
        return None;
    }
    let t = clean_line(clause);
    let t = t.rsplit(['：', ':']).next().unwrap_or(t).trim_start();
    (t.starts_with(|c: char| c.is_ascii_digit()) && PHASE.is_match(t)).then_some(t)
}

/// Words that join a sentence to the one before (同时，要…).
const CONNECTIVES: [&str; 4] = ["同时", "此外", "另外", "与此同时"];

/// Whether clause `k` (after a semicolon) opens with the same two characters as a
/// neighbouring semicolon clause of its sentence (确保…；确保…), and they are not a subject.
pub(super) fn parallel(clauses: &[Clause<'_>], k: usize) -> bool {
    let head = |i: usize| -> Option<String> {
        let c = clauses.get(i)?;
        let t = clean_line(c.text);
        let h: String = t.chars().take(2).collect();
        (h.chars().count() == 2 && h.chars().all(crate::notice::text::is_han)).then_some(h)
    };
    let Some(mine) = head(k) else { return false };
    if mine.starts_with('要') || modal_subject(clean_line(clauses[k].text)).is_some() {
        return false;
    }
    let next = clauses.get(k + 1).filter(|c| !c.sentence_start).and_then(|_| head(k + 1));
    let prev = k.checked_sub(1).filter(|&p| !clauses[k].sentence_start && p > 0).and_then(head);
    next.as_ref() == Some(&mine) || (prev.as_ref() == Some(&mine) && !clauses[k - 1].sentence_start)
}

/// A clause that sets a periodic report (`每季度报送一次工作进展情况`, `每月25日前上报`) and
/// names no one: its first phrase has no subject of its own.
pub(super) fn periodic_report(clause: &str) -> bool {
    let reports = ["报送", "上报", "报告"].iter().any(|w| clause.contains(w));
    reports
        && modal_subject(clause).is_none()
        && !clause.starts_with('请')
        && crate::notice::deadline::find_recurrence(clause).is_some()
}

/// Where a directive starts in a clause, and what it says of its units.
pub(super) struct Start {
    pub(super) at: usize,
    pub(super) units: Option<Vec<String>>,
    pub(super) enumerated: bool,
    /// Opens with a bare 要 (no subject): may inherit the run's units.
    pub(super) plain: bool,
}

/// `开展消防安全宣传“四个一”活动,即组织…大检查;制作…专栏;`: a requirement that spells out
/// its parts after 即 — the semicolon parts of its sentence that follow are those parts.
pub(super) fn spells_out(text: &str) -> bool {
    let sentence = text.rsplit('。').next().unwrap_or(text);
    sentence.split(['，', ',', '：', ':']).any(|p| {
        let p = p.trim_start();
        p.starts_with('即') && !["即日", "即将", "即时", "即刻", "即可"].iter().any(|w| p.starts_with(w))
    })
}

pub(super) fn start_of(rest: &str, run: &Run, recipients: &[String], after_lead: bool) -> Option<Start> {
    let plain_start =
        |at, units: Option<Vec<String>>| Start { at, plain: units.is_none(), units, enumerated: false };
    if ordinal(rest).is_some() || (after_lead && rest.starts_with("是要")) {
        return Some(Start { at: 0, units: None, enumerated: true, plain: false });
    }
    if run.enumerated {
        return None;
    }
    if rest.starts_with('要') && !rest.starts_with("要求") || rest.starts_with("务必") {
        return Some(plain_start(0, None));
    }
    // 主要领导要亲自负责: the heads of the units just named.
    if bare_head(rest).is_some_and(|n| is_modal(&rest[n..])) {
        return Some(plain_start(0, None));
    }
    // 全镇上下要始终保持高度警惕: everyone of a place, no unit, yet a requirement of its own.
    if let Some(after) = rest.strip_prefix('全')
        && let Some(at) = after.find("上下").filter(|&at| (1..=3).contains(&after[..at].chars().count()))
        && is_modal(&after[at + "上下".len()..])
    {
        return Some(Start { at: 0, units: None, enumerated: false, plain: false });
    }
    // 同时,要加大…: a connective and a comma before a bare 要 start the next requirement
    // (同时要… without the comma goes on the sentence before).
    let after_connective =
        CONNECTIVES.iter().find_map(|c| rest.strip_prefix(c)).and_then(|r| r.strip_prefix(['，', ',']));
    // 。同时,加强与各单位…的协调合作: what to do, after the connective, is one too.
    let task = |r: &str| {
        super::action::opens_with_action(r)
            || ["加快", "做好", "落实", "完善", "开展"].iter().any(|v| r.starts_with(v))
    };
    if after_connective.is_some_and(|r| (r.starts_with('要') && !r.starts_with("要求")) || task(r)) {
        return Some(plain_start(0, None));
    }
    // 春节临近,要加强值班值守: a short circumstance set off by a comma before a bare 要.
    // 清明节期间是森林火灾的高发期,要高度重视…: or a season told as the time of a risk.
    let season = |c: &str| c.contains('是') && c.ends_with(['期', '季']) && c.chars().count() <= 16;
    let after_circumstance = rest.split_once(['，', ',']).filter(|(c, r)| {
        (c.chars().count() <= 6 || season(c))
            && !c.contains('要')
            && r.starts_with('要')
            && !r.starts_with("要求")
            && crate::notice::subject::subject_units(c).is_none()
    });
    // 对于发现的问题隐患,要建立整改台账: what the work is about, then a bare 要.
    let about_then_modal = ["对于", "针对"].iter().any(|w| rest.starts_with(w))
        && rest.split_once(['，', ',']).is_some_and(|(c, r)| {
            c.chars().count() <= 16 && !c.contains('要') && r.starts_with('要') && !r.starts_with("要求")
        });
    // 对未取得《燃气经营许可证》擅自经营销售燃气的,要一律予以取缔: a case told in full, then
    // its bare 要 (not who is called to account: 对工作措施不力导致发生…的,要严格实行责任倒查).
    let case_then_modal = rest.starts_with('对')
        && rest.split_once(['，', ',']).is_some_and(|(c, r)| {
            c.ends_with('的')
                && c.chars().count() <= 30
                && !c.contains('要')
                && !["不力", "导致", "造成", "失职"].iter().any(|w| c.contains(w))
                && r.starts_with('要')
                && !r.starts_with("要求")
        });
    // 对企业的隐患要定人、定责、限时整改: what the work is about, then its bare 要, no comma;
    // 遇到突发事件要及时…: the case it is for.
    let about_modal = (rest.starts_with('对')
        && !["对照", "对接", "对标"].iter().any(|w| rest.starts_with(w))
        || ["遇到", "遇有", "如遇", "一旦"].iter().any(|w| rest.starts_with(w)))
        && first_modal(rest, 16).is_some_and(|i| i > 3)
        || rest.starts_with('对') && after_case(crate::notice::text::first_phrase(rest));
    // 。特别是在整改期间要加强巡查值守: a sentence that singles out a time or a part of the
    // work, then its bare 要.
    let singled_modal = !after_lead
        && ["特别是", "尤其是"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .is_some_and(|r| first_modal(r, 14).is_some_and(|i| i == 0 || r.starts_with('在')));
    if after_circumstance.is_some() || about_then_modal || case_then_modal || about_modal || singled_modal {
        return Some(plain_start(0, None));
    }
    if let Some(units) = rest.strip_prefix("要求").and_then(required_units) {
        return Some(plain_start(0, Some(units)));
    }
    if super::limits::limit_then_report(rest) {
        return Some(plain_start(0, None));
    }
    if let Some(units) = super::limits::limit_then_units(rest) {
        return Some(plain_start(0, Some(resolve(units, recipients))));
    }
    if let Some(u) = modal_subject(rest).map(|(u, _)| u).or_else(|| comma_subject(rest)) {
        return Some(plain_start(0, Some(resolve(u, recipients))));
    }
    // 各街镇、各单位充分利用多种渠道…: a sentence that opens with collectives before their verb.
    // (Only before a verb of what to do: 各考核组实地检查了… tells what was done.)
    const TASKS: [&str; 9] = ["充分", "切实", "认真", "全面", "积极", "做好", "落实", "加强", "严格"];
    if !after_lead
        && let Some((c, end)) = crate::notice::subject::collective_before_verb(rest)
        && TASKS.iter().any(|v| rest[end..].starts_with(v))
        && !super::action::tells_done(rest)
    {
        return Some(plain_start(0, Some(crate::notice::subject::collective_units(&c))));
    }
    // 相关领导要…, 各县级包抓领导要…: people, not a unit, yet a requirement of its own.
    if let Some(at) = rest.find("领导").filter(|&at| rest[..at].chars().count() <= 10)
        && rest[..at].chars().all(crate::notice::unit_name::is_name_char)
        && is_modal(&rest[at + "领导".len()..])
    {
        return Some(Start { at: 0, units: None, enumerated: false, plain: false });
    }
    if let Some(s) = please(rest, recipients) {
        return Some(s);
    }
    // 各单位国庆期间值班表请于9月29日18时前报…: the units, what they send, then 请于 a time.
    if let Some(at) = rest.find("请于").or_else(|| rest.find("请在"))
        && rest[..at].chars().count() <= 24
        && !rest[..at].contains(['，', ',', '。', '；', ';', '：', ':'])
        && let Some(units) = own_subject(&rest[..at])
    {
        return Some(plain_start(0, Some(resolve(units, recipients))));
    }
    if let Some(units) = super::limits::units_by_limit(rest).or_else(|| super::limits::units_will_send(rest))
    {
        return Some(plain_start(0, Some(resolve(units, recipients))));
    }
    if run.semicolon_list {
        return Some(plain_start(0, None));
    }
    // A directive that starts after a comma: 春节期间，各单位要…；…转发给你们，请按照…
    let mut at = 0;
    for piece in rest.split_inclusive(['，', ',']) {
        let p = piece.trim_start();
        let offset = at + (piece.len() - p.len());
        if at > 0 {
            // 2023年10月底前，罗定市政府要…: a time before the subject stays with its directive.
            let dated =
                after_lead && crate::notice::deadline::find_deadline(&rest[..at], NaiveDate::MIN).is_some();
            let head = if dated || dated_prefix(&rest[..at]) || during(&rest[..at]) { 0 } else { offset };
            if let Some(u) = modal_subject(p).map(|(u, _)| u).or_else(|| comma_subject(p)) {
                return Some(plain_start(head, Some(resolve(u, recipients))));
            }
            if let Some(units) = p.strip_prefix("要求").and_then(required_units) {
                return Some(plain_start(offset, Some(units)));
            }
            if after_lead && p.starts_with('要') && !p.starts_with("要求") {
                return Some(plain_start(head, None));
            }
            // 会议强调,秋冬季火灾呈高发趋势,…,各地各有关部门紧盯…: after the situation, the
            // collectives asked and what they do (not a phase's work: …为总结提升阶段,各地…).
            // 会议决定成立…工作小组,厅各相关处室立即按照实施方案开展工作: a body's collective too.
            let decided = || rest.starts_with("会议决定") || rest.starts_with("会议议定");
            // (校区各部门全面配合: those who support the lead are no subject of their own.)
            let supports = || p.char_indices().nth(14).map_or(p, |(i, _)| &p[..i]).contains("配合");
            if (after_lead || decided())
                && !supports()
                && !rest[..at].contains("阶段")
                && let Some(units) = crate::notice::subject::collective_before_verb(p)
                    .map(|(u, _)| crate::notice::subject::collective_units(&u))
                    .or_else(|| {
                        let named = crate::notice::subject::named_before_verb(p)?;
                        named.iter().all(|u| u.contains('各')).then_some(named)
                    })
            {
                return Some(plain_start(offset, Some(resolve(units, recipients))));
            }
            // …作了详细安排,特别强调要加强…的宣传: the speaker's stress on what to do, later on.
            if let Some(word) =
                ["特别强调", "并强调", "同时强调", "还强调"].iter().find(|w| p.starts_with(**w))
                && p[word.len()..].starts_with('要')
                && !p[word.len()..].starts_with("要求")
            {
                return Some(plain_start(offset + word.len(), None));
            }
            if let Some(s) = please(p, recipients) {
                return Some(Start { at: offset, ..s });
            }
            // …,全市在建项目由施工总承包单位于4月26日前…完成自查: units and their limit.
            if let Some(units) = super::limits::units_by_limit(p)
                .filter(|_| !super::asked::ASKS.iter().any(|w| p.starts_with(w)))
            {
                return Some(plain_start(head, Some(resolve(units, recipients))));
            }
            // …进行了安排部署,按照职能分工,区住建局、昆仑燃气公司利用10个工作日…: once the work
            // is shared out, the units that open the next phrase do their share.
            if super::shares::shares_out(&rest[..at])
                && let Some(units) = crate::notice::subject::opening_subject(p)
            {
                return Some(plain_start(offset, Some(resolve(units, recipients))));
            }
        }
        // …相关企业由区局执法大队牵头开展排查: a share of the work and the unit that leads it.
        if let Some(units) = super::shares::led_by(p) {
            let from = if at == 0 { 0 } else { offset };
            return Some(plain_start(from, Some(resolve(units, recipients))));
        }
        // 各幼儿园在自查重大校舍隐患之后,于7月14日前完成…: a collective before its verb with
        // the day its work is due is asked that work.
        if at == 0
            && p.starts_with('各')
            && let Some((u, _)) = crate::notice::subject::collective_before_verb(p)
            && crate::notice::deadline::find_deadline(rest, NaiveDate::MIN).is_some_and(|d| d.date.is_some())
        {
            return Some(plain_start(
                0,
                Some(resolve(crate::notice::subject::collective_units(&u), recipients)),
            ));
        }
        // 督查组…反馈并要求各责任单位要…, 希望各县区要…: the units asked, from the asking word on.
        if let Some((k, units)) = super::asked::asked(p) {
            return Some(plain_start(offset + k, Some(resolve(units, recipients))));
        }
        // 督查组下发了整改通知书并要求在3日内整改到位: an order with a limit, of the units
        // inspected (the phrase that gives it, whole).
        // (Most phrases hold no 求: a character test before the word's.)
        if at > 0 && p.contains('求') && p.find("要求").is_some_and(|k| limited(&p[k + "要求".len()..]))
        {
            return Some(Start { at: offset, units: None, enumerated: false, plain: false });
        }
        at += piece.len();
    }
    None
}

/// `各级各部门,要充分认清形势任务`: a subject set off by a comma from its modal.
fn comma_subject(s: &str) -> Option<Vec<String>> {
    let (name, rest) = s.split_once(['，', ','])?;
    crate::notice::subject::set_off_subject(name, rest)
}

/// Where the first 要 of `s` stands, when it is a modal within its first `within` characters
/// and first phrase (`对企业的隐患要…`, `在整改期间要…`).
fn first_modal(s: &str, within: usize) -> Option<usize> {
    let (i, _) = s
        .char_indices()
        .take(within)
        .take_while(|&(_, c)| !matches!(c, '，' | ',' | '。'))
        .find(|&(_, c)| c == '要')?;
    is_modal(&s[i..]).then_some(i)
}

/// `对违反消防法律法规的必须严格执法`: a case told in a phrase, then its modal right after the 的.
pub(super) fn after_case(phrase: &str) -> bool {
    phrase.match_indices('的').any(|(at, _)| {
        let m = &phrase[at + '的'.len_utf8()..];
        ["必须", "一律", "应当", "要坚决", "要严格", "要依法"].iter().any(|w| m.starts_with(w))
    })
}

/// `在3日内整改到位`, `于5月10日前整改完毕`: a limit right after 要求, then what is due by it.
fn limited(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['在', '于']) else { return false };
    rest.starts_with(|c: char| c.is_ascii_digit() || "一二三五七十".contains(c))
        && crate::notice::deadline::find_deadline(rest, NaiveDate::MIN)
            .and_then(|d| d.phrase)
            .is_some_and(|phrase| rest.starts_with(phrase.as_str()))
}

/// A requirement that opens with its modal and no subject (`要全面做好…`, `务必广泛宣传…`).
pub(super) fn bare_modal(text: &str) -> bool {
    let t = clean_line(text);
    crate::notice::subject::MODALS.iter().any(|m| t.starts_with(m)) && !t.starts_with("要求")
}
