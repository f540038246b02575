//! 名册维护 in the window: 修改 → 改名… renames an office in place (its directives follow, the old
//! name becomes an alias); 修改 → 并入… merges a duplicate office into the real one.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use crate::common::{click_button, date, harness, ime_commit, prepare_store, settle};

#[test]
fn rename_then_merge_a_duplicate_from_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("李娜"), true);
    // A notice typed 防火处 before the alias existed left a duplicate office.
    let text = "关于第11次办公会议工作要求的通知\n一、加强检查。要突出夜查。（责任处室：防火处）";
    let draft = duban::notice::parse_notice(text, date("2022-03-23")).unwrap();
    store.import_notice(&draft, text, "李娜", date("2022-03-23").and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-23");
    settle(&mut h);
    click_button(&mut h, "名册…");

    // The first row is 防火监督处: rename it.
    h.get_all_by_role_and_label(Role::Button, "修改").next().expect("a 修改 menu").click();
    h.run();
    click_button(&mut h, "改名…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    ime_commit(&mut h, "防火监督管理处");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let board = h.state().board();
    let fire = board.offices.iter().find(|o| o.name == "防火监督管理处").expect("renamed").id;
    assert!(board.aliases.contains(&("防火监督处".to_owned(), fire)), "{:?}", board.aliases);

    // 防火处 (the duplicate, last among 机关处室) goes into 防火监督管理处.
    let rows = h.get_all_by_role_and_label(Role::Button, "修改").count();
    let hq = h.state().board().offices_in(duban::model::OfficeGroup::Hq).count();
    assert!(rows > hq);
    h.get_all_by_role_and_label(Role::Button, "修改").nth(hq - 1).unwrap().click();
    h.run();
    h.get_by_role_and_label(Role::Button, "并入…").click();
    h.run();
    // The sidebar has a button of that name too (behind the dialog): the menu's is the last.
    h.get_all_by_role_and_label(Role::Button, "防火监督管理处").last().unwrap().click();
    settle(&mut h);
    let board = h.state().board();
    assert!(board.offices.iter().all(|o| o.name != "防火处"), "the duplicate left the roster");
    let newest = board.directives.iter().max_by_key(|d| d.id).unwrap();
    assert_eq!(newest.offices_text(), "防火监督管理处");
    assert_eq!(h.state().status().map(|s| s.text.as_str()), Some("已并入"));
}
