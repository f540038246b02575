//! 督办 reads — each assignment's track (state, deadlines after extensions, last feedback,
//! counts) for the board, one refreshed row for patching a cached board after a change, an
//! office-by-office history, and the feedback cadence settings.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::edit::Actor;
use super::{Result, Store, StoreError};
use crate::model::{
    Channel, DirectiveId, DirectiveRow, EscalationStep, ExtensionNote, ExtensionStep, LoopEvent,
    LoopEventKind, NoticeId, OfficeState, OfficeTrack, ReportNote, apply_extensions,
};

/// Tracks by (directive, office).
pub(super) type Tracks = HashMap<(i64, i64), OfficeTrack>;

pub(super) const FEEDBACK_DAYS: &str = "feedback_days";

/// Reads the tracks of every assignment, or of one directive's (`only`).
pub(super) fn load_tracks(conn: &rusqlite::Connection, only: Option<DirectiveId>) -> Result<Tracks> {
    load_tracks_as_of(conn, only, None)
}

/// As [`load_tracks`], from the records dated on or before `as_of` only (`None`: all): the
/// tracks as they stood at the end of that day. An office finished after it was then still
/// 推进中 (or 申请办结, when its report was in by then).
pub(super) fn load_tracks_as_of(
    conn: &rusqlite::Connection,
    only: Option<DirectiveId>,
    as_of: Option<NaiveDate>,
) -> Result<Tracks> {
    let only = only.map(|d| d.0);
    // One directive uses the (directive_id, …) indexes; `?1 IS NULL OR …` would scan.
    let one = |column: &str| match only {
        Some(_) => format!("{column} = ?1"),
        None => "?1 IS NULL".to_owned(),
    };
    let mut tracks: Tracks = HashMap::new();
    // The deadlines come from the directive's row in `fill_tracks` (a join here looked up the
    // directive of each of a register's ~185,000 assignments).
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT directive_id, office_id, state, finished_on FROM assignment WHERE {}",
        one("directive_id")
    ))?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        let mut state =
            OfficeState::from_db(r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?).unwrap_or_default();
        let mut finished_on: Option<NaiveDate> = r.get(3)?;
        if let (Some(day), Some(on)) = (as_of, finished_on)
            && state == OfficeState::Finished
            && on > day
        {
            (state, finished_on) = (OfficeState::InProgress, None);
        }
        let track = OfficeTrack { state, finished_on, ..OfficeTrack::default() };
        tracks.insert((r.get(0)?, r.get(1)?), track);
    }
    // 最近反馈: feedback and completion reports; the newest one's text (by date, a completion
    // report after a feedback of the same day, then as recorded). Only a newer row's text is read.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT directive_id, office_id, on_date, 0, id, text, 0 FROM feedback
         WHERE {0} AND (?2 IS NULL OR on_date <= ?2)
         UNION ALL SELECT directive_id, office_id, on_date, 1, id, report,
             decision IS 'returned' AND (?2 IS NULL OR decided_on <= ?2) FROM completion
         WHERE {0} AND (?2 IS NULL OR on_date <= ?2)",
        one("directive_id")
    ))?;
    let mut newest: HashMap<(i64, i64), (NaiveDate, i64, i64)> = HashMap::new();
    let mut rows = stmt.query(params![only, as_of])?;
    while let Some(r) = rows.next()? {
        let key = (r.get(0)?, r.get(1)?);
        let order: (NaiveDate, i64, i64) = (r.get(2)?, r.get(3)?, r.get(4)?);
        let Some(t) = tracks.get_mut(&key) else { continue };
        if newest.get(&key).is_some_and(|seen| *seen >= order) {
            continue;
        }
        newest.insert(key, order);
        t.last_feedback = Some(order.0);
        let report =
            ReportNote { on: order.0, text: r.get(5)?, completion: order.1 == 1, returned: r.get(6)? };
        t.last_report = Some(Box::new(report));
    }
    // 延期, oldest first.
    // Per assignment: the steps, the first original deadline, the newest approver.
    type Steps = (Vec<ExtensionStep>, Option<NaiveDate>, String);
    let mut steps: HashMap<(i64, i64), Steps> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT directive_id, office_id, requested_on, new_deadline, original_deadline, approved_by FROM extension
         WHERE {} AND (?2 IS NULL OR requested_on <= ?2) ORDER BY id",
        one("directive_id")
    ))?;
    let mut rows = stmt.query(params![only, as_of])?;
    while let Some(r) = rows.next()? {
        let key = (r.get(0)?, r.get(1)?);
        let step = ExtensionStep { requested_on: r.get(2)?, to: r.get(3)? };
        let entry = steps.entry(key).or_insert_with(|| (Vec::new(), None, String::new()));
        if entry.0.is_empty() {
            entry.1 = r.get(4)?;
        }
        entry.0.push(step);
        entry.2 = r.get(5)?;
    }
    for (key, (steps, original, approved_by)) in steps {
        let Some(t) = tracks.get_mut(&key) else { continue };
        let d = apply_extensions(original, &steps);
        t.original_deadline = original;
        t.deadline = d.approved;
        t.on_time_deadline = d.on_time;
        t.extensions = steps.len() as u32;
        t.set_extension(d.approved.map(|to| ExtensionNote {
            original,
            to,
            approved_by,
            late_request: d.late_request,
        }));
    }
    // 退回: count and newest reason.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT directive_id, office_id, decision_reason FROM completion
         WHERE decision = 'returned' AND {} AND (?2 IS NULL OR decided_on <= ?2) ORDER BY id",
        one("directive_id")
    ))?;
    let mut rows = stmt.query(params![only, as_of])?;
    while let Some(r) = rows.next()? {
        if let Some(t) = tracks.get_mut(&(r.get(0)?, r.get(1)?)) {
            t.returns += 1;
            t.set_last_return_reason(r.get(2)?);
        }
    }
    // 催办: count and newest.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT directive_id, office_id, on_date, step FROM reminder WHERE {} AND (?2 IS NULL OR on_date <= ?2)
         ORDER BY on_date, id",
        one("directive_id")
    ))?;
    let mut rows = stmt.query(params![only, as_of])?;
    while let Some(r) = rows.next()? {
        if let Some(t) = tracks.get_mut(&(r.get(0)?, r.get(1)?)) {
            t.reminders += 1;
            let step = EscalationStep::from_db(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?)
                .unwrap_or_default();
            t.last_reminder = Some((r.get(2)?, step));
        }
    }
    super::periods::load_receipts(conn, only.map(DirectiveId), &mut tracks)?;
    if let Some(day) = as_of {
        for t in tracks.values_mut() {
            t.retain_received(|(_, on)| *on <= day);
        }
    }
    Ok(tracks)
}

