//! 接续 — when the next notice repeats a requirement (the same office, much the same words), its
//! directive carries on the earlier one, so the history spans meetings. This finds the earlier
//! directives a draft directive may continue; the officer confirms on the review screen.
//!
//! Similarity is the Dice coefficient of the two texts' character bigrams (Chinese has no
//! spaces; bigrams of the characters that are not punctuation work well for officialese that
//! repeats itself with small edits).

use std::collections::{HashMap, HashSet};

use super::{Board, DirectiveDraft, DirectiveId, NoticeDraft, NoticeId, Role, Status};

/// Candidates below this similarity are not offered.
pub const SUGGEST_AT: f32 = 0.3;
/// A best candidate at or above this is chosen in advance (the officer can undo it).
pub const PRESELECT_AT: f32 = 0.5;
/// At most this many candidates per directive.
const MAX_CANDIDATES: usize = 3;

/// An earlier directive a draft directive may continue.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: DirectiveId,
    /// 0.0–1.0.
    pub score: f32,
}

/// Sorted, distinct bigrams of the text's letters, digits and CJK characters.
fn bigrams(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut grams: Vec<u64> = chars.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Dice coefficient of two sorted bigram sets.
fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f32 / (a.len() + b.len()) as f32
}

/// How similar two requirement texts read, 0.0–1.0.
pub fn similarity(a: &str, b: &str) -> f32 {
    dice(&bigrams(a), &bigrams(b))
}

fn searchable(title: &str, text: &str) -> String {
    format!("{title}\n{text}")
}

/// For every directive of `draft` (in notice order), the stored directives of `board` it may
/// continue: sharing a responsible unit (aliases resolved) where both name one, similar enough,
/// not 已销号; best first.
pub fn suggest(draft: &NoticeDraft, board: &Board) -> Vec<Vec<Candidate>> {
    let canonical: HashMap<&str, &str> = board
        .aliases
        .iter()
        .filter_map(|(alias, id)| board.office(*id).map(|o| (alias.as_str(), o.name.as_str())))
        .collect();
    let name = |n: &str| canonical.get(n).copied().unwrap_or(n).to_owned();
    // Only directives of notices issued before this one, from other meetings: a notice does not
    // carry itself on (importing the same notice twice is a different matter, see `already_imported`).
    let earlier_notices: HashSet<NoticeId> = board
        .notices
        .iter()
        .filter(|n| n.issued_on < draft.issued_on && (n.meeting.is_none() || n.meeting != draft.meeting))
        .map(|n| n.id)
        .collect();
    // The draft's units: a stored directive naming none of them is no candidate for any draft
    // directive (unless one names no unit), so its bigrams are never computed.
    let draft_units: Option<HashSet<String>> = draft
        .sections
        .iter()
        .flat_map(|s| s.directives.iter().map(move |d| units_of(d, &s.offices)))
        .map(|units| (!units.is_empty()).then(|| units.into_iter().map(&name).collect::<Vec<_>>()))
        .collect::<Option<Vec<_>>>()
        .map(|all| all.into_iter().flatten().collect());
    let earlier: Vec<(DirectiveId, Vec<String>, Vec<u64>)> = board
        .directives
        .iter()
        .filter(|d| d.status != Status::Closed && earlier_notices.contains(&d.notice_id))
        .filter_map(|d| {
            let units: Vec<String> =
                d.assignments.iter().filter(|a| a.role == Role::Lead).map(|a| a.name.to_string()).collect();
            let shares =
                |wanted: &HashSet<String>| units.is_empty() || units.iter().any(|u| wanted.contains(u));
            if draft_units.as_ref().is_some_and(|wanted| !shares(wanted)) {
                return None;
            }
            let grams = bigrams(&searchable(&d.title, &d.text));
            Some((d.id, units, grams))
        })
        .collect();
    draft
        .sections
        .iter()
        .flat_map(|s| s.directives.iter().map(move |d| (s, d)))
        .map(|(section, d)| {
            let units: Vec<String> = units_of(d, &section.offices).into_iter().map(&name).collect();
            let grams = bigrams(&searchable(&d.title, &d.text));
            let mut found: Vec<Candidate> = earlier
                .iter()
                .filter(|(_, theirs, _)| {
                    units.is_empty() || theirs.is_empty() || theirs.iter().any(|u| units.contains(u))
                })
                .map(|(id, _, theirs)| Candidate { id: *id, score: dice(&grams, theirs) })
                .filter(|c| c.score >= SUGGEST_AT)
                .collect();
            found.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.id.cmp(&a.id)));
            found.truncate(MAX_CANDIDATES);
            found
        })
        .collect()
}

/// The directive's own units, or its section's.
fn units_of<'a>(d: &'a DirectiveDraft, section_offices: &'a [String]) -> Vec<&'a str> {
    let own: Vec<&str> = d.offices.iter().chain(&d.support_offices).map(String::as_str).collect();
    if own.is_empty() { section_offices.iter().map(String::as_str).collect() } else { own }
}

/// A stored notice that looks like this very draft imported before (same title, or same meeting
/// and issue date): the review screen warns.
pub fn already_imported<'a>(draft: &NoticeDraft, board: &'a Board) -> Option<&'a super::NoticeInfo> {
    let title = draft.title.trim();
    board.notices.iter().find(|n| {
        (!title.is_empty() && n.title.trim() == title)
            || (draft.meeting.is_some() && n.meeting == draft.meeting && n.issued_on == draft.issued_on)
    })
}

/// Sets each directive's `continues` to its best candidate where that is strong enough.
pub fn preselect(draft: &mut NoticeDraft, suggestions: &[Vec<Candidate>]) {
    let directives = draft.sections.iter_mut().flat_map(|s| s.directives.iter_mut());
    for (d, candidates) in directives.zip(suggestions) {
        d.continues = candidates.first().filter(|c| c.score >= PRESELECT_AT).map(|c| c.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_repeats_score_high_and_unrelated_text_low() {
        let before = "持续推进在建工地消防安全专项治理，对全省在建工地开展全覆盖检查。";
        let again = "继续推进在建工地消防安全专项治理，对全省在建工地开展全覆盖复查。";
        let other = "做好全国两会期间新闻宣传和舆情监测工作。";
        assert!(similarity(before, again) > 0.7, "{}", similarity(before, again));
        assert!(similarity(before, other) < 0.15, "{}", similarity(before, other));
        assert_eq!(similarity("", before), 0.0);
        // Punctuation and spacing do not count.
        assert_eq!(similarity("加强 检查。", "加强检查"), 1.0);
    }
}
