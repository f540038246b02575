//! Shared by the core tests: fixed dates and an actor, a data directory with the seed imported,
//! generated photos (with and without EXIF, or lying about their size), a database dump for
//! comparisons, and running the duban binary.

#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
        duban::evidence::attach_file(
            &mut self.store,
            self.dir.path(),
            directive,
            progress.map(duban::model::NoteId),
            source,
            &actor(),
        )
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

/// The whole database as text, to compare before and after an operation: `user_version`, then
/// every table of `sqlite_master` by name (the FTS index and its shadow tables included) with its
/// `CREATE` statement and all its rows, in rowid order (primary-key order for `WITHOUT ROWID`
/// tables). Values are written with their type; blobs in hex.
pub fn dump(store: &Store) -> String {
    use rusqlite::types::ValueRef;
    use std::fmt::Write as _;
    let conn = store.connection();
    let mut out = String::new();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("user_version");
    writeln!(out, "user_version {version}").expect("write");
    let tables: Vec<(String, Option<String>)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("tables");
    for (name, sql) in tables {
        writeln!(out, "table {name}: {}", sql.unwrap_or_default()).expect("write");
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let order = if conn.prepare(&format!("SELECT rowid FROM {quoted} LIMIT 0")).is_ok() {
            "rowid".to_owned()
        } else {
            let keys: Vec<String> = conn
                .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")
                .expect("keys")
                .query_map([&name], |r| r.get(0))
                .expect("keys")
                .collect::<rusqlite::Result<_>>()
                .expect("keys");
            assert!(!keys.is_empty(), "{name}: neither a rowid nor a primary key");
            keys.iter().map(|k| format!("\"{}\"", k.replace('"', "\"\""))).collect::<Vec<_>>().join(", ")
        };
        let mut stmt = conn.prepare(&format!("SELECT * FROM {quoted} ORDER BY {order}")).expect("select");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            let mut line = String::from(" ");
            for i in 0..columns {
                match row.get_ref(i).expect("value") {
                    ValueRef::Null => line.push_str(" NULL"),
                    ValueRef::Integer(v) => write!(line, " i{v}").expect("write"),
                    ValueRef::Real(v) => write!(line, " r{v:?}").expect("write"),
                    ValueRef::Text(t) => write!(line, " t{:?}", String::from_utf8_lossy(t)).expect("write"),
                    ValueRef::Blob(b) => {
                        line.push_str(" x");
                        for byte in b {
                            write!(line, "{byte:02x}").expect("write");
                        }
                    }
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Runs the duban binary on the data directory `data` (through `DUBAN_DATA_DIR`).
pub fn duban(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env("DUBAN_DATA_DIR", data)
        .output()
        .expect("duban runs")
}

/// A PNG whose header claims `w`×`h` pixels, followed by a few bytes of nothing.
pub fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut crc = flate2::Crc::new();
    crc.update(&ihdr);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0, b'I', b'D', b'A', b'T', 0x35, 0xAF, 0x06, 0x1E]);
    out
}
