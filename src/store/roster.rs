//! 单位名册 — offices and detachments; names a notice uses join on import.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Result;
use crate::model::{OfficeGroup, OfficeId, UnitKind, classify_unit};

/// The id of the roster entry called `name`, adding it (classified by its name) when new.
pub(super) fn ensure_office(tx: &Transaction, name: &str) -> Result<OfficeId> {
    let name = name.trim();
    if let Some(id) =
        tx.query_row("SELECT id FROM office WHERE name = ?1", [name], |r| r.get(0)).optional()?
    {
        return Ok(OfficeId(id));
    }
    let kind = classify_unit(name);
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
