//! 生成表单 — per office: a serial issued (stored, never reused), then the 督办通知单 and the
//! 反馈单 (Word and Excel) written atomically into a folder; or a 催办通知 for the items due a
//! reminder, which records a 催办 (书面) on each through the loop path.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use super::FormsError;
use super::content::{OfficeForms, month_day, office_forms};
use super::docx_forms::{UrgeLine, feedback_docx, notice_docx, urge_docx};
use super::xlsx_form::feedback_xlsx;
use crate::fsutil::write_atomically;
use crate::model::{
    Board, Channel, EscalationStep, FormKind, LoopAction, LoopEdit, LoopEventKind, NewReminder, OfficeId,
    ReminderReason, reminders_due,
};
use crate::store::{Actor, Store};

/// What was generated for one office.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub office: String,
    /// 督办〔2022〕第3号
    pub serial: String,
    pub form_id: String,
    pub directives: usize,
    pub files: Vec<PathBuf>,
}

/// A file name without characters Windows refuses.
fn safe(name: &str) -> String {
    name.chars().map(|c| if r#"\/:*?"<>|"#.contains(c) || c.is_control() { '_' } else { c }).collect()
}

/// Generates the 督办通知单 and 反馈单 (.docx, .xlsx) of each office in `offices` that has open
/// work, into `dir`. `contact` is the duty officer named on the forms.
pub fn generate_forms(
    store: &mut Store,
    board: &Board,
    offices: &[OfficeId],
    dir: &Path,
    contact: &str,
    actor: &Actor,
) -> Result<Vec<Generated>, FormsError> {
    std::fs::create_dir_all(dir)?;
    let cadence = store.feedback_cadence()?;
    let today = actor.at.date();
    let mut out = Vec::new();
    for &office in offices {
        let Some(forms) = office_forms(board, office, cadence, contact, today).filter(|f| !f.rows.is_empty())
        else {
            continue;
        };
        let ids: Vec<_> = forms.rows.iter().map(|r| r.id).collect();
        let form = store.issue_form(FormKind::Notice, office, &ids, actor)?;
        let stem = format!("{}年第{}号_{}", form.serial_year, form.serial_no, safe(&forms.office_name));
        let files = [
            (format!("督办通知单_{stem}.docx"), notice_docx(&forms, &form)?),
            (format!("反馈单_{stem}.docx"), feedback_docx(&forms, &form)?),
            (format!("反馈单_{stem}.xlsx"), feedback_xlsx(&forms, &form)?),
        ];
        let mut paths = Vec::new();
        for (name, bytes) in files {
            let path = dir.join(name);
            write_atomically(&path, &bytes)?;
            paths.push(path);
        }
        out.push(Generated {
            office: forms.office_name.clone(),
            serial: form.serial_text(),
            form_id: form.form_id.clone(),
            directives: ids.len(),
            files: paths,
        });
    }
    Ok(out)
}

/// 已于3月18日电话催办；已于3月21日书面提醒 — the office's earlier reminders on `row`.
fn history(store: &Store, row: &super::content::FormRow, office: &str) -> Result<String, FormsError> {
    let events = store.loop_history(row.id)?;
    let lines: Vec<String> = events
        .iter()
        .filter(|e| e.office == office)
        .filter_map(|e| match &e.kind {
            LoopEventKind::Reminder(step) => Some(format!(
                "已于{}{}{}",
                month_day(e.on),
                e.channel.map_or("", |c| c.label()),
                step.label()
            )),
            _ => None,
        })
        .collect();
    Ok(lines.join("；"))
}

/// Generates a 催办通知 for each office with items due a reminder on `today` (overdue or late
/// with feedback), into `dir`, and records a 催办 (书面, at the step proposed) on each item —
/// the file and the records go together: the records are written only after the file is.
pub fn generate_urges(
    store: &mut Store,
    board: &Board,
    only: Option<OfficeId>,
    dir: &Path,
    contact: &str,
    actor: &Actor,
) -> Result<Vec<Generated>, FormsError> {
    std::fs::create_dir_all(dir)?;
    let cadence = store.feedback_cadence()?;
    let today: NaiveDate = actor.at.date();
    let due = reminders_due(board, today, cadence);
    let mut offices: Vec<OfficeId> = due.iter().map(|d| d.office).collect();
    offices.dedup();
    offices.sort_by_key(|o| board.offices.iter().position(|x| x.id == *o));
    offices.dedup();
    let mut out = Vec::new();
    for office in offices.into_iter().filter(|o| only.is_none_or(|x| x == *o)) {
        let Some(forms): Option<OfficeForms> = office_forms(board, office, cadence, contact, today) else {
            continue;
        };
        let items: Vec<_> = due.iter().filter(|d| d.office == office).collect();
        let mut lines = Vec::new();
        for d in &items {
            let Some(row) = forms.rows.iter().find(|r| r.id == d.directive) else { continue };
            let why = match d.reason {
                ReminderReason::Overdue { days } => format!("逾期{days}天"),
                ReminderReason::LateFeedback(_) => match row.last_feedback {
                    Some(on) => format!("逾期未反馈（上次反馈{}）", month_day(on)),
                    None => "逾期未反馈（尚未反馈）".to_owned(),
                },
                ReminderReason::PeriodMissed { missed: 1, days } => {
                    format!("周期报送未报（应于{days}天前报送）")
                }
                ReminderReason::PeriodMissed { missed, .. } => format!("周期报送漏报{missed}期"),
            };
            lines.push(UrgeLine { row: row.clone(), why, history: history(store, row, &forms.office_name)? });
        }
        if lines.is_empty() {
            continue;
        }
        let step = items.iter().map(|d| d.next_step).max().unwrap_or(EscalationStep::Remind);
        let ids: Vec<_> = lines.iter().map(|l| l.row.id).collect();
        let form = store.issue_form(FormKind::Urge, office, &ids, actor)?;
        let bytes = urge_docx(&forms, &form, &lines, step.label(), today + Days::new(3))?;
        let path = dir.join(format!(
            "催办通知_{}年第{}号_{}.docx",
            form.serial_year,
            form.serial_no,
            safe(&forms.office_name)
        ));
        write_atomically(&path, &bytes)?;
        let edits: Vec<_> = items
            .iter()
            .map(|d| {
                let action = LoopAction::Remind(NewReminder {
                    on: today,
                    channel: Channel::Written,
                    reached: None,
                    answer: Some(format!("{}（催办通知）", form.serial_text())),
                    step: Some(d.next_step),
                });
                (d.directive, LoopEdit { office: forms.office_name.clone(), action })
            })
            .collect();
        store.apply_loop_edits(&edits, actor)?;
        out.push(Generated {
            office: forms.office_name.clone(),
            serial: form.serial_text(),
            form_id: form.form_id.clone(),
            directives: ids.len(),
            files: vec![path],
        });
    }
    Ok(out)
}
