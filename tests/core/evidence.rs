//! Evidence in the store: attach, dedupe, caption, 回收站 and restore, the crash-safety of the
//! copy, `check`, failing sources and targets, and the migration of a version-2 database.

use std::time::{Duration, SystemTime};

use crate::support::{Data, actor, date, jpeg};
use duban::backup::check_evidence;
use duban::evidence::{BlobStore, DEFAULT_GRACE, EvidenceError, attach_file};
use duban::model::DirectiveId;
use duban::store::{SCHEMA_VERSION, Store, StoreError};

const D2: DirectiveId = DirectiveId(2);
const D3: DirectiveId = DirectiveId(3);

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

#[test]
fn attach_dedupe_caption_trash_restore_and_empty() {
    let mut data = Data::new();
    let photo = jpeg(64, 48, 1);
    let a = data.source("现场1.jpg", &photo);
    let first = data.attach(D2, None, &a).unwrap();
    assert!(!first.deduplicated && !first.already_attached);
    assert_eq!((first.media_type, first.size), ("image/jpeg", photo.len() as u64));
    let blob = BlobStore::in_data_dir(data.path()).path_of(&first.hash);
    assert_eq!(std::fs::read(&blob).unwrap(), photo, "the blob is the file, byte for byte");
    // The same content under another name, on another directive: stored once, two rows.
    let b = data.source("复制.jpg", &photo);
    let second = data.attach(D3, None, &b).unwrap();
    assert!(second.deduplicated && !second.already_attached);
    // Again on the same directive: no second row.
    let again = data.attach(D2, None, &b).unwrap();
    assert!(again.already_attached);
    assert_eq!(again.id, first.id);
    assert_eq!(data.stored_files(), vec![blob.clone()]);
    assert_eq!((data.count(2), data.count(3), data.rows()), (1, 1, 2));
    // The original may now vanish: the store has its own copy.
    std::fs::remove_file(&a).unwrap();

    assert!(data.store.set_evidence_caption(first.id, " 宿舍通道整改后 ", &actor()).unwrap());
    assert!(!data.store.set_evidence_caption(first.id, "宿舍通道整改后", &actor()).unwrap());
    let listed = data.store.evidence_for(D2).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].caption.as_str(), listed[0].original_name.as_str()),
        ("宿舍通道整改后", "现场1.jpg")
    );
    assert_eq!(listed[0].added_by, "张伟");

    assert!(data.store.trash_evidence(first.id, &actor()).unwrap());
    assert!(!data.store.trash_evidence(first.id, &actor()).unwrap(), "already in the 回收站");
    assert_eq!(data.count(2), 0, "trashed files are not counted");
    assert!(data.store.evidence_for(D2).unwrap().is_empty());
    assert_eq!(data.store.evidence_trash().unwrap()[0].id, first.id);
    assert!(data.store.restore_evidence(first.id, &actor()).unwrap());
    assert!(!data.store.restore_evidence(first.id, &actor()).unwrap());
    assert_eq!(data.count(2), 1);

    // Emptying the trash deletes rows only; the blob stays while another row uses it.
    data.store.trash_evidence(second.id, &actor()).unwrap();
    assert_eq!(data.store.empty_evidence_trash(&actor()).unwrap(), 1);
    assert_eq!((data.count(2), data.count(3), data.rows()), (1, 0, 1));
    assert!(blob.is_file());
    let log: Vec<String> = data
        .store
        .load_detail(D2)
        .unwrap()
        .changes
        .iter()
        .filter(|c| c.field.starts_with("材料"))
        .filter_map(|c| c.new_value.clone())
        .collect();
    assert_eq!(
        log,
        ["从回收站恢复：现场1.jpg", "移入回收站：现场1.jpg", "现场1.jpg：宿舍通道整改后", "添加：现场1.jpg"]
    );
    assert_eq!(data.store.load_detail(D2).unwrap().row.evidence, 1);
}

