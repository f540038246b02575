//! 周期报送 — storing a recurring directive's plan and which periods were received. The rule
//! comes from the recurrence the parser kept (每月25日前) at import, as version 1 from the
//! notice's issue date; editing it adds a version from a day on (periods due before it keep the
//! old rule). The periods themselves are computed (model/periods.rs); a receipt row is written
//! when a feedback falls in a period's window, and kept: `received` is stored, not inferred.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::edit::{Actor, current, log};
use super::loop_read::Tracks;
use super::{Result, Store, StoreError};
use crate::model::{DirectiveId, Recurrence, Rule, RuleVersion};

/// Version 1 of a directive's plan, if `text` (the parser's recurrence) reads as a rule; the
/// plan ends at `ends_on` (the directive's deadline, when it has one).
pub(super) fn start_plan(
    tx: &Transaction,
    directive: i64,
    text: Option<&str>,
    from: NaiveDate,
    ends_on: Option<NaiveDate>,
    at: NaiveDateTime,
    by: &str,
) -> Result<Option<Rule>> {
    let Some(rule) = text.and_then(Rule::parse) else { return Ok(None) };
    tx.execute(
        "INSERT INTO recurrence_rule (directive_id, effective_from, rule, set_at, set_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![directive, from, rule.as_db(), at, by],
    )?;
    tx.execute("UPDATE directive SET recurs_until = ?1 WHERE id = ?2", params![ends_on, directive])?;
    Ok(Some(rule))
}

/// The plans of every recurring directive, or of one (`only`).
pub(super) fn load_plans(conn: &Connection, only: Option<DirectiveId>) -> Result<HashMap<i64, Recurrence>> {
    let mut plans: HashMap<i64, Recurrence> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT r.directive_id, r.effective_from, r.rule, d.recurs_until
         FROM recurrence_rule r JOIN directive d ON d.id = r.directive_id
         WHERE ?1 IS NULL OR r.directive_id = ?1 ORDER BY r.directive_id, r.effective_from, r.id",
    )?;
    let mut rows = stmt.query([only.map(|d| d.0)])?;
    while let Some(r) = rows.next()? {
        let Some(rule) = Rule::from_db(&r.get::<_, String>(2)?) else { continue };
        let plan =
            plans.entry(r.get(0)?).or_insert_with(|| Recurrence { versions: Vec::new(), ends_on: None });
        plan.ends_on = r.get(3)?;
        plan.versions.push(RuleVersion { from: r.get(1)?, rule });
    }
    Ok(plans)
}

/// Puts each office's receipts into its track.
pub(super) fn load_receipts(conn: &Connection, only: Option<DirectiveId>, tracks: &mut Tracks) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT directive_id, office_id, due_on, received_on FROM period_receipt
         WHERE ?1 IS NULL OR directive_id = ?1 ORDER BY due_on",
    )?;
    let mut rows = stmt.query([only.map(|d| d.0)])?;
    while let Some(r) = rows.next()? {
        if let Some(t) = tracks.get_mut(&(r.get(0)?, r.get(1)?)) {
            t.add_received(r.get(2)?, r.get(3)?);
        }
    }
    Ok(())
}

/// Marks the period holding `on` received by `office`, answered by feedback `feedback`
/// (the first report in a window answers it; later ones change nothing). Returns the period's
/// name when this marked it.
pub(super) fn record_receipt(
    tx: &Transaction,
    directive: DirectiveId,
    office: i64,
    on: NaiveDate,
    feedback: i64,
) -> Result<Option<String>> {
    let Some(plan) = load_plans(tx, Some(directive))?.remove(&directive.0) else { return Ok(None) };
    let Some((rule, span)) = plan.period_of(on) else { return Ok(None) };
    let added = tx.execute(
        "INSERT OR IGNORE INTO period_receipt (directive_id, office_id, due_on, received_on, feedback_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![directive.0, office, span.due, on, feedback],
    )?;
    Ok((added > 0).then(|| rule.period_label(span.due)))
}

