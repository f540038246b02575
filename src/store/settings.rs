//! 设置 — small key/value settings kept in the database (the officer's name).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};

const AUTHOR: &str = "author";

impl Store {
    /// 填报人 — the officer's name used as author of notes and changes, once set.
    pub fn author(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [AUTHOR], |r| r.get(0))
            .optional()?)
    }

    pub fn set_author(&self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("姓名不能为空".into()));
        }
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![AUTHOR, name],
        )?;
        Ok(())
    }
}
