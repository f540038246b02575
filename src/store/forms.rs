//! 表单 — the forms sent to the offices and the returns read back: a serial per kind and year
//! (督办〔2022〕第3号) issued once and never reused, the identifier the files carry, and a
//! returned form applied as feedback records, extensions and evidence in ONE transaction with
//! every other return of its batch (a refusal anywhere writes nothing).

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::changelog::{self, Entry};
use super::edit::{Actor, log};
use super::office_loop::loop_edit_in;
use super::{Result, Store, StoreError};
use crate::model::{
    AppliedReturn, DirectiveId, FormKind, IssuedForm, LoopAction, OfficeId, ReturnToApply, StoredFile,
};

/// The identifier of a form: SHA-256 over what it was issued with, 32 hex digits.
fn form_hash(kind: FormKind, year: i32, no: i64, office: OfficeId, ids: &str, at: NaiveDateTime) -> String {
    let mut h = Sha256::new();
    h.update(format!("duban-form|{}|{year}|{no}|{}|{ids}|{at}", kind.as_db(), office.0).as_bytes());
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

fn ids_text(ids: &[DirectiveId]) -> String {
    ids.iter().map(|d| d.0.to_string()).collect::<Vec<_>>().join(",")
}

fn parse_ids(s: &str) -> Vec<DirectiveId> {
    s.split(',').filter_map(|x| x.trim().parse().ok()).map(DirectiveId).collect()
}

const ISSUE_COLUMNS: &str =
    "f.form_id, f.kind, f.serial_year, f.serial_no, f.office_id, o.name, f.directive_ids, f.generated_at";

fn issued_row(r: &rusqlite::Row) -> rusqlite::Result<IssuedForm> {
    let kind: String = r.get(1)?;
    let ids: String = r.get(6)?;
    Ok(IssuedForm {
        form_id: r.get(0)?,
        kind: FormKind::from_db(&kind).unwrap_or(FormKind::Notice),
        serial_year: r.get(2)?,
        serial_no: r.get(3)?,
        office: OfficeId(r.get(4)?),
        office_name: r.get(5)?,
        directives: parse_ids(&ids),
        generated_at: r.get(7)?,
    })
}

/// Inserts one evidence row for `file` on `directive`, linked to `feedback`; skips a file
/// already attached there.
fn record_file(
    tx: &Transaction,
    directive: DirectiveId,
    feedback: Option<i64>,
    file: &StoredFile,
    actor: &Actor,
) -> Result<()> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM evidence WHERE directive_id = ?1 AND hash = ?2 AND trashed_at IS NULL",
            params![directive.0, file.hash],
            |r| r.get(0),
        )
        .optional()?;
    if existing.is_some() {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO evidence (directive_id, hash, original_name, size, media_type, added_at, added_by, feedback_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            directive.0,
            file.hash,
            file.original_name,
            file.size as i64,
            file.media_type,
            actor.at,
            actor.author,
            feedback
        ],
    )?;
    log(tx, actor, directive, "材料", None, Some(&format!("添加：{}（书面反馈）", file.original_name)))
}

impl Store {
    /// Issues the next serial of `kind` for this year to `office` listing `directives`, and
    /// records it (one transaction, logged).
    pub fn issue_form(
        &mut self,
        kind: FormKind,
        office: OfficeId,
        directives: &[DirectiveId],
        actor: &Actor,
    ) -> Result<IssuedForm> {
        let tx = self.begin_write()?;
        let name: String = tx
            .query_row("SELECT name FROM office WHERE id = ?1", [office.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("名册中没有编号为 {} 的单位", office.0)))?;
        let year = IssuedForm::year_of(actor.at);
        let no: i64 = tx.query_row(
            "SELECT coalesce(max(serial_no), 0) + 1 FROM form_issue WHERE kind = ?1 AND serial_year = ?2",
            params![kind.as_db(), year],
            |r| r.get(0),
        )?;
        let ids = ids_text(directives);
        let form_id = form_hash(kind, year, no, office, &ids, actor.at);
        tx.execute(
            "INSERT INTO form_issue (form_id, kind, serial_year, serial_no, office_id, directive_ids, generated_at, generated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![form_id, kind.as_db(), year, no, office.0, ids, actor.at, actor.author],
        )?;
        let form = IssuedForm {
            form_id,
            kind,
            serial_year: year,
            serial_no: no,
            office,
            office_name: name,
            directives: directives.to_vec(),
            generated_at: actor.at,
        };
        let what = format!(
            "{} {}{}（{} 项）",
            form.serial_text(),
            form.office_name,
            if kind == FormKind::Notice { "督办通知单" } else { "催办通知" },
            directives.len()
        );
        let entry = Entry {
            notice_id: None,
            directive_id: None,
            field: "表单",
            old_value: None,
            new_value: Some(&what),
        };
        changelog::append(&tx, actor.at, actor.author, &entry)?;
        tx.commit()?;
        Ok(form)
    }

