//! 合并、删除、恢复 — setting a directive aside and bringing it back. Nothing is erased: a
//! deleted directive keeps its row (`deleted_at`), a merged one too, and its merge record lists
//! the rows that moved to the directive it joined, so 恢复 moves exactly those back. One
//! immediate transaction each, logged on every directive it touches.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::edit::log;
use super::register::{label, refuse_set_aside};
use super::{Actor, Result, Store, StoreError};
use crate::model::{DirectiveId, RegisterEdit, SetAside};

/// What a merge changed, to undo it: the ids of the rows that moved (by table; offices by id
/// for `assignment`), and for each office both directives name whose state it advanced, the
/// state and completion date it had before.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Moved {
    rows: BTreeMap<String, Vec<i64>>,
    states: Vec<(i64, String, Option<String>)>,
}

/// How far an office's state has got, to keep the further one when two directives merge.
fn rank(state: &str) -> u8 {
    match state {
        "in_progress" => 1,
        "requested" => 2,
        "finished" => 3,
        _ => 0,
    }
}

/// The tables whose rows belong to a directive and follow it in a merge.
const RECORD_TABLES: [&str; 6] = ["progress", "evidence", "feedback", "reminder", "extension", "completion"];

fn ids_in(tx: &Connection, sql: &str, id: DirectiveId) -> Result<Vec<i64>> {
    Ok(tx.prepare(sql)?.query_map([id.0], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).chain(["0".to_owned()]).collect::<Vec<_>>().join(",")
}

/// Rebuilds the search text of `ids` (rows moved between directives fire no trigger).
fn reindex(tx: &Transaction, ids: &[DirectiveId]) -> Result<()> {
    for id in ids {
        tx.execute("DELETE FROM search_fts WHERE rowid = ?1", [id.0])?;
        tx.execute(
            "INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = ?1",
            [id.0],
        )?;
    }
    Ok(())
}

fn notice_of(tx: &Transaction, id: DirectiveId) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT s.notice_id FROM directive d JOIN section s ON s.id = d.section_id WHERE d.id = ?1",
        [id.0],
        |r| r.get(0),
    )?)
}

impl Store {
    /// Applies a register edit; returns the confirmation and the directive to show.
    pub fn apply_register_edit(
        &mut self,
        edit: &RegisterEdit,
        actor: &Actor,
    ) -> Result<(String, DirectiveId)> {
        Ok(match edit {
            RegisterEdit::Create(b) => {
                let id = self.create_by_hand(b, actor)?;
                (format!("已新建{}：{}", b.source.kind.short(), b.directive.title.trim()), id)
            }
            RegisterEdit::Add { notice, directive } => {
                let id = self.add_to_notice(*notice, directive, actor)?;
                (format!("已新增工作要求：{}", directive.title.trim()), id)
            }
            RegisterEdit::Split { id, keep_text, part } => {
                let new = self.split_directive(*id, keep_text, part, actor)?;
                (format!("已拆分，新工作要求：{}", part.title.trim()), new)
            }
            RegisterEdit::Merge { into, from } => {
                self.merge_directives(*into, *from, actor)?;
                ("已合并（可在回收站恢复被并入的一条，即撤销合并）".to_owned(), *into)
            }
            RegisterEdit::Delete(id) => {
                self.delete_directive(*id, actor)?;
                ("已删除（可在回收站恢复）".to_owned(), *id)
            }
            RegisterEdit::Restore(id) => {
                let undone = self.restore_directive(*id, actor)?;
                (if undone { "已撤销合并，恢复为单独一条" } else { "已恢复" }.to_owned(), *id)
            }
        })
    }

