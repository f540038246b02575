//! Restores and recoveries that fail part-way, or are handed a bad archive, leave the data as it
//! was: recovery copies and checks before it swaps, never leaving no database; an archive's
//! database is checked before its files go into the store; entries are read no further than the
//! manifest says; the read-back after a backup checks the content; recovery never picks a
//! before-restore snapshot on its own; pruning goes by when a snapshot was really taken.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::Days;
use duban::backup::{
    ARCHIVE_DB, BackupError, MANIFEST, Manifest, SnapshotKind, auto_backup, list_snapshots,
    newest_good_snapshot, recover, recovery_choices, restore, verify_archive, write_archive,
};
use duban::evidence::BlobStore;
use duban::model::DirectiveId;
use duban::store::{DB_FILE_NAME, Store, StoreError};

use crate::support::{Data, date, duban, dump, jpeg};

/// How `rewrite` changes an entry: its new bytes, or `None` to leave it out.
type Change = dyn Fn(&str, Vec<u8>) -> Option<Vec<u8>>;

/// A copy of the archive at `from` with some entries' bytes replaced.
fn rewrite(from: &Path, to: &Path, change: &Change) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = change(&name, bytes) {
            out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    out.finish().unwrap();
}

fn with_manifest(change: impl Fn(&mut Manifest)) -> impl Fn(&str, Vec<u8>) -> Option<Vec<u8>> {
    move |name, bytes| {
        if name != MANIFEST {
            return Some(bytes);
        }
        let mut manifest: Manifest = serde_json::from_slice(&bytes).unwrap();
        change(&mut manifest);
        Some(serde_json::to_vec(&manifest).unwrap())
    }
}

/// A data folder with one photo, and its archive in `usb`.
fn archived(usb: &Path) -> (Data, PathBuf, String) {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(96, 64, 9));
    let hash = data.attach(DirectiveId(2), None, &photo).unwrap().hash.to_string();
    let archive = usb.join("备份.zip");
    write_archive(&data.store, data.path(), &archive, &mut |_, _| {}).unwrap();
    (data, archive, hash)
}

#[test]
fn a_rejected_archive_puts_no_file_into_the_store() {
    let usb = tempfile::tempdir().unwrap();
    let (_source, archive, hash) = archived(usb.path());
    let bad = usb.path().join("坏的.zip");
    rewrite(&archive, &bad, &|name, bytes| {
        Some(if name == ARCHIVE_DB { b"not a database".to_vec() } else { bytes })
    });
    let mut other = Data::new();
    let before = dump(&other.store);
    let err = restore(&mut other.store, other.dir.path(), &bad, &mut |_, _| {}).unwrap_err();
    assert!(matches!(err, BackupError::Store(StoreError::Corrupt { .. })), "{err}");
    assert_eq!(dump(&other.store), before);
    let blob =
        BlobStore::in_data_dir(other.path()).path_of(&duban::evidence::BlobHash::parse(&hash).unwrap());
    assert!(!blob.exists(), "the archive's photo stayed out of the store");
}

#[test]
fn an_entry_longer_than_its_manifest_says_is_refused_not_unpacked() {
    let usb = tempfile::tempdir().unwrap();
    let (_source, archive, hash) = archived(usb.path());
    for (what, change) in [
        ("evidence", Box::new(with_manifest(|m| *m.blobs.values_mut().next().unwrap() = 100)) as Box<Change>),
        ("database", Box::new(with_manifest(|m| m.database_size = Some(4096)))),
    ] {
        let lying = usb.path().join(format!("{what}.zip"));
        rewrite(&archive, &lying, &*change);
        let mut other = Data::new();
        let err =
            restore(&mut other.store, other.dir.path(), &lying, &mut |_, _| {}).unwrap_err().to_string();
        assert!(err.contains("比清单所记的"), "{what}: {err}");
        let folder = BlobStore::in_data_dir(other.path());
        assert!(!folder.path_of(&duban::evidence::BlobHash::parse(&hash).unwrap()).exists(), "{what}");
    }
}

#[test]
fn the_read_back_after_a_backup_checks_the_database_and_every_file_not_only_the_manifest() {
    let usb = tempfile::tempdir().unwrap();
    let (data, archive, _) = archived(usb.path());
    let scratch = data.path().join("backups");
    assert!(verify_archive(&archive, &scratch).is_ok());
    let swapped = usb.path().join("换了照片.zip");
    rewrite(&archive, &swapped, &|name, bytes| {
        Some(if name.starts_with("evidence/") { jpeg(96, 64, 1) } else { bytes })
    });
    let err = verify_archive(&swapped, &scratch).unwrap_err().to_string();
    assert!(err.contains("材料文件与其编号不符"), "{err}");
    let hollow = usb.path().join("空库.zip");
    rewrite(&archive, &hollow, &|name, bytes| Some(if name == ARCHIVE_DB { vec![0; 8192] } else { bytes }));
    let err = verify_archive(&hollow, &scratch).unwrap_err().to_string();
    assert!(err.contains("其中的数据库未通过检查"), "{err}");
}

