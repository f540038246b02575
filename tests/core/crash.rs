//! A confirmed change is never lost or half-written, and two processes on one database lose
//! nothing. The child processes are this test binary run again on an ignored test
//! (`worker_process`), which performs real store operations and prints a line after each commit.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use duban::evidence::{DEFAULT_GRACE, attach_file, check};
use duban::model::DirectiveId;
use duban::notice::{decode_text, parse_notice};
use duban::store::{Actor, Store};
use rusqlite::OptionalExtension;

use crate::support::{SEED, at, date};

/// Directives per imported seed notice.
const PER_NOTICE: i64 = 16;

/// Runs `worker_process` in a child process with `env`.
fn spawn_worker(env: &[(&str, String)]) -> Child {
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command.args(["crash::worker_process", "--exact", "--ignored", "--nocapture", "--test-threads=1", "-q"]);
    for (key, value) in env {
        command.env(key, value);
    }
    command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn worker")
}

/// The child: from `DUBAN_CRASH_START` on, operation k is an import (k % 5 = 0), a progress
/// note, a deadline change, an attachment or a 督办 record (k % 5 = 4: see `loop_operation`),
/// each by author `#k`, each printed once committed.
/// With `DUBAN_CRASH_NOTES=N` it only adds N progress notes (the two-process test).
#[test]
#[ignore = "a child process of the crash tests"]
fn worker_process() {
    let Ok(dir) = std::env::var("DUBAN_CRASH_DIR") else { return };
    let dir = Path::new(&dir);
    let mut store = Store::open_dir(dir).expect("open");
    if let Ok(notes) = std::env::var("DUBAN_CRASH_NOTES") {
        let name = std::env::var("DUBAN_CRASH_NAME").expect("name");
        for n in 0..notes.parse::<u32>().expect("count") {
            let actor = Actor { author: &name, at: at("2022-03-18") };
            let id = DirectiveId(1 + i64::from(n) % PER_NOTICE);
            store.add_progress(id, date("2022-03-18"), &format!("{name} 第{n}条"), &actor).expect("note");
        }
        println!("done {name}");
        return;
    }
    let start: i64 = std::env::var("DUBAN_CRASH_START").expect("start").parse().expect("number");
    let text = decode_text(SEED).expect("seed").text;
    let draft = parse_notice(&text, date("2022-03-16")).expect("parse");
    for k in start.. {
        let author = format!("#{k}");
        let actor = Actor { author: &author, at: at("2022-03-18") };
        let directive = DirectiveId(1 + k % PER_NOTICE);
        match k % 5 {
            0 => drop(store.import_notice(&draft, &text, &author, at("2022-03-16")).expect("import")),
            4 => loop_operation(&mut store, directive, k, &actor),
            1 => drop(
                store
                    .add_progress(directive, date("2022-03-18"), &format!("第{k}次进展"), &actor)
                    .expect("note"),
            ),
            2 => {
                let deadline = date("2023-01-01") + chrono::Days::new(k as u64);
                store.set_deadline(directive, Some(deadline), &actor).expect("deadline");
            }
            _ => {
                let file = dir.join(format!("source-{k}.txt"));
                std::fs::write(&file, format!("现场检查记录 {k}").repeat(50)).expect("source");
                attach_file(&mut store, dir, directive, None, &file, &actor).expect("attach");
            }
        }
        println!("committed {k}");
    }
}

/// Operation k (k % 5 = 4): a 反馈, a 催办 or a 延期 (in turn) on the directive's first office.
fn loop_operation(store: &mut Store, directive: DirectiveId, k: i64, actor: &Actor) {
    use duban::model::{Channel, LoopAction, LoopEdit, NewExtension, NewFeedback, NewReminder};
    let office = store.directive_row(directive).expect("row").assignments[0].name.clone();
    let on = date("2022-03-18");
    let action = match (k / 5) % 3 {
        0 => LoopAction::Feedback(NewFeedback {
            on,
            channel: Channel::Phone,
            by: None,
            phone: None,
            text: format!("第{k}次反馈"),
        }),
        1 => LoopAction::Remind(NewReminder {
            on,
            channel: Channel::Phone,
            reached: None,
            answer: None,
            step: None,
        }),
        _ => LoopAction::Extend(NewExtension {
            requested_on: on,
            to: date("2024-01-01") + chrono::Days::new(k as u64),
            reason: format!("第{k}次延期"),
            approved_by: "李副总队长".into(),
            approved_on: None,
        }),
    };
    store.apply_loop_edit(directive, &LoopEdit { office, action }, actor).expect("loop record");
}

/// Whether 督办 operation k is stored, with its change-log entry (nothing half-written).
fn loop_found(store: &Store, k: i64) -> i64 {
    let table = ["feedback", "reminder", "extension"][((k / 5) % 3) as usize];
    let rows = count(store, &format!("SELECT count(*) FROM {table} WHERE recorded_by = ?1"), k);
    let logged = count(store, "SELECT count(*) FROM change_log WHERE author = ?1", k);
    assert_eq!(rows.min(1), logged.min(1), "operation {k}: {table} row and log entry disagree");
    rows
}

/// A small deterministic random sequence (no extra crate needed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn count(store: &Store, sql: &str, k: i64) -> i64 {
    store.connection().query_row(sql, [format!("#{k}")], |r| r.get(0)).expect(sql)
}

