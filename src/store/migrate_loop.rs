//! Migration 8's Rust step: per-office states from the directives' statuses, losing nothing.
//! Every assignment takes its directive's status (未开始 → 未反馈, 推进中 → 推进中, 已完成 →
//! 申请办结 with a completion report standing for the old status, 已销号 → 已办结 completed on the
//! day the status was set); progress notes stay as they are (值班记录, attributed to no office);
//! one change-log entry records the migration.

use chrono::NaiveDate;
use rusqlite::{Transaction, params};

use super::Result;
use super::changelog::{self, Entry};
use crate::model::{OfficeState, Status};

/// Who the migration's records are by.
pub(super) const MIGRATION_AUTHOR: &str = "数据迁移";

/// The report text that stands for a status of 已完成 set before per-office states existed.
pub const MIGRATED_REPORT: &str = "迁移前状态为“已完成”（原未单独记录办结报告）";

pub(super) fn per_office_states(tx: &Transaction) -> Result<()> {
    // Directive, status, the day its status last became 已完成/已销号 (from the change log),
    // and its notice's issue date.
    let rows: Vec<(i64, String, Option<String>, NaiveDate)> = tx
        .prepare(
            "SELECT d.id, d.status,
                    (SELECT max(c.at) FROM change_log c WHERE c.directive_id = d.id AND c.field = '状态'
                       AND c.new_value IN ('已完成', '已销号')),
                    n.issued_on
             FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        // A new (or empty) database: nothing to migrate, nothing to log.
        return Ok(());
    }
    let now = chrono::Local::now().naive_local();
    let mut counts = [0usize; 4];
    for (id, status, set_at, issued_on) in rows {
        let status = Status::from_db(&status).unwrap_or_default();
        let state = OfficeState::from_status(status);
        // The change log's time stamps are "YYYY-MM-DD HH:MM:SS…": the day is the first 10 bytes.
        let set_on = set_at.as_deref().and_then(|t| t.get(..10)).and_then(|d| d.parse::<NaiveDate>().ok());
        let finished_on = (state == OfficeState::Finished).then_some(set_on).flatten();
        let n = tx.execute(
            "UPDATE assignment SET state = ?1, finished_on = ?2 WHERE directive_id = ?3",
            params![state.as_db(), finished_on, id],
        )?;
        counts[OfficeState::ALL.iter().position(|s| *s == state).unwrap_or(0)] += n;
        if state == OfficeState::Requested {
            tx.execute(
                "INSERT INTO completion (directive_id, office_id, on_date, report, recorded_at, recorded_by)
                 SELECT directive_id, office_id, ?2, ?3, ?4, ?5 FROM assignment WHERE directive_id = ?1",
                params![id, set_on.unwrap_or(issued_on), MIGRATED_REPORT, now, MIGRATION_AUTHOR],
            )?;
        }
    }
    let summary = format!(
        "督办改为分单位办理：{} 个单位按原状态设置（未反馈 {}、推进中 {}、申请办结 {}、已办结 {}），原进展作为值班记录保留",
        counts.iter().sum::<usize>(),
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    );
    let entry = Entry {
        notice_id: None,
        directive_id: None,
        field: "迁移",
        old_value: Some("第7版"),
        new_value: Some(&summary),
    };
    changelog::append(tx, now, MIGRATION_AUTHOR, &entry)
}
