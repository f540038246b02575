//! 单位督办进度 — what the board keeps per assignment (directive × office): its state, its
//! deadlines after extensions, its last feedback, completion date and counts. Built by the store
//! from the loop records; the pure rules (which deadline counts, when feedback is late) live here.

use chrono::{Datelike, NaiveDate};

use super::{Assignment, DirectiveRow, EscalationStep, LoopState, OfficeId, OfficeState, Role};

/// The newest extension of an office's deadline, for 原定…，经…同意延至… notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionNote {
    /// 原定 — the deadline before the first extension (kept).
    pub original: Option<NaiveDate>,
    /// 延至 — the newest approved deadline.
    pub to: NaiveDate,
    pub approved_by: String,
    /// 超期申请 — some extension was asked for after the deadline it extended.
    pub late_request: bool,
}

impl ExtensionNote {
    /// 原定3月20日，经李局同意延至4月30日 (（超期申请） when one was late).
    pub fn text(&self) -> String {
        let day = |d: NaiveDate| format!("{}月{}日", d.month(), d.day());
        let original = self.original.map_or("原无时限".to_owned(), |d| format!("原定{}", day(d)));
        let late = if self.late_request { "（超期申请）" } else { "" };
        format!("{original}，经{}同意延至{}{late}", self.approved_by, day(self.to))
    }
}

/// 最新反馈内容 — what an office said last: its newest feedback or completion report (a
/// completion report after a feedback of the same day), for the meeting report's 督办情况.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportNote {
    pub on: NaiveDate,
    pub text: String,
    /// A 办结报告 (申请办结), not a 反馈.
    pub completion: bool,
    /// That 办结报告 was returned (退回重办).
    pub returned: bool,
}

impl ReportNote {
    /// Longest text quoted in a report line; the rest is cut with ……
    pub const QUOTE_CHARS: usize = 120;

    /// 防火监督处3月22日反馈：已检查在建工地46处 — one line (line breaks become spaces, a
    /// long text cut at [`Self::QUOTE_CHARS`], the closing 。 dropped).
    pub fn line(&self, office: &str) -> String {
        let what = match (self.completion, self.returned) {
            (false, _) => "反馈",
            (true, false) => "办结报告",
            (true, true) => "办结报告（已退回）",
        };
        let flat: String = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut quote: String = flat.chars().take(Self::QUOTE_CHARS).collect();
        if flat.chars().count() > Self::QUOTE_CHARS {
            quote.push_str("……");
        }
        let quote = quote.trim_end_matches(['。', '；', '，']);
        format!("{office}{}月{}日{what}：{quote}", self.on.month(), self.on.day())
    }
}

/// The per-office part of an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficeTrack {
    pub state: OfficeState,
    /// 原定完成时限 — the directive's deadline before any extension.
    pub original_deadline: Option<NaiveDate>,
    /// 批准的完成时限 — the newest approved extension's date, else the original deadline.
    /// Overdue counts against this one.
    pub deadline: Option<NaiveDate>,
    /// The deadline that decides 按期办结: extended only by extensions asked for in time
    /// (an 超期申请 does not make the item on time).
    pub on_time_deadline: Option<NaiveDate>,
    /// 延期次数
    pub extensions: u32,
    /// 最近反馈 — the newest feedback or completion report date.
    pub last_feedback: Option<NaiveDate>,
    /// What that newest feedback or completion report said.
    pub last_report: Option<Box<ReportNote>>,
    /// 办结日期 — the date of the accepted completion report.
    pub finished_on: Option<NaiveDate>,
    /// 退回次数
    pub returns: u32,
    /// 催办次数
    pub reminders: u32,
    /// The newest reminder: its date and step.
    pub last_reminder: Option<(NaiveDate, EscalationStep)>,
    /// The newest extension, the newest return's reason, the periods received — in one box, as
    /// few tracks have any (see model/track_rare.rs).
    pub rare: Option<Box<super::track_rare::TrackRare>>,
}

/// One stored extension, in the order it was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionStep {
    pub requested_on: NaiveDate,
    pub to: NaiveDate,
}

/// Deadlines after a sequence of extensions of `original`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// The newest extension's date, else `original`.
    pub approved: Option<NaiveDate>,
    /// Extended only while every request came in time (on or before the deadline it extended).
    pub on_time: Option<NaiveDate>,
    /// Whether any request came after the deadline it extended (超期申请).
    pub late_request: bool,
}

/// Whether an extension asked for on `requested_on` of `current` is an 超期申请.
pub fn is_late_request(current: Option<NaiveDate>, requested_on: NaiveDate) -> bool {
    current.is_some_and(|c| requested_on > c)
}

/// Applies `steps` (oldest first) to `original`.
pub fn apply_extensions(original: Option<NaiveDate>, steps: &[ExtensionStep]) -> Deadlines {
    let mut d = Deadlines { approved: original, on_time: original, late_request: false };
    for step in steps {
        d.late_request |= is_late_request(d.approved, step.requested_on);
        d.approved = Some(step.to);
        if !d.late_request {
            d.on_time = Some(step.to);
        }
    }
    d
}

/// 逾期未反馈 — how late an office's feedback is against its cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackLateness {
    /// Within the cadence (or no cadence, or finished).
    OnTime,
    /// Late by up to one more cadence (amber).
    Late,
    /// Late by more than one more cadence (red).
    VeryLate,
}

impl OfficeTrack {
    /// Finished and accepted.
    pub fn is_finished(&self) -> bool {
        self.state == OfficeState::Finished
    }

