//! Bytes → text: the encodings notices arrive in (UTF-8 with or without BOM, UTF-16 with
//! BOM, GBK/GB18030), refusing what is not text.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::NoticeError;

/// Notices are a few pages; anything larger is not a notice.
pub const MAX_NOTICE_BYTES: u64 = 16 * 1024 * 1024;

/// The text of a notice and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    /// UTF-8, UTF-16LE, UTF-16BE or GB18030.
    pub encoding: &'static str,
}

/// Decodes notice bytes: a BOM decides; else valid UTF-8 is UTF-8; else GB18030 (a superset
/// of GBK). Binary data (NUL bytes, control characters) is refused.
pub fn decode_text(bytes: &[u8]) -> Result<DecodedText, NoticeError> {
    if bytes.len() as u64 > MAX_NOTICE_BYTES {
        return Err(NoticeError::TooLarge { size: bytes.len() as u64, limit: MAX_NOTICE_BYTES });
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            return Err(NoticeError::UnknownEncoding);
        }
        (text.into_owned(), enc.name())
    } else if has_binary_bytes(bytes) && !looks_like_utf16(bytes) {
        return Err(NoticeError::NotText);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), "UTF-8")
    } else if looks_like_utf16(bytes) {
        let enc = if bytes.iter().step_by(2).filter(|b| **b == 0).count() > bytes.len() / 8 {
            UTF_16BE
        } else {
            UTF_16LE
        };
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(NoticeError::UnknownEncoding);
        }
        (text.into_owned(), enc.name())
    } else {
        let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(NoticeError::UnknownEncoding);
        }
        (text.into_owned(), GB18030.name())
    };
    check_is_text(&text)?;
    Ok(DecodedText { text, encoding })
}

/// NUL or other C0 control bytes (besides tab, line breaks, form feed) never occur in text
/// encoded as UTF-8 or GB18030.
pub(super) fn has_binary_bytes(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
}

/// UTF-16 without BOM: many NUL bytes in a regular pattern.
pub(super) fn looks_like_utf16(bytes: &[u8]) -> bool {
    bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes.iter().filter(|b| **b == 0).count() * 4 >= bytes.len()
}

/// Refuses empty text and text with control characters other than line breaks and tabs.
pub fn check_is_text(text: &str) -> Result<(), NoticeError> {
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(NoticeError::Empty);
    }
    let bad = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}')).count();
    if bad > 0 {
        return Err(NoticeError::NotText);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_gbk_and_utf16() {
        let s = "一、要突出在建工地治理。";
        assert_eq!(decode_text(s.as_bytes()).unwrap().text, s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode_text(&bom).unwrap().text, s);
        let (gbk, _, _) = GB18030.encode(s);
        let decoded = decode_text(&gbk).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (s, "gb18030"));
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text(&utf16).unwrap().text, s);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(matches!(decode_text(b""), Err(NoticeError::Empty)));
        assert!(matches!(decode_text(b" \n\r\n "), Err(NoticeError::Empty)));
        assert!(matches!(decode_text(b"abc\0def\x01\x02"), Err(NoticeError::NotText)));
        let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(decode_text(&random).is_err());
    }
}
