//! 周期报送 through the store and the command line, on a small register whose periods were
//! worked out by hand: tests/fixtures/recurring-notice.txt, issued 2022-03-01 —
//! 一.1 防火监督处 每月25日前 (年底前: ends 12-31), 一.2 新闻宣传处 每季度末, 一.3 作战训练处 4月30日前.

use duban::model::{DirectiveId, OfficeState, Rule, RuleVersion, Status};
use duban::store::{SCHEMA_VERSION, Store};
use rusqlite::Connection;
use serde_json::Value;

use crate::support::{date, duban};

fn run(args: &[&str], data: &std::path::Path) -> String {
    let out = duban(args, data);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn feedback(data: &std::path::Path, id: &str, office: &str, on: &str) -> String {
    run(&["feedback", id, "--office", office, "报送本期情况", "--date", on], data)
}

/// The register: imported, then 防火 reports 03-20, 03-22 and 04-28, 新闻 04-02.
fn register() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    run(&["import", "tests/fixtures/recurring-notice.txt", "--date", "2022-03-01"], data);
    // 03-20 is in 一.1's first window (03-01…03-25): it answers 2022年3月.
    assert!(feedback(data, "1", "防火监督处", "2022-03-20").contains("2022年3月已报送"));
    // 03-22 is in the same window: the period was already answered.
    assert!(!feedback(data, "1", "防火监督处", "2022-03-22").contains("已报送"));
    // 04-28 is in the 05-25 window (04-26…05-25): May answered early; April (04-25) missed.
    feedback(data, "1", "防火监督处", "2022-04-28");
    // 04-02 is in Q2's window (04-01…06-30); Q1 (03-31) was missed.
    feedback(data, "2", "新闻宣传处", "2022-04-02");
    dir
}

fn periods(data: &std::path::Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["periods", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&run(&args, data)).unwrap()
}

fn due_and_received(list: &[Value]) -> Vec<(String, String, Option<String>)> {
    list.iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().map(str::to_owned);
            (s("office").unwrap(), s("due").unwrap(), s("received_on"))
        })
        .collect()
}

#[test]
fn periods_are_listed_with_what_each_office_sent() {
    let dir = register();
    let list = periods(dir.path(), &["--date", "2022-05-10"]);
    let some = |s: &str| Some(s.to_owned());
    // 防火: 03-25 (03-20), 04-25 (none), 05-25 open now (04-28); 新闻: 03-31 (none), 06-30 (04-02).
    assert_eq!(
        due_and_received(&list),
        [
            ("防火监督处".into(), "2022-03-25".into(), some("2022-03-20")),
            ("防火监督处".into(), "2022-04-25".into(), None),
            ("防火监督处".into(), "2022-05-25".into(), some("2022-04-28")),
            ("新闻宣传处".into(), "2022-03-31".into(), None),
            ("新闻宣传处".into(), "2022-06-30".into(), some("2022-04-02")),
        ]
    );
    assert_eq!(list[0]["directive"], 1);
    assert_eq!(list[0]["number"], "一.1");
    assert_eq!(list[0]["period"], "2022-03");
    assert_eq!(list[3]["period"], "2022Q1");
    assert_eq!(periods(dir.path(), &["--date", "2022-05-10", "--office", "新闻宣传处"]).len(), 2);
    let text = run(&["periods", "--date", "2022-05-10"], dir.path());
    assert!(text.contains("未报送（逾期15天）"), "04-25 → 05-10 is 15 days: {text}");
    assert!(text.contains("共 5 期，未报送 2 期"), "{text}");

    // A received period closes nothing: 一.1 is still 推进中, its office too.
    let store = Store::open_dir(dir.path()).unwrap();
    let row = store.directive_row(DirectiveId(1)).unwrap();
    assert_eq!((row.status, row.assignments[0].track.state), (Status::InProgress, OfficeState::InProgress));

    // Figures on 05-10: 防火 and 新闻 each missed one period (未反馈 1, 逾期未反馈 1); 作战训练处
    // never reported 一.3 (未反馈 1; 03-01 + 7 < 05-10: 逾期未反馈 1).
    let stats: Vec<Value> =
        serde_json::from_str(&run(&["stats", "--json", "--date", "2022-05-10"], dir.path())).unwrap();
    let of = |name: &str| stats.iter().find(|s| s["office"] == name).unwrap().clone();
    for (name, missed) in [("防火监督处", 1), ("新闻宣传处", 1), ("作战训练处", 0)] {
        let s = of(name);
        assert_eq!((s["unreported"].as_i64(), s["late_unreported"].as_i64()), (Some(1), Some(1)), "{name}");
        assert_eq!(s["missed_periods"].as_i64(), Some(missed), "{name}");
    }
}

