//! 搜索 — directives whose number, title, text or progress notes contain every word of a
//! query. Words of 3+ characters use the FTS5 trigram index; any shorter word (员工, 宿舍) makes
//! the query a LIKE scan over the same text, since trigram finds nothing below 3 characters.

use std::collections::HashSet;

use super::{Result, Store};
use crate::model::DirectiveId;

/// The words of a query: split at whitespace, empty ones dropped.
pub fn query_words(query: &str) -> Vec<&str> {
    query.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|w| !w.is_empty()).collect()
}

/// A word as an FTS5 phrase: quoted, inner quotes doubled, so no query syntax leaks in.
fn fts_phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A word as a LIKE pattern matching it anywhere, with `\` escaping % and _.
fn like_pattern(word: &str) -> String {
    let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
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
            let clause = vec!["body LIKE ? ESCAPE '\\'"; words.len()].join(" AND ");
            let mut stmt = self.conn.prepare(&format!("SELECT rowid FROM search_fts WHERE {clause}"))?;
            let patterns: Vec<String> = words.iter().map(|w| like_pattern(w)).collect();
            stmt.query_map(rusqlite::params_from_iter(patterns), |r| r.get(0).map(DirectiveId))?.collect()
        };
        Ok(Some(ids?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_split_and_quote_safely() {
        assert_eq!(query_words(" 员工　宿舍  检查 "), ["员工", "宿舍", "检查"]);
        assert_eq!(fts_phrase(r#"a"b"#), r#""a""b""#);
        assert_eq!(like_pattern("50%_x"), r"%50\%\_x%");
    }
}
