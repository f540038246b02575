//! Backups exist and restore: the single-file archive (database + evidence) brings back exactly
//! what was backed up, automatic snapshots are taken once a day and pruned to 14 daily and 8
//! weekly, a damaged database is refused and recovered from the newest snapshot, and `check`
//! never moves aside a file a snapshot needs.

use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::Days;
use duban::backup::check_evidence;
use duban::backup::{
    BackupError, SnapshotKind, auto_backup, list_snapshots, read_manifest, recover, restore, write_archive,
};
use duban::evidence::{BlobStore, DEFAULT_GRACE};
use duban::model::{DirectiveId, Status};
use duban::store::{DB_FILE_NAME, Store, StoreError};

use crate::support::{Data, actor, date, duban, dump, jpeg};

fn progress_count(store: &Store) -> i64 {
    store.connection().query_row("SELECT count(*) FROM progress", [], |r| r.get(0)).unwrap()
}

#[test]
fn an_archive_brings_back_the_database_and_its_files_after_later_changes() {
    let mut data = Data::new();
    let photo = data.source("现场检查.jpg", &jpeg(320, 240, 7));
    let attached = data.attach(DirectiveId(2), None, &photo).unwrap();
    data.store.add_note(DirectiveId(2), date("2022-03-18"), "已完成第一轮检查", &actor()).unwrap();
    let before = dump(&data.store);
    let usb = tempfile::tempdir().unwrap();
    let archive = usb.path().join("督办台备份.zip");
    let written = write_archive(&data.store, data.path(), &archive, &mut |_, _| {}).unwrap();
    assert_eq!((written.files, written.missing.len()), (1, 0));
    let manifest = read_manifest(&archive).unwrap();
    assert_eq!(manifest.blobs.get(attached.hash.as_str()), Some(&attached.size));

    // Later: more work, then the file is deleted from the store and its row emptied from 回收站.
    data.store.set_status(DirectiveId(2), Status::Done, &actor()).unwrap();
    data.store.add_note(DirectiveId(3), date("2022-03-19"), "备份之后的进展", &actor()).unwrap();
    data.store.trash_evidence(attached.id, &actor()).unwrap();
    data.store.empty_evidence_trash(&actor()).unwrap();
    let blob = BlobStore::in_data_dir(data.path()).path_of(&attached.hash);
    std::fs::remove_file(&blob).unwrap();
    let changed = dump(&data.store);
    assert_ne!(changed, before);

    let done = restore(&mut data.store, data.dir.path(), &archive, &mut |_, _| {}).unwrap();
    assert_eq!((done.files_restored, done.missing.len()), (1, 0));
    assert_eq!(dump(&data.store), before, "the database is exactly as backed up");
    assert!(std::fs::read(&blob).unwrap() == jpeg(320, 240, 7), "the photo is back, byte for byte");
    // What was replaced is kept: a snapshot holding the later note.
    let previous = Store::open(done.previous.as_deref().unwrap()).unwrap();
    assert_eq!(progress_count(&previous), 2);
    assert_eq!(dump(&previous), changed);
}

#[test]
fn an_archive_that_is_not_one_is_refused_and_nothing_changes() {
    let mut data = Data::new();
    let before = dump(&data.store);
    let bogus = data.source("备份.zip", b"PK\x03\x04 not really a zip");
    let err = restore(&mut data.store, data.dir.path(), &bogus, &mut |_, _| {}).unwrap_err();
    assert!(matches!(err, BackupError::NotABackup { .. }), "{err}");
    assert!(err.to_string().starts_with("不是有效的督办台备份"), "{err}");
    let text = data.source("notes.sqlite3", "一、加强检查。".as_bytes());
    let err = restore(&mut data.store, data.dir.path(), &text, &mut |_, _| {}).unwrap_err();
    assert!(matches!(err, BackupError::Store(StoreError::Corrupt { .. })), "{err}");
    assert_eq!(dump(&data.store), before);
}

#[test]
fn snapshots_are_daily_and_weekly_and_pruned() {
    let data = Data::new();
    let start = date("2026-07-01");
    for day in 0..120 {
        let today = start + Days::new(day);
        assert!(auto_backup(&data.store, data.path(), today).unwrap().is_some(), "{today}");
        assert!(auto_backup(&data.store, data.path(), today).unwrap().is_none(), "once a day");
    }
    let snapshots = list_snapshots(data.path()).unwrap();
    let named = |kind| {
        let mut names: Vec<String> = snapshots
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let daily = named(SnapshotKind::Daily);
    assert_eq!(daily.len(), 14);
    assert_eq!(daily.last().unwrap(), "daily-2026-10-28.sqlite3");
    assert_eq!(daily.first().unwrap(), "daily-2026-10-15.sqlite3");
    let weekly = named(SnapshotKind::Weekly);
    assert_eq!(weekly.len(), 8);
    assert_eq!(weekly.last().unwrap(), "weekly-2026-W44.sqlite3");
    // Before-restore snapshots are kept ten deep; before-upgrade ones always.
    let folder = data.path().join("backups");
    for n in 0..12 {
        std::fs::copy(&snapshots[0].path, folder.join(format!("before-restore-20261101-0000{n:02}.sqlite3")))
            .unwrap();
    }
    std::fs::copy(&snapshots[0].path, folder.join("before-v6-from-v5-20260101-000000.sqlite3")).unwrap();
    auto_backup(&data.store, data.path(), date("2026-11-01")).unwrap();
    let kinds: Vec<SnapshotKind> = list_snapshots(data.path()).unwrap().iter().map(|s| s.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == SnapshotKind::BeforeRestore).count(), 10);
    assert_eq!(kinds.iter().filter(|k| **k == SnapshotKind::BeforeMigration).count(), 1);
    // Each snapshot is a whole database.
    let newest = Store::open(&snapshots[0].path).unwrap();
    assert_eq!(newest.counts().unwrap(), data.store.counts().unwrap());
}

