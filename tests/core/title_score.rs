//! The titles of web copies scored (issue #15): the review screen and the notice list show a
//! notice's title, and a text copied from a web page often opens with the page's own lines
//! (打印页面, 工作动态, a site's menu, an advertisement) before its headline.
//!
//! tests/fixtures/genres/titles/titles.tsv holds, for every text of unseen10 … unseen20, the
//! title a helper wrote by hand from the text alone without seeing the parser (NOTES.md gives
//! the judgement calls); an empty title means the text has no headline (it starts at 各单位:
//! or mid-document) and is not scored. unseen10–12 were held out: the title reader was tuned
//! on unseen13–20 only; the held-out misses were first read after the tuning (held out: 31/46
//! with the first reader, 35/46 after it).
//!
//! `cargo test --test core title_table -- --ignored --nocapture` prints every miss.

use std::path::Path;

use chrono::NaiveDate;
use duban::notice::{decode_text, parse_notice};

const GENRES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres");
const HELD_OUT: [&str; 3] = ["unseen10", "unseen11", "unseen12"];

/// One scored title: folder, file, expected, parsed (None when the text was refused).
struct Row {
    folder: String,
    file: String,
    expected: String,
    parsed: Option<String>,
}

impl Row {
    fn right(&self) -> bool {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        self.parsed.as_deref().is_some_and(|p| squeeze(p) == squeeze(&self.expected))
    }
}

fn rows() -> Vec<Row> {
    let tsv = std::fs::read_to_string(format!("{GENRES}/titles/titles.tsv")).expect("titles.tsv");
    let day = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
    tsv.lines()
        .filter_map(|line| {
            let mut cells = line.splitn(3, '\t');
            let (folder, file) = (cells.next()?, cells.next()?);
            let expected = cells.next().unwrap_or("").trim();
            if expected.is_empty() {
                return None;
            }
            let bytes = std::fs::read(Path::new(GENRES).join(folder).join(file)).expect("text");
            let parsed = decode_text(&bytes).and_then(|t| parse_notice(&t.text, day)).ok().map(|d| d.title);
            Some(Row {
                folder: folder.to_owned(),
                file: file.to_owned(),
                expected: expected.to_owned(),
                parsed,
            })
        })
        .collect()
}

/// (right, scored) for the held-out folders or the others.
fn count(rows: &[Row], held_out: bool) -> (usize, usize) {
    let part: Vec<&Row> = rows.iter().filter(|r| HELD_OUT.contains(&r.folder.as_str()) == held_out).collect();
    (part.iter().filter(|r| r.right()).count(), part.len())
}

#[test]
#[ignore = "prints every title the parser reads differently from the hand-written one"]
fn title_table() {
    let rows = rows();
    for r in rows.iter().filter(|r| !r.right()) {
        println!(
            "{} {}\n    want {}\n    got  {}",
            r.folder,
            r.file,
            r.expected,
            r.parsed.as_deref().unwrap_or("(refused)")
        );
    }
    println!("tuned {:?} held out {:?}", count(&rows, false), count(&rows, true));
}

#[test]
fn web_copies_keep_their_headline_as_title() {
    let rows = rows();
    let (tuned, tuned_all) = count(&rows, false);
    let (held, held_all) = count(&rows, true);
    assert_eq!((tuned_all, held_all), (104, 46), "titles.tsv changed: set new floors");
    // Measured 2026-12-01: 95/104 tuned (3 of the misses are texts with no requirement,
    // refused), 35/46 held out.
    assert!(tuned >= 95, "tuned part: {tuned}/{tuned_all}");
    assert!(held >= 35, "held-out part: {held}/{held_all}");
}
