//! 接续 — when the next notice repeats a requirement (the same office, much the same words), its
//! directive carries on the earlier one, so the history spans meetings. This finds the earlier
//! directives a draft directive may continue; the officer confirms on the review screen.
//!
//! Similarity is the Dice coefficient of the two texts' character bigrams (Chinese has no
//! spaces; bigrams of the characters that are not punctuation work well for officialese that
//! repeats itself with small edits).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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

/// Sorted, distinct bigrams of a directive's title and text read as one (`title\ntext`: the
/// line break is no letter, so the title's last character pairs with the text's first).
fn directive_bigrams(title: &str, text: &str) -> Vec<u64> {
    let chars: Vec<char> = title.chars().chain(text.chars()).filter(|c| c.is_alphanumeric()).collect();
    let mut grams: Vec<u64> = chars.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Whether a stored notice's directives may be carried on by `draft`'s: issued before it, and
/// of another meeting (a notice does not carry itself on; importing the same notice twice is a
/// different matter, see `already_imported`).
pub fn is_earlier_notice(issued_on: chrono::NaiveDate, meeting: Option<&str>, draft: &NoticeDraft) -> bool {
    issued_on < draft.issued_on && (meeting.is_none() || meeting != draft.meeting.as_deref())
}

/// Hashes a bigram (two code points in a u64) by one multiplication: the index is looked up
/// once per bigram of every stored directive weighed, and SipHash was most of that cost.
/// Nothing here comes from an adversary who could aim collisions at it.
#[derive(Default)]
struct BigramHasher(u64);

impl Hasher for BigramHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// One draft directive's side of the comparison.
struct Wanted {
    units: Vec<String>,
    /// How many distinct bigrams it has.
    grams: usize,
    /// Best first, at most [`MAX_CANDIDATES`].
    best: Vec<Candidate>,
}

/// Finds the earlier directives each directive of a draft may continue, shown the stored
/// directives one at a time (from a board, or streamed from the store without loading the
/// board): it keeps only the best few per draft directive. The draft's bigrams are indexed, so
/// weighing a stored directive costs one look-up per bigram of its own, not a comparison with
/// every draft directive; the scores are the Dice coefficients [`similarity`] gives.
pub struct Suggester {
    wanted: Vec<Wanted>,
    /// Each bigram of the draft → the draft directives (by position) that have it.
    index: HashMap<u64, Vec<u32>, BuildHasherDefault<BigramHasher>>,
    /// Every unit the draft names (aliases resolved); `None` when some draft directive names
    /// none (then any stored directive may be its candidate).
    draft_units: Option<HashSet<String>>,
    /// Bigrams shared with each draft directive, for the directive being weighed.
    common: Vec<u32>,
}

impl Suggester {
    /// `canonical` gives a unit's roster name for an alias (防火处 → 防火监督处).
    pub fn new(draft: &NoticeDraft, canonical: &dyn Fn(&str) -> String) -> Suggester {
        let mut index: HashMap<u64, Vec<u32>, BuildHasherDefault<BigramHasher>> = HashMap::default();
        let wanted: Vec<Wanted> = draft
            .sections
            .iter()
            .flat_map(|s| s.directives.iter().map(move |d| (s, d)))
            .enumerate()
            .map(|(at, (section, d))| {
                let grams = directive_bigrams(&d.title, &d.text);
                for g in &grams {
                    index.entry(*g).or_default().push(at as u32);
                }
                Wanted {
                    units: units_of(d, &section.offices).into_iter().map(canonical).collect(),
                    grams: grams.len(),
                    best: Vec::new(),
                }
            })
            .collect();
        let draft_units = wanted
            .iter()
            .map(|w| (!w.units.is_empty()).then_some(&w.units))
            .collect::<Option<Vec<_>>>()
            .map(|all| all.into_iter().flatten().cloned().collect());
        let common = vec![0; wanted.len()];
        Suggester { wanted, index, draft_units, common }
    }

    /// Whether a stored directive led by `units` could be a candidate for any draft directive
    /// (if not, its text need not even be read).
    pub fn may_take<S: AsRef<str>>(&self, units: &[S]) -> bool {
        units.is_empty()
            || self
                .draft_units
                .as_ref()
                .is_none_or(|wanted| units.iter().any(|u| wanted.contains(u.as_ref())))
    }

    /// Weighs a stored directive — of an earlier notice, not 已销号, led by `units` — against
    /// every draft directive.
    pub fn consider<S: AsRef<str>>(&mut self, id: DirectiveId, units: &[S], title: &str, text: &str) {
        if !self.may_take(units) {
            return;
        }
        let theirs = directive_bigrams(title, text);
        self.common.iter_mut().for_each(|c| *c = 0);
        for g in &theirs {
            for at in self.index.get(g).into_iter().flatten() {
                self.common[*at as usize] += 1;
            }
        }
        for (w, &common) in self.wanted.iter_mut().zip(&self.common) {
            if common == 0 {
                continue;
            }
            // As `dice` computes it.
            let score = (2 * common as usize) as f32 / (w.grams + theirs.len()) as f32;
            if score < SUGGEST_AT {
                continue;
            }
            let shares = w.units.is_empty()
                || units.is_empty()
                || units.iter().any(|u| w.units.iter().any(|mine| mine == u.as_ref()));
            if !shares {
                continue;
            }
            w.best.push(Candidate { id, score });
            w.best.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.id.cmp(&a.id)));
            w.best.truncate(MAX_CANDIDATES);
        }
    }

    /// For every draft directive (in notice order), its candidates, best first.
    pub fn finish(self) -> Vec<Vec<Candidate>> {
        self.wanted.into_iter().map(|w| w.best).collect()
    }
}

