//! 接续 suggestions read from the store: the earlier directives a draft's directives may carry
//! on, found by streaming the stored directives' titles, texts and lead units past a
//! [`Suggester`] instead of loading the board. An import at 100,000 directives so holds the
//! draft and three candidates per directive, not the register (notes, tracks, evidence counts
//! are never read), and skips the text of every directive no draft unit leads.
//!
//! Why a scan and not full-text candidates: on the generated register every clause recurs in
//! thousands of directives, so the draft's rarest trigrams still match ~3,000 directives each
//! and an FTS5 `OR … ORDER BY rank` took 0.4–0.8 s per draft directive (measured on the
//! 100,000 register), slower than scoring every earlier open directive once.

use std::collections::{HashMap, HashSet};

use super::{Result, Store};
use crate::model::{Candidate, DirectiveId, NoticeDraft, NoticeInfo, Suggester, is_earlier_notice};

/// Separates the lead units' names in one column.
const UNIT_SEP: char = '\u{1f}';

impl Store {
    /// For every directive of `draft` (in notice order), the stored directives it may carry on,
    /// best first: what `model::suggest(draft, &store.load_board()?)` gives, without the board.
    pub fn suggest_continuations(&self, draft: &NoticeDraft) -> Result<Vec<Vec<Candidate>>> {
        let canonical: HashMap<String, String> = self
            .conn
            .prepare("SELECT a.alias, o.name FROM office_alias a JOIN office o ON o.id = a.office_id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let name = |n: &str| canonical.get(n).cloned().unwrap_or_else(|| n.to_owned());
        let earlier: HashSet<i64> = self
            .notice_infos()?
            .iter()
            .filter(|n| is_earlier_notice(n.issued_on, n.meeting.as_deref(), draft))
            .map(|n| n.id.0)
            .collect();
        let mut suggester = Suggester::new(draft, &name);
        let mut stmt = self.conn.prepare(
            "SELECT d.id, s.notice_id, d.title, d.text,
                    (SELECT group_concat(o.name, char(31)) FROM assignment a JOIN office o ON o.id = a.office_id
                     WHERE a.directive_id = d.id AND a.role = 'lead')
             FROM directive d JOIN section s ON s.id = d.section_id
             WHERE d.deleted_at IS NULL AND d.status <> 'closed'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if !earlier.contains(&r.get::<_, i64>(1)?) {
                continue;
            }
            let text_at = |at: usize| -> rusqlite::Result<Option<&str>> {
                r.get_ref(at)?.as_str_or_null().map_err(rusqlite::Error::from)
            };
            let units: Vec<&str> = text_at(4)?.map_or_else(Vec::new, |all| all.split(UNIT_SEP).collect());
            if !suggester.may_take(&units) {
                continue;
            }
            let (title, text) = (text_at(2)?.unwrap_or_default(), text_at(3)?.unwrap_or_default());
            suggester.consider(DirectiveId(r.get(0)?), &units, title, text);
        }
        Ok(suggester.finish())
    }

    /// A stored notice that looks like this very draft imported before (see
    /// `model::already_imported`), with how many directives it has.
    pub fn already_imported(&self, draft: &NoticeDraft) -> Result<Option<(NoticeInfo, usize)>> {
        let notices = self.notice_infos()?;
        let Some(found) = crate::model::already_imported_among(draft, &notices) else { return Ok(None) };
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM directive d JOIN section s ON s.id = d.section_id
             WHERE s.notice_id = ?1 AND d.deleted_at IS NULL",
            [found.id.0],
            |r| r.get(0),
        )?;
        Ok(Some((found.clone(), usize::try_from(count).unwrap_or(0))))
    }
}