    /// The form with this identifier, or whose identifier starts with this short code (the
    /// code printed on the form, 12 digits or more).
    pub fn issued_form(&self, id_or_code: &str) -> Result<Option<IssuedForm>> {
        let code = id_or_code.trim().to_ascii_lowercase();
        if code.len() < 12 || !code.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let found: Vec<IssuedForm> = self
            .conn
            .prepare(&format!(
                "SELECT {ISSUE_COLUMNS} FROM form_issue f JOIN office o ON o.id = f.office_id
                 WHERE substr(f.form_id, 1, length(?1)) = ?1"
            ))?
            .query_map([&code], issued_row)?
            .collect::<rusqlite::Result<_>>()?;
        // A short code matching two forms identifies neither.
        Ok(if found.len() == 1 { found.into_iter().next() } else { None })
    }

    /// Every form issued, newest first.
    pub fn issued_forms(&self) -> Result<Vec<IssuedForm>> {
        Ok(self
            .conn
            .prepare(&format!(
                "SELECT {ISSUE_COLUMNS} FROM form_issue f JOIN office o ON o.id = f.office_id
                 ORDER BY f.generated_at DESC, f.id DESC"
            ))?
            .query_map([], issued_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every return applied, oldest first.
    pub fn applied_returns(&self) -> Result<Vec<AppliedReturn>> {
        Ok(self
            .conn
            .prepare(
                "SELECT r.form_id, r.office_id, r.file_hash, r.file_name, f.generated_at, r.applied_at
                 FROM form_return r LEFT JOIN form_issue f ON f.form_id = r.form_id ORDER BY r.id",
            )?
            .query_map([], |r| {
                Ok(AppliedReturn {
                    form_id: r.get(0)?,
                    office: OfficeId(r.get(1)?),
                    file_hash: r.get(2)?,
                    file_name: r.get(3)?,
                    form_generated_at: r.get(4)?,
                    applied_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Several loop edits in one transaction (the 催办 records of a 催办通知): all or none.
    pub fn apply_loop_edits(
        &mut self,
        edits: &[(DirectiveId, crate::model::LoopEdit)],
        actor: &Actor,
    ) -> Result<Vec<String>> {
        let tx = self.begin_write()?;
        let mut messages = Vec::new();
        for (id, edit) in edits {
            messages.push(loop_edit_in(&tx, *id, edit, actor)?);
        }
        tx.commit()?;
        Ok(messages)
    }

    /// Applies returned forms: every edit through the same checks as a typed one, the
    /// returned file kept as evidence of each directive it reports on (linked to the
    /// feedback), photos likewise, and each return recorded — all in one transaction, so a
    /// refusal anywhere leaves the database as it was. Returns one confirmation per edit.
    pub fn apply_form_returns(&mut self, returns: &[ReturnToApply], actor: &Actor) -> Result<Vec<String>> {
        let tx = self.begin_write()?;
        let mut messages = Vec::new();
        for ret in returns {
            let mut rows = 0i64;
            for item in &ret.items {
                let mut feedback = None;
                for edit in &item.edits {
                    let message = loop_edit_in(&tx, item.directive, edit, actor)
                        .map_err(|e| StoreError::Invalid(format!("工作要求 {}：{e}", item.directive.0)))?;
                    if matches!(edit.action, LoopAction::Feedback(_)) {
                        feedback = tx
                            .query_row(
                                "SELECT max(f.id) FROM feedback f WHERE f.directive_id = ?1",
                                [item.directive.0],
                                |r| r.get::<_, Option<i64>>(0),
                            )
                            .optional()?
                            .flatten();
                    }
                    messages.push(format!("工作要求 {}：{message}", item.directive.0));
                }
                if item.edits.is_empty() {
                    continue;
                }
                rows += 1;
                record_file(&tx, item.directive, feedback, &ret.file, actor)?;
                for photo in &item.photos {
                    record_file(&tx, item.directive, feedback, photo, actor)?;
                }
            }
            if let Some(form_id) = &ret.form_id {
                let known: Option<i64> = tx
                    .query_row("SELECT id FROM form_issue WHERE form_id = ?1", [form_id], |r| r.get(0))
                    .optional()?;
                if known.is_none() {
                    return Err(StoreError::Invalid(format!("找不到表单 {form_id} 的发出记录")));
                }
            }
            tx.execute(
                "INSERT INTO form_return (form_id, office_id, file_hash, file_name, rows_applied, applied_at, applied_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![ret.form_id, ret.office.0, ret.file.hash, ret.file.original_name, rows, actor.at, actor.author],
            )?;
        }
        tx.commit()?;
        Ok(messages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_depends_on_everything_the_form_was_issued_with() {
        let at = chrono::NaiveDate::from_ymd_opt(2022, 3, 18).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let a = form_hash(FormKind::Notice, 2022, 3, OfficeId(1), "1,2", at);
        assert_eq!(a.len(), 32);
        assert_ne!(a, form_hash(FormKind::Notice, 2022, 4, OfficeId(1), "1,2", at));
        assert_ne!(a, form_hash(FormKind::Urge, 2022, 3, OfficeId(1), "1,2", at));
        assert_ne!(a, form_hash(FormKind::Notice, 2022, 3, OfficeId(1), "1,3", at));
        assert_eq!(parse_ids("1, 2,x,3"), vec![DirectiveId(1), DirectiveId(2), DirectiveId(3)]);
    }
}
