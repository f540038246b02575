//! 结尾 — what follows the last requirement: 特此通知, 附件, signature, date, 出席/列席/记录 of
//! minutes, 联系人, 抄送. Also reads the notice's own date from it.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::norm::parse_digits;
use super::numbering::marker_of;
use super::units::{UnitRules, standalone};

/// Line openings that belong to the closing.
const PREFIXES: [&str; 20] = [
    "特此通知",
    "特此公告",
    "特此通告",
    "特此通报",
    "特此纪要",
    "特此函告",
    "附件",
    "出席",
    "列席",
    "缺席",
    "请假",
    "记录",
    "主持",
    "分送",
    "抄送",
    "抄报",
    "发送",
    "此件",
    "此页无正文",
    "印发",
];

/// How to reach the issuer (联系人：洪亮；联系电话：0571-…, 举报电话：12350): closing matter
/// wherever it stands.
const CONTACTS: [&str; 9] =
    ["联系人", "联系电话", "举报电话", "咨询电话", "电话", "传真", "电子邮箱", "邮箱", "联系方式"];

/// A contact line — a contact label and its colon — asks nothing of anyone.
pub fn is_contact(text: &str) -> bool {
    let t = super::text::clean_line(text);
    CONTACTS.iter().any(|l| t.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])))
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // 2024年4月10日 at the end of a line, or a line that is only a date written with
    // separators (2017、11、3, 2024.4.10, 2024-04-10).
    Regex::new(
        r"(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:印发|发布|制发)?$)|^(\d{4})\s*[、.．/-]\s*(\d{1,2})\s*[、.．/-]\s*(\d{1,2})\s*日?$",
    )
    .expect("date regex")
});

fn is_attachment(line: &str) -> bool {
    line.strip_prefix("附件").is_some_and(|r| {
        r.is_empty() || r.starts_with(['：', ':', ' ', '\u{3000}']) || r.starts_with(char::is_numeric)
    }) || line.strip_prefix('附').is_some_and(|r| r.starts_with(['：', ':']))
}

/// A document's title in an attachment list (`2.2024年石鱼镇防汛抗旱重点任务清单`).
fn attachment_title(line: &str) -> bool {
    const KINDS: [&str; 10] = ["清单", "表", "方案", "名单", "通知", "办法", "细则", "计划", "要点", "目录"];
    let Some(m) = marker_of(line) else { return false };
    // 2、《海陵区…统计表》: the title may stand in its book-title marks.
    let title = line[m.len..].trim().trim_end_matches(['；', ';', '，', ',', '》']);
    title.chars().count() <= 40 && !title.contains('。') && KINDS.iter().any(|k| title.ends_with(k))
}

/// The lines with the numbered titles listed under an 附件 line joined onto it (附件：1.森林
/// 防灭火重点任务清单 / 2.防汛抗旱重点任务清单), before the body or after it: they name
/// documents and ask nothing, and their numbers would be taken for the body's items. `None`
/// when there is no such list.
pub fn join_attachment_list(lines: &[&str]) -> Option<Vec<String>> {
    let at = lines.iter().position(|l| is_attachment(l))?;
    let n = lines[at + 1..].iter().take_while(|l| attachment_title(l)).count();
    if n == 0 {
        return None;
    }
    let joined = lines[at..=at + n].join(" ");
    let mut out: Vec<String> = lines[..at].iter().map(|l| (*l).to_owned()).collect();
    out.push(joined);
    out.extend(lines[at + 1 + n..].iter().map(|l| (*l).to_owned()));
    Some(out)
}

/// Whether `line` reads as closing matter rather than a requirement.
fn is_closing_like(line: &str) -> bool {
    let bare = line.trim_start_matches(['（', '(']);
    // …有效遏制学生溺水事故的发生。2023年6月30日: a page copied as one line ends its text with
    // the date; the line is the text, not a closing.
    let dated = DATE.is_match(line) && (line.chars().count() <= 40 || !line.contains('。'));
    if PREFIXES.iter().chain(&CONTACTS).any(|p| bare.starts_with(p)) || dated {
        return true;
    }
    // 会议要求,要整治辖区内违规使用可: a page cut inside a requirement is no closing.
    // 各部门、各单位要立即开展节: nor inside a subject's requirement.
    let short = line.chars().count() <= 30
        && !line.contains("要求")
        && !line.contains(",要")
        && !line.contains("，要")
        && (!line.contains('要') || super::subject::modal_subject(line).is_none());
    let ends_sentence = line.contains(['。', '；', ';', '！', '？']) || line.ends_with(['：', ':']);
    short && !ends_sentence && marker_of(line).is_none() && standalone(line, UnitRules::default()).is_none()
}

