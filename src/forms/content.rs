//! 表单内容 — what an office's forms list: its open directives (not 销号, its own part not
//! 已办结), each with the deadline as extended for that office, its state and its role; the
//! notice's feedback cadence; whom to contact. Built from the board, so every form of one
//! office says the same thing.

use chrono::{Datelike, NaiveDate};

use crate::model::{Board, DirectiveId, OfficeId, OfficeState, Role, Status};

/// One directive as a form lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    /// 编号 — the directive's id (what `duban list` calls 编号).
    pub id: DirectiveId,
    /// 一.1
    pub number: String,
    pub title: String,
    pub text: String,
    pub meeting: Option<String>,
    /// The office's approved deadline (its extensions applied).
    pub deadline: Option<NaiveDate>,
    /// 原定 deadline when it was extended.
    pub original_deadline: Option<NaiveDate>,
    pub state: OfficeState,
    pub role: Role,
    pub last_feedback: Option<NaiveDate>,
    /// The last 催办 (date, step label, channel label) for the 催办通知's history.
    pub history: Vec<String>,
}

/// An office's forms, before a serial is issued.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeForms {
    pub office: OfficeId,
    pub office_name: String,
    pub rows: Vec<FormRow>,
    /// 反馈周期 in days (the strictest of the notices listed, else the setting).
    pub cadence: Option<i64>,
    /// 联系人 — the duty officer.
    pub contact: String,
    pub today: NaiveDate,
}

/// The open directives of `office` (not 销号, the office's own part not 已办结), in board order.
pub fn office_forms(
    board: &Board,
    office: OfficeId,
    cadence: Option<i64>,
    contact: &str,
    today: NaiveDate,
) -> Option<OfficeForms> {
    let o = board.office(office)?;
    let mut cadences = Vec::new();
    let rows: Vec<FormRow> = board
        .directives
        .iter()
        .filter(|d| d.status != Status::Closed)
        .filter_map(|d| {
            let a = d.assignment(office)?;
            if a.track.state == OfficeState::Finished {
                return None;
            }
            if let Some(n) = board.notice(d.notice_id) {
                cadences.push(n.feedback_days.or(cadence));
            }
            Some(FormRow {
                id: d.id,
                number: d.number.clone(),
                title: d.title.clone(),
                text: d.text.clone(),
                meeting: d.meeting.as_deref().map(str::to_owned),
                deadline: a.track.deadline.or(d.deadline),
                original_deadline: a.track.extension().and(a.track.original_deadline),
                state: a.track.state,
                role: a.role,
                last_feedback: a.track.last_feedback,
                history: Vec::new(),
            })
        })
        .collect();
    let cadence = cadences.into_iter().flatten().filter(|c| *c > 0).min().or(cadence);
    Some(OfficeForms {
        office,
        office_name: o.name.clone(),
        rows,
        cadence,
        contact: contact.to_owned(),
        today,
    })
}

/// The offices that have at least one open directive, in roster order.
pub fn offices_with_open_work(board: &Board) -> Vec<OfficeId> {
    board
        .offices
        .iter()
        .filter(|o| {
            board.directives.iter().any(|d| {
                d.status != Status::Closed
                    && d.assignment(o.id).is_some_and(|a| a.track.state != OfficeState::Finished)
            })
        })
        .map(|o| o.id)
        .collect()
}

/// 2022年3月16日
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 3月16日
pub fn month_day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// The deadline as a form prints it: 3月20日 (in `today`'s year, else with the year), or
/// 4月15日（原定3月20日）, or 无明确时限.
pub fn deadline_text(row: &FormRow, today: NaiveDate) -> String {
    let show = |d: NaiveDate| if d.year() == today.year() { month_day(d) } else { chinese_date(d) };
    match (row.deadline, row.original_deadline) {
        (Some(d), Some(o)) if o != d => format!("{}（原定{}）", show(d), show(o)),
        (Some(d), _) => show(d),
        (None, _) => "无明确时限".to_owned(),
    }
}
