//! 督办统计 — the numbers per office as of a day D, exactly as docs/loop.md defines them, and
//! the list of offices that need a 催办 today. Pure functions of the board: no database.

use chrono::NaiveDate;

use super::{
    Board, DirectiveId, EscalationStep, FeedbackLateness, NoticeId, NoticeInfo, OfficeId, OfficeState, Role,
    Status,
};

/// 默认反馈周期 — report at least every this many days unless the notice says otherwise.
pub const DEFAULT_FEEDBACK_DAYS: i64 = 7;

/// The figures of one office (lead assignments only: 配合单位 do not report).
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeFigures {
    pub office: OfficeId,
    pub name: String,
    /// 交办 — lead assignments from notices issued on or before D.
    pub assigned: usize,
    /// 已办结 — accepted, completed on or before D.
    pub finished: usize,
    /// 应办结 — finished, or whose approved deadline is on or before D.
    pub due: usize,
    /// 按期办结 — finished on or before the on-time deadline (no deadline: on time).
    pub on_time: usize,
    /// 按期办结率 = on_time / due; `None` (shown —) when nothing is due.
    pub on_time_rate: Option<f64>,
    /// 平均办结天数 — mean days from the notice's issue date to completion.
    pub avg_days: Option<f64>,
    /// 未反馈 — not finished, never reported (销号 directives excluded).
    pub unreported: usize,
    /// 逾期未反馈 — not finished, last report (else the issue date) + cadence before D.
    pub late_unreported: usize,
    /// 漏报期次 — periods of recurring directives due before D and not received by then
    /// (also counted in 未反馈).
    pub missed_periods: usize,
    /// 延期次数
    pub extensions: u32,
    /// 退回次数
    pub returns: u32,
}

impl OfficeFigures {
    pub(super) fn new(office: OfficeId, name: &str) -> OfficeFigures {
        OfficeFigures {
            office,
            name: name.to_owned(),
            assigned: 0,
            finished: 0,
            due: 0,
            on_time: 0,
            on_time_rate: None,
            avg_days: None,
            unreported: 0,
            late_unreported: 0,
            missed_periods: 0,
            extensions: 0,
            returns: 0,
        }
    }

    /// 按期办结率 as a report prints it: 66.7% or —.
    pub fn rate_text(&self) -> String {
        self.on_time_rate.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0))
    }
}

/// Every office's figures on `today`, in roster order (offices no directive names left out).
/// `default_cadence` applies where a notice sets no feedback cadence of its own. A window's
/// board that left its finished directives out adds what they counted ([`super::FinishedApart`]).
pub fn office_figures(board: &Board, today: NaiveDate, default_cadence: Option<i64>) -> Vec<OfficeFigures> {
    let mut tally = FigureTally::count(board, &board.directives, today, default_cadence);
    if let Some(apart) = board.finished_apart.as_deref().filter(|a| a.as_of == today) {
        tally.add(&apart.figures);
    }
    tally.finish()
}

/// The office figures' sums before the rates: what two parts of a register add up to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FigureTally {
    figures: Vec<OfficeFigures>,
    /// Per figure: days from issue to completion summed, and how many were summed.
    day_sums: Vec<(i64, usize)>,
}

impl FigureTally {
    /// The sums over `directives` (the board's or a part of it), every roster office first.
    pub fn count(
        board: &Board,
        directives: &[super::DirectiveRow],
        today: NaiveDate,
        default_cadence: Option<i64>,
    ) -> FigureTally {
        let mut tally = FigureTally::default();
        let mut index: std::collections::HashMap<OfficeId, usize> = std::collections::HashMap::new();
        for o in &board.offices {
            index.insert(o.id, tally.figures.len());
            tally.figures.push(OfficeFigures::new(o.id, &o.name));
            tally.day_sums.push((0, 0));
        }
        let notices = notices_by_id(board);
        for d in directives {
            let Some(notice) = notices.get(&d.notice_id) else { continue };
            if notice.issued_on > today {
                continue;
            }
            let cadence = notice.feedback_days.or(default_cadence);
            let closed = d.status == Status::Closed;
            for a in d.assignments.iter().filter(|a| a.role == Role::Lead) {
                let i = *index.entry(a.office).or_insert_with(|| {
                    tally.figures.push(OfficeFigures::new(a.office, &a.name));
                    tally.day_sums.push((0, 0));
                    tally.figures.len() - 1
                });
                let (f, t) = (&mut tally.figures[i], &a.track);
                f.assigned += 1;
                let finished = t.is_finished() && t.finished_on.is_none_or(|on| on <= today);
                f.finished += usize::from(finished);
                f.due += usize::from(finished || t.deadline.is_some_and(|x| x <= today));
                if let (true, Some(on)) = (finished, t.finished_on) {
                    f.on_time += usize::from(t.on_time_deadline.is_none_or(|x| on <= x));
                    tally.day_sums[i].0 += (on - notice.issued_on).num_days();
                    tally.day_sums[i].1 += 1;
                }
                if !finished && !closed {
                    if d.recurrence.is_some() {
                        // A recurring directive owes a report per period: each one missed is 未反馈,
                        // and any missed makes the office 逾期未反馈 on it.
                        let missed =
                            d.office_periods(a, today, false).iter().filter(|p| p.missed(today)).count();
                        f.missed_periods += missed;
                        f.unreported += missed;
                        f.late_unreported += usize::from(missed > 0);
                    } else {
                        f.unreported += usize::from(t.last_feedback.is_none());
                        let late =
                            t.feedback_lateness(notice.issued_on, cadence, today) != FeedbackLateness::OnTime;
                        f.late_unreported += usize::from(late);
                    }
                }
                f.extensions += t.extensions;
                f.returns += t.returns;
            }
        }
        tally
    }

