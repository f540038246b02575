//! A recurring plan's periods across a rule change and an end date, and one office's periods
//! with receipts (dates worked out by hand).

use chrono::NaiveDate;

use super::*;
use crate::model::{DirectiveId, NoticeId, OfficeId, OfficeState, OfficeTrack, Status, UnitKind};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn monthly_25() -> Recurrence {
    Recurrence {
        versions: vec![RuleVersion { from: d("2022-03-01"), rule: Rule::Monthly { day: 25 } }],
        ends_on: None,
    }
}

fn dues(spans: &[(Rule, PeriodSpan)]) -> Vec<String> {
    spans.iter().map(|(_, p)| p.due.to_string()).collect()
}

#[test]
fn a_rule_change_moves_later_periods_only() {
    let mut plan = monthly_25();
    // From 05-01 on: month end. Before it: 03-25, 04-25 (monthly 25th); then the month ends,
    // the first new window opening 04-26.
    plan.versions.push(RuleVersion { from: d("2022-05-01"), rule: Rule::Monthly { day: 0 } });
    let p = plan.periods(d("2022-07-31"));
    assert_eq!(dues(&p), ["2022-03-25", "2022-04-25", "2022-05-31", "2022-06-30", "2022-07-31"]);
    assert_eq!(p[2].1.starts, d("2022-04-26"));
    assert_eq!(p[1].0, Rule::Monthly { day: 25 });
    assert_eq!(p[2].0, Rule::Monthly { day: 0 });
    // An end date on 06-15: nothing due after it.
    plan.ends_on = Some(d("2022-06-15"));
    assert_eq!(dues(&plan.periods(d("2022-07-31"))), ["2022-03-25", "2022-04-25", "2022-05-31"]);
}

#[test]
fn the_open_period_is_listed_ahead_and_a_report_finds_its_period() {
    let plan = monthly_25();
    // On 04-10: 03-25 is past, 04-25 is the one open now; nothing further.
    assert_eq!(dues(&plan.periods_through(d("2022-04-10"))), ["2022-03-25", "2022-04-25"]);
    assert_eq!(plan.period_of(d("2022-03-26")).map(|(_, p)| p.due), Some(d("2022-04-25")));
    assert_eq!(plan.period_of(d("2022-03-25")).map(|(_, p)| p.due), Some(d("2022-03-25")));
    assert_eq!(plan.period_of(d("2022-03-01")).map(|(_, p)| p.due), Some(d("2022-03-25")));
    assert_eq!(plan.period_of(d("2022-02-28")), None);
}

fn row(role: Role, track: OfficeTrack) -> DirectiveRow {
    DirectiveRow {
        id: DirectiveId(1),
        notice_id: NoticeId(1),
        meeting: None,
        number: "一.1".into(),
        title: "每月25日前报送火灾统计".into(),
        text: "t".into(),
        deadline: None,
        status: Status::InProgress,
        assignments: vec![Assignment {
            office: OfficeId(1),
            name: "防火监督处".into(),
            kind: UnitKind::Office(crate::model::OfficeGroup::Hq),
            role,
            track,
        }],
        last_note: None,
        evidence: 0,
        evidence_after_notice: 0,
        continues: None,
        recurrence: Some(Box::new(monthly_25())),
        source: None,
    }
}

#[test]
fn an_offices_periods_with_what_it_sent() {
    let mut track = OfficeTrack { state: OfficeState::InProgress, ..OfficeTrack::default() };
    track.add_received(d("2022-03-25"), d("2022-03-20"));
    let r = row(Role::Lead, track.clone());
    let items = r.office_periods(&r.assignments[0], d("2022-05-01"), false);
    // 03-25 received 03-20; 04-25 not; 05-25 not yet due on 05-01.
    assert_eq!(items.len(), 2);
    assert_eq!((items[0].received_on, items[0].missed(d("2022-05-01"))), (Some(d("2022-03-20")), false));
    assert!(items[1].missed(d("2022-05-01")));
    // On its due day a period is not yet missed; one received is not missed afterwards.
    assert!(!items[1].missed(d("2022-04-25")));
    assert!(!items[0].missed(d("2022-03-26")));
    assert_eq!((items[1].label(), items[1].key()), ("2022年4月".to_owned(), "2022-04".to_owned()));
    // A 配合单位 owes no reports.
    let support = row(Role::Support, track.clone());
    assert!(support.office_periods(&support.assignments[0], d("2022-05-01"), false).is_empty());
    // Finished on 04-10: periods whose window opened by then (03-25, 04-25), none after.
    let done = OfficeTrack { state: OfficeState::Finished, finished_on: Some(d("2022-04-10")), ..track };
    let r = row(Role::Lead, done);
    assert_eq!(r.office_periods(&r.assignments[0], d("2022-07-01"), false).len(), 2);
}
