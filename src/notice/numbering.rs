//! 序号 — the numbers that open a line: 一、 / （一） / 1. or 1、 / （1） / ①, in either
//! character width, and the order they nest in; and a regulation's 第一章 / 第一条 (a 责任制
//! 实施办法 assigns its duties article by article), outside all of them.

use super::norm::parse_digits;
use super::text::chinese_number;

/// Numbering styles, outermost first (the order of GB/T 9704).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// 第一章 (followed by a space)
    Chapter,
    /// 第一条 (followed by a space)
    Article,
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1. 1、 1．
    Arabic,
    /// （1）
    ParenArabic,
    /// ①
    Circled,
}

impl Kind {
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A number at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub kind: Kind,
    pub value: u32,
    /// Bytes of the line the number takes, with its punctuation and any space after it.
    pub len: usize,
}

impl Marker {
    /// The number as a label: 一, 1 (no brackets or punctuation).
    pub fn label(self) -> String {
        match self.kind {
            Kind::Chapter | Kind::Article | Kind::Chinese | Kind::ParenChinese => chinese_label(self.value),
            _ => self.value.to_string(),
        }
    }
}

pub(super) fn chinese_label(v: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, unit) = ((v / 10) as usize, (v % 10) as usize);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(D.get(tens).copied().unwrap_or(""));
    }
    if tens >= 1 {
        s.push('十');
    }
    s.push_str(D[unit]);
    s
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `2009年底前，完成…`: an item that opens with a year (`1.2009年底前`) is numbered, where
/// `1.5万元` is a decimal.
fn opens_with_year(s: &str) -> bool {
    let digits = s.chars().take_while(|c| is_digit(*c)).count();
    digits == 4 && s.chars().nth(4) == Some('年')
}

/// `第三条 市、县两级…`, `第二章 职责`: a regulation's article or chapter, its number in
/// Chinese numerals and a space after it (`第三条规定的` is a reference, not an article).
fn article_of(line: &str) -> Option<Marker> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(['条', '章'])?;
    let value = chinese_number(&rest[..end]).filter(|_| rest[..end].chars().count() <= 4)?;
    let kind = if rest[end..].starts_with('条') { Kind::Article } else { Kind::Chapter };
    let after = &rest[end + '条'.len_utf8()..];
    let text = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if text.len() == after.len() || text.is_empty() {
        return None;
    }
    Some(Marker { kind, value, len: line.len() - text.len() })
}

/// The number opening `line` (already trimmed), if any.
pub fn marker_of(line: &str) -> Option<Marker> {
    if let Some(m) = article_of(line) {
        return Some(m);
    }
    let first = line.chars().next()?;
    let (kind, value, end) = if ('①'..='⑳').contains(&first) {
        (Kind::Circled, first as u32 - '①' as u32 + 1, first.len_utf8())
    } else if is_open(first) {
        let inner_start = first.len_utf8();
        let close = line[inner_start..].find(is_close)? + inner_start;
        let inner = &line[inner_start..close];
        let end = close + line[close..].chars().next()?.len_utf8();
        if !inner.is_empty() && inner.chars().count() <= 2 && inner.chars().all(is_digit) {
            (Kind::ParenArabic, parse_digits(inner)?, end)
        } else {
            (Kind::ParenChinese, chinese_number(inner)?, end)
        }
    } else if is_digit(first) {
        let digits_end = line.find(|c: char| !is_digit(c))?;
        let punct = line[digits_end..].chars().next()?;
        let after = line[digits_end + punct.len_utf8()..].chars().next();
        let rest = &line[digits_end + punct.len_utf8()..];
        if digits_end > 6
            || !matches!(punct, '.' | '．' | '、')
            || (after.is_some_and(is_digit) && !opens_with_year(rest))
        {
            return None;
        }
        (Kind::Arabic, parse_digits(&line[..digits_end])?, digits_end + punct.len_utf8())
    } else {
        let (number, _) = line.split_once('、')?;
        // 四 、违反本通告规定的: a space a page's layout left before the mark.
        let number = number.trim_end_matches([' ', '\u{3000}']);
        if number.chars().count() > 3 {
            return None;
        }
        let mark = line[number.len()..].find('、')? + number.len();
        (Kind::Chinese, chinese_number(number)?, mark + '、'.len_utf8())
    };
    let rest = &line[end..];
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if trimmed.is_empty() && kind != Kind::Chinese {
        return None;
    }
    Some(Marker { kind, value, len: end + rest.len() - trimmed.len() })
}

