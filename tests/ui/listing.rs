//! A large register's window lists the work in hand (issue #17): the finished directives stay
//! in the database, a line above the table says how many, and one click lists them all; 总览's
//! figures count them either way. Seen on the seed's 16 directives with the "large" bound set
//! to 10, as a register of 100,000 would be with the real bound.

use duban::model::Status;
use duban::ui::worker::Listing;
use egui_kittest::kittest::Queryable as _;

use crate::common::{click_button, date, harness, ime_commit, prepare_store, settle};

type Harness = egui_kittest::Harness<'static, duban::ui::DubanApp>;

/// The seed with `finished` directives (by number) set to their status, and `then` done to the
/// store; the window on it, listing as a large register does (more than 10: the seed's 16).
fn large_register_window(
    dir: &std::path::Path,
    finished: &[(&str, Status)],
    then: impl FnOnce(&mut duban::store::Store, &dyn Fn(&str) -> duban::model::DirectiveId, &duban::store::Actor),
) -> (Harness, duban::model::Overview) {
    let mut store = prepare_store(dir, Some("张伟"), true);
    let actor =
        duban::store::Actor { author: "张伟", at: date("2022-03-17").and_hms_opt(9, 0, 0).unwrap() };
    let board = store.load_board().unwrap();
    let id = |n: &str| board.directives.iter().find(|d| d.number == n).unwrap().id;
    for (number, status) in finished {
        store.set_status(id(number), *status, &actor).unwrap();
    }
    then(&mut store, &id, &actor);
    let mut h = harness(store, dir, "2022-03-18");
    settle(&mut h);
    let whole = h.state().overview().clone();
    h.state_mut().set_listing(Listing { whole_up_to: 10, finished: false });
    settle(&mut h);
    (h, whole)
}

#[test]
fn a_large_registers_table_lists_the_work_in_hand_and_lists_all_on_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let finished = [("五.3", Status::Closed), ("一.2", Status::Closed), ("三.1", Status::Done)];
    let (mut h, before) = large_register_window(dir.path(), &finished, |_, _, _| {});
    assert_eq!(h.state().board().directives.len(), 13, "the three finished are left out");
    assert_eq!(h.state().overview(), &before, "总览 counts the same with them left out");

    click_button(&mut h, "全部");
    assert_eq!(h.state().visible_rows().len(), 13);
    h.get_by_label("已完成、已销号的 3 条未列出，统计已含");
    // A search that finds a left-out directive says so.
    h.get_by_label("搜索").click();
    h.run();
    ime_commit(&mut h, "员工");
    settle(&mut h);
    assert!(h.state().visible_rows().is_empty(), "一.2 holds 员工 and is 已销号");
    h.get_by_label("另有 1 条符合搜索的已完成、已销号工作要求未列出");
    click_button(&mut h, "列出全部");
    assert_eq!(h.state().board().directives.len(), 16);
    assert_eq!(h.state().visible_rows().len(), 1, "the search finds it now");
    assert_eq!(h.state().visible_rows()[0].number, "一.2");
    h.get_by_label("搜索").click();
    h.run();
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().visible_rows().len(), 16);
    click_button(&mut h, "只列在办的");
    assert_eq!(h.state().visible_rows().len(), 13);
}

#[test]
fn following_a_link_to_a_left_out_directive_shows_it_and_says_why_the_table_does_not() {
    use duban::model::DirectiveEdit;
    let dir = tempfile::tempdir().unwrap();
    // The seed's ids, as every store the seed is imported into numbers them.
    let seed = prepare_store(tempfile::tempdir().unwrap().path(), None, true).load_board().unwrap();
    let id = |n: &str| seed.directives.iter().find(|d| d.number == n).unwrap().id;
    let later_title = seed.directives.iter().find(|d| d.number == "五.3").unwrap().title.clone();
    // 五.3 carries on 一.2, which is closed.
    let (mut h, _) = large_register_window(dir.path(), &[("一.2", Status::Closed)], |store, id, actor| {
        store.apply_edit(id("五.3"), &DirectiveEdit::Continues(Some(id("一.2"))), actor).unwrap();
    });
    click_button(&mut h, "全部");
    // The later directive, found by its title (the table lays out only the rows in view).
    h.get_by_label("搜索").click();
    h.run();
    ime_commit(&mut h, &later_title);
    settle(&mut h);
    h.get_by_label(&later_title).click();
    settle(&mut h);
    h.get_by_label_contains("一.2 ").click();
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(id("一.2")), "the link opens the earlier directive");
    assert_eq!(h.state().detail().map(|d| d.row.id), Some(id("一.2")), "its detail is shown");
    assert!(h.state().visible_rows().iter().all(|d| d.id != id("一.2")), "the table lists the work in hand");
    h.get_by_label("这条工作要求已办结，列表只列在办的；点“列出全部”可在列表中看到它");
}
