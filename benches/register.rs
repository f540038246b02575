//! Directives by hand and register edits at scale: a register of 10,000 and of 100,000
//! directives (the seed imported 625 / 6,250 times). Each edit is one transaction with its
//! change-log entries and search re-indexing; the board load includes the 回收站's list.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{ByHand, DirectiveId, NewDirective, RegisterEdit, Source, SourceKind};
use duban::notice::parse_notice;
use duban::store::{Actor, Store};

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn register(path: &std::path::Path, copies: usize) -> Store {
    let mut store = Store::open(path).expect("store");
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed parses");
    let at = day("2022-03-16").and_hms_opt(9, 0, 0).expect("time");
    for i in 0..copies {
        let mut d = draft.clone();
        d.title = format!("{}（{i}）", d.title);
        store.import_notice(&d, SEED, "基准", at).expect("import");
    }
    store
}

fn instruction() -> ByHand {
    ByHand {
        source: Source { kind: SourceKind::Instruction, by: Some("王总队长".into()), reference: None },
        on: day("2022-03-20"),
        directive: NewDirective {
            title: "排查高层建筑消防车通道".into(),
            text: "请防火监督处牵头排查高层建筑消防车通道。".into(),
            offices: vec!["防火监督处".into(), "沈阳支队".into()],
            deadline: Some(day("2022-03-31")),
        },
    }
}

fn bench_at(c: &mut Criterion, copies: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = register(&dir.path().join("duban.sqlite3"), copies);
    let actor = Actor { author: "基准", at: day("2022-03-22").and_hms_opt(9, 0, 0).expect("time") };
    let n = copies * 16;
    let mut group = c.benchmark_group(format!("register_{n}"));
    group.sample_size(20);
    group.bench_function("create_by_hand", |b| {
        b.iter(|| black_box(store.create_by_hand(&instruction(), &actor).expect("create")))
    });
    let target = DirectiveId(2);
    group.bench_function("split_then_merge_back", |b| {
        b.iter(|| {
            let part = NewDirective {
                title: "宣传".into(),
                text: "做好宣传报道。".into(),
                offices: Vec::new(),
                deadline: None,
            };
            let edit =
                RegisterEdit::Split {
                    id: target, keep_text: "联合住建部门开展专项检查。".into(), part
                };
            let (_, new) = store.apply_register_edit(&edit, &actor).expect("split");
            store.merge_directives(target, new, &actor).expect("merge");
        })
    });
    group.bench_function("delete_then_restore", |b| {
        b.iter(|| {
            store.delete_directive(DirectiveId(3), &actor).expect("delete");
            store.restore_directive(DirectiveId(3), &actor).expect("restore");
        })
    });
    group.bench_function("load_board", |b| b.iter(|| black_box(store.load_board().expect("board"))));
    group.finish();
}

fn register_edits(c: &mut Criterion) {
    bench_at(c, 625);
    bench_at(c, 6_250);
}

criterion_group!(benches, register_edits);
criterion_main!(benches);
