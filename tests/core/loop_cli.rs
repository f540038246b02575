//! The 督办 verbs of the command line: exact names and JSON shapes that scripts depend on.

use serde_json::Value;

use crate::support::duban;

fn run(args: &[&str], data: &std::path::Path) -> String {
    let out = duban(args, data);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn loop_verbs_record_and_list_and_stats_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], data);
    let fire = ["--office", "防火监督处"];
    let out = run(
        &[
            "feedback",
            "1",
            fire[0],
            fire[1],
            "已检查工地12处",
            "--date",
            "2022-03-18",
            "--channel",
            "电话",
            "--by",
            "王强",
        ],
        data,
    );
    assert!(out.contains("推进中"), "{out}");
    run(&["complete", "1", fire[0], fire[1], "--date", "2022-03-19", "--report", "检查完成"], data);
    run(&["return", "1", fire[0], fire[1], "--date", "2022-03-19", "--reason", "缺台账"], data);
    run(&["complete", "1", fire[0], fire[1], "--date", "2022-03-20", "--report", "补齐台账"], data);
    run(&["accept", "1", fire[0], fire[1], "--date", "2022-03-21", "--no-evidence"], data);
    let news = ["--office", "新闻宣传处"];
    let out = run(
        &[
            "extend",
            "1",
            news[0],
            news[1],
            "--to",
            "2022-04-30",
            "--reason",
            "宣传周",
            "--approved-by",
            "李副总队长",
            "--date",
            "2022-03-19",
        ],
        data,
    );
    assert!(out.contains("原定3月20日，经李副总队长同意延至4月30日"), "{out}");
    let out = run(
        &[
            "remind",
            "1",
            news[0],
            news[1],
            "--date",
            "2022-03-22",
            "--reached",
            "刘处长",
            "--answer",
            "下周报",
        ],
        data,
    );
    assert!(out.contains("提醒"), "{out}");

    let list: Value = serde_json::from_str(&run(&["list", "--json", "--date", "2022-03-22"], data)).unwrap();
    let states = list[0]["office_states"].as_array().unwrap();
    assert_eq!(states.len(), 2);
    assert_eq!(states[0]["office"], "防火监督处");
    assert_eq!(states[0]["role"], "lead");
    assert_eq!(states[0]["state"], "finished");
    assert_eq!(states[0]["finished_on"], "2022-03-20");
    assert_eq!(states[0]["last_feedback"], "2022-03-20");
    assert_eq!(states[1]["state"], "unreported");
    assert_eq!(states[1]["deadline"], "2022-04-30");
    assert_eq!(states[1]["original_deadline"], "2022-03-20");
    assert_eq!(states[1]["last_feedback"], Value::Null);
    assert_eq!(list[0]["loop_state"], "部分完成");

    let stats: Value =
        serde_json::from_str(&run(&["stats", "--json", "--date", "2022-03-22"], data)).unwrap();
    let fire = stats.as_array().unwrap().iter().find(|f| f["office"] == "防火监督处").unwrap();
    // 防火监督处 leads 一.1–一.4 (due 03-20); only 一.1 is finished (03-20, on time, 4 days).
    assert_eq!(fire["assigned"], 4);
    assert_eq!(fire["finished"], 1);
    assert_eq!(fire["on_time"], 1);
    assert_eq!(fire["on_time_rate"], 0.25);
    assert_eq!(fire["avg_days"], 4.0);
    assert_eq!(fire["unreported"], 3);
    assert_eq!(fire["late_unreported"], 0, "03-16 + 7 days is not before 03-22");
    assert_eq!(fire["returns"], 1);
    let news = stats.as_array().unwrap().iter().find(|f| f["office"] == "新闻宣传处").unwrap();
    assert_eq!((news["extensions"].as_u64(), news["finished"].as_u64()), (Some(1), Some(0)));
    for key in [
        "office",
        "assigned",
        "finished",
        "on_time",
        "on_time_rate",
        "avg_days",
        "unreported",
        "late_unreported",
        "extensions",
        "returns",
    ] {
        assert!(fire.get(key).is_some(), "{key}");
    }
}

#[test]
fn loop_refusals_exit_non_zero_with_a_chinese_message() {
    let dir = tempfile::tempdir().unwrap();
    run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], dir.path());
    let out = duban(&["complete", "1", "--office", "队务处", "--date", "2022-03-18"], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不是工作要求 一.1 的责任单位"), "{err}");
    let out = duban(
        &[
            "extend",
            "1",
            "--office",
            "防火监督处",
            "--to",
            "2022-03-01",
            "--reason",
            "x",
            "--approved-by",
            "y",
            "--date",
            "2022-03-18",
        ],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("须晚于通知印发日期"));
}
