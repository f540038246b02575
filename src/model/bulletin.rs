//! 督查通报 — the monthly or quarterly bulletin's content, pure: every office's figures as of
//! the period's last day (the board handed in must hold the records dated up to that day only,
//! see `Store::load_board_as_of`), totals, the offices with everything on time (表扬), the items
//! overdue that day (点名), the work deployed at three or more meetings in a row (接续 chains)
//! with no feedback since it was last deployed (反复部署未落实) with its wording meeting by
//! meeting, and, only when asked, the offices ranked by 按期办结率.

use chrono::NaiveDate;

use super::{Board, DirectiveId, DirectiveRow, OfficeFigures, Role, Status, office_figures};

/// 通报期间 — a calendar month or quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinSpan {
    /// 2022年3月 / 2022年第一季度
    pub label: String,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

impl BulletinSpan {
    pub fn month(year: i32, month: u32) -> Option<BulletinSpan> {
        let starts = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        Some(BulletinSpan { label: format!("{year}年{month}月"), starts, ends: next?.pred_opt()? })
    }

    pub fn quarter(year: i32, quarter: u32) -> Option<BulletinSpan> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let starts = NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?;
        let ends = BulletinSpan::month(year, quarter * 3)?.ends;
        let name = ["一", "二", "三", "四"][quarter as usize - 1];
        Some(BulletinSpan { label: format!("{year}年第{name}季度"), starts, ends })
    }
}

/// An overdue item named in the bulletin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueEntry {
    pub directive: DirectiveId,
    pub number: String,
    pub title: String,
    pub office: String,
    pub deadline: NaiveDate,
    /// Days past the approved deadline on the period's last day.
    pub days: i64,
}

/// One deployment of repeated work: the meeting and the words used there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    pub meeting: String,
    pub number: String,
    pub text: String,
}

/// 反复部署未落实 — work deployed at three or more meetings, still open, no feedback since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedEntry {
    pub directive: DirectiveId,
    /// The newest deployment's title.
    pub title: String,
    /// The lead offices still open on it.
    pub offices: Vec<String>,
    /// Oldest first.
    pub deployments: Vec<Deployment>,
    /// The newest feedback of those offices, if any (before the last deployment).
    pub last_feedback: Option<NaiveDate>,
}

/// Everything the bulletin says.
#[derive(Debug, Clone, PartialEq)]
pub struct Bulletin {
    pub span: BulletinSpan,
    /// 截至期末 — each office's figures on the span's last day, in roster order.
    pub offices: Vec<OfficeFigures>,
    /// The column sums (rate and mean over all offices' items).
    pub totals: OfficeFigures,
    /// 本期新交办 — lead assignments of notices issued within the span.
    pub new_assigned: usize,
    /// 表扬 — offices with something due, all of it finished on time, nothing late or missed.
    pub praised: Vec<String>,
    pub overdue: Vec<OverdueEntry>,
    pub repeated: Vec<RepeatedEntry>,
    /// 排名 (only when switched on): office and 按期办结率, best first.
    pub ranking: Option<Vec<(String, String)>>,
}

/// How many meetings a piece of work must have been deployed at to be 反复部署.
pub const REPEATED_AT: usize = 3;

fn totals(figures: &[OfficeFigures], board: &Board, ends: NaiveDate) -> OfficeFigures {
    let mut t = OfficeFigures::new(super::OfficeId(0), "合计");
    let mut day_sum = 0.0;
    let mut day_n = 0usize;
    for f in figures {
        t.assigned += f.assigned;
        t.finished += f.finished;
        t.due += f.due;
        t.on_time += f.on_time;
        t.unreported += f.unreported;
        t.late_unreported += f.late_unreported;
        t.missed_periods += f.missed_periods;
        t.extensions += f.extensions;
        t.returns += f.returns;
        if let Some(avg) = f.avg_days {
            // The office's mean over its finished items with a day: weight it back.
            let n = finished_with_day(board, f.office, ends);
            day_sum += avg * n as f64;
            day_n += n;
        }
    }
    t.on_time_rate = (t.due > 0).then(|| t.on_time as f64 / t.due as f64);
    t.avg_days = (day_n > 0).then(|| day_sum / day_n as f64);
    t
}

/// Finished lead items of `office` with a completion day on or before `ends` (the mean's count).
fn finished_with_day(board: &Board, office: super::OfficeId, ends: NaiveDate) -> usize {
    let issued = |d: &DirectiveRow| board.notice(d.notice_id).is_some_and(|n| n.issued_on <= ends);
    board
        .directives
        .iter()
        .filter(|d| issued(d))
        .flat_map(|d| d.assignments.iter())
        .filter(|a| a.office == office && a.role == Role::Lead && a.track.is_finished())
        .filter(|a| a.track.finished_on.is_some_and(|on| on <= ends))
        .count()
}

