//! 上述工作的时限 — a later item that dates the work above it: `1.各基层水管单位要…清基扫障…；
//! …检查…。` / `2.各单位要切实加强领导，确保上述三项工作在4月26日前全面完成。` The date is
//! the later item's own and, when it points back (上述, 以上, 前述), the deadline of the item
//! before it that states none (marked inferred, for the review screen).

use crate::model::{DirectiveDraft, SectionDraft};

/// Words by which a requirement points at the work above it.
const POINTS_BACK: [&str; 4] = ["上述", "以上", "前述", "上列"];

/// Gives each directive with no date the date of the next one, when that one points back
/// (the two may be parts of their own: 1.… / 2.…确保上述三项工作在4月26日前完成).
pub fn date_from_later(sections: &mut [SectionDraft]) {
    let mut ds: Vec<&mut DirectiveDraft> = sections.iter_mut().flat_map(|s| &mut s.directives).collect();
    for i in 1..ds.len() {
        let later = &ds[i];
        let Some(date) = later.deadline.date else { continue };
        let phrase = later.deadline.phrase.clone();
        if !points_back_to_date(&later.text, phrase.as_deref().unwrap_or_default()) {
            continue;
        }
        let before = &mut ds[i - 1].deadline;
        if before.date.is_none() && before.recurrence.is_none() {
            before.date = Some(date);
            before.phrase = phrase;
            before.inferred = true;
        }
    }
}

/// Whether the date is the work above's: the pointer and the date in one phrase (`确保上述三项
/// 工作在4月26日前全面完成`), not a report's date after it (`对以上各项工作…，于7月17日前报`).
fn points_back_to_date(text: &str, phrase: &str) -> bool {
    let Some(date_at) = text.find(phrase).filter(|_| !phrase.is_empty()) else { return false };
    POINTS_BACK.iter().filter_map(|w| text[..date_at].rfind(w)).any(|at| {
        let between = &text[at..date_at];
        !between.contains(['，', ',', '；', ';', '。', '：', ':'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_and_the_date_share_a_phrase() {
        assert!(points_back_to_date("各单位要加强领导,确保上述三项工作在4月26日前全面完成。", "4月26日前"));
        assert!(!points_back_to_date("对以上各项工作,要主动认领,于7月17日下班前报市政府督查室。", "7月17日"));
        assert!(!points_back_to_date("于7月17日前完成上述工作。", "7月17日前"), "the pointer after the date");
    }
}
