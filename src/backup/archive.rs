//! 备份文件 — one `.zip` a user can copy to a USB stick: `duban.sqlite3` (a consistent
//! snapshot), `evidence/<hash>.bin` for every file a row points to (trashed ones too), and
//! `manifest.json` naming what is inside. Written to a temporary file, flushed, renamed into
//! place, then read back and checked ([`verify_archive`]): the database entry opened and
//! integrity-checked, every evidence entry re-hashed against its name.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{BackupError, Result};
use crate::evidence::{BlobHash, BlobStore, CopyError, copy_hashing};
use crate::fsutil::sync_dir;
use crate::store::{BACKUP_DIR, SCHEMA_VERSION, Store, verify_snapshot};

/// The database's name inside an archive.
pub const ARCHIVE_DB: &str = "duban.sqlite3";
pub const MANIFEST: &str = "manifest.json";
const FORMAT: u32 = 1;
const MANIFEST_LIMIT: u64 = 64 << 20;

/// What an archive says it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub app: String,
    pub created_at: String,
    pub schema_version: i64,
    /// Evidence files inside, by hash, with their sizes.
    pub blobs: BTreeMap<String, u64>,
    /// Files rows point to that were missing or damaged in the store (not inside).
    pub missing: Vec<String>,
    /// The database entry's size, so a restore reads no more than that (absent in archives
    /// written before it was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_size: Option<u64>,
}

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    pub path: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Evidence that could not be included (missing or damaged in the store).
    pub missing: Vec<String>,
}

pub(super) fn entry_name(hash: &str) -> String {
    format!("evidence/{hash}.bin")
}

