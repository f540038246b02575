//! 恢复 — bringing back a backup: a `.zip` archive (its evidence files are put back into the
//! store, each verified by hash) or a snapshot from `backups/`. The open database is replaced
//! in one step after a snapshot of it is kept (`before-restore-…`); a damaged database that
//! cannot be opened is moved aside (`damaged-…`) and the backup copied into its place.

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::archive::{entry_name, open_zip, read_manifest};
use super::{ARCHIVE_DB, BackupError, Result};
use crate::evidence::{BlobHash, BlobState, BlobStore};
use crate::fsutil::sync_dir;
use crate::store::{BACKUP_DIR, DB_FILE_NAME, Store, check_snapshot};

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
    File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && head == *b"PK\x03\x04"
}

/// Restores `source` over the open `store`, whose data directory is `data_dir`.
pub fn restore(
    store: &mut Store,
    data_dir: &Path,
    source: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<RestoreSummary> {
    let (db, _temp, files_restored) = unpack(data_dir, source, progress)?;
    check_snapshot(&db)?;
    let previous = data_dir.join(BACKUP_DIR).join(format!("before-restore-{}.sqlite3", stamp()));
    store.snapshot_to(&previous)?;
    store.restore_from(&db)?;
    let missing = missing_evidence(&db, data_dir)?;
    Ok(RestoreSummary { previous: Some(previous), files_restored, missing })
}

/// Replaces a database that cannot be opened with `source`; nothing may have it open.
pub fn recover(data_dir: &Path, source: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<RestoreSummary> {
    let (db, _temp, files_restored) = unpack(data_dir, source, progress)?;
    check_snapshot(&db)?;
    let live = data_dir.join(DB_FILE_NAME);
    let aside = data_dir.join(BACKUP_DIR).join(format!("damaged-{}.sqlite3", stamp()));
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BackupError::Write { source, path }
    };
    std::fs::create_dir_all(data_dir.join(BACKUP_DIR)).map_err(write_err(data_dir))?;
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", live.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&from, &to).map_err(write_err(&from))?;
        }
    }
    let temp = data_dir.join(format!(".{DB_FILE_NAME}.restore-{}.tmp", std::process::id()));
    let copied = std::fs::copy(&db, &temp)
        .and_then(|_| File::open(&temp)?.sync_all())
        .and_then(|()| std::fs::rename(&temp, &live))
        .and_then(|()| sync_dir(data_dir));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(BackupError::Write { source: e, path: live });
    }
    let missing = missing_evidence(&live, data_dir)?;
    Ok(RestoreSummary { previous: Some(aside), files_restored, missing })
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

/// The database to restore from `source`: the file itself, or (for an archive) its database
/// extracted to a temporary file after its evidence is put back into the store.
fn unpack(
    data_dir: &Path,
    source: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(PathBuf, Temp, usize)> {
    if !is_archive(source) {
        return Ok((source.to_path_buf(), Temp(None), 0));
    }
    let manifest = read_manifest(source)?;
    let mut zip = open_zip(source)?;
    let folder = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&folder).map_err(|e| BackupError::Write { source: e, path: folder.clone() })?;
    let db = folder.join(format!(".restore-{}.sqlite3", std::process::id()));
    let temp = Temp(Some(db.clone()));
    extract(&mut zip, ARCHIVE_DB, &db, source)?;
    let blobs = BlobStore::in_data_dir(data_dir);
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
            extract(&mut zip, &entry_name(hash), &part, source)?;
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

fn extract(zip: &mut zip::ZipArchive<File>, name: &str, to: &Path, source: &Path) -> Result<()> {
    let mut entry = zip.by_name(name).map_err(|_| not_a_backup(source, format!("缺少 {name}")))?;
    let write_err = |e| BackupError::Write { source: e, path: to.to_path_buf() };
    let mut file = File::create(to).map_err(write_err)?;
    std::io::copy(&mut entry, &mut file)
        .map_err(|e| not_a_backup(source, format!("{name} 无法读出：{e}")))?;
    file.sync_all().map_err(write_err)
}

/// Hashes the database at `db` points to that the store lacks or holds damaged.
fn missing_evidence(db: &Path, data_dir: &Path) -> Result<Vec<String>> {
    let open_err =
        |e| BackupError::Store(crate::store::StoreError::Open { source: e, path: db.to_path_buf() });
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(open_err)?;
    let hashes: BTreeSet<String> = match conn.prepare("SELECT DISTINCT hash FROM evidence") {
        Ok(mut statement) => statement.query_map([], |r| r.get(0)).map_err(open_err)?.flatten().collect(),
        Err(_) => BTreeSet::new(), // a snapshot from before evidence existed
    };
    let blobs = BlobStore::in_data_dir(data_dir);
    Ok(hashes
        .into_iter()
        .filter(|h| BlobHash::parse(h).is_none_or(|p| blobs.verify(&p).ok() != Some(BlobState::Intact)))
        .collect())
}
