//! Tests of the board snapshot: counts, filters, collectives, 最新进展.

use super::*;

fn office(id: i64, name: &str) -> Office {
    Office { id: OfficeId(id), name: name.into(), kind: super::super::classify_unit(name) }
}

#[test]
fn meetings_shorten_to_their_number() {
    assert_eq!(short_meeting("2022年第11次办公会议"), Some("第11次"));
    assert_eq!(short_meeting("第三次局务会"), Some("第三次"));
    assert_eq!(short_meeting("办公会议"), None);
}

fn row(id: i64, deadline: &str, status: Status, units: &[&Office]) -> DirectiveRow {
    DirectiveRow {
        id: DirectiveId(id),
        deadline: Some(deadline.parse().unwrap()),
        status,
        assignments: units.iter().map(|o| Assignment::lead(o.id, &o.name, o.kind)).collect(),
        ..DirectiveRow::new(DirectiveId(id), NoticeId(1), format!("一.{id}"), "t")
    }
}

#[test]
fn collectives_reach_every_member_of_their_group() {
    let (fire, news, shenyang, all_hq) =
        (office(1, "防火监督处"), office(2, "新闻宣传处"), office(3, "沈阳支队"), office(4, "各处室"));
    let board = Board {
        aliases: Vec::new(),
        set_aside: Vec::new(),
        finished_apart: None,
        notices: Vec::new(),
        offices: vec![fire.clone(), news.clone(), shenyang.clone(), all_hq.clone()],
        directives: vec![
            row(1, "2022-03-20", Status::NotStarted, &[&fire]),
            row(2, "2022-12-31", Status::InProgress, &[&all_hq]),
            row(3, "2022-03-10", Status::Done, &[&news]),
        ],
    };
    let today: NaiveDate = "2022-03-21".parse().unwrap();
    assert_eq!(board.filtered(BoardFilter::Office(OfficeId(2)), today, 3), vec![1, 2]);
    assert_eq!(board.filtered(BoardFilter::Office(OfficeId(3)), today, 3), Vec::<usize>::new());
    assert_eq!(board.filtered(BoardFilter::Overdue, today, 3), vec![0]);
    let counts = board.counts(today, 3);
    assert_eq!(counts[&Some(OfficeId(1))], OfficeCounts { open: 2, overdue: 1, due_soon: 0 });
    assert_eq!(counts[&Some(OfficeId(2))], OfficeCounts { open: 1, overdue: 0, due_soon: 0 });
    assert_eq!(counts.get(&Some(OfficeId(3))), None);
    assert_eq!(counts[&None].open, 2);
}

/// 最新进展 shows the newer of the officer's note and an office's report; a tie is the note's.
#[test]
fn latest_is_the_newer_of_the_note_and_an_offices_report() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let report = |on: &str| super::super::ReportNote {
        on: d(on),
        text: "已检查在建工地46处。".into(),
        completion: false,
        returned: false,
    };
    let mut fire =
        Assignment::lead(OfficeId(1), "防火监督处", UnitKind::Office(super::super::OfficeGroup::Hq));
    let mut row = DirectiveRow::new(DirectiveId(1), NoticeId(1), "一.1".into(), "t");
    assert_eq!(row.latest(), None);
    row.last_note = Some((d("2022-03-20"), "已部署".into()));
    row.assignments.push(fire.clone());
    assert_eq!(row.latest(), Some(Latest::Note { on: d("2022-03-20"), text: "已部署" }));
    fire.track.last_report = Some(Box::new(report("2022-03-22")));
    row.assignments = vec![fire.clone()];
    assert_eq!(
        row.latest(),
        Some(Latest::Office {
            on: d("2022-03-22"),
            line: "防火监督处3月22日反馈：已检查在建工地46处".into()
        })
    );
    assert_eq!(row.latest_on(), Some(d("2022-03-22")));
    fire.track.last_report = Some(Box::new(report("2022-03-20")));
    row.assignments = vec![fire];
    assert_eq!(row.latest(), Some(Latest::Note { on: d("2022-03-20"), text: "已部署" }));
}
