//! 恢复 — bringing back a backup: a `.zip` archive or a snapshot from `backups/`. The backup's
//! database is checked before anything is touched; only then do an archive's evidence files go
//! back into the store (each verified by hash, each read no further than the size its manifest
//! gives, and only when the disk has room for all of them). The open database is replaced in
//! one step after a snapshot of it is kept (`before-restore-…`). A damaged database that cannot
//! be opened is replaced by copying the backup beside it and checking the copy first; the swap
//! comes last, so a failure at any point leaves a database in place, never none.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::archive::{entry_name, open_zip, read_manifest};
use super::{ARCHIVE_DB, BackupError, Result};
use crate::evidence::{BlobHash, BlobState, BlobStore};
use crate::fsutil::{free_space, sync_dir};
use crate::store::{BACKUP_DIR, DB_FILE_NAME, Store, check_snapshot, snapshot_evidence_hashes};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RestoreSummary {
    /// Where the database as it was before is kept.
    pub previous: Option<PathBuf>,
    /// Evidence files put back from the archive.
    pub files_restored: usize,
    /// Evidence the restored database points to that is in neither the archive nor the store.
    pub missing: Vec<String>,
}

/// Is the file at `path` a zip (an archive) rather than a bare database snapshot?
pub fn is_archive(path: &Path) -> bool {
    let mut head = [0u8; 4];
    File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && head == *b"PK\x03\x04"
}

/// Restores `source` over the open `store`, whose data directory is `data_dir`.
pub fn restore(
    store: &mut Store,
    data_dir: &Path,
    source: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<RestoreSummary> {
    let (db, _temp, files_restored) = unpack(data_dir, source, progress)?;
    let previous = data_dir.join(BACKUP_DIR).join(format!("before-restore-{}.sqlite3", stamp()));
    store.snapshot_to(&previous)?;
    store.restore_from(&db)?;
    let missing = missing_evidence(&db, data_dir)?;
    Ok(RestoreSummary { previous: Some(previous), files_restored, missing })
}

/// Replaces a database that cannot be opened with `source`; nothing may have it open. The
/// backup is copied next to the database and checked there; then the damaged file is kept
/// under `backups/damaged-…` and the copy renamed over it in one step.
pub fn recover(data_dir: &Path, source: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<RestoreSummary> {
    let (db, _unpacked, files_restored) = unpack(data_dir, source, progress)?;
    let live = data_dir.join(DB_FILE_NAME);
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BackupError::Write { source, path }
    };
    // 1. The copy, flushed and checked where it will be used.
    let temp = data_dir.join(format!(".{DB_FILE_NAME}.restore-{}.tmp", std::process::id()));
    let _temp = Temp(Some(temp.clone()));
    std::fs::copy(&db, &temp).and_then(|_| File::open(&temp)?.sync_all()).map_err(write_err(&temp))?;
    check_snapshot(&temp)?;
    // 2. The damaged database kept (a second name for it: it stays in place until the swap).
    let folder = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&folder).map_err(write_err(&folder))?;
    let aside = folder.join(format!("damaged-{}.sqlite3", stamp()));
    let previous = if live.exists() {
        if std::fs::hard_link(&live, &aside).is_err() {
            std::fs::copy(&live, &aside).map_err(write_err(&aside))?;
        }
        Some(aside.clone())
    } else {
        None
    };
    // Its journal goes with it: left beside the restored file, SQLite would replay it there.
    for suffix in ["-wal", "-shm", "-journal"] {
        let from = PathBuf::from(format!("{}{suffix}", live.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&from, &to).map_err(write_err(&from))?;
        }
    }
    // 3. The swap: one rename; the database is the damaged one or the restored one, never none.
    std::fs::rename(&temp, &live).and_then(|()| sync_dir(data_dir)).map_err(write_err(&live))?;
    let missing = missing_evidence(&live, data_dir)?;
    Ok(RestoreSummary { previous, files_restored, missing })
}

