//! 单位名册 — offices and detachments; names a notice uses join on import. Adding an office and
//! changing its aliases by hand are logged in the change log, like the edits in `roster_edit`.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Result;
use crate::model::{OfficeGroup, OfficeId, UnitKind, classify_unit};

/// The id of the roster entry called `name`, adding it (classified by its name) when new.
pub(super) fn ensure_office(tx: &Transaction, name: &str) -> Result<OfficeId> {
    let name = name.trim();
    let known = tx
        .query_row(
            "SELECT id FROM office WHERE name = ?1
             UNION ALL SELECT office_id FROM office_alias WHERE alias = ?1 LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = known {
        return Ok(OfficeId(id));
    }
    insert_office(tx, name, classify_unit(name))
}

/// Adds `name` at the end of its kind's roster order.
fn insert_office(tx: &Transaction, name: &str, kind: UnitKind) -> Result<OfficeId> {
    let next_order: i64 = tx.query_row(
        "SELECT coalesce(max(sort_order), 0) + 1 FROM office WHERE kind = ?1",
        [kind.as_db()],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO office (name, kind, sort_order) VALUES (?1, ?2, ?3)",
        params![name, kind.as_db(), next_order],
    )?;
    Ok(OfficeId(tx.last_insert_rowid()))
}

/// Roster order: HQ offices, detachments, then collectives; each by sort order.
pub(super) const ROSTER_ORDER: &str =
    "CASE kind WHEN 'hq' THEN 0 WHEN 'detachment' THEN 1 ELSE 2 END, sort_order, id";

pub(super) fn kind_from_db(s: &str) -> UnitKind {
    UnitKind::from_db(s).unwrap_or(UnitKind::Office(OfficeGroup::Hq))
}

impl super::Store {
    /// 名册 — adds an office or detachment by hand; its name must be new (not an alias either).
    pub fn add_office(&mut self, name: &str, group: OfficeGroup, actor: &super::Actor) -> Result<OfficeId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(super::StoreError::Invalid("单位名称不能为空".into()));
        }
        let tx = self.begin_write()?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM office WHERE name = ?1) OR EXISTS (SELECT 1 FROM office_alias WHERE alias = ?1)",
            [name],
            |r| r.get(0),
        )?;
        if taken {
            return Err(super::StoreError::Invalid(format!("名册中已有“{name}”")));
        }
        let id = insert_office(&tx, name, UnitKind::Office(group))?;
        let added = format!("{name}：{}", group.label());
        super::roster_edit::log_roster(&tx, actor, "添加", None, Some(&added))?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces the aliases of `office` (names a notice may use for it), in one transaction;
    /// logged when they change.
    pub fn set_aliases(&mut self, office: OfficeId, aliases: &[String], actor: &super::Actor) -> Result<()> {
        let tx = self.begin_write()?;
        let name: String = tx
            .query_row("SELECT name FROM office WHERE id = ?1", [office.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| super::StoreError::Invalid(format!("名册中没有编号为 {office} 的单位")))?;
        let listed = |tx: &Transaction| -> Result<Vec<String>> {
            Ok(tx
                .prepare("SELECT alias FROM office_alias WHERE office_id = ?1 ORDER BY alias")?
                .query_map([office.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let before = listed(&tx)?;
        tx.execute("DELETE FROM office_alias WHERE office_id = ?1", [office.0])?;
        for alias in aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
            let clash: Option<String> = tx
                .query_row(
                    "SELECT name FROM office WHERE name = ?1 AND id <> ?2
                     UNION ALL SELECT o.name FROM office_alias a JOIN office o ON o.id = a.office_id WHERE a.alias = ?1",
                    params![alias, office.0],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(owner) = clash {
                return Err(super::StoreError::Invalid(format!("“{alias}”已是“{owner}”的名称或别名")));
            }
            tx.execute(
                "INSERT INTO office_alias (alias, office_id) VALUES (?1, ?2)",
                params![alias, office.0],
            )?;
        }
        let after = listed(&tx)?;
        if after != before {
            let show = |list: &[String]| format!("{name}：{}", list.join("、"));
            super::roster_edit::log_roster(&tx, actor, "别名", Some(&show(&before)), Some(&show(&after)))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every alias with the office it stands for, alphabetically.
    pub fn aliases(&self) -> Result<Vec<(String, OfficeId)>> {
        Ok(self
            .conn
            .prepare("SELECT alias, office_id FROM office_alias ORDER BY alias")?
            .query_map([], |r| Ok((r.get(0)?, OfficeId(r.get(1)?))))?
            .collect::<rusqlite::Result<_>>()?)
    }
}
