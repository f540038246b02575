//! 打开时的检查 at scale: a large database is checked cheaply at open and thoroughly in the
//! background or at the first write. The damage cases of backup.rs, taken through the large
//! file's path (`full_check_below: Some(0)`): each is refused at open, or else the first write
//! and the first backup are refused and the file is left as it was — a damaged database is
//! never written to.

use std::path::Path;

use duban::model::DirectiveId;
use duban::store::{DB_FILE_NAME, Health, OpenOptions, Store, StoreError};

use crate::support::{Data, actor, date};

/// As if it were large: the constant-cost check at open.
fn open_as_large(path: &Path) -> Result<Store, StoreError> {
    Store::open_with(path, &OpenOptions { full_check_below: Some(0), ..OpenOptions::default() })
}

fn damage(path: &Path, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&vec![0xA5; len]).unwrap();
}

/// The page number the table or index `name` starts at.
fn root_page(store: &Store, name: &str) -> u64 {
    let page: i64 = store
        .connection()
        .query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [name], |r| r.get(0))
        .unwrap();
    page as u64
}

/// A closed data folder with the seed and a note; the database path.
fn closed_register() -> (tempfile::TempDir, std::path::PathBuf) {
    let mut data = Data::new();
    data.store.add_note(DirectiveId(2), date("2022-03-18"), "已部署", &actor()).unwrap();
    let dir = data.dir;
    drop(data.store);
    let db = dir.path().join(DB_FILE_NAME);
    (dir, db)
}

/// Opened (or refused), the database is never written to while damaged.
fn assert_never_written(db: &Path, what: &str) {
    let damaged = std::fs::read(db).unwrap();
    match open_as_large(db) {
        Err(e) => assert!(matches!(e, StoreError::Corrupt { .. }), "{what}: {e}"),
        Ok(mut store) => {
            let err =
                store.add_note(DirectiveId(3), date("2022-03-19"), "损坏后的进展", &actor()).unwrap_err();
            assert!(matches!(err, StoreError::Corrupt { .. }), "{what}: {err}");
            assert!(matches!(store.health(), Health::Damaged(_)), "{what}");
            let copy = db.with_file_name("copy.sqlite3");
            assert!(matches!(store.snapshot_to(&copy), Err(StoreError::Corrupt { .. })), "{what}");
            assert!(!copy.exists(), "{what}: no backup of a damaged database");
            assert!(store.set_author("李娜").is_err(), "{what}: settings are writes too");
        }
    }
    assert!(std::fs::read(db).unwrap() == damaged, "{what}: the damaged file was written to");
}

#[test]
fn the_damage_cases_are_refused_at_open_or_at_the_first_write() {
    for (what, offset, len) in
        [("file header", 0, 100), ("a table page", 4096, 4096), ("the last page", 0, 0)]
    {
        let (_dir, db) = closed_register();
        let size = std::fs::metadata(&db).unwrap().len();
        let (offset, len) = if len == 0 { (size - 4096, 4096) } else { (offset, len) };
        damage(&db, offset, len);
        assert_never_written(&db, what);
    }
}

#[test]
fn damage_the_open_check_cannot_see_is_found_by_the_background_check() {
    let (_dir, db) = closed_register();
    let page = {
        let store = Store::open(&db).unwrap();
        let page_size: i64 = store.connection().query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        let page_size = page_size as u64;
        (root_page(&store, "search_fts_data") - 1) * page_size
    };
    damage(&db, page, 12);
    let damaged = std::fs::read(&db).unwrap();
    let store = open_as_large(&db).expect("the cheap check does not read the full-text index");
    assert_eq!(store.health(), Health::Unverified);
    assert!(store.load_board().is_ok(), "reading goes on");
    store.verify_in_background();
    let err = store.ensure_sound().unwrap_err();
    assert!(err.to_string().contains("数据库文件已损坏"), "{err}");
    assert!(matches!(store.health(), Health::Damaged(_)));
    drop(store);
    assert!(std::fs::read(&db).unwrap() == damaged);
    // Without the background check, the first write runs it.
    assert_never_written(&db, "full-text index page");
}

#[test]
fn a_truncated_file_is_refused_at_open() {
    let (_dir, db) = closed_register();
    let size = std::fs::metadata(&db).unwrap().len();
    std::fs::File::options().write(true).open(&db).unwrap().set_len(size - 4096).unwrap();
    let err = open_as_large(&db).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
}

#[test]
fn a_sound_large_database_is_verified_in_the_background_then_written() {
    let (_dir, db) = closed_register();
    let mut store = open_as_large(&db).unwrap();
    assert_eq!(store.health(), Health::Unverified);
    store.verify_in_background();
    store.add_note(DirectiveId(3), date("2022-03-19"), "检查之后的进展", &actor()).unwrap();
    assert_eq!(store.health(), Health::Healthy);
    // A small file is checked whole at open and known healthy at once.
    drop(store);
    assert_eq!(Store::open(&db).unwrap().health(), Health::Healthy);
}

#[test]
fn a_large_file_closed_healthy_reopens_healthy_until_its_bytes_change() {
    let (_dir, db) = closed_register();
    let stamp = db.with_file_name(format!("{DB_FILE_NAME}.checked"));
    let store = open_as_large(&db).unwrap();
    store.ensure_sound().unwrap();
    drop(store);
    assert!(stamp.exists(), "closed healthy: stamped");
    // The next command: the same bytes, no thorough check needed, and it writes.
    let mut store = open_as_large(&db).unwrap();
    assert_eq!(store.health(), Health::Healthy);
    store.add_note(DirectiveId(3), date("2022-03-19"), "下一条命令的进展", &actor()).unwrap();
    drop(store);
    assert_eq!(open_as_large(&db).unwrap().health(), Health::Healthy, "its own writes keep the stamp");
    // Damage behind its back: the stamp no longer matches, and the promise holds.
    let page = {
        let store = Store::open(&db).unwrap();
        let page_size: i64 = store.connection().query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        (root_page(&store, "search_fts_data") - 1) * page_size as u64
    };
    damage(&db, page, 12);
    assert_eq!(open_as_large(&db).unwrap().health(), Health::Unverified);
    assert_never_written(&db, "damaged after a healthy close");
    assert!(!stamp.exists(), "damage found: the stamp is gone");
}
