//! .docx input: the paragraphs of word/document.xml, read with a zip reader and an XML
//! reader (no external program). Hostile files are refused: encrypted or legacy documents,
//! corrupt archives, unsafe entry names, and parts that unpack beyond a cap (zip bombs, by
//! declared and by actual size).

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::NoticeError;
use super::docx_body::document_lines;
use super::docx_numbering::Numbering;

/// Largest .docx file accepted (documents with pictures are larger than text).
pub const MAX_DOCX_BYTES: u64 = 64 * 1024 * 1024;
/// Largest XML part read, unpacked.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// A Word document has a few dozen entries.
const MAX_ENTRIES: usize = 10_000;

/// Zip archives (.docx, .xlsx…) start with a local file header.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// OLE compound files: password-protected Office documents and legacy .doc.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn bad(reason: impl Into<String>) -> NoticeError {
    NoticeError::BadDocx { reason: reason.into() }
}

fn zip_error(e: ZipError) -> NoticeError {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => NoticeError::Encrypted,
        ZipError::InvalidPassword => NoticeError::Encrypted,
        ZipError::UnsupportedArchive(m) => bad(format!("不支持的压缩格式：{m}")),
        ZipError::CompressionMethodNotSupported(m) => bad(format!("不支持的压缩方法 {m}")),
        ZipError::FileNotFound => bad("缺少正文 word/document.xml"),
        _ => bad("文件已损坏或不完整"),
    }
}

/// The text of a .docx, one paragraph a line.
pub fn read_docx(bytes: &[u8]) -> Result<String, NoticeError> {
    read_docx_limited(bytes, MAX_PART_BYTES)
}

/// [`read_docx`] with the unpacked-size cap given (tests use a small one).
pub fn read_docx_limited(bytes: &[u8], limit: u64) -> Result<String, NoticeError> {
    if is_ole(bytes) {
        return Err(NoticeError::Encrypted);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    if zip.len() > MAX_ENTRIES {
        return Err(bad(format!("压缩包内文件过多（{} 个）", zip.len())));
    }
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(zip_error)?;
        if entry.enclosed_name().is_none() {
            return Err(NoticeError::UnsafePath {
                name: entry.name().map(|n| n.chars().take(80).collect()).unwrap_or_default(),
            });
        }
        if entry.encrypted() {
            return Err(NoticeError::Encrypted);
        }
    }
    let document =
        read_part(&mut zip, "word/document.xml", limit)?.ok_or_else(|| bad("缺少正文 word/document.xml"))?;
    let mut numbering =
        read_part(&mut zip, "word/numbering.xml", limit)?.map(|x| Numbering::parse(&x)).unwrap_or_default();
    Ok(document_lines(&document, &mut numbering)?.join("\n"))
}

/// One part as text, refusing it when it unpacks beyond `limit`.
fn read_part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, NoticeError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    if file.size() > limit {
        return Err(NoticeError::Unpacked { limit });
    }
    let mut buf = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut buf).map_err(|_| bad("文件已损坏或不完整"))?;
    if buf.len() as u64 > limit {
        return Err(NoticeError::Unpacked { limit });
    }
    String::from_utf8(buf).map(Some).map_err(|_| bad(format!("{name} 不是 UTF-8 文本")))
}
