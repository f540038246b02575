//! 数据库快照 — a consistent single-file copy of the database (`VACUUM INTO` a temporary file,
//! flushed to disk, renamed into place), and restoring one over the open database with SQLite's
//! backup API (all pages replaced in one step; other connections see old or new, never a mix).
//! Also the read-only questions asked of a snapshot file before it is trusted or pruned: is it
//! an intact duban database, and which evidence files does it need.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::{Result, SCHEMA_VERSION, Store, StoreError, integrity, schema};
use crate::fsutil::sync_dir;

/// The folder, inside the data directory, that holds automatic and pre-migration snapshots.
pub const BACKUP_DIR: &str = "backups";

/// Writes a consistent copy of `conn`'s database to `target` (replacing it atomically).
pub(super) fn vacuum_into(conn: &Connection, target: &Path) -> Result<()> {
    let io_err = |source: std::io::Error| StoreError::Snapshot { source, path: target.to_path_buf() };
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(io_err)?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let written = (|| -> Result<()> {
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(io_err)?;
        std::fs::rename(&temp, target).map_err(io_err)?;
        sync_dir(folder).map_err(io_err)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A data folder without its database but with snapshots in `backups/` lost its database (a
/// recovery interrupted, a file deleted by hand): that is damage, never a new start. Opening
/// it would create an empty database that the next automatic snapshot saves as today's.
pub(super) fn refuse_missing(data_dir: &Path, db: &Path) -> Result<()> {
    if db.exists() {
        return Ok(());
    }
    let backups = data_dir.join(BACKUP_DIR);
    let has_snapshot = match std::fs::read_dir(&backups) {
        Ok(entries) => entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && name.ends_with(".sqlite3")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(source) => return Err(StoreError::ReadFolder { source, path: backups }),
    };
    if has_snapshot {
        return Err(StoreError::Corrupt {
            detail: "数据库文件缺失，而 backups 文件夹中有它的备份；未新建空数据库".into(),
            path: db.to_path_buf(),
        });
    }
    Ok(())
}

/// Before a migration changes an existing database, keeps a copy of it as it was.
pub(super) fn before_migrating(conn: &Connection, path: &Path) -> Result<Option<PathBuf>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found == 0 || found >= SCHEMA_VERSION {
        return Ok(None);
    }
    let folder = path.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR);
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = folder.join(format!("before-v{SCHEMA_VERSION}-from-v{found}-{stamp}.sqlite3"));
    vacuum_into(conn, &target)?;
    Ok(Some(target))
}

/// Checks that `path` is an intact duban database this build can read; returns its version.
pub fn check_snapshot(path: &Path) -> Result<i64> {
    let open_err = |source| StoreError::Open { source, path: path.to_path_buf() };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(open_err)?;
    integrity::quick_check(&conn, path)?;
    let corrupt = |detail: &str| StoreError::Corrupt { detail: detail.to_owned(), path: path.to_path_buf() };
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(open_err)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
            path: path.to_path_buf(),
        });
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('notice', 'directive', 'change_log')",
            [],
            |r| r.get(0),
        )
        .map_err(open_err)?;
    if version < 1 || tables != 3 {
        return Err(corrupt("不是督办台的数据库"));
    }
    Ok(version)
}

/// Checks a snapshot fully before it is trusted: [`check_snapshot`], then SQLite's
/// `integrity_check` over every page and the change log's hash chain.
pub fn verify_snapshot(path: &Path) -> Result<i64> {
    let version = check_snapshot(path)?;
    let open_err = |source| StoreError::Open { source, path: path.to_path_buf() };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(open_err)?;
    let corrupt = |detail: String| StoreError::Corrupt { detail, path: path.to_path_buf() };
    let damage = integrity::problems(&conn, "integrity_check").map_err(open_err)?;
    if let Some(first) = damage.first() {
        return Err(corrupt(first.clone()));
    }
    if has_column(&conn, "change_log", "hash")? {
        let chain = super::verify_chain(&conn)?;
        if let Some(id) = chain.first_broken {
            return Err(corrupt(format!("变更记录第 {id} 条起与哈希链不符")));
        }
    }
    Ok(version)
}

fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

/// Every evidence hash the database file at `path` (a snapshot) points to, trashed files too.
/// A snapshot from before evidence existed needs none; one that cannot be read is an error,
/// so that no caller mistakes "unreadable" for "needs nothing".
pub fn snapshot_evidence_hashes(path: &Path) -> Result<BTreeSet<String>> {
    let open_err = |source| StoreError::Open { source, path: path.to_path_buf() };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(open_err)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'evidence'", [], |r| {
            r.get(0)
        })
        .map_err(open_err)?;
    if tables == 0 {
        return Ok(BTreeSet::new());
    }
    let mut statement = conn.prepare("SELECT DISTINCT hash FROM evidence").map_err(open_err)?;
    let hashes = statement
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(open_err)?
        .collect::<rusqlite::Result<_>>()
        .map_err(open_err)?;
    Ok(hashes)
}

impl Store {
    /// Writes a consistent copy of the database to `target`, once the thorough check has
    /// passed (a damaged database is never copied over a good backup).
    pub fn snapshot_to(&self, target: &Path) -> Result<()> {
        self.ensure_sound()?;
        vacuum_into(&self.conn, target)
    }

    /// Replaces everything in the database with the snapshot at `source` (checked first), then
    /// brings it up to this build's schema.
    pub fn restore_from(&mut self, source: &Path) -> Result<()> {
        check_snapshot(source)?;
        let progress: Option<fn(rusqlite::backup::Progress)> = None;
        self.conn.restore(MAIN_DB, source, progress)?;
        schema::migrate(&mut self.conn, &self.path)?;
        self.texts = Default::default();
        // Every page is now the snapshot's, which passed its check.
        self.health.set(super::Health::Healthy);
        Ok(())
    }
}
