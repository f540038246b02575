//! 接续 in the window: importing the next meeting's notice links the directives it repeats
//! (chosen in advance on the review screen), and the detail pane links the meetings both ways.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{click_button, harness, prepare_store, settle};

#[test]
fn the_next_notice_is_linked_on_review_and_the_detail_shows_the_earlier_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-23");
    settle(&mut h);
    crate::common::paste_and_parse(&mut h, include_str!("../fixtures/next-notice.txt"));
    assert!(h.state().is_import_reviewing());
    // Three of the four directives repeat earlier ones and are linked in advance.
    let linked = h
        .query_all_by_role(Role::ComboBox)
        .filter(|n| n.accesskit_node().value().is_some_and(|v| v.contains("2022年第10次办公会议")))
        .count();
    assert_eq!(linked, 3, "three directives carry earlier ones on");
    click_button(&mut h, "确认导入（4 条）");
    assert!(!h.state().is_import_open());
    let later = h
        .state()
        .board()
        .directives
        .iter()
        .find(|d| d.title == "继续突出在建工地治理")
        .map(|d| d.id)
        .expect("imported");
    let earlier =
        h.state().board().directives.iter().find(|d| d.number == "一.2" && d.title == "在建工地治理");
    let earlier = earlier.expect("the seed's 一.2").id;
    assert_eq!(h.state().board().directive(later).unwrap().continues, Some(earlier));

    h.get_by_label("继续突出在建工地治理").click();
    settle(&mut h);
    h.get_by_label("自2022年第10次办公会议起持续督办（第 2 次布置）");
    h.get_by_label_contains("一.2 在建工地治理").click();
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(earlier), "the link opens the earlier directive");
    h.get_by_label("已由后续会议接续：");
    h.get_by_label_contains("一.1 继续突出在建工地治理");
}

#[test]
fn choosing_a_meeting_in_the_overview_shows_its_offices_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), true);
    let next = include_str!("../fixtures/next-notice.txt");
    let issued = crate::common::date("2022-03-23");
    let draft = duban::notice::parse_notice(next, issued).unwrap();
    store.import_notice(&draft, next, "张伟", issued.and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-23");
    settle(&mut h);
    assert!(h.state().is_overview_shown());
    h.get_by_label("（全部会议）");
    h.get_by_label("完成0/7，逾期5"); // 队务处 over both meetings
    h.get_by_label("2022年第11次办公会议（3月23日印发）").click();
    h.run();
    h.get_by_label("（2022年第11次办公会议）");
    assert!(h.query_by_label("完成0/7，逾期5").is_none(), "only the chosen meeting's directives count");
    assert_eq!(h.get_all_by_label("完成0/1").count(), 3, "队务处, 指挥中心, 作战训练处 have one each");
    click_button(&mut h, "全部会议");
    h.get_by_label("完成0/7，逾期5");
}

#[test]
fn importing_the_same_notice_again_warns_before_anything_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("张伟"), true);
    let mut h = harness(store, dir.path(), "2022-03-16");
    settle(&mut h);
    crate::common::paste_and_parse(&mut h, &crate::common::seed_text());
    h.get_by_label_contains("这份通知似乎已经导入过");
    assert_eq!(h.query_all_by_role(Role::ComboBox).count(), 0, "nothing to carry on from itself");
    assert_eq!(h.state().board().directives.len(), 16, "nothing stored");
}

#[test]
fn the_overview_lists_the_ten_newest_meetings_until_asked_for_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("张伟"), false);
    let seed = crate::common::seed_text();
    for n in 1..=12u32 {
        let text = seed.replace("第10次", &format!("第{n}次"));
        let issued = crate::common::date("2022-01-01") + chrono::Days::new(u64::from(n) * 7);
        let draft = duban::notice::parse_notice(&text, issued).unwrap();
        store.import_notice(&draft, &text, "张伟", issued.and_hms_opt(9, 0, 0).unwrap()).unwrap();
    }
    let mut h = harness(store, dir.path(), "2022-04-01");
    settle(&mut h);
    assert!(h.state().is_overview_shown());
    assert!(h.query_by_label_contains("2022年第12次办公会议（").is_some(), "the newest is listed");
    assert!(h.query_by_label_contains("2022年第3次办公会议（").is_some(), "the tenth newest is listed");
    assert!(h.query_by_label_contains("2022年第2次办公会议（").is_none(), "older ones wait to be asked for");
    h.get_by_label("显示全部 12 次会议…").click();
    h.run();
    h.get_by_label_contains("2022年第1次办公会议（").click();
    h.run();
    h.get_by_label("（2022年第1次办公会议）");
    h.get_by_label("只显示最近 10 次会议");
}