#[test]
fn a_recovery_whose_copy_fails_leaves_the_damaged_database_in_place_never_none() {
    let data = Data::new();
    let snapshot = auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap().unwrap();
    let dir = data.dir;
    drop(data.store);
    let db = dir.path().join(DB_FILE_NAME);
    std::fs::write(&db, b"damaged beyond use").unwrap();
    // The copy cannot be written: a folder is where the temporary copy goes (as a full disk would).
    let blocker = dir.path().join(format!(".{DB_FILE_NAME}.restore-{}.tmp", std::process::id()));
    std::fs::create_dir(&blocker).unwrap();
    assert!(recover(dir.path(), &snapshot, &mut |_, _| {}).is_err());
    assert_eq!(std::fs::read(&db).unwrap(), b"damaged beyond use", "the database is where it was");
    let err = Store::open_dir(dir.path()).err().expect("still refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");

    // Once it can be written, recovery succeeds and keeps the damaged file.
    std::fs::remove_dir(&blocker).unwrap();
    let done = recover(dir.path(), &snapshot, &mut |_, _| {}).unwrap();
    assert_eq!(std::fs::read(done.previous.unwrap()).unwrap(), b"damaged beyond use");
    assert_eq!(Store::open_dir(dir.path()).unwrap().counts().unwrap().2, 16);
}

#[test]
fn a_data_folder_whose_database_is_gone_but_whose_snapshots_remain_is_damaged_not_new() {
    let data = Data::new();
    auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap();
    let dir = data.dir;
    drop(data.store);
    std::fs::remove_file(dir.path().join(DB_FILE_NAME)).unwrap();
    let err = Store::open_dir(dir.path()).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("未新建空数据库"), "{err}");
    assert!(!dir.path().join(DB_FILE_NAME).exists(), "no empty database was created");
    // The start-up snapshot cannot save an empty database as today's: nothing opened.
    let out = duban(&["list"], dir.path());
    assert!(!out.status.success());
}

/// Sets when the file at `path` was (as far as anyone can tell) taken.
fn taken_at(path: &Path, when: SystemTime) {
    std::fs::File::options().write(true).open(path).unwrap().set_modified(when).unwrap();
}

#[test]
fn recovery_picks_the_newest_automatic_snapshot_and_offers_before_restore_ones_by_kind_and_time() {
    let data = Data::new();
    auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap().unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in list_snapshots(data.path()).unwrap().iter().map(|s| s.path.clone()) {
        taken_at(&path, hour_ago);
    }
    let before_restore = data.path().join("backups/before-restore-20220318-100000.sqlite3");
    data.store.snapshot_to(&before_restore).unwrap();
    let picked = newest_good_snapshot(data.path()).unwrap().unwrap();
    // The daily snapshot and its weekly second name are one file, taken at one time.
    assert!(matches!(picked.kind, SnapshotKind::Daily | SnapshotKind::Weekly), "{picked:?}");
    let choices = recovery_choices(data.path()).unwrap();
    assert_eq!(choices[0].path, before_restore, "offered first: it is the newest");
    assert!(choices[0].describe().starts_with("恢复前备份 "), "{}", choices[0].describe());

    // `duban check` on a damaged database names that snapshot, not the before-restore one.
    let dir = data.dir;
    drop(data.store);
    std::fs::write(dir.path().join(DB_FILE_NAME), vec![0xA5; 8192]).unwrap();
    let out = duban(&["check"], dir.path());
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.contains(&format!("最新的完好备份：{}", picked.path.display())), "{said}");
}

#[test]
fn pruning_goes_by_when_snapshots_were_taken_so_a_rehearsal_dated_next_year_ages_out() {
    let data = Data::new();
    let start = SystemTime::now() - Duration::from_secs(40 * 86_400);
    let daily = |d: &str| data.path().join(format!("backups/daily-{d}.sqlite3"));
    // Fourteen real days, then a rehearsal with --date in the future, then fourteen more.
    for day in 0..14u64 {
        let today = date("2026-11-01") + Days::new(day);
        auto_backup(&data.store, data.path(), today).unwrap();
        taken_at(&daily(&today.to_string()), start + Duration::from_secs(day * 86_400));
    }
    auto_backup(&data.store, data.path(), date("2027-06-01")).unwrap();
    taken_at(&daily("2027-06-01"), start + Duration::from_secs(14 * 86_400 + 3600));
    for day in 0..14u64 {
        let today = date("2026-11-15") + Days::new(day);
        auto_backup(&data.store, data.path(), today).unwrap();
        taken_at(&daily(&today.to_string()), start + Duration::from_secs((15 + day) * 86_400));
    }
    let mut kept: Vec<String> = list_snapshots(data.path())
        .unwrap()
        .into_iter()
        .filter(|s| s.kind == SnapshotKind::Daily)
        .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 14);
    assert_eq!(kept.first().unwrap(), "daily-2026-11-15.sqlite3", "{kept:?}");
    assert_eq!(
        kept.last().unwrap(),
        "daily-2026-11-28.sqlite3",
        "the rehearsal's snapshot aged out: {kept:?}"
    );
}
