//! The bulletin of March 2022 on a register worked out by hand before the code ran (no feedback
//! cadence, so 逾期未反馈 comes from missed periods only; there are none here).
//!
//! Notices: 1 (第8次) 01-10, 2 (第9次) 02-10, 3 (第10次) 03-10, 4 (第11次) 04-05 (after March).
//! | # | notice | office | record |
//! | 1 | 1 | 防火 | deadline 02-28, finished 02-20 (41 days) |
//! | 2 | 1 | 新闻 | deadline 03-15, open, feedback 03-01 → overdue 16 days on 03-31 |
//! | 3 | 1 | 作训 | no deadline, never reported |
//! | 4 | 2 | 作训 | continues 3, never reported |
//! | 5 | 3 | 作训 | continues 4, deadline 04-30, never reported → 反复部署未落实 |
//! | 6 | 3 | 防火 | deadline 03-25, finished 03-24 (14 days) |
//! | 7 | 4 | 新闻 | issued after March: not counted |
//! | 8 | 2 | 新闻 | deadline 03-20, finished 03-28 (late; 46 days), 1 extension, 1 return |

use super::*;
use crate::model::{
    Assignment, NoticeId, NoticeInfo, Office, OfficeGroup, OfficeId, OfficeState, OfficeTrack, UnitKind,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const NAMES: [&str; 3] = ["防火监督处", "新闻宣传处", "作战训练处"];

fn row(id: i64, notice: i64, office: usize, track: OfficeTrack, continues: Option<i64>) -> DirectiveRow {
    DirectiveRow {
        id: DirectiveId(id),
        notice_id: NoticeId(notice),
        meeting: None,
        number: format!("一.{id}"),
        title: format!("工作{id}"),
        text: format!("第{notice}次部署的工作{id}"),
        deadline: track.deadline,
        status: Status::InProgress,
        assignments: vec![Assignment {
            office: OfficeId(office as i64 + 1),
            name: NAMES[office].into(),
            kind: UnitKind::Office(OfficeGroup::Hq),
            role: Role::Lead,
            track,
        }],
        last_note: None,
        evidence: 0,
        evidence_after_notice: 0,
        continues: continues.map(DirectiveId),
        recurrence: None,
        source: None,
    }
}

fn open(deadline: Option<&str>, feedback: Option<&str>) -> OfficeTrack {
    let deadline = deadline.map(d);
    OfficeTrack {
        state: if feedback.is_some() { OfficeState::InProgress } else { OfficeState::Unreported },
        original_deadline: deadline,
        deadline,
        on_time_deadline: deadline,
        last_feedback: feedback.map(d),
        ..OfficeTrack::default()
    }
}

fn finished(deadline: &str, on: &str) -> OfficeTrack {
    OfficeTrack {
        state: OfficeState::Finished,
        finished_on: Some(d(on)),
        last_feedback: Some(d(on)),
        ..open(Some(deadline), Some(on))
    }
}

fn register() -> Board {
    let notice = |id: i64, on: &str| NoticeInfo {
        id: NoticeId(id),
        title: format!("通知{id}"),
        issuer: None,
        meeting: Some(format!("2022年第{}次办公会议", id + 7)),
        issued_on: d(on),
        feedback_days: None,
        source: None,
    };
    let late = OfficeTrack { extensions: 1, returns: 1, ..finished("2022-03-20", "2022-03-28") };
    Board {
        notices: vec![
            notice(4, "2022-04-05"),
            notice(3, "2022-03-10"),
            notice(2, "2022-02-10"),
            notice(1, "2022-01-10"),
        ],
        offices: NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| Office {
                id: OfficeId(i as i64 + 1),
                name: (*n).into(),
                kind: UnitKind::Office(OfficeGroup::Hq),
            })
            .collect(),
        directives: vec![
            row(7, 4, 1, open(None, None), None),
            row(5, 3, 2, open(Some("2022-04-30"), None), Some(4)),
            row(6, 3, 0, finished("2022-03-25", "2022-03-24"), None),
            row(4, 2, 2, open(None, None), Some(3)),
            row(8, 2, 1, late, None),
            row(1, 1, 0, finished("2022-02-28", "2022-02-20"), None),
            row(2, 1, 1, open(Some("2022-03-15"), Some("2022-03-01")), None),
            row(3, 1, 2, open(None, None), None),
        ],
        aliases: Vec::new(),
        set_aside: Vec::new(),
        finished_apart: None,
    }
}

