//! The figures on a small register computed by hand (docs/loop.md, 手算示例). The expected
//! numbers were written down before the code ran.

use super::*;
use crate::model::{
    Assignment, Board, DirectiveRow, NoticeId, NoticeInfo, Office, OfficeTrack, UnitKind, classify_unit,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const FIRE: OfficeId = OfficeId(1);
const NEWS: OfficeId = OfficeId(2);

fn notice(id: i64, issued: &str, feedback_days: Option<i64>) -> NoticeInfo {
    NoticeInfo {
        id: NoticeId(id),
        title: format!("通知{id}"),
        issuer: None,
        meeting: None,
        issued_on: d(issued),
        feedback_days,
        source: None,
    }
}

fn lead(office: OfficeId, track: OfficeTrack) -> Assignment {
    let name = if office == FIRE { "防火监督处" } else { "新闻宣传处" };
    Assignment { track, ..Assignment::lead(office, name, classify_unit(name)) }
}

fn directive(id: i64, notice: i64, status: Status, assignments: Vec<Assignment>) -> DirectiveRow {
    DirectiveRow {
        status,
        assignments,
        ..DirectiveRow::new(DirectiveId(id), NoticeId(notice), format!("一.{id}"), "t")
    }
}

fn track(state: OfficeState, deadline: Option<&str>) -> OfficeTrack {
    let deadline = deadline.map(d);
    OfficeTrack {
        state,
        original_deadline: deadline,
        deadline,
        on_time_deadline: deadline,
        ..OfficeTrack::default()
    }
}

/// Notice 1 issued 03-01 (default cadence 7), notice 2 issued 04-05 (cadence 14), notice 3
/// issued 04-20 (after D = 04-10: not yet assigned).
fn register() -> Board {
    use OfficeState::*;
    let open = Status::InProgress;
    let finished = |deadline, on: &str| OfficeTrack {
        finished_on: Some(d(on)),
        last_feedback: Some(d(on)),
        ..track(Finished, Some(deadline))
    };
    let d1_news = OfficeTrack {
        last_feedback: Some(d("2022-04-01")),
        last_reminder: Some((d("2022-04-10"), EscalationStep::Remind)),
        ..track(InProgress, Some("2022-03-20"))
    };
    let d2_fire = OfficeTrack {
        deadline: Some(d("2022-04-15")),
        on_time_deadline: Some(d("2022-04-15")),
        extensions: 1,
        returns: 1,
        ..finished("2022-03-31", "2022-04-05")
    };
    let d2_news_support =
        Assignment { role: Role::Support, ..lead(NEWS, track(Unreported, Some("2022-03-31"))) };
    let d3_fire = OfficeTrack {
        last_reminder: Some((d("2022-04-01"), EscalationStep::Remind)),
        reminders: 1,
        ..track(Unreported, Some("2022-04-30"))
    };
    let d4_news = OfficeTrack {
        deadline: Some(d("2022-04-05")),
        on_time_deadline: Some(d("2022-03-25")),
        extensions: 1,
        ..finished("2022-03-25", "2022-04-02")
    };
    let d6_fire = OfficeTrack {
        last_feedback: Some(d("2022-04-07")),
        returns: 1,
        ..track(Requested, Some("2022-04-08"))
    };
    let d8_news =
        OfficeTrack { last_feedback: Some(d("2022-03-05")), ..track(InProgress, Some("2022-03-10")) };
    Board {
        notices: vec![
            notice(3, "2022-04-20", None),
            notice(2, "2022-04-05", Some(14)),
            notice(1, "2022-03-01", None),
        ],
        offices: vec![
            Office {
                id: FIRE,
                name: "防火监督处".into(),
                kind: UnitKind::Office(crate::model::OfficeGroup::Hq),
            },
            Office {
                id: NEWS,
                name: "新闻宣传处".into(),
                kind: UnitKind::Office(crate::model::OfficeGroup::Hq),
            },
        ],
        directives: vec![
            directive(
                1,
                1,
                open,
                vec![lead(FIRE, finished("2022-03-20", "2022-03-18")), lead(NEWS, d1_news)],
            ),
            directive(2, 1, open, vec![lead(FIRE, d2_fire), d2_news_support]),
            directive(3, 1, open, vec![lead(FIRE, d3_fire)]),
            directive(4, 1, Status::Done, vec![lead(NEWS, d4_news)]),
            directive(5, 2, open, vec![lead(NEWS, track(Unreported, None))]),
            directive(6, 2, open, vec![lead(FIRE, d6_fire)]),
            directive(7, 3, open, vec![lead(FIRE, track(Unreported, Some("2022-05-01")))]),
            directive(8, 1, Status::Closed, vec![lead(NEWS, d8_news)]),
        ],
        aliases: Vec::new(),
        set_aside: Vec::new(),
        finished_apart: None,
    }
}

#[test]
fn the_hand_computed_register() {
    let figures = office_figures(&register(), d("2022-04-10"), Some(DEFAULT_FEEDBACK_DAYS));
    assert_eq!(figures.len(), 2);
    let fire = &figures[0];
    assert_eq!(fire.name, "防火监督处");
    // 交办 1, 2, 3, 6 (7 is issued after D); 已办结 1, 2; 应办结 1, 2, 6 (3 is due 04-30).
    assert_eq!((fire.assigned, fire.finished, fire.due, fire.on_time), (4, 2, 3, 2));
    assert_eq!(fire.on_time_rate, Some(2.0 / 3.0));
    assert_eq!(fire.rate_text(), "66.7%");
    // 03-01 → 03-18 is 17 days, 03-01 → 04-05 is 35: mean 26.
    assert_eq!(fire.avg_days, Some(26.0));
    // 3 never reported, and 03-01 + 7 < 04-10; 6 reported 04-07 with a 14-day cadence.
    assert_eq!((fire.unreported, fire.late_unreported), (1, 1));
    assert_eq!((fire.extensions, fire.returns), (1, 2));

    let news = &figures[1];
    // 交办 1, 4, 5, 8 (配合 on 2 does not count); 应办结 1 (03-20), 4 (finished), 8 (03-10).
    assert_eq!((news.assigned, news.finished, news.due, news.on_time), (4, 1, 3, 0));
    // 4 finished 04-02, after its on-time deadline 03-25 (the extension was asked for late).
    assert_eq!(news.on_time_rate, Some(0.0));
    assert_eq!(news.avg_days, Some(32.0));
    // 5 never reported but within its 14 days; 1 last reported 04-01 + 7 < 04-10; 8 is 销号.
    assert_eq!((news.unreported, news.late_unreported), (1, 1));
    assert_eq!((news.extensions, news.returns), (1, 0));
}

#[test]
fn nothing_due_shows_a_dash() {
    let figures = office_figures(&register(), d("2022-03-05"), Some(DEFAULT_FEEDBACK_DAYS));
    let fire = &figures[0];
    // On 03-05 only notice 1 exists and nothing of it is due or finished.
    assert_eq!((fire.assigned, fire.due, fire.on_time_rate), (3, 0, None));
    assert_eq!(fire.rate_text(), "—");
    assert_eq!(fire.avg_days, None);
}

#[test]
fn who_needs_a_reminder_today() {
    let due = reminders_due(&register(), d("2022-04-10"), Some(DEFAULT_FEEDBACK_DAYS));
    // 1/新闻宣传处 was reminded today already; 6 awaits review; 8 is 销号; 5 is within its cadence.
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!((due[0].directive, due[0].office), (DirectiveId(3), FIRE));
    assert_eq!(due[0].reason, ReminderReason::LateFeedback(FeedbackLateness::VeryLate));
    assert_eq!(due[0].next_step, EscalationStep::Press);
    let tomorrow = reminders_due(&register(), d("2022-04-11"), Some(DEFAULT_FEEDBACK_DAYS));
    assert_eq!(tomorrow[0].directive, DirectiveId(1));
    assert_eq!(tomorrow[0].reason, ReminderReason::Overdue { days: 22 });
}

/// A recurring directive (每月25日前 from notice 1, issued 03-01) for 防火 beside the register's
/// non-recurring one of 新闻: its 03-25 report came on 03-24, its 04-25 report never.
fn with_monthly_report() -> Board {
    use crate::model::{Recurrence, Rule, RuleVersion};
    let mut board = register();
    let mut track =
        OfficeTrack { last_feedback: Some(d("2022-03-24")), ..track(OfficeState::InProgress, None) };
    track.add_received(d("2022-03-25"), d("2022-03-24"));
    let mut row = directive(9, 1, Status::InProgress, vec![lead(FIRE, track)]);
    row.recurrence = Some(Box::new(Recurrence {
        versions: vec![RuleVersion { from: d("2022-03-01"), rule: Rule::Monthly { day: 25 } }],
        ends_on: None,
    }));
    board.directives.push(row);
    board
}

#[test]
fn missed_periods_count_as_unreported() {
    let figures = office_figures(&with_monthly_report(), d("2022-05-01"), Some(DEFAULT_FEEDBACK_DAYS));
    let fire = &figures[0];
    // On 05-01 防火 has 交办 1, 2, 3, 6, 7 (notice 3, issued 04-20, now counts) and 9 = 6.
    // 未反馈: 3 and 7 (never reported) + 9's one missed period (04-25) = 3.
    // 逾期未反馈: 3 (03-01 + 7), 6 (04-07 + 14 = 04-21), 7 (04-20 + 7 = 04-27), all < 05-01,
    // + 9 (a missed period) = 4. 漏报 1.
    assert_eq!((fire.assigned, fire.unreported, fire.late_unreported, fire.missed_periods), (6, 3, 4, 1));
    // On 04-20 nothing of 9 is missed (03-25 received, 04-25 not yet due), and its last report
    // (03-24) is not judged against the 7-day cadence: 防火 is as in the register on that day.
    let before = office_figures(&with_monthly_report(), d("2022-04-20"), Some(DEFAULT_FEEDBACK_DAYS));
    let plain = office_figures(&register(), d("2022-04-20"), Some(DEFAULT_FEEDBACK_DAYS));
    assert_eq!(
        (before[0].unreported, before[0].late_unreported, before[0].missed_periods),
        (plain[0].unreported, plain[0].late_unreported, 0)
    );
}

#[test]
fn a_missed_period_is_a_reason_to_remind() {
    let due = reminders_due(&with_monthly_report(), d("2022-05-01"), Some(DEFAULT_FEEDBACK_DAYS));
    let nine: Vec<_> = due.iter().filter(|r| r.directive == DirectiveId(9)).collect();
    // 04-25 missed, 05-01 − 04-25 = 6 days.
    assert_eq!(nine.len(), 1);
    assert_eq!(nine[0].reason, ReminderReason::PeriodMissed { missed: 1, days: 6 });
    let early = reminders_due(&with_monthly_report(), d("2022-04-20"), Some(DEFAULT_FEEDBACK_DAYS));
    assert!(early.iter().all(|r| r.directive != DirectiveId(9)), "{early:?}");
}
