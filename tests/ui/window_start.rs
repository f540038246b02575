//! The window's start: the database opens on a thread, the first frame says 正在载入… (never
//! an empty register), then the data — or, for a damaged database, the recovery screen.

use std::time::{Duration, Instant};

use duban::clock::Clock;
use duban::ui::Window;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{date, prepare_store};

fn window(dir: Result<std::path::PathBuf, String>) -> Harness<'static, Window> {
    duban::ui::widgets::without_system_dialogs();
    let ctx = egui::Context::default();
    let window = Window::open(dir, Clock::Fixed(date("2022-03-18")), &ctx);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_context_setup(duban::ui::theme::install)
        .build_ui_state(|ui, window: &mut Window| window.ui(ui), window)
}

/// Steps frames until the database is open and the app's worker has answered (at most 10 s).
fn wait_until_open(h: &mut Harness<'static, Window>) {
    let start = Instant::now();
    while h.state().is_opening() || h.state().app().is_some_and(|app| app.is_busy()) {
        assert!(start.elapsed() < Duration::from_secs(10), "the database did not open within 10 s");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.step();
}

#[test]
fn the_window_opens_the_database_on_a_thread_and_then_shows_the_register() {
    let dir = tempfile::tempdir().unwrap();
    drop(prepare_store(dir.path(), Some("李娜"), true));
    let mut h = window(Ok(dir.path().to_path_buf()));
    // The first frame is drawn before the database can have answered: it says it is loading.
    h.step();
    if h.state().is_opening() {
        h.get_by_label("正在载入…");
        assert!(h.query_by_label_contains("还没有").is_none(), "nothing reads as an empty register");
    }
    wait_until_open(&mut h);
    assert!(h.state().app().is_some(), "the app is shown");
    assert!(h.query_by_label("正在载入…").is_none());
    // The register is there: the sidebar lists the seed's offices, the overview its meeting.
    assert!(h.query_all_by_label_contains("防火监督处").count() > 0, "the offices are listed");
    assert!(h.query_by_label_contains("还没有导入通知").is_none());
}

#[test]
fn a_damaged_database_found_at_start_opens_the_recovery_screen() {
    let dir = tempfile::tempdir().unwrap();
    drop(prepare_store(dir.path(), Some("李娜"), true));
    let db = dir.path().join(duban::store::DB_FILE_NAME);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..100].fill(0x5A);
    std::fs::write(&db, &bytes).unwrap();
    let mut h = window(Ok(dir.path().to_path_buf()));
    wait_until_open(&mut h);
    assert!(h.state().app().is_none(), "a damaged database never reaches the app");
    h.get_by_label("数据库已损坏，已停止使用");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the damaged file is not written to");
}

#[test]
fn a_data_folder_that_cannot_be_used_says_why_and_opens_nothing() {
    let mut h = window(Err("数据已迁移到 /media/u盘/督办台，但该位置当前无法访问".to_owned()));
    h.step();
    h.get_by_label("无法打开督办台数据库");
    h.get_by_label_contains("当前无法访问");
}