/// Writes the backup archive of `store` (kept in `data_dir`) to `target`. `progress(done,
/// total)` counts bytes of evidence.
pub fn write_archive(
    store: &Store,
    data_dir: &Path,
    target: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ArchiveSummary> {
    let write_err = |source| BackupError::Write { source, path: target.to_path_buf() };
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let db_copy = data_dir.join(BACKUP_DIR).join(format!(".archive-{}.sqlite3", std::process::id()));
    let result = (|| -> Result<(usize, u64, Vec<String>)> {
        store.snapshot_to(&db_copy)?;
        let summary = write_zip(store, data_dir, &db_copy, &temp, progress)?;
        std::fs::rename(&temp, target).map_err(write_err)?;
        sync_dir(folder).map_err(write_err)?;
        Ok(summary)
    })();
    let _ = std::fs::remove_file(&db_copy);
    let _ = std::fs::remove_file(&temp);
    let (files, bytes, missing) = result?;
    verify_archive(target, &data_dir.join(BACKUP_DIR))?;
    Ok(ArchiveSummary { path: target.to_path_buf(), files, bytes, missing })
}

/// Reads an archive back and checks its content, not only its manifest: the database entry
/// (extracted to a temporary file in `scratch`) must be an intact duban database with an
/// unbroken change log, and every evidence entry must hash to its name and have the size the
/// manifest gives.
pub fn verify_archive(path: &Path, scratch: &Path) -> Result<Manifest> {
    let manifest = read_manifest(path)?;
    let mut zip = open_zip(path)?;
    for (hash, size) in &manifest.blobs {
        let entry = zip.by_name(&entry_name(hash)).map_err(|e| not_a_backup(path, e))?;
        let digest = copy_hashing(&mut entry.take(size.saturating_add(1)), &mut std::io::sink())
            .map_err(|e| not_a_backup(path, format!("{} 无法读出：{e:?}", entry_name(hash))))?;
        if digest.hash.as_str() != hash || digest.size != *size {
            return Err(not_a_backup(path, format!("材料文件与其编号不符（{hash}）")));
        }
    }
    let copy = scratch.join(format!(".verify-{}.sqlite3", std::process::id()));
    let checked = (|| -> Result<()> {
        let mut entry = zip.by_name(ARCHIVE_DB).map_err(|e| not_a_backup(path, e))?;
        let write_err = |source| BackupError::Write { source, path: copy.clone() };
        let mut file = File::create(&copy).map_err(write_err)?;
        std::io::copy(&mut entry, &mut file)
            .map_err(|e| not_a_backup(path, format!("{ARCHIVE_DB} 无法读出：{e}")))?;
        drop(file);
        verify_snapshot(&copy).map_err(|e| not_a_backup(path, format!("其中的数据库未通过检查：{e}")))?;
        Ok(())
    })();
    let _ = std::fs::remove_file(&copy);
    checked?;
    Ok(manifest)
}

fn write_zip(
    store: &Store,
    data_dir: &Path,
    db_copy: &Path,
    temp: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(usize, u64, Vec<String>)> {
    let write_err = |source| BackupError::Write { source, path: temp.to_path_buf() };
    let zip_err = |e: zip::result::ZipError| write_err(std::io::Error::other(e));
    let file = File::create_new(temp).map_err(write_err)?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    let deflated =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true);
    zip.start_file(ARCHIVE_DB, deflated).map_err(zip_err)?;
    let read_db = |source| BackupError::Read { source, path: db_copy.to_path_buf() };
    let database_size =
        std::io::copy(&mut File::open(db_copy).map_err(read_db)?, &mut zip).map_err(write_err)?;

    let blobs = BlobStore::in_data_dir(data_dir);
    let (mut wanted, mut missing): (Vec<(BlobHash, u64)>, Vec<String>) = (Vec::new(), Vec::new());
    for hash in store.evidence_hashes()?.into_keys() {
        match BlobHash::parse(&hash) {
            Some(h) => {
                let size = std::fs::metadata(blobs.path_of(&h)).map(|m| m.len()).unwrap_or(0);
                wanted.push((h, size));
            }
            // A row whose hash is not one: no file can be found for it; reported, not skipped.
            None => missing.push(hash),
        }
    }
    let total: u64 = wanted.iter().map(|(_, size)| size).sum();
    let (mut done, mut included) = (0u64, BTreeMap::new());
    for (hash, size) in wanted {
        let Ok(mut source) = File::open(blobs.path_of(&hash)) else {
            missing.push(hash.to_string());
            continue;
        };
        // Photos and PDFs are compressed already: stored as they are.
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(size >= u32::MAX as u64);
        zip.start_file(entry_name(hash.as_str()), stored).map_err(zip_err)?;
        match copy_hashing(&mut source, &mut zip) {
            Ok(digest) if digest.hash == hash => {
                included.insert(hash.to_string(), digest.size);
            }
            Ok(_) | Err(CopyError::Read(_)) => {
                // Damaged in the store: the entry stays but the manifest does not claim it.
                missing.push(hash.to_string());
            }
            Err(CopyError::Write(e)) => return Err(write_err(e)),
        }
        done += size;
        progress(done, total);
    }
    let manifest = Manifest {
        format: FORMAT,
        app: format!("duban {}", env!("CARGO_PKG_VERSION")),
        created_at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        schema_version: SCHEMA_VERSION,
        blobs: included,
        missing: missing.clone(),
        database_size: Some(database_size),
    };
    zip.start_file(MANIFEST, deflated).map_err(zip_err)?;
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| write_err(std::io::Error::other(e)))?;
    zip.write_all(&json).map_err(write_err)?;
    let mut writer = zip.finish().map_err(zip_err)?;
    writer.flush().map_err(write_err)?;
    let file = writer.into_inner().map_err(|e| write_err(e.into_error()))?;
    file.sync_all().map_err(write_err)?;
    let bytes = file.metadata().map(|m| m.len()).map_err(write_err)?;
    Ok((manifest.blobs.len(), bytes, missing))
}

fn not_a_backup(path: &Path, reason: impl std::fmt::Display) -> BackupError {
    BackupError::NotABackup { reason: reason.to_string(), path: path.to_path_buf() }
}

pub(super) fn open_zip(path: &Path) -> Result<ZipArchive<File>> {
    let file = File::open(path).map_err(|source| BackupError::Read { source, path: path.to_path_buf() })?;
    ZipArchive::new(file).map_err(|e| not_a_backup(path, format!("不是 zip 文件：{e}")))
}

/// Reads and checks the manifest of the archive at `path`.
pub fn read_manifest(path: &Path) -> Result<Manifest> {
    let mut zip = open_zip(path)?;
    let entry = zip.by_name(MANIFEST).map_err(|_| not_a_backup(path, "缺少 manifest.json"))?;
    let mut text = String::new();
    entry.take(MANIFEST_LIMIT).read_to_string(&mut text).map_err(|e| not_a_backup(path, e))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| not_a_backup(path, format!("manifest.json 无法解析：{e}")))?;
    if manifest.format != FORMAT {
        return Err(not_a_backup(path, format!("备份格式 {} 不受支持", manifest.format)));
    }
    if let Some(bad) = manifest.blobs.keys().find(|h| BlobHash::parse(h).is_none()) {
        return Err(not_a_backup(path, format!("材料编号无效：{bad}")));
    }
    Ok(manifest)
}
