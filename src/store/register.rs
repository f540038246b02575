//! 新建、新增、拆分 — directives that do not come from an import: a 领导批示 or 临时交办 entered
//! by hand (stored as a notice of that kind with one section and one directive, so everything
//! that reads notices works unchanged), a directive added to a stored notice, and a directive
//! split in two. Each is one immediate transaction with its change-log entries.

use rusqlite::{OptionalExtension, Transaction, params};

use super::changelog::{self, Entry};
use super::edit::log;
use super::roster::ensure_office;
use super::{Actor, Result, Store, StoreError};
use crate::model::{ByHand, DirectiveId, NewDirective, NoticeId, Role};

/// Checks a directive typed by the officer; the message says what to fill in.
pub(super) fn validate_new(d: &NewDirective) -> Result<()> {
    let invalid = |m: &str| Err(StoreError::Invalid(m.to_owned()));
    if d.title.trim().is_empty() {
        return invalid("工作要求的标题不能为空，请填写标题");
    }
    if d.text.trim().is_empty() {
        return invalid("工作要求的内容（原文）不能为空，请填写");
    }
    if d.offices.iter().all(|o| o.trim().is_empty()) {
        return invalid("请至少填写一个责任单位");
    }
    Ok(())
}

/// Inserts `d` at `ordinal` of `section` with its offices as leads; returns its id.
fn insert(
    tx: &Transaction,
    section: i64,
    ordinal: i64,
    number: &str,
    d: &NewDirective,
    split_from: Option<i64>,
) -> Result<DirectiveId> {
    tx.execute(
        "INSERT INTO directive (section_id, ordinal, number, title, text, deadline, split_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![section, ordinal, number, d.title.trim(), d.text.trim(), d.deadline, split_from],
    )?;
    let id = tx.last_insert_rowid();
    let mut seen = Vec::new();
    for name in d.offices.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if seen.contains(&name) {
            continue;
        }
        let office = ensure_office(tx, name)?;
        tx.execute(
            "INSERT OR IGNORE INTO assignment (directive_id, office_id, role, ordinal) VALUES (?1, ?2, ?3, ?4)",
            params![id, office.0, Role::Lead.as_db(), seen.len() as i64],
        )?;
        seen.push(name);
    }
    Ok(DirectiveId(id))
}

/// A number not yet used in `section`: `prefix` followed by the first free integer from `from`.
fn free_number(tx: &Transaction, section: i64, prefix: &str, from: i64) -> Result<String> {
    let mut n = from;
    loop {
        let number = format!("{prefix}{n}");
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM directive WHERE section_id = ?1 AND number = ?2)",
            params![section, number],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(number);
        }
        n += 1;
    }
}

/// Makes room at `ordinal` of `section` (UNIQUE (section, ordinal) is checked row by row, so
/// the ordinals go negative first).
fn open_slot(tx: &Transaction, section: i64, ordinal: i64) -> Result<()> {
    tx.execute(
        "UPDATE directive SET ordinal = -(ordinal + 1) WHERE section_id = ?1 AND ordinal >= ?2",
        params![section, ordinal],
    )?;
    tx.execute("UPDATE directive SET ordinal = -ordinal WHERE section_id = ?1 AND ordinal < 0", [section])?;
    Ok(())
}

/// "一.2 标题" of a directive, for log entries and refusals.
pub(super) fn label(tx: &rusqlite::Connection, id: DirectiveId) -> Result<String> {
    tx.query_row("SELECT number || ' ' || title FROM directive WHERE id = ?1", [id.0], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::DirectiveNotFound(id))
}

/// Refuses a directive that is deleted or merged away.
pub(super) fn refuse_set_aside(tx: &rusqlite::Connection, id: DirectiveId) -> Result<()> {
    let deleted: Option<String> = tx
        .query_row("SELECT deleted_at FROM directive WHERE id = ?1", [id.0], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::DirectiveNotFound(id))?;
    match deleted {
        Some(_) => Err(StoreError::Invalid(format!(
            "工作要求 {} 已删除（或已并入其他工作要求），请先在回收站恢复",
            label(tx, id)?
        ))),
        None => Ok(()),
    }
}

