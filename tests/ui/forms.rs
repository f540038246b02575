//! 督办单… in the window: one click writes every office's forms into a folder; returned files
//! dropped onto the window are read on the worker and shown per file and per row with the
//! conflicts; the rows the officer keeps are written, the one unticked is not.

use std::sync::Arc;

use crate::common::{Dropped, click_button, harness, prepare_store, settle};

type Harness = egui_kittest::Harness<'static, duban::ui::DubanApp>;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn forms_out_returns_in_reviewed_row_by_row_and_written() {
    let (dir, mut h, out) = forms_generated();
    assert!(out.join("反馈单_2022年第1号_防火监督处.xlsx").exists());

    // Two returns from 防火监督处 (the filled form and a copy renamed): conflicts shown.
    let inbox = dir.path().join("收文");
    std::fs::create_dir_all(&inbox).unwrap();
    let a = inbox.join("防火处反馈.docx");
    let b = inbox.join("防火处反馈（重发）.docx");
    std::fs::copy("tests/fixtures/forms/filled-word.docx", &a).unwrap();
    std::fs::copy("tests/fixtures/forms/filled-word.docx", &b).unwrap();
    h.input_mut().dropped_files.push(Arc::new(Dropped(a.clone())));
    h.input_mut().dropped_files.push(Arc::new(Dropped(b)));
    settle(&mut h);
    assert!(h.get_all_by_label_contains("也是该单位对此项的反馈").count() >= 3);
    click_button(&mut h, "关闭");
    assert!(h.query_by_label("为全部单位生成").is_none(), "closed");

    // One return: three rows proposed, the second unticked by the officer.
    click_button(&mut h, "督办单…");
    h.get_by_label("为全部单位生成");
    h.input_mut().dropped_files.push(Arc::new(Dropped(a)));
    settle(&mut h);
    h.get_by_label_contains("按表单标识识别");
    assert_eq!(h.get_all_by_label("采纳").count(), 3);
    h.get_by_label_contains("申请延期至 2022-04-30");
    h.get_all_by_label("采纳").nth(1).unwrap().click_accesskit();
    h.run();
    h.get_by_label("延期批准人：").click();
    h.run();
    h.get_by_label("延期批准人：").type_text("李副总队长");
    h.run();
    click_button(&mut h, "写入已采纳的 2 行");
    assert!(
        h.get_all_by_label_contains("已写入 3 条记录").count() >= 1,
        "the dialog and the status bar say so"
    );

    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let n = |sql: &str| -> i64 { store.connection().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(n("SELECT count(*) FROM feedback WHERE channel = 'written'"), 2);
    assert_eq!(n("SELECT count(*) FROM completion"), 0, "the unticked 申请办结 was not written");
    assert_eq!(n("SELECT count(*) FROM extension WHERE approved_by = '李副总队长'"), 1);
    assert_eq!(n("SELECT count(*) FROM form_return"), 1);
}

#[test]
fn urge_notices_from_the_window_record_a_written_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let today = crate::common::date("2022-03-22");
    let due =
        duban::model::reminders_due(&store.load_board().unwrap(), today, store.feedback_cadence().unwrap());
    assert!(!due.is_empty(), "the seed's deadline 03-20 has passed");
    let mut h = harness(store, dir.path(), "2022-03-22");
    click_button(&mut h, "督办单…");
    let out = dir.path().join("催办");
    h.get_by_label("保存到文件夹：").click();
    h.run();
    h.get_by_label("保存到文件夹：").type_text(&out.display().to_string());
    h.run();
    click_button(&mut h, "生成催办通知");
    assert!(h.get_all_by_label_contains("个单位生成催办通知").count() >= 1);
    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let written: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM reminder WHERE channel = 'written'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(written as usize, due.len(), "one 书面催办 per item due today");
    assert!(std::fs::read_dir(&out).unwrap().count() >= 1);
}

#[test]
fn each_extension_row_may_name_its_own_approver() {
    let (dir, mut h, _) = forms_generated();
    // 防火监督处 asks to extend 一.3 (Word), 新闻宣传处 三.3 (Excel).
    let inbox = dir.path().join("收文");
    std::fs::create_dir_all(&inbox).unwrap();
    let word = inbox.join("防火处.docx");
    let excel = inbox.join("新闻处.xlsx");
    std::fs::copy("tests/fixtures/forms/filled-word.docx", &word).unwrap();
    std::fs::copy("tests/fixtures/forms/filled-excel.xlsx", &excel).unwrap();
    h.input_mut().dropped_files.push(Arc::new(Dropped(word)));
    h.input_mut().dropped_files.push(Arc::new(Dropped(excel)));
    settle(&mut h);
    let rows: Vec<String> = h
        .get_all_by_label_contains("行批准人：")
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows.len(), 2, "one approver field per extension asked: {rows:?}");
    // The Word row's extension by 王总队长, the rest by the one named for all.
    text_field(&h, &rows[0]).click();
    h.run();
    text_field(&h, &rows[0]).type_text("王总队长");
    h.run();
    h.get_by_label("延期批准人：").click();
    h.run();
    h.get_by_label("延期批准人：").type_text("李副总队长");
    h.run();
    let accepted = h.get_all_by_label("采纳").count();
    click_button(&mut h, &format!("写入已采纳的 {accepted} 行"));
    assert!(h.get_all_by_label_contains("已写入").count() >= 1, "the dialog says what it wrote");

    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let approvals: Vec<(i64, String)> = store
        .connection()
        .prepare("SELECT directive_id, approved_by FROM extension ORDER BY directive_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(approvals, [(3, "王总队长".to_owned()), (10, "李副总队长".to_owned())]);
}

/// The text field labelled `label` (its label's own node has the same name).
/// The seed notice on 2022-03-18 (the forms get the identifiers the LibreOffice-filled fixtures
/// carry), every office's forms written into 督办单/ from the window.
fn forms_generated() -> (tempfile::TempDir, Harness, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "督办单…");
    let out = dir.path().join("督办单");
    h.get_by_label("保存到文件夹：").click();
    h.run();
    h.get_by_label("保存到文件夹：").type_text(&out.display().to_string());
    h.run();
    click_button(&mut h, "为全部单位生成");
    h.get_by_label_contains("已为 9 个单位生成督办单");
    (dir, h, out)
}

fn text_field<'h>(h: &'h Harness, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_all_by_label(label).find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput).unwrap()
}
