//! 句首状语 — the words in front of a requirement within its sentence that frame it: a case
//! (对违反规定…的，要一律责令停业整顿), a time or order (同时，/ 演练完成后，/ 在镇统一布署下，),
//! a basis (根据县委、县政府统一安排，) or an urgency (立即动员部署，要迅速…). The reader starts
//! a requirement at its subject or its 要; these words are part of what is asked, so the
//! directive's text keeps them (its title still opens with the work).

use crate::notice::report_list::has_modal;
use crate::notice::text::first_phrase;

/// Longest frame kept, in characters: a longer run of words is a statement of its own.
const MAX_CHARS: usize = 30;

/// Words a frame opens with.
#[rustfmt::skip]
const OPENERS: [&str; 14] =
    ["对", "在", "根据", "按照", "同时", "立即", "针对", "特别是", "结合", "围绕", "凡", "为了", "通过", "此外"];

/// Words that make the text before a requirement a lead-in or a report, not a frame.
#[rustfmt::skip]
const NOT_FRAME: [&str; 15] =
    ["要求", "强调", "指出", "提出", "明确", "会议", "通知", "表示", "认为", "讲话", "会上", "听取", "汇报", "通报", "批示"];

/// Words of an order reported (督查组下发了整改通知书并要求…, 要求相关单位…): the words before it
/// tell what the order answers, not a frame of the work.
const ORDERED: [&str; 3] = ["要求", "责令", "下发"];

/// The frame of a requirement `text`: `before`'s words after its sentence's last stop, when
/// they end with a comma and neither ask, report, tell what was done (了) nor hold a modal of
/// their own, and `text` is
/// no order reported.
pub(super) fn frame<'a>(before: &'a str, text: &str) -> Option<&'a str> {
    if ORDERED.iter().any(|w| first_phrase(text).contains(w)) {
        return None;
    }
    let start = before
        .rfind(['。', '；', ';', '：', ':', '！', '？'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(0, char::len_utf8));
    let words = before[start..].trim_start();
    let body = words.trim_end().strip_suffix(['，', ','])?;
    let n = body.chars().count();
    // A frame opens with its kind of word (对…, 在…下, 根据…, 同时) or ends as a time or a case
    // does (…后, …的); words that tell the situation (当前正值…, 时间跨度大) are no frame.
    let framed = OPENERS.iter().any(|w| body.starts_with(w)) || body.ends_with(['后', '的']);
    let plain = framed
        && (2..=MAX_CHARS).contains(&n)
        && !NOT_FRAME.iter().any(|w| body.contains(w))
        && !has_modal(body)
        && !body.contains(['“', '"', '《', '了']);
    plain.then_some(words.trim_end())
}

#[cfg(test)]
mod tests {
    use super::frame;

    fn frame_of(before: &str) -> Option<&str> {
        frame(before, "各单位要加强巡查。")
    }

    #[test]
    fn a_case_a_time_and_a_basis_frame_the_requirement() {
        assert_eq!(frame_of("对违反规定向火锅店提供加热用气的,"), Some("对违反规定向火锅店提供加热用气的,"));
        assert_eq!(frame_of("立即动员部署,"), Some("立即动员部署,"));
        assert_eq!(frame_of("3月20日为排查阶段。在镇统一布署下,"), Some("在镇统一布署下,"));
        assert_eq!(frame_of("隐患整改完成后,"), Some("隐患整改完成后,"));
    }

    #[test]
    fn a_lead_in_a_report_a_situation_or_a_modal_is_no_frame() {
        assert_eq!(frame_of("会议要求,"), None);
        assert_eq!(frame_of("他强调年底工作千头万绪,"), None);
        assert_eq!(frame_of("当前正值夏季高温与主汛期叠加,"), None);
        assert_eq!(frame_of("各部门都要高度重视,"), None);
        assert_eq!(frame_of("压实各部门职责:"), None);
        assert_eq!(frame_of("在征求意见后就隐患消除进行了安排部署,按照职能分工,"), None);
        assert_eq!(frame_of(""), None);
    }

    #[test]
    fn an_order_reported_keeps_no_frame() {
        assert_eq!(frame("针对检查发现的问题,", "督查组下发了整改通知书并要求在3日内整改到位"), None);
        assert_eq!(frame("对无法现场立即整改的问题隐患,", "要求相关单位明确整改时限"), None);
    }
}
