//! 名册维护: rename (the old name keeps working), move between groups, merge a duplicate,
//! remove an unused office — each all or nothing.

use duban::model::{DirectiveId, OfficeGroup, OfficeId, Role};
use duban::notice::parse_notice;
use duban::store::Store;

use crate::support::{Data, at, date};

fn office(store: &Store, name: &str) -> OfficeId {
    let board = store.load_board().unwrap();
    board.offices.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("{name}")).id
}

fn leads(store: &Store, id: i64) -> Vec<String> {
    let board = store.load_board().unwrap();
    board.directive(DirectiveId(id)).unwrap().names_with(Role::Lead).into_iter().map(str::to_owned).collect()
}

#[test]
fn a_renamed_office_keeps_its_directives_and_its_old_name_still_lands_on_it() {
    let mut data = Data::new();
    let fire = office(&data.store, "防火监督处");
    data.store.rename_office(fire, "防火监督管理处").unwrap();
    assert_eq!(office(&data.store, "防火监督管理处"), fire);
    assert_eq!(leads(&data.store, 1), ["防火监督管理处", "新闻宣传处"]);
    // A later notice still written with the old name joins the renamed office.
    let text = "关于第11次办公会议工作要求的通知\n一、加强检查。要突出夜查。（责任处室：防火监督处）";
    let draft = parse_notice(text, date("2022-03-23")).unwrap();
    data.store.import_notice(&draft, text, "张伟", at("2022-03-23")).unwrap();
    let board = data.store.load_board().unwrap();
    assert!(board.offices.iter().all(|o| o.name != "防火监督处"), "no new office for the old name");
    let newest = board.directives.iter().max_by_key(|d| d.id).unwrap();
    assert_eq!(newest.names_with(Role::Lead), ["防火监督管理处"]);
    // A name another office has is refused.
    let err = data.store.rename_office(fire, "队务处").unwrap_err().to_string();
    assert!(err.contains("已是“队务处”的名称或别名"), "{err}");
}

#[test]
fn a_duplicate_merges_into_the_real_office_and_an_unused_one_is_removed() {
    let mut data = Data::new();
    // A notice typed 防火处 before the alias existed: a duplicate office with one directive.
    let text = "关于第11次办公会议工作要求的通知\n一、加强检查。要突出夜查。（责任处室：防火处、新闻宣传处）";
    let draft = parse_notice(text, date("2022-03-23")).unwrap();
    data.store.import_notice(&draft, text, "张伟", at("2022-03-23")).unwrap();
    let (dup, fire) = (office(&data.store, "防火处"), office(&data.store, "防火监督处"));
    let newest = data.store.load_board().unwrap().directives.iter().map(|d| d.id.0).max().unwrap();
    assert_eq!(leads(&data.store, newest), ["防火处", "新闻宣传处"]);

    // Still named: removing is refused with a pointer to 并入.
    let err = data.store.remove_office(dup).unwrap_err().to_string();
    assert!(err.contains("仍负责 1 条工作要求") && err.contains("并入"), "{err}");
    data.store.merge_office(dup, fire).unwrap();
    assert_eq!(leads(&data.store, newest), ["防火监督处", "新闻宣传处"]);
    let aliases = data.store.aliases().unwrap();
    assert!(aliases.contains(&("防火处".to_owned(), fire)), "{aliases:?}");
    assert!(data.store.check_integrity().unwrap().is_healthy());

    // Moving and removing: a detachment typed as an HQ office, then an unused one.
    let added = data.store.add_office("政治部", OfficeGroup::Detachment).unwrap();
    data.store.set_office_group(added, OfficeGroup::Hq).unwrap();
    let board = data.store.load_board().unwrap();
    assert!(board.offices_in(OfficeGroup::Hq).any(|o| o.id == added));
    data.store.remove_office(added).unwrap();
    assert!(data.store.load_board().unwrap().office(added).is_none());
}
