//! A returned file opened with care: the same guards as the notice reader (`notice::docx`):
//! a legacy or password-protected Office file (OLE) is named as such, unsafe entry names and
//! encrypted entries refused, and every part read with a cap on its unpacked size, declared
//! and actual (a zip bomb stops at the cap). Photos are read with their own cap, and a part
//! over it is skipped and said, not fatal.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::FormsError;
use crate::notice::MAX_PART_BYTES;

/// The character an XML entity stands for (the notice reader's, shared).
pub use crate::notice::xml_entity as entity;

/// Largest returned file accepted (a form full of photos is large; 100 MB passes).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Largest photo taken out of a return.
pub const MAX_PHOTO_BYTES: u64 = 32 * 1024 * 1024;
/// Photos taken out of one return, at most (more are skipped and said).
pub const MAX_PHOTOS: usize = 200;
const MAX_ENTRIES: usize = 10_000;

/// OLE compound files: password-protected Office documents and legacy .doc / .xls.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// An opened package.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

fn zip_error(e: ZipError) -> FormsError {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => FormsError::Encrypted,
        ZipError::InvalidPassword => FormsError::Encrypted,
        _ => FormsError::Damaged("压缩结构已损坏或不完整".to_owned()),
    }
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, FormsError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(FormsError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
        }
        if is_ole(bytes) {
            return Err(FormsError::OleFile);
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(FormsError::NotOffice);
        }
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        if zip.len() > MAX_ENTRIES {
            return Err(FormsError::Damaged(format!("压缩包内文件过多（{} 个）", zip.len())));
        }
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i).map_err(zip_error)?;
            if entry.enclosed_name().is_none() {
                return Err(FormsError::Damaged("压缩包内有不安全的文件名".to_owned()));
            }
            if entry.encrypted() {
                return Err(FormsError::Encrypted);
            }
        }
        Ok(Package { zip })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// One part's bytes, refused beyond `limit` unpacked.
    pub fn bytes(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, FormsError> {
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        if file.size() > limit {
            return Err(FormsError::Unpacked { part: name.to_owned(), limit });
        }
        let mut buf = Vec::with_capacity(usize::try_from(file.size().min(limit)).unwrap_or(0));
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|_| FormsError::Damaged(format!("{name} 已损坏")))?;
        if buf.len() as u64 > limit {
            return Err(FormsError::Unpacked { part: name.to_owned(), limit });
        }
        Ok(Some(buf))
    }

    /// One XML part as text (capped as the notice reader caps it).
    pub fn text(&mut self, name: &str) -> Result<Option<String>, FormsError> {
        match self.bytes(name, MAX_PART_BYTES)? {
            None => Ok(None),
            Some(b) => String::from_utf8(b)
                .map(Some)
                .map_err(|_| FormsError::Damaged(format!("{name} 不是 UTF-8 文本"))),
        }
    }
}

/// Reads `name="value"` of an element by local name.
pub fn attr(e: &quick_xml::events::BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Custom properties (docProps/custom.xml): name → value.
pub fn custom_properties(xml: &str) -> Vec<(String, String)> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut name: Option<String> = None;
    let mut value = String::new();
    let mut in_value = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"property" => {
                    name = attr(&e, b"name");
                    value.clear();
                }
                b"lpwstr" | b"lpstr" | b"bstr" => in_value = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"property" => {
                    if let Some(n) = name.take() {
                        out.push((n, std::mem::take(&mut value)));
                    }
                }
                b"lpwstr" | b"lpstr" | b"bstr" => in_value = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_value => value.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_value => value.push_str(&entity(&r)),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}
