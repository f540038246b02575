//! Issue #17 at scale: generated registers of 10,000 and 100,000 directives (benches/register,
//! built once and cached under target/registers/). For each size: opening the data folder, the
//! first board, one edit with its refreshed row (what the worker sends back), an import, search
//! through the window's path (the store's hits, then the table's rows), the window's recompute
//! after a filter switch and after a board change, 总览, and each export (the open directives,
//! and every directive).
//!
//! `cargo bench --bench scale` (both sizes); `SCALE=10000 cargo bench --bench scale` for one.

#[path = "register/mod.rs"]
mod register;

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{Board, BoardFilter, DirectiveEdit, OfficeIndex, Overview, Status, office_figures};
use duban::report::{Format, Scope, Summary, SummaryRequest, render};
use duban::store::{Actor, Store};
use duban::ui::{BoardFigures, table_rows};

fn sizes() -> Vec<usize> {
    match std::env::var("SCALE").ok().and_then(|s| s.parse().ok()) {
        Some(n) => vec![n],
        None => vec![10_000, 100_000],
    }
}

fn today() -> NaiveDate {
    register::TODAY.parse().expect("date")
}

/// The rows the window's table shows for `filter` and the search hits, computed as the window
/// does after a search keystroke or a filter switch (ui/app/derive.rs: the rows alone; the
/// board's figures and 总览 depend on neither).
fn rows(
    board: &Board,
    index: &OfficeIndex,
    filter: BoardFilter,
    hits: Option<&std::collections::HashSet<duban::model::DirectiveId>>,
) -> usize {
    table_rows(board, index, filter, hits, None, today(), 3).len()
}

/// What the window recomputes after the board changed (a snapshot or a replaced row): the
/// office index when the units changed, the sidebar counts and 今日待催办.
fn figures(board: &Board, index: &OfficeIndex) -> BoardFigures {
    BoardFigures::build(board, index, today(), 3, Some(7))
}

fn open_and_board(c: &mut Criterion) {
    for n in sizes() {
        let dir = register::copy_of(n);
        let mut group = c.benchmark_group(format!("{n} directives"));
        group.sample_size(10).measurement_time(Duration::from_secs(8));
        group.bench_function("open (the data folder, nothing else)", |b| {
            b.iter(|| Store::open_dir(dir.path()).expect("open"))
        });
        let store = Store::open_dir(dir.path()).expect("open");
        group.bench_function("thorough check (background)", |b| {
            b.iter(|| store.check_integrity().expect("check"))
        });
        group.bench_function("first board (load_board)", |b| b.iter(|| store.load_board().expect("board")));
        // What the window loads: the same without the directives' texts.
        group.bench_function("first board, the window's (load_window_board)", |b| {
            b.iter(|| store.load_window_board().expect("board"))
        });
        // What the window's worker sends a register above model::LIST_WHOLE_UP_TO: the same
        // with the finished directives left out, their figures kept.
        group.bench_function("first board, the window's, finished left out", |b| {
            b.iter(|| {
                let mut board = store.load_window_board().expect("board");
                board.leave_out_finished(today(), Some(7));
                board
            })
        });
        group.finish();
    }
}

fn edit_and_import(c: &mut Criterion) {
    for n in sizes() {
        let dir = register::copy_of(n);
        let mut store = Store::open_dir(dir.path()).expect("open");
        store.ensure_sound().expect("sound");
        // The window's board (no texts), as the worker sends it; the full one for the 接续
        // suggestions from a loaded board (import review reads them from the store).
        let mut board = store.load_window_board().expect("board");
        let full = store.load_board().expect("board");
        let index = OfficeIndex::build(&board);
        let i = board.directives.len() / 2;
        let id = board.directives[i].id;
        let actor = Actor { author: "基准", at: today().and_hms_opt(10, 0, 0).expect("time") };
        let mut group = c.benchmark_group(format!("{n} directives"));
        group.sample_size(20);
        let mut k = 0u32;
        group.bench_function("one edit, refreshed row and detail", |b| {
            b.iter(|| {
                k += 1;
                let edit = DirectiveEdit::Note { on: today(), text: format!("基准进展{k}") };
                store.apply_edit(id, &edit, &actor).expect("edit");
                (store.directive_row(id).expect("row"), store.load_detail(id).expect("detail"))
            })
        });
        // The window's side of the same click (ui/app/dispatch.rs take_row): the row replaces
        // the cached one, the index stands, the figures and the table's rows are recomputed.
        let mut row = store.directive_row(id).expect("row");
        row.text = String::new();
        group.bench_function("one edit, the window takes the row (figures and rows)", |b| {
            b.iter(|| {
                board.directives[i] = row.clone();
                (figures(&board, &index), rows(&board, &index, BoardFilter::All, None))
            })
        });
        let clauses = register::clauses();
        let notices = register::notices_for(n);
        let draft = register::notice(notices, notices + 1, 64, &clauses, &[]);
        let text = register::source_text(&draft);
        // Import review and `import --link` read the suggestions from the store (no board);
        // the same from a board already loaded, for comparison.
        group.bench_function("接续 suggestions for a notice of 64 (import review, from the store)", |b| {
            b.iter(|| store.suggest_continuations(&draft).expect("suggest"))
        });
        group.bench_function("接续 suggestions for a notice of 64 (from a loaded board)", |b| {
            b.iter(|| duban::model::suggest(&draft, &full))
        });
        group.bench_function("import a notice of 64 directives", |b| {
            b.iter(|| store.import_notice(&draft, &text, "基准", actor.at).expect("import"))
        });
        group.finish();
    }
    // The same import into an empty database, for "the last import ≤ 1.5 × the first".
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("open");
    let clauses = register::clauses();
    let draft = register::notice(0, 1, 64, &clauses, &[]);
    let text = register::source_text(&draft);
    let at = today().and_hms_opt(10, 0, 0).expect("time");
    c.bench_function("empty register/import a notice of 64 directives", |b| {
        b.iter(|| store.import_notice(&draft, &text, "基准", at).expect("import"))
    });
}

