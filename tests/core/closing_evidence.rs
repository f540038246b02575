//! 佐证销号: closing (已销号) or accepting (审核通过) a directive with no file dated on or after
//! its notice is refused by the command line unless `--no-evidence` says so, and the reports
//! then mark it 无佐证; a file dated after the notice backs it.

use std::path::Path;

use crate::support::duban;

fn run(args: &[&str], data: &Path) -> String {
    let out = duban(args, data);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn status_of(data: &Path, id: i64) -> String {
    let list: serde_json::Value =
        serde_json::from_str(&run(&["list", "--json", "--date", "2022-03-25"], data)).unwrap();
    let row = list.as_array().unwrap().iter().find(|d| d["id"] == id).unwrap().clone();
    row["status"].as_str().unwrap().to_owned()
}

#[test]
fn closing_without_evidence_is_refused_then_marked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The seed notice, issued 2022-03-16.
    run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], &data);
    let refused = duban(&["status", "16", "已销号", "--date", "2022-03-21"], &data);
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("没有通知印发后的佐证材料") && why.contains("--no-evidence"), "{why}");
    assert_ne!(status_of(&data, 16), "closed", "nothing written");
    run(&["complete", "1", "--office", "防火监督处", "--date", "2022-03-20"], &data);
    let refused = duban(&["accept", "1", "--office", "防火监督处", "--date", "2022-03-21"], &data);
    assert!(!refused.status.success(), "accept without evidence is refused too");

    // With --no-evidence it is closed, and the reports say 无佐证.
    run(&["status", "16", "已销号", "--date", "2022-03-21", "--no-evidence"], &data);
    assert_eq!(status_of(&data, 16), "closed");
    let csv = dir.path().join("汇总.csv");
    run(&["export", "-o", csv.to_str().unwrap(), "--date", "2022-03-25"], &data);
    let text = std::fs::read_to_string(&csv).unwrap();
    let line = text.lines().find(|l| l.contains(",五.3,")).expect("五.3's row");
    assert!(line.contains("已销号（无佐证）"), "{line}");

    // A file added on 03-22 (after the notice) backs 一.1: accepting needs no flag, and the
    // report does not say 无佐证.
    let file = dir.path().join("整改通知书.pdf");
    std::fs::write(&file, b"%PDF-1.4\n%%EOF\n").unwrap();
    run(&["attach", "--directive", "1", file.to_str().unwrap(), "--date", "2022-03-22"], &data);
    run(&["accept", "1", "--office", "防火监督处", "--date", "2022-03-22"], &data);
    run(&["export", "-o", csv.to_str().unwrap(), "--date", "2022-03-25"], &data);
    let text = std::fs::read_to_string(&csv).unwrap();
    let line =
        text.lines().find(|l| l.contains(",一.1,") && l.starts_with("防火监督处")).expect("一.1's row");
    assert!(!line.contains("无佐证"), "{line}");
}

#[test]
fn the_word_report_can_append_the_evidence_list() {
    use sha2::Digest as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], &data);
    let bytes = b"%PDF-1.4\n%%EOF\n";
    let file = dir.path().join("整改通知书.pdf");
    std::fs::write(&file, bytes).unwrap();
    run(
        &["attach", "--directive", "1", file.to_str().unwrap(), "--date", "2022-03-22", "--author", "李娜"],
        &data,
    );
    let out = dir.path().join("汇总.docx");
    run(&["export", "-o", out.to_str().unwrap(), "--date", "2022-03-25", "--evidence-list"], &data);
    let text = duban::notice::read_notice_file(&out).unwrap().text;
    let hash: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    for expected in
        ["附件：佐证材料清单", "整改通知书.pdf", "15 字节", &hash[..32], &hash[32..], "李娜", "2022-03-22"]
    {
        assert!(text.contains(expected), "missing {expected}\n{text}");
    }
    // Without the flag there is no appendix.
    run(&["export", "-o", out.to_str().unwrap(), "--date", "2022-03-25"], &data);
    assert!(!duban::notice::read_notice_file(&out).unwrap().text.contains("佐证材料清单"));
}