#[test]
fn a_crash_between_copy_and_rename_leaves_no_row_and_no_visible_blob() {
    let mut data = Data::new();
    let photo = jpeg(80, 60, 2);
    let source = data.source("现场.jpg", &photo);
    let blobs = BlobStore::in_data_dir(data.path());
    let staged = blobs.stage(&source).unwrap();
    let hash = staged.digest().hash.clone();
    std::mem::forget(staged); // the process dies here: no rename, no cleanup
    assert!(!blobs.path_of(&hash).exists(), "nothing is visible under the blob's name");
    let leftovers = data.stored_files();
    assert_eq!(leftovers.len(), 1);
    assert!(leftovers[0].file_name().unwrap().to_string_lossy().starts_with(".incoming-"));
    assert_eq!((data.rows(), data.count(2)), (0, 0));
    let report =
        check_evidence(&data.store, data.path(), SystemTime::now(), DEFAULT_GRACE, &mut no_progress())
            .unwrap();
    assert!(report.is_healthy());
    assert_eq!(report.orphans_kept, leftovers, "a fresh partial copy is left alone");

    // The next attach of the same file works; the stale partial copy is swept up later.
    let done = data.attach(D2, None, &source).unwrap();
    assert!(!done.deduplicated);
    assert_eq!(std::fs::read(blobs.path_of(&hash)).unwrap(), photo);
    let later = SystemTime::now() + DEFAULT_GRACE + Duration::from_secs(3600);
    let report = check_evidence(&data.store, data.path(), later, DEFAULT_GRACE, &mut no_progress()).unwrap();
    assert!(report.is_healthy());
    assert_eq!(report.orphans_moved.len(), 1);
    assert!(report.orphans_moved[0].starts_with(data.path().join("evidence-trash")));
    assert_eq!(data.stored_files(), vec![blobs.path_of(&hash)]);
}

#[test]
fn check_finds_corrupt_missing_and_orphaned_files() {
    let mut data = Data::new();
    let blobs = BlobStore::in_data_dir(data.path());
    let mut hashes = Vec::new();
    for (i, name) in ["甲.jpg", "乙.jpg", "丙.jpg", "丁.jpg"].iter().enumerate() {
        let source = data.source(name, &jpeg(32, 32, i as u8));
        hashes.push(data.attach(D2, None, &source).unwrap().hash);
    }
    let corrupt = blobs.path_of(&hashes[0]);
    let mut bytes = std::fs::read(&corrupt).unwrap();
    bytes[100] ^= 0xFF;
    std::fs::write(&corrupt, &bytes).unwrap();
    std::fs::remove_file(blobs.path_of(&hashes[1])).unwrap();
    // 丙 becomes an old orphan (its row deleted through the trash), 丁's row stays.
    let third = data.store.evidence_for(D2).unwrap()[2].id;
    data.store.trash_evidence(third, &actor()).unwrap();
    data.store.empty_evidence_trash(&actor()).unwrap();
    let old = SystemTime::now() - DEFAULT_GRACE - Duration::from_secs(60);
    std::fs::File::options().write(true).open(blobs.path_of(&hashes[2])).unwrap().set_modified(old).unwrap();

    let mut calls = Vec::new();
    let report =
        check_evidence(&data.store, data.path(), SystemTime::now(), DEFAULT_GRACE, &mut |done, total| {
            calls.push((done, total))
        })
        .unwrap();
    assert!(!report.is_healthy());
    assert_eq!(report.checked, 3);
    assert_eq!(calls.last(), Some(&(3, 3)));
    assert_eq!(report.corrupt.len(), 1);
    assert_eq!(
        (report.corrupt[0].hash.as_str(), report.corrupt[0].names.clone()),
        (hashes[0].as_str(), vec!["甲.jpg".to_owned()])
    );
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.missing[0].names, ["乙.jpg"]);
    assert_eq!(report.orphans_moved, [data.path().join("evidence-trash").join(format!("{}.bin", hashes[2]))]);
    assert!(report.orphans_moved[0].is_file(), "moved, not deleted");
    assert!(!blobs.path_of(&hashes[2]).exists());

    // Attaching the original again repairs the corrupt copy.
    let again = data.source("甲.jpg", &jpeg(32, 32, 0));
    data.attach(D2, None, &again).unwrap();
    let report =
        check_evidence(&data.store, data.path(), SystemTime::now(), DEFAULT_GRACE, &mut no_progress())
            .unwrap();
    assert!(report.corrupt.is_empty());
    assert_eq!(report.missing.len(), 1);
}

