//! 完整性检查 — SQLite's own checks plus the change log's hash chain. `quick_check` runs at
//! every open (a damaged database is refused, never used); the full check runs from the menu
//! and `duban check`.

use rusqlite::{Connection, ErrorCode};

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

impl Store {
    /// The full check: every page and index, every reference, the change log's chain.
    pub fn check_integrity(&self) -> Result<IntegrityReport> {
        let damage = problems(&self.conn, "integrity_check")?;
        let broken_references =
            self.conn.prepare("PRAGMA foreign_key_check")?.query_map([], |_| Ok(()))?.count();
        Ok(IntegrityReport { damage, broken_references, chain: verify_chain(&self.conn)? })
    }
}
