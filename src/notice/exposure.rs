//! 隐患曝光 — a published exposure of fire-hazard units (火灾隐患单位曝光): one record per unit,
//! either labelled (`隐患单位：中环大厦 / 存在隐患：… / 整改措施：责令限期整改`) or under a
//! numbered heading that names the unit (`一、…荣菊早餐店 / 单位地址：… / 基本案情：… / 处理结果：
//! 责令该单位于2023年11月25日前改正`). Each record is one directive of the unit it names — the
//! unit ordered to rectify — dated by its order's limit; the hazards listed inside are its
//! findings, not directives of their own. Labelled records are numbered here so the outline
//! reads them as items (label kept); section.rs asks [`record`] of every item.

use chrono::NaiveDate;

use super::deadline::find_deadline;
use super::text::strip_end_mark;
use crate::model::DeadlineDraft;

/// Labels that open a record with the unit's name.
const UNIT_LABELS: [&str; 3] = ["隐患单位", "被曝光单位", "曝光单位"];
/// Labels of a record's parts under the unit's name.
const PARTS: [&str; 8] =
    ["单位地址", "基本案情", "存在隐患", "存在问题", "主要隐患", "处理结果", "整改措施", "处理情况"];
/// Labels of the order to rectify, where the record's limit is read.
const ORDERS: [&str; 4] = ["处理结果", "整改措施", "处理情况", "整改要求"];

/// The name after a label and its colon (`隐患单位：中环大厦` → `中环大厦`).
fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let t = line.trim();
    let rest = labels.iter().find_map(|l| t.strip_prefix(l))?;
    let name = rest.strip_prefix(['：', ':'])?.trim();
    (!name.is_empty()).then_some(name)
}

/// Labelled records (at least two) numbered as items: `隐患单位：X` becomes `一、隐患单位：X`, so the
/// outline reads one item per unit. `None` for any other text.
pub fn number_records(lines: &[&str]) -> Option<Vec<String>> {
    let opens = lines.iter().filter(|l| labelled(l, &UNIT_LABELS).is_some()).count();
    if opens < 2 || lines.iter().any(|l| super::numbering::marker_of(l.trim()).is_some()) {
        return None;
    }
    let mut n = 0;
    let numbered = lines
        .iter()
        .map(|l| match labelled(l, &UNIT_LABELS) {
            Some(_) => {
                n += 1;
                format!("{}、{}", super::numbering::chinese_label(n), l.trim())
            }
            None => (*l).to_owned(),
        })
        .collect();
    Some(numbered)
}

/// Where the closing may start in an exposure's `body`: after its last record's last part
/// (整改措施：责令于6月20日前改正 is the record's order, not the text's signed date).
pub fn after_last_part(body: &[&str]) -> usize {
    body.iter().rposition(|l| PARTS.iter().any(|p| l.trim().starts_with(p))).map_or(0, |at| at + 1)
}

/// A record: an item (`lines`: its head, then the lines under it) whose heading names a unit
/// and whose first lines are a record's parts. Its unit, and the latest limit its order to
/// rectify sets.
pub fn record(lines: &[&str], issued: NaiveDate) -> Option<(String, Option<DeadlineDraft>)> {
    let (head, lines) = lines.split_first()?;
    let parts_follow = lines.iter().take(2).any(|l| PARTS.iter().any(|p| l.trim().starts_with(p)));
    if !parts_follow {
        return None;
    }
    let head = strip_end_mark(head.trim());
    let name = labelled(head, &UNIT_LABELS).unwrap_or(head);
    // 一、检查情况 / 存在问题:… is a described part of a 通报, not an exposed unit.
    if name.chars().count() > 40
        || name.contains(['。', '，', ',', '：', ':'])
        || super::descriptive::is_descriptive(name)
    {
        return None;
    }
    Some((name.to_owned(), order_limit(lines, issued)))
}

/// The latest date the record's order sets (`责令该单位(场所)于2023年11月25日前改正`), read in
/// the lines from its order's label on.
fn order_limit(lines: &[&str], issued: NaiveDate) -> Option<DeadlineDraft> {
    let from = lines.iter().position(|l| ORDERS.iter().any(|o| l.trim().starts_with(o)))?;
    lines[from..]
        .iter()
        .flat_map(|l| l.split(['；', ';', '。']))
        .filter_map(|clause| find_deadline(clause, issued).filter(|d| d.date.is_some()))
        .max_by_key(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_records_are_numbered_as_items() {
        let lines = [
            "现将部分单位存在的隐患曝光如下:",
            "隐患单位:中环大厦",
            "存在隐患:安全出口堵塞。",
            "隐患单位:名羊羊肉馆",
        ];
        let numbered = number_records(&lines).expect("records");
        assert_eq!(numbered[1], "一、隐患单位:中环大厦");
        assert_eq!(numbered[3], "二、隐患单位:名羊羊肉馆");
        assert_eq!(number_records(&lines[..3]), None, "one record is no list");
    }

    #[test]
    fn a_record_is_its_units_and_dated_by_its_order() {
        let issued = NaiveDate::from_ymd_opt(2023, 11, 23).expect("day");
        let lines = [
            "晋城市高平市丹河路阿磊餐馆",
            "单位地址:丹东小区7巷15号",
            "基本案情:发现该单位存在以下隐患:",
            "1. 油烟机未定期清洗;",
            "处理结果:",
            "上述第1项,责令该单位(场所)当场立即整改;上述第2、3项,责令该单位(场所)于2023年11月26日前改正。",
        ];
        let (unit, limit) = record(&lines, issued).expect("a record");
        assert_eq!(unit, "晋城市高平市丹河路阿磊餐馆");
        assert_eq!(limit.and_then(|d| d.date), NaiveDate::from_ymd_opt(2023, 11, 26));
        let (unit, _) = record(&["隐患单位:中环大厦", "存在隐患:安全出口堵塞。"], issued).expect("labelled");
        assert_eq!(unit, "中环大厦");
        assert_eq!(record(&["加强组织领导", "各单位要高度重视。"], issued), None, "no record's parts");
        assert_eq!(record(&["检查情况", "存在问题:消防通道堵塞。"], issued), None, "a described part");
    }
}
