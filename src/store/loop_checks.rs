//! 督办 checks — finding the assignment an edit is about (a directive naming no office takes
//! the one first reported) and the validations every loop write shares: dates not in the
//! future nor before the notice (or the report reviewed), required texts, a pending report.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::edit::{Actor, log};
use super::roster::ensure_office;
use super::{Result, StoreError};
use crate::model::{DirectiveId, OfficeId, OfficeState, Role, Status};

/// The assignment an edit is about, with what validation needs.
pub(super) struct Target {
    pub(super) id: DirectiveId,
    pub(super) number: String,
    pub(super) status: Status,
    pub(super) deadline: Option<NaiveDate>,
    pub(super) issued_on: NaiveDate,
    pub(super) office: OfficeId,
    pub(super) name: String,
    pub(super) role: Role,
    pub(super) state: OfficeState,
}

/// Finds the assignment of `office` (a roster name or alias) on directive `id`. A directive that
/// names no office behaves as one office: the first loop record names it (normally the notice's
/// recipients) and it becomes the directive's lead unit.
pub(super) fn target(tx: &Transaction, id: DirectiveId, office: &str, actor: &Actor) -> Result<Target> {
    let (number, status, deadline, issued_on): (String, String, Option<NaiveDate>, NaiveDate) = tx
        .query_row(
            "SELECT d.number, d.status, d.deadline, n.issued_on FROM directive d
             JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id WHERE d.id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or(StoreError::DirectiveNotFound(id))?;
    let office = office.trim();
    let assigned: Vec<(i64, String, String, String)> = tx
        .prepare(
            "SELECT a.office_id, o.name, a.role, a.state FROM assignment a JOIN office o ON o.id = a.office_id
             WHERE a.directive_id = ?1 ORDER BY a.role, a.ordinal",
        )?
        .query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let status = Status::from_db(&status).unwrap_or_default();
    let target = |(o, name, role, state): (i64, String, String, String)| Target {
        id,
        number: number.clone(),
        status,
        deadline,
        issued_on,
        office: OfficeId(o),
        name,
        role: Role::from_db(&role).unwrap_or(Role::Lead),
        state: OfficeState::from_db(&state).unwrap_or_default(),
    };
    if assigned.is_empty() && !office.is_empty() {
        let o = ensure_office(tx, office)?;
        tx.execute(
            "INSERT INTO assignment (directive_id, office_id, role, ordinal) VALUES (?1, ?2, 'lead', 0)",
            params![id.0, o.0],
        )?;
        log(tx, actor, id, "责任处室", Some(""), Some(office))?;
        return Ok(target((o.0, office.to_owned(), "lead".into(), "unreported".into())));
    }
    let by_alias: Option<i64> = tx
        .query_row("SELECT office_id FROM office_alias WHERE alias = ?1", [office], |r| r.get(0))
        .optional()?;
    let names = assigned.iter().map(|a| a.1.as_str()).collect::<Vec<_>>().join("、");
    match assigned.iter().position(|a| a.1 == office || Some(a.0) == by_alias) {
        Some(i) => Ok(target(assigned[i].clone())),
        None => Err(StoreError::NotAssigned { office: office.to_owned(), number, assigned: names }),
    }
}

/// A loop date must not be in the future nor before the notice was issued.
pub(super) fn check_day(what: &str, on: NaiveDate, today: NaiveDate, issued_on: NaiveDate) -> Result<()> {
    check_between(what, on, today, (issued_on, "通知印发日期"))
}

/// `on` must not be after `today` nor before `floor` (named by its label).
pub(super) fn check_between(
    what: &str,
    on: NaiveDate,
    today: NaiveDate,
    floor: (NaiveDate, &str),
) -> Result<()> {
    let (floor, label) = floor;
    if on > today {
        return Err(StoreError::BadLoopDate(format!(
            "{what}日期 {on} 晚于今天（{today}），请改为今天或之前的日期"
        )));
    }
    if on < floor {
        return Err(StoreError::BadLoopDate(format!(
            "{what}日期 {on} 早于{label}（{floor}），请改为 {floor} 或之后的日期"
        )));
    }
    Ok(())
}

pub(super) fn required<'a>(what: &'static str, text: &'a str) -> Result<&'a str> {
    let text = text.trim();
    if text.is_empty() { Err(StoreError::Missing(what)) } else { Ok(text) }
}

pub(super) fn optional(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The pending completion report (id, date) of an office awaiting review.
pub(super) fn pending_report(tx: &Transaction, t: &Target, hint: &'static str) -> Result<(i64, NaiveDate)> {
    let pending = tx
        .query_row(
            "SELECT id, on_date FROM completion WHERE directive_id = ?1 AND office_id = ?2 AND decision IS NULL
             ORDER BY id DESC LIMIT 1",
            params![t.id.0, t.office.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match pending {
        Some(p) if t.state == OfficeState::Requested => Ok(p),
        _ => Err(StoreError::WrongState { office: t.name.clone(), state: t.state.label(), hint }),
    }
}

/// The deadline an extension extends (the newest approved one) and the first original deadline.
pub(super) fn deadlines(tx: &Transaction, t: &Target) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (current, original): (Option<NaiveDate>, Option<NaiveDate>) = tx
        .query_row(
            "SELECT (SELECT new_deadline FROM extension WHERE directive_id = ?1 AND office_id = ?2 ORDER BY id DESC LIMIT 1),
                    (SELECT original_deadline FROM extension WHERE directive_id = ?1 AND office_id = ?2 ORDER BY id LIMIT 1)",
            params![t.id.0, t.office.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    let extended = current.is_some();
    Ok((current.or(t.deadline), if extended { original } else { t.deadline }))
}
