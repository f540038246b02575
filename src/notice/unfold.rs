//! 一行到底 — a page copied without its line breaks (a PDF's text layer, a document site's
//! excerpt) keeps its numbered items inside one long line: `…责任状:一、各乡(镇)责任目标(一)落实
//! 政府消防工作责任。…(二)严格控制火灾事故。…`. The outline reads numbers at the start of a line,
//! so such a text had no items at all. When no more than one line of the text opens with a
//! number, each long line is cut before the markers that count up by one from 1 in one style
//! (`第一条 …第二条 `, `一、…二、`, `(一)…(二)`, `1.…2.`, and `1 落实…2 落实…` whose number lost its point), at
//! least two of them; a number after 第 or another digit (第一、二季度, 1、2月) is no marker.

use super::numbering::{Kind, Marker, Sequence, marker_of};

/// A line shorter than this is left as it is (a heading, a sentence with `(一)` in it).
const LONG: usize = 200;

/// The text's lines with the long ones cut at their items, or `None` when nothing is cut.
pub fn unfold(lines: &[&str]) -> Option<Vec<String>> {
    if lines.iter().filter(|l| marker_of(l.trim()).is_some()).count() > 1 {
        return None;
    }
    let mut cut_any = false;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let cuts = if line.chars().count() >= LONG { cuts(line) } else { Vec::new() };
        let Some(first) = cuts.first() else {
            out.push((*line).to_owned());
            continue;
        };
        cut_any = true;
        out.push(line[..first.0].trim().to_owned());
        for (k, (at, spaced)) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).map_or(line.len(), |next| next.0);
            let item = &line[*at..end];
            out.push(match spaced {
                // `1 落实…`: the number's point, lost in the copy, put back for the outline.
                Some(digits) => format!("{}.{}", &item[..*digits], item[*digits..].trim()),
                None => item.trim().to_owned(),
            });
        }
    }
    out.retain(|l| !l.is_empty());
    cut_any.then_some(out)
}

/// Byte offsets in `line` to cut before, in order, each with the length of its number's digits
/// when the number stood without its point (`1 落实`).
fn cuts(line: &str) -> Vec<(usize, Option<usize>)> {
    // Every place a marker could start, with its style and value.
    let mut found: Vec<(usize, Kind, u32, Option<usize>)> = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in line.char_indices() {
        let after_number = prev.is_some_and(|p| p == '第' || p.is_ascii_digit() || p == '.');
        // 第二条 本规定适用于…: a regulation's articles run together on one line, too.
        let may_open =
            matches!(c, '(' | '（' | '①'..='⑳' | '0'..='9' | '第') || "一二三四五六七八九十".contains(c);
        if !after_number && may_open {
            // A marker is a few characters: read no further (a long line stays linear).
            let rest = &line[at..];
            let rest = rest.char_indices().nth(12).map_or(rest, |(end, _)| &rest[..end]);
            // 统一、规范: a 一、 inside a word is no number.
            let in_word = prev.is_some_and(super::text::is_han);
            if let Some(m) = marker_of(rest).filter(|m| !(m.kind == Kind::Chinese && in_word)) {
                found.push((at, m.kind, m.value, None));
            } else if let Some((value, digits)) = spaced_number(rest) {
                found.push((at, Kind::Arabic, value, Some(digits)));
            }
        }
        prev = Some(c);
    }
    // The styles that count up by one from 1 somewhere in the line, at least twice.
    let styles: Vec<Kind> =
        [Kind::Article, Kind::Chinese, Kind::ParenChinese, Kind::Arabic, Kind::ParenArabic]
            .into_iter()
            .filter(|kind| {
                let mut next = 1;
                for (_, k, value, _) in &found {
                    next += u32::from(k == kind && *value == next);
                }
                next > 2
            })
            .collect();
    let Some(top) = styles.iter().min().copied() else { return Vec::new() };
    // Then read as the outline reads lines: the outermost style counts up, inner ones restart
    // at 1 under each of its items.
    let mut sequence = Sequence::new(top);
    let mut started = false;
    found
        .into_iter()
        .filter(|(at, kind, value, _)| {
            // The outermost count starts at 1 (a 二、 in the text before it is text).
            started |= *kind == top && *value == 1;
            let colon = line[..*at].trim_end().ends_with(['：', ':']);
            started
                && styles.contains(kind)
                && sequence.accept_after(Marker { kind: *kind, value: *value, len: 0 }, colon)
        })
        .map(|(at, _, _, spaced)| (at, spaced))
        .collect()
}

/// `1 落实政府领导责任` — a number, one space, and a Chinese character: the number and its
/// digits' length.
fn spaced_number(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let mut rest = s[digits..].chars();
    let cjk = super::text::is_han;
    if rest.next() != Some(' ') || !rest.next().is_some_and(cjk) {
        return None;
    }
    Some((s[..digits].parse().ok()?, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_line_page_is_cut_at_its_items() {
        let line = format!(
            "{}下达以下责任状:一、各乡(镇)责任目标(一)落实政府消防工作责任。各乡(镇)政府要明确责任。\
             (二)严格控制火灾事故。本行政区域年内不发生较大火灾。(三)落实消防规划编制。加强编制。\
             二、市直单位责任目标(一)落实部门责任。",
            "为贯彻执行消防工作方针，进一步加强我市消防工作，市政府决定".repeat(6)
        );
        let out = unfold(&[&line]).expect("cut");
        let starts: Vec<&str> = out.iter().map(|l| l.split('。').next().unwrap_or("")).collect();
        assert_eq!(
            &starts[1..],
            [
                "一、各乡(镇)责任目标",
                "(一)落实政府消防工作责任",
                "(二)严格控制火灾事故",
                "(三)落实消防规划编制",
                "二、市直单位责任目标",
                "(一)落实部门责任",
            ]
        );
    }

    #[test]
    fn a_number_that_lost_its_point_gets_it_back() {
        let filler = "各地政府要将消防工作纳入本地经济和社会进展计划并制定实施消防进展规划。".repeat(4);
        let line = format!("(一)落实四项责任1 落实政府领导责任。{filler}2 落实部门监管责任。{filler}");
        let out = unfold(&[&line]).expect("cut");
        assert!(out[1].starts_with("1.落实政府领导责任。"), "{out:?}");
        assert!(out[2].starts_with("2.落实部门监管责任。"), "{out:?}");
    }

    #[test]
    fn text_with_lines_and_short_or_lone_numbers_stays() {
        let filler = "要进一步加强消防工作，".repeat(20);
        // 第一、二季度, 1、2月 and 统一、二次 are not items; one (一) alone is not a run.
        let line = format!("{filler}第一、二季度完成。1、2月份检查。统一、二次检查。(一)是重点。{filler}");
        assert_eq!(unfold(&[&line]), None);
        // A text whose lines open with numbers keeps its own lines.
        let items = ["一、总体要求", "二、主要任务", &format!("{filler}(一)甲。(二)乙。")];
        assert_eq!(unfold(&items), None);
    }
}
