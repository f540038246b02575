//! 汇报稿的素材 — every office's 督办 records dated within a span (反馈, 催办, 延期, 申请办结,
//! 审核通过, 退回) and the files added then, across all directives in a few queries, for the
//! brief on what changed since the previous meeting (model/brief.rs).

use chrono::NaiveDate;
use rusqlite::params;

use super::{Result, Store};
use crate::model::{Channel, DirectiveId, EscalationStep, FilesAdded, LoopEvent, LoopEventKind};

impl Store {
    /// The 督办 records dated from `since` to `until` (both included), by date.
    pub fn activity_between(
        &self,
        since: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<(DirectiveId, LoopEvent)>> {
        let mut out: Vec<(DirectiveId, LoopEvent)> = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT t.directive_id, t.id, o.name, t.on_date, 'feedback', t.text, t.reporter, t.channel, NULL, NULL
               FROM feedback t JOIN office o ON o.id = t.office_id WHERE t.on_date BETWEEN ?1 AND ?2
             UNION ALL
             SELECT t.directive_id, t.id, o.name, t.on_date, 'reminder', coalesce(t.answer, ''), t.reached, t.channel, t.step, NULL
               FROM reminder t JOIN office o ON o.id = t.office_id WHERE t.on_date BETWEEN ?1 AND ?2
             UNION ALL
             SELECT t.directive_id, t.id, o.name, t.requested_on, 'extension', t.reason, t.approved_by, NULL,
                    t.original_deadline, t.new_deadline || '|' || t.late_request
               FROM extension t JOIN office o ON o.id = t.office_id WHERE t.requested_on BETWEEN ?1 AND ?2
             UNION ALL
             SELECT t.directive_id, t.id, o.name, t.on_date, 'report', t.report, NULL, NULL, NULL, NULL
               FROM completion t JOIN office o ON o.id = t.office_id WHERE t.on_date BETWEEN ?1 AND ?2
             UNION ALL
             SELECT t.directive_id, t.id, o.name, t.decided_on, t.decision, coalesce(t.decision_reason, ''), t.decided_by, NULL, NULL, NULL
               FROM completion t JOIN office o ON o.id = t.office_id
               WHERE t.decision IS NOT NULL AND t.decided_on BETWEEN ?1 AND ?2
             ORDER BY 4, 1, 2",
        )?;
        let mut rows = stmt.query(params![since, until])?;
        while let Some(r) = rows.next()? {
            let kind = match r.get::<_, String>(4)?.as_str() {
                "feedback" => LoopEventKind::Feedback,
                "reminder" => LoopEventKind::Reminder(
                    r.get::<_, Option<String>>(8)?
                        .as_deref()
                        .and_then(EscalationStep::from_db)
                        .unwrap_or_default(),
                ),
                "extension" => {
                    let packed: String = r.get(9)?;
                    let (to, late) = packed.split_once('|').unwrap_or((&packed, "0"));
                    let Ok(to) = to.parse() else { continue };
                    LoopEventKind::Extension { from: r.get(8)?, to, late_request: late == "1" }
                }
                "report" => LoopEventKind::CompletionReport,
                "accepted" => LoopEventKind::Accepted,
                _ => LoopEventKind::Returned,
            };
            let channel = r.get::<_, Option<String>>(7)?.as_deref().and_then(Channel::from_db);
            let event = LoopEvent {
                record: r.get(1)?,
                office: r.get(2)?,
                on: r.get(3)?,
                kind,
                text: r.get(5)?,
                by: r.get(6)?,
                channel,
            };
            out.push((DirectiveId(r.get(0)?), event));
        }
        Ok(out)
    }

    /// Files added from `since` to `until` (by the day they were added), per directive and
    /// feedback office; the 回收站 left out.
    pub fn files_added_between(&self, since: NaiveDate, until: NaiveDate) -> Result<Vec<FilesAdded>> {
        Ok(self
            .conn
            .prepare(
                "SELECT e.directive_id, o.name, count(*), min(substr(e.added_at, 1, 10))
                 FROM evidence e LEFT JOIN feedback f ON f.id = e.feedback_id LEFT JOIN office o ON o.id = f.office_id
                 WHERE e.trashed_at IS NULL AND substr(e.added_at, 1, 10) BETWEEN ?1 AND ?2
                 GROUP BY e.directive_id, o.name ORDER BY e.directive_id",
            )?
            .query_map(params![since.to_string(), until.to_string()], |r| {
                Ok(FilesAdded {
                    directive: DirectiveId(r.get(0)?),
                    office: r.get(1)?,
                    count: r.get::<_, i64>(2)? as usize,
                    first_on: r.get::<_, String>(3)?.parse().unwrap_or(since),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