#[test]
fn re_attaching_an_old_orphan_rescues_it_from_the_sweep() {
    let mut data = Data::new();
    let source = data.source("旧照片.jpg", &jpeg(24, 24, 5));
    let first = data.attach(D2, None, &source).unwrap();
    data.store.trash_evidence(first.id, &actor()).unwrap();
    data.store.empty_evidence_trash(&actor()).unwrap();
    let blob = BlobStore::in_data_dir(data.path()).path_of(&first.hash);
    let old = SystemTime::now() - DEFAULT_GRACE - Duration::from_secs(60);
    std::fs::File::options().write(true).open(&blob).unwrap().set_modified(old).unwrap();
    let again = data.attach(D3, None, &source).unwrap();
    assert!(again.deduplicated);
    let report =
        check_evidence(&data.store, data.path(), SystemTime::now(), DEFAULT_GRACE, &mut no_progress())
            .unwrap();
    assert!(report.is_healthy() && report.orphans_moved.is_empty() && report.orphans_kept.is_empty());
    assert!(std::fs::metadata(&blob).unwrap().modified().unwrap() > old, "reuse refreshed its time");
}

/// A writer that accepts `allowed` bytes, then reports a full disk.
struct FullDisk {
    allowed: usize,
}

impl std::io::Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.allowed {
            return Err(std::io::ErrorKind::StorageFull.into());
        }
        self.allowed -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_full_or_read_only_target_fails_clearly_and_leaves_nothing() {
    let data = Data::new();
    let source = data.source("大文件.pdf", &vec![b'%'; 600_000]);
    let blobs = BlobStore::in_data_dir(data.path());
    let err = blobs.stage_via(&source, &mut |_| Box::new(FullDisk { allowed: 300_000 })).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("无法保存到材料库（磁盘已满）："), "{message}");
    assert!(message.ends_with(&blobs.root().display().to_string()), "{message}");
    assert!(data.stored_files().is_empty(), "the partial copy is removed");

    // A store that cannot be written even by root (CI runs as root): its folder's parent is a
    // regular file, which no privilege turns into a folder.
    let not_a_folder = data.source("不是文件夹", b"x");
    let blocked = BlobStore::in_data_dir(&not_a_folder);
    let message = blocked.ingest(&source).unwrap_err().to_string();
    assert!(message.starts_with("无法保存到材料库（路径中的某一级是文件，不是文件夹）"), "{message}");
    assert!(message.ends_with(&blocked.root().display().to_string()), "{message}");
    assert_eq!(std::fs::read(&not_a_folder).unwrap(), b"x", "nothing written");

    // A read-only store folder: permissions, which root bypasses. Said, not skipped silently.
    std::fs::create_dir_all(blobs.root()).unwrap();
    let mut perms = std::fs::metadata(blobs.root()).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(blobs.root(), perms.clone()).unwrap();
    let privileged = std::fs::write(blobs.root().join("probe"), b"").is_ok();
    if privileged {
        eprintln!(
            "read-only folder case not run: this process ignores permissions (root); the not-a-folder case above ran instead"
        );
    } else {
        let message = blobs.ingest(&source).unwrap_err().to_string();
        assert!(message.starts_with("无法保存到材料库（没有访问权限）"), "{message}");
    }
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(blobs.root(), perms).unwrap();
    let _ = std::fs::remove_file(blobs.root().join("probe"));
    assert!(data.stored_files().is_empty());
}

#[test]
fn vanished_empty_changing_and_folder_sources_are_refused_with_the_path_last() {
    let mut data = Data::new();
    let gone = data.source("已删除.jpg", b"x");
    std::fs::remove_file(&gone).unwrap();
    let empty = data.source("空.jpg", b"");
    let folder = data.path().join("相机");
    let cases = [
        (&gone, "无法读取文件（文件不存在）："),
        (&empty, "文件为空（0 字节），未添加："),
        (&folder, "这是一个文件夹"),
    ];
    for (path, start) in cases {
        let err = data.attach(D2, None, path).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(start), "{message}");
        assert!(message.ends_with(&path.display().to_string()), "{message}");
    }
    // A source cut short while it is copied (a camera card pulled out, a file being rewritten).
    let growing = data.source("录像.mp4", &vec![7u8; 3 * duban::evidence::COPY_BUFFER]);
    let cut = growing.clone();
    let err = BlobStore::in_data_dir(data.path())
        .stage_via(&growing, &mut |file| {
            std::fs::File::options().write(true).open(&cut).unwrap().set_len(10).unwrap();
            Box::new(file)
        })
        .unwrap_err();
    assert!(matches!(err, EvidenceError::Changed { .. }), "{err}");
    // An unknown directive is refused before anything is copied.
    let photo = data.source("现场.jpg", &jpeg(8, 8, 9));
    let err = data.attach(DirectiveId(999), None, &photo).unwrap_err();
    assert!(matches!(err, EvidenceError::Store(StoreError::DirectiveNotFound(_))), "{err}");
    assert!(data.stored_files().is_empty());
    assert_eq!(data.rows(), 0);
}