fn search_and_switch(c: &mut Criterion) {
    for n in sizes() {
        let dir = register::copy_of(n);
        let store = Store::open_dir(dir.path()).expect("open");
        let board = store.load_window_board().expect("board");
        let index = OfficeIndex::build(&board);
        let mut group = c.benchmark_group(format!("{n} directives"));
        group.sample_size(20);
        for query in ["火", "隐患", "排查整治", "隐患排查", "专项检查 员工", "森林火灾扑救"]
        {
            let hits = store.search(query).expect("search");
            let shown = rows(&board, &index, BoardFilter::All, hits.as_ref());
            group.bench_function(format!("search {query} → table ({shown} rows)"), |b| {
                b.iter(|| {
                    let hits = store.search(query).expect("search");
                    rows(&board, &index, BoardFilter::All, hits.as_ref())
                })
            });
        }
        let office = board.offices.iter().find(|o| o.name == "防火监督处").expect("office").id;
        // An office's table also shows its 督办 figures line (computed once per board change).
        group.bench_function("switch to an office → table", |b| {
            b.iter(|| {
                (
                    rows(&board, &index, BoardFilter::Office(office), None),
                    office_figures(&board, today(), Some(7)),
                )
            })
        });
        group.bench_function("switch to 全部 → table", |b| {
            b.iter(|| rows(&board, &index, BoardFilter::All, None))
        });
        // What a board change costs the window (a new snapshot: the index too), and 总览 when shown.
        group.bench_function("board changed → index, sidebar counts, 今日待催办", |b| {
            b.iter(|| {
                let index = OfficeIndex::build(&board);
                figures(&board, &index)
            })
        });
        group.bench_function("总览 (when shown)", |b| {
            b.iter(|| Overview::build_with(&board, &index, today(), 3))
        });
        // The same on the board a large register's window holds (finished left out).
        let mut in_work = board.clone();
        in_work.leave_out_finished(today(), Some(7));
        let in_work_index = OfficeIndex::build(&in_work);
        group.bench_function("总览 (when shown), finished left out", |b| {
            b.iter(|| Overview::build_with(&in_work, &in_work_index, today(), 3))
        });
        group.finish();
    }
}

fn exports(c: &mut Criterion) {
    for n in sizes() {
        let dir = register::copy_of(n);
        let store = Store::open_dir(dir.path()).expect("open");
        let board = store.load_board().expect("board");
        // Every directive open: the report covers the whole register.
        let mut all_open = board.clone();
        for d in &mut all_open.directives {
            d.status = Status::InProgress;
        }
        let request =
            SummaryRequest { scope: Scope::AllOpen, report_date: today(), offices: None, due_soon_days: 3 };
        let mut group = c.benchmark_group(format!("{n} directives"));
        group.sample_size(10).measurement_time(Duration::from_secs(10));
        for (label, board) in [("open ones", &board), ("all of them", &all_open)] {
            let summary = Summary::build(board, &request);
            let items: usize = summary.blocks.iter().map(|b| b.items.len()).sum();
            for format in Format::ALL {
                group.bench_function(
                    format!("export {} of {label} ({items} rows)", format.extension()),
                    |b| b.iter(|| render(&summary, format).expect("renders").len()),
                );
            }
        }
        group.finish();
    }
}

criterion_group!(benches, open_and_board, edit_and_import, search_and_switch, exports);
criterion_main!(benches);
