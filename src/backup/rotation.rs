//! 自动备份 — at start-up, at most once a day, a snapshot of the database into `backups/`:
//! `daily-YYYY-MM-DD.sqlite3` (the newest [`DAILY_KEPT`] kept) and, the first time in an ISO
//! week, `weekly-YYYY-Www.sqlite3` (the newest [`WEEKLY_KEPT`] kept). Snapshots taken before a
//! restore live there too (the newest [`BEFORE_RESTORE_KEPT`] kept), and those taken before a
//! schema upgrade, which are never pruned. Pruning goes by when a snapshot was taken, not by
//! the date in its name.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{Datelike, NaiveDate};

use super::snapshots::{EXTENSION, entries, file_name, folder};
use super::{BackupError, Result};
use crate::store::Store;

pub const DAILY_KEPT: usize = 14;
pub const WEEKLY_KEPT: usize = 8;
/// Snapshots taken before a restore: the newest this many are kept.
pub const BEFORE_RESTORE_KEPT: usize = 10;

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

/// Removes all but the newest `keep` snapshots whose names start with `prefix`, newest by
/// when they were really taken: names carry "today", which `--date` can set to any day, so a
/// rehearsal dated next year must not push out the real recent ones.
fn prune(dir: &Path, prefix: &str, keep: usize) -> Result<()> {
    let mut taken: Vec<(SystemTime, PathBuf)> = Vec::new();
    for path in entries(dir)? {
        if !file_name(&path).is_some_and(|n| n.starts_with(prefix) && n.ends_with(EXTENSION)) {
            continue;
        }
        let read_err = |source| BackupError::Read { source, path: path.clone() };
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).map_err(read_err)?;
        taken.push((modified, path));
    }
    // Newest first; the same second is told apart by name.
    taken.sort_by(|a, b| b.cmp(a));
    for (_, old) in taken.iter().skip(keep) {
        std::fs::remove_file(old).map_err(|source| BackupError::Write { source, path: old.clone() })?;
    }
    Ok(())
}
