//! 督办 links — a file attached to a 反馈, and a roster merge carrying the merged office's loop
//! records and states over to the office it joins.

use rusqlite::{OptionalExtension, Transaction, params};

use super::edit::{Actor, log};
use super::{Result, Store, StoreError};
use crate::model::{DirectiveId, EvidenceId, OfficeId};

impl Store {
    /// Links an attached file to a 反馈 of the same directive (`LoopEvent::record` of a
    /// feedback), so the feedback shows the evidence it came with; logged.
    pub fn link_evidence_to_feedback(
        &mut self,
        evidence: EvidenceId,
        feedback: i64,
        actor: &Actor,
    ) -> Result<()> {
        let tx = self.begin_write()?;
        let (directive, name): (i64, String) = tx
            .query_row("SELECT directive_id, original_name FROM evidence WHERE id = ?1", [evidence.0], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .ok_or(StoreError::EvidenceNotFound(evidence))?;
        let office: Option<String> = tx
            .query_row(
                "SELECT o.name FROM feedback f JOIN office o ON o.id = f.office_id WHERE f.id = ?1 AND f.directive_id = ?2",
                params![feedback, directive],
                |r| r.get(0),
            )
            .optional()?;
        let Some(office) = office else {
            return Err(StoreError::Invalid(format!(
                "找不到该工作要求的第 {feedback} 条反馈，请选择同一工作要求的反馈"
            )));
        };
        tx.execute("UPDATE evidence SET feedback_id = ?1 WHERE id = ?2", params![feedback, evidence.0])?;
        log(&tx, actor, DirectiveId(directive), "材料", None, Some(&format!("{name} 附于{office}的反馈")))?;
        tx.commit()?;
        Ok(())
    }
}

/// Moves the loop records and states of `from` to `into` when the roster merges two offices
/// (called by `Store::merge_office` before `from` leaves the roster).
pub(super) fn move_records(tx: &Transaction, from: OfficeId, into: OfficeId) -> Result<()> {
    for table in ["feedback", "reminder", "extension", "completion"] {
        tx.execute(
            &format!("UPDATE {table} SET office_id = ?2 WHERE office_id = ?1"),
            params![from.0, into.0],
        )?;
    }
    tx.execute(
        "UPDATE assignment SET
            state = (SELECT f.state FROM assignment f WHERE f.office_id = ?1 AND f.directive_id = assignment.directive_id),
            finished_on = (SELECT f.finished_on FROM assignment f WHERE f.office_id = ?1 AND f.directive_id = assignment.directive_id)
         WHERE office_id = ?2 AND state = 'unreported'
           AND EXISTS (SELECT 1 FROM assignment f WHERE f.office_id = ?1 AND f.directive_id = assignment.directive_id)",
        params![from.0, into.0],
    )?;
    Ok(())
}
