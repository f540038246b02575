//! 工作汇报 — a paragraph that lists what was done (`一是明确检查要求抓部署,区安委办制定文件…
//! 二是强化隐患整改抓推进,区安委办下达督导通报…`) reads like a list of requirements but
//! assigns nothing: no one is asked to do anything (no 要, 必须, 务必, 应当, 请) and nothing
//! above it leads in (会议要求：, 提出三点要求). Such a list is a report; its items are not
//! directives. A list after a lead-in keeps its items even with no modal (一是提高站位，压实责任).

/// Words that make a clause ask something of someone.
const MODALS: [&str; 5] = ["必须", "务必", "务要", "应当", "不得"];
/// Characters before 请 that make it part of a word (提请, 报请, 申请, 邀请…): what the writer
/// did or asked of those above, not a request to a unit.
const NOT_PLEASE_BEFORE: &str = "提报申邀聘";
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
        if c == '请' && chars.peek() != Some(&'示') && !prev.is_some_and(|p| NOT_PLEASE_BEFORE.contains(p))
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// A goal, not a task (一是消防安全突出风险得到明显整治。…2022年底前,风险明显减少): an
/// ordinal item whose first sentence states an outcome and that asks nothing.
pub fn is_goal(item: &str) -> bool {
    static OUTCOME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[^。；;]*(?:得到|实现|取得)(?:明显|有效|显著|全面|根本性?|进一步|较大)?(?:整治|加强|优化|提升|改善|遏制|增强|提高|好转|改观|减少|突破|成效)[。；;]?",
        )
        .expect("outcome regex")
    });
    OUTCOME.is_match(item) && !has_modal(item)
}

/// A sentence that states where things will stand (`2022年底前,监测预警平台基本建成`), asking
/// nothing: a plan's target, not a task with a date.
pub fn states_outcome(sentence: &str) -> bool {
    const OUTCOMES: [&str; 9] = [
        "基本建成",
        "基本形成",
        "基本实现",
        "明显减少",
        "明显下降",
        "明显提升",
        "明显改善",
        "得到明显",
        "全面推行",
    ];
    OUTCOMES.iter().any(|o| sentence.contains(o)) && !has_modal(sentence)
}

/// Whether a paragraph is a list of work done: it opens with 一是, asks nothing, and the
/// paragraph before it does not lead in to it.
pub fn is_report(paragraph: &str, before: Option<&str>) -> bool {
    let p = super::text::clean_line(paragraph);
    let led = before.is_some_and(|b| {
        let b = super::text::clean_line(b);
        b.ends_with(['：', ':'])
            || ["要求", "强调", "指出", "部署", "提出", "批示", "议定"].iter().any(|w| b.contains(w))
            // 经认真办理,现答复如下。: what a reply goes on to say it will do.
            || super::text::strip_end_mark(b).ends_with("如下")
    });
    p.starts_with("一是") && !led && !has_modal(p)
}

/// `…项目存在如下问题:一是基坑外边井口缺少防护。二是…`: where a list of findings begins in
/// a paragraph (after its lead), if one does. What was found wrong asks nothing by itself.
pub fn findings_from(paragraph: &str) -> Option<usize> {
    static FINDINGS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:存在|发现)(?:如下|以下|[一二三四五六七八九十两\d]+个|[一二三四五六七八九十两\d]+处)?(?:问题|隐患)[:：]")
            .expect("findings regex")
    });
    FINDINGS.find(paragraph).map(|m| m.end())
}

/// Whether an item of a list that follows a findings lead is a finding: it asks nothing.
pub fn is_finding(item: &str) -> bool {
    !has_modal(item)
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
        assert!(!is_report(done, Some("你的建议收悉,经认真办理,现答复如下。")), "a reply's measures");
        assert!(has_modal("各单位不要麻痹"));
        let found = "检查组发现该项目存在如下问题:一是井口缺少防护。二是堆料阻挡消防通道。";
        assert_eq!(findings_from(found).map(|at| &found[at..at + 3]), Some("一"));
        assert!(is_finding("二是堆料阻挡消防通道。") && !is_finding("二是各单位要立即整改。"));
        assert_eq!(findings_from("要求存在问题的单位立即整改。"), None);
        assert!(!has_modal("主要领导重要讲话纪要"));
    }
}
