//! 周期报送 in the window: a recurring directive's office row shows its periods (已报 / 未报 /
//! 待报) from the board, the overview's 今日待催办 names the missed period, and its figures
//! count it in 未反馈. The register: tests/fixtures/recurring-notice.txt (issued 2022-03-01),
//! 一.1 防火监督处 每月25日前 with a report on 03-20; today 2022-05-10.

use crate::common::{click_button, date, harness, settle};
use duban::model::{Channel, LoopAction, LoopEdit, NewFeedback};
use duban::notice::parse_notice;
use duban::store::{Actor, Store};
use egui_kittest::kittest::Queryable as _;

fn store_with_reports(dir: &std::path::Path) -> Store {
    let mut store = Store::open_dir(dir).unwrap();
    store.set_author("李娜").unwrap();
    let text = std::fs::read_to_string("tests/fixtures/recurring-notice.txt").unwrap();
    let draft = parse_notice(&text, date("2022-03-01")).unwrap();
    let at = date("2022-03-01").and_hms_opt(9, 0, 0).unwrap();
    store.import_notice(&draft, &text, "测试", at).unwrap();
    let feedback = NewFeedback {
        on: date("2022-03-20"),
        channel: Channel::Written,
        by: None,
        phone: None,
        text: "3月排查情况".into(),
    };
    let edit = LoopEdit { office: "防火监督处".into(), action: LoopAction::Feedback(feedback) };
    let actor = Actor { author: "测试", at: date("2022-03-20").and_hms_opt(9, 0, 0).unwrap() };
    store.apply_loop_edit(duban::model::DirectiveId(1), &edit, &actor).unwrap();
    store
}

#[test]
fn a_recurring_offices_periods_show_in_its_row_and_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_reports(dir.path());
    let mut h = harness(store, dir.path(), "2022-05-10");
    // 总览: 防火监督处 is to be pressed for April (due 04-25, 15 days ago), 新闻宣传处 for the
    // first quarter (due 03-31, 40 days ago).
    h.get_by_label_contains("本期未报送（逾期15天）");
    h.get_by_label_contains("本期未报送（逾期40天）");
    // Its link opens the directive.
    h.get_by_label("一.1 高层建筑火灾隐患排查").click();
    settle(&mut h);
    h.get_by_label("2022年3月 已报");
    h.get_by_label("2022年4月 未报");
    h.get_by_label_contains("2022年5月 待报");
    h.get_by_label("共漏报1期");
    // The quarterly one of 新闻宣传处 (一.2) missed Q1 and waits for Q2.
    click_button(&mut h, "全部");
    h.get_by_label("消防宣传工作").click();
    settle(&mut h);
    h.get_by_label("2022年第1季度 未报");
    h.get_by_label_contains("2022年第2季度 待报");
}