/// Where the closing starts among `lines` (the body after the first section heading):
/// the trailing run of closing lines, from an 附件 line on at the latest.
pub fn closing_start(lines: &[&str]) -> usize {
    let mut start = lines.len();
    // 抄送:县委办公室,…,县纪委, / 县法院,县检察院,县人武部。: a copy list run over two lines.
    let copied = |at: usize| {
        at >= 1
            && ["抄送", "抄报", "分送"].iter().any(|p| lines[at - 1].starts_with(p))
            && !lines[at - 1].trim_end().ends_with('。')
    };
    while start > 1 && (is_closing_like(lines[start - 1]) || copied(start - 1)) {
        start -= 1;
    }
    if let Some(a) = lines.iter().skip(1).position(|l| is_attachment(l)) {
        start = start.min(a + 1);
    }
    while start > 1 && is_closing_like(lines[start - 1]) {
        start -= 1;
    }
    start
}

/// The date a notice gives itself: the last date line of its closing.
pub fn notice_date(closing: &[&str]) -> Option<NaiveDate> {
    closing.iter().rev().find_map(|l| {
        let c = DATE.captures(l.trim())?;
        let part = |i: usize| c.get(i).or_else(|| c.get(i + 3)).and_then(|m| parse_digits(m.as_str()));
        let year = i32::try_from(part(1)?).ok()?;
        NaiveDate::from_ymd_opt(year, part(2)?, part(3)?)
    })
}

/// `请根据本预案的要求制定切实可行的专项应急预案`: a covering 请 that asks for work of its
/// own (a plan to draw up, a list to fill in, a check to make), not only that the document be
/// carried out (请认真贯彻执行, 请遵照执行, 请结合实际抓好落实).
pub fn asks_own_work(sentence: &str) -> bool {
    const WORK: [&str; 8] = ["制定", "制订", "填写", "填报", "排查", "自查", "梳理", "建立"];
    WORK.iter().any(|w| sentence.contains(w))
}

/// `请全区各中小学…遵照文件精神,务必认真贯彻执行,确保…安全。`: a covering 请 that asks only
/// that the document passed on be carried out — the work is the document's, not this sentence's.
pub fn only_carry_out(sentence: &str) -> bool {
    const CARRY_OUT: [&str; 4] = ["贯彻执行", "遵照执行", "认真执行", "遵照文件精神"];
    // 请各县(市)区立即以政府明令的形式贯彻执行,并加大宣传广度,…: work of its own after 并.
    let more_work = |after: &str| {
        after
            .split(['，', ','])
            .any(|c| c.starts_with('并') && !["落实", "执行", "遵照"].iter().any(|x| c.contains(x)))
    };
    sentence.starts_with('请')
        && !asks_own_work(sentence)
        && CARRY_OUT.iter().any(|w| sentence.find(w).is_some_and(|at| !more_work(&sentence[at + w.len()..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_signature_attachments_and_date() {
        let lines = [
            "一、规范格式。",
            "三、加强督办。（责任处室：办公室）",
            "特此通知。",
            "附件：1. 问题清单",
            "2. 统计表",
            "辽宁省消防救援总队办公室",
            "2024年4月10日",
            "（联系人：周某某，电话：024-00000000）",
        ];
        let start = closing_start(&lines);
        assert_eq!(start, 2);
        assert_eq!(notice_date(&lines[start..]), NaiveDate::from_ymd_opt(2024, 4, 10));
    }

    #[test]
    fn an_announcements_formula_closes_it() {
        for formula in ["特此公告。", "特此通告。", "特此通报。"] {
            let lines = ["四、上报资料至县住建局301室,截止时间为2024年9月30日。", formula, "附件1:项目名单"];
            assert_eq!(closing_start(&lines), 1, "{formula}");
        }
    }

    #[test]
    fn requirements_and_unit_lines_are_not_closing() {
        let lines = ["一、加强宣传", "8. 组织开展教育。", "责任部门：宣传科、各大队"];
        assert_eq!(closing_start(&lines), 3);
        assert_eq!(closing_start(&["二、工作要求", "各大队要高度重视。（责任单位：各大队）"]), 2);
        // A page cut inside a subject's requirement is no signature.
        assert_eq!(closing_start(&["二、开展一次节前大检查", "各部门、各单位要立即开展节"]), 2);
        assert_eq!(closing_start(&["二、开展一次节前大检查", "县安全生产委员会办公室"]), 1);
        assert_eq!(
            notice_date(&["支队办公室        2024年3月13日印发"]),
            NaiveDate::from_ymd_opt(2024, 3, 13)
        );
        assert_eq!(notice_date(&["2024年3月12日，召开会议。"]), None);
    }

    #[test]
    fn a_copy_list_run_over_two_lines_is_closing() {
        let lines =
            ["一、开展演练。", "抄送:县委办公室,县人大常委会办公室,县纪委,", "县法院,县检察院,县人武部。"];
        assert_eq!(closing_start(&lines), 1);
        let ended = ["一、开展演练。", "抄送:县委办公室。", "二、县法院要加强值守,县检察院要做好配合。"];
        assert_eq!(closing_start(&ended), 3, "a list that ended is no run-over");
    }
}
