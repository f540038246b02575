//! Reads evidence rows: per directive, the 回收站, counts for the board, hashes for `check`.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};
use crate::model::{DirectiveId, Evidence, EvidenceId, PhotoMeta};

const EVIDENCE_SELECT: &str = "SELECT id, directive_id, progress_id, hash, original_name, size, media_type,
        added_at, added_by, caption, exif_taken_at, exif_lat, exif_lon, trashed_at, feedback_id FROM evidence";

fn evidence_row(r: &rusqlite::Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        id: EvidenceId(r.get(0)?),
        directive: DirectiveId(r.get(1)?),
        note: r.get::<_, Option<i64>>(2)?.map(crate::model::NoteId),
        hash: r.get(3)?,
        original_name: r.get(4)?,
        size: r.get::<_, i64>(5)?.max(0) as u64,
        media_type: r.get(6)?,
        added_at: r.get(7)?,
        added_by: r.get(8)?,
        caption: r.get(9)?,
        photo: PhotoMeta { taken_at: r.get(10)?, lat: r.get(11)?, lon: r.get(12)? },
        trashed_at: r.get(13)?,
        feedback: r.get(14)?,
    })
}

impl Store {
    /// Whether a directive with this id is stored.
    pub fn directive_exists(&self, id: DirectiveId) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM directive WHERE id = ?1)", [id.0], |r| r.get(0))?)
    }

    /// The files attached to a directive (not in the 回收站), oldest first.
    pub fn evidence_for(&self, directive: DirectiveId) -> Result<Vec<Evidence>> {
        let sql =
            format!("{EVIDENCE_SELECT} WHERE directive_id = ?1 AND trashed_at IS NULL ORDER BY added_at, id");
        Ok(self
            .conn
            .prepare(&sql)?
            .query_map([directive.0], evidence_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The 回收站: every trashed file, most recently trashed first.
    pub fn evidence_trash(&self) -> Result<Vec<Evidence>> {
        let sql = format!("{EVIDENCE_SELECT} WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id DESC");
        Ok(self.conn.prepare(&sql)?.query_map(params![], evidence_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// One evidence row, trashed or not.
    pub fn evidence(&self, id: EvidenceId) -> Result<Evidence> {
        self.conn
            .query_row(&format!("{EVIDENCE_SELECT} WHERE id = ?1"), [id.0], evidence_row)
            .optional()?
            .ok_or(StoreError::EvidenceNotFound(id))
    }

    /// Files per directive, the 回收站 excluded (one grouped query).
    /// 佐证 per directive: files (the 回收站 excluded) dated on or after the notice's issue day —
    /// a photo by its EXIF time, any other file by the day it was added (`Evidence::dated_on`).
    pub fn evidence_after_notice(&self, only: Option<DirectiveId>) -> Result<HashMap<DirectiveId, u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.directive_id, count(*) FROM evidence e
             JOIN directive d ON d.id = e.directive_id JOIN section s ON s.id = d.section_id
             JOIN notice n ON n.id = s.notice_id
             WHERE e.trashed_at IS NULL AND (?1 IS NULL OR e.directive_id = ?1)
               AND substr(coalesce(e.exif_taken_at, e.added_at), 1, 10) >= n.issued_on
             GROUP BY e.directive_id",
        )?;
        let counts =
            stmt.query_map([only.map(|d| d.0)], |r| Ok((DirectiveId(r.get(0)?), r.get::<_, u32>(1)?)))?;
        Ok(counts.collect::<rusqlite::Result<_>>()?)
    }

    pub fn evidence_counts(&self) -> Result<HashMap<DirectiveId, u32>> {
        let mut stmt = self.conn.prepare(
            "SELECT directive_id, count(*) FROM evidence WHERE trashed_at IS NULL GROUP BY directive_id",
        )?;
        let counts = stmt.query_map([], |r| Ok((DirectiveId(r.get(0)?), r.get::<_, u32>(1)?)))?;
        Ok(counts.collect::<rusqlite::Result<_>>()?)
    }

    /// Every hash a row points to (trashed rows too: their blob must stay), with the file
    /// names it was attached under, for `check`'s report.
    pub fn evidence_hashes(&self) -> Result<BTreeMap<String, Vec<String>>> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut stmt = self.conn.prepare("SELECT hash, original_name FROM evidence ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let names = map.entry(r.get(0)?).or_default();
            let name: String = r.get(1)?;
            if !names.contains(&name) {
                names.push(name);
            }
        }
        Ok(map)
    }
}
