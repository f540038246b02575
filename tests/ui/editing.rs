//! Typing through an input method: the officer's name (asked once), progress notes, office
//! lists; and bad input in the import dialog.

use crate::common::{click_button, date, harness, ime_commit, prepare_store, settle};
use duban::store::Store;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_name_is_asked_once_typed_through_the_ime_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), None, true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    h.get_by_label("姓名").click();
    h.run();
    ime_commit(&mut h, "王建国");
    click_button(&mut h, "确定");
    assert_eq!(h.state().author(), Some("王建国"));
    drop(h);

    // Reopened: the name is remembered and not asked again.
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(store.author().unwrap().as_deref(), Some("王建国"));
    let h = harness(store, dir.path(), "2022-03-18");
    assert!(h.query_by_label("姓名").is_none(), "not asked twice");
    h.get_by_label("填报人：王建国");
}

#[test]
fn a_progress_note_typed_in_chinese_is_stored_signed_and_shown_in_the_table() {
    let (_dir, mut h) = crate::common::on_building_sites();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(h.get_by_label("进展内容").is_focused(), "Ctrl+N starts a note");
    ime_commit(&mut h, "已联合住建部门检查工地12处，");
    ime_commit(&mut h, "整改隐患37项。");
    click_button(&mut h, "添加进展");
    let detail = h.state().detail().unwrap();
    assert_eq!(detail.notes.len(), 1);
    assert_eq!(detail.notes[0].text, "已联合住建部门检查工地12处，整改隐患37项。");
    assert_eq!(detail.notes[0].author, "李娜");
    assert_eq!(detail.notes[0].on, date("2022-03-18"));
    let row = h.state().visible_rows().into_iter().find(|d| d.number == "一.2").unwrap();
    assert_eq!(
        row.last_note.as_ref().map(|p| p.1.as_str()),
        Some("已联合住建部门检查工地12处，整改隐患37项。")
    );
    h.get_by_label("3月18日：已联合住建部门检查工地12处，整改隐患37项。");
    // The form is empty again for the next note.
    assert_eq!(h.get_by_label("进展内容").value().as_deref(), Some(""));
}

#[test]
fn offices_edited_in_the_detail_pane_move_the_directive_between_offices() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    assert_eq!(h.state().counts_of(Some("大连支队")).open, 0);
    click_button(&mut h, "全部");
    h.get_by_label("森林火灾扑救").click();
    settle(&mut h);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "责任单位");
    assert_eq!(field.value().as_deref(), Some("指挥中心、作战训练处、特种灾害救援处、信息通信处"));
    field.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    ime_commit(&mut h, "作战训练处、大连支队");
    click_button(&mut h, "保存单位");
    assert_eq!(h.state().detail().unwrap().row.offices_text(), "作战训练处、大连支队");
    assert_eq!(h.state().counts_of(Some("大连支队")).open, 1);
    // 二.1, 二.3 and the three of 四、 (各处室) remain.
    assert_eq!(h.state().counts_of(Some("指挥中心")).open, 5);
}

#[test]
fn text_that_is_not_a_notice_is_refused_in_the_dialog_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), false);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "导入通知…");
    h.get_by_label("粘贴通知全文：").click();
    h.run();
    ime_commit(&mut h, "今天下午三点开会，请准时参加。");
    click_button(&mut h, "解析");
    assert!(!h.state().is_import_reviewing());
    h.get_by_label_contains("未找到编号部分");

    // A binary file typed as a path: refused with the reason and the path.
    let binary = dir.path().join("照片.jpg");
    std::fs::write(&binary, [0xFFu8, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0, 1, 2, 3]).unwrap();
    h.get_by_label("或打开文件：").click();
    h.run();
    h.get_by_label("或打开文件：").type_text(&binary.display().to_string());
    h.run();
    click_button(&mut h, "读取文件并解析");
    h.get_by_label_contains("照片.jpg");
    h.get_by_label_contains("不是文本");
    // It names what does work: Word as well as text files.
    h.get_by_label_contains("Word（.docx）或文本（.txt）");
    click_button(&mut h, "取消");
    assert!(!h.state().is_import_open());
    drop(h);
    assert_eq!(Store::open_dir(dir.path()).unwrap().counts().unwrap(), (0, 0, 0));
}

