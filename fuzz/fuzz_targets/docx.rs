//! .docx reader: zip container, entry checks, size caps, document.xml/numbering.xml parsing.

#![no_main]

use duban::notice::{decode_bytes, read_docx_limited};
use libfuzzer_sys::fuzz_target;

/// Small unpacked-size cap so that zip bombs are cut off early.
const LIMIT: u64 = 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    let small = read_docx_limited(data, LIMIT);
    let full = decode_bytes(data);
    // A file starting with a zip signature is read as .docx by decode_bytes with a larger
    // cap: what the small cap accepts must read the same, or be refused only as not text.
    if let (true, Ok(text)) = (data.starts_with(b"PK\x03\x04"), &small) {
        match &full {
            Ok(d) => assert_eq!(&d.text, text),
            Err(e) => assert!(
                matches!(e, duban::notice::NoticeError::Empty | duban::notice::NoticeError::NotText),
                "read with a small cap, refused with a larger one: {e:?}"
            ),
        }
    }
});
