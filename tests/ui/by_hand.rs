//! Directives by hand in the window: 新建工作要求 for a 领导批示 (its draft survives 取消 until the
//! officer says 放弃), shown on the board with its source; 拆分 in the detail; 删除 with a
//! confirmation and 恢复 from the 回收站.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::{click_button, harness, ime_commit, on_building_sites, prepare_store, settle};
use duban::model::{DirectiveId, SourceKind};
use duban::ui::DubanApp;

fn type_into(h: &mut Harness<'static, DubanApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.run();
    ime_commit(h, text);
}

/// Scrolls the detail to the button (调整 is at its end, as an officer would) and clicks it.
fn press(h: &mut Harness<'static, DubanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    h.run();
    click_button(h, label);
}

fn building_sites(h: &Harness<'static, DubanApp>) -> DirectiveId {
    h.state().board().directives.iter().find(|d| d.title == "在建工地治理").unwrap().id
}

#[test]
fn by_hand_an_instruction_typed_in_the_dialog_appears_on_the_board_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    let before = h.state().board().directives.len();
    click_button(&mut h, "新建工作要求…");
    assert!(h.state().is_by_hand_open());
    type_into(&mut h, Role::TextInput, "批示人", "王总队长");
    type_into(&mut h, Role::TextInput, "文号", "辽消〔2022〕31号");
    type_into(&mut h, Role::MultilineTextInput, "原文", "请防火监督处牵头排查高层建筑消防车通道。");

    // 取消 asks first, and 继续填写 keeps every field.
    click_button(&mut h, "取消");
    assert!(h.state().is_by_hand_open(), "nothing typed is thrown away without asking");
    h.get_by_label("放弃已填写的内容？");
    click_button(&mut h, "继续填写");
    assert_eq!(h.get_by_role_and_label(Role::TextInput, "批示人").value().as_deref(), Some("王总队长"));

    // Saving without a title says what is missing and stores nothing.
    click_button(&mut h, "保存");
    h.get_by_label("请填写标题");
    assert_eq!(h.state().board().directives.len(), before);

    type_into(&mut h, Role::TextInput, "标题", "排查消防车通道");
    type_into(&mut h, Role::TextInput, "责任单位", "防火监督处、沈阳支队");
    click_button(&mut h, "保存");
    assert!(!h.state().is_by_hand_open(), "closes once stored");
    let board = h.state().board();
    assert_eq!(board.directives.len(), before + 1);
    let row = board.directives.iter().find(|d| d.title == "排查消防车通道").expect("on the board");
    let source = row.source.as_ref().expect("with its source");
    assert_eq!(source.kind, SourceKind::Instruction);
    assert_eq!(source.describe(), "王总队长批示（辽消〔2022〕31号）");
    assert_eq!(row.offices_text(), "防火监督处、沈阳支队");
    // Shown: selected in the table with its 批示 tag, the detail naming its source.
    assert_eq!(h.state().selected(), Some(row.id));
    h.get_by_label("批示");
    h.get_by_label("来源：王总队长批示（辽消〔2022〕31号）　2022年3月18日");
}

#[test]
fn by_hand_a_directive_is_split_in_the_detail() {
    let (_dir, mut h) = on_building_sites();
    let id = building_sites(&h);
    let before = h.state().board().directives.len();
    press(&mut h, "拆分…");
    type_into(&mut h, Role::TextInput, "新条目标题", "工地宣传");
    type_into(&mut h, Role::MultilineTextInput, "新条目内容", "做好在建工地专项检查的宣传报道。");
    press(&mut h, "确定拆分");
    let board = h.state().board();
    assert_eq!(board.directives.len(), before + 1);
    let part = board.directives.iter().find(|d| d.title == "工地宣传").expect("the new part");
    assert_eq!(part.number, format!("{}-2", board.directive(id).unwrap().number));
    assert_eq!(h.state().selected(), Some(part.id), "the new part is shown");
    let detail = h.state().detail().unwrap();
    assert_eq!(detail.split_from.as_ref().map(|(from, _)| *from), Some(id));
    h.get_by_label("拆分自：");
}

