//! 自动备份 — at start-up, at most once a day, a snapshot of the database into `backups/`:
//! `daily-YYYY-MM-DD.sqlite3` (the newest [`DAILY_KEPT`] kept) and, the first time in an ISO
//! week, `weekly-YYYY-Www.sqlite3` (the newest [`WEEKLY_KEPT`] kept). Snapshots taken before a
//! restore live there too (the newest [`BEFORE_RESTORE_KEPT`] kept), and those taken before a
//! schema upgrade, which are never pruned.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OpenFlags};

use super::{BackupError, Result};
use crate::store::{BACKUP_DIR, Store};

pub const DAILY_KEPT: usize = 14;
pub const WEEKLY_KEPT: usize = 8;
/// Snapshots taken before a restore: the newest this many are kept.
pub const BEFORE_RESTORE_KEPT: usize = 10;
const EXTENSION: &str = "sqlite3";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotKind {
    Daily,
    Weekly,
    BeforeMigration,
    BeforeRestore,
    /// A damaged database moved aside by recovery (kept for inspection, never restored).
    Damaged,
}

impl SnapshotKind {
    fn of(name: &str) -> Option<SnapshotKind> {
        Some(match name {
            n if n.starts_with("daily-") => SnapshotKind::Daily,
            n if n.starts_with("weekly-") => SnapshotKind::Weekly,
            n if n.starts_with("before-restore-") => SnapshotKind::BeforeRestore,
            n if n.starts_with("before-v") => SnapshotKind::BeforeMigration,
            n if n.starts_with("damaged-") => SnapshotKind::Damaged,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            SnapshotKind::Daily => "每日备份",
            SnapshotKind::Weekly => "每周备份",
            SnapshotKind::BeforeMigration => "升级前备份",
            SnapshotKind::BeforeRestore => "恢复前备份",
            SnapshotKind::Damaged => "已损坏的数据库",
        }
    }
}

/// A snapshot found in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub path: PathBuf,
    pub kind: SnapshotKind,
    pub modified: SystemTime,
    pub size: u64,
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// Takes today's snapshot unless there is one; returns its path when one was taken.
pub fn auto_backup(store: &Store, data_dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let dir = folder(data_dir);
    let daily = dir.join(format!("daily-{today}.{EXTENSION}"));
    if daily.exists() {
        return Ok(None);
    }
    store.snapshot_to(&daily)?;
    let week = today.iso_week();
    let weekly = dir.join(format!("weekly-{}-W{:02}.{EXTENSION}", week.year(), week.week()));
    if !weekly.exists() {
        let write_err = |source| BackupError::Write { source, path: weekly.clone() };
        // A second name for the same file: it outlives the daily one's pruning.
        if std::fs::hard_link(&daily, &weekly).is_err() {
            std::fs::copy(&daily, &weekly).map_err(write_err)?;
            std::fs::File::open(&weekly).and_then(|f| f.sync_all()).map_err(write_err)?;
        }
    }
    prune(&dir, "daily-", DAILY_KEPT)?;
    prune(&dir, "weekly-", WEEKLY_KEPT)?;
    prune(&dir, "before-restore-", BEFORE_RESTORE_KEPT)?;
    Ok(Some(daily))
}

/// Removes all but the newest `keep` snapshots whose names start with `prefix` (their names
/// sort by date).
fn prune(dir: &Path, prefix: &str, keep: usize) -> Result<()> {
    let mut names: Vec<PathBuf> = entries(dir)?
        .into_iter()
        .filter(|p| file_name(p).is_some_and(|n| n.starts_with(prefix) && n.ends_with(EXTENSION)))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep);
    for old in &names[..excess] {
        std::fs::remove_file(old).map_err(|source| BackupError::Write { source, path: old.clone() })?;
    }
    Ok(())
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_err = |source| BackupError::Read { source, path: dir.to_path_buf() };
    match std::fs::read_dir(dir) {
        Ok(list) => list.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>().map_err(read_err),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(read_err(e)),
    }
}

/// The snapshots in the data directory, newest first.
pub fn list_snapshots(data_dir: &Path) -> Result<Vec<Snapshot>> {
    let mut found = Vec::new();
    for path in entries(&folder(data_dir))? {
        let Some(name) = file_name(&path).filter(|n| n.ends_with(EXTENSION)) else { continue };
        let Some(kind) = SnapshotKind::of(&name) else { continue };
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        found.push(Snapshot {
            kind,
            modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            size: meta.len(),
            path,
        });
    }
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// Every evidence hash some snapshot in `backups/` points to: those blobs must stay in the
/// store for the snapshot to be restorable. A snapshot that cannot be read adds nothing.
pub fn needed_hashes(data_dir: &Path) -> Result<BTreeSet<String>> {
    let mut hashes = BTreeSet::new();
    for snapshot in list_snapshots(data_dir)? {
        let Ok(conn) = Connection::open_with_flags(&snapshot.path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            continue;
        };
        let Ok(mut statement) = conn.prepare("SELECT DISTINCT hash FROM evidence") else { continue };
        if let Ok(rows) = statement.query_map([], |r| r.get::<_, String>(0)) {
            hashes.extend(rows.flatten());
        }
    }
    Ok(hashes)
}
