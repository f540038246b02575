//! Frame time of the main window with a large register: the table lays out only the visible
//! rows, so a frame should cost about the same with 160 or 4,800 directives.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::clock::Clock;
use duban::notice::parse_notice;
use duban::store::Store;
use duban::ui::{DubanApp, theme};
use egui_kittest::Harness;

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

fn app_with(copies: usize) -> Harness<'static, DubanApp> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    store.set_author("基准").expect("author");
    let issued: NaiveDate = "2022-03-16".parse().expect("date");
    let draft = parse_notice(SEED, issued).expect("seed parses");
    for i in 0..copies {
        let mut d = draft.clone();
        d.title = format!("{}（{i}）", d.title);
        store.import_notice(&d, SEED, "基准", issued.and_hms_opt(9, 0, 0).expect("time")).expect("import");
    }
    let app = DubanApp::new(store, Clock::Fixed("2022-03-22".parse().expect("date")), dir.path());
    std::mem::forget(dir); // keep the directory for the harness's lifetime
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_context_setup(theme::install)
        .build_ui_state(|ui, app: &mut DubanApp| app.ui(ui), app);
    let start = Instant::now();
    while h.state().is_busy() || h.state().board().directives.is_empty() {
        h.step();
        std::thread::sleep(Duration::from_millis(2));
        assert!(start.elapsed() < Duration::from_secs(60), "app did not load");
    }
    h.step();
    h
}

fn frames(c: &mut Criterion) {
    for copies in [10, 300] {
        let mut h = app_with(copies);
        let n = h.state().board().directives.len();
        c.bench_function(&format!("frame, {n} directives"), |b| b.iter(|| h.step()));
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
