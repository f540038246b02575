//! The XML inside a .docx. Mutating a whole .docx almost never gets past the zip reader (every
//! change to a part breaks its CRC-32), so this target wraps the input in a valid archive:
//! the bytes before the first NUL are word/document.xml, the bytes after it
//! word/numbering.xml. The text read is then parsed as a notice.

#![no_main]

use std::io::{Cursor, Write};

use chrono::NaiveDate;
use duban::notice::{parse_notice, read_docx_limited};
use libfuzzer_sys::fuzz_target;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

const LIMIT: u64 = 1024 * 1024;

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        zip.start_file(*name, stored).expect("start");
        zip.write_all(data).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let (document, numbering) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document)];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", n));
    }
    let bytes = zip_of(&parts);
    if let Ok(text) = read_docx_limited(&bytes, LIMIT) {
        let _ = parse_notice(&text, NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"));
    }
});