    /// 合并: `from` joins `into` (same notice): its text is appended, its offices that `into`
    /// lacks move over with their 督办 state, its notes, files and 督办 records move to `into`;
    /// an office both name keeps `into`'s state. `from` is set aside with a merge record.
    pub fn merge_directives(&mut self, into: DirectiveId, from: DirectiveId, actor: &Actor) -> Result<()> {
        if into == from {
            return Err(StoreError::Invalid("不能把一条工作要求合并到它自己".into()));
        }
        let tx = self.begin_write()?;
        refuse_set_aside(&tx, into)?;
        refuse_set_aside(&tx, from)?;
        if notice_of(&tx, into)? != notice_of(&tx, from)? {
            return Err(StoreError::Invalid(
                "只能合并同一份通知（或同一批示、交办）中的工作要求；不同会议的同一项工作请用“接续”关联"
                    .into(),
            ));
        }
        let (into_label, from_label) = (label(&tx, into)?, label(&tx, from)?);
        let mut moved = Moved::default();
        for table in RECORD_TABLES {
            let ids = ids_in(&tx, &format!("SELECT id FROM {table} WHERE directive_id = ?1"), from)?;
            tx.execute(
                &format!("UPDATE {table} SET directive_id = ?1 WHERE directive_id = ?2"),
                params![into.0, from.0],
            )?;
            moved.rows.insert(table.to_owned(), ids);
        }
        let offices = ids_in(&tx, "SELECT office_id FROM assignment WHERE directive_id = ?1", from)?;
        let shared = ids_in(
            &tx,
            &format!(
                "SELECT office_id FROM assignment WHERE directive_id = ?1 AND office_id IN (SELECT office_id FROM assignment WHERE directive_id = {})",
                into.0
            ),
            from,
        )?;
        let moving: Vec<i64> = offices.into_iter().filter(|o| !shared.contains(o)).collect();
        // An office both name keeps the further state of the two (its records from `from` now
        // belong to `into`); what it had is kept for the undo.
        for office in &shared {
            let state = |d: DirectiveId| {
                tx.query_row(
                    "SELECT state, finished_on FROM assignment WHERE directive_id = ?1 AND office_id = ?2",
                    params![d.0, office],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)),
                )
            };
            let (mine, theirs) = (state(into)?, state(from)?);
            if rank(&theirs.0) > rank(&mine.0) {
                tx.execute(
                    "UPDATE assignment SET state = ?1, finished_on = ?2 WHERE directive_id = ?3 AND office_id = ?4",
                    params![theirs.0, theirs.1, into.0, office],
                )?;
                moved.states.push((*office, mine.0, mine.1));
            }
        }
        let next: i64 = tx.query_row(
            "SELECT coalesce(max(ordinal) + 1, 0) FROM assignment WHERE directive_id = ?1",
            [into.0],
            |r| r.get(0),
        )?;
        tx.execute(
            &format!(
                "UPDATE assignment SET directive_id = ?1, ordinal = ordinal + ?2 WHERE directive_id = ?3 AND office_id IN ({})",
                id_list(&moving)
            ),
            params![into.0, next, from.0],
        )?;
        moved.rows.insert("assignment".to_owned(), moving);
        let (into_text, from_text): (String, String) = tx.query_row(
            "SELECT (SELECT text FROM directive WHERE id = ?1), (SELECT text FROM directive WHERE id = ?2)",
            params![into.0, from.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let merged_text = format!("{into_text}\n{from_text}");
        tx.execute("UPDATE directive SET text = ?1 WHERE id = ?2", params![merged_text, into.0])?;
        tx.execute("UPDATE directive SET deleted_at = ?1 WHERE id = ?2", params![actor.at, from.0])?;
        let moved = serde_json::to_string(&moved).map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "INSERT INTO directive_merge (into_id, from_id, into_text, merged_text, moved, merged_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![into.0, from.0, into_text, merged_text, moved, actor.at],
        )?;
        log(&tx, actor, into, "合并", None, Some(&format!("并入 {from_label}")))?;
        log(&tx, actor, from, "合并", None, Some(&format!("已并入 {into_label}")))?;
        super::office_loop::sync_status(&tx, into, actor)?;
        reindex(&tx, &[into, from])?;
        tx.commit()?;
        Ok(())
    }

    /// 删除: sets the directive aside (restorable). Refused once an office has 督办 records on
    /// it — that work belongs somewhere: merge it into the directive it duplicates instead.
    pub fn delete_directive(&mut self, id: DirectiveId, actor: &Actor) -> Result<()> {
        let tx = self.begin_write()?;
        refuse_set_aside(&tx, id)?;
        let records: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM feedback WHERE directive_id = ?1) + (SELECT count(*) FROM reminder WHERE directive_id = ?1)
                  + (SELECT count(*) FROM extension WHERE directive_id = ?1) + (SELECT count(*) FROM completion WHERE directive_id = ?1)",
            [id.0],
            |r| r.get(0),
        )?;
        if records > 0 {
            return Err(StoreError::Invalid(format!(
                "工作要求 {} 已有 {records} 条督办记录（反馈、催办、延期或办结），不能删除；如与另一条重复，请用“合并”保留这些记录",
                label(&tx, id)?
            )));
        }
        tx.execute("UPDATE directive SET deleted_at = ?1 WHERE id = ?2", params![actor.at, id.0])?;
        log(&tx, actor, id, "删除", None, Some("移到回收站（可恢复）"))?;
        tx.commit()?;
        Ok(())
    }

    /// 恢复: brings a set-aside directive back; for a merged one this undoes the merge (the rows
    /// that moved go back, and the other directive's text too unless it was edited since).
    /// Returns whether a merge was undone.
    pub fn restore_directive(&mut self, id: DirectiveId, actor: &Actor) -> Result<bool> {
        let tx = self.begin_write()?;
        let deleted: Option<String> = tx
            .query_row("SELECT deleted_at FROM directive WHERE id = ?1", [id.0], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::DirectiveNotFound(id))?;
        if deleted.is_none() {
            return Err(StoreError::Invalid(format!("工作要求 {} 未被删除，无需恢复", label(&tx, id)?)));
        }
        let merge: Option<(i64, i64, String, String, String)> = tx
            .query_row(
                "SELECT id, into_id, into_text, merged_text, moved FROM directive_merge
                 WHERE from_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let undone = merge.is_some();
        if let Some((merge_id, into, into_text, merged_text, moved)) = merge {
            let into = DirectiveId(into);
            refuse_set_aside(&tx, into)?;
            let moved: Moved = serde_json::from_str(&moved)
                .map_err(|e| StoreError::Invalid(format!("合并记录已损坏：{e}")))?;
            for (office, state, finished_on) in &moved.states {
                tx.execute(
                    "UPDATE assignment SET state = ?1, finished_on = ?2 WHERE directive_id = ?3 AND office_id = ?4",
                    params![state, finished_on, into.0, office],
                )?;
            }
            for (table, ids) in &moved.rows {
                let (table, key) = match table.as_str() {
                    "assignment" => ("assignment", "office_id"),
                    t if RECORD_TABLES.contains(&t) => (t, "id"),
                    other => return Err(StoreError::Invalid(format!("合并记录中有未知的表：{other}"))),
                };
                tx.execute(
                    &format!(
                        "UPDATE {table} SET directive_id = ?1 WHERE directive_id = ?2 AND {key} IN ({})",
                        id_list(ids)
                    ),
                    params![id.0, into.0],
                )?;
            }
            let text: String =
                tx.query_row("SELECT text FROM directive WHERE id = ?1", [into.0], |r| r.get(0))?;
            if text == merged_text {
                tx.execute("UPDATE directive SET text = ?1 WHERE id = ?2", params![into_text, into.0])?;
            }
            tx.execute(
                "UPDATE directive_merge SET undone_at = ?1 WHERE id = ?2",
                params![actor.at, merge_id],
            )?;
            log(&tx, actor, into, "撤销合并", None, Some(&format!("分出 {}", label(&tx, id)?)))?;
            tx.execute("UPDATE directive SET deleted_at = NULL WHERE id = ?1", [id.0])?;
            log(&tx, actor, id, "撤销合并", None, Some(&format!("从 {} 分出", label(&tx, into)?)))?;
            super::office_loop::sync_status(&tx, into, actor)?;
            super::office_loop::sync_status(&tx, id, actor)?;
            reindex(&tx, &[into, id])?;
        } else {
            tx.execute("UPDATE directive SET deleted_at = NULL WHERE id = ?1", [id.0])?;
            log(&tx, actor, id, "恢复", Some("已删除"), Some("已恢复"))?;
        }
        tx.commit()?;
        Ok(undone)
    }

    /// Directives deleted or merged away, newest first.
    pub(super) fn set_aside(&self) -> Result<Vec<SetAside>> {
        Ok(self
            .conn
            .prepare(
                "SELECT d.id, d.number, d.title, coalesce(n.meeting, n.title), d.deleted_at,
                        (SELECT m.into_id FROM directive_merge m WHERE m.from_id = d.id AND m.undone_at IS NULL
                         ORDER BY m.id DESC LIMIT 1)
                 FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id
                 WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC",
            )?
            .query_map([], |r| {
                Ok(SetAside {
                    id: DirectiveId(r.get(0)?),
                    number: r.get(1)?,
                    title: r.get(2)?,
                    notice: r.get(3)?,
                    at: r.get(4)?,
                    merged_into: r.get::<_, Option<i64>>(5)?.map(DirectiveId),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// 已并入: the directives merged into `id` (not undone).
    pub(super) fn merged_into_this(&self, id: DirectiveId) -> Result<Vec<(DirectiveId, String)>> {
        Ok(self
            .conn
            .prepare(
                "SELECT d.id, d.number || ' ' || d.title FROM directive_merge m JOIN directive d ON d.id = m.from_id
                 WHERE m.into_id = ?1 AND m.undone_at IS NULL ORDER BY m.id",
            )?
            .query_map([id.0], |r| Ok((DirectiveId(r.get(0)?), r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Edits of a set-aside directive are refused (restore it first).
    pub(super) fn refuse_if_set_aside(&self, id: DirectiveId) -> Result<()> {
        refuse_set_aside(&self.conn, id)
    }
}
