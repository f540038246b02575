//! 数据库 — SQLite storage: open and migrate, import notices, read the board, record changes.
//! Every multi-row change is one `BEGIN IMMEDIATE` transaction and leaves a change-log entry.

mod board;
mod edit;
mod error;
mod evidence;
mod evidence_list;
mod import;
mod roster;
mod schema;
mod search;
mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use edit::Actor;
pub use error::{Result, StoreError};
pub use evidence::Attached;
pub use import::validate;
pub use schema::SCHEMA_VERSION;
pub use search::query_words;

/// The database file inside a data directory.
pub const DB_FILE_NAME: &str = "duban.sqlite3";

/// An open duban database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The searchable text of every directive, for words too short for the trigram index.
    texts: search::TextCache,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| StoreError::CreateDir { source, path: data_dir.to_path_buf() })?;
        Store::open(&data_dir.join(DB_FILE_NAME))
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        let open_err = |source| StoreError::Open { source, path: path.to_path_buf() };
        let conn = Connection::open(path).map_err(open_err)?;
        Store::init(conn, path)
    }

    /// A private in-memory database (tests, benches).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn init(mut conn: Connection, path: &Path) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL lets a reader and a writer work at once; FULL sync makes every commit durable.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        schema::migrate(&mut conn, path)?;
        Ok(Store { conn, path: path.to_path_buf(), texts: search::TextCache::default() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw connection, for tests and benches that inspect or sabotage the database.
    /// Application code goes through the methods of `Store`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The journal mode in force (`wal`, or `delete` where WAL cannot be used).
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }
}
