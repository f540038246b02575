//! The main window driven like an officer would: import through the dialog, pick an office,
//! mark a directive done, see counts and colours change; overdue items drawn as overdue.

use crate::common::{click_button, date, harness, ime_commit, prepare_store, seed_text, settle};
use duban::model::{BoardFilter, Status, Urgency};
use duban::ui::theme;
use egui_kittest::kittest::Queryable as _;

#[test]
fn import_the_seed_through_the_dialog_then_close_one_for_duiwuchu() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    assert!(h.state().board().directives.is_empty());

    click_button(&mut h, "导入通知…");
    assert!(h.state().is_import_open());
    h.get_by_label("粘贴通知全文：").click();
    h.run();
    h.event(egui::Event::Paste(seed_text()));
    h.run();
    click_button(&mut h, "解析");
    assert!(h.state().is_import_reviewing(), "parse shown for review");
    assert!(h.state().board().directives.is_empty(), "nothing stored before confirming");
    h.get_by_label_contains("识别出 5 个部分、16 条工作要求");
    click_button(&mut h, "确认导入（16 条）");
    assert!(!h.state().is_import_open());
    assert_eq!(h.state().board().directives.len(), 16);

    // 队务处: its own three directives and the three of 四、 (addressed to 各处室).
    click_button(&mut h, "队务处");
    let office = h.state().board().offices.iter().find(|o| o.name == "队务处").unwrap().id;
    assert_eq!(h.state().filter(), BoardFilter::Office(office));
    let numbers: Vec<String> = h.state().visible_rows().iter().map(|d| d.number.clone()).collect();
    assert_eq!(numbers, ["四.1", "四.2", "四.3", "五.1", "五.2", "五.3"]);
    assert_eq!(h.state().counts_of(Some("队务处")).open, 6);

    h.get_by_label("健全机制，按时销账").click();
    settle(&mut h);
    let detail = h.state().detail().expect("detail shown");
    assert_eq!(detail.row.number, "五.3");
    h.get_by_label_contains("各单位要进一步加强组织领导");

    click_button(&mut h, "已完成");
    let state = h.state();
    assert_eq!(state.detail().unwrap().row.status, Status::Done);
    assert_eq!(state.counts_of(Some("队务处")).open, 5, "sidebar count drops");
    assert_eq!(state.counts_of(None).open, 15);
    let row = state.visible_rows().into_iter().find(|d| d.number == "五.3").unwrap();
    let urgency = row.urgency(state.today(), 3);
    assert_eq!(urgency, Urgency::Finished);
    assert_eq!(theme::urgency_color(urgency), Some(theme::FINISHED), "done rows are green");
    assert_eq!(state.status().map(|s| s.text.as_str()), Some("状态已改为“已完成”"));
    // Drawn as done: the table's 剩余 and 状态 columns and the detail's deadline line.
    assert_eq!(h.get_all_by_role_and_label(egui::accesskit::Role::Label, "已完成").count(), 3);
    let changes = &h.state().detail().unwrap().changes;
    assert_eq!((changes[0].field.as_str(), changes[0].author.as_str()), ("状态", "张伟"));
}

/// A search or a filter switch recomputes the table's rows alone, and 总览 only while shown: an
/// edit made with a search in the box still moves the sidebar counts, the search still narrows
/// the table, and 总览 shows the edit when it comes back.
#[test]
fn an_edit_during_a_search_moves_the_counts_and_the_overview_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    settle(&mut h);
    assert!(h.state().is_overview_shown());
    assert_eq!(h.state().overview().totals.done, 0);
    assert_eq!(h.state().counts_of(Some("队务处")).open, 6);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    ime_commit(&mut h, "按时销账");
    settle(&mut h);
    let numbers: Vec<String> = h.state().visible_rows().iter().map(|d| d.number.clone()).collect();
    assert_eq!(numbers, ["五.3"]);
    assert_eq!(h.state().counts_of(None).open, 16, "a search leaves the sidebar counts alone");

    h.get_by_label("健全机制，按时销账").click();
    settle(&mut h);
    click_button(&mut h, "已完成");
    assert_eq!(h.state().detail().unwrap().row.status, Status::Done);
    assert_eq!(h.state().counts_of(Some("队务处")).open, 5, "the row's edit reaches the sidebar");
    assert_eq!(h.state().counts_of(None).open, 15);
    let rows = h.state().visible_rows();
    assert_eq!(rows.len(), 1, "still narrowed by the search");
    assert_eq!(rows[0].status, Status::Done, "the table shows the replaced row");

    click_button(&mut h, "总览");
    assert!(h.state().is_overview_shown());
    assert_eq!(h.state().overview().totals.done, 1, "总览 counts the edit made while it was hidden");
    assert_eq!(h.state().overview().totals.directives - h.state().overview().totals.done, 15);
    // Drawn: 完成率 1 of 16.
    let rate = h.state().overview().totals.completion_percent();
    assert!(rate.starts_with("6."), "{rate}");
    h.get_by_label(&rate);
}

