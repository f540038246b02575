//! What the reliability and meeting-cycle work costs: opening a database (quick_check and
//! migrations included), walking the change log's hash chain, a backup archive, and finding
//! the directives a new notice carries on.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{DirectiveId, suggest};
use duban::notice::parse_notice;
use duban::store::{Actor, Store, verify_chain};

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");
const NEXT: &str = include_str!("../tests/fixtures/next-notice.txt");

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// A data directory holding the seed `copies` times (16 directives each) and a progress note
/// per directive (so the change log has 17 entries per copy).
fn register(dir: &std::path::Path, copies: usize) -> Store {
    let mut store = Store::open_dir(dir).expect("store");
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed parses");
    let at = day("2022-03-16").and_hms_opt(9, 0, 0).expect("time");
    let actor = Actor { author: "基准", at };
    for i in 0..copies {
        let mut d = draft.clone();
        d.title = format!("{}（{i}）", d.title);
        store.import_notice(&d, SEED, "基准", at).expect("import");
    }
    for id in 1..=(copies as i64 * 16) {
        store.add_note(DirectiveId(id), day("2022-03-18"), "已部署落实", &actor).expect("note");
    }
    store
}

fn reliability(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = register(dir.path(), 300); // 4,800 directives, 5,100 log entries
    let mut group = c.benchmark_group("reliability");
    group.sample_size(20);
    group.bench_function("verify the hash chain, 5,100 entries", |b| {
        b.iter(|| verify_chain(black_box(store.connection())).expect("chain"))
    });
    group.bench_function("full check (integrity, references, chain), 4,800 directives", |b| {
        b.iter(|| store.check_integrity().expect("check"))
    });
    drop(store);
    group.bench_function("open with quick_check, 4,800 directives", |b| {
        b.iter(|| Store::open_dir(black_box(dir.path())).expect("open"))
    });
    let store = Store::open_dir(dir.path()).expect("open");
    let usb = tempfile::tempdir().expect("tempdir");
    group.bench_function("backup archive, 4,800 directives", |b| {
        b.iter(|| {
            duban::backup::write_archive(&store, dir.path(), &usb.path().join("b.zip"), &mut |_, _| {})
                .expect("backup")
        })
    });
    let board = store.load_board().expect("board");
    let draft = parse_notice(NEXT, day("2022-03-23")).expect("next parses");
    group.bench_function("接续 suggestions, 4 directives against 4,800", |b| {
        b.iter(|| suggest(black_box(&draft), black_box(&board)))
    });
    group.finish();
}

criterion_group!(benches, reliability);
criterion_main!(benches);