/// Derives the receipts of periods due on or after `from_due` again from the feedback (after a
/// rule change moved them, or in the migration). Earlier receipts stay as they are.
pub(super) fn rematch(tx: &Transaction, directive: DirectiveId, from_due: NaiveDate) -> Result<()> {
    tx.execute(
        "DELETE FROM period_receipt WHERE directive_id = ?1 AND due_on >= ?2",
        params![directive.0, from_due],
    )?;
    let feedback: Vec<(i64, i64, NaiveDate)> = tx
        .prepare("SELECT id, office_id, on_date FROM feedback WHERE directive_id = ?1 ORDER BY on_date, id")?
        .query_map([directive.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(plan) = load_plans(tx, Some(directive))?.remove(&directive.0) else { return Ok(()) };
    for (id, office, on) in feedback {
        if let Some((_, span)) = plan.period_of(on).filter(|(_, s)| s.due >= from_due) {
            tx.execute(
                "INSERT OR IGNORE INTO period_receipt (directive_id, office_id, due_on, received_on, feedback_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![directive.0, office, span.due, on, id],
            )?;
        }
    }
    Ok(())
}

/// A recurring directive is 销号 on `on`: no period is due after that day.
pub(super) fn end_on_close(tx: &Transaction, directive: DirectiveId, on: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE directive SET recurs_until = ?1
         WHERE id = ?2 AND (recurs_until IS NULL OR recurs_until > ?1)
           AND EXISTS (SELECT 1 FROM recurrence_rule WHERE directive_id = ?2)",
        params![on, directive.0],
    )?;
    Ok(())
}

impl Store {
    /// Sets a directive's reporting rule from `from` on (periods due before `from` keep the rule
    /// they had) and its end (`None`: open-ended). Logged; returns the confirmation.
    pub fn set_recurrence(
        &mut self,
        id: DirectiveId,
        rule: Rule,
        from: NaiveDate,
        ends_on: Option<NaiveDate>,
        actor: &Actor,
    ) -> Result<String> {
        let tx = self.begin_write()?;
        super::register::refuse_set_aside(&tx, id)?;
        let old_end: Option<NaiveDate> = current(&tx, id, "recurs_until")?;
        let newest: Option<(NaiveDate, String)> = tx
            .query_row(
                "SELECT effective_from, rule FROM recurrence_rule WHERE directive_id = ?1
                 ORDER BY effective_from DESC, id DESC LIMIT 1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let old_rule = newest.as_ref().and_then(|(_, r)| Rule::from_db(r));
        if let Some((newest_from, _)) = newest.as_ref().filter(|(f, _)| from < *f) {
            return Err(StoreError::Invalid(format!(
                "新规则的起始日期须不早于现行规则的起始日期（{newest_from}），已报送的期次不重算"
            )));
        }
        if ends_on.is_some_and(|e| e < from) && old_rule != Some(rule) {
            return Err(StoreError::Invalid("报送截止日期须晚于新规则的起始日期".into()));
        }
        if old_rule != Some(rule) {
            // A version starting the same day replaces the one set earlier that day.
            tx.execute(
                "DELETE FROM recurrence_rule WHERE directive_id = ?1 AND effective_from = ?2",
                params![id.0, from],
            )?;
            tx.execute(
                "INSERT INTO recurrence_rule (directive_id, effective_from, rule, set_at, set_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id.0, from, rule.as_db(), actor.at, actor.author],
            )?;
        }
        tx.execute("UPDATE directive SET recurs_until = ?1 WHERE id = ?2", params![ends_on, id.0])?;
        rematch(&tx, id, from)?;
        let show = |r: Option<Rule>, e: Option<NaiveDate>| {
            let r = r.map_or("无".to_owned(), |r| r.label());
            e.map_or(r.clone(), |e| format!("{r}，至{e}"))
        };
        let (old, new) = (show(old_rule, old_end), show(Some(rule), ends_on));
        if old == new {
            return Ok("报送规则未改变".into());
        }
        log(&tx, actor, id, "报送规则", Some(&old), Some(&format!("{new}（自{from}起）")))?;
        tx.commit()?;
        Ok(format!("报送规则已改为{new}，自{from}起的期次按新规则计算"))
    }
}

/// Migration 9's Rust step: a plan for every stored directive whose recurrence words read as a
/// rule (from its notice's issue date, ending at its deadline, or on the day it was 销号), and
/// its feedback matched to the periods. One change-log entry when any was made.
pub(super) fn migrate_plans(tx: &Transaction) -> Result<()> {
    // Directive, recurrence words, issue date, deadline, when it was 销号 (change log).
    type Row = (i64, String, NaiveDate, Option<NaiveDate>, Option<String>);
    let rows: Vec<Row> = tx
        .prepare(
            "SELECT d.id, d.recurrence, n.issued_on, d.deadline,
                    CASE WHEN d.status = 'closed' THEN (SELECT max(c.at) FROM change_log c
                         WHERE c.directive_id = d.id AND c.field = '状态' AND c.new_value = '已销号') END
             FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id
             WHERE d.recurrence IS NOT NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let now = chrono::Local::now().naive_local();
    let by = super::migrate_loop::MIGRATION_AUTHOR;
    let mut made = 0;
    for (id, text, issued_on, deadline, closed_at) in rows {
        // The change log's time stamps start with the day.
        let closed_on = closed_at.as_deref().and_then(|t| t.get(..10)).and_then(|d| d.parse().ok());
        let ends_on = match (deadline, closed_on) {
            (Some(d), Some(c)) => Some(std::cmp::min(d, c)),
            (d, c) => d.or(c),
        };
        if start_plan(tx, id, Some(&text), issued_on, ends_on, now, by)?.is_some() {
            rematch(tx, DirectiveId(id), NaiveDate::MIN)?;
            made += 1;
        }
    }
    if made == 0 {
        return Ok(());
    }
    let summary = format!("{made} 条周期报送的工作要求按原文生成报送规则，已有反馈计入对应期次");
    let entry = super::changelog::Entry {
        notice_id: None,
        directive_id: None,
        field: "迁移",
        old_value: Some("第8版"),
        new_value: Some(&summary),
    };
    super::changelog::append(tx, now, by, &entry)
}
