//! 网页残留 — the lines a web page adds around a notice copied from it (当前位置, 发布时间,
//! 字号 大 中 小, 打印本页, 关闭窗口, 责任编辑, 版权所有, 电话…). They are dropped before
//! parsing; the publication date is kept as the notice's date when it gives none itself.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// Lines that only a web page has: always dropped.
const STRONG: [&str; 22] = [
    "当前位置",
    "您的位置",
    "您现在的位置",
    "现在位置",
    "所在位置",
    "发布时间",
    "发布日期",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "点击数",
    "字号",
    "打印本页",
    "【打印",
    "关闭窗口",
    "【关闭",
    "分享到",
    "上一篇",
    "下一篇",
    "责任编辑",
    "版权所有",
    "网站标识码",
];
/// Words that end a web page anywhere on the line.
const STRONG_ANYWHERE: [&str; 5] = ["ICP备", "打印本页", "关闭窗口", "Copyright", "版权所有"];
/// Lines dropped only when the text is a web page (they also occur in real notices).
const WEAK: [&str; 11] =
    ["来源", "信息来源", "作者", "编辑", "审核", "校对", "电话", "地址", "主办", "承办", "技术支持"];

static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]{0,200}>").expect("markup regex"));

/// Tags that end a block of a page (a paragraph, a line break, a list item, a cell's row).
static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:p|div|li|br|tr|h[1-6]|section)\b[^<>]{0,200}>").expect("block markup regex")
});

/// A line copied with a page's source split where its blocks end (`…提出了工作要求:</p><p
/// class="ql-block">一是…`): each paragraph on a line of its own, as the page shows it.
pub fn split_blocks(line: &str) -> Vec<&str> {
    if !line.contains('<') {
        return vec![line];
    }
    BLOCK.split(line).filter(|p| !p.trim().is_empty()).collect()
}

/// A line without HTML tags (`<b>一是…</b>` copied with a page's source).
pub fn strip_markup(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains('<') { MARKUP.replace_all(line, "") } else { std::borrow::Cow::Borrowed(line) }
}

/// A line without a forum's anti-copy noise (`1 h) V5 X% d4 G: Y- @3 n. m9 X 会议要求,…`,
/// `…基础。/ G6 a/ ]( A' C* d9 O2 R/ R& t`): a run of short ASCII tokens with symbols at the
/// line's start or end, before the first or after the last character of the text.
pub fn without_jammer(line: &str) -> &str {
    let noise = |run: &str| {
        let symbols = run.chars().filter(|c| ")(%:@*&]['/-".contains(*c)).count();
        run.len() >= 10 && run.matches(' ').count() >= 4 && symbols >= 2
    };
    let mut line = line;
    let head = line.len() - line.trim_start_matches(|c: char| c.is_ascii()).len();
    if head > 0 && noise(&line[..head]) {
        line = &line[head..];
    }
    let tail = line.trim_end_matches(|c: char| c.is_ascii()).len();
    if tail < line.len() && noise(&line[tail..]) {
        line = &line[..tail];
    }
    line
}

/// The lines without a repeat of an earlier line (a page that shows its text twice), nor a
/// teaser cut short before the whole paragraph (a news page's lead, then its text); short lines
/// (a signature, a date) may repeat.
pub fn without_repeats<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    // (Spaces aside: the whole paragraph may have been cut where its line breaks were lost.)
    let words = |l: &str| l.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let teaser = |k: usize| {
        // Most lines start otherwise than the next: their first characters tell at no cost.
        let first = |l: &str| l.chars().filter(|c| !c.is_whitespace()).take(4).collect::<String>();
        let next = lines.get(k + 1).map(|l| first(l)).unwrap_or_default();
        if next.chars().count() < 4 || first(lines[k]) != next {
            return false;
        }
        let t = words(lines[k].trim_end_matches(['\u{fffd}', '…', '.', '。']));
        t.chars().count() >= 12 && {
            let after: String = lines.iter().skip(k + 1).take(3).map(|l| words(l)).collect();
            after.len() > t.len() && after.starts_with(&t)
        }
    };
    (0..lines.len())
        .filter(|&k| !teaser(k))
        .map(|k| lines[k])
        .filter(|l| l.chars().count() < 12 || seen.insert(*l))
        .collect()
}

/// `1.jpg`, `图片2.png`: a page's picture left as its file's name (read as an item `1.`).
fn is_image_name(line: &str) -> bool {
    let t = line.trim().to_ascii_lowercase();
    t.chars().count() <= 24
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"].iter().any(|e| t.ends_with(e))
}

fn is_strong(line: &str) -> bool {
    STRONG.iter().any(|w| line.starts_with(w)) || STRONG_ANYWHERE.iter().any(|w| line.contains(w))
}

fn is_weak(line: &str) -> bool {
    WEAK.iter().any(|w| line.strip_prefix(w).is_some_and(|rest| rest.starts_with(['：', ':'])))
}

