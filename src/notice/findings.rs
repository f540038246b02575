//! 问题单位 — the units a 督查通报 names in its findings, and the requirement that points back
//! at them: `其中,由县民政局负责的第1件、县发改局负责的第4件…进展滞后,请以上责任单位加快工作
//! 节奏` or `心理健康教育中心、信息工程学院、数理学院不同程度均存在…。…存在消防安全隐患的单位要
//! 迅速整改`. The findings are no requirement, so addressed.rs (which looks only at the units of
//! the requirements above) cannot see them; here the text before the pointer is read for them.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{clean_line, first_phrase};
use super::unit_name::is_unit;
use crate::model::SectionDraft;

/// Words that point back at units named before: 以上责任单位, 上述单位, 存在隐患的单位, 两家单位.
static POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[，,。；;])\s*(请)?(?:",
        r"(?:以上|上述)(?:责任|相关|有关|问题|[两三四五六七八九十\d]+家)?(?:单位|部门)",
        r"|存在[^，,。；;]{0,14}(?:隐患|问题)的(?:单位|部门)",
        r"|[这该]?[两三四五六七八九十\d]+家(?:单位|企业)",
        r"|(?:被|受)(?:检查|抽查|督查)(?:的)?单位",
        r")"
    ))
    .expect("pointer regex")
});

/// `由县民政局负责的第1件` / `县发改局负责的第4件`: a unit answering for one item of a finding.
static ANSWERS_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，,、。；;由])([^，,、。；;：:由（）()\s]{2,20}?)负责的").expect("answers-for regex")
});

/// `心理健康教育中心、信息工程学院、数理学院不同程度均存在`: units listed before what was found.
static FOUND_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"([^，,。；;：:\s、]{2,24}(?:、[^，,。；;：:\s、]{2,24}?)+)",
        r"(?:等)?(?:[两三四五六七八九十\d]+家)?(?:单位)?(?:因|均|都|不同程度|存在|进展|未按|未能|仍未)"
    ))
    .expect("found-list regex")
});

/// The units the last finding in `text` names, in order; `None` when it names none.
fn named_in(text: &str) -> Option<Vec<String>> {
    let mut best: Option<(usize, Vec<String>)> = None;
    // The last sentence holding 负责的 items gives all of them.
    for sentence in text.split('。') {
        let at = sentence.as_ptr() as usize - text.as_ptr() as usize;
        let mut names: Vec<String> = Vec::new();
        for c in ANSWERS_FOR.captures_iter(sentence) {
            let name = &c[1];
            if is_unit(name) && !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
        if !names.is_empty() {
            best = Some((at, names));
        }
    }
    if let Some(m) = FOUND_LIST.captures_iter(text).last()
        && let Some(list) = m.get(1)
        && best.as_ref().is_none_or(|(at, _)| list.start() > *at)
    {
        let names: Vec<String> = list.as_str().split('、').map(str::to_owned).collect();
        if names.iter().all(|n| is_unit(n)) {
            best = Some((list.start(), names));
        }
    }
    best.map(|(_, names)| names)
}

/// Whether a directive names no unit of its own: none, or only the pointer's words.
fn unnamed(offices: &[String]) -> bool {
    offices.iter().all(|o| POINTER.is_match(o) || o.starts_with("以上") || o.starts_with("上述"))
}

/// Gives each requirement that points back at a finding the units it names. `preamble` is the
/// text before the first section.
pub fn resolve(sections: &mut [SectionDraft], preamble: &str) {
    // The text just above the section: a finding is read near its pointer, not over the notice.
    let mut above = near_end(preamble).to_owned();
    for section in sections.iter_mut() {
        for d in section.directives.iter_mut() {
            let head = clean_line(&d.text);
            // Most requirements hold none of the pointer's words: they skip the regex.
            let may_point = head.contains(['上', '存', '家', '被', '受']);
            let Some(pointer) = may_point.then(|| POINTER.find(head)).flatten() else { continue };
            let at = head[pointer.start()..]
                .find(|c: char| !"，,。；; ".contains(c))
                .map_or(pointer.start(), |k| pointer.start() + k);
            // The finding before the pointer, in the requirement's own words.
            let own = named_in(&head[..at]);
            // 其中,由县民政局负责的第1件…,请以上责任单位…: the units read from the finding's
            // first words (由县民政局负责) are some of the finding's, not the requirement's own.
            let from_finding = d.support_offices.is_empty()
                && own.as_ref().is_some_and(|n| d.offices.iter().all(|o| n.contains(o)));
            if !(d.offices.is_empty() && d.support_offices.is_empty() || unnamed(&d.offices) || from_finding)
            {
                continue;
            }
            // Or above it (where the requirement stands in its section is looked for only now:
            // it is rarely needed).
            let start: String = head.chars().take(12).collect();
            let earlier = section.text.find(&start).map_or("", |p| &section.text[..p]);
            let above_it = || named_in(near_end(earlier)).or_else(|| named_in(&above)).filter(|_| at == 0);
            let Some(units) = own.or_else(above_it) else { continue };
            let rest = head[at..].to_owned();
            d.units_phrase = Some(first_phrase(&rest).to_owned());
            if at > 0 {
                d.title = first_phrase(&rest).chars().take(30).collect();
                d.text = rest;
            }
            d.offices = units;
        }
        above = near_end(&section.text).to_owned();
    }
}

/// The last two thousand bytes of `text` or so, cut at a character's start.
fn near_end(text: &str) -> &str {
    let mut from = text.len().saturating_sub(2000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_units_a_finding_names() {
        assert_eq!(
            named_in(
                "其中,由县民政局负责的第1件、县发改局负责的第4件、县卫健局负责的第17件确定事项进展滞后,"
            ),
            Some(vec!["县民政局".to_owned(), "县发改局".to_owned(), "县卫健局".to_owned()])
        );
        assert_eq!(
            named_in(
                "抽查结果除基建处外,心理健康教育中心、信息工程学院、数理学院不同程度均存在线路杂乱现象。"
            ),
            Some(vec!["心理健康教育中心".to_owned(), "信息工程学院".to_owned(), "数理学院".to_owned()])
        );
        assert_eq!(named_in("各单位要加强巡查,做到早发现、早处置。"), None);
    }

    #[test]
    fn points_back_after_a_comma_or_at_the_start() {
        assert!(POINTER.is_match("进展滞后,请以上责任单位加快工作节奏"));
        assert!(POINTER.is_match("存在消防安全隐患的单位要迅速整改"));
        assert!(POINTER.is_match("两家单位整改工作必须在10月1日前完成"));
        assert!(!POINTER.is_match("各单位要切实提高消防安全意识"));
    }
}