    /// 逾期未反馈 on `today`: not finished and (last feedback, else `assigned_on`) + `cadence`
    /// days is before `today`. No cadence: never late.
    pub fn feedback_lateness(
        &self,
        assigned_on: NaiveDate,
        cadence: Option<i64>,
        today: NaiveDate,
    ) -> FeedbackLateness {
        let Some(cadence) = cadence.filter(|c| *c > 0) else { return FeedbackLateness::OnTime };
        if self.is_finished() {
            return FeedbackLateness::OnTime;
        }
        let base = self.last_feedback.unwrap_or(assigned_on);
        let late_by = (today - base).num_days() - cadence;
        match late_by {
            n if n <= 0 => FeedbackLateness::OnTime,
            n if n <= cadence => FeedbackLateness::Late,
            _ => FeedbackLateness::VeryLate,
        }
    }

    /// Past its approved deadline on `today` and not finished.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_finished() && self.deadline.is_some_and(|d| d < today)
    }
}

/// The 督办 view of a board row.
impl DirectiveRow {
    /// 督办状态 — derived from the lead offices' states (销号 stays the officer's decision).
    pub fn loop_state(&self) -> LoopState {
        let leads: Vec<_> =
            self.assignments.iter().filter(|a| a.role == Role::Lead).map(|a| a.track.state).collect();
        LoopState::derive(&leads, self.status)
    }

    /// The assignment of `office` (by roster id).
    pub fn assignment(&self, office: OfficeId) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.office == office)
    }

    /// 未反馈 — the lead offices that have never reported, for reports.
    pub fn unreported_leads(&self) -> Vec<&str> {
        self.assignments
            .iter()
            .filter(|a| a.role == Role::Lead && a.track.state == super::OfficeState::Unreported)
            .map(|a| &*a.name)
            .collect()
    }

    /// The deadline that decides overdue: the earliest approved deadline (extensions applied)
    /// among lead offices not yet finished; the directive's own when none is open.
    pub fn effective_deadline(&self) -> Option<NaiveDate> {
        self.assignments
            .iter()
            .filter(|a| a.role == Role::Lead && !a.track.is_finished())
            .map(|a| a.track.deadline.or(self.deadline))
            .min_by_key(|d| d.unwrap_or(NaiveDate::MAX))
            .unwrap_or(self.deadline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_late_request_moves_the_deadline_but_not_the_on_time_one() {
        let steps = [
            ExtensionStep { requested_on: d("2022-03-18"), to: d("2022-03-31") },
            ExtensionStep { requested_on: d("2022-04-02"), to: d("2022-04-30") },
        ];
        let got = apply_extensions(Some(d("2022-03-20")), &steps);
        assert_eq!(got.approved, Some(d("2022-04-30")));
        assert_eq!(got.on_time, Some(d("2022-03-31")));
        assert!(got.late_request);
        let timely = apply_extensions(Some(d("2022-03-20")), &steps[..1]);
        assert_eq!((timely.on_time, timely.late_request), (Some(d("2022-03-31")), false));
        // Asking on the deadline day itself is still in time.
        assert!(!is_late_request(Some(d("2022-03-20")), d("2022-03-20")));
    }

    #[test]
    fn feedback_turns_amber_then_red() {
        let mut t = OfficeTrack { last_feedback: Some(d("2022-03-01")), ..OfficeTrack::default() };
        let on = |t: &OfficeTrack, today| t.feedback_lateness(d("2022-02-20"), Some(7), d(today));
        assert_eq!(on(&t, "2022-03-08"), FeedbackLateness::OnTime);
        assert_eq!(on(&t, "2022-03-09"), FeedbackLateness::Late);
        assert_eq!(on(&t, "2022-03-15"), FeedbackLateness::Late);
        assert_eq!(on(&t, "2022-03-16"), FeedbackLateness::VeryLate);
        t.state = OfficeState::Finished;
        assert_eq!(on(&t, "2022-03-16"), FeedbackLateness::OnTime);
        let silent = OfficeTrack::default();
        assert_eq!(
            silent.feedback_lateness(d("2022-03-01"), Some(7), d("2022-03-09")),
            FeedbackLateness::Late
        );
        assert_eq!(
            silent.feedback_lateness(d("2022-03-01"), None, d("2023-01-01")),
            FeedbackLateness::OnTime
        );
    }

    #[test]
    fn the_extension_note_reads_as_a_report_writes_it() {
        let note = ExtensionNote {
            original: Some(d("2022-03-20")),
            to: d("2022-04-30"),
            approved_by: "李副总队长".into(),
            late_request: false,
        };
        assert_eq!(note.text(), "原定3月20日，经李副总队长同意延至4月30日");
        assert!(ExtensionNote { late_request: true, ..note }.text().ends_with("（超期申请）"));
    }

    #[test]
    fn a_report_note_is_one_line_cut_when_long() {
        let note = ReportNote {
            on: d("2022-03-22"),
            text: "已检查在建工地46处，\n整改隐患9处。".into(),
            completion: false,
            returned: false,
        };
        assert_eq!(note.line("防火监督处"), "防火监督处3月22日反馈：已检查在建工地46处， 整改隐患9处");
        let done = ReportNote { completion: true, ..note.clone() };
        assert!(done.line("防火监督处").starts_with("防火监督处3月22日办结报告："));
        let returned = ReportNote { returned: true, ..done };
        assert!(returned.line("防火监督处").starts_with("防火监督处3月22日办结报告（已退回）："));
        let long = ReportNote { text: "检".repeat(300), ..note };
        let line = long.line("新闻宣传处");
        assert!(line.ends_with("检……"), "{line}");
        assert_eq!(line.chars().filter(|c| *c == '检').count(), ReportNote::QUOTE_CHARS);
    }
}
