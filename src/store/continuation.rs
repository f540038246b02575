//! 接续 — reading and changing which earlier directive a directive carries on, and the chain
//! of earlier steps with their progress notes for the detail pane.

use rusqlite::{OptionalExtension, params};

use super::edit::{current, log};
use super::{Actor, Result, Store, StoreError};
use crate::model::{Continuation, DirectiveId, EarlierStep, Status};

/// A chain longer than this is cut (a register never gets near it; a cycle cannot loop).
const MAX_CHAIN: usize = 50;

impl Store {
    /// The directives `id` carries on, nearest first, each with its progress notes.
    pub fn earlier_steps(&self, id: DirectiveId) -> Result<Vec<EarlierStep>> {
        let mut steps = Vec::new();
        let mut next: Option<i64> = self
            .conn
            .query_row("SELECT continues_id FROM directive WHERE id = ?1", [id.0], |r| r.get(0))
            .optional()?
            .flatten();
        while let Some(at) = next.filter(|at| *at != id.0 && steps.len() < MAX_CHAIN) {
            if steps.iter().any(|s: &EarlierStep| s.directive.id.0 == at) {
                break;
            }
            let (directive, status, continues) =
                self.conn.query_row(&format!("{CONTINUATION_SELECT} WHERE d.id = ?1"), [at], |r| {
                    Ok((continuation(r)?, r.get::<_, String>(5)?, r.get::<_, Option<i64>>(6)?))
                })?;
            let progress = self.notes_of(DirectiveId(at))?;
            steps.push(EarlierStep {
                directive,
                status: Status::from_db(&status).unwrap_or_default(),
                notes: progress,
            });
            next = continues;
        }
        Ok(steps)
    }

    /// The directives of later notices that carry `id` on.
    pub fn continued_by(&self, id: DirectiveId) -> Result<Vec<Continuation>> {
        Ok(self
            .conn
            .prepare(&format!("{CONTINUATION_SELECT} WHERE d.continues_id = ?1 ORDER BY n.issued_on, d.id"))?
            .query_map([id.0], continuation)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Links `id` to the earlier directive it carries on, or unlinks it (`None`); logged.
    pub fn set_continues(
        &mut self,
        id: DirectiveId,
        earlier: Option<DirectiveId>,
        actor: &Actor,
    ) -> Result<bool> {
        let tx = self.begin_write()?;
        let old: Option<i64> = current(&tx, id, "continues_id")?;
        if old == earlier.map(|e| e.0) {
            return Ok(false);
        }
        let label = |d: Option<i64>| -> Result<String> {
            let Some(d) = d else { return Ok("无".to_owned()) };
            if d == id.0 {
                return Err(StoreError::Invalid("工作要求不能接续它自己".into()));
            }
            tx.query_row("SELECT number || ' ' || title FROM directive WHERE id = ?1", [d], |r| r.get(0))
                .optional()?
                .ok_or(StoreError::DirectiveNotFound(DirectiveId(d)))
        };
        let (old_label, new_label) = (label(old)?, label(earlier.map(|e| e.0))?);
        tx.execute(
            "UPDATE directive SET continues_id = ?1 WHERE id = ?2",
            params![earlier.map(|e| e.0), id.0],
        )?;
        log(&tx, actor, id, "接续", Some(&old_label), Some(&new_label))?;
        tx.commit()?;
        Ok(true)
    }
}

const CONTINUATION_SELECT: &str =
    "SELECT d.id, d.number, d.title, n.meeting, n.issued_on, d.status, d.continues_id
     FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id";

fn continuation(r: &rusqlite::Row) -> rusqlite::Result<Continuation> {
    Ok(Continuation {
        id: DirectiveId(r.get(0)?),
        number: r.get(1)?,
        title: r.get(2)?,
        meeting: r.get(3)?,
        issued_on: r.get(4)?,
    })
}
