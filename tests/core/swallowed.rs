//! Errors that used to be swallowed now surface: a failed author read, an unknown stored status,
//! a row whose hash is not one, a snapshot that cannot be read when deciding which files are
//! still needed, a named pipe given as a notice, unlimited standard input, a closed pipe.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use duban::backup::{check_evidence, relocate, write_archive};
use duban::evidence::{BlobStore, DEFAULT_GRACE};
use duban::model::{DirectiveId, Status};
use duban::store::DEFAULT_AUTHOR;

use crate::support::{Data, actor, jpeg};

#[test]
fn a_failed_author_read_is_an_error_not_the_default_name() {
    let data = Data::new();
    assert_eq!(data.store.signing_author().unwrap(), DEFAULT_AUTHOR);
    data.store.set_author("李娜").unwrap();
    assert_eq!(data.store.signing_author().unwrap(), "李娜");
    data.store.connection().execute_batch("DROP TABLE setting").unwrap();
    assert!(data.store.signing_author().is_err(), "a failed read never signs as 值班员");
}

#[test]
fn a_status_this_build_does_not_know_is_logged_as_it_was_stored() {
    let mut data = Data::new();
    let conn = data.store.connection();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE directive SET status = 'suspended' WHERE id = 2; PRAGMA ignore_check_constraints = OFF").unwrap();
    assert!(data.store.set_status(DirectiveId(2), Status::Done, &actor()).unwrap());
    let old: String = data
        .store
        .connection()
        .query_row("SELECT old_value FROM change_log ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, "suspended");
}

#[test]
fn a_row_whose_hash_is_not_one_is_reported_by_check_backup_and_move_not_left_out() {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(64, 48, 2));
    data.attach(DirectiveId(2), None, &photo).unwrap();
    data.store
        .connection()
        .execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE evidence SET hash = 'not-a-hash'; PRAGMA ignore_check_constraints = OFF")
        .unwrap();
    let report =
        check_evidence(&data.store, data.path(), SystemTime::now(), DEFAULT_GRACE, &mut |_, _| {}).unwrap();
    assert!(!report.is_healthy(), "{report:?}");
    assert_eq!(report.corrupt[0].names, ["现场.jpg"]);
    let usb = tempfile::tempdir().unwrap();
    let written = write_archive(&data.store, data.path(), &usb.path().join("b.zip"), &mut |_, _| {}).unwrap();
    assert_eq!(written.missing, ["not-a-hash"]);
    let err = relocate(&data.store, data.path(), &usb.path().join("新"), &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("材料记录的编号无效"), "{err}");
}

#[test]
fn when_a_snapshot_cannot_be_read_no_file_is_moved_aside() {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(64, 48, 3));
    let attached = data.attach(DirectiveId(2), None, &photo).unwrap();
    data.store.trash_evidence(attached.id, &actor()).unwrap();
    data.store.empty_evidence_trash(&actor()).unwrap();
    // A snapshot that may need the file, but cannot be opened.
    std::fs::create_dir_all(data.path().join("backups")).unwrap();
    std::fs::write(data.path().join("backups/daily-2022-03-18.sqlite3"), vec![0x5A; 4096]).unwrap();
    let later = SystemTime::now() + DEFAULT_GRACE + Duration::from_secs(3600);
    let report = check_evidence(&data.store, data.path(), later, DEFAULT_GRACE, &mut |_, _| {}).unwrap();
    assert!(report.orphans_moved.is_empty(), "{report:?}");
    assert!(report.orphans_held.is_some(), "the report says why nothing moved");
    assert!(BlobStore::in_data_dir(data.path()).path_of(&attached.hash).exists());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_as_a_notice_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("通知.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // Opening a pipe with no writer would block forever: the type is checked first.
    let err = duban::notice::read_notice_file(&fifo).unwrap_err().to_string();
    assert!(err.starts_with("不是普通文件") && err.ends_with("通知.txt"), "{err}");
}

#[test]
fn standard_input_is_capped_like_a_file() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = "一、加强检查。\n".repeat(4096);
        // Far beyond the limit; duban stops reading, so the write ends with a broken pipe.
        for _ in 0..((duban::notice::MAX_NOTICE_BYTES as usize / chunk.len()) + 64) {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("文件过大"), "{stderr}");
}

#[test]
fn a_reader_that_closes_the_pipe_ends_the_listing_quietly() {
    let data = Data::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["list", "--date", "2022-03-22"])
        .env("DUBAN_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // `| head -0`: the reader is gone before duban writes
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "no message: {stderr}");
    assert!(matches!(out.status.code(), Some(0 | 141)), "{:?}", out.status);
}
