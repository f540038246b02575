//! 名册维护: rename (the old name keeps working), move between groups, merge a duplicate,
//! remove an unused office — each all or nothing.

use duban::model::{DirectiveId, OfficeGroup, OfficeId, Role};
use duban::notice::parse_notice;
use duban::store::Store;

use crate::support::{Data, actor, at, date};

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
    data.store.rename_office(fire, "防火监督管理处", &actor()).unwrap();
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
    let err = data.store.rename_office(fire, "队务处", &actor()).unwrap_err().to_string();
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
    let err = data.store.remove_office(dup, &actor()).unwrap_err().to_string();
    assert!(err.contains("仍负责 1 条工作要求") && err.contains("并入"), "{err}");
    data.store.merge_office(dup, fire, &actor()).unwrap();
    assert_eq!(leads(&data.store, newest), ["防火监督处", "新闻宣传处"]);
    let aliases = data.store.aliases().unwrap();
    assert!(aliases.contains(&("防火处".to_owned(), fire)), "{aliases:?}");
    assert!(data.store.check_integrity().unwrap().is_healthy());

    // Moving and removing: a detachment typed as an HQ office, then an unused one.
    let added = data.store.add_office("政治部", OfficeGroup::Detachment, &actor()).unwrap();
    data.store.set_office_group(added, OfficeGroup::Hq, &actor()).unwrap();
    let board = data.store.load_board().unwrap();
    assert!(board.offices_in(OfficeGroup::Hq).any(|o| o.id == added));
    data.store.remove_office(added, &actor()).unwrap();
    assert!(data.store.load_board().unwrap().office(added).is_none());
}

/// The roster's change-log entries, oldest first: (author, field, old, new).
fn roster_log(store: &Store) -> Vec<(String, String, Option<String>, Option<String>)> {
    store
        .connection()
        .prepare("SELECT author, field, old_value, new_value FROM change_log WHERE field LIKE '名册·%' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn every_roster_edit_is_in_the_hash_chained_change_log_and_a_refused_one_is_not() {
    let mut data = Data::new();
    let fire = office(&data.store, "防火监督处");
    let someone = |name| duban::store::Actor { author: name, at: at("2022-03-20") };
    let added = data.store.add_office("政治部", OfficeGroup::Detachment, &someone("王芳")).unwrap();
    data.store.set_office_group(added, OfficeGroup::Hq, &actor()).unwrap();
    data.store.rename_office(added, "政治处", &actor()).unwrap();
    data.store.set_aliases(fire, &["防火处".into()], &actor()).unwrap();
    let dup = data.store.add_office("防火科", OfficeGroup::Hq, &actor()).unwrap();
    data.store.merge_office(dup, fire, &actor()).unwrap();
    data.store.remove_office(added, &actor()).unwrap();
    // Refused edits change nothing and log nothing; an unchanged alias list logs nothing.
    assert!(data.store.rename_office(fire, "队务处", &actor()).is_err());
    assert!(data.store.add_office("防火处", OfficeGroup::Hq, &actor()).is_err());
    data.store.set_aliases(fire, &["防火处".into(), "防火科".into()], &actor()).unwrap();
    let s = |v: &str| Some(v.to_owned());
    let expected = vec![
        ("王芳".to_owned(), "名册·添加".to_owned(), None, s("政治部：支队")),
        ("张伟".into(), "名册·移动".into(), s("政治部：支队"), s("政治部：机关处室")),
        ("张伟".into(), "名册·改名".into(), s("政治部"), s("政治处")),
        ("张伟".into(), "名册·别名".into(), s("防火监督处："), s("防火监督处：防火处")),
        ("张伟".into(), "名册·添加".into(), None, s("防火科：机关处室")),
        ("张伟".into(), "名册·并入".into(), s("防火科"), s("并入防火监督处")),
        ("张伟".into(), "名册·删除".into(), s("政治处"), None),
    ];
    assert_eq!(roster_log(&data.store), expected);
    let report = data.store.check_integrity().unwrap();
    assert!(report.is_healthy(), "{report:?}");
}