/// Puts each assignment's track in place; an office without an extension has the
/// directive's deadline (`row.deadline`, read with the row).
pub(super) fn fill_tracks(row: &mut DirectiveRow, tracks: &mut Tracks) {
    for a in &mut row.assignments {
        if let Some(mut t) = tracks.remove(&(row.id.0, a.office.0)) {
            if t.extensions == 0 {
                (t.original_deadline, t.deadline, t.on_time_deadline) =
                    (row.deadline, row.deadline, row.deadline);
            }
            a.track = t;
        }
    }
}

impl Store {
    /// One directive's board row as it is now (its assignments' tracks included), so a window
    /// can patch its cached board after a change instead of reloading everything.
    pub fn directive_row(&self, id: DirectiveId) -> Result<DirectiveRow> {
        let mut row = self.board_row(id)?;
        row.recurrence = super::periods::load_plans(&self.conn, Some(id))?.remove(&id.0).map(Box::new);
        let mut tracks = load_tracks(&self.conn, Some(id))?;
        fill_tracks(&mut row, &mut tracks);
        Ok(row)
    }

    /// 督办记录 — every feedback, reminder, extension, completion report and review of a
    /// directive, oldest first (by date, then as recorded).
    pub fn loop_history(&self, id: DirectiveId) -> Result<Vec<LoopEvent>> {
        let mut events: Vec<(NaiveDate, u8, i64, LoopEvent)> = Vec::new();
        let ev =
            |record: i64,
             office: String,
             on,
             kind,
             text: String,
             by: Option<String>,
             channel: Option<Channel>| LoopEvent { record, office, on, kind, text, by, channel };
        let sql = |table: &str, columns: &str| {
            format!(
                "SELECT o.name, t.id, {columns} FROM {table} t JOIN office o ON o.id = t.office_id WHERE t.directive_id = ?1"
            )
        };
        let mut stmt = self.conn.prepare(&sql("feedback", "t.on_date, t.channel, t.reporter, t.text"))?;
        let mut rows = stmt.query([id.0])?;
        while let Some(r) = rows.next()? {
            let channel = Channel::from_db(&r.get::<_, String>(3)?);
            let e =
                ev(r.get(1)?, r.get(0)?, r.get(2)?, LoopEventKind::Feedback, r.get(5)?, r.get(4)?, channel);
            events.push((e.on, 0, r.get(1)?, e));
        }
        let mut stmt =
            self.conn.prepare(&sql("reminder", "t.on_date, t.channel, t.reached, t.answer, t.step"))?;
        let mut rows = stmt.query([id.0])?;
        while let Some(r) = rows.next()? {
            let step = EscalationStep::from_db(&r.get::<_, String>(6)?).unwrap_or_default();
            let channel = Channel::from_db(&r.get::<_, String>(3)?);
            let text: Option<String> = r.get(5)?;
            let e = ev(
                r.get(1)?,
                r.get(0)?,
                r.get(2)?,
                LoopEventKind::Reminder(step),
                text.unwrap_or_default(),
                r.get(4)?,
                channel,
            );
            events.push((e.on, 1, r.get(1)?, e));
        }
        let mut stmt = self.conn.prepare(&sql(
            "extension",
            "t.requested_on, t.original_deadline, t.new_deadline, t.late_request, t.reason, t.approved_by",
        ))?;
        let mut rows = stmt.query([id.0])?;
        while let Some(r) = rows.next()? {
            let kind = LoopEventKind::Extension { from: r.get(3)?, to: r.get(4)?, late_request: r.get(5)? };
            let e = ev(r.get(1)?, r.get(0)?, r.get(2)?, kind, r.get(6)?, r.get(7)?, None);
            events.push((e.on, 2, r.get(1)?, e));
        }
        let mut stmt = self.conn.prepare(&sql(
            "completion",
            "t.on_date, t.report, t.recorded_by, t.decision, t.decided_on, t.decision_reason, t.decided_by",
        ))?;
        let mut rows = stmt.query([id.0])?;
        while let Some(r) = rows.next()? {
            let (office, rid): (String, i64) = (r.get(0)?, r.get(1)?);
            let e =
                ev(rid, office.clone(), r.get(2)?, LoopEventKind::CompletionReport, r.get(3)?, None, None);
            events.push((e.on, 3, rid, e));
            let decision: Option<String> = r.get(5)?;
            if let (Some(decision), Some(on)) = (decision, r.get::<_, Option<NaiveDate>>(6)?) {
                let (kind, text) = match decision.as_str() {
                    "returned" => {
                        (LoopEventKind::Returned, r.get::<_, Option<String>>(7)?.unwrap_or_default())
                    }
                    _ => (LoopEventKind::Accepted, String::new()),
                };
                events.push((on, 4, rid, ev(rid, office, on, kind, text, r.get(8)?, None)));
            }
        }
        events.sort_by_key(|(on, order, rid, _)| (*on, *order, *rid));
        Ok(events.into_iter().map(|(.., e)| e).collect())
    }

