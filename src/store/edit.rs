//! 办理 — the officer's changes to a directive. Each is one immediate transaction that also
//! appends to the change log (who, when, what, old → new).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};

use super::changelog::{self, Entry};
use super::roster::ensure_office;
use super::{Result, Store, StoreError};
use crate::model::{DirectiveId, Role, Status};

/// Who makes a change, and when.
#[derive(Debug, Clone)]
pub struct Actor<'a> {
    pub author: &'a str,
    pub at: NaiveDateTime,
}

pub(super) fn log(
    tx: &Transaction,
    actor: &Actor,
    id: DirectiveId,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    let entry = Entry { notice_id: None, directive_id: Some(id.0), field, old_value: old, new_value: new };
    changelog::append(tx, actor.at, actor.author, &entry)
}

/// Reads one column of a directive, or says it does not exist (or is set aside).
pub(super) fn current<T: rusqlite::types::FromSql>(
    tx: &Transaction,
    id: DirectiveId,
    column: &str,
) -> Result<T> {
    super::register::refuse_set_aside(tx, id)?;
    tx.query_row(&format!("SELECT {column} FROM directive WHERE id = ?1"), [id.0], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::DirectiveNotFound(id))
}

fn lead_names(tx: &Transaction, id: DirectiveId) -> Result<Vec<String>> {
    Ok(tx
        .prepare(
            "SELECT o.name FROM assignment a JOIN office o ON o.id = a.office_id
             WHERE a.directive_id = ?1 AND a.role = 'lead' ORDER BY a.ordinal",
        )?
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Sets the status; returns false (and logs nothing) when it was already so.
    pub fn set_status(&mut self, id: DirectiveId, status: Status, actor: &Actor) -> Result<bool> {
        let tx = self.begin_write()?;
        let stored: String = current(&tx, id, "status")?;
        // A value this build does not know is logged as it is, not as the default status.
        let old = match Status::from_db(&stored) {
            Some(old) if old == status => return Ok(false),
            Some(old) => old.label().to_owned(),
            None => stored,
        };
        tx.execute("UPDATE directive SET status = ?1 WHERE id = ?2", params![status.as_db(), id.0])?;
        log(&tx, actor, id, "状态", Some(&old), Some(status.label()))?;
        if status == Status::Closed {
            // 销号 ends a recurring directive's reporting that day.
            super::periods::end_on_close(&tx, id, actor.at.date())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Sets or clears the deadline. A deadline the officer sets is no longer "inferred".
    pub fn set_deadline(
        &mut self,
        id: DirectiveId,
        deadline: Option<NaiveDate>,
        actor: &Actor,
    ) -> Result<bool> {
        let tx = self.begin_write()?;
        let old: Option<NaiveDate> = current(&tx, id, "deadline")?;
        if old == deadline {
            return Ok(false);
        }
        tx.execute(
            "UPDATE directive SET deadline = ?1, deadline_inferred = 0, deadline_phrase = NULL WHERE id = ?2",
            params![deadline, id.0],
        )?;
        let show = |d: Option<NaiveDate>| d.map_or("无".to_owned(), |d| d.to_string());
        log(&tx, actor, id, "完成时限", Some(&show(old)), Some(&show(deadline)))?;
        tx.commit()?;
        Ok(true)
    }

    /// Replaces the responsible (lead) units; supporting units stay. Names join the roster.
    pub fn set_offices(&mut self, id: DirectiveId, names: &[String], actor: &Actor) -> Result<bool> {
        let mut wanted: Vec<&str> = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if !wanted.contains(&name) {
                wanted.push(name);
            }
        }
        let tx = self.begin_write()?;
        let _: i64 = current(&tx, id, "id")?;
        let old = lead_names(&tx, id)?;
        if old == wanted {
            return Ok(false);
        }
        let offices = wanted.iter().map(|name| ensure_office(&tx, name)).collect::<Result<Vec<_>>>()?;
        // Units that stay keep their row, and with it their 督办 state.
        // (Row ids start at 1: 0 keeps the list valid SQL when no unit stays.)
        let keep =
            offices.iter().map(|o| o.0.to_string()).chain(["0".to_owned()]).collect::<Vec<_>>().join(",");
        tx.execute(
            &format!("DELETE FROM assignment WHERE directive_id = ?1 AND role = 'lead' AND office_id NOT IN ({keep})"),
            [id.0],
        )?;
        for (ordinal, office) in offices.iter().enumerate() {
            // A unit moved from supporting to leading keeps one row, now as lead.
            tx.execute(
                "INSERT INTO assignment (directive_id, office_id, role, ordinal) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (directive_id, office_id) DO UPDATE SET role = excluded.role, ordinal = excluded.ordinal",
                params![id.0, office.0, Role::Lead.as_db(), ordinal as i64],
            )?;
        }
        log(&tx, actor, id, "责任处室", Some(&old.join("、")), Some(&wanted.join("、")))?;
        tx.commit()?;
        Ok(true)
    }

    /// Adds a dated progress note (进展).
    pub fn add_note(&mut self, id: DirectiveId, on: NaiveDate, text: &str, actor: &Actor) -> Result<i64> {
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::Invalid("进展内容不能为空".into()));
        }
        let tx = self.begin_write()?;
        let _: i64 = current(&tx, id, "id")?;
        tx.execute(
            "INSERT INTO progress (directive_id, on_date, author, text, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.0, on, actor.author, text, actor.at],
        )?;
        let note_id = tx.last_insert_rowid();
        log(&tx, actor, id, "进展", None, Some(&format!("{on}：{text}")))?;
        tx.commit()?;
        Ok(note_id)
    }
}