#[test]
fn by_hand_a_directive_is_deleted_after_asking_and_restored_from_the_trash() {
    let (_dir, mut h) = on_building_sites();
    let id = building_sites(&h);
    press(&mut h, "删除…");
    h.get_by_label("删除这条工作要求？");
    press(&mut h, "不删除");
    assert!(h.state().board().directive(id).is_some(), "not deleted without confirming");
    press(&mut h, "删除…");
    press(&mut h, "确定删除");
    assert!(h.state().board().directive(id).is_none(), "gone from the board");
    assert_eq!(h.state().selected(), None);
    assert!(h.query_by_label("在建工地治理").is_none());

    click_button(&mut h, "回收站…");
    h.get_by_label("已删除的工作要求（1）");
    click_button(&mut h, "恢复工作要求");
    settle(&mut h);
    assert!(h.state().board().directive(id).is_some(), "back on the board");
    assert!(h.state().board().set_aside.is_empty());
}

#[test]
fn by_hand_a_directive_is_added_to_the_shown_directive_s_notice() {
    let (_dir, mut h) = on_building_sites();
    let notice = h.state().detail().unwrap().notice_id;
    let before = h.state().board().directives.iter().filter(|d| d.notice_id == notice).count();
    press(&mut h, "新增工作要求…");
    h.get_by_label("新增工作要求：2022年第10次办公会议");
    type_into(&mut h, Role::MultilineTextInput, "内容", "各支队开展夜间消防安全检查。");
    type_into(&mut h, Role::TextInput, "标题", "夜查");
    // The detail beside the dialog has its own 责任单位 field (filled); the dialog's is empty.
    h.get_all_by_role_and_label(Role::TextInput, "责任单位")
        .find(|n| n.value().as_deref() == Some(""))
        .expect("the dialog's office field")
        .click();
    h.run();
    ime_commit(&mut h, "大连支队");
    click_button(&mut h, "保存");
    assert!(!h.state().is_by_hand_open());
    let board = h.state().board();
    let rows: Vec<_> = board.directives.iter().filter(|d| d.notice_id == notice).collect();
    assert_eq!(rows.len(), before + 1);
    let last = rows.last().unwrap();
    assert_eq!((last.title.as_str(), last.offices_text().as_str()), ("夜查", "大连支队"));
    assert!(last.source.is_none(), "a directive of the notice, not a 批示");
    assert_eq!(h.state().selected(), Some(last.id));
}

#[test]
fn by_hand_a_duplicate_is_merged_in_and_the_merge_undone_from_the_detail() {
    let (_dir, mut h) = on_building_sites();
    let into = building_sites(&h);
    let from = h.state().board().directives.iter().find(|d| d.title == "人员密集场所管控").unwrap().id;
    press(&mut h, "合并…");
    h.get_by_label("并入本条的工作要求").scroll_to_me();
    h.run();
    h.get_by_label("并入本条的工作要求").click();
    h.run();
    let option = format!("{} 人员密集场所管控", h.state().board().directive(from).unwrap().number);
    h.get_by_label(&option).click();
    h.run();
    press(&mut h, "合并");
    press(&mut h, "确定合并");
    assert!(h.state().board().directive(from).is_none(), "merged away");
    assert_eq!(h.state().selected(), Some(into));
    assert_eq!(h.state().detail().unwrap().merged.len(), 1);
    press(&mut h, "撤销合并");
    assert!(h.state().board().directive(from).is_some(), "back as its own directive");
    assert!(h.state().detail().unwrap().merged.is_empty());
}

#[test]
fn by_hand_what_is_typed_is_kept_over_a_restart_until_stored_or_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "新建工作要求…");
    type_into(&mut h, Role::TextInput, "批示人", "王总队长");
    type_into(&mut h, Role::MultilineTextInput, "原文", "请抓紧排查。");
    let draft = h.state().by_hand_draft().expect("kept when the window closes");
    assert_eq!((draft.by.as_str(), draft.words.as_str()), ("王总队长", "请抓紧排查。"));
    drop(h);

    // A restart: the window hands the saved draft to the new app; the dialog opens on it.
    let store = duban::store::Store::open_dir(dir.path()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    h.state_mut().restore_by_hand_draft(draft);
    click_button(&mut h, "新建工作要求…");
    assert_eq!(h.get_by_role_and_label(Role::TextInput, "批示人").value().as_deref(), Some("王总队长"));
    assert_eq!(
        h.get_by_role_and_label(Role::MultilineTextInput, "原文").value().as_deref(),
        Some("请抓紧排查。")
    );
    // 放弃 (after asking) forgets it.
    click_button(&mut h, "取消");
    click_button(&mut h, "放弃");
    assert!(!h.state().is_by_hand_open());
    assert_eq!(h.state().by_hand_draft(), None);
}
