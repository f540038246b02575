//! 总览's figures (model::Overview) on the seed notice and a later meeting's: counts, completion
//! per meeting and per office, what needs attention, and how often open work was carried over.

use chrono::NaiveDate;
use duban::model::{MeetingStat, OfficeIndex, Overview, Urgency};
use duban::notice::parse_notice;
use duban::store::Store;

#[test]
fn counts_meetings_offices_and_what_needs_attention() {
    let text = include_str!("../fixtures/seed-notice.txt");
    let issued: NaiveDate = "2022-03-16".parse().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_notice(&parse_notice(text, issued).unwrap(), text, "甲", issued.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let board = store.load_board().unwrap();
    // 3-18: everything due 3-20 is due soon; 3-22: overdue.
    let soon = Overview::build(&board, "2022-03-18".parse().unwrap(), 3);
    assert_eq!((soon.totals.overdue, soon.due_soon), (0, 15));
    let late = Overview::build(&board, "2022-03-22".parse().unwrap(), 3);
    assert_eq!((late.totals.overdue, late.due_soon), (15, 0));
    assert_eq!(late.meetings.len(), 1);
    assert_eq!(late.meetings[0].label, "2022年第10次办公会议");
    assert_eq!(late.meetings[0].totals.directives, 16);
    assert_eq!(late.offices.len(), 8, "only offices with directives");
    let group = late.attention.iter().find(|g| g.name == "队务处").unwrap();
    assert_eq!((group.items.len(), group.total), (5, 5), "五.1 (年底) needs no attention yet");
    assert!(group.items.iter().all(|i| i.urgency == Urgency::Overdue && i.days_left == -2));
    assert_eq!(late.meetings[0].carried_over, 0);

    // A later meeting's notice: the first one's open work has been carried over once.
    let later = include_str!("../fixtures/notices/02-task-division.txt");
    let next: NaiveDate = "2022-04-20".parse().unwrap();
    store
        .import_notice(&parse_notice(later, next).unwrap(), later, "甲", next.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let board = store.load_board().unwrap();
    let o = Overview::build(&board, "2022-04-21".parse().unwrap(), 3);
    let first = o.meetings.iter().find(|m| m.label == "2022年第10次办公会议").unwrap();
    assert_eq!(first.carried_over, 1);
    assert_eq!(o.meetings.iter().map(|m| m.carried_over).min(), Some(0), "the newest is not carried over");
    // Per meeting, per office: the first meeting's 队务处 has its 6, the later one its own.
    let index = OfficeIndex::build(&board);
    let office = |m: &MeetingStat, name: &str| {
        let day = "2022-04-21".parse().unwrap();
        let offices = Overview::meeting_offices(&board, &index, m.notice, day, 3);
        offices.iter().find(|s| s.name == name).map(|s| s.totals.directives)
    };
    assert_eq!(office(first, "队务处"), Some(6));
    let all: usize = o.offices.iter().find(|s| s.name == "队务处").unwrap().totals.directives;
    let per_meeting: usize = o.meetings.iter().filter_map(|m| office(m, "队务处")).sum();
    assert_eq!(all, per_meeting, "the meetings add up to the whole");
}
