//! 编码选择 — the import dialog's encoding override: every candidate decoding (UTF-8,
//! GB18030/GBK, UTF-16LE/BE) with a short preview, and decoding in the one the officer picks.
//! Needed because GBK bytes can also be valid UTF-8 (and the reverse).

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::NoticeError;
use super::decode::{
    DecodedText, MAX_NOTICE_BYTES, check_is_text, decode_text, has_binary_bytes, looks_like_utf16,
};

/// Encodings offered, in the names [`DecodedText::encoding`] uses.
pub const ENCODINGS: [&str; 4] = ["UTF-8", "gb18030", "UTF-16LE", "UTF-16BE"];
/// Bytes decoded for a preview.
const PREVIEW_BYTES: usize = 4096;
/// Characters shown in a preview.
const PREVIEW_CHARS: usize = 80;

/// One way to read the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingCandidate {
    pub encoding: &'static str,
    /// The first characters, line breaks shown as spaces.
    pub preview: String,
    /// The whole input decodes without invalid bytes.
    pub valid: bool,
    /// The encoding [`decode_text`] chooses.
    pub detected: bool,
}

fn encoding_named(name: &str) -> Option<&'static Encoding> {
    match name.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Some(UTF_8),
        "gb18030" | "gbk" | "gb2312" => Some(GB18030),
        "utf-16le" => Some(UTF_16LE),
        "utf-16be" => Some(UTF_16BE),
        _ => None,
    }
}

fn without_bom<'a>(bytes: &'a [u8], enc: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
        _ => bytes,
    }
}

fn check_size(bytes: &[u8]) -> Result<(), NoticeError> {
    if bytes.len() as u64 > MAX_NOTICE_BYTES {
        return Err(NoticeError::TooLarge { size: bytes.len() as u64, limit: MAX_NOTICE_BYTES });
    }
    Ok(())
}

/// Decodes in the encoding the officer chose; refuses bytes invalid in it.
pub fn decode_with(bytes: &[u8], encoding: &str) -> Result<DecodedText, NoticeError> {
    check_size(bytes)?;
    let enc = encoding_named(encoding).ok_or(NoticeError::UnknownEncoding)?;
    let text = enc
        .decode_without_bom_handling_and_without_replacement(without_bom(bytes, enc))
        .ok_or_else(|| NoticeError::WrongEncoding { encoding: enc.name().to_owned() })?
        .into_owned();
    check_is_text(&text)?;
    Ok(DecodedText { text, encoding: enc.name() })
}

fn preview(bytes: &[u8], enc: &'static Encoding) -> String {
    let body = without_bom(bytes, enc);
    let prefix = &body[..body.len().min(PREVIEW_BYTES)];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(PREVIEW_BYTES * 2);
    let _ = decoder.decode_to_string(prefix, &mut out, prefix.len() == body.len());
    // Undecodable bytes show as '?': the replacement character has no glyph in the UI font.
    out.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .map(|c| match c {
            '\n' => ' ',
            '\u{FFFD}' => '?',
            c => c,
        })
        .take(PREVIEW_CHARS)
        .collect()
}

/// Every candidate decoding with a preview, the detected one first. Binary data and
/// oversized input are refused before anything is decoded.
pub fn candidate_decodings(bytes: &[u8]) -> Result<Vec<EncodingCandidate>, NoticeError> {
    check_size(bytes)?;
    if bytes.is_empty() {
        return Err(NoticeError::Empty);
    }
    if has_binary_bytes(bytes) && !looks_like_utf16(bytes) && Encoding::for_bom(bytes).is_none() {
        return Err(NoticeError::NotText);
    }
    let detected = decode_text(bytes).ok().map(|d| d.encoding);
    let mut out: Vec<EncodingCandidate> = ENCODINGS
        .iter()
        .filter_map(|name| encoding_named(name))
        .map(|enc| EncodingCandidate {
            encoding: enc.name(),
            preview: preview(bytes, enc),
            valid: enc
                .decode_without_bom_handling_and_without_replacement(without_bom(bytes, enc))
                .is_some_and(|t| check_is_text(&t).is_ok()),
            detected: Some(enc.name()) == detected,
        })
        .collect();
    out.sort_by_key(|c| !c.detected);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_that_is_also_valid_gbk_can_be_overridden() {
        let bytes = "中文通知".as_bytes();
        let list = candidate_decodings(bytes).unwrap();
        assert_eq!(list[0].encoding, "UTF-8");
        assert!(list[0].detected && list[0].valid);
        assert_eq!(list[0].preview, "中文通知");
        let gbk = list.iter().find(|c| c.encoding == "gb18030").unwrap();
        assert!(gbk.valid, "the same bytes are valid GBK");
        assert_ne!(gbk.preview, "中文通知");
        assert_eq!(decode_with(bytes, "GBK").unwrap().text, gbk.preview);
        assert_eq!(decode_with(bytes, "utf-8").unwrap().text, "中文通知");
    }

    #[test]
    fn gbk_bytes_and_wrong_choices() {
        let (gbk, _, _) = GB18030.encode("一、加强检查。");
        let list = candidate_decodings(&gbk).unwrap();
        assert_eq!((list[0].encoding, list[0].preview.as_str()), ("gb18030", "一、加强检查。"));
        let utf8 = list.iter().find(|c| c.encoding == "UTF-8").unwrap();
        assert!(!utf8.valid);
        let e = decode_with(&gbk, "UTF-8").unwrap_err();
        assert!(e.to_string().contains("UTF-8"), "{e}");
        assert!(matches!(decode_with(&gbk, "latin1"), Err(NoticeError::UnknownEncoding)));
    }

    #[test]
    fn utf16_previews_and_refusals() {
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend("一、检查".encode_utf16().flat_map(u16::to_le_bytes));
        let list = candidate_decodings(&le).unwrap();
        assert_eq!((list[0].encoding, list[0].preview.as_str()), ("UTF-16LE", "一、检查"));
        assert_eq!(decode_with(&le, "UTF-16LE").unwrap().text, "一、检查");
        assert!(matches!(candidate_decodings(b"\x00\x01\x02\x03abc"), Err(NoticeError::NotText)));
        assert!(matches!(candidate_decodings(b""), Err(NoticeError::Empty)));
        let huge = vec![b'a'; MAX_NOTICE_BYTES as usize + 1];
        assert!(matches!(candidate_decodings(&huge), Err(NoticeError::TooLarge { .. })));
    }
}
