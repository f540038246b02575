//! One entry point for a notice file: a .docx (by its zip signature, whatever its name) or
//! text in any supported encoding. Sizes are checked before reading, reads are capped.

use std::io::Read;
use std::path::Path;

use super::NoticeError;
use super::decode::{DecodedText, MAX_NOTICE_BYTES, decode_text};
use super::docx::{MAX_DOCX_BYTES, is_ole, is_zip, read_docx};

/// The encoding name reported for a .docx.
pub const DOCX: &str = "docx";

/// Reads a notice file (.docx or text) into text.
pub fn read_notice_file(path: &Path) -> Result<DecodedText, NoticeError> {
    let bytes = read_notice_bytes(path)?;
    decode_bytes(&bytes).map_err(|e| e.in_file(path))
}

/// Whether these bytes are a Word file (.docx, or an old/encrypted OLE one).
pub fn is_word_file(bytes: &[u8]) -> bool {
    is_zip(bytes) || is_ole(bytes)
}

/// The bytes of a notice file, refusing one larger than a notice can be before reading it.
pub fn read_notice_bytes(path: &Path) -> Result<Vec<u8>, NoticeError> {
    let io = |source| NoticeError::Io { source, path: path.to_path_buf() };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let mut head = [0u8; 8];
    let n = file.read(&mut head).map_err(io)?;
    let head = &head[..n];
    let limit = if is_zip(head) || is_ole(head) { MAX_DOCX_BYTES } else { MAX_NOTICE_BYTES };
    if size > limit {
        return Err(NoticeError::TooLarge { size, limit }.in_file(path));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    bytes.extend_from_slice(head);
    file.take(limit + 1 - n as u64).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// Bytes of a notice file: a .docx by signature, else text.
pub fn decode_bytes(bytes: &[u8]) -> Result<DecodedText, NoticeError> {
    if is_zip(bytes) || is_ole(bytes) {
        let text = read_docx(bytes)?;
        super::decode::check_is_text(&text)?;
        return Ok(DecodedText { text, encoding: DOCX });
    }
    decode_text(bytes)
}