impl Store {
    /// 新建工作要求: a 批示 or 交办 with its directive; returns the directive's id.
    pub fn create_by_hand(&mut self, b: &ByHand, actor: &Actor) -> Result<DirectiveId> {
        validate_new(&b.directive)?;
        if let Some(deadline) = b.directive.deadline.filter(|d| *d < b.on) {
            return Err(StoreError::Invalid(format!(
                "完成时限 {deadline} 早于{}日期 {}，请检查",
                b.source.kind.short(),
                b.on
            )));
        }
        let clean =
            |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let (by, reference) = (clean(&b.source.by), clean(&b.source.reference));
        let title = format!("{}：{}", b.source.kind.label(), b.directive.title.trim());
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO notice (title, issuer, recipients, meeting, issued_on, preamble, closing, source_text,
                                 imported_at, imported_by, source_kind, source_by, source_ref)
             VALUES (?1, ?2, '[]', NULL, ?3, '', '', ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                title,
                by,
                b.on,
                b.directive.text.trim(),
                actor.at,
                actor.author,
                b.source.kind.as_db(),
                by,
                reference
            ],
        )?;
        let notice = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO section (notice_id, ordinal, number, title, text) VALUES (?1, 0, '一', ?2, '')",
            params![notice, b.source.kind.label()],
        )?;
        let section = tx.last_insert_rowid();
        // Numbered by its kind (批示, 交办): in the table and the report that says what it is.
        let id = insert(&tx, section, 0, b.source.kind.short(), &b.directive, None)?;
        let source = crate::model::Source { by, reference, ..b.source.clone() };
        let what = format!("{}：{}", source.describe(), b.directive.title.trim());
        let entry = Entry {
            notice_id: Some(notice),
            directive_id: Some(id.0),
            field: "新建工作要求",
            old_value: None,
            new_value: Some(&what),
        };
        changelog::append(&tx, actor.at, actor.author, &entry)?;
        tx.commit()?;
        Ok(id)
    }

    /// 新增工作要求 after the last directive of a stored notice's last section.
    pub fn add_to_notice(
        &mut self,
        notice: NoticeId,
        d: &NewDirective,
        actor: &Actor,
    ) -> Result<DirectiveId> {
        validate_new(d)?;
        let tx = self.begin_write()?;
        let (section, number): (i64, String) = tx
            .query_row(
                "SELECT id, number FROM section WHERE notice_id = ?1 ORDER BY ordinal DESC LIMIT 1",
                [notice.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("找不到编号为 {} 的通知", notice.0)))?;
        let (ordinal, count): (i64, i64) = tx.query_row(
            "SELECT coalesce(max(ordinal) + 1, 0), count(*) FROM directive WHERE section_id = ?1",
            [section],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let number = free_number(&tx, section, &format!("{number}."), count + 1)?;
        let id = insert(&tx, section, ordinal, &number, d, None)?;
        let what = format!("{number} {}", d.title.trim());
        let entry = Entry {
            notice_id: Some(notice.0),
            directive_id: Some(id.0),
            field: "新增工作要求",
            old_value: None,
            new_value: Some(&what),
        };
        changelog::append(&tx, actor.at, actor.author, &entry)?;
        tx.commit()?;
        Ok(id)
    }

    /// 拆分: `id` keeps `keep_text` and everything recorded on it; `part` becomes a new directive
    /// right after it, numbered 一.2-2, with the same deadline unless given and the same lead
    /// offices unless given, each office 未反馈 on it. Returns the new directive's id.
    pub fn split_directive(
        &mut self,
        id: DirectiveId,
        keep_text: &str,
        part: &NewDirective,
        actor: &Actor,
    ) -> Result<DirectiveId> {
        let keep_text = keep_text.trim();
        if keep_text.is_empty() {
            return Err(StoreError::Invalid("拆分后原条目的内容不能为空".into()));
        }
        let tx = self.begin_write()?;
        refuse_set_aside(&tx, id)?;
        let (section, ordinal, number, old_text, deadline): (
            i64,
            i64,
            String,
            String,
            Option<chrono::NaiveDate>,
        ) = tx.query_row(
            "SELECT section_id, ordinal, number, text, deadline FROM directive WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let mut part = part.clone();
        if part.offices.iter().all(|o| o.trim().is_empty()) {
            part.offices = tx
                .prepare(
                    "SELECT o.name FROM assignment a JOIN office o ON o.id = a.office_id
                     WHERE a.directive_id = ?1 AND a.role = 'lead' ORDER BY a.ordinal",
                )?
                .query_map([id.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        part.deadline = part.deadline.or(deadline);
        validate_new(&part)?;
        open_slot(&tx, section, ordinal + 1)?;
        let new_number = free_number(&tx, section, &format!("{number}-"), 2)?;
        let new_id = insert(&tx, section, ordinal + 1, &new_number, &part, Some(id.0))?;
        if keep_text != old_text {
            tx.execute("UPDATE directive SET text = ?1 WHERE id = ?2", params![keep_text, id.0])?;
            log(&tx, actor, id, "内容", Some(&old_text), Some(keep_text))?;
        }
        log(&tx, actor, id, "拆分", None, Some(&format!("拆出 {new_number} {}", part.title.trim())))?;
        log(&tx, actor, new_id, "拆分自", None, Some(&label(&tx, id)?))?;
        tx.commit()?;
        Ok(new_id)
    }

    /// 原文 of a directive entered by hand (its notice's source text); `None` for imported ones.
    pub(super) fn source_words(&self, id: DirectiveId) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT n.source_text FROM directive d JOIN section s ON s.id = d.section_id
                 JOIN notice n ON n.id = s.notice_id WHERE d.id = ?1 AND n.source_kind <> 'notice'",
                [id.0],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// 拆分自: the directive this one was split from.
    pub(super) fn split_origin(&self, id: DirectiveId) -> Result<Option<(DirectiveId, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT o.id, o.number || ' ' || o.title FROM directive d JOIN directive o ON o.id = d.split_from
                 WHERE d.id = ?1",
                [id.0],
                |r| Ok((DirectiveId(r.get(0)?), r.get(1)?)),
            )
            .optional()?)
    }
}
