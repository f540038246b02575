//! Notices published as PDF: the text layer of a PDF LibreOffice made (CID fonts with
//! ToUnicode maps, as Chinese PDFs have) parses as the text it was made from; a PDF without a
//! text layer (a scan) is refused with a message that says so; a broken or hostile PDF is an
//! error, never a panic. The fixtures are made by scripts/make-pdf-fixtures.sh.

use std::path::Path;

use duban::model::NoticeDraft;
use duban::notice::{NoticeError, decode_bytes, parse_notice, read_notice_file};

use crate::support::{date, duban};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn parsed(path: &str, issued: &str) -> NoticeDraft {
    let decoded = read_notice_file(&Path::new(DIR).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_notice(&decoded.text, date(issued)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What the officer checks of each directive.
fn summary(n: &NoticeDraft) -> Vec<String> {
    n.sections
        .iter()
        .flat_map(|s| &s.directives)
        .map(|d| {
            format!("{} {} {:?} {:?} {:?}", d.number, d.title, d.offices, d.support_offices, d.deadline.date)
        })
        .collect()
}

#[test]
fn the_seed_notice_as_pdf_parses_as_its_text() {
    let from_pdf = parsed("pdf/seed-notice.pdf", "2022-03-16");
    let from_text = parsed("seed-notice.txt", "2022-03-16");
    assert_eq!(from_pdf.title, from_text.title);
    assert_eq!(from_pdf.recipients, from_text.recipients);
    assert_eq!(summary(&from_pdf), summary(&from_text));
    assert!(summary(&from_text).len() > 10);
}

#[test]
fn remarks_as_pdf_parse_as_their_text() {
    let from_pdf = parsed("pdf/remarks.pdf", "2021-03-04");
    let from_text = parsed("genres/23-huangshi-zhidui-lianghui-diaodu.txt", "2021-03-04");
    assert_eq!(summary(&from_pdf), summary(&from_text));
    assert_eq!(summary(&from_pdf).len(), 4);
}

#[test]
fn a_scan_without_text_says_so() {
    let err = read_notice_file(&Path::new(DIR).join("pdf/scanned.pdf")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("没有文字层") && message.contains("扫描件"), "{message}");
    assert!(message.ends_with("scanned.pdf"), "the path comes last: {message}");
}

#[test]
fn broken_and_hostile_pdfs_are_errors_not_panics() {
    let good = std::fs::read(Path::new(DIR).join("pdf/seed-notice.pdf")).unwrap();
    let mut cases: Vec<Vec<u8>> = vec![
        b"%PDF-1.7\n".to_vec(),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
            .to_vec(),
        good[..good.len() / 2].to_vec(),
        good[..2000].to_vec(),
    ];
    // The good file with bytes flipped through its body (fonts, maps, streams, xref).
    for step in [7usize, 131, 1009] {
        let mut bad = good.clone();
        for i in (400..bad.len()).step_by(step) {
            bad[i] ^= 0x5a;
        }
        cases.push(bad);
    }
    for bytes in cases {
        match decode_bytes(&bytes) {
            Err(NoticeError::BadPdf { .. } | NoticeError::ScannedPdf | NoticeError::EncryptedPdf) => {}
            Err(other) => panic!("unexpected error: {other}"),
            // A flip that leaves the text readable is fine: it must still parse without panic.
            Ok(text) => drop(parse_notice(&text.text, date("2022-03-16"))),
        }
    }
}

#[test]
fn the_command_line_reads_a_pdf_and_refuses_a_scan() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = Path::new(DIR).join("pdf/seed-notice.pdf");
    let out = duban(&["parse", pdf.to_str().unwrap(), "--date", "2022-03-16"], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "辽宁省消防救援总队关于2022年第10次办公会议工作要求的通知");
    let scan = Path::new(DIR).join("pdf/scanned.pdf");
    for verb in ["parse", "import"] {
        let out = duban(&[verb, scan.to_str().unwrap()], &data);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("扫描件"), "{verb}");
    }
}