#[test]
fn settings_change_the_due_soon_window_and_theme_and_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    // Deadlines 2022-03-20 are four days away: not "due soon" with the default of three.
    let mut h = harness(store, dir.path(), "2022-03-16");
    assert_eq!(h.state().counts_of(None).due_soon, 0);
    click_button(&mut h, "设置…");
    h.get_by_label("即将到期提醒").set_value_accesskit(5.0);
    h.run();
    h.get_by_label("深色").click();
    h.run();
    click_button(&mut h, "保存");
    assert_eq!(h.state().settings().due_soon_days, 5);
    assert!(h.state().settings().dark);
    assert_eq!(h.state().counts_of(None).due_soon, 15, "amber now reaches five days ahead");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    drop(h);
    let settings = Store::open_dir(dir.path()).unwrap().settings().unwrap();
    assert_eq!((settings.author.as_deref(), settings.due_soon_days, settings.dark), (Some("李娜"), 5, true));
}

#[test]
fn a_gbk_file_is_read_detected_and_its_encoding_can_be_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), false);
    // The UTF-16 preview is deliberately garbage, in characters no font has.
    let mut h = crate::common::harness_allowing_tofu(store, dir.path(), "2022-03-16");
    let text = crate::common::seed_text();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let file = dir.path().join("通知.txt");
    std::fs::write(&file, &gbk).unwrap();
    click_button(&mut h, "导入通知…");
    h.get_by_label("或打开文件：").click();
    h.run();
    h.get_by_label("或打开文件：").type_text(&file.display().to_string());
    h.run();
    click_button(&mut h, "读取文件并解析");
    assert!(h.state().is_import_reviewing());
    h.get_by_label_contains("识别出 5 个部分、16 条工作要求");
    let shown = |h: &egui_kittest::Harness<'static, duban::ui::DubanApp>| h.get_by_label("文件编码").value();
    assert_eq!(shown(&h).as_deref(), Some("GBK / GB18030"), "detected");
    // Read as UTF-16 instead: no notice can be read that way; the message says so and the
    // GBK parse stays on screen.
    h.get_by_label("文件编码").click();
    h.run();
    h.get_by_label_contains("UTF-16（小端）").click();
    settle(&mut h);
    assert!(h.state().is_import_reviewing());
    h.get_by_label_contains("⚠");
    assert_eq!(shown(&h).as_deref(), Some("GBK / GB18030"));
}

/// A file dropped from the file manager, as the windowing layer hands it to egui.
#[test]
fn files_dropped_on_a_directive_are_stored_listed_and_counted() {
    let (_dir, mut h) = crate::common::on_building_sites();
    // A small PNG photo and a PDF, from outside the data directory.
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("检查照片.png");
    image::RgbImage::from_pixel(64, 48, image::Rgb([200, 30, 30])).save(&photo).unwrap();
    let pdf = outside.path().join("整改通知.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% minimal\n").unwrap();
    h.input_mut().dropped_files.push(std::sync::Arc::new(crate::common::Dropped(photo)));
    h.input_mut().dropped_files.push(std::sync::Arc::new(crate::common::Dropped(pdf)));
    settle(&mut h);
    settle(&mut h);
    let detail = h.state().detail().expect("detail");
    let names: Vec<&str> = detail.evidence.iter().map(|e| e.original_name.as_str()).collect();
    assert_eq!(names, ["检查照片.png", "整改通知.pdf"]);
    assert_eq!(h.state().status().unwrap().text, "已添加 2 个材料");
    let row = h.state().board().directives.iter().find(|d| d.number == "一.2").unwrap();
    assert_eq!(row.evidence, 2, "the table counts them");
    h.get_by_label("材料（2）");
    h.get_by_label("整改通知.pdf");
    // The photo's thumbnail is made on the file worker and shown (no "无法预览"); a click
    // opens it large inside the app.
    settle(&mut h);
    assert!(h.query_by_label("无法预览").is_none());
    h.get_by_label("照片 检查照片.png").scroll_to_me();
    h.run();
    h.get_by_label("照片 检查照片.png").click();
    settle(&mut h);
    settle(&mut h);
    h.get_by_label("检查照片.png（1/1）");
    assert!(h.query_by_label_contains("无法预览").is_none(), "the picture decoded");
    h.get_by_label_contains("由 李娜 添加");
    // Zoom: to the picture's own size (64×48 fits, so 100%), then larger, then fit again.
    click_button(&mut h, "原始大小");
    h.get_by_label("100%");
    click_button(&mut h, "放大");
    h.get_by_label("125%");
    click_button(&mut h, "适合窗口");
    h.get_by_label("100%");
    click_button(&mut h, "关闭");
    assert!(h.query_by_label("检查照片.png（1/1）").is_none());
    // A caption, typed through the input method.
    h.get_all_by_label("说明…").next().unwrap().click();
    h.run();
    ime_commit(&mut h, "工地东侧彩钢板宿舍");
    click_button(&mut h, "保存说明");
    assert_eq!(h.state().detail().unwrap().evidence[0].caption, "工地东侧彩钢板宿舍");

    // 移到回收站 removes it from the list, restorable.
    // (The files sit low in the pane: scrolled into view first, as an officer would.)
    h.get_all_by_label("移到回收站").next().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label("移到回收站").next().unwrap().click();
    settle(&mut h);
    assert_eq!(h.state().detail().unwrap().evidence.len(), 1);
    assert!(h.state().status().unwrap().text.starts_with("已移到回收站"));

    // 回收站…: the file is listed and comes back with 恢复.
    click_button(&mut h, "回收站…");
    h.get_by_label("检查照片.png");
    click_button(&mut h, "恢复");
    assert_eq!(h.state().detail().unwrap().evidence.len(), 2);
    h.get_by_label("回收站是空的。");
    click_button(&mut h, "关闭");

    // Emptying asks first; only then are the rows gone.
    h.get_all_by_label("移到回收站").next().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label("移到回收站").next().unwrap().click();
    settle(&mut h);
    click_button(&mut h, "回收站…");
    click_button(&mut h, "清空回收站…");
    h.get_by_label_contains("此操作不能撤销");
    click_button(&mut h, "确定清空");
    assert_eq!(h.state().detail().unwrap().evidence.len(), 1);
    assert!(h.state().status().unwrap().text.starts_with("已清空回收站（1 个材料）"));
}

