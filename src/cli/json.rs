//! JSON shapes printed by the command line (stable: scripts read them).

use serde_json::{Value, json};

use crate::model::{DirectiveRow, NoticeDraft, OfficeFigures, Role};

/// `duban parse` output.
pub fn notice_json(n: &NoticeDraft) -> Value {
    json!({
        "title": n.title,
        "doc_number": n.doc_number,
        "issuer": n.issuer,
        "recipients": n.recipients,
        "meeting": n.meeting,
        "issued_on": n.issued_on.to_string(),
        "sections": n.sections.iter().map(|s| json!({
            "number": s.number,
            "title": s.title,
            "offices": s.offices,
            "directives": s.directives.iter().map(|d| json!({
                "number": d.number,
                "title": d.title,
                "text": d.text,
                "offices": d.offices,
                "support_offices": d.support_offices,
                "deadline": d.deadline.date.map(|x| x.to_string()),
                "deadline_text": d.deadline.phrase,
                "deadline_inferred": d.deadline.inferred,
                "recurrence": d.deadline.recurrence,
                "units_phrase": d.units_phrase,
                "context": d.context,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// One `duban list --json` entry.
pub fn directive_json(d: &DirectiveRow, days_overdue: Option<i64>) -> Value {
    json!({
        "id": d.id.0,
        "number": d.number,
        "title": d.title,
        "offices": d.names_with(Role::Lead),
        "support_offices": d.names_with(Role::Support),
        "deadline": d.deadline.map(|x| x.to_string()),
        "status": d.status.as_db(),
        "status_label": d.status.label(),
        "days_overdue": days_overdue,
        "meeting": d.meeting,
        "source": d.source.as_ref().map(|s| json!({
            "kind": s.kind.short(),
            "kind_label": s.kind.label(),
            "by": s.by,
            "reference": s.reference,
            "description": s.describe(),
        })),
        "last_progress": d.last_note.as_ref().map(|(on, text)| format!("{on}：{text}")),
        "evidence": d.evidence,
        "loop_state": d.loop_state().label(),
        "office_states": d.assignments.iter().map(|a| json!({
            "office": a.name,
            "role": a.role.as_db(),
            "state": a.track.state.as_db(),
            "state_label": a.track.state.label(),
            "deadline": a.track.deadline.map(|x| x.to_string()),
            "original_deadline": a.track.original_deadline.map(|x| x.to_string()),
            "last_feedback": a.track.last_feedback.map(|x| x.to_string()),
            "finished_on": a.track.finished_on.map(|x| x.to_string()),
        })).collect::<Vec<_>>(),
    })
}

/// One `duban stats --json` entry.
pub fn figures_json(f: &OfficeFigures) -> Value {
    json!({
        "office": f.name,
        "assigned": f.assigned,
        "finished": f.finished,
        "due": f.due,
        "on_time": f.on_time,
        "on_time_rate": f.on_time_rate,
        "avg_days": f.avg_days,
        "unreported": f.unreported,
        "late_unreported": f.late_unreported,
        "missed_periods": f.missed_periods,
        "extensions": f.extensions,
        "returns": f.returns,
    })
}
