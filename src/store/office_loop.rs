//! 督办 writes — 反馈, 催办, 延期, 申请办结, 审核通过 and 退回重办 on one office of a directive,
//! through one entry point (`Store::apply_loop_edit`) shared by the window and the command
//! line. Each is validated (refusals say in Chinese what to change), written in one
//! `BEGIN IMMEDIATE` transaction with its change-log entry, and keeps the directive's stored
//! status in step with the state derived from its lead offices (销号 stays the officer's).

use rusqlite::{OptionalExtension, Transaction, params};

use super::edit::{Actor, log};
use super::loop_checks::{check_between, check_day, deadlines, optional, pending_report, required, target};
use super::{Result, Store, StoreError};
use crate::model::{
    DirectiveId, EscalationStep, ExtensionNote, LoopAction, LoopEdit, LoopState, OfficeState, Role, Status,
    is_late_request,
};

/// Keeps the stored status in step with the lead offices (unless 销号); logs a change.
pub(super) fn sync_status(tx: &Transaction, id: DirectiveId, actor: &Actor) -> Result<()> {
    let stored: String = tx.query_row("SELECT status FROM directive WHERE id = ?1", [id.0], |r| r.get(0))?;
    let stored = Status::from_db(&stored).unwrap_or_default();
    let leads: Vec<OfficeState> = tx
        .prepare("SELECT state FROM assignment WHERE directive_id = ?1 AND role = 'lead'")?
        .query_map([id.0], |r| r.get::<_, String>(0))?
        .map(|s| s.map(|s| OfficeState::from_db(&s).unwrap_or_default()))
        .collect::<rusqlite::Result<_>>()?;
    let derived = LoopState::derive(&leads, stored).status();
    if derived != stored {
        tx.execute("UPDATE directive SET status = ?1 WHERE id = ?2", params![derived.as_db(), id.0])?;
        log(tx, actor, id, "状态", Some(stored.label()), Some(derived.label()))?;
    }
    Ok(())
}

impl Store {
    /// Applies one 督办 action to one office of directive `id`; returns a confirmation in
    /// Chinese. Nothing is written when it is refused.
    pub fn apply_loop_edit(&mut self, id: DirectiveId, edit: &LoopEdit, actor: &Actor) -> Result<String> {
        let tx = self.begin_write()?;
        let message = loop_edit_in(&tx, id, edit, actor)?;
        tx.commit()?;
        Ok(message)
    }
}

