//! Builds a data folder holding a generated register (see benches/register/mod.rs), to measure
//! the command line and the window at scale:
//!
//! ```sh
//! cargo run --release --example make_register -- 100000 /tmp/duban-100k
//! duban --data /tmp/duban-100k --date 2026-11-30
//! ```

#[path = "../benches/register/mod.rs"]
mod register;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(dir)) = (args.next().and_then(|c| c.parse::<usize>().ok()), args.next()) else {
        eprintln!("usage: make_register COUNT DIR   (e.g. 100000 /tmp/duban-100k)");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    let start = std::time::Instant::now();
    let made = register::build_folder(&dir, count, |done, total| {
        if done % 100 == 0 || done == total {
            eprintln!("{done}/{total} notices, {:.1} s", start.elapsed().as_secs_f64());
        }
    });
    println!(
        "{made} directives in {} ({:.1} s); today: --date {}",
        dir.display(),
        start.elapsed().as_secs_f64(),
        register::TODAY
    );
}