#[test]
fn march_2022_as_worked_out_by_hand() {
    let span = BulletinSpan::month(2022, 3).unwrap();
    assert_eq!(
        (span.starts, span.ends, span.label.as_str()),
        (d("2022-03-01"), d("2022-03-31"), "2022年3月")
    );
    let b = Bulletin::build(&register(), span, None, false);
    let [fire, news, train] = [&b.offices[0], &b.offices[1], &b.offices[2]];
    // 防火: 1 and 6, both due and on time; (41 + 14) / 2 = 27.5 days.
    assert_eq!((fire.assigned, fire.finished, fire.due, fire.on_time), (2, 2, 2, 2));
    assert_eq!((fire.rate_text().as_str(), fire.avg_days), ("100.0%", Some(27.5)));
    // 新闻: 2 (due 03-15, open) and 8 (finished 03-28 after 03-20): 0 of 2 on time; 46 days.
    assert_eq!((news.assigned, news.finished, news.due, news.on_time), (2, 1, 2, 0));
    assert_eq!((news.avg_days, news.unreported, news.extensions, news.returns), (Some(46.0), 0, 1, 1));
    // 作训: 3, 4, 5, nothing due, never reported.
    assert_eq!((train.assigned, train.due, train.on_time_rate, train.unreported), (3, 0, None, 3));
    // 合计: 7 assigned, 3 finished, 4 due, 2 on time = 50%; (41 + 14 + 46) / 3 = 33.67 days.
    let t = &b.totals;
    assert_eq!((t.assigned, t.finished, t.due, t.on_time, t.unreported), (7, 3, 4, 2, 3));
    assert_eq!(t.rate_text(), "50.0%");
    assert!((t.avg_days.unwrap() - 101.0 / 3.0).abs() < 1e-9);
    // 本月新交办: notice 3's 5 and 6.
    assert_eq!(b.new_assigned, 2);
    assert_eq!(b.praised, ["防火监督处"]);
    // 2/新闻: 03-15 → 03-31 = 16 days.
    assert_eq!(b.overdue.len(), 1);
    assert_eq!((b.overdue[0].directive, b.overdue[0].days), (DirectiveId(2), 16));
    // 3 → 4 → 5 deployed at 第8、9、10次, no feedback from 作训 since 03-10.
    assert_eq!(b.repeated.len(), 1);
    let r = &b.repeated[0];
    assert_eq!(
        (r.directive, r.offices.as_slice(), r.last_feedback),
        (DirectiveId(5), &["作战训练处".to_owned()][..], None)
    );
    let meetings: Vec<_> = r.deployments.iter().map(|x| x.meeting.as_str()).collect();
    assert_eq!(meetings, ["2022年第8次办公会议", "2022年第9次办公会议", "2022年第10次办公会议"]);
    assert_eq!(r.deployments[0].text, "第1次部署的工作3");
    assert_eq!(b.ranking, None, "no ranking unless switched on");
}

#[test]
fn feedback_since_the_last_deployment_takes_it_off_the_list_and_ranking_is_asked_for() {
    let mut board = register();
    let five = board.directives.iter_mut().find(|x| x.id == DirectiveId(5)).unwrap();
    five.assignments[0].track.last_feedback = Some(d("2022-03-15"));
    let b = Bulletin::build(&board, BulletinSpan::quarter(2022, 1).unwrap(), None, true);
    assert_eq!(b.span.label, "2022年第一季度");
    assert!(b.repeated.is_empty());
    // First quarter: the same records (nothing dated before 01-01); offices with something due,
    // best rate first: 防火 100%, 新闻 0%.
    let ranking = b.ranking.unwrap();
    assert_eq!(
        ranking,
        [("防火监督处".to_owned(), "100.0%".to_owned()), ("新闻宣传处".to_owned(), "0.0%".to_owned())]
    );
    // Its whole first quarter counts as new: 1, 2, 3 (Jan), 4, 8 (Feb), 5, 6 (Mar).
    assert_eq!(b.new_assigned, 7);
}