#[test]
fn overdue_directives_are_counted_and_drawn_as_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    // Deadlines are 2022-03-20 (本周) except 五.1 (年底); today is two days later.
    let mut h = harness(store, dir.path(), "2022-03-22");
    assert_eq!(h.state().counts_of(None).overdue, 15);
    assert_eq!(h.state().counts_of(Some("队务处")).overdue, 5);
    assert_eq!(h.state().counts_of(Some("沈阳支队")).open, 0);
    assert_eq!(h.state().window_title(), "督办台 — 15 条逾期");

    click_button(&mut h, "已逾期");
    let rows = h.state().visible_rows();
    assert_eq!(rows.len(), 15);
    assert!(rows.iter().all(|d| d.urgency(date("2022-03-22"), 3) == Urgency::Overdue));
    assert!(rows.iter().all(|d| d.number != "五.1"));
    assert_eq!(theme::urgency_color(Urgency::Overdue), Some(theme::OVERDUE));
    // Drawn: the days column says how late, for the rows on screen.
    assert!(h.get_all_by_label("逾期2天").count() >= 10);
}

#[test]
fn due_soon_is_amber_and_keyboard_moves_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    assert_eq!(h.state().counts_of(None).due_soon, 15);
    h.get_all_by_label("剩2天").next().expect("days left shown");
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    assert_eq!(h.state().detail().map(|d| d.row.number.as_str()), Some("一.1"));
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    assert_eq!(h.state().detail().map(|d| d.row.number.as_str()), Some("一.2"));
    h.key_press(egui::Key::ArrowUp);
    settle(&mut h);
    assert_eq!(h.state().detail().map(|d| d.row.number.as_str()), Some("一.1"));
    // Enter opens it for work: the cursor is in its 进展 field.
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "进展内容").is_focused());
}

#[test]
fn ctrl_f_then_a_two_character_word_finds_its_directive() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert!(h.get_by_label("搜索").is_focused(), "Ctrl+F focuses the search box");
    ime_commit(&mut h, "员工");
    settle(&mut h);
    let numbers: Vec<String> = h.state().visible_rows().iter().map(|d| d.number.clone()).collect();
    assert_eq!(numbers, ["一.2"]);
    // Narrowed further by the sidebar: 队务处 has no such directive.
    click_button(&mut h, "队务处");
    assert!(h.state().visible_rows().is_empty());
    click_button(&mut h, "全部");
    click_button(&mut h, "清除");
    assert_eq!(h.state().visible_rows().len(), 16);
}

#[test]
fn a_search_leaves_out_the_shown_directive_says_when_nothing_is_found_and_esc_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    h.get_by_label("人员密集场所管控").click();
    settle(&mut h);
    assert!(h.state().detail().is_some());
    // 员工 is only in 一.2: the shown 一.3 leaves the table, and the detail with it.
    h.get_by_label("搜索").click();
    h.run();
    ime_commit(&mut h, "员工");
    settle(&mut h);
    assert_eq!(h.state().visible_rows().len(), 1);
    assert!(h.state().detail().is_none(), "the detail shows only what the table shows");
    assert_eq!(h.state().selected(), None);
    // Nothing found: the table says so, and how to get out.
    ime_commit(&mut h, "宿舍火箭");
    settle(&mut h);
    assert!(h.state().visible_rows().is_empty());
    h.get_by_label("没有找到包含“员工宿舍火箭”的工作要求");
    // Esc in the box clears the search.
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().visible_rows().len(), 16);
    assert_eq!(h.get_by_label("搜索").value().as_deref(), Some(""));
}

#[test]
fn an_empty_register_offers_the_import_right_there() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    h.get_by_label("还没有工作要求");
    // Two buttons now say 导入通知…: the top bar's and the empty table's.
    let buttons: Vec<_> = h.get_all_by_label("导入通知…").collect();
    assert_eq!(buttons.len(), 2);
    buttons[1].click();
    settle(&mut h);
    assert!(h.state().is_import_open());
}

#[test]
fn the_overview_comes_first_and_an_overdue_item_opens_its_directive() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-22");
    assert!(h.state().is_overview_shown(), "the start screen is the overview");
    h.get_by_label("各单位完成情况");
    h.get_by_label("2022年第10次办公会议（3月16日印发）");
    // 队务处's overdue items are listed under it; 五.2 is one of them.
    assert!(h.get_all_by_label("逾期2天").count() >= 5);
    h.get_by_label("五.2 化解矛盾，稳妥推进").scroll_to_me();
    h.run();
    h.get_by_label("五.2 化解矛盾，稳妥推进").click();
    settle(&mut h);
    assert!(!h.state().is_overview_shown());
    assert_eq!(h.state().detail().map(|d| d.row.number.as_str()), Some("五.2"));
    assert_eq!(h.state().selected(), h.state().detail().map(|d| d.row.id));
    click_button(&mut h, "总览");
    assert!(h.state().is_overview_shown());
    // An office with more than five items shows five and a link to all of them.
    h.get_by_label("查看新闻宣传处全部 10 条…").scroll_to_me();
    h.run();
    h.get_by_label("查看新闻宣传处全部 10 条…").click();
    settle(&mut h);
    assert!(!h.state().is_overview_shown());
    assert_eq!(h.state().visible_rows().len(), 10);
}

