//! `duban attach`, `duban check` and the evidence count in `duban list --json`.

use std::path::Path;

use serde_json::Value;

use crate::support::duban;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn import(data: &Path) {
    let out = duban(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], data);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn counts(data: &Path) -> Vec<(i64, i64)> {
    let out = duban(&["list", "--date", "2022-03-18", "--json"], data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| (r["id"].as_i64().unwrap(), r["evidence"].as_i64().unwrap()))
        .filter(|r| r.1 > 0)
        .collect()
}

#[test]
fn attach_stores_files_notes_duplicates_and_keeps_going_past_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    import(&data);
    let camera = dir.path().join("相机");
    std::fs::create_dir(&camera).unwrap();
    let photo = crate::support::jpeg(400, 300, 1);
    for (name, bytes) in
        [("IMG_1.jpg", &photo[..]), ("IMG_1 副本.jpg", &photo[..]), ("通知.pdf", b"%PDF-1.4\n")]
    {
        std::fs::write(camera.join(name), bytes).unwrap();
    }
    let files = ["IMG_1.jpg", "IMG_1 副本.jpg", "通知.pdf"].map(|n| camera.join(n).display().to_string());
    let mut args = vec!["attach", "--directive", "2", "--author", "李娜", "--date", "2022-03-18"];
    args.extend(files.iter().map(String::as_str));
    let out = duban(&args, &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("已添加：IMG_1.jpg（"), "{stdout}");
    assert!(stdout.contains("已在此工作要求中：IMG_1 副本.jpg"), "{stdout}");
    assert!(stdout.contains("已添加：通知.pdf（9 字节，application/pdf，材料编号 2）"), "{stdout}");
    assert_eq!(counts(&data), [(2, 2)]);
    assert_eq!(std::fs::read_dir(data.join("thumbs")).unwrap().count(), 1, "the photo's thumbnail is made");

    // The same photo on directive 3: stored once; a missing file fails alone.
    let missing = camera.join("没有.jpg").display().to_string();
    let out = duban(&["attach", "--directive", "3", &files[0], &missing, "--date", "2022-03-18"], &data);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("已添加（相同内容已存储过，未重复保存）：IMG_1.jpg"), "{stdout}");
    assert!(stdout.contains(&format!("失败：无法读取文件（文件不存在）：{missing}")), "{stdout}");
    assert!(text(&out.stderr).contains("1 个文件未能添加（共 2 个）"));
    assert_eq!(counts(&data), [(2, 2), (3, 1)]);

    let out = duban(&["attach", "--directive", "999", &files[2]], &data);
    assert!(!out.status.success());
    assert!(text(&out.stdout).contains("找不到编号为 999 的工作要求"), "{}", text(&out.stdout));
}

#[test]
fn check_passes_then_reports_a_damaged_file_with_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    import(&data);
    let photo = dir.path().join("现场.jpg");
    std::fs::write(&photo, crate::support::jpeg(64, 64, 2)).unwrap();
    let out = duban(&["attach", "--directive", "5", photo.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = duban(&["check"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("已校验 1 个材料文件"));
    assert!(text(&out.stdout).contains("材料文件完好"));

    let blob =
        std::fs::read_dir(data.join("evidence")).unwrap().flatten().find(|e| e.path().is_dir()).unwrap();
    let blob = std::fs::read_dir(blob.path()).unwrap().flatten().next().unwrap().path();
    std::fs::write(&blob, b"overwritten").unwrap();
    let out = duban(&["check", "--data", data.to_str().unwrap()], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("损坏：现场.jpg"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("发现 0 个缺失、1 个损坏的材料文件"), "{}", text(&out.stderr));
}