    /// Adds `other`'s sums office by office (an office only `other` counted comes last).
    pub fn add(&mut self, other: &FigureTally) {
        for (g, (sum, n)) in other.figures.iter().zip(&other.day_sums) {
            let i = match self.figures.iter().position(|f| f.office == g.office) {
                Some(i) => i,
                None => {
                    self.figures.push(OfficeFigures::new(g.office, &g.name));
                    self.day_sums.push((0, 0));
                    self.figures.len() - 1
                }
            };
            let f = &mut self.figures[i];
            f.assigned += g.assigned;
            f.finished += g.finished;
            f.due += g.due;
            f.on_time += g.on_time;
            f.unreported += g.unreported;
            f.late_unreported += g.late_unreported;
            f.missed_periods += g.missed_periods;
            f.extensions += g.extensions;
            f.returns += g.returns;
            self.day_sums[i].0 += sum;
            self.day_sums[i].1 += n;
        }
    }

    /// Only the offices something was counted for (what a part of the register keeps).
    pub fn shrink(self) -> FigureTally {
        let (figures, day_sums) =
            self.figures.into_iter().zip(self.day_sums).filter(|(f, _)| f.assigned > 0).unzip();
        FigureTally { figures, day_sums }
    }

    /// The figures with their rates, offices with nothing assigned left out.
    pub fn finish(self) -> Vec<OfficeFigures> {
        let mut figures = self.figures;
        for (f, (sum, n)) in figures.iter_mut().zip(self.day_sums) {
            f.on_time_rate = (f.due > 0).then(|| f.on_time as f64 / f.due as f64);
            f.avg_days = (n > 0).then(|| sum as f64 / n as f64);
        }
        figures.retain(|f| f.assigned > 0);
        figures
    }
}

/// The board's notices by id (a register holds hundreds: no linear search per directive).
fn notices_by_id(board: &Board) -> std::collections::HashMap<NoticeId, &NoticeInfo> {
    board.notices.iter().map(|n| (n.id, n)).collect()
}

/// Why an office needs a 催办.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderReason {
    /// 逾期未反馈 (amber or red).
    LateFeedback(FeedbackLateness),
    /// Past its approved deadline (and maybe late with feedback too).
    Overdue { days: i64 },
    /// 周期报送未报 — `missed` periods not received; the newest was due `days` ago.
    PeriodMissed { missed: usize, days: i64 },
}

/// One office to remind today.
#[derive(Debug, Clone, PartialEq)]
pub struct ReminderDue {
    pub directive: DirectiveId,
    pub office: OfficeId,
    pub name: String,
    pub reason: ReminderReason,
    /// The step this reminder should take (after the office's last one).
    pub next_step: EscalationStep,
}

/// 今日待催办 — lead offices of open (not 已完成 or 销号) directives that are past their approved deadline
/// or late with their feedback, not finished, not awaiting review (申请办结: the duty office
/// owes the answer), and not already reminded today. In board order.
pub fn reminders_due(board: &Board, today: NaiveDate, default_cadence: Option<i64>) -> Vec<ReminderDue> {
    let mut due = Vec::new();
    let notices = notices_by_id(board);
    // 已完成 set by hand (the officer judged the whole directive done) is not pressed either.
    for d in board.directives.iter().filter(|d| !d.status.is_finished()) {
        let Some(notice) = notices.get(&d.notice_id).filter(|n| n.issued_on <= today) else { continue };
        let cadence = notice.feedback_days.or(default_cadence);
        for a in d.assignments.iter().filter(|a| a.role == Role::Lead) {
            let t = &a.track;
            if matches!(t.state, OfficeState::Finished | OfficeState::Requested)
                || t.last_reminder.is_some_and(|(on, _)| on >= today)
            {
                continue;
            }
            let lateness = if d.recurrence.is_some() {
                // Recurring: judged by its periods, not by the cadence.
                FeedbackLateness::OnTime
            } else {
                t.feedback_lateness(notice.issued_on, cadence, today)
            };
            let missed: Vec<_> =
                d.office_periods(a, today, false).into_iter().filter(|p| p.missed(today)).collect();
            let reason = match (t.deadline, lateness, missed.last()) {
                (Some(x), ..) if x < today => ReminderReason::Overdue { days: (today - x).num_days() },
                (_, _, Some(last)) => ReminderReason::PeriodMissed {
                    missed: missed.len(),
                    days: (today - last.span.due).num_days(),
                },
                (_, FeedbackLateness::OnTime, None) => continue,
                (_, late, None) => ReminderReason::LateFeedback(late),
            };
            let next_step = EscalationStep::after(t.last_reminder.map(|(_, s)| s));
            due.push(ReminderDue {
                directive: d.id,
                office: a.office,
                name: a.name.to_string(),
                reason,
                next_step,
            });
        }
    }
    due
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
