//! Recurrence words as rules, and the periods each rule makes (dates worked out by hand on a
//! 2022 calendar: 2022-03-25 is a Friday, ISO week 12).

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dues(rule: Rule, from: &str, until: &str) -> Vec<String> {
    rule.periods(d(from), d(from), d(until)).iter().map(|p| p.due.to_string()).collect()
}

#[test]
fn the_parsers_words_read_as_rules() {
    use Rule::*;
    let cases = [
        ("每月25日前", Some(Monthly { day: 25 })),
        ("每月２５日前", Some(Monthly { day: 25 })),
        ("每月十五日前", Some(Monthly { day: 15 })),
        ("每月底", Some(Monthly { day: 0 })),
        ("每月", Some(Monthly { day: 0 })),
        ("每季度末", Some(Quarterly)),
        ("每季度", Some(Quarterly)),
        ("每季", Some(Quarterly)),
        ("每半年", Some(HalfYearly)),
        ("每周五前", Some(Weekly { weekday: Weekday::Fri })),
        ("每周", Some(Weekly { weekday: Weekday::Fri })),
        ("每周一", Some(Weekly { weekday: Weekday::Mon })),
        ("每年12月", Some(Yearly { month: 12 })),
        ("每年6月底前", Some(Yearly { month: 6 })),
        ("每年", Some(Yearly { month: 12 })),
        ("年底前", None),
        ("每天", None),
        ("每月32日前", None),
    ];
    for (text, want) in cases {
        assert_eq!(Rule::parse(text), want, "{text}");
        if let Some(rule) = want {
            assert_eq!(Rule::from_db(&rule.as_db()), Some(rule), "{text} round trip");
            assert_eq!(Rule::parse(&rule.label()), Some(rule), "{text}: its label reads back");
        }
    }
    assert_eq!(Rule::from_db("monthly:0"), None);
    assert_eq!(Rule::from_db("fortnightly"), None);
}

#[test]
fn monthly_periods_start_after_the_issue_day() {
    let rule = Rule::Monthly { day: 25 };
    // Issued 03-01: 03-25, 04-25, 05-25, 06-25 up to 06-30.
    assert_eq!(
        dues(rule, "2022-03-01", "2022-06-30"),
        ["2022-03-25", "2022-04-25", "2022-05-25", "2022-06-25"]
    );
    // Issued on the 25th itself: nothing is due that day, the first is 04-25.
    let p = rule.periods(d("2022-03-25"), d("2022-03-25"), d("2022-04-30"));
    assert_eq!(p, [PeriodSpan { starts: d("2022-03-25"), due: d("2022-04-25") }]);
    // Windows follow on: 03-01…03-25, then 03-26…04-25.
    let p = rule.periods(d("2022-03-01"), d("2022-03-01"), d("2022-04-30"));
    assert_eq!(p[1], PeriodSpan { starts: d("2022-03-26"), due: d("2022-04-25") });
    // 每月31日前 in February is its last day.
    assert_eq!(dues(Rule::Monthly { day: 31 }, "2022-02-01", "2022-03-31"), ["2022-02-28", "2022-03-31"]);
    assert_eq!(dues(Rule::Monthly { day: 0 }, "2022-01-31", "2022-03-31"), ["2022-02-28", "2022-03-31"]);
}

#[test]
fn quarters_halves_weeks_and_years() {
    assert_eq!(
        dues(Rule::Quarterly, "2022-02-10", "2022-12-31"),
        ["2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]
    );
    assert_eq!(
        dues(Rule::HalfYearly, "2022-03-01", "2023-06-30"),
        ["2022-06-30", "2022-12-31", "2023-06-30"]
    );
    // From Tuesday 03-22: Fridays 03-25 and 04-01; 04-08 is after 04-05.
    let fri = Rule::Weekly { weekday: Weekday::Fri };
    assert_eq!(dues(fri, "2022-03-22", "2022-04-05"), ["2022-03-25", "2022-04-01"]);
    // From Saturday 03-26: the next Friday.
    assert_eq!(dues(fri, "2022-03-26", "2022-04-01"), ["2022-04-01"]);
    assert_eq!(dues(Rule::Yearly { month: 12 }, "2022-03-01", "2024-01-01"), ["2022-12-31", "2023-12-31"]);
    assert_eq!(dues(Rule::Yearly { month: 6 }, "2022-07-01", "2023-12-31"), ["2023-06-30"]);
}

#[test]
fn periods_are_named_for_people_and_for_scripts() {
    let named = |rule: Rule, due: &str| (rule.period_label(d(due)), rule.period_key(d(due)));
    assert_eq!(named(Rule::Monthly { day: 25 }, "2022-03-25"), ("2022年3月".into(), "2022-03".into()));
    assert_eq!(named(Rule::Quarterly, "2022-03-31"), ("2022年第1季度".into(), "2022Q1".into()));
    assert_eq!(named(Rule::HalfYearly, "2022-12-31"), ("2022年下半年".into(), "2022H2".into()));
    let fri = Rule::Weekly { weekday: Weekday::Fri };
    assert_eq!(named(fri, "2022-03-25"), ("2022年第12周".into(), "2022W12".into()));
    assert_eq!(named(Rule::Yearly { month: 12 }, "2022-12-31"), ("2022年".into(), "2022".into()));
}
