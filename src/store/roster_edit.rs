//! 名册维护 — renaming an office (its old name stays as an alias, so notices that use it still
//! land), moving it between 机关处室 and 支队, merging a duplicate into the office it really is,
//! and removing one no directive names. Each is one transaction that also appends to the
//! change log (field `名册·…`, no directive: the roster is not any one directive's).

use rusqlite::{OptionalExtension, Transaction, params};

use super::changelog::{self, Entry};
use super::{Actor, Result, Store, StoreError};
use crate::model::{OfficeGroup, OfficeId, UnitKind};

/// Appends a roster change to the change log inside `tx`.
pub(super) fn log_roster(
    tx: &Transaction,
    actor: &Actor,
    what: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    let field = format!("名册·{what}");
    let entry = Entry { notice_id: None, directive_id: None, field: &field, old_value: old, new_value: new };
    changelog::append(tx, actor.at, actor.author, &entry)
}

fn group_label(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Office(group) => group.label(),
        _ => "统称",
    }
}

fn name_of(tx: &Transaction, office: OfficeId) -> Result<(String, UnitKind)> {
    tx.query_row("SELECT name, kind FROM office WHERE id = ?1", [office.0], |r| {
        Ok((r.get::<_, String>(0)?, super::roster::kind_from_db(&r.get::<_, String>(1)?)))
    })
    .optional()?
    .ok_or_else(|| StoreError::Invalid(format!("名册中没有编号为 {office} 的单位")))
}

/// Refuses a name another office (or alias of another office) already has.
fn ensure_free(tx: &Transaction, name: &str, except: OfficeId) -> Result<()> {
    let owner: Option<String> = tx
        .query_row(
            "SELECT name FROM office WHERE name = ?1 AND id <> ?2
             UNION ALL SELECT o.name FROM office_alias a JOIN office o ON o.id = a.office_id
                       WHERE a.alias = ?1 AND a.office_id <> ?2",
            params![name, except.0],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(owner) => Err(StoreError::Invalid(format!("“{name}”已是“{owner}”的名称或别名"))),
        None => Ok(()),
    }
}

impl Store {
    /// Renames `office`; the old name becomes one of its aliases.
    pub fn rename_office(&mut self, office: OfficeId, new_name: &str, actor: &Actor) -> Result<()> {
        let new_name = new_name.trim();
        if new_name.is_empty() {
            return Err(StoreError::Invalid("单位名称不能为空".into()));
        }
        let tx = self.begin_write()?;
        let (old, _) = name_of(&tx, office)?;
        if old == new_name {
            return Ok(());
        }
        ensure_free(&tx, new_name, office)?;
        tx.execute("DELETE FROM office_alias WHERE alias = ?1", [new_name])?;
        tx.execute("UPDATE office SET name = ?1 WHERE id = ?2", params![new_name, office.0])?;
        tx.execute("INSERT INTO office_alias (alias, office_id) VALUES (?1, ?2)", params![old, office.0])?;
        log_roster(&tx, actor, "改名", Some(&old), Some(new_name))?;
        tx.commit()?;
        Ok(())
    }

    /// Moves `office` to 机关处室 or 支队 (collectives such as 各支队 cannot move).
    pub fn set_office_group(&mut self, office: OfficeId, group: OfficeGroup, actor: &Actor) -> Result<()> {
        let tx = self.begin_write()?;
        let (name, kind) = name_of(&tx, office)?;
        if !matches!(kind, UnitKind::Office(_)) {
            return Err(StoreError::Invalid(format!("“{name}”是统称，不能移动")));
        }
        let before = kind;
        let kind = UnitKind::Office(group);
        if before == kind {
            return Ok(());
        }
        let order: i64 = tx.query_row(
            "SELECT coalesce(max(sort_order), 0) + 1 FROM office WHERE kind = ?1",
            [kind.as_db()],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE office SET kind = ?1, sort_order = ?2 WHERE id = ?3",
            params![kind.as_db(), order, office.0],
        )?;
        let (old, new) =
            (format!("{name}：{}", group_label(before)), format!("{name}：{}", group_label(kind)));
        log_roster(&tx, actor, "移动", Some(&old), Some(&new))?;
        tx.commit()?;
        Ok(())
    }

    /// Merges the duplicate `from` into `into`: its directives, roles and aliases move over (a
    /// directive naming both keeps one assignment, as lead if either was), its name becomes an
    /// alias of `into`, and `from` leaves the roster.
    pub fn merge_office(&mut self, from: OfficeId, into: OfficeId, actor: &Actor) -> Result<()> {
        if from == into {
            return Err(StoreError::Invalid("不能并入自身".into()));
        }
        let tx = self.begin_write()?;
        let (from_name, _) = name_of(&tx, from)?;
        let (into_name, _) = name_of(&tx, into)?;
        tx.execute(
            "INSERT INTO assignment (directive_id, office_id, role, ordinal)
             SELECT directive_id, ?2, role, ordinal FROM assignment WHERE office_id = ?1 AND true
             ON CONFLICT (directive_id, office_id) DO UPDATE
                SET role = CASE WHEN excluded.role = 'lead' THEN 'lead' ELSE role END",
            params![from.0, into.0],
        )?;
        super::loop_links::move_records(&tx, from, into)?;
        tx.execute("DELETE FROM assignment WHERE office_id = ?1", [from.0])?;
        tx.execute("UPDATE office_alias SET office_id = ?2 WHERE office_id = ?1", params![from.0, into.0])?;
        tx.execute("DELETE FROM office WHERE id = ?1", [from.0])?;
        tx.execute(
            "INSERT INTO office_alias (alias, office_id) VALUES (?1, ?2)",
            params![from_name, into.0],
        )?;
        log_roster(&tx, actor, "并入", Some(&from_name), Some(&format!("并入{into_name}")))?;
        tx.commit()?;
        Ok(())
    }

    /// Removes `office` from the roster; refused while a directive names it.
    pub fn remove_office(&mut self, office: OfficeId, actor: &Actor) -> Result<()> {
        let tx = self.begin_write()?;
        let (name, _) = name_of(&tx, office)?;
        let used: i64 =
            tx.query_row("SELECT count(*) FROM assignment WHERE office_id = ?1", [office.0], |r| r.get(0))?;
        if used > 0 {
            return Err(StoreError::Invalid(format!(
                "“{name}”仍负责 {used} 条工作要求，不能删除；如是重复的单位，请用“并入”"
            )));
        }
        tx.execute("DELETE FROM office_alias WHERE office_id = ?1", [office.0])?;
        tx.execute("DELETE FROM office WHERE id = ?1", [office.0])?;
        log_roster(&tx, actor, "删除", Some(&name), None)?;
        tx.commit()?;
        Ok(())
    }
}