#[test]
fn editing_the_rule_moves_later_periods_only_and_closing_ends_them() {
    let dir = register();
    let data = dir.path();
    // On 05-10 一.1 becomes 每月底: 03-25 and 04-25 stay; the next is 05-31, its window from
    // 04-26, so the 04-28 report now answers it.
    let out = run(&["recur", "1", "每月底", "--date", "2022-05-10"], data);
    assert!(out.contains("自2022-05-10起"), "{out}");
    let list = periods(data, &["--date", "2022-05-10", "--office", "防火监督处"]);
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        due_and_received(&list),
        [
            ("防火监督处".into(), "2022-03-25".into(), some("2022-03-20")),
            ("防火监督处".into(), "2022-04-25".into(), None),
            ("防火监督处".into(), "2022-05-31".into(), some("2022-04-28")),
        ]
    );
    let store = Store::open_dir(data).unwrap();
    let plan = store.directive_row(DirectiveId(1)).unwrap().recurrence.unwrap();
    assert_eq!(
        plan.versions,
        [
            RuleVersion { from: date("2022-03-01"), rule: Rule::Monthly { day: 25 } },
            RuleVersion { from: date("2022-05-10"), rule: Rule::Monthly { day: 0 } },
        ]
    );
    assert_eq!(plan.ends_on, Some(date("2022-12-31")), "the end stays");
    drop(store);
    // A rule may not start before the one in force.
    let refused = duban(&["recur", "1", "每季度", "--from", "2022-04-01", "--date", "2022-05-11"], data);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("不早于现行规则的起始日期"));

    // 销号 on 06-05: nothing is due after that day.
    run(&["status", "1", "已销号", "--date", "2022-06-05", "--no-evidence"], data);
    let list = periods(data, &["--date", "2022-08-01", "--office", "防火监督处"]);
    let dues: Vec<_> = list.iter().map(|p| p["due"].as_str().unwrap().to_owned()).collect();
    assert_eq!(dues, ["2022-03-25", "2022-04-25", "2022-05-31"]);
}

#[test]
fn migration_reads_stored_recurrences_and_matches_their_feedback() {
    const { assert!(SCHEMA_VERSION >= 9) };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v8.sqlite3", &path).unwrap();
    {
        // In the v8 fixture, 一.2 (2, notice issued 2022-03-16) has a feedback of office 15 on 03-18.
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE directive SET recurrence = '每月25日前', deadline = '2022-06-30' WHERE id = 2",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let row = store.directive_row(DirectiveId(2)).unwrap();
    let plan = row.recurrence.clone().expect("a plan from the words");
    assert_eq!(plan.versions, [RuleVersion { from: date("2022-03-16"), rule: Rule::Monthly { day: 25 } }]);
    assert_eq!(plan.ends_on, Some(date("2022-06-30")));
    let office = row.assignments.iter().find(|a| a.office.0 == 15).unwrap();
    // 03-18 is in the first window (03-16…03-25).
    assert_eq!(office.track.received(), [(date("2022-03-25"), date("2022-03-18"))]);
    let (field, old): (String, String) = store
        .connection()
        .query_row("SELECT field, old_value FROM change_log ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((field.as_str(), old.as_str()), ("迁移", "第8版"));
}
