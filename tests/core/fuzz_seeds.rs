//! The fuzz targets' seeds (fuzz/seeds/) run through what each target calls, in the ordinary
//! test run: a panic in the decoder, the .docx or PDF reader or the parser on any seed fails
//! here even where cargo-fuzz (nightly) is not installed. Every genre text is also parsed cut
//! short at many places (the stored copies stop mid-sentence; so do truncated downloads).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::notice::{decode_bytes, parse_notice, read_docx_limited, read_pdf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn issued() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn every_notice_seed_decodes_and_parses_without_panic() {
    let seeds = files(&Path::new(ROOT).join("fuzz/seeds/notice"));
    assert!(seeds.len() >= 20, "{seeds:?}");
    let mut parsed = 0;
    for seed in &seeds {
        let bytes = std::fs::read(seed).expect("seed");
        if let Ok(decoded) = decode_bytes(&bytes) {
            parsed += usize::from(parse_notice(&decoded.text, issued()).is_ok());
        }
        let _ = parse_notice(&String::from_utf8_lossy(&bytes), issued());
    }
    // The seeds are notices: all but a few (the .docx, refused as text) parse.
    assert!(parsed + 3 >= seeds.len(), "{parsed} of {}", seeds.len());
}

#[test]
fn every_docx_and_pdf_seed_reads_without_panic() {
    for seed in files(&Path::new(ROOT).join("fuzz/seeds/docx")) {
        let bytes = std::fs::read(&seed).expect("seed");
        let text = read_docx_limited(&bytes, 1 << 20).unwrap_or_else(|e| panic!("{seed:?}: {e}"));
        let _ = parse_notice(&text, issued());
    }
    let pdfs = files(&Path::new(ROOT).join("fuzz/seeds/pdf"));
    assert_eq!(pdfs.len(), 2, "{pdfs:?}");
    let mut read = 0;
    for seed in &pdfs {
        let bytes = std::fs::read(seed).expect("seed");
        if let Ok(text) = read_pdf(&bytes) {
            read += 1;
            let _ = parse_notice(&text, issued());
        }
    }
    assert_eq!(read, 1, "the text PDF reads, the scan is refused");
}

#[test]
fn genre_texts_cut_short_anywhere_parse_without_panic() {
    let genres = Path::new(ROOT).join("tests/fixtures/genres");
    let texts: Vec<PathBuf> = files(&genres)
        .into_iter()
        .chain(files(&genres.join("unseen")))
        .chain(files(&genres.join("unseen2")))
        .chain(files(&genres.join("unseen3")))
        .chain(files(&genres.join("unseen4")))
        .chain(files(&genres.join("unseen5")))
        .chain(files(&genres.join("unseen6")))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(texts.len() >= 153, "{}", texts.len());
    for path in texts {
        let text = std::fs::read_to_string(&path).expect("text");
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(53).collect();
        for cut in cuts {
            let _ = parse_notice(&text[..cut], issued());
            let _ = parse_notice(&text[cut..], issued());
        }
    }
}