impl Bulletin {
    /// The bulletin for `span` from `board` (records up to `span.ends`).
    pub fn build(board: &Board, span: BulletinSpan, cadence: Option<i64>, rank: bool) -> Bulletin {
        let ends = span.ends;
        let offices = office_figures(board, ends, cadence);
        let totals = totals(&offices, board, ends);
        let issued = |d: &DirectiveRow| board.notice(d.notice_id).map(|n| n.issued_on);
        let live = |d: &&DirectiveRow| issued(d).is_some_and(|on| on <= ends) && d.status != Status::Closed;
        let new_assigned = board
            .directives
            .iter()
            .filter(|d| issued(d).is_some_and(|on| span.starts <= on && on <= ends))
            .map(|d| d.assignments.iter().filter(|a| a.role == Role::Lead).count())
            .sum();
        let mut overdue: Vec<OverdueEntry> = Vec::new();
        for d in board.directives.iter().filter(live) {
            for a in d.assignments.iter().filter(|a| a.role == Role::Lead && a.track.is_overdue(ends)) {
                let Some(deadline) = a.track.deadline else { continue };
                overdue.push(OverdueEntry {
                    directive: d.id,
                    number: d.number.clone(),
                    title: d.title.clone(),
                    office: a.name.to_string(),
                    deadline,
                    days: (ends - deadline).num_days(),
                });
            }
        }
        overdue.sort_by(|a, b| b.days.cmp(&a.days).then(a.number.cmp(&b.number)));
        let praised = offices
            .iter()
            .filter(|f| f.due > 0 && f.on_time == f.due && f.late_unreported == 0 && f.missed_periods == 0)
            .filter(|f| !overdue.iter().any(|o| o.office == f.name))
            .map(|f| f.name.clone())
            .collect();
        let ranking = rank.then(|| {
            let mut by_rate: Vec<&OfficeFigures> = offices.iter().filter(|f| f.due > 0).collect();
            by_rate.sort_by(|a, b| {
                let rate = |f: &OfficeFigures| f.on_time_rate.unwrap_or(-1.0);
                rate(b)
                    .total_cmp(&rate(a))
                    .then(a.avg_days.unwrap_or(f64::MAX).total_cmp(&b.avg_days.unwrap_or(f64::MAX)))
            });
            by_rate.into_iter().map(|f| (f.name.clone(), f.rate_text())).collect()
        });
        let repeated = repeated(board, ends);
        Bulletin { span, offices, totals, new_assigned, praised, overdue, repeated, ranking }
    }
}

/// 反复部署未落实 as of `ends`: the newest link of each 接续 chain of at least
/// [`REPEATED_AT`] meetings, open, whose open lead offices have sent no feedback since its
/// notice (the last time it was deployed).
fn repeated(board: &Board, ends: NaiveDate) -> Vec<RepeatedEntry> {
    let issued = |d: &DirectiveRow| board.notice(d.notice_id).map(|n| n.issued_on);
    let known = |d: &DirectiveRow| issued(d).is_some_and(|on| on <= ends);
    let by_id: std::collections::HashMap<DirectiveId, &DirectiveRow> =
        board.directives.iter().filter(|d| known(d)).map(|d| (d.id, d)).collect();
    let continued: std::collections::HashSet<DirectiveId> =
        by_id.values().filter_map(|d| d.continues).collect();
    let mut out = Vec::new();
    for d in by_id.values().filter(|d| !continued.contains(&d.id) && d.status != Status::Closed) {
        let mut chain = vec![*d];
        while let Some(prev) = chain.last().and_then(|c| c.continues).and_then(|id| by_id.get(&id)) {
            if chain.iter().any(|c| c.id == prev.id) || chain.len() > 50 {
                break;
            }
            chain.push(prev);
        }
        if chain.len() < REPEATED_AT {
            continue;
        }
        let Some(deployed) = issued(d) else { continue };
        let open: Vec<_> =
            d.assignments.iter().filter(|a| a.role == Role::Lead && !a.track.is_finished()).collect();
        if open.is_empty() || open.iter().any(|a| a.track.last_feedback.is_some_and(|f| f >= deployed)) {
            continue;
        }
        let deployments = chain
            .iter()
            .rev()
            .map(|c| Deployment {
                meeting: board.notice(c.notice_id).map_or_else(String::new, |n| n.label().to_owned()),
                number: c.number.clone(),
                text: c.text.clone(),
            })
            .collect();
        out.push(RepeatedEntry {
            directive: d.id,
            title: d.title.clone(),
            offices: open.iter().map(|a| a.name.to_string()).collect(),
            deployments,
            last_feedback: open.iter().filter_map(|a| a.track.last_feedback).max(),
        });
    }
    out.sort_by_key(|e| (std::cmp::Reverse(e.deployments.len()), e.directive));
    out
}

#[cfg(test)]
#[path = "bulletin_tests.rs"]
mod tests;
