//! Notice input end to end: bytes → `decode_bytes` (UTF-8/UTF-16/GB18030/.docx) → `parse_notice`,
//! `parse_notice` on the bytes read as lossy UTF-8, and the import dialog's encoding override
//! (`candidate_decodings`, `decode_with`).

#![no_main]

use chrono::NaiveDate;
use duban::notice::{candidate_decodings, decode_bytes, decode_with, parse_notice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let issued = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    if let Ok(decoded) = decode_bytes(data) {
        let _ = parse_notice(&decoded.text, issued);
    }
    let lossy = String::from_utf8_lossy(data);
    let _ = parse_notice(&lossy, issued);
    if let Ok(candidates) = candidate_decodings(data) {
        for c in candidates {
            // A candidate shown as valid must decode when the officer picks it.
            let picked = decode_with(data, c.encoding);
            assert_eq!(picked.is_ok(), c.valid, "{}: {picked:?}", c.encoding);
        }
    }
});
