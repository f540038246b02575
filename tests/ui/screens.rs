//! The screens officers have: a 1366×768 laptop at 100 % and at 150 % (910×512 points), and a
//! large monitor. On each, every column header of the table, every action of the top bar and
//! the detail pane's 添加进展 are on screen, not cut off or pushed out of the window.

use crate::common::{click_button, date, prepare_store, settle};
use duban::clock::Clock;
use duban::ui::{DubanApp, theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness_at(dir: &std::path::Path, points: egui::Vec2, ppp: f32) -> Harness<'static, DubanApp> {
    duban::ui::widgets::without_system_dialogs();
    let store = prepare_store(dir, Some("李娜"), true);
    let app = DubanApp::new(store, Clock::Fixed(date("2022-03-22")), dir);
    let mut h = Harness::builder()
        .with_size(points)
        .with_pixels_per_point(ppp)
        .with_context_setup(theme::install)
        .build_ui_state(|ui, app: &mut DubanApp| app.ui(ui), app);
    settle(&mut h);
    h
}

/// Every table header, top-bar action and the note button lie inside the window, and the
/// headers left of the detail pane.
fn everything_is_on_screen(points: egui::Vec2, ppp: f32) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_at(dir.path(), points, ppp);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, points);
    // A narrow window folds the right-hand actions into 更多; either way nothing overlaps.
    let folded = h.query_by_label("更多").is_some();
    let right: &[&str] =
        if folded { &["更多"] } else { &["数据", "回收站…", "名册…", "设置…", "关于…"] };
    let mut bar: Vec<(&str, egui::Rect)> = Vec::new();
    for action in ["导入通知…", "新建工作要求…", "导出汇总…", "督办单…"].iter().chain(right)
    {
        let rect = h.get_by_label(action).rect();
        assert!(screen.contains_rect(rect), "{action} at {rect:?} is outside {screen:?}");
        for (other, seen) in &bar {
            assert!(!seen.intersects(rect.shrink(1.0)), "{action} at {rect:?} overlaps {other} at {seen:?}");
        }
        bar.push((action, rect));
    }
    if folded {
        h.get_by_label("更多").click();
        settle(&mut h);
        for action in ["备份与恢复…", "回收站…", "名册…", "设置…", "关于…"] {
            let rect = h.get_by_label(action).rect();
            assert!(screen.contains_rect(rect), "更多 → {action} at {rect:?} is outside {screen:?}");
        }
        h.key_press(egui::Key::Escape);
        settle(&mut h);
    }
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    let detail_left = h.get_by_label("一.2　在建工地治理").rect().left();
    // The header row: where 编号 stands (the detail pane has labels of the same words).
    let header_y = h.get_by_label("编号").rect().center().y;
    let mut headers = 0;
    for title in ["编号", "工作要求", "责任单位", "完成时限", "时限", "剩余", "状态", "材料", "最新进展"]
    {
        let Some(rect) =
            h.query_all_by_label(title).map(|n| n.rect()).find(|r| (r.center().y - header_y).abs() < 4.0)
        else {
            continue;
        };
        headers += 1;
        assert!(screen.contains_rect(rect), "{title} at {rect:?} is outside the window");
        assert!(
            rect.right() <= detail_left + 1.0,
            "{title} at {rect:?} is under the detail pane ({detail_left})"
        );
        assert!(rect.width() >= 20.0, "{title} is squeezed to {rect:?}");
    }
    assert!(headers >= 5, "at least 编号, 工作要求, 责任单位, a deadline and 状态: found {headers}");
    for must in ["编号", "工作要求", "责任单位", "状态"] {
        assert!(h.query_all_by_label(must).next().is_some(), "{must} is a column on every screen");
    }
    // The first thing to do with a directive: record what an office reported. Its button is
    // in view without scrolling; the duty log's 添加进展 is further down, one scroll away.
    let feedback = h.get_by_label("防火监督处：记录反馈").rect();
    assert!(screen.contains_rect(feedback), "记录反馈 at {feedback:?} is below the fold of {screen:?}");
    h.get_by_label("添加进展");
}

#[test]
fn a_1366_by_768_laptop_shows_every_header_and_action() {
    everything_is_on_screen(egui::vec2(1366.0, 768.0), 1.0);
}

#[test]
fn the_same_laptop_at_150_percent_shows_every_header_and_action() {
    everything_is_on_screen(egui::vec2(1366.0 / 1.5, 768.0 / 1.5), 1.5);
}

#[test]
fn a_large_monitor_shows_all_eight_columns() {
    everything_is_on_screen(egui::vec2(1920.0, 1080.0), 1.0);
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_at(dir.path(), egui::vec2(1920.0, 1080.0), 1.0);
    click_button(&mut h, "全部");
    for title in ["编号", "工作要求", "责任单位", "完成时限", "剩余", "状态", "材料", "最新进展"]
    {
        assert!(h.query_all_by_label(title).next().is_some(), "{title} shown on a large monitor");
    }
}

#[test]
fn folding_the_detail_pane_away_widens_the_table_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_at(dir.path(), egui::vec2(1366.0 / 1.5, 768.0 / 1.5), 1.5);
    click_button(&mut h, "全部");
    assert!(h.query_by_label("最新进展").is_none(), "a narrow table leaves the latest note to the detail");
    click_button(&mut h, "隐藏详情 ▶");
    assert!(h.query_by_label("最新进展").is_some(), "with the pane folded away the table has room for it");
    assert!(!h.state().view_state().detail);
    click_button(&mut h, "◀ 显示详情");
    assert!(h.state().view_state().detail);
}