/// Checks the database after a kill; returns the highest operation found in it.
fn verify(dir: &Path, confirmed: &BTreeSet<i64>) -> i64 {
    let store = Store::open_dir(dir).expect("reopens after the kill");
    let report = store.check_integrity().expect("check");
    assert!(report.is_healthy(), "{report:?}");
    let conn = store.connection();
    // Nothing half-applied: every notice has all its directives and each directive its units;
    // every note, deadline change and file has its change-log entry by the same author.
    let partial: i64 = conn
        .query_row(
            "SELECT count(*) FROM notice n WHERE (SELECT count(*) FROM directive d JOIN section s ON s.id = d.section_id
             WHERE s.notice_id = n.id) != ?1",
            [PER_NOTICE],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(partial, 0, "a notice imported in part");
    let assignment_counts: i64 = conn
        .query_row(
            "SELECT count(DISTINCT units) FROM (SELECT s.notice_id, count(a.office_id) AS units
             FROM section s JOIN directive d ON d.section_id = s.id
             LEFT JOIN assignment a ON a.directive_id = d.id GROUP BY s.notice_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(assignment_counts <= 1, "a notice whose directives lack some of their units");
    for (table, field) in [("progress p", "p.author"), ("evidence e", "e.added_by")] {
        let orphaned: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.author = {field})"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphaned, 0, "{table} rows without their log entry");
    }
    // Each directive's deadline is what its latest logged change says.
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM directive d JOIN change_log c ON c.id =
               (SELECT max(id) FROM change_log WHERE directive_id = d.id AND field = '完成时限')
             WHERE c.new_value IS NOT d.deadline",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0, "deadlines disagree with the log");
    // Every confirmed operation is there.
    for &k in confirmed {
        let found = match k % 5 {
            0 => count(&store, "SELECT count(*) FROM notice WHERE imported_by = ?1", k),
            4 => loop_found(&store, k),
            1 => count(&store, "SELECT count(*) FROM progress WHERE author = ?1", k),
            2 => count(&store, "SELECT count(*) FROM change_log WHERE author = ?1 AND field = '完成时限'", k),
            _ => count(&store, "SELECT count(*) FROM evidence WHERE added_by = ?1", k),
        };
        assert!(found >= 1, "confirmed operation {k} is missing");
    }
    // Every file a row points to is stored, with the right hash.
    let later = SystemTime::now() + Duration::from_secs(60);
    let files = check(&store, dir, later, DEFAULT_GRACE, &mut |_, _| {}).expect("evidence check");
    assert!(files.is_healthy(), "{files:?}");
    let authors = "SELECT max(CAST(substr(author, 2) AS INTEGER)) FROM change_log WHERE author LIKE '#%'";
    let logged: Option<i64> = conn.query_row(authors, [], |r| r.get(0)).optional().unwrap().flatten();
    let imported: Option<i64> = conn
        .query_row("SELECT max(CAST(substr(imported_by, 2) AS INTEGER)) FROM notice", [], |r| r.get(0))
        .unwrap();
    logged.max(imported).unwrap_or(-1)
}

#[test]
fn killed_at_random_moments_forty_times_nothing_confirmed_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut random = Lcg(0x5EED_2026_1128);
    let (mut confirmed, mut next, mut kills) = (BTreeSet::new(), 0i64, 0);
    // At least 45 kills, and on a slow machine as many more as it takes to confirm 100 operations.
    while kills < 45 || confirmed.len() < 100 {
        assert!(kills < 1000, "only {} operations confirmed in {kills} runs", confirmed.len());
        let mut child = spawn_worker(&[
            ("DUBAN_CRASH_DIR", dir.path().display().to_string()),
            ("DUBAN_CRASH_START", next.to_string()),
        ]);
        std::thread::sleep(Duration::from_millis(40 + random.below(400)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        kills += 1;
        let mut out = String::new();
        child.stdout.take().expect("stdout").read_to_string(&mut out).unwrap();
        confirmed.extend(
            out.lines().filter_map(|l| l.strip_prefix("committed ")).map(|k| k.parse::<i64>().unwrap()),
        );
        let highest = verify(dir.path(), &confirmed);
        let last_confirmed = confirmed.last().copied().unwrap_or(-1);
        assert!(highest <= last_confirmed + 1, "only the operation in flight may be unconfirmed");
        next = highest.max(last_confirmed) + 1;
    }
    eprintln!("{kills} kills survived; {} operations confirmed and found after reopening", confirmed.len());
}

#[test]
fn two_processes_writing_two_thousand_changes_each_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = decode_text(SEED).unwrap().text;
    let mut store = Store::open_dir(dir.path()).unwrap();
    store
        .import_notice(&parse_notice(&text, date("2022-03-16")).unwrap(), &text, "张伟", at("2022-03-16"))
        .unwrap();
    let before = store.counts().unwrap();
    let writers: Vec<Child> = ["甲", "乙"]
        .iter()
        .map(|name| {
            spawn_worker(&[
                ("DUBAN_CRASH_DIR", dir.path().display().to_string()),
                ("DUBAN_CRASH_NOTES", "2000".into()),
                ("DUBAN_CRASH_NAME", (*name).into()),
            ])
        })
        .collect();
    for mut writer in writers {
        let status = writer.wait().unwrap();
        let mut out = String::new();
        writer.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        assert!(status.success() && out.contains("done"), "a writer failed: {out}");
    }
    // This process's connection, open all along, sees both writers' work.
    let notes = |name: &str| -> i64 {
        store
            .connection()
            .query_row("SELECT count(*) FROM progress WHERE author = ?1", [name], |r| r.get(0))
            .unwrap()
    };
    assert_eq!((notes("甲"), notes("乙")), (2000, 2000));
    assert_eq!(store.counts().unwrap(), before, "notes only");
    let report = store.check_integrity().unwrap();
    assert!(report.is_healthy(), "{report:?}");
    assert_eq!(report.chain.entries, 1 + 4000, "one chain, interleaved, unbroken");
}
