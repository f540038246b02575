//! 数据库 — SQLite storage: open and migrate, import notices, read the board, record changes.
//! Every multi-row change is one `BEGIN IMMEDIATE` transaction and leaves a change-log entry.

mod activity;
mod apply;
mod board;
mod changelog;
mod continuation;
mod edit;
mod error;
mod evidence;
mod evidence_list;
mod forms;
mod health;
mod import;
mod integrity;
mod journal;
mod loop_checks;
mod loop_links;
mod loop_read;
mod migrate_loop;
mod office_loop;
mod periods;
mod register;
mod register_merge;
mod roster;
mod roster_edit;
mod schema;
mod search;
mod settings;
mod snapshot;
mod suggest;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use changelog::{ChainReport, GENESIS, verify_chain};
pub use edit::Actor;
pub use error::{Result, StoreError};
pub use evidence::Attached;
pub use health::Health;
pub use import::validate;
pub use integrity::{FULL_CHECK_AT_OPEN_BELOW, IntegrityReport};
pub use journal::{Journal, WhyNotWal, fs_type_of, is_network_fs, network_share_of};
pub use migrate_loop::MIGRATED_REPORT;
pub use schema::SCHEMA_VERSION;
pub use search::query_words;
pub use settings::DEFAULT_AUTHOR;
pub use snapshot::{BACKUP_DIR, check_snapshot, snapshot_evidence_hashes, verify_snapshot};

/// The database file inside a data directory.
pub const DB_FILE_NAME: &str = "duban.sqlite3";

/// An open duban database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    journal: Journal,
    /// `PRAGMA data_version` when last asked: it moves when another connection commits.
    seen_version: std::cell::Cell<i64>,
    /// The searchable text of every directive, for words too short for the trigram index.
    texts: search::TextCache,
    /// How far the database has been checked; writes and backups wait for "healthy".
    health: health::HealthCell,
    /// Files at least this large are checked cheaply at open, and stamped when closed healthy.
    full_below: u64,
}

impl Drop for Store {
    /// A large file known healthy is stamped as such (see health.rs), with its log emptied into
    /// it first, so the next open of the same bytes needs no thorough check.
    fn drop(&mut self) {
        if self.path == Path::new(":memory:") {
            return;
        }
        let large = std::fs::metadata(&self.path).is_ok_and(|m| m.len() >= self.full_below);
        match self.health.get() {
            health::Health::Healthy if large => {
                let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
                health::stamp_healthy(&self.path);
            }
            health::Health::Healthy => {}
            _ => health::forget_stamp(&self.path),
        }
    }
}

/// WAL where it is safe (a reader and a writer at once); a rollback journal on a network share
/// or where WAL does not stick.
fn choose_journal(conn: &Connection, network: Option<String>) -> Result<Journal> {
    let ask =
        |mode: &str| conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get::<_, String>(0));
    if let Some(kind) = network {
        ask("DELETE")?;
        return Ok(Journal::Rollback(WhyNotWal::NetworkShare(kind)));
    }
    Ok(match ask("WAL")?.to_lowercase().as_str() {
        "wal" => Journal::Wal,
        "memory" => Journal::Memory,
        other => {
            let other = other.to_owned();
            ask("DELETE")?;
            Journal::Rollback(WhyNotWal::Refused(other))
        }
    })
}

/// How to open a database file.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Treat the data directory as a network share of this type (`None`: detect it).
    pub network_share: Option<String>,
    /// Detect it from this text instead of `/proc/self/mountinfo` (tests: a machine without
    /// a network mount still runs detection itself).
    pub mountinfo: Option<String>,
    /// Check the whole file at open below this size (`None`: [`FULL_CHECK_AT_OPEN_BELOW`]);
    /// tests set 0 to take a large file's path with a small one.
    pub full_check_below: Option<u64>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`; a folder whose database is gone
    /// but whose snapshots remain is refused as damaged, never started afresh.
    pub fn open_dir(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| StoreError::CreateDir { source, path: data_dir.to_path_buf() })?;
        snapshot::refuse_missing(data_dir, &data_dir.join(DB_FILE_NAME))?;
        Store::open(&data_dir.join(DB_FILE_NAME))
    }

    /// Opens (creating if needed) the database file at `path`, checks it and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &OpenOptions::default())
    }

    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Store> {
        let open_err = |source| StoreError::Open { source, path: path.to_path_buf() };
        let conn = Connection::open(path).map_err(open_err)?;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let network = options.network_share.clone().or_else(|| match &options.mountinfo {
            Some(text) => journal::network_share_in(text, folder),
            None => journal::network_share_of(folder),
        });
        let full_below = options.full_check_below.unwrap_or(FULL_CHECK_AT_OPEN_BELOW);
        Store::init(conn, path, network, full_below).map_err(|e| match e {
            StoreError::Sqlite(e) if integrity::is_corruption(&e) => {
                StoreError::Corrupt { detail: integrity::describe(&e), path: path.to_path_buf() }
            }
            other => other,
        })
    }

    /// A private in-memory database (tests, benches).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, Path::new(":memory:"), None, 0)
    }

    fn init(mut conn: Connection, path: &Path, network: Option<String>, full_below: u64) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let on_disk = path != Path::new(":memory:");
        let mut health = health::Health::Healthy;
        if on_disk {
            health = integrity::open_check(&conn, path, full_below)?;
            if health != health::Health::Healthy && health::stamped_healthy(path) {
                health = health::Health::Healthy;
            }
            // A migration writes: an older file is checked thoroughly first.
            if health != health::Health::Healthy && schema::needs_migration(&conn)? {
                integrity::quick_check(&conn, path)?;
                health = health::Health::Healthy;
            }
        }
        // Before anything writes (even the journal mode): a newer duban's file stays untouched.
        schema::refuse_newer(&conn, path)?;
        let journal = choose_journal(&conn, network)?;
        // FULL sync makes every commit durable before it is reported done.
        conn.pragma_update(None, "synchronous", "FULL")?;
        if on_disk {
            snapshot::before_migrating(&conn, path)?;
        }
        schema::migrate(&mut conn, path)?;
        let seen_version = std::cell::Cell::new(0);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            journal,
            seen_version,
            texts: search::TextCache::default(),
            health: health::HealthCell::new(health),
            full_below,
        })
    }

    /// The journal in force, and why when it is not WAL.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw connection, for tests and benches that inspect or sabotage the database.
    /// Application code goes through the methods of `Store`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Has another connection (another window, the command line) committed since the last
    /// call? The first call answers false.
    pub fn data_version(&self) -> Result<bool> {
        let now: i64 = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let before = self.seen_version.replace(now);
        Ok(before != now && before != 0)
    }

    /// The journal mode SQLite reports (`wal`, `delete`, `memory`).
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }
}
