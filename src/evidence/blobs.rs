//! 材料库 — the content-addressed blob store: `<data>/evidence/ab/abcdef….bin`, named by the
//! SHA-256 of the content, so identical files are stored once and a stored file can be checked.
//!
//! Ingest is two steps. [`BlobStore::stage`] streams the source into a temporary file in the
//! store folder (hashing as it copies) and fsyncs it; [`Staged::commit`] renames it into place,
//! fsyncs the folder and re-reads the stored file to verify its hash. A crash before the rename
//! leaves only an `.incoming-*.tmp` file that no reader ever looks at; dropping a `Staged`
//! without committing removes it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::error::{EvidenceError, Result};
use super::hash::{BlobHash, CopyError, Digested, copy_hashing, hash_stream};
use crate::fsutil::sync_dir;

/// The store's folder inside a data directory.
pub const EVIDENCE_DIR: &str = "evidence";
/// Prefix of temporary files being copied in.
pub const INCOMING_PREFIX: &str = ".incoming-";
/// Wraps the temporary file's writer (tests put a failing disk here).
pub type SinkWrap<'a> = &'a mut dyn FnMut(File) -> Box<dyn Write + 'a>;

/// The blob store of one data directory.
#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

/// What a stored blob's file holds, found by re-hashing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobState {
    Intact,
    Missing,
    Corrupt,
}

/// A source copied into a temporary file, not yet visible in the store.
#[derive(Debug)]
pub struct Staged {
    temp: TempFile,
    digest: Digested,
    store: BlobStore,
}

/// A blob now in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub digest: Digested,
    pub path: PathBuf,
    /// The same content was already stored: nothing new was written.
    pub deduplicated: bool,
}

impl BlobStore {
    pub fn in_data_dir(data_dir: &Path) -> BlobStore {
        BlobStore { root: data_dir.join(EVIDENCE_DIR) }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the blob with `hash` lives: a folder per first two hex digits keeps folders small.
    pub fn path_of(&self, hash: &BlobHash) -> PathBuf {
        self.root.join(&hash.as_str()[..2]).join(format!("{hash}.bin"))
    }

    /// Stores `source`: stage then commit.
    pub fn ingest(&self, source: &Path) -> Result<Stored> {
        self.stage(source)?.commit()
    }

    /// Copies `source` into a temporary file in the store, hashing it on the way.
    pub fn stage(&self, source: &Path) -> Result<Staged> {
        self.stage_via(source, &mut |file| Box::new(file))
    }

    /// [`BlobStore::stage`], writing through `wrap` (tests simulate a full disk with it).
    pub fn stage_via(&self, source: &Path, wrap: SinkWrap) -> Result<Staged> {
        let read_err = |source_err| EvidenceError::Read { source: source_err, path: source.to_path_buf() };
        let expected = std::fs::metadata(source).map_err(read_err)?;
        if expected.is_dir() {
            return Err(EvidenceError::Folder { path: source.to_path_buf() });
        }
        if expected.len() == 0 {
            return Err(EvidenceError::Empty { path: source.to_path_buf() });
        }
        let mut from = File::open(source).map_err(read_err)?;
        // From here on the temporary file is removed on every failure (TempFile's drop).
        let (temp, file) = self.create_temp()?;
        let mut to = wrap(file);
        let digest = copy_hashing(&mut from, &mut to).map_err(|e| match e {
            CopyError::Read(e) => read_err(e),
            CopyError::Write(e) if super::watch::is_cancelled(&e) => {
                EvidenceError::Cancelled { path: source.to_path_buf() }
            }
            CopyError::Write(e) => self.write_err(e),
        })?;
        to.flush().map_err(|e| self.write_err(e))?;
        drop(to);
        let now = std::fs::metadata(source).map(|m| m.len()).unwrap_or(u64::MAX);
        if digest.size != expected.len() || now != expected.len() {
            return Err(EvidenceError::Changed { path: source.to_path_buf() });
        }
        let sync = OpenOptions::new().write(true).open(&temp.0).and_then(|f| f.sync_all());
        sync.map_err(|e| self.write_err(e))?;
        Ok(Staged { temp, digest, store: self.clone() })
    }

    /// Re-hashes the stored blob.
    pub fn verify(&self, hash: &BlobHash) -> std::io::Result<BlobState> {
        match File::open(self.path_of(hash)) {
            Ok(mut f) => {
                let ok = hash_stream(&mut f)?.hash == *hash;
                Ok(if ok { BlobState::Intact } else { BlobState::Corrupt })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BlobState::Missing),
            Err(e) => Err(e),
        }
    }

    /// Removes the partial copies an interrupted attach left (the window closed or the machine
    /// stopped mid-copy): those untouched for `idle` — a copy under way writes every moment,
    /// so another window's is left alone. Returns how many files and bytes went.
    pub fn clean_incoming(&self, now: SystemTime, idle: std::time::Duration) -> Result<(usize, u64)> {
        let entries = match std::fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
            Err(e) => return Err(self.write_err(e)),
        };
        let (mut files, mut bytes) = (0, 0);
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(meta) = entry.metadata() else { continue };
            let stale = meta.modified().is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age >= idle));
            if name.starts_with(INCOMING_PREFIX) && meta.is_file() && stale {
                std::fs::remove_file(entry.path()).map_err(|e| self.write_err(e))?;
                files += 1;
                bytes += meta.len();
            }
        }
        Ok((files, bytes))
    }

    fn create_temp(&self) -> Result<(TempFile, File)> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(&self.root).map_err(|e| self.write_err(e))?;
        let nanos = SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let name = format!(
            "{INCOMING_PREFIX}{}-{}-{}.tmp",
            std::process::id(),
            nanos.as_nanos(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let temp = self.root.join(name);
        let file = File::create_new(&temp).map_err(|e| self.write_err(e))?;
        Ok((TempFile(temp), file))
    }

    fn write_err(&self, source: std::io::Error) -> EvidenceError {
        EvidenceError::Write { source, path: self.root.clone() }
    }
}

impl Staged {
    pub fn digest(&self) -> &Digested {
        &self.digest
    }

    /// Moves the staged copy into place (or drops it when the content is already stored and
    /// intact; a corrupt stored copy is replaced by this good one), then verifies it.
    pub fn commit(self) -> Result<Stored> {
        let store = self.store.clone();
        let hash = self.digest.hash.clone();
        let path = store.path_of(&hash);
        let folder = path.parent().unwrap_or(store.root());
        std::fs::create_dir_all(folder).map_err(|e| store.write_err(e))?;
        if store.verify(&hash).map_err(|e| store.write_err(e))? == BlobState::Intact {
            // Reused now: an old orphan being re-attached must not look stale to `check`.
            let touch =
                OpenOptions::new().write(true).open(&path).and_then(|f| f.set_modified(SystemTime::now()));
            touch.map_err(|e| store.write_err(e))?;
            return Ok(Stored { digest: self.digest, path, deduplicated: true });
        }
        std::fs::rename(&self.temp.0, &path).map_err(|e| store.write_err(e))?;
        let digest = self.digest;
        sync_dir(folder).and_then(|()| sync_dir(store.root())).map_err(|e| store.write_err(e))?;
        if store.verify(&hash).map_err(|e| store.write_err(e))? != BlobState::Intact {
            let _ = std::fs::remove_file(&path);
            return Err(EvidenceError::Verify { path });
        }
        Ok(Stored { digest, path, deduplicated: false })
    }
}

/// A temporary file that is removed when dropped (after a rename there is nothing to remove).
#[derive(Debug)]
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