#[test]
fn a_file_can_support_one_progress_note_of_its_own_directive() {
    let mut data = Data::new();
    let note = data.store.add_note(D2, date("2022-03-18"), "已检查在建工地46处。", &actor()).unwrap();
    let photo = data.source("工地.jpg", &jpeg(16, 16, 3));
    let err = data.attach(D3, Some(note), &photo).unwrap_err();
    assert!(err.to_string().contains("不属于工作要求 3"), "{err}");
    assert_eq!(data.rows(), 0, "the blob may stay as an orphan, but no row is written");
    data.attach(D2, Some(note), &photo).unwrap();
    assert_eq!(data.store.evidence_for(D2).unwrap()[0].note, Some(duban::model::NoteId(note)));
}

#[test]
fn a_version_2_database_migrates_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v2.sqlite3", &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    let version: i64 = store.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION, "migrated to the newest schema");
    assert_eq!(store.counts().unwrap(), (1, 5, 16));
    let log: i64 = store.connection().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).unwrap();
    assert_eq!(log, 6, "import, status, note, status, note; then migration 8's entry");
    let board = store.load_board().unwrap();
    let two = board.directive(D2).unwrap();
    assert_eq!(two.last_note.as_ref().map(|p| p.0), Some(date("2022-03-18")));
    assert_eq!(board.directive(DirectiveId(16)).unwrap().status, duban::model::Status::Closed);
    assert!(board.directives.iter().all(|d| d.evidence == 0));
    let hits: Vec<DirectiveId> = store.search("夜查行动").unwrap().unwrap_or_default().into_iter().collect();
    assert_eq!(hits, [DirectiveId(5)]);
    let photo = dir.path().join("现场.jpg");
    std::fs::write(&photo, jpeg(16, 16, 4)).unwrap();
    attach_file(&mut store, dir.path(), D2, Some(duban::model::NoteId(1)), &photo, &actor()).unwrap();
    assert_eq!(store.load_board().unwrap().directive(D2).unwrap().evidence, 1);
}

#[test]
fn a_large_copy_reports_its_bytes_and_a_cancel_stops_it_mid_file() {
    use duban::evidence::{EvidenceError, Watched, attach_file_via};
    use std::sync::atomic::{AtomicBool, Ordering};
    const MB: u64 = 1 << 20;
    let mut data = Data::new();
    let video = data.source("演练录像.mp4", &vec![7u8; (20 * MB) as usize]);
    let dir = data.path().to_path_buf();
    let never = AtomicBool::new(false);
    let seen = std::cell::RefCell::new(Vec::new());
    {
        let mut wrap = |file: std::fs::File| -> Box<dyn std::io::Write + '_> {
            let seen = &seen;
            Box::new(Watched::new(file, MB, &never, Box::new(move |n| seen.borrow_mut().push(n))))
        };
        attach_file_via(&mut data.store, &dir, DirectiveId(2), None, &video, &actor(), &mut wrap).unwrap();
    }
    let seen = seen.into_inner();
    assert_eq!(seen.len(), 20, "{seen:?}");
    assert_eq!(seen.last(), Some(&(20 * MB)));

    // Another file, cancelled once 5 MB are in: an error that says so, nothing recorded or left.
    let other = data.source("另一段录像.mp4", &vec![9u8; (20 * MB) as usize]);
    let (rows, files) = (data.rows(), data.stored_files());
    let cancel = AtomicBool::new(false);
    let result = {
        let mut wrap = |file: std::fs::File| -> Box<dyn std::io::Write + '_> {
            let stop = &cancel;
            Box::new(Watched::new(
                file,
                MB,
                stop,
                Box::new(move |n| stop.store(n >= 5 * MB, Ordering::SeqCst)),
            ))
        };
        attach_file_via(&mut data.store, &dir, DirectiveId(2), None, &other, &actor(), &mut wrap)
    };
    let err = result.unwrap_err();
    assert!(matches!(err, EvidenceError::Cancelled { .. }), "{err}");
    assert!(err.to_string().starts_with("已取消："), "{err}");
    assert_eq!((data.rows(), data.stored_files()), (rows, files), "no row, no blob, no partial copy");
}
