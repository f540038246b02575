//! 材料 — evidence rows: attach, caption, 回收站 (trash) and restore, empty the trash. Each
//! change is one immediate transaction with a change-log entry (field 材料 / 材料说明).
//! Rows only point to blobs; deleting a row never touches a file (see `evidence::check`).

use rusqlite::{OptionalExtension, Transaction, params};

use super::edit::{current, log};
use super::{Actor, Result, Store, StoreError};
use crate::model::{DirectiveId, EvidenceId, NewEvidence};

/// The outcome of recording a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attached {
    pub id: EvidenceId,
    /// The same content was already attached to this directive (and not trashed): no new row.
    pub already_attached: bool,
}

/// The directive and name of an evidence row, or says it does not exist.
fn owner(tx: &Transaction, id: EvidenceId) -> Result<(DirectiveId, String)> {
    tx.query_row("SELECT directive_id, original_name FROM evidence WHERE id = ?1", [id.0], |r| {
        Ok((DirectiveId(r.get(0)?), r.get(1)?))
    })
    .optional()?
    .ok_or(StoreError::EvidenceNotFound(id))
}

impl Store {
    /// Records a stored blob as evidence of a directive (and optionally of one of its notes).
    pub fn attach_evidence(&mut self, new: &NewEvidence, actor: &Actor) -> Result<Attached> {
        let tx = self.begin_write()?;
        let _: i64 = current(&tx, new.directive, "id")?;
        if let Some(note) = new.note {
            let of: Option<i64> = tx
                .query_row("SELECT directive_id FROM progress WHERE id = ?1", [note.0], |r| r.get(0))
                .optional()?;
            if of != Some(new.directive.0) {
                return Err(StoreError::Invalid(format!("进展 {note} 不属于工作要求 {}", new.directive)));
            }
        }
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM evidence WHERE directive_id = ?1 AND hash = ?2 AND trashed_at IS NULL",
                params![new.directive.0, new.hash],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(Attached { id: EvidenceId(id), already_attached: true });
        }
        tx.execute(
            "INSERT INTO evidence (directive_id, progress_id, hash, original_name, size, media_type,
                                   added_at, added_by, exif_taken_at, exif_lat, exif_lon)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                new.directive.0,
                new.note.map(|n| n.0),
                new.hash,
                new.original_name,
                new.size as i64,
                new.media_type,
                actor.at,
                actor.author,
                new.photo.taken_at,
                new.photo.lat,
                new.photo.lon
            ],
        )?;
        let id = EvidenceId(tx.last_insert_rowid());
        log(&tx, actor, new.directive, "材料", None, Some(&format!("添加：{}", new.original_name)))?;
        tx.commit()?;
        Ok(Attached { id, already_attached: false })
    }

    /// Sets the caption (说明); returns false when it was already so.
    pub fn set_evidence_caption(&mut self, id: EvidenceId, caption: &str, actor: &Actor) -> Result<bool> {
        let caption = caption.trim();
        let tx = self.begin_write()?;
        let (directive, name) = owner(&tx, id)?;
        let old: String = tx.query_row("SELECT caption FROM evidence WHERE id = ?1", [id.0], |r| r.get(0))?;
        if old == caption {
            return Ok(false);
        }
        tx.execute("UPDATE evidence SET caption = ?1 WHERE id = ?2", params![caption, id.0])?;
        let show = |c: &str| format!("{name}：{}", if c.is_empty() { "无" } else { c });
        log(&tx, actor, directive, "材料说明", Some(&show(&old)), Some(&show(caption)))?;
        tx.commit()?;
        Ok(true)
    }

    /// Moves a file to the 回收站; returns false when it was there already.
    pub fn trash_evidence(&mut self, id: EvidenceId, actor: &Actor) -> Result<bool> {
        self.set_trashed(id, true, actor)
    }

    /// Brings a file back from the 回收站; returns false when it was not there.
    pub fn restore_evidence(&mut self, id: EvidenceId, actor: &Actor) -> Result<bool> {
        self.set_trashed(id, false, actor)
    }

    fn set_trashed(&mut self, id: EvidenceId, trash: bool, actor: &Actor) -> Result<bool> {
        let tx = self.begin_write()?;
        let (directive, name) = owner(&tx, id)?;
        let changed = tx.execute(
            "UPDATE evidence SET trashed_at = ?1 WHERE id = ?2 AND (trashed_at IS NULL) = ?3",
            params![trash.then_some(actor.at), id.0, trash],
        )?;
        if changed == 0 {
            return Ok(false);
        }
        let what = if trash { "移入回收站" } else { "从回收站恢复" };
        log(&tx, actor, directive, "材料", Some(&name), Some(&format!("{what}：{name}")))?;
        tx.commit()?;
        Ok(true)
    }

    /// Deletes every row in the 回收站 (the UI asks first). Their blobs are left in place; the
    /// ones no row points to any more become orphans that `duban check` moves aside later.
    /// Returns how many rows were deleted.
    pub fn empty_evidence_trash(&mut self, actor: &Actor) -> Result<usize> {
        let tx = self.begin_write()?;
        let trashed: Vec<(DirectiveId, String)> = tx
            .prepare(
                "SELECT directive_id, original_name FROM evidence WHERE trashed_at IS NOT NULL ORDER BY id",
            )?
            .query_map([], |r| Ok((DirectiveId(r.get(0)?), r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (directive, name) in &trashed {
            log(&tx, actor, *directive, "材料", Some(name), Some(&format!("永久删除：{name}")))?;
        }
        tx.execute("DELETE FROM evidence WHERE trashed_at IS NOT NULL", [])?;
        tx.commit()?;
        Ok(trashed.len())
    }
}
