//! 完整性检查 — SQLite's own checks plus the change log's hash chain. At open, [`open_check`]
//! runs `quick_check` over a small file and a constant-cost check over a large one (the
//! thorough check follows in the background: see health.rs); a damaged database is refused,
//! never used. The full check runs from the menu and `duban check`.

use rusqlite::{Connection, ErrorCode};

use super::health::Health;
use super::{ChainReport, Result, Store, StoreError, verify_chain};

/// What the full check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityReport {
    /// `PRAGMA integrity_check` lines other than "ok".
    pub damage: Vec<String>,
    /// Rows pointing at rows that do not exist (`PRAGMA foreign_key_check`).
    pub broken_references: usize,
    pub chain: ChainReport,
}

impl IntegrityReport {
    pub fn is_healthy(&self) -> bool {
        self.damage.is_empty() && self.broken_references == 0 && self.chain.is_intact()
    }
}

/// The lines of an integrity pragma other than "ok" (at most 20).
pub(super) fn problems(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let lines: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}(20)"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// Is this error SQLite saying the file is damaged or not a database at all?
pub(super) fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase))
}

/// SQLite's reason, in the officer's words.
pub(super) fn describe(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "文件头已损坏，或不是数据库文件".to_owned(),
        Some(ErrorCode::DatabaseCorrupt) => "数据页已损坏".to_owned(),
        _ => e.to_string(),
    }
}

/// The quick check at open: refuses a damaged file with [`StoreError::Corrupt`].
pub(super) fn quick_check(conn: &Connection, path: &std::path::Path) -> Result<()> {
    let corrupt = |detail: String| StoreError::Corrupt { detail, path: path.to_path_buf() };
    match problems(conn, "quick_check") {
        Ok(found) if found.is_empty() => Ok(()),
        Ok(found) => Err(corrupt(found.join("；"))),
        Err(e) if is_corruption(&e) => Err(corrupt(describe(&e))),
        Err(e) => Err(StoreError::Open { source: e, path: path.to_path_buf() }),
    }
}

/// Files up to this size get the whole `quick_check` at open (a few milliseconds); larger ones
/// the constant-cost check, with the thorough one in the background.
pub const FULL_CHECK_AT_OPEN_BELOW: u64 = 4 << 20;

/// Small tables checked page by page even in a large file (the roster, settings, aliases).
const SMALL_TABLES: [&str; 3] = ["office", "office_alias", "setting"];

/// The check at open. A file below `full_below` bytes: `quick_check`, and it is known healthy.
/// A larger one: what costs the same at any size — the header and schema can be read, the file
/// holds every page the header counts, the small tables pass `quick_check`, and the newest
/// rows of the large tables (the pages last written) can be read — and it stays unverified
/// until the thorough check answers.
pub(super) fn open_check(conn: &Connection, path: &std::path::Path, full_below: u64) -> Result<Health> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size < full_below {
        quick_check(conn, path)?;
        return Ok(Health::Healthy);
    }
    let corrupt = |detail: String| StoreError::Corrupt { detail, path: path.to_path_buf() };
    let fail = |e: rusqlite::Error| {
        if is_corruption(&e) {
            corrupt(describe(&e))
        } else {
            StoreError::Open { source: e, path: path.to_path_buf() }
        }
    };
    let (page_size, pages): (i64, i64) = conn
        .query_row("SELECT page_size, page_count FROM pragma_page_size, pragma_page_count", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(fail)?;
    // Without a write-ahead log holding newer pages, the file must hold every page counted.
    let wal = std::fs::metadata(format!("{}-wal", path.display())).map(|m| m.len()).unwrap_or(0);
    let counted = (pages.max(0) as u64).saturating_mul(page_size.max(0) as u64);
    if wal == 0 && counted > size {
        return Err(corrupt(format!("文件被截断（应有 {counted} 字节，实有 {size} 字节）")));
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(fail)?;
    for table in SMALL_TABLES.iter().filter(|t| tables.iter().any(|n| n == *t)) {
        let found: Vec<String> = conn
            .prepare(&format!("PRAGMA quick_check(\"{table}\")"))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(fail)?
            .into_iter()
            .filter(|l| l != "ok")
            .collect();
        if !found.is_empty() {
            return Err(corrupt(found.join("；")));
        }
    }
    for table in ["notice", "section", "directive", "change_log", "progress", "feedback"] {
        if tables.iter().any(|n| n == table) {
            conn.query_row(&format!("SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1"), [], |_| Ok(()))
                .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(()) } else { Err(e) })
                .map_err(fail)?;
        }
    }
    Ok(Health::Unverified)
}

impl Store {
    /// The full check: every page and index, every reference, the change log's chain.
    pub fn check_integrity(&self) -> Result<IntegrityReport> {
        let damage = problems(&self.conn, "integrity_check")?;
        let broken_references =
            self.conn.prepare("PRAGMA foreign_key_check")?.query_map([], |_| Ok(()))?.count();
        Ok(IntegrityReport { damage, broken_references, chain: verify_chain(&self.conn)? })
    }
}
