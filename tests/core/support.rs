//! Shared by the evidence tests: a data directory with the seed imported at fixed dates, an
//! actor, and generated photos (with and without EXIF).

#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use duban::model::DirectiveId;
use duban::notice::{decode_text, parse_notice};
use duban::store::{Actor, Store};
use image::{ImageFormat, Rgb, RgbImage};

pub const SEED: &[u8] = include_bytes!("../fixtures/seed-notice.txt");

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

pub fn at(s: &str) -> NaiveDateTime {
    date(s).and_hms_opt(9, 30, 0).expect("time")
}

pub fn actor() -> Actor<'static> {
    Actor { author: "张伟", at: at("2022-03-18") }
}

/// A temporary data directory whose database holds the seed notice (issued 2022-03-16).
pub struct Data {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Data {
    pub fn new() -> Data {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open_dir(dir.path()).expect("store");
        let text = decode_text(SEED).expect("seed").text;
        let draft = parse_notice(&text, date("2022-03-16")).expect("parse");
        store.import_notice(&draft, &text, "张伟", at("2022-03-16")).expect("import");
        Data { dir, store }
    }

    /// Attaches `source` as 张伟 on 2022-03-18.
    pub fn attach(
        &mut self,
        directive: DirectiveId,
        progress: Option<i64>,
        source: &Path,
    ) -> duban::evidence::Result<duban::evidence::AttachOutcome> {
        duban::evidence::attach_file(&mut self.store, self.dir.path(), directive, progress, source, &actor())
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A file outside the data directory, as a camera folder would hold it.
    pub fn source(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let folder = self.path().join("相机");
        std::fs::create_dir_all(&folder).expect("folder");
        let path = folder.join(name);
        std::fs::write(&path, bytes).expect("write source");
        path
    }

    pub fn count(&self, directive: i64) -> u32 {
        let board = self.store.load_board().expect("board");
        board.directive(DirectiveId(directive)).expect("directive").evidence
    }

    pub fn rows(&self) -> i64 {
        self.store.connection().query_row("SELECT count(*) FROM evidence", [], |r| r.get(0)).expect("count")
    }

    /// Every file under the blob store (temporary copies included).
    pub fn stored_files(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        walk(&self.path().join("evidence"), &mut found);
        found.sort();
        found
    }
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() { walk(&path, found) } else { found.push(path) }
    }
}

/// A `w`×`h` JPEG with a gradient (different `seed`s give different content).
pub fn jpeg(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, seed]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).expect("encode jpeg");
    out.into_inner()
}

pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, _| Rgb([x as u8, 80, 160]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).expect("encode png");
    out.into_inner()
}

/// `jpeg` with an APP1 EXIF segment (`tiff`, a TIFF structure) right after SOI.
pub fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    let len = u16::try_from(tiff.len() + 8).expect("small exif");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A TIFF/EXIF block: taken at `taken` (`YYYY:MM:DD HH:MM:SS`), at 41°48'N 123°25'30"E (沈阳).
pub fn exif_block(taken: &str) -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let field = |tag, value| Field { tag, ifd_num: In::PRIMARY, value };
    let r = |num, denom| Rational { num, denom };
    let fields = [
        field(Tag::DateTimeOriginal, Value::Ascii(vec![taken.as_bytes().to_vec()])),
        field(Tag::GPSLatitudeRef, Value::Ascii(vec![b"N".to_vec()])),
        field(Tag::GPSLatitude, Value::Rational(vec![r(41, 1), r(48, 1), r(0, 1)])),
        field(Tag::GPSLongitudeRef, Value::Ascii(vec![b"E".to_vec()])),
        field(Tag::GPSLongitude, Value::Rational(vec![r(123, 1), r(25, 1), r(30, 1)])),
    ];
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("write exif");
    out.into_inner()
}
