//! Measures a data folder the way the window uses it, once each (no statistics: see
//! benches/scale.rs for medians): open, the thorough check, the first board and its memory,
//! searches, and each export of the open directives with the peak memory it took.
//!
//! ```sh
//! cargo run --release --example measure -- /tmp/duban-100k 2026-11-30
//! ```

use std::time::Instant;

use duban::model::BoardFilter;
use duban::report::{Format, Scope, Summary, SummaryRequest, render};
use duban::store::Store;

#[path = "support/process_memory.rs"]
mod process_memory;
use process_memory::memory;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: measure DIR [TODAY]"));
    let today: chrono::NaiveDate = args.next().unwrap_or_else(|| "2026-11-30".into()).parse().expect("date");
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;

    let t = Instant::now();
    let store = Store::open_dir(&dir).expect("open");
    println!("open: {:.1} ms ({:?})", ms(t), store.health());
    let t = Instant::now();
    let board = store.load_board().expect("board");
    let (rss, _) = memory();
    println!("first board: {:.1} ms, {} directives, resident {rss:.0} MB", ms(t), board.directives.len());
    let t = Instant::now();
    let window = store.load_window_board().expect("board");
    println!("first board, the window's (no texts): {:.1} ms", ms(t));
    drop(window);
    let t = Instant::now();
    store.ensure_sound().expect("sound");
    println!("thorough check: {:.1} ms", ms(t));
    for query in ["火", "隐患", "排查整治", "隐患排查", "专项检查 员工"] {
        let t = Instant::now();
        let hits = store.search(query).expect("search").unwrap_or_default();
        let rows = board
            .filtered(BoardFilter::All, today, 3)
            .into_iter()
            .filter(|i| hits.contains(&board.directives[*i].id))
            .count();
        println!("search {query}: {:.1} ms, {rows} rows", ms(t));
    }
    let (rss, _) = memory();
    println!("resident after searches: {rss:.0} MB");
    // What the window recomputes (ui/app/derive.rs): after a board change the office index,
    // the sidebar counts and 今日待催办; 总览 and the 督办 figures while shown; after a search
    // or a filter switch the table's rows alone.
    let t = Instant::now();
    let index = duban::model::OfficeIndex::build(&board);
    println!("derive: office index {:.1} ms", ms(t));
    let t = Instant::now();
    let _ = board.counts_with(&index, today, 3);
    println!("derive: sidebar counts {:.1} ms", ms(t));
    let t = Instant::now();
    let _ = duban::model::reminders_due(&board, today, Some(7));
    println!("derive: 今日待催办 {:.1} ms", ms(t));
    let t = Instant::now();
    let _ = duban::model::Overview::build_with(&board, &index, today, 3);
    println!("derive: 总览 {:.1} ms", ms(t));
    let t = Instant::now();
    let _ = duban::model::office_figures(&board, today, Some(7));
    println!("derive: 各单位督办指标 {:.1} ms", ms(t));
    let t = Instant::now();
    let office = board.offices.iter().find(|o| o.name == "防火监督处").map(|o| o.id);
    let rows = office.map_or(0, |o| {
        duban::ui::table_rows(&board, &index, BoardFilter::Office(o), None, None, today, 3).len()
    });
    println!("derive: the table's rows for 防火监督处 {:.1} ms ({rows})", ms(t));
    let t = Instant::now();
    let hits = store.search("隐患排查").expect("search");
    let rows = duban::ui::table_rows(&board, &index, BoardFilter::All, hits.as_ref(), None, today, 3).len();
    println!("search 隐患排查 → the table's rows {:.1} ms ({rows})", ms(t));
    let request =
        SummaryRequest { scope: Scope::AllOpen, report_date: today, offices: None, due_soon_days: 3 };
    let summary = Summary::build(&board, &request);
    let rows: usize = summary.blocks.iter().map(|b| b.items.len()).sum();
    for format in [Format::Csv, Format::Docx, Format::Xlsx, Format::Pdf] {
        let t = Instant::now();
        let bytes = render(&summary, format).expect("render");
        let (_, peak) = memory();
        println!(
            "export {} of {rows} open rows: {:.0} ms, {:.1} MB file, peak so far {peak:.0} MB",
            format.extension(),
            ms(t),
            bytes.len() as f64 / 1e6
        );
    }
}
