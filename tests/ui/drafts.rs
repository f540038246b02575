//! Nothing typed is lost: a progress note typed for one directive waits while the officer looks
//! at others, comes back with its directive, survives a restart, and is cleared only once it is
//! stored — for the directive it was typed for, even if another is shown by then.

use crate::common::{click_button, harness, ime_commit, prepare_store, settle};
use duban::store::Store;
use egui_kittest::kittest::Queryable as _;

fn open(h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>, title: &str) {
    h.get_by_label(title).click();
    settle(h);
}

fn note_field(h: &egui_kittest::Harness<'static, duban::ui::DubanApp>) -> Option<String> {
    h.get_by_label("进展内容").value()
}

#[test]
fn a_note_typed_for_one_directive_waits_while_another_is_shown_and_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    open(&mut h, "在建工地治理");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    ime_commit(&mut h, "已检查工地12处，");
    // Another directive: its own (empty) field.
    open(&mut h, "人员密集场所管控");
    assert_eq!(note_field(&h).as_deref(), Some(""));
    // Back: the draft is there.
    open(&mut h, "在建工地治理");
    assert_eq!(note_field(&h).as_deref(), Some("已检查工地12处，"));
    let drafts = h.state().note_drafts();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts.values().next().unwrap().text, "已检查工地12处，");
    drop(h);

    // A restart: the window hands the saved drafts to the new app.
    let store = Store::open_dir(dir.path()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    h.state_mut().restore_note_drafts(drafts);
    click_button(&mut h, "全部");
    open(&mut h, "在建工地治理");
    assert_eq!(note_field(&h).as_deref(), Some("已检查工地12处，"));
    // Stored: the draft is gone, and the note is in the timeline.
    click_button(&mut h, "添加进展");
    assert!(h.state().note_drafts().is_empty());
    assert_eq!(h.state().detail().unwrap().notes[0].text, "已检查工地12处，");
}

#[test]
fn storing_one_note_clears_its_draft_and_keeps_the_drafts_of_other_directives() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    open(&mut h, "人员密集场所管控");
    h.get_by_label("进展内容").click();
    h.run();
    ime_commit(&mut h, "第二条，未保存");
    open(&mut h, "在建工地治理");
    h.get_by_label("进展内容").click();
    h.run();
    ime_commit(&mut h, "第一条");
    click_button(&mut h, "添加进展");
    assert_eq!(note_field(&h).as_deref(), Some(""), "the stored note's field is empty again");
    let drafts = h.state().note_drafts();
    assert_eq!(drafts.len(), 1, "only the other directive's draft remains");
    assert_eq!(drafts.values().next().unwrap().text, "第二条，未保存");
    open(&mut h, "人员密集场所管控");
    assert_eq!(note_field(&h).as_deref(), Some("第二条，未保存"));
}

#[test]
fn esc_on_the_import_review_asks_first_and_the_pasted_text_waits_for_the_next_try() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    crate::common::paste_and_parse(&mut h, &crate::common::seed_text());
    assert!(h.state().is_import_reviewing());
    // Esc (or a click outside) does not throw the review away: it asks.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().is_import_reviewing(), "still reviewing");
    h.get_by_label("放弃本次导入？");
    click_button(&mut h, "继续编辑");
    assert!(h.query_by_label("放弃本次导入？").is_none());
    assert!(h.state().is_import_reviewing());
    // 取消, then 放弃: closed; nothing stored.
    click_button(&mut h, "取消");
    click_button(&mut h, "放弃");
    assert!(!h.state().is_import_open());
    assert!(h.state().board().directives.is_empty());
    // The pasted text is still there on the next try, and an import forgets it.
    click_button(&mut h, "导入通知…");
    let pasted = h.get_by_label("粘贴通知全文：").value().unwrap_or_default();
    assert!(pasted.starts_with(crate::common::seed_text().lines().next().unwrap()), "{pasted:.40}");
    click_button(&mut h, "解析");
    click_button(&mut h, "确认导入（16 条）");
    assert_eq!(h.state().board().directives.len(), 16);
    click_button(&mut h, "导入通知…");
    assert_eq!(h.get_by_label("粘贴通知全文：").value().as_deref(), Some(""));
}

#[test]
fn an_empty_import_dialog_closes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    click_button(&mut h, "导入通知…");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().is_import_open(), "nothing typed: nothing to ask about");
}

#[test]
fn text_pasted_and_closed_before_parsing_is_there_on_the_next_try() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    click_button(&mut h, "导入通知…");
    h.get_by_label("粘贴通知全文：").click();
    h.run();
    ime_commit(&mut h, "关于落实第10次办公会议");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().is_import_open(), "no review to lose: closed at once");
    click_button(&mut h, "导入通知…");
    assert_eq!(h.get_by_label("粘贴通知全文：").value().as_deref(), Some("关于落实第10次办公会议"));
}

#[test]
fn deadlines_already_past_are_flagged_on_review_and_the_issue_date_can_be_corrected_there() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-25");
    click_button(&mut h, "导入通知…");
    // Issued on the 16th: "本周" (the whole notice) ends on the 20th, before today.
    click_button(&mut h, "2022年3月25日");
    click_button(&mut h, "16");
    h.get_by_label("粘贴通知全文：").click();
    h.run();
    h.event(egui::Event::Paste(crate::common::seed_text()));
    h.run();
    click_button(&mut h, "解析");
    assert!(h.state().is_import_reviewing());
    // Fifteen read 本周 from the preamble; one carries a date of its own.
    h.get_by_label_contains("15 条工作要求的完成时限已早于今天");
    assert_eq!(h.get_all_by_label("完成时限已早于今天").count(), 15);
    // The date was wrong: corrected on the review, 本周 is read again (the 27th).
    click_button(&mut h, "2022年3月16日");
    click_button(&mut h, "23");
    assert!(h.query_by_label_contains("完成时限已早于今天").is_none(), "nothing past any more");
    click_button(&mut h, "确认导入（16 条）");
    let board = h.state().board();
    assert_eq!(board.notices[0].issued_on, crate::common::date("2022-03-23"));
    let week_end = board.directives.iter().filter(|d| d.deadline == Some(crate::common::date("2022-03-27")));
    assert_eq!(week_end.count(), 15);
}

#[test]
fn a_second_review_opens_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), false);
    let mut h = harness(store, dir.path(), "2022-03-16");
    crate::common::paste_and_parse(&mut h, &crate::common::seed_text());
    let first = |h: &egui_kittest::Harness<'static, duban::ui::DubanApp>| {
        h.get_all_by_label_contains("重大风险防范").next().map(|n| n.rect().top())
    };
    let top = first(&h).expect("the first section is shown");
    // Scrolled down to the last directive, then the review is given up.
    h.get_all_by_label_contains("健全机制").next().unwrap().scroll_to_me();
    h.run();
    assert!(first(&h).is_none_or(|y| y < top - 1.0), "scrolled away from the top");
    click_button(&mut h, "取消");
    click_button(&mut h, "放弃");
    // The next review (of the kept text) starts at its top, not where the first was left.
    click_button(&mut h, "导入通知…");
    click_button(&mut h, "解析");
    let again = first(&h).expect("the first section is shown again");
    assert!((again - top).abs() < 1.0, "first section at {again}, was {top}");
}
