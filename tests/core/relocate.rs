//! 迁移数据目录: everything is copied and verified before the old folder points at the new one;
//! a refused or failed move leaves no pointer and no half-filled new folder.

use std::time::SystemTime;

use duban::backup::{
    BackupError, MOVED_TO, auto_backup, check_evidence, moved_away, relocate, resolve_data_dir,
};
use duban::evidence::{BlobStore, DEFAULT_GRACE};
use duban::model::DirectiveId;
use duban::store::Store;

use crate::support::{Data, date, duban, dump, jpeg};

#[test]
fn a_move_copies_and_verifies_everything_then_points_the_old_folder_at_the_new() {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(200, 150, 4));
    data.attach(DirectiveId(2), None, &photo).unwrap();
    auto_backup(&data.store, data.path(), date("2022-03-18")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let to = elsewhere.path().join("督办台数据");

    let moved = relocate(&data.store, data.path(), &to, &mut |_, _| {}).unwrap();
    assert_eq!((moved.files, moved.snapshots), (1, 2), "the photo; the daily and weekly snapshots");
    assert_eq!(resolve_data_dir(data.path()).unwrap(), to, "the old folder now points at the new one");
    assert_eq!(std::fs::read_to_string(data.path().join(MOVED_TO)).unwrap(), to.display().to_string());

    let copy = Store::open_dir(&to).unwrap();
    assert_eq!(copy.counts().unwrap(), data.store.counts().unwrap());
    assert!(copy.check_integrity().unwrap().is_healthy());
    let files = check_evidence(&copy, &to, SystemTime::now(), DEFAULT_GRACE, &mut |_, _| {}).unwrap();
    assert!(files.is_healthy() && files.checked == 1, "{files:?}");
    assert!(to.join("backups/daily-2022-03-18.sqlite3").is_file());
    // The old folder is left as it was.
    assert_eq!(Store::open_dir(data.path()).unwrap().counts().unwrap(), copy.counts().unwrap());
}

#[test]
fn a_refused_or_failed_move_changes_nothing() {
    let mut data = Data::new();
    let photo = data.source("现场.jpg", &jpeg(64, 64, 5));
    let attached = data.attach(DirectiveId(2), None, &photo).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();

    // Not empty; inside the data folder.
    std::fs::write(elsewhere.path().join("别的文件.txt"), "x").unwrap();
    let err = relocate(&data.store, data.path(), elsewhere.path(), &mut |_, _| {}).unwrap_err().to_string();
    assert!(err.contains("新位置必须是空文件夹"), "{err}");
    let inside = data.path().join("子目录");
    let err = relocate(&data.store, data.path(), &inside, &mut |_, _| {}).unwrap_err().to_string();
    assert!(err.contains("不能在原数据目录之内"), "{err}");

    // A damaged evidence file stops the move before anything points anywhere.
    let blob = BlobStore::in_data_dir(data.path()).path_of(&attached.hash);
    std::fs::write(&blob, b"damaged").unwrap();
    let to = elsewhere.path().join("新位置");
    let err = relocate(&data.store, data.path(), &to, &mut |_, _| {}).unwrap_err().to_string();
    assert!(err.contains("材料文件已损坏"), "{err}");
    assert!(!to.exists(), "the half-filled folder is removed");
    assert!(!data.path().join(MOVED_TO).exists());
    assert_eq!(resolve_data_dir(data.path()).unwrap(), data.path());
}

#[test]
fn when_the_moved_data_cannot_be_reached_nothing_is_opened_and_the_officer_is_told_where_it_went() {
    let data = Data::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let to = elsewhere.path().join("U盘上的数据");
    assert_eq!(moved_away(data.path()).unwrap(), None);
    relocate(&data.store, data.path(), &to, &mut |_, _| {}).unwrap();
    assert_eq!(moved_away(data.path()).unwrap(), Some(to.clone()), "a window on the old folder can ask");
    let old = dump(&data.store);

    // The USB stick is unplugged: its folder is gone.
    let unplugged = elsewhere.path().join("拔出");
    std::fs::rename(&to, &unplugged).unwrap();
    let err = resolve_data_dir(data.path()).unwrap_err();
    assert!(matches!(&err, BackupError::Unreachable { target, .. } if *target == to), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("找不到数据库") && message.contains(&to.display().to_string()), "{message}");

    // The command line refuses with that message instead of working on the old database.
    let out = duban(&["note", "2", "迁移后写在旧库里的进展", "--date", "2022-03-20"], data.path());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("未打开任何数据"), "{stderr}");
    assert_eq!(dump(&data.store), old, "the old database is untouched");
}
