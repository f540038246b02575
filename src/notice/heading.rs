//! 标题 — what a heading tells the section builder: its title and units, a plan's phase, a
//! task named as a headline (制定防灾减灾预案), a speaker's lead-in over a list, and the units
//! whose duties a heading names (乡镇人民政府消防安全工作职责). Kept apart from section.rs,
//! which walks the outline; these only read one heading's words.

use super::candidate::{Units, take_units};
use super::text::{clean_line, strip_end_mark};
use super::units::UnitRules;

/// A heading's title without its end mark, colon and unit bracket, and the units that
/// bracket named (`一、加强宣传（责任单位：宣传处）`).
pub(super) fn heading_title(sentence: &str, rules: UnitRules) -> (String, Option<Units>) {
    let (title, units) = take_units(strip_end_mark(sentence), rules);
    (title.trim_end_matches(['：', ':']).trim().to_owned(), units)
}

/// A phase of a plan as an item's heading: `动员部署阶段（2011年9月26日至30日）。`.
pub(super) fn is_phase(sentence: &str) -> bool {
    let t = strip_end_mark(sentence).trim_end();
    let Some(open) = t.rfind(['（', '(']) else { return false };
    t.ends_with(['）', ')']) && t[..open].ends_with("阶段") && t[..open].chars().count() <= 12
}

/// A unit bracket cut off before its names (`（责任单位：` at the end of a copied page).
pub(super) fn is_dangling_label(body: &str) -> bool {
    let b = clean_line(body);
    b.starts_with(['（', '(']) && !b.contains(['）', ')']) && b.chars().count() <= 12
}

/// A short title naming a task (`制定防灾减灾预案`, `认真抓好排查工作`), not a lead-in, a
/// report (`会议听取了…汇报`), a topic (`关于…`) or a label (`有关要求`).
pub(super) fn is_task_headline(title: &str) -> bool {
    let t = title.trim();
    let n = t.chars().count();
    // 高度重视,提高站位: parallel phrases of a few characters each are a headline too.
    let phrases = t.split(['，', ',']).all(|p| (2..=8).contains(&p.chars().count()));
    // 提高重视,坚决克服麻痹松懈思想 / 加强值守,做好节日期间值班及应急处置工作: a short phrase,
    // then what it means, is one too (no phrase of it a bare 要).
    let short_then_long = {
        let parts: Vec<&str> = t.split(['，', ',']).collect();
        parts.len() == 2
            && (2..=6).contains(&parts[0].chars().count())
            && (4..=16).contains(&parts[1].chars().count())
            && !parts.iter().any(|p| p.starts_with('要'))
    };
    let commas = t.contains(['，', ',']);
    (4..=if commas { if short_then_long { 24 } else { 18 } } else { 16 }).contains(&n)
        && (!commas || phrases || short_then_long)
        && !t.contains(['：', ':'])
        && !["会议", "会上", "经", "关于"].iter().any(|w| t.starts_with(w))
        && !t.ends_with("要求")
        && super::subject::modal_subject(t).is_none()
}

/// `听取关于…的汇报`, `审议…`: the heading of an item of minutes, naming what the meeting
/// heard or discussed (its dates, 下半年工作打算, are the report's, not a limit).
pub(super) fn is_minutes_item(title: &str) -> bool {
    let t = title.trim();
    ["听取", "审议", "研究", "学习", "传达"].iter().any(|w| t.starts_with(w))
        && (t.ends_with("汇报") || t.ends_with("的报告") || t.contains("关于"))
}

/// Where the colon of `text`'s lead-in stands when a list follows it at once, after at most
/// a short subject (`…强调:各部门、各单位一是要…`).
pub(super) fn speaker_list(text: &str) -> Option<usize> {
    let t = clean_line(text);
    let colon = t.find(['：', ':']).filter(|&c| t[..c].chars().count() <= 30)?;
    let after = t[colon..].trim_start_matches(['：', ':']);
    let at = ["一是", "一要"].iter().filter_map(|w| after.find(w)).min()?;
    let head = &after[..at];
    (head.chars().count() <= 12 && !head.contains(['，', ',', '。', '；', ';'])).then_some(colon)
}

/// 一、乡(镇)人民政府、街道办事处消防安全工作职责: a heading that names whose duties or
/// requirements its items are; the units are theirs where an item names none.
pub(super) fn heading_owner(title: &str) -> Option<Units> {
    const OWNED: [&str; 4] = ["职责", "工作要求", "主要任务", "工作任务"];
    let t = strip_end_mark(title).trim_end_matches(['：', ':']);
    let rest = OWNED.iter().find_map(|w| t.strip_suffix(w))?;
    let rest = rest.strip_suffix("工作").unwrap_or(rest);
    let rest =
        ["消防安全", "安全生产", "消防", "安全"].iter().find_map(|w| rest.strip_suffix(w)).unwrap_or(rest);
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let lead = super::subject::subject_units(rest)?;
    Some(Units::named(lead))
}
