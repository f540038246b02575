//! 拍摄信息 — when and where a photo was taken, from its EXIF. A file without EXIF, or with
//! broken EXIF, simply has none: reading never fails and never reads more than a bounded prefix.

use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use exif::{In, Tag, Value};

use crate::model::PhotoMeta;

/// EXIF lives near the start of a photo; no more than this is read looking for it.
const EXIF_READ_LIMIT: u64 = 16 * 1024 * 1024;

/// Reads EXIF from the file at `path`; anything unreadable yields no information.
pub fn read_photo_meta(path: &Path) -> PhotoMeta {
    match std::fs::File::open(path) {
        Ok(file) => read_photo_meta_from(file),
        Err(_) => PhotoMeta::default(),
    }
}

/// Reads EXIF from a stream (JPEG, TIFF, PNG, WebP, HEIF containers).
pub fn read_photo_meta_from(source: impl Read + Seek) -> PhotoMeta {
    let mut reader = BufReader::new(Prefix { inner: source, pos: 0 });
    // A decoder bug on hostile input must not take the app down: treat it as "no EXIF".
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        exif::Reader::new().read_from_container(&mut reader).ok()
    }));
    let Ok(Some(exif)) = parsed else { return PhotoMeta::default() };
    let text = |tag| exif.get_field(tag, In::PRIMARY).and_then(|f| ascii(&f.value));
    let taken_at = [Tag::DateTimeOriginal, Tag::DateTimeDigitized, Tag::DateTime]
        .into_iter()
        .find_map(|tag| text(tag).as_deref().and_then(parse_exif_time));
    let degrees = |tag| exif.get_field(tag, In::PRIMARY).and_then(|f| dms(&f.value));
    let lat = signed(degrees(Tag::GPSLatitude), text(Tag::GPSLatitudeRef), "S", 90.0);
    let lon = signed(degrees(Tag::GPSLongitude), text(Tag::GPSLongitudeRef), "W", 180.0);
    let (lat, lon) = if lat.is_some() && lon.is_some() { (lat, lon) } else { (None, None) };
    PhotoMeta { taken_at, lat, lon }
}

/// The first [`EXIF_READ_LIMIT`] bytes of a seekable stream; past them it reads as ended (a
/// TIFF-like container is otherwise read whole).
struct Prefix<R> {
    inner: R,
    pos: u64,
}

impl<R: Read> Read for Prefix<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let room = EXIF_READ_LIMIT.saturating_sub(self.pos).min(buf.len() as u64) as usize;
        let n = self.inner.read(&mut buf[..room])?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Seek> Seek for Prefix<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        Ok(self.pos)
    }
}

/// Whether a photo predates the notice it is evidence for (likely an old photo reused).
pub fn taken_before_notice(taken_at: Option<NaiveDateTime>, notice_issued_on: NaiveDate) -> bool {
    taken_at.is_some_and(|t| t.date() < notice_issued_on)
}

fn ascii(value: &Value) -> Option<String> {
    match value {
        Value::Ascii(parts) => parts.first().map(|p| String::from_utf8_lossy(p).trim().to_owned()),
        _ => None,
    }
}

/// `2022:03:18 09:41:07` (cameras write colons in the date too).
fn parse_exif_time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim_end_matches('\0'), "%Y:%m:%d %H:%M:%S").ok()
}

/// Degrees, minutes, seconds as three rationals → decimal degrees.
fn dms(value: &Value) -> Option<f64> {
    let Value::Rational(parts) = value else { return None };
    let [d, m, s] = parts.get(..3)? else { return None };
    if [d, m, s].iter().any(|r| r.denom == 0) {
        return None;
    }
    Some(d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0)
}

fn signed(degrees: Option<f64>, reference: Option<String>, negative: &str, max: f64) -> Option<f64> {
    let d = degrees.filter(|d| (0.0..=max).contains(d))?;
    Some(if reference.as_deref() == Some(negative) { -d } else { d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_camera_times_and_flags_old_photos() {
        let t = parse_exif_time("2022:03:10 08:15:00").unwrap();
        assert_eq!(t.to_string(), "2022-03-10 08:15:00");
        assert_eq!(parse_exif_time("0000:00:00 00:00:00"), None);
        let issued: NaiveDate = "2022-03-16".parse().unwrap();
        assert!(taken_before_notice(Some(t), issued));
        assert!(!taken_before_notice(parse_exif_time("2022:03:16 07:00:00"), issued));
        assert!(!taken_before_notice(None, issued));
    }

    #[test]
    fn garbage_has_no_exif() {
        let broken = std::io::Cursor::new(&b"\xFF\xD8\xFF\xE1\x00\x10Exif\0\0MM\0*garbage"[..]);
        assert_eq!(read_photo_meta_from(broken), PhotoMeta::default());
        assert_eq!(read_photo_meta_from(std::io::Cursor::new(b"")), PhotoMeta::default());
    }
}
