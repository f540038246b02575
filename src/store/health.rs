//! 体检状态 — how far the open database has been checked, and the gate every write and every
//! backup passes. Opening checks cheaply (a small file fully, a large one by its header, size,
//! schema, small tables and newest pages: [`super::integrity::open_check`]); the thorough check
//! (`PRAGMA quick_check` over every page and the full-text index) runs on its own read-only
//! connection in the background ([`Store::verify_in_background`]) or, when nothing started it,
//! at the first write. A write or a backup waits until the thorough check has answered: a
//! damaged database is never written to, and never copied over a good backup. A large file
//! closed healthy is stamped, so reopening the same bytes (the next command) needs no thorough
//! check: see [`stamped_healthy`].

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::{Result, Store, StoreError, integrity};

/// What is known about the open database's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Only the open-time check has run (a large file).
    Unverified,
    /// The thorough check is running.
    Checking,
    /// The thorough check (or, for a small file, the open-time check) found nothing.
    Healthy,
    /// Damage found after opening: reads go on, writes and backups are refused.
    Damaged(String),
}

/// The state shared with the background check's thread.
#[derive(Clone)]
pub(super) struct HealthCell(Arc<(Mutex<Health>, Condvar)>);

impl HealthCell {
    pub fn new(health: Health) -> HealthCell {
        HealthCell(Arc::new((Mutex::new(health), Condvar::new())))
    }

    pub fn get(&self) -> Health {
        self.0.0.lock().map(|h| h.clone()).unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn set(&self, health: Health) {
        let mut guard = self.0.0.lock().unwrap_or_else(|p| p.into_inner());
        *guard = health;
        self.0.1.notify_all();
    }

    /// Moves Unverified to Checking; false when another check is running or has answered.
    fn claim(&self) -> bool {
        let mut guard = self.0.0.lock().unwrap_or_else(|p| p.into_inner());
        if *guard == Health::Unverified {
            *guard = Health::Checking;
            return true;
        }
        false
    }

    /// The state once no check is running.
    fn settled(&self) -> Health {
        let mut guard = self.0.0.lock().unwrap_or_else(|p| p.into_inner());
        while *guard == Health::Checking {
            guard = self.0.1.wait(guard).unwrap_or_else(|p| p.into_inner());
        }
        guard.clone()
    }
}

/// The thorough check on `conn`: `None` when healthy, else what is damaged (in Chinese).
pub(super) fn thorough(conn: &Connection) -> rusqlite::Result<Option<String>> {
    match integrity::problems(conn, "quick_check") {
        Ok(found) if found.is_empty() => Ok(None),
        Ok(found) => Ok(Some(found.join("；"))),
        Err(e) if integrity::is_corruption(&e) => Ok(Some(integrity::describe(&e))),
        Err(e) => Err(e),
    }
}

/// Runs the thorough check on a read-only connection of its own and records the answer.
fn check_file(path: &Path, cell: &HealthCell) {
    let answer = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| {
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            thorough(&conn)
        })
        .map(|found| found.map_or(Health::Healthy, Health::Damaged));
    // A check that could not run (the file locked away, gone) proves nothing: the next write
    // runs it again on the store's own connection.
    if let Ok(Health::Damaged(_)) = answer {
        forget_stamp(path);
    }
    cell.set(answer.unwrap_or(Health::Unverified));
}

impl Store {
    /// What the checks so far found.
    pub fn health(&self) -> Health {
        self.health.get()
    }

    /// Starts the thorough check on another thread (the window, at start), unless it ran.
    pub fn verify_in_background(&self) {
        if !self.health.claim() {
            return;
        }
        let (path, cell) = (self.path.clone(), self.health.clone());
        let spawned = std::thread::Builder::new().name("duban-check".into()).spawn({
            let cell = cell.clone();
            move || check_file(&path, &cell)
        });
        if spawned.is_err() {
            cell.set(Health::Unverified);
        }
    }

    /// Waits for the thorough check, running it here when nothing has; refuses a damaged
    /// database. Every write and every backup passes here first.
    pub fn ensure_sound(&self) -> Result<()> {
        loop {
            match self.health.settled() {
                Health::Healthy => return Ok(()),
                Health::Damaged(detail) => {
                    return Err(StoreError::Corrupt { detail, path: self.path.clone() });
                }
                Health::Unverified | Health::Checking => {
                    if self.health.claim() {
                        match thorough(&self.conn) {
                            Ok(Some(detail)) => {
                                forget_stamp(&self.path);
                                self.health.set(Health::Damaged(detail));
                            }
                            Ok(None) => self.health.set(Health::Healthy),
                            Err(e) => {
                                self.health.set(Health::Unverified);
                                return Err(e.into());
                            }
                        }
                    }
                }
            }
        }
    }

    /// An immediate transaction, once the database is known to be sound.
    pub(super) fn begin_write(&mut self) -> Result<Transaction<'_>> {
        self.ensure_sound()?;
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// What identifies the database file's bytes as they were when last known healthy: SQLite's
/// change counter and page count (header bytes 24–31), the file's length and modification
/// time. Kept beside the database (`duban.sqlite3.checked`) when a store that knew the file
/// healthy closes it with nothing left in the write-ahead log; the next open that finds the
/// same file (and an empty log) knows it healthy without the thorough check. Any write by
/// another program, a restore or damage changes the time, the length or the counter.
struct Stamp(String);

fn stamp_path(db: &Path) -> std::path::PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".checked");
    name.into()
}

fn wal_is_empty(db: &Path) -> bool {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(std::path::PathBuf::from(wal)).map_or(true, |m| m.len() == 0)
}

/// The file as it is now, or `None` (unreadable, or newer pages still in the log).
fn stamp_of(db: &Path) -> Option<Stamp> {
    use std::io::Read;
    if !wal_is_empty(db) {
        return None;
    }
    let meta = std::fs::metadata(db).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let mut header = [0u8; 32];
    std::fs::File::open(db).ok()?.read_exact(&mut header).ok()?;
    let counter = u32::from_be_bytes([header[24], header[25], header[26], header[27]]);
    let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]);
    Some(Stamp(format!("v1 {counter} {pages} {} {}", meta.len(), modified.as_nanos())))
}

/// Is the file the one last stamped healthy?
pub(super) fn stamped_healthy(db: &Path) -> bool {
    let Some(now) = stamp_of(db) else { return false };
    std::fs::read_to_string(stamp_path(db)).is_ok_and(|kept| kept.trim() == now.0)
}

/// Remembers the file as healthy (best effort: without the stamp the next open checks again).
pub(super) fn stamp_healthy(db: &Path) {
    match stamp_of(db) {
        Some(now) => {
            let _ = crate::fsutil::write_atomically(&stamp_path(db), now.0.as_bytes());
        }
        None => forget_stamp(db),
    }
}

/// The file is no longer known healthy.
pub(super) fn forget_stamp(db: &Path) {
    let _ = std::fs::remove_file(stamp_path(db));
}
