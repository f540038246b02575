//! Counting left-out directives adds up as counting them listed would.

use chrono::NaiveDate;

use super::*;
use crate::model::{DirectiveId, DirectiveRow, NoticeId, Urgency};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[test]
fn a_finished_count_adds_as_totals_add_one_by_one() {
    let count = FinishedCount { done: 3, closed: 2 };
    let mut counted = Totals::default();
    count.add_to(&mut counted);
    let mut one_by_one = Totals::default();
    for status in [Status::Done, Status::Done, Status::Done, Status::Closed, Status::Closed] {
        one_by_one.add(status, Urgency::Finished);
    }
    assert_eq!(counted, one_by_one);
    assert_eq!(count.total(), 5);
}

#[test]
fn a_board_with_nothing_finished_keeps_every_row_and_no_apart() {
    let mut board = Board::default();
    board.directives.push(DirectiveRow::new(DirectiveId(1), NoticeId(1), "一.1".into(), "检查"));
    board.leave_out_finished(day("2026-11-30"), None);
    assert!(board.finished_apart.is_none());
    assert_eq!(board.directives.len(), 1);
    assert_eq!(board.left_out(), 0);
}

#[test]
fn leaving_out_twice_changes_nothing_the_second_time() {
    let mut board = Board::default();
    for (id, status) in [(1, Status::Closed), (2, Status::InProgress), (3, Status::Done)] {
        let mut d = DirectiveRow::new(DirectiveId(id), NoticeId(1), format!("一.{id}"), "检查");
        d.status = status;
        board.directives.push(d);
    }
    board.leave_out_finished(day("2026-11-30"), None);
    let once = board.clone();
    board.leave_out_finished(day("2026-12-01"), Some(3));
    assert_eq!(board, once);
    assert_eq!(board.directives.iter().map(|d| d.id.0).collect::<Vec<_>>(), [2]);
    assert_eq!(board.left_out(), 2);
    let apart = board.finished_apart.as_deref().expect("apart");
    assert_eq!(apart.by_notice.get(&NoticeId(1)), Some(&FinishedCount { done: 1, closed: 1 }));
    assert_eq!(apart.as_of, day("2026-11-30"));
}
