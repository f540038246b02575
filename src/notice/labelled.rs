//! 标注单位 — an item that names its unit by a label, not by a sentence's subject: the unit
//! before a colon (`国会俱乐部:208包厢存在逃生窗未开启的情况`, `县应急局:负责牵头组织检查`), or a
//! finding before a colon and the places it was found after it (`未亮证经营:五月花酒吧、C2酒吧`).
//! A 督查通报's findings are listed so; each is a task of the places it names.

use super::text::{clean_line, strip_end_mark};
use super::unit_name::{is_name_char, is_unit};

/// The most characters a label or a listed name may have.
const NAME_MAX: usize = 24;

/// The most characters of a label before the sentence it heads (工作要求, 报送要求).
const LABEL_MAX: usize = 8;

/// The units an item's opening names by a label (see the module header), in order.
pub fn units(text: &str) -> Option<Vec<String>> {
    let t = clean_line(text);
    // A label is a few characters: the colon or space is looked for only there (this runs on
    // every item and paragraph a subject is read from).
    let head_end = t.char_indices().nth(NAME_MAX + 1).map_or(t.len(), |(i, _)| i);
    let Some(colon) = t[..head_end].find([':', '：']) else { return after_heading(t) };
    let (label, rest) = (&t[..colon], &t[colon..]);
    let rest = rest.trim_start_matches([':', '：']);
    let label = label.trim();
    if rest.trim().is_empty() {
        return None;
    }
    // What was found, then where: the places are all of the rest, one sentence. Read first: a
    // finding may end in a word a name ends in (接纳未成年人进入营业场所:望吧网络有限公司).
    let list = strip_end_mark(rest.trim()).trim_end_matches([',', '，', ' ']);
    names(list).or_else(|| names(label)).or_else(|| {
        // 五、工作要求:各相关部门安排好时间…: a short label, then the sentence that asks.
        (label.chars().count() <= LABEL_MAX).then(|| super::subject_scan::units_in(rest)).flatten()
    })
}

/// `二、主要任务 各区县要全面开展…`: a heading whose line break became a space (a copy that
/// lost its breaks), then the sentence that names the unit.
fn after_heading(t: &str) -> Option<Vec<String>> {
    let head_end = t.char_indices().nth(LABEL_MAX + 1).map_or(t.len(), |(i, _)| i);
    let space = t[..head_end].find([' ', '\u{3000}'])?;
    let (head, rest) = (&t[..space], &t[space..]);
    let heading = (2..=LABEL_MAX).contains(&head.chars().count()) && head.chars().all(super::text::is_han);
    heading.then(|| super::subject_scan::units_in(rest.trim_start())).flatten()
}

/// `五月花酒吧、C2酒吧`: each part a unit's name, else `None`.
fn names(list: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = list.split('、').map(str::trim).collect();
    parts
        .iter()
        .all(|p| p.chars().count() <= NAME_MAX && is_place(&spelled_out(p)))
        .then(|| parts.iter().map(|p| (*p).to_owned()).collect())
}

/// A place named in a finding: a unit's name, or a venue's by its kind (五月花酒吧, 根据地网吧,
/// 钻石人生会所): its operator answers for it. Venues are units only here, where a label names
/// them; in running text 网吧、娱乐场所 are kinds of places, not the subject asked.
fn is_place(name: &str) -> bool {
    const VENUES: [&str; 10] =
        ["酒吧", "网吧", "歌厅", "会所", "宾馆", "酒店", "饭店", "超市", "商场", "俱乐部"];
    is_unit(name)
        || VENUES.iter().any(|v| {
            name.strip_suffix(v)
                .is_some_and(|base| base.chars().count() >= 2 && base.chars().all(is_name_char))
        })
}

/// A venue's name with its Latin letters and digits (C2酒吧, 呼啦啦KTV) read as characters of a
/// name, which unit names hold none of: each one stands for 某, and a closing KTV for 歌厅.
fn spelled_out(name: &str) -> String {
    let (base, kind) = name.strip_suffix("KTV").map_or((name, ""), |base| (base, "歌厅"));
    let mut out: String = base.chars().map(|c| if c.is_ascii_alphanumeric() { '某' } else { c }).collect();
    out.push_str(kind);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_names_the_unit_of_a_finding() {
        assert_eq!(units("国会俱乐部:208包厢存在逃生窗未开启的情况。"), Some(vec!["国会俱乐部".to_owned()]));
        assert_eq!(units("县应急局:负责牵头组织检查。"), Some(vec!["县应急局".to_owned()]));
        assert_eq!(
            units("未亮证经营:五月花酒吧、C2酒吧"),
            Some(vec!["五月花酒吧".to_owned(), "C2酒吧".to_owned()])
        );
        assert_eq!(units("未悬挂警示牌:呼啦啦KTV"), Some(vec!["呼啦啦KTV".to_owned()]));
    }

    #[test]
    fn a_short_label_heads_the_sentence_that_names_the_unit() {
        assert_eq!(
            units("工作要求:各相关部门安排好时间,积极组织师生参加。"),
            Some(vec!["各相关部门".to_owned()])
        );
    }

    #[test]
    fn a_heading_run_on_after_a_space_heads_the_sentence_that_names_the_unit() {
        assert_eq!(units("主要任务 各区县要全面开展隐患排查治理。"), Some(vec!["各区县".to_owned()]));
        assert_eq!(units("加强 检查"), None);
    }

    #[test]
    fn a_label_that_is_no_unit_names_none() {
        assert_eq!(units("检查时间:11月24日"), None);
        assert_eq!(units("检查方式:以自查为主。"), None);
        assert_eq!(units("加强检查,落实责任。"), None);
    }
}
