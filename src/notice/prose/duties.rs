//! 职责分工 — a list of duties in running text: `会议进一步压实各部门职责：住建局统筹协调全局，…；
//! 应急局严管工业燃料违规民用行为；市场监管局从生产销售端严控…`. After a lead-in that announces
//! duties, each semicolon part that opens with a unit's bare name (no 要: the list itself says
//! it is a task) is that unit's requirement.

use std::sync::LazyLock;

use regex::Regex;

use crate::notice::subject::subject_units;

/// `压实各部门职责：`, `明确职责分工如下：`, `具体分工：` — the colon that opens a list of duties.
static DUTY_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:职责|分工|任务分解)(?:如下)?[：:]").expect("duty lead regex"));

/// The longest a unit's name at the start of a duty is read, in characters.
const MAX_NAME: usize = 16;

/// Where a duty starts in `clause` and whose it is: after a duty lead-in's colon, or (inside a
/// list already open) at the clause's start.
pub(super) fn duty_start(clause: &str, in_list: bool) -> Option<(usize, Vec<String>)> {
    if in_list {
        return duty_subject(clause).map(|u| (0, u));
    }
    let lead = DUTY_LEAD.find(clause)?;
    let rest = &clause[lead.end()..];
    let at = lead.end() + (rest.len() - rest.trim_start().len());
    duty_subject(&clause[at..]).map(|u| (at, u))
}

/// `校园内部安全整治主要由教育局牵头，公安、消防部门配合，对…进行全面排查`: a part of running
/// text that names the work and the unit that leads it — a task of a division of labour, told
/// with no modal. The work's name is short and is no office being set up (办公室设在…).
static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^，,。；;：:]{2,16}?)(?:主要|统一|均)?由([^，,。；;、]{2,16}?)牵头")
        .expect("led-by regex")
});

/// The unit that leads the work a clause opens with (`…整治主要由县公安局牵头`), if it does.
pub(super) fn led_by(clause: &str) -> Option<Vec<String>> {
    // Most clauses name no lead: a substring test before the regex.
    if !clause.contains("牵头") {
        return None;
    }
    let caps = LED_BY.captures(clause.trim_start())?;
    let work = caps.get(1)?.as_str();
    if ["办公室", "小组", "机构", "指挥部", "日常"].iter().any(|w| work.contains(w)) {
        return None;
    }
    subject_units(caps.get(2)?.as_str())
}

/// `安监部门牵头对易燃易爆单位、劳动密集型企业督促整改;`: a clause that opens with a unit
/// leading the work it names — a row of a division of labour (set off by its semicolon), told
/// with no modal.
pub(super) fn leads_work(clause: &str) -> Option<Vec<String>> {
    if !clause.trim_end().ends_with(['；', ';']) {
        return None;
    }
    let at = clause.find("牵头")?;
    let name = clause[..at].trim_start();
    let after = &clause[at + "牵头".len()..];
    // (Not 县公安局牵头的专班负责… nor …为牵头单位, read by their own rules.)
    let work = ["对", "组织", "开展", "抓好", "做好", "负责", "落实", "推进", "制定", "督促", "，", ","]
        .iter()
        .any(|w| after.starts_with(w));
    if !work || name.chars().count() > MAX_NAME || name.contains(['，', ',', '由', '以']) {
        return None;
    }
    subject_units(name)
}

/// `县民政局为康乐年华养老服务中心火灾隐患整改牵头单位,泷泊镇人民政府和县消防大队为责任单位`:
/// a unit named the lead of a task (and the units responsible with it).
static NAMED_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，,])([^，,。；;：:]{2,16}?)为[^，,。；;]{0,30}?牵头单位(?:[，,]([^，,。；;]{2,40}?)为[^，,。；;]{0,20}?(?:责任|配合)单位)?")
        .expect("named-lead regex")
});

/// A clause that names the lead unit of a task (`会议明确,县民政局为…牵头单位,…为责任单位`):
/// where it starts, and the lead then the responsible units.
pub(super) fn named_lead(clause: &str) -> Option<(usize, Vec<String>)> {
    if !clause.contains("牵头单位") {
        return None;
    }
    let caps = NAMED_LEAD.captures(clause)?;
    let lead = caps.get(1)?;
    let mut units = subject_units(lead.as_str().trim())?;
    for u in caps.get(2).and_then(|m| subject_units(m.as_str().trim())).into_iter().flatten() {
        if !units.contains(&u) {
            units.push(u);
        }
    }
    Some((lead.start(), units))
}

/// The most characters a unit and its body (`县公安局牵头的专班`) run before 负责.
const MAX_HOLDER: usize = 24;

