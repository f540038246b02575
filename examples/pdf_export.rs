//! Times the PDF export of a data folder as the window does it (导出 → PDF): the open
//! directives, then every directive (all made open, so the report covers the whole register),
//! each rendered and written to a file, with the process's peak memory.
//!
//! ```sh
//! cargo run --release --example pdf_export -- /tmp/duban-100k 2026-11-30 /tmp/out
//! ```

use std::time::Instant;

use duban::model::Status;
use duban::report::{Format, Scope, Summary, SummaryRequest, render_with_progress};
use duban::store::Store;

#[path = "support/process_memory.rs"]
mod process_memory;
use process_memory::memory;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: pdf_export DIR [TODAY] [OUT_DIR]"));
    let today: chrono::NaiveDate = args.next().unwrap_or_else(|| "2026-11-30".into()).parse().expect("date");
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp".into()));
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let store = Store::open_dir(&dir).expect("open");
    let board = store.load_board().expect("board");
    let mut all = board.clone();
    for d in &mut all.directives {
        d.status = Status::InProgress;
    }
    let request =
        SummaryRequest { scope: Scope::AllOpen, report_date: today, offices: None, due_soon_days: 3 };
    for (label, board) in [("open", &board), ("all", &all)] {
        let t = Instant::now();
        let summary = Summary::build(board, &request);
        let rows: usize = summary.blocks.iter().map(|b| b.items.len()).sum();
        let built = ms(t);
        let t = Instant::now();
        let mut calls = 0usize;
        let bytes = render_with_progress(&summary, Format::Pdf, &mut |_| calls += 1).expect("render");
        let rendered = ms(t);
        let path = out.join(format!("pdf-export-{label}.pdf"));
        duban::fsutil::write_atomically(&path, &bytes).expect("write");
        let (_, peak) = memory();
        println!(
            "pdf of {label} ({rows} rows): summary {built:.0} ms, render {rendered:.0} ms, total {:.0} ms, \
             {:.1} MB file, {calls} progress reports, peak so far {peak:.0} MB",
            ms(t) + built,
            bytes.len() as f64 / 1e6
        );
    }
}
