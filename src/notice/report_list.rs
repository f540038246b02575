//! 工作汇报 — a paragraph that lists what was done (`一是明确检查要求抓部署,区安委办制定文件…
//! 二是强化隐患整改抓推进,区安委办下达督导通报…`) reads like a list of requirements but
//! assigns nothing: no one is asked to do anything (no 要, 必须, 务必, 应当, 请) and nothing
//! above it leads in (会议要求：, 提出三点要求). Such a list is a report; its items are not
//! directives. A list after a lead-in keeps its items even with no modal (一是提高站位，压实责任).

/// Words that make a clause ask something of someone.
const MODALS: [&str; 6] = ["必须", "务必", "务要", "应当", "请", "不得"];
/// Characters before 要 that make it part of a word (需要, 重要, 主要, 纪要…), not a modal.
const NOT_MODAL_BEFORE: &str = "需重主只纪摘概提简想";

/// Whether `text` asks anything of anyone.
pub fn has_modal(text: &str) -> bool {
    if MODALS.iter().any(|m| text.contains(m)) {
        return true;
    }
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '要' && chars.peek() != Some(&'求') && !prev.is_some_and(|p| NOT_MODAL_BEFORE.contains(p)) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Whether a paragraph is a list of work done: it opens with 一是, asks nothing, and the
/// paragraph before it does not lead in to it.
pub fn is_report(paragraph: &str, before: Option<&str>) -> bool {
    let p = super::text::clean_line(paragraph);
    let led = before.is_some_and(|b| {
        let b = super::text::clean_line(b);
        b.ends_with(['：', ':'])
            || ["要求", "强调", "指出", "部署", "提出", "批示", "议定"].iter().any(|w| b.contains(w))
    });
    p.starts_with("一是") && !led && !has_modal(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_work_done_is_a_report() {
        let done = "一是明确检查要求抓部署,区安委办制定文件明确督导检查工作要求。二是强化隐患整改抓推进,区安委办下达督导通报,对需要一定时间整改的隐患落实措施,确保整改到位。";
        assert!(is_report(done, None));
        assert!(!is_report(done, Some("会议提出三点要求:")));
        assert!(!is_report("一是要明确责任。二是要加强检查。", None));
        assert!(!is_report("一是各乡镇必须落实责任。二是加强检查。", None));
        assert!(!is_report("会议要求,一是明确责任;二是加强检查。", None));
        assert!(has_modal("各单位不要麻痹"));
        assert!(!has_modal("主要领导重要讲话纪要"));
    }
}
