//! 排序 — a click on a table header sorts by that column, a second click reverses, a third
//! returns to the notice's own order (编号). Sorting reorders the row indices the app derives
//! from the board, once per change, not per frame.

use std::cmp::Ordering;

use super::columns::Col;
use crate::model::DirectiveRow;

/// The column the table is sorted by, and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub col: Col,
    pub descending: bool,
}

impl Sort {
    /// What a click on `col`'s header makes of `current`.
    pub fn clicked(current: Option<Sort>, col: Col) -> Option<Sort> {
        match current {
            Some(s) if s.col == col && !s.descending => Some(Sort { col, descending: true }),
            Some(s) if s.col == col => None,
            _ => Some(Sort { col, descending: false }),
        }
    }

    /// Sorts `rows` (indices into `directives`); ties keep the notice's order.
    pub fn apply(self, rows: &mut [usize], directives: &[DirectiveRow]) {
        if self.col == Col::Offices {
            // The joined names once per row, not twice per comparison (100,000 rows: millions
            // of strings built and dropped on every search keystroke).
            let mut keyed: Vec<(String, usize)> =
                rows.iter().map(|i| (directives[*i].offices_text(), *i)).collect();
            keyed.sort_by(|(x, a), (y, b)| {
                let order = if self.descending { y.cmp(x) } else { x.cmp(y) };
                order.then(a.cmp(b))
            });
            for (slot, (_, i)) in rows.iter_mut().zip(keyed) {
                *slot = i;
            }
            return;
        }
        rows.sort_by(|a, b| {
            let (x, y) = (&directives[*a], &directives[*b]);
            let order = compare(self.col, x, y);
            let order = if self.descending { order.reverse() } else { order };
            order.then(a.cmp(b))
        });
    }

    /// ▲ or ▼ after the header that sorts.
    pub fn arrow(self) -> &'static str {
        if self.descending { "▼" } else { "▲" }
    }
}

fn compare(col: Col, x: &DirectiveRow, y: &DirectiveRow) -> Ordering {
    match col {
        // The notice's order: the board's own.
        Col::Number => Ordering::Equal,
        Col::Title => x.title.cmp(&y.title),
        Col::Offices => x.offices_text().cmp(&y.offices_text()),
        // Soonest first; no deadline last.
        Col::Deadline | Col::Left | Col::DeadlineAndLeft => match (x.deadline, y.deadline) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        Col::Status => rank(x).cmp(&rank(y)),
        Col::Files => x.evidence.cmp(&y.evidence),
        // Newest note first when ascending makes little sense: oldest (most stale) first.
        Col::Latest => x.latest_on().cmp(&y.latest_on()),
    }
}

/// Status in its working order (未开始 → 推进中 → 已完成 → 已销号).
fn rank(d: &DirectiveRow) -> usize {
    crate::model::Status::ALL.iter().position(|s| *s == d.status).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_clicks_go_up_down_and_back_to_the_notice_order() {
        let once = Sort::clicked(None, Col::Deadline);
        assert_eq!(once, Some(Sort { col: Col::Deadline, descending: false }));
        let twice = Sort::clicked(once, Col::Deadline);
        assert_eq!(twice, Some(Sort { col: Col::Deadline, descending: true }));
        assert_eq!(Sort::clicked(twice, Col::Deadline), None);
        assert_eq!(Sort::clicked(twice, Col::Status), Some(Sort { col: Col::Status, descending: false }));
    }

    fn row(id: i64, offices: &[&str]) -> DirectiveRow {
        use crate::model::{Assignment, DirectiveId, NoticeId, OfficeId, classify_unit};
        let lead =
            |(k, name): (usize, &&str)| Assignment::lead(OfficeId(k as i64), name, classify_unit(name));
        DirectiveRow {
            assignments: offices.iter().enumerate().map(lead).collect(),
            ..DirectiveRow::new(DirectiveId(id), NoticeId(1), id.to_string(), "")
        }
    }

    /// By 责任单位 the names are joined once per row; the order is the joined names', ties in
    /// the notice's order, both ways.
    #[test]
    fn by_offices_sorts_by_the_joined_names_and_keeps_ties_in_order() {
        let rows = vec![
            row(0, &["新闻宣传处"]),
            row(1, &["防火监督处", "新闻宣传处"]),
            row(2, &["新闻宣传处"]),
            row(3, &["防火监督处"]),
        ];
        let mut up: Vec<usize> = (0..4).collect();
        Sort { col: Col::Offices, descending: false }.apply(&mut up, &rows);
        let mut expected: Vec<usize> = (0..4).collect();
        expected.sort_by(|a, b| rows[*a].offices_text().cmp(&rows[*b].offices_text()).then(a.cmp(b)));
        assert_eq!(up, expected);
        assert_eq!(up, [0, 2, 3, 1], "by code point: 新 before 防");
        let mut down: Vec<usize> = (0..4).collect();
        Sort { col: Col::Offices, descending: true }.apply(&mut down, &rows);
        assert_eq!(down, [1, 3, 0, 2]);
    }
}
