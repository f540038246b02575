//! 材料检查 — re-hashes every blob a row points to and walks the store for files no row points
//! to. Missing and corrupt blobs are reported (they need the officer); orphans — left by an
//! emptied 回收站 or an interrupted attach — are moved to `evidence-trash/` once older than a
//! grace period, never deleted. Blobs a backup snapshot needs are not orphans: the caller says
//! which those are ([`Keep`]), and when it could not tell, nothing is moved aside. A row whose
//! hash is not a valid one is reported as damaged, never skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::blobs::{BlobState, BlobStore, INCOMING_PREFIX};
use super::error::{EvidenceError, Result};
use super::hash::BlobHash;
use crate::store::Store;

/// Orphans younger than this stay where they are (an attach may be about to record them).
pub const DEFAULT_GRACE: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// Where orphans are moved, inside the data directory.
pub const ORPHAN_TRASH_DIR: &str = "evidence-trash";

/// A stored file that rows point to but that is not as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub hash: String,
    /// The names it was attached under.
    pub names: Vec<String>,
    pub path: PathBuf,
}

/// The blobs that must stay although no row points to them: those the snapshots in
/// `backups/` need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    /// Exactly these (every snapshot was read).
    These(BTreeSet<String>),
    /// Not known (a snapshot could not be read: it might need any file), with why: every
    /// orphan stays where it is.
    Unknown(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Blobs re-hashed.
    pub checked: usize,
    pub missing: Vec<Problem>,
    pub corrupt: Vec<Problem>,
    /// Orphans within the grace period, left in place.
    pub orphans_kept: Vec<PathBuf>,
    /// Orphans (and stale partial copies) moved to `evidence-trash/`, at their new paths.
    pub orphans_moved: Vec<PathBuf>,
    /// Why no orphan was moved although some were old enough ([`Keep::Unknown`]).
    pub orphans_held: Option<String>,
}

impl CheckReport {
    /// No recorded file is missing or damaged (orphans are housekeeping, not damage).
    pub fn is_healthy(&self) -> bool {
        self.missing.is_empty() && self.corrupt.is_empty()
    }
}

/// Checks the evidence of `store` kept in `data_dir`. `progress(done, total)` is called after
/// each blob is re-hashed.
pub fn check(
    store: &Store,
    data_dir: &Path,
    keep: &Keep,
    now: SystemTime,
    grace: Duration,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CheckReport> {
    let blobs = BlobStore::in_data_dir(data_dir);
    let recorded = store.evidence_hashes()?;
    let (on_disk, temps) = walk(&blobs)?;
    let mut report = CheckReport::default();
    for (done, (hash, names)) in recorded.iter().enumerate() {
        let Some(parsed) = BlobHash::parse(hash) else {
            // Not a hash: no file can be found for it. Damage, reported with the row's names.
            let path = blobs.root().join(hash);
            report.corrupt.push(Problem { hash: hash.clone(), names: names.clone(), path });
            report.checked += 1;
            progress(done + 1, recorded.len());
            continue;
        };
        let path = blobs.path_of(&parsed);
        let state =
            blobs.verify(&parsed).map_err(|source| EvidenceError::Read { source, path: path.clone() })?;
        let problem = Problem { hash: hash.clone(), names: names.clone(), path };
        match state {
            BlobState::Intact => {}
            BlobState::Missing => report.missing.push(problem),
            BlobState::Corrupt => report.corrupt.push(problem),
        }
        report.checked += 1;
        progress(done + 1, recorded.len());
    }
    // Re-read: re-hashing may have taken minutes, during which files were attached.
    let recorded = store.evidence_hashes()?;
    // Blobs a snapshot in backups/ points to stay: restoring that snapshot needs them.
    let needed = |h: &BlobHash| match keep {
        Keep::These(hashes) => hashes.contains(h.as_str()),
        Keep::Unknown(_) => true,
    };
    let orphans =
        on_disk.into_iter().filter(|(h, _)| !recorded.contains_key(h.as_str())).map(|(h, p)| (needed(&h), p));
    let trash = data_dir.join(ORPHAN_TRASH_DIR);
    for (needed, path) in orphans.chain(temps.into_iter().map(|p| (false, p))) {
        if needed {
            if let Keep::Unknown(why) = keep {
                report.orphans_held.get_or_insert_with(|| why.clone());
                report.orphans_kept.push(path);
            }
        } else if age(&path, now) < grace {
            report.orphans_kept.push(path);
        } else {
            report.orphans_moved.push(move_aside(&path, &trash)?);
        }
    }
    Ok(report)
}

/// Blobs (`ab/<hash>.bin`) and partial copies found in the store folder.
fn walk(blobs: &BlobStore) -> Result<(BTreeMap<BlobHash, PathBuf>, Vec<PathBuf>)> {
    let (mut found, mut temps) = (BTreeMap::new(), Vec::new());
    for entry in list(blobs.root())? {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with(INCOMING_PREFIX) {
            temps.push(entry);
        } else if name.len() == 2 && entry.is_dir() {
            for file in list(&entry)? {
                let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let is_bin = file.extension().is_some_and(|e| e == "bin");
                if let Some(hash) = BlobHash::parse(&stem).filter(|h| is_bin && h.as_str().starts_with(&name))
                {
                    found.insert(hash, file);
                }
            }
        }
    }
    Ok((found, temps))
}

/// The entries of a folder; a store never written to has none.
fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_err = |source| EvidenceError::Read { source, path: dir.to_path_buf() };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(read_err(e)),
    };
    let mut paths =
        entries.map(|e| e.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>().map_err(read_err)?;
    paths.sort();
    Ok(paths)
}

fn age(path: &Path, now: SystemTime) -> Duration {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).unwrap_or(now);
    now.duration_since(modified).unwrap_or_default()
}

/// Moves `path` into `trash`, never over an existing file there.
fn move_aside(path: &Path, trash: &Path) -> Result<PathBuf> {
    let write_err = |source| EvidenceError::Write { source, path: trash.to_path_buf() };
    std::fs::create_dir_all(trash).map_err(write_err)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut target = trash.join(&name);
    let mut n = 1;
    while target.exists() {
        target = trash.join(format!("{n}-{name}"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(write_err)?;
    Ok(target)
}
