//! 列表标题单位 — a heading line with a unit bracket just above a numbered list, as in a
//! 督办通知's attachment: `胖东来时代广场(责任单位:魏都区,市消防支队)` followed by `1.进门地面无
//! 荧光标识；2.…`. The items name no unit of their own; the heading's units are theirs, as an
//! officer reading the list would take them.

use super::candidate::{Units, take_units};
use super::text::clean_line;
use super::units::UnitRules;
use crate::model::SectionDraft;

/// Longest heading line, in characters: a place or topic with its bracket, not a sentence.
const HEADING_MAX: usize = 60;

/// The units of the line just above the first numbered item, when it is a heading (short, no
/// full stop) that ends with a unit bracket.
pub fn units_above(header_lines: &[&str], rules: UnitRules) -> Option<Units> {
    let line = clean_line(header_lines.last()?);
    if line.chars().count() > HEADING_MAX || line.contains('。') {
        return None;
    }
    let trimmed = line.trim_end_matches(['：', ':', '。', '；', ';']);
    if !trimmed.ends_with(['）', ')']) {
        return None;
    }
    let (rest, units) = take_units(trimmed, rules);
    let units = units.filter(|u| !u.lead.is_empty())?;
    // The bracket must close the line: what is left is the heading's name.
    (!rest.is_empty() && !rest.ends_with(['：', ':'])).then_some(units)
}

/// The units of the preamble's last words when they announce the list after them and name
/// whom it asks: `各热电厂、各供热企业要按供热指令要求准时开栓。具体相关要求如下:` or
/// `请各地结合实际,严格落实以下预警措施:` — the items are those units' work.
/// With them, whether the words ask the activities the list spells out (请各单位认真组织好…系列
/// 活动。): then those words are the list's lead, no requirement of their own.
pub fn units_of_announcement(header_lines: &[&str]) -> Option<(Units, bool)> {
    let line = clean_line(header_lines.last()?);
    let colon = line.trim_end().strip_suffix(['：', ':']);
    let body = colon.unwrap_or(line);
    let sentences: Vec<&str> =
        body.split(['。', '；', ';']).map(str::trim).filter(|s| !s.is_empty()).collect();
    let sentence = *sentences.last()?;
    // …,请各单位认真组织好“119消防教育周”系列活动。 then 1、上一堂…课: the activities asked, in
    // the sentence's last phrase.
    let phrase = sentence.rsplit(['，', ',']).next().unwrap_or(sentence);
    let activities =
        colon.is_none() && phrase.starts_with('请') && (phrase.ends_with("活动") || phrase.ends_with("工作"));
    let last = if activities { phrase } else { sentence };
    let announces = colon.is_some() && (last.ends_with("如下") || last.contains("以下")) || activities;
    if !announces || last.chars().count() > 50 {
        return None;
    }
    // The announcing sentence's own subject (请各地…落实以下…), else the one before it.
    let lead = super::subject::units_in(last).or_else(|| {
        super::subject::sentence_subject(sentences.len().checked_sub(2).map(|i| sentences[i])?)
    })?;
    (!lead.is_empty()).then(|| (Units { phrase: lead.join("、"), lead, support: Vec::new() }, activities))
}

/// Gives `units` to every directive of `sections` that names none.
pub fn give(sections: &mut [SectionDraft], units: &Units) {
    for s in sections.iter_mut() {
        for d in s.directives.iter_mut().filter(|d| d.offices.is_empty() && d.support_offices.is_empty()) {
            d.offices = units.lead.clone();
            d.support_offices = units.support.clone();
            d.units_phrase = Some(units.phrase.clone());
        }
        if s.offices.is_empty() {
            s.offices = units.lead.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_with_a_unit_bracket_above_a_list() {
        let rules = UnitRules::of_notice("(责任单位:魏都区,市消防支队)");
        let u = units_above(&["附件:", "胖东来时代广场(责任单位:魏都区,市消防支队)"], rules).unwrap();
        assert_eq!(u.lead, ["魏都区", "市消防支队"]);
        assert!(units_above(&["请你们于9月20日前整改完毕(责任单位:魏都区)。"], rules).is_none());
        assert!(units_above(&["胖东来时代广场"], rules).is_none());
        assert!(units_above(&[], rules).is_none());
    }

    #[test]
    fn units_named_where_the_preamble_announces_the_list() {
        let line = "按照市政府决定,现向全市下达提前开栓供热指令。各热电厂、各供热企业要按供热指令要求准时开栓,达标供热。具体相关要求如下:";
        let (u, _) = units_of_announcement(&["各热电厂、供热企业:", line]).expect("units");
        assert_eq!(u.lead, ["各热电厂", "各供热企业"]);
        let (asked, _) = units_of_announcement(&["请各地结合实际,严格落实以下预警措施:"]).expect("units");
        assert_eq!(asked.lead, ["各地"]);
        assert!(units_of_announcement(&["现将有关事项通知如下:"]).is_none(), "no one named");
        assert!(units_of_announcement(&["各单位要高度重视。"]).is_none(), "announces nothing");
        let activities = "为普及消防安全常识,请各单位认真组织好“2018年119消防教育周”(11月5日-11日)系列活动。";
        let (u, lead_only) = units_of_announcement(&[activities]).expect("units");
        assert_eq!((u.lead.as_slice(), lead_only), (&["各单位".to_owned()][..], true));
    }
}
