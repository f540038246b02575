//! Times the 接续 suggestions an import review makes for a generated notice of 64 directives
//! against a data folder (once each, with the process's peak memory): read from the store, as
//! import review and `import --link` now do, then the old way (load the board, compare).
//!
//! ```sh
//! cargo run --release --example suggest_time -- /tmp/duban-100k 100000
//! ```

#[path = "../benches/register/mod.rs"]
mod register;

use std::time::Instant;

use duban::store::Store;

#[path = "support/process_memory.rs"]
mod process_memory;
use process_memory::memory;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: suggest_time DIR COUNT"));
    let count: usize = args.next().and_then(|c| c.parse().ok()).expect("usage: suggest_time DIR COUNT");
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let store = Store::open_dir(&dir).expect("open");
    let clauses = register::clauses();
    let notices = register::notices_for(count);
    let draft = register::notice(notices, notices + 1, 64, &clauses, &[]);
    let (_, start_peak) = memory();
    for _ in 0..3 {
        let t = Instant::now();
        let found = store.suggest_continuations(&draft).expect("suggest");
        let offered: usize = found.iter().map(Vec::len).sum();
        let (_, peak) = memory();
        println!(
            "from the store: {:.0} ms, {offered} offered, peak {peak:.0} MB (at start {start_peak:.0})",
            ms(t)
        );
    }
    for _ in 0..3 {
        let t = Instant::now();
        let board = store.load_board().expect("board");
        let loaded = ms(t);
        let found = duban::model::suggest(&draft, &board);
        let offered: usize = found.iter().map(Vec::len).sum();
        let (_, peak) = memory();
        println!(
            "load the board + compare: {loaded:.0} + {:.0} ms, {offered} offered, peak {peak:.0} MB",
            ms(t) - loaded
        );
    }
}
