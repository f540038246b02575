//! 版面空格 — a PDF's text layer, or a page copied from one, keeps a space where each printed
//! line ended: `国务院安委 会各成员单位`, `并于 12 月 6 日前`. Such a space cuts a unit's name
//! and a date in two, so neither is read. When a text is spaced this way throughout (not a
//! page whose menu or fields are set apart by spaces, which has few), the spaces inside a
//! line between Chinese characters, and between a number and the Chinese next to it, are
//! dropped; a space before a field's label (`来源: …`) and a number's own space at a line's
//! start (`1 落实…`, an item whose point was lost) stay.

use std::borrow::Cow;

use super::text::is_han as han;

/// Whether the text is laid out in spaced lines: at least eight spaces between Chinese
/// characters, and at least one for every 80 Chinese characters.
pub fn is_spaced(text: &str) -> bool {
    let (mut spaced, mut chinese) = (0usize, 0usize);
    let mut window = [' ', ' ', ' '];
    for c in text.chars() {
        window = [window[1], window[2], c];
        if han(c) {
            chinese += 1;
            if window[1] == ' ' && han(window[0]) {
                spaced += 1;
            }
        }
    }
    spaced >= 8 && spaced * 80 >= chinese
}

/// A long line of a page copied without its line breaks (`…工作部署 会议要求,一是要…`, a
/// photo's caption run into the report): cut at each single space between Chinese characters,
/// where a line ended. Only in a text not spaced throughout (see [`is_spaced`]), and only lines of at
/// least [`LOST_BREAKS_MIN`] characters: a heading's space (`一、 总体要求`) is left.
pub fn lost_breaks(line: &str) -> Vec<&str> {
    // A table's row (cells set apart by |) keeps its spaces.
    if line.len() < LOST_BREAKS_MIN * 3 || line.chars().count() < LOST_BREAKS_MIN || line.contains('|') {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        // A sentence's end before the space is a paragraph's break the reader keeps anyway;
        // words with no end mark (a caption, a speaker's line) are where one was lost.
        let cut = c == ' '
            && prev.is_some_and(han)
            && next.is_some_and(han)
            && line[from..i].chars().count() >= 6
            && !after_article_number(&line[from..i]);
        if cut {
            out.push(&line[from..i]);
            from = i + 1;
        }
        prev = Some(c);
    }
    out.push(&line[from..]);
    out
}

/// `…制定本规定。第二条`: the words before a space end with an article's number, whose space
/// sets its text apart (no line break was lost there).
fn after_article_number(before: &str) -> bool {
    let Some(head) = before.strip_suffix(['条', '章']) else { return false };
    let numerals = head.len() - head.trim_end_matches(|c: char| "一二三四五六七八九十百零".contains(c)).len();
    numerals > 0 && head[..head.len() - numerals].ends_with('第')
}

/// Lines shorter than this keep their spaces (see [`lost_breaks`]).
const LOST_BREAKS_MIN: usize = 100;

/// A space that sets an item apart: before its number (`…责任 二、`) or after an article's
/// (`第一条 为了…`).
fn item_joint(before: &[char], after: &[char]) -> bool {
    let rest: String = after.iter().take(12).collect();
    let head: String = before.iter().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    let article = ['条', '章', '节'].iter().any(|e| head.ends_with(*e)) && head.contains('第');
    // …四项责任1 落实政府领导责任: a number that lost its point, unless a measure follows it
    // (12 月, 45 次).
    let number = head.ends_with(|c: char| c.is_ascii_digit())
        && !rest.starts_with(|c: char| c.is_ascii_digit() || "年月日号时点次个项条家人名余万亿".contains(c));
    article || number || super::numbering::marker_of(&rest).is_some()
}

/// The line with its layout spaces dropped.
pub fn join(line: &str) -> Cow<'_, str> {
    let chars: Vec<char> = line.chars().collect();
    let joins = |k: usize| {
        let (Some(&before), Some(&after)) = (chars.get(k.wrapping_sub(1)), chars.get(k + 1)) else {
            return false;
        };
        let word = |c: char| han(c) || c.is_ascii_digit();
        k >= 3
            && chars[k] == ' '
            && word(before)
            && word(after)
            && (han(before) || han(after))
            && !chars[k + 1..].iter().take(8).any(|&c| c == ':' || c == '：')
            && !item_joint(&chars[..k], &chars[k + 1..])
    };
    let headline = headline_space(line);
    if headline.is_none() && !(0..chars.len()).any(joins) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        chars
            .iter()
            .enumerate()
            .filter_map(|(k, &c)| match k {
                _ if Some(k) == headline => Some('。'),
                _ if joins(k) => None,
                _ => Some(c),
            })
            .collect(),
    )
}

/// `二、明确分工、合力推进 此次火灾隐患…`: an item's headline, then a space where its line ended
/// and the body began — the char index of that space (it becomes the headline's stop).
fn headline_space(line: &str) -> Option<usize> {
    let marker = super::numbering::marker_of(line)?;
    let rest = &line[marker.len..];
    let at = rest.find(' ')?;
    let head = &rest[..at];
    let n = head.chars().count();
    let plain = head.chars().all(|c| han(c) || matches!(c, '、' | '，' | ','));
    let body = rest[at..].trim_start();
    (plain && (4..=16).contains(&n) && body.starts_with(han) && body.chars().count() >= 10)
        .then(|| line[..marker.len].chars().count() + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_spaces_are_dropped_inside_a_line() {
        assert_eq!(join("国务院安委 会各成员单位,有关中央企业:"), "国务院安委会各成员单位,有关中央企业:");
        assert_eq!(
            join("请认真贯彻执行,并于 12 月 6 日前将年度工作总结报至"),
            "请认真贯彻执行,并于12月6日前将年度工作总结报至"
        );
        // A field's label and an item's number keep their space.
        assert_eq!(join("访问次数: 236 来源:政府办"), "访问次数: 236 来源:政府办");
        assert_eq!(join("1 落实消防安全责任"), "1 落实消防安全责任");
        assert_eq!(join("2023 Annual report"), "2023 Annual report");
        assert_eq!(join("落实四项责任 二、主要任务"), "落实四项责任 二、主要任务");
        assert_eq!(join("第一条 为了加强消防工作"), "第一条 为了加强消防工作");
        assert_eq!(join("四项责任1 落实政府领导责任"), "四项责任1 落实政府领导责任");
        // An item's headline ends where its line did.
        assert_eq!(
            join("二、明确分工、合力推进 此次火灾隐患集中整治涉及单位多"),
            "二、明确分工、合力推进。此次火灾隐患集中整治涉及单位多"
        );
    }

    #[test]
    fn only_a_text_spaced_throughout_is_joined() {
        assert!(!is_spaced("首页 政府信息公开 新闻中心\n各乡镇要开展消防安全检查,确保不发生火灾。"));
        let spaced = "全面深入贯彻落实党的二十大精神和习近平总书记关于 安全生产重要论述,按照党中央国务院、省委省政府、市委市 政府和县委县政府决策部署,坚持安全第一、预防为主,推动 建立大安全大应急框架。".repeat(3);
        assert!(is_spaced(&spaced));
    }
}
