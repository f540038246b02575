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

/// The 佐证材料清单 in the PDF (a page after the report, the SHA-256 in four lines of 16) and
/// in Excel (its own sheet: the whole SHA-256 in one cell, the size in bytes, added-at a date);
/// CSV cannot carry it and says so.
#[test]
fn the_pdf_and_excel_reports_can_carry_the_evidence_list_too() {
    use sha2::Digest as _;
    use std::io::Read as _;
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
    let hash: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();

    let pdf = dir.path().join("汇总.pdf");
    run(&["export", "-o", pdf.to_str().unwrap(), "--date", "2022-03-25", "--evidence-list"], &data);
    let with = pdf_extract::extract_text(&pdf).unwrap();
    let squeezed: String = with.split_whitespace().collect();
    assert!(squeezed.contains("附件：佐证材料清单"), "{with}");
    for expected in ["整改通知书.pdf", "15字节", "李娜", "2022-03-2212:00"] {
        assert!(squeezed.contains(expected), "missing {expected}\n{with}");
    }
    for quarter in hash.as_bytes().chunks(16) {
        let quarter = std::str::from_utf8(quarter).unwrap();
        assert!(squeezed.contains(quarter), "missing {quarter} of the SHA-256\n{with}");
    }
    // After the report: the date line comes first.
    assert!(squeezed.find("2022年3月25日") < squeezed.find("附件：佐证材料清单"));
    run(&["export", "-o", pdf.to_str().unwrap(), "--date", "2022-03-25"], &data);
    let without = pdf_extract::extract_text(&pdf).unwrap();
    assert!(!without.contains("佐证材料清单"), "no appendix without the flag");

    let xlsx = dir.path().join("汇总.xlsx");
    run(&["export", "-o", xlsx.to_str().unwrap(), "--date", "2022-03-25", "--evidence-list"], &data);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    let workbook = part("xl/workbook.xml");
    assert!(workbook.contains(r#"name="佐证材料清单""#), "{workbook}");
    let sheet = part("xl/worksheets/sheet3.xml");
    let strings = part("xl/sharedStrings.xml");
    for expected in ["整改通知书.pdf", "15 字节", "李娜", "一.1", hash.as_str()] {
        assert!(strings.contains(expected), "missing {expected}");
    }
    // 15 bytes as a number; added 2022-03-22 12:00 (the --date clock) is Excel serial 44642.5.
    assert!(sheet.contains("<v>15</v>") && sheet.contains("<v>44642.5</v>"), "{sheet}");
    run(&["export", "-o", xlsx.to_str().unwrap(), "--date", "2022-03-25"], &data);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    assert!(archive.by_name("xl/worksheets/sheet3.xml").is_err(), "no sheet without the flag");

    let csv = dir.path().join("汇总.csv");
    let refused = duban(&["export", "-o", csv.to_str().unwrap(), "--evidence-list"], &data);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("CSV 不能附佐证材料清单"));
    assert!(!csv.exists(), "nothing written");
}