/// A line that is a number and nothing else (`（一）` where a copied page stops).
pub fn is_bare_marker(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 6 && marker_of(&format!("{line}题")).is_some_and(|m| m.len == line.len())
}

/// Keeps the numbers that follow on: the outermost style may start anywhere and then counts
/// up by one; inner styles restart at 1 or continue the last number of their style (items
/// numbered straight through several sections). Others are body text.
pub struct Sequence {
    last: [Option<u32>; 7],
    top: Kind,
}

impl Sequence {
    pub fn new(top: Kind) -> Sequence {
        Sequence { last: [None; 7], top }
    }

    /// [`Sequence::accept`], where the words before `m` end with a colon that leads in to a list
    /// of its own (…并就下一步工作提出四点意见:一、…): an outermost 一 there starts the count again.
    pub fn accept_after(&mut self, m: Marker, after_colon: bool) -> bool {
        if after_colon && m.kind == self.top && m.value == 1 && self.last[m.kind.index()].is_some() {
            *self = Sequence::new(self.top);
        }
        self.accept(m)
    }

    /// Whether `m` is a real number here; records it if so.
    pub fn accept(&mut self, m: Marker) -> bool {
        if m.kind < self.top {
            return false;
        }
        let last = self.last[m.kind.index()];
        let ok = if m.kind == self.top {
            last.is_none_or(|l| m.value == l + 1)
        } else {
            m.value == 1 || last.is_some_and(|l| m.value == l + 1)
        };
        if ok {
            self.last[m.kind.index()] = Some(m.value);
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_value(line: &str) -> Option<(Kind, u32, &str)> {
        marker_of(line).map(|m| (m.kind, m.value, &line[m.len..]))
    }

    #[test]
    fn reads_every_style_in_both_widths() {
        assert_eq!(kind_value("一、总体要求"), Some((Kind::Chinese, 1, "总体要求")));
        assert_eq!(kind_value("十二、其他"), Some((Kind::Chinese, 12, "其他")));
        assert_eq!(kind_value("（三）高层建筑。"), Some((Kind::ParenChinese, 3, "高层建筑。")));
        assert_eq!(kind_value("(二)商场"), Some((Kind::ParenChinese, 2, "商场")));
        assert_eq!(kind_value("1. 开展检查"), Some((Kind::Arabic, 1, "开展检查")));
        assert_eq!(kind_value("12、开展检查"), Some((Kind::Arabic, 12, "开展检查")));
        assert_eq!(kind_value("３．开展检查"), Some((Kind::Arabic, 3, "开展检查")));
        assert_eq!(kind_value("（2）抽查"), Some((Kind::ParenArabic, 2, "抽查")));
        assert_eq!(kind_value("(１０)抽查"), Some((Kind::ParenArabic, 10, "抽查")));
        assert_eq!(kind_value("④ 抽查"), Some((Kind::Circled, 4, "抽查")));
        assert_eq!(kind_value("1.2009年底前,完成建设"), Some((Kind::Arabic, 1, "2009年底前,完成建设")));
        assert_eq!(
            kind_value("第三条  市县两级应急管理部门"),
            Some((Kind::Article, 3, "市县两级应急管理部门"))
        );
        assert_eq!(kind_value("第二章 职责"), Some((Kind::Chapter, 2, "职责")));
        assert_eq!(kind_value("第十二条　各部门"), Some((Kind::Article, 12, "各部门")));
    }

    #[test]
    fn ordinary_text_is_not_numbered() {
        for line in [
            "2024年3月1日",
            "1.5万元",
            "3、4月份开展",
            "（责任单位：队务处）",
            "（详见附件）",
            "一是要强化",
            "是、否",
            "第三条规定的情形",
            "第一,要强化",
        ] {
            assert_eq!(marker_of(line), None, "{line}");
        }
    }

    #[test]
    fn sequence_accepts_run_on_numbers_and_refuses_jumps() {
        let m = |kind, value| Marker { kind, value, len: 0 };
        let mut seq = Sequence::new(Kind::Chinese);
        assert!(seq.accept(m(Kind::Chinese, 1)));
        assert!(seq.accept(m(Kind::Arabic, 1)));
        assert!(seq.accept(m(Kind::Arabic, 2)));
        assert!(seq.accept(m(Kind::Chinese, 2)));
        assert!(seq.accept(m(Kind::Arabic, 3)), "runs on across sections");
        assert!(!seq.accept(m(Kind::Arabic, 7)));
        assert!(!seq.accept(m(Kind::Chinese, 5)));
        assert!(seq.accept(m(Kind::Arabic, 1)), "restarts");
        assert_eq!(m(Kind::Chinese, 23).label(), "二十三");
    }
}
