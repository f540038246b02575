//! 单位索引 — which directives concern each roster office, and which roster offices each
//! directive concerns, worked out once per board. "Concerns" is [`DirectiveRow::concerns`]:
//! named directly, or through a collective that covers the office's group (各处室 concerns every
//! HQ office). The sidebar counts, 总览 and an office's table used to ask `concerns` of every
//! directive once per office — 30 offices × 100,000 directives on every change; with the index
//! each directive is looked at once and each office reads its own list.

use std::collections::HashMap;

use super::{Board, DirectiveRow, OfficeGroup, OfficeId};

/// Both directions of "directive concerns office", by position: directives by their index in
/// `board.directives`, offices by their index in `board.offices`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfficeIndex {
    /// Roster position of each office id.
    position: HashMap<OfficeId, usize>,
    /// Where each directive's offices start in `offices` (one more entry than directives).
    starts: Vec<u32>,
    /// The roster positions each directive concerns, directive after directive.
    offices: Vec<u32>,
    /// The directives (indices) each roster office is concerned by, in board order.
    directives: Vec<Vec<u32>>,
}

impl OfficeIndex {
    pub fn build(board: &Board) -> OfficeIndex {
        let position: HashMap<OfficeId, usize> =
            board.offices.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
        let members = |g: OfficeGroup| -> Vec<u32> {
            board
                .offices
                .iter()
                .enumerate()
                .filter(|(_, o)| o.group() == Some(g))
                .map(|(i, _)| i as u32)
                .collect()
        };
        let (hq, detachments) = (members(OfficeGroup::Hq), members(OfficeGroup::Detachment));
        let mut starts = Vec::with_capacity(board.directives.len() + 1);
        let mut offices: Vec<u32> = Vec::with_capacity(board.directives.len() * 2);
        let mut directives: Vec<Vec<u32>> = vec![Vec::new(); board.offices.len()];
        for (i, d) in board.directives.iter().enumerate() {
            let start = offices.len();
            starts.push(start as u32);
            for a in &d.assignments {
                if let Some(p) = position.get(&a.office) {
                    offices.push(*p as u32);
                }
                for (g, list) in [(OfficeGroup::Hq, &hq), (OfficeGroup::Detachment, &detachments)] {
                    if a.kind.covers_group(g) {
                        offices.extend_from_slice(list);
                    }
                }
            }
            let mine = &mut offices[start..];
            mine.sort_unstable();
            let kept = dedup_sorted(mine);
            offices.truncate(start + kept);
            for p in &offices[start..] {
                directives[*p as usize].push(i as u32);
            }
        }
        starts.push(offices.len() as u32);
        OfficeIndex { position, starts, offices, directives }
    }

    /// Roster positions (indices into `board.offices`) the directive at `i` concerns, ascending.
    pub fn offices_of(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(a), Some(b)) => &self.offices[*a as usize..*b as usize],
            _ => &[],
        }
    }

    /// Indices of the directives that concern the office at roster position `p`, in board order.
    pub fn directives_of(&self, p: usize) -> &[u32] {
        self.directives.get(p).map_or(&[], Vec::as_slice)
    }

    /// The roster position of `office`.
    pub fn position(&self, office: OfficeId) -> Option<usize> {
        self.position.get(&office).copied()
    }

    /// Whether the index was built for a board of this shape (same roster, same directives'
    /// offices): a row replaced with the same units keeps it.
    pub fn still_fits(&self, i: usize, old: &DirectiveRow, new: &DirectiveRow) -> bool {
        i + 1 < self.starts.len()
            && old.assignments.len() == new.assignments.len()
            && old
                .assignments
                .iter()
                .zip(&new.assignments)
                .all(|(a, b)| a.office == b.office && a.kind == b.kind)
    }
}

/// Moves the distinct values of the sorted `xs` to its front; returns how many there are.
fn dedup_sorted(xs: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..xs.len() {
        if kept == 0 || xs[i] != xs[kept - 1] {
            xs[kept] = xs[i];
            kept += 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assignment, NoticeId, Office, classify_unit};
    use crate::model::{BoardFilter, DirectiveId};

    fn office(id: i64, name: &str) -> Office {
        Office { id: OfficeId(id), name: name.into(), kind: classify_unit(name) }
    }

    fn row(id: i64, units: &[&Office]) -> DirectiveRow {
        DirectiveRow {
            assignments: units.iter().map(|o| Assignment::lead(o.id, &o.name, o.kind)).collect(),
            ..DirectiveRow::new(DirectiveId(id), NoticeId(1), format!("一.{id}"), "t")
        }
    }

    /// The index answers exactly what `concerns` answers, for every office and directive
    /// (collectives, an office named twice, a collective office itself).
    #[test]
    fn the_index_agrees_with_concerns() {
        let fire = office(1, "防火监督处");
        let news = office(2, "新闻宣传处");
        let shenyang = office(3, "沈阳支队");
        let all_hq = office(4, "各处室");
        let all_units = office(5, "各单位");
        let all_det = office(6, "各支队");
        let board = Board {
            offices: vec![
                fire.clone(),
                news.clone(),
                shenyang.clone(),
                all_hq.clone(),
                all_units.clone(),
                all_det.clone(),
            ],
            directives: vec![
                row(1, &[&fire]),
                row(2, &[&all_hq, &fire]),
                row(3, &[&shenyang, &news]),
                row(4, &[&all_units]),
                row(5, &[&all_det]),
                row(6, &[]),
            ],
            ..Board::default()
        };
        let index = OfficeIndex::build(&board);
        for (p, o) in board.offices.iter().enumerate() {
            let expected: Vec<u32> = (0..board.directives.len())
                .filter(|i| board.directives[*i].concerns(o))
                .map(|i| i as u32)
                .collect();
            assert_eq!(index.directives_of(p), expected.as_slice(), "{}", o.name);
            let filtered = board.filtered(BoardFilter::Office(o.id), chrono::NaiveDate::MIN, 3);
            assert_eq!(filtered, expected.iter().map(|i| *i as usize).collect::<Vec<_>>(), "{}", o.name);
        }
        for (i, d) in board.directives.iter().enumerate() {
            let expected: Vec<u32> = (0..board.offices.len())
                .filter(|p| d.concerns(&board.offices[*p]))
                .map(|p| p as u32)
                .collect();
            assert_eq!(index.offices_of(i), expected.as_slice(), "directive {i}");
        }
        assert_eq!(index.position(OfficeId(3)), Some(2));
        assert_eq!(index.position(OfficeId(99)), None);
        assert!(index.offices_of(99).is_empty());
    }
}