#[test]
fn checking_evidence_from_the_window_finds_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("李娜"), true);
    let file = dir.path().join("现场.png");
    image::RgbImage::from_pixel(32, 32, image::Rgb([10, 120, 40])).save(&file).unwrap();
    let actor =
        duban::store::Actor { author: "李娜", at: date("2022-03-18").and_hms_opt(9, 0, 0).unwrap() };
    let attached = duban::evidence::attach_file(
        &mut store,
        dir.path(),
        duban::model::DirectiveId(2),
        None,
        &file,
        &actor,
    )
    .unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    open_check(&mut h);
    h.get_by_label("数据库完好；变更记录 2 条，完整无改动。");
    h.get_by_label("全部 1 个材料文件完好。");
    click_button(&mut h, "关闭");

    // Damage the stored copy behind duban's back: the check names the file.
    let blob = duban::evidence::BlobStore::in_data_dir(dir.path()).path_of(&attached.hash);
    std::fs::write(&blob, b"not the photo any more").unwrap();
    open_check(&mut h);
    h.get_by_label("已校验 1 个文件：缺失 0 个，损坏 1 个。");
    h.get_by_label("损坏：现场.png");
}

/// 数据 → 检查数据…
fn open_check(h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>) {
    click_button(h, "数据");
    click_button(h, "检查数据…");
    settle(h);
}

#[test]
fn roster_edits_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "名册…");
    let text_input = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(text_input, "新增单位").click();
    h.run();
    ime_commit(&mut h, "政治部");
    click_button(&mut h, "添加");
    h.get_by_role_and_label(text_input, "防火监督处").click();
    h.run();
    ime_commit(&mut h, "防火处");
    // Only the changed office's 保存别名 is enabled.
    {
        use egui_kittest::kittest::NodeT as _;
        h.get_all_by_label("保存别名").find(|n| !n.accesskit_node().is_disabled()).expect("enabled").click();
    }
    settle(&mut h);
    assert!(h.state().board().offices.iter().any(|o| o.name == "政治部"));
    click_button(&mut h, "关闭");
    drop(h);

    let store = Store::open_dir(dir.path()).unwrap();
    let h = harness(store, dir.path(), "2022-03-18");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "政治部");
    let board = h.state().board();
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    assert_eq!(board.aliases, [("防火处".to_owned(), fire)]);
}

#[test]
fn the_next_meeting_date_is_set_once_and_the_overview_counts_down_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("李娜"), true);
    let mut settings = store.settings().unwrap();
    settings.next_meeting = Some(date("2022-03-25"));
    store.save_settings(&settings).unwrap();
    let h = harness(store, dir.path(), "2022-03-22");
    h.get_by_label("下次办公会议：3月25日（还有 3 天），需汇报未办结工作要求 16 项");
    drop(h);
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(store.settings().unwrap().next_meeting, Some(date("2022-03-25")));
}
