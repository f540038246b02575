//! 导入 — stores a reviewed notice in one transaction.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::changelog::{self, Entry};
use super::roster::ensure_office;
use super::{Result, Store, StoreError};
use crate::model::{NoticeDraft, NoticeId, Role};

/// Checks a draft before anything is written; the message names the directive.
pub fn validate(draft: &NoticeDraft) -> Result<()> {
    let invalid = |m: String| Err(StoreError::Invalid(m));
    if draft.title.trim().is_empty() {
        return invalid("通知标题不能为空".into());
    }
    if draft.directive_count() == 0 {
        return invalid("通知中没有可导入的工作要求".into());
    }
    for d in draft.directives() {
        if d.title.trim().is_empty() {
            return invalid(format!("第 {} 条工作要求的标题为空", d.number));
        }
        if d.text.trim().is_empty() {
            return invalid(format!("第 {} 条工作要求的内容为空", d.number));
        }
    }
    Ok(())
}

impl Store {
    /// Stores `draft` with everything in it, or nothing: one immediate transaction.
    /// Unit names join the roster; one change-log entry records the import.
    pub fn import_notice(
        &mut self,
        draft: &NoticeDraft,
        source_text: &str,
        author: &str,
        now: NaiveDateTime,
    ) -> Result<NoticeId> {
        validate(draft)?;
        let tx = self.begin_write()?;
        let recipients = serde_json::to_string(&draft.recipients).unwrap_or_else(|_| "[]".into());
        tx.execute(
            "INSERT INTO notice (title, issuer, recipients, meeting, issued_on, preamble, closing,
                                 source_text, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                draft.title.trim(),
                draft.issuer,
                recipients,
                draft.meeting,
                draft.issued_on,
                draft.preamble,
                draft.closing,
                source_text,
                now,
                author
            ],
        )?;
        let notice_id = tx.last_insert_rowid();
        for (s_ord, section) in draft.sections.iter().enumerate() {
            tx.execute(
                "INSERT INTO section (notice_id, ordinal, number, title, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![notice_id, s_ord as i64, section.number, section.title, section.text],
            )?;
            let section_id = tx.last_insert_rowid();
            for (d_ord, d) in section.directives.iter().enumerate() {
                if let Some(earlier) = d.continues {
                    let exists: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM directive WHERE id = ?1)",
                        [earlier.0],
                        |r| r.get(0),
                    )?;
                    if !exists {
                        return Err(StoreError::Invalid(format!(
                            "{} 要接续的工作要求（编号 {earlier}）已不存在，请重新导入",
                            d.number
                        )));
                    }
                }
                tx.execute(
                    "INSERT INTO directive (section_id, ordinal, number, title, text, deadline,
                                            deadline_phrase, deadline_inferred, recurrence, continues_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        section_id,
                        d_ord as i64,
                        d.number.trim(),
                        d.title.trim(),
                        d.text.trim(),
                        d.deadline.date,
                        d.deadline.phrase,
                        d.deadline.inferred,
                        d.deadline.recurrence,
                        d.continues.map(|c| c.0)
                    ],
                )?;
                let directive_id = tx.last_insert_rowid();
                let recurrence = d.deadline.recurrence.as_deref();
                super::periods::start_plan(
                    &tx,
                    directive_id,
                    recurrence,
                    draft.issued_on,
                    d.deadline.date,
                    now,
                    author,
                )?;
                let units = d
                    .offices
                    .iter()
                    .map(|n| (n, Role::Lead))
                    .chain(d.support_offices.iter().map(|n| (n, Role::Support)));
                for (ordinal, (name, role)) in units.filter(|(n, _)| !n.trim().is_empty()).enumerate() {
                    let office = ensure_office(&tx, name)?;
                    tx.execute(
                        "INSERT OR IGNORE INTO assignment (directive_id, office_id, role, ordinal)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![directive_id, office.0, role.as_db(), ordinal as i64],
                    )?;
                }
            }
        }
        let summary = format!("{}（{} 条工作要求）", draft.title.trim(), draft.directive_count());
        let entry = Entry {
            notice_id: Some(notice_id),
            directive_id: None,
            field: "导入通知",
            old_value: None,
            new_value: Some(&summary),
        };
        changelog::append(&tx, now, author, &entry)?;
        tx.commit()?;
        Ok(NoticeId(notice_id))
    }
}
