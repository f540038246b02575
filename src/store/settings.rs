//! 设置 — small key/value settings kept in the database: the officer's name, the due-soon
//! window, the theme.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};
use crate::model::Settings;

const AUTHOR: &str = "author";
const DUE_SOON_DAYS: &str = "due_soon_days";
const DARK: &str = "dark";
const NEXT_MEETING: &str = "next_meeting";
const RANK_OFFICES: &str = "bulletin_rank";

fn put(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The author of changes made before the officer has set a name (设置… → 姓名).
pub const DEFAULT_AUTHOR: &str = "值班员";

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    fn put_setting(&self, key: &str, value: &str) -> Result<()> {
        self.ensure_sound()?;
        put(&self.conn, key, value)
    }

    /// All preferences; a missing or unreadable one takes its default.
    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        let due_soon_days = self
            .setting(DUE_SOON_DAYS)?
            .and_then(|v| v.parse().ok())
            .filter(|d| Settings::DUE_SOON_RANGE.contains(d))
            .unwrap_or(defaults.due_soon_days);
        Ok(Settings {
            author: self.author()?,
            due_soon_days,
            dark: self.setting(DARK)?.as_deref() == Some("1"),
            next_meeting: self.setting(NEXT_MEETING)?.and_then(|d| d.parse().ok()),
            feedback_days: self.feedback_cadence()?,
            rank_offices: self.setting(RANK_OFFICES)?.as_deref() == Some("1"),
        })
    }

    /// Saves all preferences in one transaction; the name must not be empty.
    pub fn save_settings(&mut self, s: &Settings) -> Result<()> {
        if !Settings::DUE_SOON_RANGE.contains(&s.due_soon_days) {
            return Err(StoreError::Invalid("即将到期天数应在 0 到 30 之间".into()));
        }
        if s.feedback_days.is_some_and(|d| !Settings::FEEDBACK_RANGE.contains(&d)) {
            return Err(StoreError::Invalid("反馈周期应在 1 到 90 天之间".into()));
        }
        let tx = self.begin_write()?;
        if let Some(name) = &s.author {
            let name = name.trim();
            if name.is_empty() {
                return Err(StoreError::Invalid("姓名不能为空".into()));
            }
            put(&tx, AUTHOR, name)?;
        }
        put(&tx, DUE_SOON_DAYS, &s.due_soon_days.to_string())?;
        put(&tx, DARK, if s.dark { "1" } else { "0" })?;
        put(&tx, RANK_OFFICES, if s.rank_offices { "1" } else { "0" })?;
        put(&tx, NEXT_MEETING, &s.next_meeting.map(|d| d.to_string()).unwrap_or_default())?;
        // No cadence is stored as 0 (read back as none).
        put(&tx, super::loop_read::FEEDBACK_DAYS, &s.feedback_days.unwrap_or(0).to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Who signs a change: the officer's name once set, else [`DEFAULT_AUTHOR`]. A failed read
    /// is an error, never silently 值班员: a change must not be signed by the wrong name.
    pub fn signing_author(&self) -> Result<String> {
        Ok(self.author()?.unwrap_or_else(|| DEFAULT_AUTHOR.to_owned()))
    }

    /// 填报人 — the officer's name used as author of notes and changes, once set.
    pub fn author(&self) -> Result<Option<String>> {
        self.setting(AUTHOR)
    }

    pub fn set_author(&self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("姓名不能为空".into()));
        }
        self.put_setting(AUTHOR, name)
    }
}
