//! A confirmed change is never lost or half-written, and two processes on one database lose
//! nothing. The child processes are this test binary run again on an ignored test
//! (`worker_process`), which performs real store operations — twelve kinds, from imports to
//! roster edits and restores — and prints a line before each and after each commit; the parent
//! kills it at random moments once operations run and checks nothing confirmed is lost, nothing
//! is present twice, and that the kills did land inside operations.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use duban::backup::{check_evidence, restore};
use duban::evidence::{DEFAULT_GRACE, attach_file};
use duban::model::{DirectiveId, EvidenceId, OfficeId, Status};
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

/// Kinds of operation the child cycles through: operation k is kind k % KINDS.
const KINDS: i64 = 13;

/// The child: from `DUBAN_CRASH_START` on, operation k (by author `#k`) is, by k % 13: import,
/// progress note, deadline, attach, status, responsible offices, trash, restore from the trash,
/// trash again, empty the trash, a roster rename, a restore of a fresh snapshot over the
/// database, and a 督办 record (反馈, 催办 or 延期 in turn: see `loop_operation`). It prints
/// `begin k` before and `committed k` after each.
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
            store.add_note(id, date("2022-03-18"), &format!("{name} 第{n}条"), &actor).expect("note");
        }
        println!("done {name}");
        return;
    }
    let start: i64 = std::env::var("DUBAN_CRASH_START").expect("start").parse().expect("number");
    let text = decode_text(SEED).expect("seed").text;
    let draft = parse_notice(&text, date("2022-03-16")).expect("parse");
    for k in start.. {
        println!("begin {k}");
        operate(&mut store, dir, k, &draft, &text);
        println!("committed {k}");
    }
}

fn one(store: &Store, sql: &str, arg: impl rusqlite::ToSql) -> i64 {
    store.connection().query_row(sql, [arg], |r| r.get(0)).expect(sql)
}

fn operate(store: &mut Store, dir: &Path, k: i64, draft: &duban::model::NoticeDraft, text: &str) {
    let author = format!("#{k}");
    let actor = Actor { author: &author, at: at("2022-03-18") };
    let directive = DirectiveId(1 + k % PER_NOTICE);
    let newest = |trashed: bool| {
        let sql = format!(
            "SELECT max(id) FROM evidence WHERE trashed_at IS {} NULL",
            if trashed { "NOT" } else { "" }
        );
        EvidenceId(store.connection().query_row(&sql, [], |r| r.get(0)).expect("evidence"))
    };
    match k % KINDS {
        0 => drop(store.import_notice(draft, text, &author, at("2022-03-16")).expect("import")),
        1 => drop(
            store.add_note(directive, date("2022-03-18"), &format!("第{k}次进展"), &actor).expect("note"),
        ),
        2 => {
            let deadline = date("2023-01-01") + chrono::Days::new(k as u64);
            store.set_deadline(directive, Some(deadline), &actor).expect("deadline");
        }
        3 => {
            let file = dir.join(format!("source-{k}.txt"));
            std::fs::write(&file, format!("现场检查记录 {k}").repeat(50)).expect("source");
            attach_file(store, dir, directive, None, &file, &actor).expect("attach");
        }
        4 => {
            let now: String = store
                .connection()
                .query_row("SELECT status FROM directive WHERE id = ?1", [directive.0], |r| r.get(0))
                .expect("status");
            let next = Status::ALL.into_iter().find(|s| s.as_db() != now).expect("another status");
            assert!(store.set_status(directive, next, &actor).expect("status"));
        }
        5 => {
            // As many new lead units as it had, so each notice keeps its count of units.
            let sql = "SELECT count(*) FROM assignment WHERE directive_id = ?1 AND role = 'lead'";
            let leads = one(store, sql, directive.0).max(1);
            let names: Vec<String> = (0..leads)
                .map(|i| if i == 0 { format!("处室{k}") } else { format!("处室{k}-{i}") })
                .collect();
            assert!(store.set_offices(directive, &names, &actor).expect("offices"));
        }
        6 | 8 => assert!(store.trash_evidence(newest(false), &actor).expect("trash")),
        7 => assert!(store.restore_evidence(newest(true), &actor).expect("untrash")),
        9 => assert_eq!(store.empty_evidence_trash(&actor).expect("empty"), 1),
        10 => {
            let office =
                OfficeId(one(store, "SELECT id FROM office WHERE name = ?1", format!("处室{}", k - 5)));
            store.rename_office(office, &format!("改名{k}"), &actor).expect("rename");
        }
        12 => loop_operation(store, directive, k, &actor),
        _ => {
            let snapshot = dir.join("snapshot.sqlite3");
            store.snapshot_to(&snapshot).expect("snapshot");
            restore(store, dir, &snapshot, &mut |_, _| {}).expect("restore");
        }
    }
}