/// For every directive of `draft` (in notice order), the stored directives of `board` it may
/// continue: sharing a responsible unit (aliases resolved) where both name one, similar enough,
/// not 已销号; best first. (`Store::suggest_continuations` finds the same without a board.)
pub fn suggest(draft: &NoticeDraft, board: &Board) -> Vec<Vec<Candidate>> {
    let canonical: HashMap<&str, &str> = board
        .aliases
        .iter()
        .filter_map(|(alias, id)| board.office(*id).map(|o| (alias.as_str(), o.name.as_str())))
        .collect();
    let name = |n: &str| canonical.get(n).copied().unwrap_or(n).to_owned();
    let earlier_notices: HashSet<NoticeId> = board
        .notices
        .iter()
        .filter(|n| is_earlier_notice(n.issued_on, n.meeting.as_deref(), draft))
        .map(|n| n.id)
        .collect();
    let mut suggester = Suggester::new(draft, &name);
    for d in board
        .directives
        .iter()
        .filter(|d| d.status != Status::Closed && earlier_notices.contains(&d.notice_id))
    {
        let units: Vec<&str> =
            d.assignments.iter().filter(|a| a.role == Role::Lead).map(|a| a.name.as_ref()).collect();
        suggester.consider(d.id, &units, &d.title, &d.text);
    }
    suggester.finish()
}

/// The directive's own units, or its section's.
fn units_of<'a>(d: &'a DirectiveDraft, section_offices: &'a [String]) -> Vec<&'a str> {
    let own: Vec<&str> = d.offices.iter().chain(&d.support_offices).map(String::as_str).collect();
    if own.is_empty() { section_offices.iter().map(String::as_str).collect() } else { own }
}

/// A stored notice that looks like this very draft imported before (same title, or same meeting
/// and issue date): the review screen warns.
pub fn already_imported<'a>(draft: &NoticeDraft, board: &'a Board) -> Option<&'a super::NoticeInfo> {
    already_imported_among(draft, &board.notices)
}

/// [`already_imported`] among `notices`.
pub fn already_imported_among<'a>(
    draft: &NoticeDraft,
    notices: &'a [super::NoticeInfo],
) -> Option<&'a super::NoticeInfo> {
    let title = draft.title.trim();
    notices.iter().find(|n| {
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

    #[test]
    fn the_indexed_scores_are_the_dice_coefficients() {
        let texts = [
            "持续推进在建工地消防安全专项治理，对全省在建工地开展全覆盖检查。",
            "继续推进在建工地消防安全专项治理，对全省在建工地开展全覆盖复查。",
            "在建工地消防安全专项治理",
            "做好全国两会期间新闻宣传和舆情监测工作。",
        ];
        let directive = |text: &str| DirectiveDraft {
            number: "一.1".into(),
            title: "治理".into(),
            text: text.into(),
            offices: Vec::new(),
            support_offices: Vec::new(),
            deadline: Default::default(),
            units_phrase: None,
            context: None,
            continues: None,
        };
        let draft = NoticeDraft {
            title: "通知".into(),
            issuer: None,
            recipients: Vec::new(),
            meeting: None,
            doc_number: None,
            issued_on: chrono::NaiveDate::from_ymd_opt(2022, 3, 23).unwrap(),
            preamble: String::new(),
            closing: String::new(),
            sections: vec![super::super::SectionDraft {
                number: "一".into(),
                title: "一".into(),
                text: String::new(),
                offices: Vec::new(),
                directives: texts.iter().map(|t| directive(t)).collect(),
            }],
        };
        let mut s = Suggester::new(&draft, &|n: &str| n.to_owned());
        for (i, text) in texts.iter().enumerate() {
            s.consider(DirectiveId(i as i64 + 1), &[] as &[&str], "治理", text);
        }
        for (mine, found) in texts.iter().zip(s.finish()) {
            let mut expected: Vec<Candidate> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Candidate {
                    id: DirectiveId(i as i64 + 1),
                    score: similarity(&format!("治理\n{mine}"), &format!("治理\n{t}")),
                })
                .filter(|c| c.score >= SUGGEST_AT)
                .collect();
            expected.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.id.cmp(&a.id)));
            expected.truncate(MAX_CANDIDATES);
            assert_eq!(found, expected, "{mine}");
            assert_eq!(found[0].score, 1.0, "a text is its own best match");
        }
    }
}