/// A page's legal notice (`版权声明:` then `1.凡本网注明…`, `【免责声明】本站…`): what it says
/// and everything after it is the site's, not the text's. Its numbered clauses were read as
/// the text's items.
const NOTICE_OF_RIGHTS: [&str; 3] = ["版权声明", "免责声明", "版权及免责声明"];

fn opens_notice_of_rights(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['【', '[', '〔']);
    NOTICE_OF_RIGHTS.iter().any(|w| t.starts_with(w))
}

/// The lines without page chrome, and the page's publication date if it shows one.
pub fn strip_chrome<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Option<NaiveDate>) {
    let published = super::page_date::of_page(lines);
    // The first line is the title, whatever it says.
    let end = lines.iter().skip(1).position(|l| opens_notice_of_rights(l)).map_or(lines.len(), |k| k + 1);
    let lines = &lines[..end];
    let web_page = lines.iter().any(|l| is_strong(l));
    if !web_page {
        return (lines.to_vec(), published);
    }
    let kept = lines.iter().copied().filter(|l| !is_strong(l) && !is_weak(l) && !is_image_name(l)).collect();
    (kept, published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teaser_cut_short_before_its_paragraph_is_dropped() {
        let lines = [
            "本报综合讯 为切实做好岁末年初学校安全工作,教育部督导局近日印发通知,要求各地教育部",
            "本报综合讯",
            "为切实做好岁末年初学校安全工作,教育部督导局近日印发通知,要求各地教育部门和学校要高度重视。",
        ];
        assert_eq!(without_repeats(&lines), lines[1..]);
        let distinct = ["各乡镇要加强巡查,确保安全。", "各乡镇要加强值守,确保安全。"];
        assert_eq!(without_repeats(&distinct), distinct);
    }

    #[test]
    fn a_forums_anti_copy_noise_is_cut_from_the_line() {
        assert_eq!(
            without_jammer("1 h) V5 X% d4 G: Y- @3 n. m9 X 会议要求,提高认识。"),
            "会议要求,提高认识。"
        );
        assert_eq!(without_jammer("打牢基础。/ G6 a/ ]( A' C* d9 O2 R/ R& t"), "打牢基础。");
        assert_eq!(without_jammer("3 l4 x* P5 x k: ]' W"), "");
        assert_eq!(
            without_jammer("1. 加强值班 (24 h)"),
            "1. 加强值班 (24 h)",
            "a numbered line keeps its words"
        );
        assert_eq!(without_jammer("请于5月1日前报送 (Tel: 0571-888)"), "请于5月1日前报送 (Tel: 0571-888)");
    }

    #[test]
    fn a_pages_blocks_become_lines() {
        assert_eq!(
            split_blocks(r#"<p class="ql-block">提出了工作要求:</p><p class="ql-block">一是深化认识。</p>"#),
            ["提出了工作要求:", "一是深化认识。"]
        );
        assert_eq!(split_blocks("第一行<br/>第二行"), ["第一行", "第二行"]);
        assert_eq!(split_blocks("<b>一是</b>加强"), ["<b>一是</b>加强"], "an inline tag stays");
        assert_eq!(split_blocks("a < b"), ["a < b"]);
    }

    #[test]
    fn drops_page_chrome_and_keeps_the_date() {
        let lines = [
            "当前位置：首页 > 通知公告",
            "关于做好防火工作的通知",
            "发布时间：2024-01-08 09:30  来源：支队  字号：大 中 小",
            "一、加强检查。",
            "【打印本页】 【关闭窗口】",
            "责任编辑：李某",
            "电话：0000-1234",
        ];
        let (kept, published) = strip_chrome(&lines);
        assert_eq!(kept, ["关于做好防火工作的通知", "一、加强检查。"]);
        assert_eq!(published, NaiveDate::from_ymd_opt(2024, 1, 8));
    }

    #[test]
    fn a_notice_keeps_its_contact_line() {
        let lines = ["一、加强检查。", "联系人：张某", "电话：0000-1234"];
        assert_eq!(strip_chrome(&lines).0, lines);
    }

    #[test]
    fn a_pages_legal_notice_and_what_follows_it_are_dropped() {
        let lines = [
            "全市36处重大火灾隐患挂牌督办",
            "各县区要对照目标责任书开展自查。",
            "责任编辑:yss",
            "版权声明:",
            "1.凡本网注明“来源:驻马店网”的所有作品,均为本网合法拥有版权的作品。",
            "2.凡本网注明“来源:XXX”的作品,均转载自其他媒体。",
        ];
        assert_eq!(
            strip_chrome(&lines).0,
            ["全市36处重大火灾隐患挂牌督办", "各县区要对照目标责任书开展自查。"]
        );
        let lines = ["标题", "一、加强检查。", "【免责声明】本站部分信息来源于互联网", "二、其他"];
        assert_eq!(strip_chrome(&lines).0, ["标题", "一、加强检查。"]);
    }
}