/// `县公安局牵头的专班负责对…进行整治,县文体局牵头的专班负责对…`: a sentence that shares the
/// work out phrase by phrase, each phrase opening with the unit (or the body it leads) and
/// 负责 — where each duty starts and whose it is. Only a sentence of at least `least` such
/// phrases (a lone `X负责…` is a fact, not a division, unless a division came just before).
pub(super) fn told_duties(sentence: &str, least: usize) -> Vec<(usize, Vec<String>)> {
    // Most sentences share nothing out: a substring test first.
    if !sentence.contains("负责") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut led = false;
    let mut at = 0;
    for piece in sentence.split_inclusive(['，', ',']) {
        let p = piece.trim_start();
        let offset = at + (piece.len() - p.len());
        at += piece.len();
        let Some(k) = p.find("负责").filter(|&k| (2..=MAX_HOLDER).contains(&p[..k].chars().count())) else {
            continue;
        };
        // 县气象局负责人通报了…, 各镇负责同志: the people who answer for a unit, not its duty.
        if ["人", "同志", "的"].iter().any(|w| p[k + "负责".len()..].starts_with(w)) {
            continue;
        }
        // 县公安局牵头的专班: the body is the leading unit's.
        let holder = &p[..k];
        let holder = holder.split_once("牵头的").map_or(holder, |(unit, _)| unit);
        // 新兴行业按照业务相近的原则由业务相近部门负责: the unit is the one after 由.
        let holder = holder.rsplit_once('由').map_or(holder, |(_, unit)| unit);
        if let Some(units) = subject_units(holder) {
            led |= holder.len() < p[..k].len();
            found.push((offset, units));
        }
    }
    // Two units' 负责 may be one item's two tasks (区公安消防支队负责…,辖区消防中队负责…): a
    // division names the bodies the units lead, or shares the work three ways at least.
    let division = found.len() >= 3 || led || least == 1;
    if found.len() < least || !division { Vec::new() } else { found }
}

/// The units a duty opens with: the shortest name that reads as units and is not continued by
/// a list (`县应急局、县住建局负责…` reads both). `住建局统筹协调全局` is 住建局's, not a unit
/// ending in 局.
fn duty_subject(s: &str) -> Option<Vec<String>> {
    let s = s.trim_start();
    let ends = s.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1).take(MAX_NAME);
    for end in ends {
        let (name, rest) = s.split_at(end);
        if rest.starts_with(['、', '和', '及', '与', '（', '(']) {
            continue;
        }
        if let Some(units) = subject_units(name) {
            return Some(units);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duty_list_gives_each_part_its_unit() {
        let lead = "为凝聚多方合力,会议进一步压实各部门职责:住建局统筹协调全局,督促燃气企业落实主体责任;";
        let (at, units) = duty_start(lead, false).expect("a duty list");
        assert_eq!(units, ["住建局"]);
        assert!(lead[at..].starts_with("住建局统筹"));
        assert_eq!(
            duty_start("市场监管局从生产销售端严控燃气产品质量;", true).map(|d| d.1),
            Some(vec!["市场监管局".to_owned()])
        );
        assert_eq!(
            duty_start("县应急局、县住建局负责督导;", true).map(|d| d.1),
            Some(vec!["县应急局".to_owned(), "县住建局".to_owned()])
        );
    }

    #[test]
    fn duties_told_phrase_by_phrase() {
        let s = "县公安局牵头的专班负责对学校及周边进行整治,县文体局牵头的专班负责对网吧进行整治,县综治办牵头的专班负责督查。";
        let found = told_duties(s, 2);
        let units: Vec<&[String]> = found.iter().map(|(_, u)| u.as_slice()).collect();
        assert_eq!(units, [&["县公安局".to_owned()][..], &["县文体局".to_owned()], &["县综治办".to_owned()]]);
        assert!(s[found[1].0..].starts_with("县文体局"));
        assert!(told_duties("县应急局负责统筹协调,确保安全。", 2).is_empty(), "one duty is a fact");
        assert!(
            told_duties("区消防支队负责使用,辖区消防中队负责巡查。", 2).is_empty(),
            "one item's two tasks"
        );
        assert_eq!(told_duties("各镇(区)综治办负责组织辖区内学校整治行动。", 1).len(), 1);
        assert!(told_duties("会议由副县长负责主持,相关部门参加。", 1).is_empty(), "no unit");
        assert!(told_duties("县气象局负责人通报了天气,县水利局负责人通报了水情。", 2).is_empty(), "people");
    }

    #[test]
    fn no_duty_list_without_its_lead_in_or_a_unit() {
        assert_eq!(duty_start("市场监管局从生产销售端严控燃气产品质量;", false), None);
        assert_eq!(duty_start("会议明确了职责:要加强统筹,压实责任;", false), None);
        assert_eq!(duty_start("严格落实责任;", true), None);
    }
}
