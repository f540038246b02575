//! 变更记录 — the append-only change log, made tamper-evident: every entry carries the hash of
//! the entry before it (`prev_hash`) and its own hash over its id, time, author, subject and
//! values. Editing, deleting or inserting an entry anywhere but at the end breaks the chain,
//! which [`verify_chain`] finds. (Cutting entries off the end leaves a shorter valid chain:
//! compare the head hash `duban check` prints with one noted earlier, or with a backup.)

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::Result;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The columns an entry's hash covers, in order.
const SEALED_COLUMNS: &str = "id, at, author, notice_id, directive_id, field, old_value, new_value";

/// One entry to append; `at` and `author` come from the actor.
pub(super) struct Entry<'a> {
    pub notice_id: Option<i64>,
    pub directive_id: Option<i64>,
    pub field: &'a str,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
}

/// Appends `entry` inside `tx` and seals it into the chain.
pub(super) fn append(tx: &Transaction, at: chrono::NaiveDateTime, author: &str, entry: &Entry) -> Result<()> {
    tx.execute(
        "INSERT INTO change_log (at, author, notice_id, directive_id, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            at,
            author,
            entry.notice_id,
            entry.directive_id,
            entry.field,
            entry.old_value,
            entry.new_value
        ],
    )?;
    seal(tx, tx.last_insert_rowid())
}

/// Computes and stores `prev_hash` and `hash` of the unsealed entry `id` (the newest one).
fn seal(conn: &Connection, id: i64) -> Result<()> {
    let prev: String = conn
        .query_row("SELECT hash FROM change_log WHERE id < ?1 ORDER BY id DESC LIMIT 1", [id], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_owned());
    let hash =
        conn.query_row(&format!("SELECT {SEALED_COLUMNS} FROM change_log WHERE id = ?1"), [id], |r| {
            entry_hash(&prev, r)
        })?;
    conn.execute("UPDATE change_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3", params![prev, hash, id])?;
    Ok(())
}

/// Seals every entry written before the chain existed, oldest first (migration 5).
pub(super) fn seal_all(tx: &Transaction) -> Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM change_log WHERE hash IS NULL ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        seal(tx, id)?;
    }
    Ok(())
}

/// SHA-256 over the previous hash and each sealed column, every value tagged with its type and
/// length so that no two different rows serialise alike.
fn entry_hash(prev: &str, row: &rusqlite::Row) -> rusqlite::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(prev.as_bytes());
    for i in 0..8 {
        let (tag, bytes): (u8, Vec<u8>) = match row.get_ref(i)? {
            ValueRef::Null => (b'N', Vec::new()),
            ValueRef::Integer(n) => (b'I', n.to_le_bytes().to_vec()),
            ValueRef::Real(x) => (b'R', x.to_le_bytes().to_vec()),
            ValueRef::Text(t) => (b'T', t.to_vec()),
            ValueRef::Blob(b) => (b'B', b.to_vec()),
        };
        hasher.update([tag]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// What walking the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Entries walked.
    pub entries: usize,
    /// The newest entry's hash ([`GENESIS`] for an empty log).
    pub head: String,
    /// The first entry (by id) whose hash or link does not match, if any.
    pub first_broken: Option<i64>,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Recomputes every entry's hash in id order and checks each link.
pub fn verify_chain(conn: &Connection) -> Result<ChainReport> {
    let mut statement =
        conn.prepare(&format!("SELECT {SEALED_COLUMNS}, prev_hash, hash FROM change_log ORDER BY id"))?;
    let mut rows = statement.query([])?;
    let mut report = ChainReport { entries: 0, head: GENESIS.to_owned(), first_broken: None };
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let prev: Option<String> = row.get(8)?;
        let stored: Option<String> = row.get(9)?;
        let expected = entry_hash(&report.head, row)?;
        report.entries += 1;
        if prev.as_deref() != Some(report.head.as_str()) || stored.as_deref() != Some(expected.as_str()) {
            report.first_broken.get_or_insert(id);
        }
        // Follow the stored hash so one bad entry is reported once, not every entry after it.
        report.head = stored.unwrap_or(expected);
    }
    Ok(report)
}
