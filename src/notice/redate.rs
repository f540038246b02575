//! 改印发日期 — the issue date set wrong before parsing (本周 read from last week's date) is
//! corrected on the review screen: every deadline read from words (本周, 年底前, 3月20日前) is
//! read again from the same words against the new date. Dates the officer set by hand carry no
//! words and stay as they are.

use chrono::NaiveDate;

use super::deadline::{find_deadline, notice_default};
use crate::model::NoticeDraft;

/// Moves `draft` to `issued_on` and recomputes the deadlines its words give.
pub fn redate(draft: &mut NoticeDraft, issued_on: NaiveDate) {
    draft.issued_on = issued_on;
    for section in &mut draft.sections {
        for d in &mut section.directives {
            let Some(phrase) = d.deadline.phrase.clone() else { continue };
            let again = if d.deadline.inferred {
                notice_default(&phrase, issued_on).or_else(|| find_deadline(&phrase, issued_on))
            } else {
                find_deadline(&phrase, issued_on)
            };
            if let Some(again) = again {
                d.deadline.date = again.date;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::parse_notice;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    const NOTICE: &str = "关于落实第10次办公会议工作要求的通知\n各处室：\n现将有关要求通知如下，作为本周工作重点。\n一、安全检查\n（一）开展在建工地检查。（责任处室：防火监督处）\n（二）年底前完成全部整改。（责任处室：新闻宣传处）\n（三）修订预案。（责任处室：指挥中心）\n";

    #[test]
    fn words_are_read_again_against_the_new_date_and_hand_set_dates_stay() {
        let mut draft = parse_notice(NOTICE, day("2021-12-08")).expect("parses");
        let dates =
            |d: &NoticeDraft| -> Vec<Option<NaiveDate>> { d.directives().map(|x| x.deadline.date).collect() };
        // 本周 (inferred from the preamble) and 年底前 from 2021-12-08.
        assert_eq!(dates(&draft)[0], Some(day("2021-12-12")));
        assert_eq!(dates(&draft)[1], Some(day("2021-12-31")));
        // The officer sets the third by hand: it has no words any more.
        let third = &mut draft.sections[0].directives[2].deadline;
        third.date = Some(day("2022-02-01"));
        third.phrase = None;
        third.inferred = false;
        redate(&mut draft, day("2022-01-05"));
        assert_eq!(draft.issued_on, day("2022-01-05"));
        assert_eq!(
            dates(&draft),
            [Some(day("2022-01-09")), Some(day("2022-12-31")), Some(day("2022-02-01"))]
        );
    }
}
