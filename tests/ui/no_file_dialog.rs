//! Where no desktop file dialog can be shown (a bare X server, a locked-down desktop), every
//! place that picks a file still works: a path can be typed. The tests run with system dialogs
//! off (`without_system_dialogs`), so a pick answers "nothing chosen" at once, as it does on
//! such machines — and a developer's desktop never opens a dialog that waits for a person.

use std::time::{Duration, Instant};

use crate::common::{click_button, harness, prepare_store, settle};
use egui_kittest::kittest::Queryable as _;

/// Steps frames until `label` shows (the dialog's answer comes from another thread).
fn wait_for(h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>, label: &str) {
    let start = Instant::now();
    while h.query_by_label(label).is_none() {
        assert!(start.elapsed() < Duration::from_secs(20), "{label} did not appear");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn adding_files_falls_back_to_a_typed_path() {
    let (_dir, mut h) = crate::common::on_building_sites();
    let outside = tempfile::tempdir().unwrap();
    let (a, b) = (outside.path().join("整改通知.pdf"), outside.path().join("台账.xlsx"));
    std::fs::write(&a, b"%PDF-1.4\n").unwrap();
    std::fs::write(&b, b"PK\x03\x04 not really").unwrap();
    h.get_by_label("添加材料…").scroll_to_me();
    h.run();
    h.get_by_label("添加材料…").click();
    wait_for(&mut h, "文件路径：");
    h.get_by_label_contains("若系统文件对话框没有出现");
    h.get_by_label("文件路径：").click();
    h.run();
    h.get_by_label("文件路径：").type_text(&format!("{} ; {}", a.display(), b.display()));
    h.run();
    click_button(&mut h, "添加");
    settle(&mut h);
    settle(&mut h);
    let names: Vec<String> =
        h.state().detail().unwrap().evidence.iter().map(|e| e.original_name.clone()).collect();
    assert_eq!(names, ["整改通知.pdf", "台账.xlsx"]);
    assert!(h.query_by_label("文件路径：").is_none(), "the field goes once the files are added");
}

#[test]
fn enter_in_the_import_path_field_reads_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    let file = dir.path().join("通知.txt");
    std::fs::write(&file, crate::common::seed_text()).unwrap();
    click_button(&mut h, "导入通知…");
    h.get_by_label("或打开文件：").click();
    h.run();
    h.get_by_label("或打开文件：").type_text(&file.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert!(h.state().is_import_reviewing(), "Enter read and parsed the file");
}
