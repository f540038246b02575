//! Export from the window: choose format and path, the worker writes the file, the dialog
//! offers to open it.

use crate::common::{click_button, harness, prepare_store};
use egui_kittest::kittest::Queryable as _;

#[test]
fn export_an_excel_summary_from_the_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-22");
    click_button(&mut h, "导出汇总…");
    assert!(h.state().is_export_open());
    h.get_by_label("Excel 表格").click();
    h.run();
    let target = dir.path().join("汇报.xlsx");
    let field = h.get_by_label("保存到");
    assert!(field.value().unwrap().ends_with(".xlsx"), "the extension follows the format");
    crate::common::replace_text(&mut h, "保存到", &target.display().to_string());
    click_button(&mut h, "导出");
    assert_eq!(h.state().exported_file(), Some(target.as_path()));
    let bytes = std::fs::read(&target).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an .xlsx (zip) file");
    h.get_by_label("打开所在文件夹");
    click_button(&mut h, "关闭");
    assert!(!h.state().is_export_open());
    assert!(h.state().status().unwrap().text.starts_with("已导出："));

    // The next export starts in the same folder — after a restart too (the window keeps it).
    assert_eq!(h.state().export_folder(), Some(dir.path()));
    click_button(&mut h, "导出汇总…");
    assert!(h.get_by_label("保存到").value().unwrap().starts_with(&dir.path().display().to_string()));
    drop(h);
    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-22");
    h.state_mut().set_export_folder(dir.path().to_path_buf());
    click_button(&mut h, "导出汇总…");
    assert!(h.get_by_label("保存到").value().unwrap().starts_with(&dir.path().display().to_string()));
}

#[test]
fn an_unwritable_path_is_explained_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-22");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.state().is_export_open(), "Ctrl+E opens the dialog");
    let target = dir.path().join("没有这个目录").join("汇报.docx");
    crate::common::replace_text(&mut h, "保存到", &target.display().to_string());
    click_button(&mut h, "导出");
    assert_eq!(h.state().exported_file(), None);
    h.get_by_label_contains("无法写入文件（文件不存在）");
    assert!(!target.exists());
}

#[test]
fn the_monthly_bulletin_from_the_export_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-04-05");
    click_button(&mut h, "导出汇总…");
    h.get_by_label("督查通报（月度、季度）").click();
    h.run();
    // Early in April the month just ended is proposed, and the file is named for it.
    h.get_by_label("通报期间");
    let field = h.get_by_label("保存到");
    assert!(field.value().unwrap().ends_with("督查通报-2022年3月.docx"), "{:?}", field.value());
    let target = dir.path().join("通报.docx");
    crate::common::replace_text(&mut h, "保存到", &target.display().to_string());
    click_button(&mut h, "导出通报");
    assert_eq!(h.state().exported_file(), Some(target.as_path()));
    let text = duban::notice::read_notice_file(&target).unwrap().text;
    assert!(text.contains("2022年3月工作要求督办落实情况通报"), "{text}");
    assert!(text.contains("截至2022年3月31日"), "{text}");
}

#[test]
fn the_brief_since_the_last_meeting_on_screen_and_as_word() {
    use duban::model::{Channel, DirectiveId, LoopAction, LoopEdit, NewFeedback};
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), true);
    // The seed notice was issued 03-16; 防火监督处 reported on 一.2 (2) on 03-18.
    let feedback = NewFeedback {
        on: crate::common::date("2022-03-18"),
        channel: Channel::Phone,
        by: None,
        phone: None,
        text: "已检查在建工地46处".into(),
    };
    let edit = LoopEdit { office: "防火监督处".into(), action: LoopAction::Feedback(feedback) };
    let actor = duban::store::Actor {
        author: "张伟",
        at: crate::common::date("2022-03-18").and_hms_opt(9, 0, 0).unwrap(),
    };
    store.apply_loop_edit(DirectiveId(2), &edit, &actor).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-22");
    click_button(&mut h, "导出汇总…");
    h.get_by_label("汇报稿（上次会议以来）").click();
    crate::common::settle(&mut h);
    h.get_by_label("防火监督处：反馈1次");
    h.get_by_label_contains("3月18日 反馈：已检查在建工地46处");
    h.get_by_label_contains("未报送任何情况：");
    let target = dir.path().join("汇报稿.docx");
    crate::common::replace_text(&mut h, "保存到", &target.display().to_string());
    click_button(&mut h, "导出汇报稿");
    assert_eq!(h.state().exported_file(), Some(target.as_path()));
    let text = duban::notice::read_notice_file(&target).unwrap().text;
    assert!(text.contains("（一）防火监督处：反馈1次。"), "{text}");
}

#[test]
fn the_evidence_list_is_offered_for_word_pdf_and_excel_and_rides_in_the_pdf() {
    use egui::accesskit::Toggled;
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), true);
    let photo = dir.path().join("整改后.png");
    image::RgbImage::from_pixel(32, 24, image::Rgb([20, 120, 20])).save(&photo).unwrap();
    let at = crate::common::date("2022-03-18").and_hms_opt(9, 0, 0).unwrap();
    let actor = duban::store::Actor { author: "张伟", at };
    let attached = duban::evidence::attach_file(
        &mut store,
        dir.path(),
        duban::model::DirectiveId(2),
        None,
        &photo,
        &actor,
    )
    .unwrap();
    let mut h = harness(store, dir.path(), "2022-03-22");
    click_button(&mut h, "导出汇总…");
    // CSV cannot carry it: the box is greyed out there.
    h.get_by_label("CSV（其他系统）").click();
    h.run();
    assert!(h.get_by_label("附佐证材料清单").accesskit_node().is_disabled());
    h.get_by_label("PDF（打印）").click();
    h.run();
    let check = h.get_by_label("附佐证材料清单");
    assert!(!check.accesskit_node().is_disabled());
    assert_eq!(check.accesskit_node().toggled(), Some(Toggled::False), "off unless asked for");
    check.click();
    h.run();
    assert_eq!(h.get_by_label("附佐证材料清单").accesskit_node().toggled(), Some(Toggled::True));
    let target = dir.path().join("汇报.pdf");
    crate::common::replace_text(&mut h, "保存到", &target.display().to_string());
    click_button(&mut h, "导出");
    assert_eq!(h.state().exported_file(), Some(target.as_path()));
    let text: String = pdf_extract::extract_text(&target).unwrap().split_whitespace().collect();
    assert!(text.contains("附件：佐证材料清单") && text.contains("整改后.png"), "{text}");
    assert!(text.contains(&attached.hash.to_string()[..16]), "the SHA-256 first line");
}