    /// 默认反馈周期 — days between reports an office owes unless its notice sets its own;
    /// `None`: no cadence (feedback is never late). Default [`crate::model::DEFAULT_FEEDBACK_DAYS`].
    pub fn feedback_cadence(&self) -> Result<Option<i64>> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [FEEDBACK_DAYS], |r| r.get(0))
            .optional()?;
        Ok(match stored {
            None => Some(crate::model::DEFAULT_FEEDBACK_DAYS),
            Some(v) => v.parse().ok().filter(|d: &i64| *d > 0),
        })
    }

    /// Sets the default cadence (`None`: none); 1–90 days.
    pub fn set_feedback_cadence(&self, days: Option<i64>) -> Result<()> {
        if days.is_some_and(|d| !(1..=90).contains(&d)) {
            return Err(StoreError::Invalid("反馈周期应在 1 到 90 天之间".into()));
        }
        let value = days.map_or("0".to_owned(), |d| d.to_string());
        self.ensure_sound()?;
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![FEEDBACK_DAYS, value],
        )?;
        Ok(())
    }

    /// A notice's own feedback cadence (e.g. 每周五前反馈进展 → 7), logged; `None`: the default.
    pub fn set_notice_feedback_days(
        &mut self,
        notice: NoticeId,
        days: Option<i64>,
        actor: &Actor,
    ) -> Result<()> {
        if days.is_some_and(|d| !(1..=90).contains(&d)) {
            return Err(StoreError::Invalid("反馈周期应在 1 到 90 天之间".into()));
        }
        let tx = self.begin_write()?;
        let old: Option<i64> = tx
            .query_row("SELECT feedback_days FROM notice WHERE id = ?1", [notice.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("找不到编号为 {notice} 的通知")))?;
        tx.execute("UPDATE notice SET feedback_days = ?1 WHERE id = ?2", params![days, notice.0])?;
        let show = |d: Option<i64>| d.map_or("默认".to_owned(), |d| format!("每{d}天"));
        let entry = super::changelog::Entry {
            notice_id: Some(notice.0),
            directive_id: None,
            field: "反馈周期",
            old_value: Some(&show(old)),
            new_value: Some(&show(days)),
        };
        super::changelog::append(&tx, actor.at, actor.author, &entry)?;
        tx.commit()?;
        Ok(())
    }
}
