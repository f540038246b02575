//! One entry point for a notice file: a .docx (by its zip signature, whatever its name), a PDF
//! with a text layer (by `%PDF-`), or text in any supported encoding. The file's type and size are checked before it is opened (a
//! named pipe or a device is refused), and every read — standard input too — is capped.

use std::io::Read;
use std::path::Path;

use super::NoticeError;
use super::decode::{DecodedText, MAX_NOTICE_BYTES, decode_text};
use super::docx::{MAX_DOCX_BYTES, is_ole, is_zip, read_docx};
use super::pdf::{MAX_PDF_BYTES, is_pdf, read_pdf};

/// The encoding name reported for a .docx.
pub const DOCX: &str = "docx";
/// The encoding name reported for a PDF.
pub const PDF: &str = "pdf";

/// Reads a notice file (.docx or text) into text.
pub fn read_notice_file(path: &Path) -> Result<DecodedText, NoticeError> {
    let bytes = read_notice_bytes(path)?;
    decode_bytes(&bytes).map_err(|e| e.in_file(path))
}

/// Whether these bytes are a document rather than text: a Word file (.docx, or an old or
/// encrypted OLE one) or a PDF. Such a file has no text encoding to choose.
pub fn is_word_file(bytes: &[u8]) -> bool {
    is_zip(bytes) || is_ole(bytes) || is_pdf(bytes)
}

/// The bytes of a notice file, refusing one larger than a notice can be before reading it.
/// Its type is checked before it is opened: a named pipe or a device would block or never end.
pub fn read_notice_bytes(path: &Path) -> Result<Vec<u8>, NoticeError> {
    let io = |source| NoticeError::Io { source, path: path.to_path_buf() };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    if !meta.is_file() {
        return Err(NoticeError::NotRegular { path: path.to_path_buf() });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    read_capped(file, Some(meta.len())).map_err(|e| match e {
        ReadCapped::Io(source) => io(source),
        ReadCapped::TooLarge(e) => e.in_file(path),
    })
}

/// A notice from a stream (standard input): the same limits as a file, counted as it is read.
pub fn read_notice_stream(reader: impl Read) -> Result<Vec<u8>, NoticeError> {
    read_capped(reader, None).map_err(|e| match e {
        ReadCapped::Io(source) => NoticeError::Io { source, path: "-".into() },
        ReadCapped::TooLarge(e) => e,
    })
}

enum ReadCapped {
    Io(std::io::Error),
    TooLarge(NoticeError),
}

/// Reads at most the limit for its kind (by the first bytes) plus one; more is refused.
fn read_capped(mut reader: impl Read, size: Option<u64>) -> Result<Vec<u8>, ReadCapped> {
    let mut head = Vec::with_capacity(8);
    (&mut reader).take(8).read_to_end(&mut head).map_err(ReadCapped::Io)?;
    let limit = if is_zip(&head) || is_ole(&head) {
        MAX_DOCX_BYTES
    } else if is_pdf(&head) {
        MAX_PDF_BYTES
    } else {
        MAX_NOTICE_BYTES
    };
    if let Some(size) = size.filter(|s| *s > limit) {
        return Err(ReadCapped::TooLarge(NoticeError::TooLarge { size, limit }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size.unwrap_or(0)).unwrap_or(0));
    bytes.extend_from_slice(&head);
    reader.take(limit + 1 - head.len() as u64).read_to_end(&mut bytes).map_err(ReadCapped::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadCapped::TooLarge(NoticeError::TooLarge { size: bytes.len() as u64, limit }));
    }
    Ok(bytes)
}

/// Bytes of a notice file: a .docx or a PDF by signature, else text.
pub fn decode_bytes(bytes: &[u8]) -> Result<DecodedText, NoticeError> {
    if is_pdf(bytes) {
        let text = read_pdf(bytes)?;
        super::decode::check_is_text(&text)?;
        return Ok(DecodedText { text, encoding: PDF });
    }
    if is_zip(bytes) || is_ole(bytes) {
        let text = read_docx(bytes)?;
        super::decode::check_is_text(&text)?;
        return Ok(DecodedText { text, encoding: DOCX });
    }
    decode_text(bytes)
}