/// Overwrites `len` bytes at `offset` of the file with a pattern.
fn damage(path: &Path, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&vec![0xA5; len]).unwrap();
}

#[test]
fn a_damaged_database_is_refused_and_recovered_from_the_newest_snapshot() {
    for (what, offset, len) in
        [("file header", 0, 100), ("a table page", 4096, 4096), ("the last page", 0, 0)]
    {
        let data = Data::new();
        auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap();
        let counts = data.store.counts().unwrap();
        let dir = data.dir;
        drop(data.store);
        let db = dir.path().join(DB_FILE_NAME);
        let size = std::fs::metadata(&db).unwrap().len();
        let (offset, len) = if len == 0 { (size - 4096, 4096) } else { (offset, len) };
        damage(&db, offset, len);
        let damaged = std::fs::read(&db).unwrap();

        let err = Store::open_dir(dir.path()).err().unwrap_or_else(|| panic!("{what}: opened"));
        assert!(matches!(err, StoreError::Corrupt { .. }), "{what}: {err}");
        assert!(err.to_string().contains("数据库文件已损坏") && err.to_string().contains("请从备份恢复"));
        assert!(std::fs::read(&db).unwrap() == damaged, "{what}: refusing never writes");

        let newest = list_snapshots(dir.path()).unwrap().into_iter().find(|s| s.kind == SnapshotKind::Daily);
        let done = recover(dir.path(), &newest.unwrap().path, &mut |_, _| {}).unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        assert_eq!(store.counts().unwrap(), counts, "{what}");
        assert!(store.check_integrity().unwrap().is_healthy());
        // The damaged file is kept for inspection.
        assert!(std::fs::read(done.previous.unwrap()).unwrap() == damaged, "{what}: kept as it was");
    }
}

#[test]
fn check_keeps_files_that_a_snapshot_needs() {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(64, 64, 3));
    let attached = data.attach(DirectiveId(2), None, &photo).unwrap();
    auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap();
    data.store.trash_evidence(attached.id, &actor()).unwrap();
    data.store.empty_evidence_trash(&actor()).unwrap();
    let later = SystemTime::now() + DEFAULT_GRACE + Duration::from_secs(3600);
    let report = check_evidence(&data.store, data.path(), later, DEFAULT_GRACE, &mut |_, _| {}).unwrap();
    assert!(report.orphans_moved.is_empty(), "{:?}", report.orphans_moved);
    assert!(BlobStore::in_data_dir(data.path()).path_of(&attached.hash).exists());

    // Without the snapshot the file is an orphan and is moved aside.
    std::fs::remove_dir_all(data.path().join("backups")).unwrap();
    let report = check_evidence(&data.store, data.path(), later, DEFAULT_GRACE, &mut |_, _| {}).unwrap();
    assert_eq!(report.orphans_moved.len(), 1);
}

#[test]
fn the_command_line_backs_up_restores_and_checks() {
    let data = Data::new();
    let dir = data.path().to_path_buf();
    drop(data.store);
    let zip = dir.join("备份.zip");
    let text = |o: &std::process::Output| {
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
    };
    let out = duban(&["backup", "-o", zip.to_str().unwrap()], &dir);
    assert!(out.status.success() && text(&out).starts_with("已备份："), "{}", text(&out));

    let out = duban(&["note", "3", "备份之后的进展", "--author", "张伟"], &dir);
    assert!(out.status.success(), "{}", text(&out));
    let out = duban(&["restore", zip.to_str().unwrap()], &dir);
    assert!(out.status.success() && text(&out).contains("已恢复"), "{}", text(&out));
    let store = Store::open_dir(&dir).unwrap();
    assert_eq!(progress_count(&store), 0, "the later note is gone");
    drop(store);

    let out = duban(&["check"], &dir);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("哈希链完整"), "{}", text(&out));

    // A damaged database: check fails and points at the backup; restore replaces it.
    auto_backup(&Store::open_dir(&dir).unwrap(), &dir, date("2022-03-20")).unwrap();
    damage(&dir.join(DB_FILE_NAME), 0, 100);
    let out = duban(&["check"], &dir);
    assert!(!out.status.success() && text(&out).contains("数据库文件已损坏"), "{}", text(&out));
    assert!(text(&out).contains("最新的完好备份"), "{}", text(&out));
    let out = duban(&["restore", zip.to_str().unwrap()], &dir);
    assert!(out.status.success() && text(&out).contains("整体替换"), "{}", text(&out));
    assert!(Store::open_dir(&dir).unwrap().check_integrity().unwrap().is_healthy());
}
