//! 搜索 — directives whose number, title, text or progress notes contain every word of a
//! query. Words of 3+ characters use the FTS5 trigram index; any shorter word (员工, 宿舍) makes
//! the query a substring scan over the same text, since trigram finds nothing below 3 characters.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::{Result, Store};
use crate::model::DirectiveId;

/// The searchable text of every directive, kept in memory for 1–2 character words (a scan in
/// Rust is several times faster than LIKE or instr() over the table). When the database
/// changed — by this connection (`total_changes`) or another one (`data_version`) — only the
/// directives the change log names since the last look are read again (an import names its
/// notice); a log that went back (a restore) reloads everything.
#[derive(Default)]
pub(super) struct TextCache(RefCell<Option<CachedTexts>>);

struct CachedTexts {
    /// (`total_changes`, `data_version`) when last brought up to date.
    key: (u64, i64),
    /// The newest change-log entry then.
    log_head: i64,
    texts: HashMap<DirectiveId, String>,
}

/// The words of a query: split at whitespace, empty ones dropped.
pub fn query_words(query: &str) -> Vec<&str> {
    query.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|w| !w.is_empty()).collect()
}

/// A word as an FTS5 phrase: quoted, inner quotes doubled, so no query syntax leaks in.
fn fts_phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

impl Store {
    /// Ids of the directives matching every word of `query`; empty query: `None` (no filter).
    pub fn search(&self, query: &str) -> Result<Option<HashSet<DirectiveId>>> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(None);
        }
        let ids: rusqlite::Result<HashSet<DirectiveId>> = if words.iter().all(|w| w.chars().count() >= 3) {
            let expr = words.iter().map(|w| fts_phrase(w)).collect::<Vec<_>>().join(" AND ");
            let mut stmt =
                self.conn.prepare_cached("SELECT rowid FROM search_fts WHERE search_fts MATCH ?1")?;
            stmt.query_map([expr], |r| r.get(0).map(DirectiveId))?.collect()
        } else {
            return self.scan_texts(&words).map(Some);
        };
        Ok(Some(ids?))
    }

    /// Directives whose text contains every word, by a scan of the in-memory texts.
    fn scan_texts(&self, words: &[&str]) -> Result<HashSet<DirectiveId>> {
        let version: i64 = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let key = (self.conn.total_changes(), version);
        let mut cache = self.texts.0.borrow_mut();
        let stale = cache.as_ref().is_none_or(|c| c.key != key);
        if stale {
            let head: i64 =
                self.conn.query_row("SELECT coalesce(max(id), 0) FROM change_log", [], |r| r.get(0))?;
            match cache.as_mut() {
                Some(c) if c.log_head <= head => {
                    self.refresh_texts(&mut c.texts, c.log_head)?;
                    c.key = key;
                    c.log_head = head;
                }
                _ => {
                    let mut stmt = self.conn.prepare("SELECT rowid, body FROM search_fts")?;
                    let rows = stmt.query_map([], |r| Ok((DirectiveId(r.get(0)?), r.get(1)?)))?;
                    let texts = rows.collect::<rusqlite::Result<_>>()?;
                    *cache = Some(CachedTexts { key, log_head: head, texts });
                }
            }
        }
        let Some(cached) = cache.as_ref() else { return Ok(HashSet::new()) };
        Ok(cached
            .texts
            .iter()
            .filter(|(_, body)| words.iter().all(|w| body.contains(w)))
            .map(|(id, _)| *id)
            .collect())
    }

    /// Reads again the texts of the directives changed after log entry `since`.
    fn refresh_texts(&self, texts: &mut HashMap<DirectiveId, String>, since: i64) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.rowid, f.body FROM search_fts f WHERE f.rowid IN (
                 SELECT directive_id FROM change_log WHERE id > ?1 AND directive_id IS NOT NULL
                 UNION
                 SELECT d.id FROM directive d JOIN section s ON s.id = d.section_id
                 WHERE s.notice_id IN (SELECT notice_id FROM change_log
                                       WHERE id > ?1 AND notice_id IS NOT NULL AND directive_id IS NULL))",
        )?;
        let rows = stmt.query_map([since], |r| Ok((DirectiveId(r.get(0)?), r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, body) = row?;
            texts.insert(id, body);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_split_and_quote_safely() {
        assert_eq!(query_words(" 员工　宿舍  检查 "), ["员工", "宿舍", "检查"]);
        assert_eq!(fts_phrase(r#"a"b"#), r#""a""b""#);
    }
}
