//! 备份快照 — the snapshots in `backups/`: what kind each is (from its name), when it was
//! really taken (its modification time: the name's date follows `--date`, the clock does not),
//! which of them recovery may pick on its own, and which evidence files they still need.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{BackupError, Result};
use crate::store::{BACKUP_DIR, check_snapshot, snapshot_evidence_hashes};

pub(super) const EXTENSION: &str = "sqlite3";

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
    pub(super) fn of(name: &str) -> Option<SnapshotKind> {
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

    /// May recovery restore this kind without the officer choosing it? A before-restore
    /// snapshot holds the data a restore replaced — perhaps the very data that was wrong —
    /// so it is offered, never picked on its own.
    pub fn picked_automatically(self) -> bool {
        matches!(self, SnapshotKind::Daily | SnapshotKind::Weekly | SnapshotKind::BeforeMigration)
    }
}

/// A snapshot found in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub path: PathBuf,
    pub kind: SnapshotKind,
    /// When it was taken: the file's modification time (kept when the data folder moves).
    pub modified: SystemTime,
    pub size: u64,
}

impl Snapshot {
    /// 每日备份 2026-11-30 19:25 — how the officer is shown it.
    pub fn describe(&self) -> String {
        let at = chrono::DateTime::<chrono::Local>::from(self.modified);
        format!("{} {}", self.kind.label(), at.format("%Y-%m-%d %H:%M"))
    }
}

pub(super) fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

pub(super) fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

pub(super) fn entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_err = |source| BackupError::Read { source, path: dir.to_path_buf() };
    match std::fs::read_dir(dir) {
        Ok(list) => list.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>().map_err(read_err),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(read_err(e)),
    }
}

/// The snapshots in the data directory, newest (by when they were taken) first. A folder
/// that cannot be read, or a snapshot whose time cannot be read, is an error, not "none".
pub fn list_snapshots(data_dir: &Path) -> Result<Vec<Snapshot>> {
    let mut found = Vec::new();
    for path in entries(&folder(data_dir))? {
        let Some(name) = file_name(&path).filter(|n| n.ends_with(EXTENSION)) else { continue };
        let Some(kind) = SnapshotKind::of(&name) else { continue };
        let read_err = |source| BackupError::Read { source, path: path.clone() };
        let meta = std::fs::metadata(&path).map_err(read_err)?;
        let modified = meta.modified().map_err(read_err)?;
        found.push(Snapshot { kind, modified, size: meta.len(), path });
    }
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// What recovery offers the officer: every snapshot but damaged databases, newest first, each
/// with its kind and time ([`Snapshot::describe`]). Before-restore ones are among them, to be
/// restored only when chosen.
pub fn recovery_choices(data_dir: &Path) -> Result<Vec<Snapshot>> {
    Ok(list_snapshots(data_dir)?.into_iter().filter(|s| s.kind != SnapshotKind::Damaged).collect())
}

/// The snapshot recovery restores unless the officer chooses another: the newest daily,
/// weekly or pre-upgrade one that is an intact duban database (checked newest first, so
/// usually only one is opened). Never a before-restore snapshot.
pub fn newest_good_snapshot(data_dir: &Path) -> Result<Option<Snapshot>> {
    Ok(list_snapshots(data_dir)?
        .into_iter()
        .filter(|s| s.kind.picked_automatically())
        .find(|s| check_snapshot(&s.path).is_ok()))
}

/// Every evidence hash some restorable snapshot in `backups/` points to: those blobs must stay
/// in the store for the snapshot to be restorable. A snapshot that cannot be read is an error
/// (the caller then moves nothing aside): it might need any file. Damaged databases, which are
/// never restored, are not asked.
pub fn needed_hashes(data_dir: &Path) -> Result<BTreeSet<String>> {
    let mut hashes = BTreeSet::new();
    for snapshot in recovery_choices(data_dir)? {
        hashes.extend(snapshot_evidence_hashes(&snapshot.path)?);
    }
    Ok(hashes)
}

/// 检查数据's file half: [`crate::evidence::check`] keeping every blob a snapshot needs. When a
/// snapshot cannot be read, nothing is moved aside and the report says why.
pub fn check_evidence(
    store: &crate::store::Store,
    data_dir: &Path,
    now: SystemTime,
    grace: std::time::Duration,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<crate::evidence::CheckReport> {
    use crate::evidence::Keep;
    let keep = match needed_hashes(data_dir) {
        Ok(hashes) => Keep::These(hashes),
        Err(e) => Keep::Unknown(e.to_string()),
    };
    Ok(crate::evidence::check(store, data_dir, &keep, now, grace, progress)?)
}
