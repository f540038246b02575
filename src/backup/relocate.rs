//! 迁移数据目录 — moving the data to another folder (a bigger disk, a folder that is backed up)
//! without ever having it in two half-states. Everything is copied and verified first: every
//! evidence file re-hashed at its new place, the snapshots copied, a consistent snapshot of the
//! database checked (integrity, the chain, the same counts, every file it names present). Only
//! then is `moved-to.txt` written in the old folder, pointing at the new one; that write is the
//! moment of the move. The old folder is left as it was, to be deleted by hand once checked.

use std::path::{Path, PathBuf};

use super::{BackupError, Result};
use crate::evidence::{BlobHash, BlobState, BlobStore};
use crate::fsutil::write_atomically;
use crate::store::{BACKUP_DIR, DB_FILE_NAME, Store};

/// The pointer left in a folder whose data moved.
pub const MOVED_TO: &str = "moved-to.txt";

/// What a move copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relocated {
    pub to: PathBuf,
    pub files: usize,
    pub snapshots: usize,
}

/// The folder the data of `dir` lives in: `dir` itself, or where its `moved-to.txt` points
/// (followed once). When the data moved to a folder that holds no database now (a USB or
/// network drive not connected), it is [`BackupError::Unreachable`]: the old folder's
/// database is out of date and must not be opened, least of all for writing.
pub fn resolve_data_dir(dir: &Path) -> Result<PathBuf> {
    match moved_away(dir)? {
        None => Ok(dir.to_path_buf()),
        Some(target) if target.is_absolute() && target.join(DB_FILE_NAME).is_file() => Ok(target),
        Some(target) => Err(BackupError::Unreachable { from: dir.to_path_buf(), target }),
    }
}

/// Has the data of `dir` been moved away (迁移数据目录, perhaps by another window since this one
/// opened it)? Where to, as `moved-to.txt` says. A window holding `dir` open should stop
/// writing once this says so: what it writes is no longer the register.
pub fn moved_away(dir: &Path) -> Result<Option<PathBuf>> {
    let pointer = dir.join(MOVED_TO);
    match std::fs::read_to_string(&pointer) {
        Ok(text) => Ok(Some(PathBuf::from(text.trim()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(BackupError::Read { source, path: pointer }),
    }
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Write { source, path: path.to_path_buf() }
}

/// Why `to` cannot receive the data of `from`, if it cannot.
fn check_target(from: &Path, to: &Path) -> Result<()> {
    let refuse = |reason: &str| BackupError::CannotMove { reason: reason.to_owned(), path: to.to_path_buf() };
    if !to.is_absolute() {
        return Err(refuse("请选择完整路径的文件夹"));
    }
    let (from_full, to_full) = (from.canonicalize().unwrap_or(from.to_path_buf()), absolute(to));
    if to_full.starts_with(&from_full) || from_full.starts_with(&to_full) {
        return Err(refuse("新位置不能在原数据目录之内，也不能包含它"));
    }
    if let Ok(mut entries) = std::fs::read_dir(to)
        && entries.next().is_some()
    {
        return Err(refuse("新位置必须是空文件夹"));
    }
    Ok(())
}

/// `path` with its existing ancestors resolved (it may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => parent.canonicalize().map_or(path.to_path_buf(), |p| p.join(name)),
        _ => path.to_path_buf(),
    }
}

/// Moves the data of `store` (kept in `from`) to the empty folder `to`. `progress(done,
/// total)` counts evidence files.
pub fn relocate(
    store: &Store,
    from: &Path,
    to: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Relocated> {
    check_target(from, to)?;
    let created = !to.exists();
    std::fs::create_dir_all(to).map_err(write_err(to))?;
    let copied = copy_all(store, from, to, progress);
    if copied.is_err() && created {
        let _ = std::fs::remove_dir_all(to);
    }
    let (files, snapshots) = copied?;
    // The moment of the move.
    write_atomically(&from.join(MOVED_TO), to.display().to_string().as_bytes())
        .map_err(|e| BackupError::Write { source: e.source, path: e.path })?;
    Ok(Relocated { to: to.to_path_buf(), files, snapshots })
}

fn copy_all(
    store: &Store,
    from: &Path,
    to: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(usize, usize)> {
    // Evidence: every blob a row or a snapshot needs, re-hashed where it lands.
    let (old, new) = (BlobStore::in_data_dir(from), BlobStore::in_data_dir(to));
    let mut wanted: Vec<String> = store.evidence_hashes()?.into_keys().collect();
    wanted.extend(super::needed_hashes(from)?);
    wanted.sort();
    wanted.dedup();
    let total = wanted.len();
    let mut files = 0;
    for (done, hash) in wanted.iter().enumerate() {
        let Some(hash) = BlobHash::parse(hash) else {
            return Err(BackupError::CannotMove {
                reason: format!("材料记录的编号无效（{hash}），请先运行“检查数据”"),
                path: from.to_path_buf(),
            });
        };
        let source = old.path_of(&hash);
        if source.exists() {
            let stored = new.ingest(&source)?;
            if stored.digest.hash != hash {
                return Err(BackupError::CannotMove {
                    reason: format!("材料文件已损坏（{hash}），请先运行“检查数据”"),
                    path: source,
                });
            }
            files += 1;
        }
        progress(done + 1, total);
    }
    // Snapshots, then the database itself.
    let mut snapshots = 0;
    let backups = from.join(BACKUP_DIR);
    if let Ok(entries) = std::fs::read_dir(&backups) {
        let target = to.join(BACKUP_DIR);
        std::fs::create_dir_all(&target).map_err(write_err(&target))?;
        for entry in entries.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3")) {
            let dest = target.join(entry.file_name());
            // The copy keeps the time the snapshot was taken: pruning and recovery go by it.
            let taken = entry.metadata().and_then(|m| m.modified()).map_err(write_err(&dest))?;
            std::fs::copy(entry.path(), &dest)
                .and_then(|_| {
                    let file = std::fs::File::options().write(true).open(&dest)?;
                    file.set_modified(taken)?;
                    file.sync_all()
                })
                .map_err(write_err(&dest))?;
            snapshots += 1;
        }
    }
    let db = to.join(DB_FILE_NAME);
    store.snapshot_to(&db)?;
    verify(store, from, to)?;
    Ok((files, snapshots))
}

/// The copy opens, is intact, holds what the original holds, and has every file it names.
fn verify(original: &Store, from: &Path, to: &Path) -> Result<()> {
    let copy = Store::open_dir(to)?;
    let report = copy.check_integrity()?;
    let differs = |what: &str| BackupError::CannotMove {
        reason: format!("复制后校验失败：{what}"),
        path: to.to_path_buf(),
    };
    if !report.is_healthy() {
        return Err(differs("数据库检查未通过"));
    }
    if copy.counts()? != original.counts()? {
        return Err(differs("记录数不一致"));
    }
    let (old, new) = (BlobStore::in_data_dir(from), BlobStore::in_data_dir(to));
    let intact = |blobs: &BlobStore, hash: &str| {
        BlobHash::parse(hash).and_then(|h| blobs.verify(&h).ok()) == Some(BlobState::Intact)
    };
    for hash in copy.evidence_hashes()?.keys() {
        // A file already missing or damaged at the old place is reported by 检查数据, not here.
        if intact(&old, hash) && !intact(&new, hash) {
            return Err(differs(&format!("材料文件 {hash} 未复制")));
        }
    }
    Ok(())
}
