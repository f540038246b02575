//! Where the window's memory goes at scale (issue #17): the heap bytes of the board snapshot,
//! field by field, of what the window derives from it, of the short-word search's texts, and
//! what the load left resident — counted by a global allocator that tallies live bytes, beside
//! the process's resident memory. Run on a copy of a register (the store may write to it):
//!
//! ```sh
//! cargo run --release --example memory -- /tmp/mem-100k 2026-11-30
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use duban::model::{Board, BoardFilter, DirectiveRow, OfficeIndex};
use duban::store::Store;

/// The system allocator, counting live and peak bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: forwarded as given.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded as given.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: forwarded as given.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Resident memory of this process in MB (Linux).
fn resident() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn string_heap(s: &str, capacity: usize) -> (usize, usize) {
    (s.len(), capacity)
}

/// Heap bytes a row owns beyond its own struct, per part: (used, allocated).
#[derive(Default, Debug)]
struct Parts {
    number: (usize, usize),
    title: (usize, usize),
    text: (usize, usize),
    last_note: (usize, usize),
    assignments_vec: usize,
    track_strings: usize,
    received: usize,
    recurrence_and_source: usize,
}

fn parts(rows: &[DirectiveRow]) -> Parts {
    let mut p = Parts::default();
    let add = |acc: &mut (usize, usize), x: (usize, usize)| {
        acc.0 += x.0;
        acc.1 += x.1;
    };
    for d in rows {
        add(&mut p.number, string_heap(&d.number, d.number.capacity()));
        add(&mut p.title, string_heap(&d.title, d.title.capacity()));
        add(&mut p.text, string_heap(&d.text, d.text.capacity()));
        if let Some((_, n)) = &d.last_note {
            add(&mut p.last_note, string_heap(n, n.capacity()));
        }
        p.assignments_vec += d.assignments.capacity() * size_of::<duban::model::Assignment>();
        for a in &d.assignments {
            let t = &a.track;
            let boxed = |present: bool, size: usize| if present { size } else { 0 };
            p.track_strings += t.extension().map_or(0, |x| x.approved_by.capacity());
            p.track_strings += boxed(t.extension().is_some(), size_of::<duban::model::ExtensionNote>());
            p.track_strings += t.last_report.as_ref().map_or(0, |r| r.text.capacity());
            p.track_strings += boxed(t.last_report.is_some(), size_of::<duban::model::ReportNote>());
            p.track_strings += t.last_return_reason().map_or(0, str::len);
            p.received += std::mem::size_of_val(t.received());
        }
        if let Some(r) = &d.recurrence {
            p.recurrence_and_source += r.versions.capacity() * size_of::<duban::model::RuleVersion>();
        }
        if let Some(s) = &d.source {
            p.recurrence_and_source += s.by.as_ref().map_or(0, String::capacity);
            p.recurrence_and_source += s.reference.as_ref().map_or(0, String::capacity);
        }
    }
    p
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: memory DIR [TODAY]"));
    let today: chrono::NaiveDate = args.next().unwrap_or_else(|| "2026-11-30".into()).parse().expect("date");
    println!(
        "sizes: DirectiveRow {} B, Assignment {} B, OfficeTrack {} B",
        size_of::<DirectiveRow>(),
        size_of::<duban::model::Assignment>(),
        size_of::<duban::model::OfficeTrack>()
    );
    println!("start: live {:.1} MB, resident {:.0} MB", mb(LIVE.load(Ordering::Relaxed)), resident());
    let store = Store::open_dir(&dir).expect("open");
    println!("open: live {:.1} MB, resident {:.0} MB", mb(LIVE.load(Ordering::Relaxed)), resident());

    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    // The board as the window keeps it (no texts); `full` as the reports read it.
    let t = std::time::Instant::now();
    let mut board: Board = if std::env::var_os("FULL").is_some() {
        store.load_board().expect("board")
    } else {
        store.load_window_board().expect("board")
    };
    let loaded = t.elapsed().as_secs_f64() * 1000.0;
    // As the window's worker does: a large register's finished directives left out (WHOLE=1
    // keeps them, as 列出全部 does).
    let t = std::time::Instant::now();
    if std::env::var_os("WHOLE").is_none() && board.directives.len() > duban::model::LIST_WHOLE_UP_TO {
        board.leave_out_finished(today, Some(7));
    }
    println!(
        "loaded in {loaded:.0} ms; finished left out: {} (in {:.0} ms)",
        board.left_out(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let live = LIVE.load(Ordering::Relaxed);
    println!(
        "board: {} directives, live {:.1} MB (peak while loading {:.1} MB above the start), resident {:.0} MB",
        board.directives.len(),
        mb(live - before),
        mb(PEAK.load(Ordering::Relaxed) - before),
        resident()
    );
    let t = std::time::Instant::now();
    duban::ui::memory::release_freed();
    let took = t.elapsed().as_secs_f64() * 1000.0;
    println!("  after giving freed pages back ({took:.1} ms): resident {:.0} MB", resident());
    let p = parts(&board.directives);
    let rows = board.directives.capacity() * size_of::<DirectiveRow>();
    println!("  rows (the structs): {:.1} MB", mb(rows));
    for (name, (used, cap)) in
        [("number", p.number), ("title", p.title), ("text", p.text), ("last note", p.last_note)]
    {
        println!("  {name}: {:.1} MB used, {:.1} MB allocated", mb(used), mb(cap));
    }
    println!("  assignments (the structs, tracks inline): {:.1} MB", mb(p.assignments_vec));
    println!(
        "  tracks' boxed parts and strings: {:.1} MB, periods received: {:.1} MB",
        mb(p.track_strings),
        mb(p.received)
    );
    println!("  recurrence and source: {:.1} MB", mb(p.recurrence_and_source));

    let before = LIVE.load(Ordering::Relaxed);
    let index = OfficeIndex::build(&board);
    println!("office index: {:.1} MB", mb(LIVE.load(Ordering::Relaxed) - before));
    let before = LIVE.load(Ordering::Relaxed);
    let figures = duban::ui::BoardFigures::build(&board, &index, today, 3, Some(7));
    let rows = duban::ui::table_rows(&board, &index, BoardFilter::All, None, None, today, 3);
    println!("figures and rows: {:.1} MB", mb(LIVE.load(Ordering::Relaxed) - before));
    let before = LIVE.load(Ordering::Relaxed);
    let overview = duban::model::Overview::build_with(&board, &index, today, 3);
    println!(
        "总览 (the start screen): {:.1} MB ({} meetings)",
        mb(LIVE.load(Ordering::Relaxed) - before),
        overview.meetings.len()
    );
    let before = LIVE.load(Ordering::Relaxed);
    let loop_figures = duban::model::office_figures(&board, today, Some(7));
    println!("各单位督办指标: {:.1} MB", mb(LIVE.load(Ordering::Relaxed) - before));

    // The thorough check (the window runs it on its own thread unless the file is stamped).
    let before = resident();
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    store.ensure_sound().expect("sound");
    println!(
        "thorough check: resident {before:.0} -> {:.0} MB ({:?}; Rust heap peak {:.1} MB)",
        resident(),
        store.health(),
        mb(PEAK.load(Ordering::Relaxed))
    );
    duban::ui::memory::release_freed();
    println!("  after giving freed pages back: resident {:.0} MB", resident());

    let before = LIVE.load(Ordering::Relaxed);
    let _ = store.search("员工").expect("search");
    println!(
        "short-word search texts: {:.1} MB, resident {:.0} MB",
        mb(LIVE.load(Ordering::Relaxed) - before),
        resident()
    );
    drop((figures, rows, index, overview, loop_figures));
    println!("end: live {:.1} MB, resident {:.0} MB", mb(LIVE.load(Ordering::Relaxed)), resident());
}
