//! Parses one text file a number of times and prints nothing but the directive count: a
//! steady-state workload for a profiler (the CLI's `duban parse` spends most of its time
//! writing JSON, and the first parse compiles every regex).
//!
//! ```sh
//! cargo build --release --example parse_file
//! valgrind --tool=callgrind target/release/examples/parse_file big.txt 2022-03-16 5
//! ```

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(day)) = (args.next(), args.next()) else {
        eprintln!("用法: parse_file 文件 日期(YYYY-MM-DD) [次数]");
        std::process::exit(2);
    };
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("无法读取文件：{path}");
        std::process::exit(1);
    };
    let Ok(day) = day.parse() else {
        eprintln!("日期格式应为 YYYY-MM-DD：{day}");
        std::process::exit(2);
    };
    let mut count = 0;
    for _ in 0..times {
        count = duban::notice::parse_notice(&text, day)
            .map_or(0, |n| n.sections.iter().map(|s| s.directives.len()).sum::<usize>());
    }
    println!("{count}");
}