/// [`Store::apply_loop_edit`] inside a transaction the caller commits (a returned 反馈单 applies
/// all its rows in one).
pub(super) fn loop_edit_in(
    tx: &Transaction,
    id: DirectiveId,
    edit: &LoopEdit,
    actor: &Actor,
) -> Result<String> {
    {
        super::register::refuse_set_aside(tx, id)?;
        let t = target(tx, id, &edit.office, actor)?;
        let today = actor.at.date();
        let (who, at) = (actor.author, actor.at);
        let (o, name) = (t.office.0, t.name.as_str());
        let mut finished_on = None;
        let (state, logged, message) = match &edit.action {
            LoopAction::Feedback(f) => {
                let text = required("反馈内容", &f.text)?;
                check_day("反馈", f.on, today, t.issued_on)?;
                tx.execute(
                    "INSERT INTO feedback (directive_id, office_id, on_date, channel, reporter, phone, text, recorded_at, recorded_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![id.0, o, f.on, f.channel.as_db(), optional(&f.by), optional(&f.phone), text, at, who],
                )?;
                let period = super::periods::record_receipt(tx, id, o, f.on, tx.last_insert_rowid())?;
                let state =
                    if t.state == OfficeState::Unreported { OfficeState::InProgress } else { t.state };
                let by = optional(&f.by).map(|b| format!("，{b}")).unwrap_or_default();
                let period = period.map(|p| format!("（{p}已报送）")).unwrap_or_default();
                let logged = format!("{name}：{}（{}{by}）{text}{period}", f.on, f.channel.label());
                let message = format!("已记录{name} {} 的反馈{period}，该单位现为“{}”", f.on, state.label());
                (state, logged, message)
            }
            LoopAction::Remind(r) => {
                if t.status == Status::Closed {
                    return Err(StoreError::ClosedDirective(t.number));
                }
                if t.state == OfficeState::Finished {
                    let hint = "无需催办";
                    return Err(StoreError::WrongState { office: t.name, state: t.state.label(), hint });
                }
                check_day("催办", r.on, today, t.issued_on)?;
                let last: Option<String> = tx
                    .query_row(
                        "SELECT step FROM reminder WHERE directive_id = ?1 AND office_id = ?2 ORDER BY on_date DESC, id DESC LIMIT 1",
                        params![id.0, o],
                        |row| row.get(0),
                    )
                    .optional()?;
                let step = r
                    .step
                    .unwrap_or(EscalationStep::after(last.as_deref().and_then(EscalationStep::from_db)));
                tx.execute(
                    "INSERT INTO reminder (directive_id, office_id, on_date, channel, reached, answer, step, recorded_at, recorded_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![id.0, o, r.on, r.channel.as_db(), optional(&r.reached), optional(&r.answer), step.as_db(), at, who],
                )?;
                let answer = optional(&r.answer).map(|a| format!("，答复：{a}")).unwrap_or_default();
                let logged = format!("{name}：{} {}（{}）{answer}", r.on, step.label(), r.channel.label());
                (t.state, logged, format!("已记录对{name}的{}（{}）", step.label(), r.on))
            }
            LoopAction::Extend(x) => {
                let reason = required("延期理由", &x.reason)?;
                let approved_by = required("批准人", &x.approved_by)?;
                if t.state == OfficeState::Finished {
                    let hint = "无需延期";
                    return Err(StoreError::WrongState { office: t.name, state: t.state.label(), hint });
                }
                check_day("延期申请", x.requested_on, today, t.issued_on)?;
                let approved_on = x.approved_on.unwrap_or(x.requested_on);
                check_between("批准", approved_on, today, (x.requested_on, "申请日期"))?;
                if x.to < t.issued_on {
                    return Err(StoreError::ExtensionTooEarly {
                        to: x.to,
                        than: format!("通知印发日期（{}）", t.issued_on),
                    });
                }
                let (current, original) = deadlines(tx, &t)?;
                if let Some(c) = current.filter(|c| x.to <= *c) {
                    return Err(StoreError::ExtensionTooEarly {
                        to: x.to, than: format!("当前时限（{c}）")
                    });
                }
                let late = is_late_request(current, x.requested_on);
                tx.execute(
                    "INSERT INTO extension (directive_id, office_id, requested_on, original_deadline, new_deadline, reason,
                                            approved_by, approved_on, late_request, recorded_at, recorded_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![id.0, o, x.requested_on, current, x.to, reason, approved_by, approved_on, late, at, who],
                )?;
                let note = ExtensionNote {
                    original,
                    to: x.to,
                    approved_by: approved_by.to_owned(),
                    late_request: late,
                };
                let logged = format!("{name}：{}，理由：{reason}", note.text());
                (t.state, logged, format!("已记录{name}延期：{}", note.text()))
            }
            LoopAction::Complete { on, report } => {
                if t.role != Role::Lead {
                    return Err(StoreError::Invalid(format!(
                        "{name}是配合单位，联合事项由牵头单位申请办结，请改为牵头单位"
                    )));
                }
                let hint = match t.state {
                    OfficeState::Requested => Some("请先审核通过或退回上一次办结申请"),
                    OfficeState::Finished => Some("无需再次申请办结"),
                    _ => None,
                };
                if let Some(hint) = hint {
                    return Err(StoreError::WrongState { office: t.name, state: t.state.label(), hint });
                }
                check_day("申请办结", *on, today, t.issued_on)?;
                let report =
                    Some(report.trim()).filter(|r| !r.is_empty()).unwrap_or("申请办结（未附办结报告）");
                tx.execute(
                    "INSERT INTO completion (directive_id, office_id, on_date, report, recorded_at, recorded_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id.0, o, on, report, at, who],
                )?;
                (
                    OfficeState::Requested,
                    format!("{name}：{on} {report}"),
                    format!("已记录{name} {on} 申请办结，待审核"),
                )
            }
            LoopAction::Accept { on } => {
                let (report_id, report_on) =
                    pending_report(tx, &t, "没有待审核的办结申请，请先记录申请办结")?;
                check_between("审核", *on, today, (report_on, "办结报告日期"))?;
                tx.execute(
                    "UPDATE completion SET decision = 'accepted', decided_on = ?1, decided_by = ?2 WHERE id = ?3",
                    params![on, who, report_id],
                )?;
                finished_on = Some(report_on);
                let logged = format!("{name}：{on} 审核通过，办结日期 {report_on}");
                (OfficeState::Finished, logged, format!("{name}已办结（办结日期 {report_on}）"))
            }
            LoopAction::Return { on, reason } => {
                let reason = required("退回理由", reason)?;
                let (report_id, report_on) = pending_report(tx, &t, "没有待审核的办结申请，无法退回")?;
                check_between("退回", *on, today, (report_on, "办结报告日期"))?;
                tx.execute(
                    "UPDATE completion SET decision = 'returned', decided_on = ?1, decided_by = ?2, decision_reason = ?3
                     WHERE id = ?4",
                    params![on, who, reason, report_id],
                )?;
                let logged = format!("{name}：{on} 退回重办，理由：{reason}");
                (
                    OfficeState::InProgress,
                    logged,
                    format!("已退回{name}的办结申请（{reason}），该单位重新推进"),
                )
            }
            LoopAction::Reopen { on, reason } => {
                let reason = required("重新打开的理由", reason)?;
                if t.state != OfficeState::Finished {
                    let hint = "只有已办结的单位才能重新打开";
                    return Err(StoreError::WrongState { office: t.name, state: t.state.label(), hint });
                }
                check_day("重新打开", *on, today, t.issued_on)?;
                let logged = format!("{name}：{on} 重新打开，理由：{reason}");
                (
                    OfficeState::InProgress,
                    logged,
                    format!("已重新打开{name}的办结（{reason}），该单位重新推进"),
                )
            }
        };
        let old = (state != t.state).then(|| format!("{name}：{}", t.state.label()));
        if state != t.state {
            tx.execute(
                "UPDATE assignment SET state = ?1, finished_on = ?2 WHERE directive_id = ?3 AND office_id = ?4",
                params![state.as_db(), finished_on, id.0, o],
            )?;
        }
        log(tx, actor, id, edit.action.label(), old.as_deref(), Some(&logged))?;
        sync_status(tx, id, actor)?;
        Ok(message)
    }
}
