//! 报送期次 — a recurring directive's plan (its rule, edited over time, and its end) and, per
//! office, the periods it makes with whether each was received. Periods are computed from the
//! plan (so they exist ahead of time without a job to create them); what is stored is the plan's
//! versions and each receipt (store/periods.rs). Editing the rule adds a version that applies
//! from a day on: periods due before that day keep the old rule, later ones follow the new.

use chrono::{Days, NaiveDate};

use super::{Assignment, DirectiveRow, PeriodSpan, Role, Rule};

/// One version of a directive's rule, in force for periods due on or after `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleVersion {
    pub from: NaiveDate,
    pub rule: Rule,
}

/// 周期报送 — a directive's recurring reporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// Oldest first; the first one's `from` is when reporting starts (the notice's issue date).
    pub versions: Vec<RuleVersion>,
    /// 报送截止 — no period is due after it (an end date set by the officer, or the day the
    /// directive was 销号).
    pub ends_on: Option<NaiveDate>,
}

/// One period of one office, as lists and figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodItem {
    pub rule: Rule,
    pub span: PeriodSpan,
    /// 报送日期 — the date of the feedback that answered it.
    pub received_on: Option<NaiveDate>,
}

impl PeriodItem {
    /// 2022年3月
    pub fn label(&self) -> String {
        self.rule.period_label(self.span.due)
    }

    /// 2022-03
    pub fn key(&self) -> String {
        self.rule.period_key(self.span.due)
    }

    /// 未报 on `day`: due before it and not received by then.
    pub fn missed(&self, day: NaiveDate) -> bool {
        self.span.due < day && self.received_on.is_none_or(|r| r > day)
    }
}

impl Recurrence {
    /// The periods due on or before `until` (and before the end), oldest first, with the rule
    /// each follows.
    pub fn periods(&self, until: NaiveDate) -> Vec<(Rule, PeriodSpan)> {
        let until = self.ends_on.map_or(until, |e| e.min(until));
        let mut out: Vec<(Rule, PeriodSpan)> = Vec::new();
        let Some(first) = self.versions.first() else { return out };
        // The first window opens on the start day, and nothing is due on the start day itself.
        let (mut window_start, mut due_after) = (first.from, first.from);
        for (i, v) in self.versions.iter().enumerate() {
            // A version rules the periods due from its day to the day before the next version's.
            let last_day = match self.versions.get(i + 1) {
                Some(next) => next.from.pred_opt().unwrap_or(next.from).min(until),
                None => until,
            };
            if i > 0 {
                due_after = due_after.max(v.from.pred_opt().unwrap_or(v.from));
            }
            let spans = v.rule.periods(window_start, due_after, last_day);
            if let Some(last) = spans.last() {
                window_start = last.due.succ_opt().unwrap_or(last.due);
                due_after = last.due;
            }
            out.extend(spans.into_iter().map(|s| (v.rule, s)));
        }
        out
    }

    /// The periods up to `today` and the next one ahead (the one open on `today`), oldest first.
    pub fn periods_through(&self, today: NaiveDate) -> Vec<(Rule, PeriodSpan)> {
        let rule = self.versions.last().map(|v| v.rule);
        let ahead = rule.and_then(|r| r.next_due_after(today)).unwrap_or(today);
        let mut out = self.periods(ahead);
        // Keep at most one period due after today.
        while out.len() >= 2 && out[out.len() - 2].1.due > today {
            out.pop();
        }
        out
    }

    /// The period whose window holds `day` (a report on `day` answers it), if any.
    pub fn period_of(&self, day: NaiveDate) -> Option<(Rule, PeriodSpan)> {
        let horizon = day.checked_add_days(Days::new(400)).unwrap_or(day);
        self.periods(horizon).into_iter().find(|(_, p)| p.starts <= day && day <= p.due)
    }

    /// The rule in force now (the newest version's).
    pub fn rule(&self) -> Option<Rule> {
        self.versions.last().map(|v| v.rule)
    }
}

impl DirectiveRow {
    /// The periods of one lead office up to `until` (and the one open then, when `ahead`), with
    /// their receipts. Empty when the directive does not recur or the office is a 配合单位; an
    /// office's periods stop at its 办结 date.
    pub fn office_periods(&self, a: &Assignment, until: NaiveDate, ahead: bool) -> Vec<PeriodItem> {
        let Some(plan) = &self.recurrence else { return Vec::new() };
        if a.role != Role::Lead {
            return Vec::new();
        }
        let spans = if ahead { plan.periods_through(until) } else { plan.periods(until) };
        let finished = a.track.finished_on.filter(|_| a.track.is_finished());
        spans
            .into_iter()
            .filter(|(_, s)| finished.is_none_or(|f| s.starts <= f))
            .map(|(rule, span)| PeriodItem {
                rule,
                span,
                received_on: a.track.received().iter().find(|(due, _)| *due == span.due).map(|(_, on)| *on),
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "periods_tests.rs"]
mod tests;