fn stamp() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// A temporary file removed when dropped.
struct Temp(Option<PathBuf>);

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The database to restore from `source`, checked: the file itself, or (for an archive) its
/// database extracted to a temporary file, checked, and only then its evidence put back into
/// the store. A rejected backup leaves the store as it was.
fn unpack(
    data_dir: &Path,
    source: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(PathBuf, Temp, usize)> {
    if !is_archive(source) {
        check_snapshot(source)?;
        return Ok((source.to_path_buf(), Temp(None), 0));
    }
    let manifest = read_manifest(source)?;
    let mut zip = open_zip(source)?;
    let folder = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&folder).map_err(|e| BackupError::Write { source: e, path: folder.clone() })?;
    // The database entry's size: as the manifest says, else as the zip says (both capped below).
    let db_size = match manifest.database_size {
        Some(size) => size,
        None => {
            zip.by_name(ARCHIVE_DB).map_err(|_| not_a_backup(source, format!("缺少 {ARCHIVE_DB}")))?.size()
        }
    };
    let blobs = BlobStore::in_data_dir(data_dir);
    let needed = db_size.saturating_add(manifest.blobs.values().sum());
    if let Some(free) = free_space(&folder)
        && needed > free
    {
        return Err(BackupError::NoSpace { needed, free, path: folder });
    }
    let db = folder.join(format!(".restore-{}.sqlite3", std::process::id()));
    let temp = Temp(Some(db.clone()));
    extract(&mut zip, ARCHIVE_DB, db_size, &db, source)?;
    check_snapshot(&db)?;
    let total: u64 = manifest.blobs.values().sum();
    let (mut done, mut restored) = (0, 0);
    for (hash, size) in &manifest.blobs {
        let parsed = BlobHash::parse(hash).ok_or_else(|| not_a_backup(source, "材料编号无效"))?;
        let state = blobs
            .verify(&parsed)
            .map_err(|e| BackupError::Read { source: e, path: blobs.path_of(&parsed) })?;
        if state != BlobState::Intact {
            let part = folder.join(format!(".restore-{}-{hash}.bin", std::process::id()));
            let _part = Temp(Some(part.clone()));
            extract(&mut zip, &entry_name(hash), *size, &part, source)?;
            let stored = blobs.stage(&part)?;
            if stored.digest().hash != parsed {
                return Err(not_a_backup(source, format!("其中的材料文件已损坏（{hash}）")));
            }
            stored.commit()?;
            restored += 1;
        }
        done += size;
        progress(done, total);
    }
    Ok((db, temp, restored))
}

fn not_a_backup(path: &Path, reason: impl std::fmt::Display) -> BackupError {
    BackupError::NotABackup { reason: reason.to_string(), path: path.to_path_buf() }
}

/// Extracts the entry `name` to `to`, reading no more than `limit` bytes: an entry longer than
/// its manifest says is refused, not unpacked until the disk is full.
fn extract(zip: &mut zip::ZipArchive<File>, name: &str, limit: u64, to: &Path, source: &Path) -> Result<()> {
    let entry = zip.by_name(name).map_err(|_| not_a_backup(source, format!("缺少 {name}")))?;
    let write_err = |e| BackupError::Write { source: e, path: to.to_path_buf() };
    let mut file = File::create(to).map_err(write_err)?;
    let copied = std::io::copy(&mut entry.take(limit.saturating_add(1)), &mut file)
        .map_err(|e| not_a_backup(source, format!("{name} 无法读出：{e}")))?;
    if copied > limit {
        return Err(not_a_backup(source, format!("{name} 比清单所记的 {limit} 字节大")));
    }
    file.sync_all().map_err(write_err)
}

/// Hashes the database at `db` points to that the store lacks or holds damaged.
fn missing_evidence(db: &Path, data_dir: &Path) -> Result<Vec<String>> {
    let blobs = BlobStore::in_data_dir(data_dir);
    Ok(snapshot_evidence_hashes(db)?
        .into_iter()
        .filter(|h| BlobHash::parse(h).is_none_or(|p| blobs.verify(&p).ok() != Some(BlobState::Intact)))
        .collect())
}