/// Operation k (k % 13 = 12): a 反馈, a 催办 or a 延期 (in turn) on the first office of the
/// first directive from `directive` on that is not 销号 (a 催办 for a closed one is refused).
fn loop_operation(store: &mut Store, directive: DirectiveId, k: i64, actor: &Actor) {
    use duban::model::{Channel, LoopAction, LoopEdit, NewExtension, NewFeedback, NewReminder};
    let directive = (0..PER_NOTICE)
        .map(|i| DirectiveId(1 + (directive.0 - 1 + i) % PER_NOTICE))
        .find(|d| store.directive_row(*d).expect("row").status != Status::Closed)
        .expect("a directive not 销号");
    let office = store.directive_row(directive).expect("row").assignments[0].name.to_string();
    let on = date("2022-03-18");
    let action = match (k / KINDS) % 3 {
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
    let table = ["feedback", "reminder", "extension"][((k / KINDS) % 3) as usize];
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
    // Every confirmed operation is there, once: an import as one notice, every other change
    // as one change-log entry (emptying a trash of one file included). A restore of a fresh
    // snapshot changes nothing to find; that nothing else went missing across it is the check.
    for &k in confirmed {
        let found = match k % KINDS {
            0 => count(&store, "SELECT count(*) FROM notice WHERE imported_by = ?1", k),
            11 => continue,
            12 => loop_found(&store, k),
            _ => count(&store, "SELECT count(*) FROM change_log WHERE author = ?1", k),
        };
        assert_eq!(found, 1, "confirmed operation {k} (kind {}) is there {found} times", k % KINDS);
    }
    // Every file a row points to is stored, with the right hash.
    let later = SystemTime::now() + Duration::from_secs(60);
    let files = check_evidence(&store, dir, later, DEFAULT_GRACE, &mut |_, _| {}).expect("evidence check");
    assert!(files.is_healthy(), "{files:?}");
    let authors = "SELECT max(CAST(substr(author, 2) AS INTEGER)) FROM change_log WHERE author LIKE '#%'";
    let logged: Option<i64> = conn.query_row(authors, [], |r| r.get(0)).optional().unwrap().flatten();
    let imported: Option<i64> = conn
        .query_row("SELECT max(CAST(substr(imported_by, 2) AS INTEGER)) FROM notice", [], |r| r.get(0))
        .unwrap();
    logged.max(imported).unwrap_or(-1)
}

#[test]
fn killed_at_random_moments_nothing_confirmed_is_lost_or_present_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut random = Lcg(0x5EED_2026_1128);
    let (mut confirmed, mut next, mut kills, mut inside) = (BTreeSet::new(), 0i64, 0, 0);
    // At least 45 kills, and on a slow machine as many more as it takes to confirm 150
    // operations (every kind a dozen times).
    while kills < 45 || confirmed.len() < 150 {
        assert!(kills < 1000, "only {} operations confirmed in {kills} runs", confirmed.len());
        let mut child = spawn_worker(&[
            ("DUBAN_CRASH_DIR", dir.path().display().to_string()),
            ("DUBAN_CRASH_START", next.to_string()),
        ]);
        // The clock starts at the first operation, not at the launch: start-up time varies
        // with the machine's load, and a kill during start-up tests nothing about commits.
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut out = String::new();
        while !out.lines().any(|l| l.starts_with("begin ")) {
            if stdout.read_line(&mut out).expect("a line") == 0 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(random.below(400)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        kills += 1;
        stdout.read_to_string(&mut out).unwrap();
        let numbers = |prefix: &str| -> Vec<i64> {
            out.lines().filter_map(|l| l.strip_prefix(prefix)).map(|k| k.parse::<i64>().unwrap()).collect()
        };
        let (begun, committed) = (numbers("begin "), numbers("committed "));
        // The kill landed inside an operation: one was begun and not reported committed.
        if begun.last().is_some_and(|b| committed.last() != Some(b)) {
            inside += 1;
        }
        confirmed.extend(committed);
        let highest = verify(dir.path(), &confirmed);
        let last_confirmed = confirmed.last().copied().unwrap_or(-1);
        assert!(highest <= last_confirmed + 1, "only the operation in flight may be unconfirmed");
        next = highest.max(last_confirmed) + 1;
    }
    assert!(confirmed.len() >= 150 && kills >= 45, "{kills} kills, {} operations", confirmed.len());
    // Most kills must land inside an operation, or the test proves little about commits.
    assert!(inside * 4 >= kills * 3, "only {inside} of {kills} kills landed inside an operation");
    // Every kind of operation was confirmed (and so checked) several times.
    for kind in 0..KINDS {
        let n = confirmed.iter().filter(|k| *k % KINDS == kind).count();
        assert!(n >= 3, "operation kind {kind} confirmed only {n} times");
    }
    eprintln!("{kills} kills, {inside} inside an operation; {} operations confirmed", confirmed.len());
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
