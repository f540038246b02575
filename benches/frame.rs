//! Frame time of the main window with a large register: the table lays out only the visible
//! rows, so a frame should cost about the same with 160 or 4,800 directives — and with the
//! generated registers of 10,000 and 100,000 (benches/register; `SCALE=N` for one size), on
//! the table of 全部 (the overview is not the table).

#[path = "register/mod.rs"]
mod register;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::clock::Clock;
use duban::evidence::attach_file;
use duban::model::DirectiveId;
use duban::notice::parse_notice;
use duban::store::Actor;
use duban::store::Store;
use duban::ui::{DubanApp, theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

/// The window on a copy of the generated register of `count` directives, showing 全部.
fn app_on_register(count: usize) -> Harness<'static, DubanApp> {
    let dir = register::copy_of(count);
    let store = Store::open_dir(dir.path()).expect("store");
    let app = DubanApp::new(store, Clock::Fixed(register::TODAY.parse().expect("date")), dir.path());
    std::mem::forget(dir);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_context_setup(theme::install)
        .build_ui_state(|ui, app: &mut DubanApp| app.ui(ui), app);
    let start = Instant::now();
    while h.state().is_busy() || h.state().board().directives.is_empty() {
        h.step();
        std::thread::sleep(Duration::from_millis(2));
        assert!(start.elapsed() < Duration::from_secs(300), "app did not load");
    }
    h.get_by_role_and_label(egui::accesskit::Role::Button, "全部").click();
    settle(&mut h);
    h
}

fn app_with(copies: usize, photos: usize) -> Harness<'static, DubanApp> {
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
    // Photos on directive 2 (distinct 320×240 images, so each is its own stored file).
    let actor = Actor { author: "基准", at: issued.and_hms_opt(10, 0, 0).expect("time") };
    for i in 0..photos {
        let path = dir.path().join(format!("照片{i}.jpg"));
        let shade = (i * 37 % 256) as u8;
        image::RgbImage::from_fn(320, 240, |x, y| image::Rgb([shade, (x % 256) as u8, (y % 256) as u8]))
            .save(&path)
            .expect("photo");
        attach_file(&mut store, dir.path(), DirectiveId(2), None, &path, &actor).expect("attach");
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

/// Steps until the workers are idle (thumbnails arrive asynchronously).
fn settle(h: &mut Harness<'static, DubanApp>) {
    let start = Instant::now();
    for _ in 0..50 {
        h.step();
        while h.state().is_busy() {
            h.step();
            std::thread::sleep(Duration::from_millis(2));
            assert!(start.elapsed() < Duration::from_secs(120), "did not settle");
        }
    }
}

fn register_frames(c: &mut Criterion) {
    let sizes: Vec<usize> = match std::env::var("SCALE").ok().and_then(|s| s.parse().ok()) {
        Some(n) => vec![n],
        None => vec![10_000, 100_000],
    };
    for n in sizes {
        let mut h = app_on_register(n);
        let mut group = c.benchmark_group(format!("{n} directives"));
        group.sample_size(20);
        group.bench_function("frame of the table (全部)", |b| b.iter(|| h.step()));
        group.finish();
    }
}

fn frames(c: &mut Criterion) {
    for copies in [10, 300] {
        let mut h = app_with(copies, 0);
        let n = h.state().board().directives.len();
        c.bench_function(&format!("frame, {n} directives"), |b| b.iter(|| h.step()));
    }
    // A directive with 200 photos selected: the grid draws cached thumbnails, never full photos.
    let mut h = app_with(1, 200);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "全部").click();
    settle(&mut h);
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    assert_eq!(h.state().detail().map(|d| d.evidence.len()), Some(200));
    c.bench_function("frame, a directive with 200 photos", |b| b.iter(|| h.step()));
}

criterion_group!(benches, frames, register_frames);
criterion_main!(benches);
