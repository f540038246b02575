//! Migration 8 on every schema fixture: each office takes its directive's status, nothing is
//! lost (notes stay as 值班记录, the change log stays intact and records the migration), and a
//! migrated 已完成 can be reviewed like any completion report.

use duban::model::{DirectiveId, LoopAction, LoopEdit, OfficeState, Status};
use duban::store::{Actor, MIGRATED_REPORT, SCHEMA_VERSION, Store, verify_chain};
use rusqlite::Connection;

use crate::support::{at, date};

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn loop_every_fixture_moves_to_per_office_states_without_losing_anything() {
    // Migration 8 runs on the fixtures made before it (later migrations add their own tests).
    const { assert!(SCHEMA_VERSION >= 8) };
    for version in 1..8 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("duban.sqlite3");
        let fixture = format!("tests/fixtures/schema-v{version}.sqlite3");
        std::fs::copy(&fixture, &path).unwrap();
        let before = Connection::open(&fixture).unwrap();
        let statuses: Vec<(i64, String)> = before
            .prepare("SELECT id, status FROM directive ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let notes = count(&before, "SELECT count(*) FROM progress");
        let entries = count(&before, "SELECT count(*) FROM change_log");
        let assignments = count(&before, "SELECT count(*) FROM assignment");

        let store = Store::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        let conn = store.connection();
        assert_eq!(count(conn, "SELECT count(*) FROM progress"), notes, "v{version}: notes kept");
        assert_eq!(count(conn, "SELECT count(*) FROM assignment"), assignments, "v{version}");
        // Migration 8 adds one entry (later migrations add one only when they change data).
        let added = count(conn, "SELECT count(*) FROM change_log") - entries;
        let eighth = count(
            conn,
            "SELECT count(*) FROM change_log WHERE field = '迁移' AND old_value = '第7版' AND author = '数据迁移'",
        );
        assert_eq!(eighth, 1, "v{version}: migration 8's entry");
        let migrations = count(conn, "SELECT count(*) FROM change_log WHERE author = '数据迁移'");
        assert_eq!(added, migrations, "v{version}: only migrations' entries added");
        assert!(verify_chain(conn).unwrap().is_intact(), "v{version}");

        let board = store.load_board().unwrap();
        for (id, status) in statuses {
            let status = Status::from_db(&status).unwrap();
            let row = board.directive(DirectiveId(id)).unwrap();
            assert_eq!(row.status, status, "v{version} #{id}: the directive's status stays");
            for a in &row.assignments {
                assert_eq!(a.track.state, OfficeState::from_status(status), "v{version} #{id} {}", a.name);
            }
        }
        let done = count(
            conn,
            "SELECT count(*) FROM assignment a JOIN directive d ON d.id = a.directive_id WHERE d.status = 'done'",
        );
        let reports =
            count(conn, &format!("SELECT count(*) FROM completion WHERE report = '{MIGRATED_REPORT}'"));
        assert_eq!(reports, done, "v{version}: each migrated 已完成 office has its report");
    }
}

#[test]
fn loop_the_v7_fixture_keeps_dates_notes_and_can_be_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v7.sqlite3", &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    // 五.3 (16) was 销号 on 2022-03-21: its offices finished that day.
    let closed = store.directive_row(DirectiveId(16)).unwrap();
    assert!(!closed.assignments.is_empty());
    for a in &closed.assignments {
        assert_eq!((a.track.state, a.track.finished_on), (OfficeState::Finished, Some(date("2022-03-21"))));
    }
    // 一.1 (1) was 推进中 with a note: the note stays the 值班记录 shown as the latest progress,
    // attributed to no office (it is no feedback).
    let row = store.directive_row(DirectiveId(1)).unwrap();
    assert!(
        row.last_note.as_ref().is_some_and(|(on, text)| *on == date("2022-03-18") && text.contains("46处"))
    );
    assert!(
        row.assignments
            .iter()
            .all(|a| a.track.state == OfficeState::InProgress && a.track.last_feedback.is_none())
    );
    assert_eq!(store.loop_history(DirectiveId(1)).unwrap(), Vec::new());
    // 一.3 (3) was 已完成 on 2022-03-19: its offices await review; accepting finishes them on that day.
    let row = store.directive_row(DirectiveId(3)).unwrap();
    let office = row.assignments[0].name.to_string();
    assert_eq!(row.assignments[0].track.state, OfficeState::Requested);
    let actor = Actor { author: "张伟", at: at("2022-03-25") };
    let accept = LoopEdit { office, action: LoopAction::Accept { on: date("2022-03-25") } };
    store.apply_loop_edit(DirectiveId(3), &accept, &actor).unwrap();
    let track = &store.directive_row(DirectiveId(3)).unwrap().assignments[0].track;
    assert_eq!(track.finished_on, Some(date("2022-03-19")));
    // 接续 links survive.
    assert_eq!(store.directive_row(DirectiveId(17)).unwrap().continues, Some(DirectiveId(2)));
}