#[test]
fn the_chosen_office_is_restored_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-22");
    click_button(&mut h, "队务处");
    let view = h.state().view_state();
    assert!(!view.overview && view.office.is_some());
    // What eframe stores is JSON-like (RON); it must round-trip.
    let saved = serde_json::to_string(&view).unwrap();
    drop(h);

    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-22");
    h.state_mut().restore_view(serde_json::from_str(&saved).unwrap());
    settle(&mut h);
    assert!(!h.state().is_overview_shown());
    assert_eq!(h.state().visible_rows().len(), 6, "队务处's six directives");
    // An office that no longer exists falls back to 全部.
    h.state_mut().restore_view(duban::ui::ViewState {
        overview: false,
        overdue: false,
        office: Some(9999),
        detail: true,
    });
    settle(&mut h);
    assert_eq!(h.state().visible_rows().len(), 16);
}

#[test]
fn open_work_carried_over_to_a_later_meeting_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), true);
    let later = std::fs::read_to_string("tests/fixtures/notices/02-task-division.txt").unwrap();
    let draft = duban::notice::parse_notice(&later, date("2024-02-28")).unwrap();
    store.import_notice(&draft, &later, "张伟", date("2024-02-28").and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let mut h = harness(store, dir.path(), "2024-03-05");
    h.get_by_label("未办结 16 项已跨 1 次会议");
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    h.get_by_label("已跨 1 次会议仍未办结");
}

#[test]
fn a_header_click_sorts_a_second_reverses_a_third_restores_the_notice_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), true);
    let actor =
        duban::store::Actor { author: "张伟", at: date("2022-03-17").and_hms_opt(9, 0, 0).unwrap() };
    // 五.3 is 已销号, 三.1 推进中; the rest 未开始.
    let id = |n: &str| store.load_board().unwrap().directives.iter().find(|d| d.number == n).unwrap().id;
    let (closed, working) = (id("五.3"), id("三.1"));
    store.set_status(closed, Status::Closed, &actor).unwrap();
    store.set_status(working, Status::InProgress, &actor).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    let numbers = |h: &egui_kittest::Harness<'static, duban::ui::DubanApp>| -> Vec<String> {
        h.state().visible_rows().iter().map(|d| d.number.clone()).collect()
    };
    let notice_order = numbers(&h);
    assert_eq!(notice_order.first().map(String::as_str), Some("一.1"));
    let header = |h: &egui_kittest::Harness<'static, duban::ui::DubanApp>| {
        h.get_all_by_role_and_label(egui::accesskit::Role::Button, "状态").next().unwrap().click()
    };
    header(&h);
    settle(&mut h);
    let up = numbers(&h);
    assert_eq!(up.last().map(String::as_str), Some("五.3"), "已销号 last going up: {up:?}");
    assert_eq!(up[up.len() - 2], "三.1");
    header(&h);
    settle(&mut h);
    let down = numbers(&h);
    assert_eq!(&down[..2], ["五.3", "三.1"], "reversed: {down:?}");
    header(&h);
    settle(&mut h);
    assert_eq!(numbers(&h), notice_order, "the third click restores the notice's order");
}

#[test]
fn with_a_fixed_today_the_backup_time_is_still_the_machines_today() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    // A rehearsal in 2022: the start-up backup is taken now, and said to be today's.
    let mut h = harness(store, dir.path(), "2022-03-18");
    settle(&mut h);
    let label = h.get_by_label_contains("最近自动备份：").value().unwrap_or_default();
    assert!(label.starts_with("最近自动备份：今天 "), "{label}");
}

#[test]
fn page_keys_and_home_end_move_through_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    let selected = |h: &egui_kittest::Harness<'static, duban::ui::DubanApp>| {
        let id = h.state().selected().expect("a selection");
        h.state().visible_rows().iter().position(|d| d.id == id).expect("shown")
    };
    h.key_press(egui::Key::End);
    settle(&mut h);
    assert_eq!(selected(&h), 15, "End: the last of 16");
    h.key_press(egui::Key::PageUp);
    settle(&mut h);
    assert_eq!(selected(&h), 5, "a page (10 rows) up");
    h.key_press(egui::Key::PageDown);
    settle(&mut h);
    assert_eq!(selected(&h), 15);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    settle(&mut h);
    assert_eq!(selected(&h), 0, "Ctrl+Home: the first");
}
