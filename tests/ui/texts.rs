//! The window keeps no directive texts (issue #17, memory at 100,000 directives): its board has
//! the titles the table shows, and the detail pane shows the selected directive's full text
//! from the detail the worker reads on demand — again after an edit of one row, and the new
//! text after 拆分 changed it.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::{click_button, harness, ime_commit, prepare_store, settle};
use duban::ui::DubanApp;

const TITLE: &str = "在建工地治理";

fn no_texts(h: &Harness<'static, DubanApp>) -> bool {
    h.state().board().directives.iter().all(|d| d.text.is_empty())
}

/// Scrolls the detail to the button and clicks it.
fn press(h: &mut Harness<'static, DubanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    h.run();
    click_button(h, label);
}

#[test]
fn texts_the_detail_shows_the_full_text_the_board_does_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let full = store.load_board().unwrap().directives.iter().find(|d| d.title == TITLE).unwrap().text.clone();
    assert!(full.chars().count() > 30, "the seed's directive has a text beyond its title: {full}");
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    assert!(!h.state().board().directives.is_empty());
    assert!(no_texts(&h), "the window's board keeps titles, not texts");

    h.get_by_label(TITLE).click();
    settle(&mut h);
    assert_eq!(h.state().detail().map(|d| d.row.text.as_str()), Some(full.as_str()));
    h.get_by_label(&full);

    // An edit of the row (a note) replaces the row: still without its text, the detail with it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    ime_commit(&mut h, "已检查工地12处。");
    click_button(&mut h, "添加进展");
    assert_eq!(h.state().detail().unwrap().notes.len(), 1, "the note is stored");
    assert!(no_texts(&h), "the replaced row came without its text");
    h.get_by_label(&full);
}

#[test]
fn texts_a_text_changed_by_a_split_shows_in_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let full = store.load_board().unwrap().directives.iter().find(|d| d.title == TITLE).unwrap().text.clone();
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    h.get_by_label(TITLE).click();
    settle(&mut h);
    let id = h.state().selected().expect("selected");

    // 拆分 starts from the full text the detail brought.
    press(&mut h, "拆分…");
    let keep = h.get_by_role_and_label(Role::MultilineTextInput, "本条保留的内容");
    assert_eq!(keep.value().as_deref(), Some(full.as_str()));
    keep.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "本条保留的内容").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    ime_commit(&mut h, "开展在建工地消防安全专项检查。");
    for (label, text) in [("新条目标题", "工地宣传"), ("新条目内容", "做好在建工地专项检查的宣传报道。")]
    {
        let role = if label == "新条目标题" { Role::TextInput } else { Role::MultilineTextInput };
        h.get_by_role_and_label(role, label).scroll_to_me();
        h.run();
        h.get_by_role_and_label(role, label).click();
        h.run();
        ime_commit(&mut h, text);
    }
    press(&mut h, "确定拆分");
    assert!(no_texts(&h), "the fresh board keeps no texts either");

    // Back on the directive: its detail has the text it kept.
    let row = h.state().board().directive(id).expect("still there");
    assert_eq!(row.title, TITLE);
    h.get_by_label(TITLE).click();
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(id));
    assert_eq!(h.state().detail().map(|d| d.row.text.as_str()), Some("开展在建工地消防安全专项检查。"));
    h.get_by_label("开展在建工地消防安全专项检查。");
}
