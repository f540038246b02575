//! Reading returned forms (issue #13): 30 returned 反馈单 — 15 Word and 15 Excel files filled
//! by LibreOffice (tests/fixtures/forms/), each read, matched to its form and office and
//! checked for conflicts — must take < 2 s. The database is the seed notice with every
//! office's forms generated on 2022-03-18, as the fixtures were.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::forms::{generate_forms, offices_with_open_work, review_files};
use duban::notice::parse_notice;
use duban::store::{Actor, Store};

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn bench_read(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed");
    store
        .import_notice(&draft, SEED, "张伟", day("2022-03-16").and_hms_opt(9, 0, 0).expect("time"))
        .expect("import");
    let board = store.load_board().expect("board");
    let actor = Actor { author: "张伟", at: day("2022-03-18").and_hms_opt(12, 0, 0).expect("time") };
    generate_forms(
        &mut store,
        &board,
        &offices_with_open_work(&board),
        &dir.path().join("out"),
        "张伟",
        &actor,
    )
    .expect("forms");
    let mut files: Vec<PathBuf> = Vec::new();
    for i in 0..15 {
        for (fixture, ext) in [("filled-word.docx", "docx"), ("filled-excel.xlsx", "xlsx")] {
            let to = dir.path().join(format!("返回{i:02}.{ext}"));
            std::fs::copy(format!("tests/fixtures/forms/{fixture}"), &to).expect("copy");
            files.push(to);
        }
    }
    let board = store.load_board().expect("board");
    let mut group = c.benchmark_group("forms");
    group.sample_size(10);
    group.bench_function("read and review 30 returned forms", |b| {
        b.iter(|| {
            let review =
                review_files(&store, &board, &files, day("2022-03-22"), &mut |_, _| {}).expect("review");
            black_box(review.files.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_read);
criterion_main!(benches);
