//! PDF input: bytes → `read_pdf` (pdf-extract behind `catch_unwind`) → `parse_notice`.
//!
//! libfuzzer-sys installs a panic hook that aborts, which would report a panic inside
//! pdf-extract even though duban catches it; the default hook is put back, so only a panic
//! that escapes `read_pdf` (unwinding out of this closure, which libfuzzer-sys turns into an
//! abort) is a finding.

#![no_main]

use std::sync::Once;

use chrono::NaiveDate;
use duban::notice::{parse_notice, read_pdf};
use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
    });
    let issued = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    if let Ok(text) = read_pdf(data) {
        let _ = parse_notice(&text, issued);
    }
});
