//! The command line: parse prints the agreed JSON, import stores, list filters; bad input
//! exits non-zero with a Chinese message and writes nothing.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::duban;

const SEED: &str = "tests/fixtures/seed-notice.txt";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `duban list --office OFFICE --date TODAY --json`, parsed.
fn list_json(office: &str, today: &str, data: &Path) -> Vec<Value> {
    let out = duban(&["list", "--office", office, "--date", today, "--json"], data);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("list prints JSON")
}

#[test]
fn parse_prints_the_notice_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = duban(&["parse", SEED, "--date", "2022-03-16"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["issuer"], "辽宁省消防救援总队");
    assert_eq!(json["meeting"], "2022年第10次办公会议");
    assert_eq!(json["issued_on"], "2022-03-16");
    assert_eq!(json["recipients"], serde_json::json!(["各支队", "机关各处室"]));
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 5);
    assert_eq!(sections[4]["offices"], serde_json::json!(["队务处"]));
    let d = &sections[4]["directives"][0];
    for key in
        ["number", "title", "text", "offices", "support_offices", "deadline", "deadline_text", "recurrence"]
    {
        assert!(d.get(key).is_some(), "directive has {key}");
    }
    assert_eq!(d["number"], "五.1");
    assert_eq!(d["deadline"], "2022-12-31");
    assert_eq!(d["deadline_text"], "年底");
    assert_eq!(d["recurrence"], Value::Null);
    assert!(!dir.path().join("duban.sqlite3").exists(), "parse writes nothing");
}

#[test]
fn import_then_list_by_office_and_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let out = duban(&["import", SEED, "--date", "2022-03-16", "--author", "张伟"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("共 5 个部分、16 条工作要求。"));

    let list = list_json("队务处", "2022-03-22", dir.path());
    let numbers: Vec<&str> = list.iter().map(|d| d["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["四.1", "四.2", "四.3", "五.1", "五.2", "五.3"]);
    assert_eq!(list[3]["days_overdue"], Value::Null);
    assert_eq!(list[4]["days_overdue"], 2);
    assert_eq!(list[4]["status"], "not_started");

    let out = duban(&["list", "--overdue", "--date", "2022-03-22"], dir.path());
    assert!(stdout(&out).trim_end().ends_with("共 15 条"), "{}", stdout(&out));
    let out = duban(&["list", "--overdue", "--date", "2022-03-20"], dir.path());
    assert!(stdout(&out).trim_end().ends_with("共 0 条"), "due today is not overdue");

    let out = duban(&["list", "--office", "不存在处"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("名册中没有这个单位：不存在处"));
}

#[test]
fn bad_input_exits_non_zero_with_a_chinese_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "通知内容为空"),
        ("nul.txt", b"\x00\x01\x02binary\x00".to_vec(), "不是文本"),
        ("random.bin", (0..2048u32).map(|i| (i.wrapping_mul(2654435761) >> 7) as u8).collect(), "不是文本"),
        ("chat.txt", "明天下午开会。\n请准时参加。".as_bytes().to_vec(), "未找到编号部分"),
    ];
    for (name, bytes, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, &bytes).unwrap();
        for verb in ["parse", "import"] {
            let out = duban(&[verb, file.to_str().unwrap()], &data);
            assert!(!out.status.success(), "{verb} {name} must fail");
            let err = stderr(&out);
            assert!(err.contains(expected), "{verb} {name}: {err}");
            assert!(err.trim_end().ends_with(name), "file name last: {err}");
        }
    }
    let missing = duban(&["parse", "no-such-file.txt"], &data);
    assert!(stderr(&missing).contains("无法读取文件"));
    assert!(!data.join("duban.sqlite3").exists(), "nothing was written");

    let usage = duban(&["list", "--date", "3月16日"], &data);
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("日期格式不正确"));
}

#[test]
fn a_gbk_file_imports_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(SEED).unwrap();
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    let file = dir.path().join("通知-gbk.txt");
    std::fs::write(&file, &gbk).unwrap();
    let from_gbk = duban(&["parse", file.to_str().unwrap(), "--date", "2022-03-16"], dir.path());
    let from_utf8 = duban(&["parse", SEED, "--date", "2022-03-16"], dir.path());
    assert!(from_gbk.status.success(), "{}", stderr(&from_gbk));
    assert_eq!(stdout(&from_gbk), stdout(&from_utf8));
}

#[test]
fn status_and_notes_from_the_command_line_reach_the_list() {
    let dir = tempfile::tempdir().unwrap();
    assert!(duban(&["import", SEED, "--date", "2022-03-16"], dir.path()).status.success());
    let out = duban(&["status", "14", "已完成", "--author", "张伟", "--date", "2022-03-18"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("状态已改为“已完成”"));
    let out = duban(&["note", "15", "已逐人制定工作方案。", "--date", "2022-03-19"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = list_json("队务处", "2022-03-22", dir.path());
    let by_id = |id: i64| list.iter().find(|d| d["id"] == id).unwrap();
    assert_eq!(by_id(14)["status"], "done");
    assert_eq!(by_id(14)["days_overdue"], Value::Null);
    assert_eq!(by_id(15)["last_progress"], "2022-03-19：已逐人制定工作方案。");

    let out = duban(&["status", "999", "已完成"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("找不到编号为 999 的工作要求"));
    let out = duban(&["note", "15", "   "], dir.path());
    assert!(stderr(&out).contains("进展内容不能为空"));
}

#[test]
fn search_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(duban(&["import", SEED, "--date", "2022-03-16"], dir.path()).status.success());
    let out = duban(&["search", "员工", "--json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["number"], "一.2");
    let out = duban(&["search", "森林", "实战演练"], dir.path());
    assert!(
        stdout(&out).contains("二.2") && stdout(&out).trim_end().ends_with("找到 1 条"),
        "{}",
        stdout(&out)
    );
    let out = duban(&["search"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}
