//! Integrity: the change log is a hash chain that finds edits and deletions, every schema
//! version's fixture migrates (keeping a copy from before), a newer database is refused
//! untouched, and a network share gets a rollback journal.

use duban::model::{DirectiveId, Status};
use duban::store::{GENESIS, OpenOptions, SCHEMA_VERSION, Store, StoreError, WhyNotWal, verify_chain};
use rusqlite::Connection;

use crate::support::{Data, actor, date};

fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn every_change_extends_the_chain_and_the_log_stays_append_only() {
    let mut data = Data::new();
    let chain = verify_chain(data.store.connection()).unwrap();
    assert_eq!((chain.entries, chain.first_broken), (1, None), "the import");
    let after_import = chain.head.clone();
    assert_ne!(after_import, GENESIS);
    data.store.set_status(DirectiveId(2), Status::InProgress, &actor()).unwrap();
    data.store.add_note(DirectiveId(2), date("2022-03-18"), "已部署", &actor()).unwrap();
    let chain = verify_chain(data.store.connection()).unwrap();
    assert_eq!((chain.entries, chain.is_intact()), (3, true));
    let links: Vec<(String, String)> = data
        .store
        .connection()
        .prepare("SELECT prev_hash, hash FROM change_log ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(links[0].0, GENESIS);
    assert_eq!(links[1].0, after_import);
    assert_eq!(links[2].0, links[1].1);

    // Neither an edit nor a deletion gets past the triggers.
    let conn = data.store.connection();
    for sql in [
        "UPDATE change_log SET new_value = '已完成' WHERE id = 2",
        "UPDATE change_log SET hash = NULL WHERE id = 2",
        "DELETE FROM change_log WHERE id = 2",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn tampering_behind_the_triggers_back_is_found() {
    let mut data = Data::new();
    for (i, text) in ["第一次", "第二次", "第三次"].iter().enumerate() {
        data.store.add_note(DirectiveId(2 + i as i64), date("2022-03-18"), text, &actor()).unwrap();
    }
    let conn = data.store.connection();
    conn.execute_batch(
        "DROP TRIGGER change_log_is_append_only_update; DROP TRIGGER change_log_is_append_only_delete;",
    )
    .unwrap();
    // Someone rewrites what a note said.
    conn.execute("UPDATE change_log SET new_value = '2022-03-18：已全部完成' WHERE id = 3", []).unwrap();
    let report = data.store.check_integrity().unwrap();
    assert_eq!(report.chain.first_broken, Some(3));
    assert!(!report.is_healthy());
    assert_eq!(report.damage, Vec::<String>::new(), "SQLite itself sees nothing wrong");

    // Someone deletes an entry instead (after putting the text back).
    conn.execute("UPDATE change_log SET new_value = '2022-03-18：第二次' WHERE id = 3", []).unwrap();
    assert!(verify_chain(conn).unwrap().is_intact(), "restored text, restored chain");
    conn.execute("DELETE FROM change_log WHERE id = 2", []).unwrap();
    assert_eq!(verify_chain(conn).unwrap().first_broken, Some(3));
}

#[test]
fn every_schema_fixture_migrates_and_a_copy_from_before_is_kept() -> rusqlite::Result<()> {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("duban.sqlite3");
        let fixture = format!("tests/fixtures/schema-v{version}.sqlite3");
        std::fs::copy(&fixture, &path).unwrap_or_else(|e| panic!("{fixture}: {e}"));
        let original = Connection::open(&fixture)?;
        let notices: i64 = original.query_row("SELECT count(*) FROM notice", [], |r| r.get(0))?;
        let log: i64 = original.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))?;

        let store = Store::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(user_version(store.connection()), SCHEMA_VERSION);
        assert_eq!(store.counts().unwrap().0, notices, "v{version}");
        let report = store.check_integrity().unwrap();
        assert!(report.is_healthy(), "v{version}: {report:?}");
        // Every old entry is sealed, and migration 8 (per-office states) adds its own entry
        // to the fixtures written before it.
        let added = i64::from(version < 8);
        assert_eq!(report.chain.entries as i64, log + added, "v{version}: every old entry is sealed");

        let copies: Vec<_> = std::fs::read_dir(dir.path().join("backups")).unwrap().flatten().collect();
        assert_eq!(copies.len(), 1, "v{version}");
        let name = copies[0].file_name().to_string_lossy().into_owned();
        assert!(name.starts_with(&format!("before-v{SCHEMA_VERSION}-from-v{version}-")), "{name}");
        assert_eq!(user_version(&Connection::open(copies[0].path())?), version, "the copy is as it was");
    }
    Ok(())
}

#[test]
fn the_v4_fixture_keeps_its_aliases_notes_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v4.sqlite3", &path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.aliases().unwrap().len(), 1);
    let detail = store.load_detail(DirectiveId(3)).unwrap();
    assert_eq!(detail.notes[0].text, "已召开专题部署会");
    assert_eq!(store.evidence_for(DirectiveId(3)).unwrap()[0].original_name, "现场照片.jpg");
}

#[test]
fn a_database_from_a_newer_duban_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v4.sqlite3", &path).unwrap();
    Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("请升级督办台"), "{err}");
    assert!(std::fs::read(&path).unwrap() == bytes, "the file was written to");
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn a_network_share_gets_a_rollback_journal_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let local = Store::open(&dir.path().join("local.sqlite3")).unwrap();
    assert_eq!(local.journal_mode().unwrap(), "wal");
    assert_eq!(local.journal().note(), None);

    let options = OpenOptions { network_share: Some("nfs4".into()), ..OpenOptions::default() };
    let shared = Store::open_with(&dir.path().join("shared.sqlite3"), &options).unwrap();
    assert_eq!(shared.journal_mode().unwrap(), "delete");
    assert!(
        matches!(shared.journal(), duban::store::Journal::Rollback(WhyNotWal::NetworkShare(k)) if k == "nfs4")
    );
    assert!(shared.journal().note().unwrap().contains("网络共享（nfs4）"));
    // A database that was in WAL mode is switched back when it turns up on a share.
    drop(local);
    let moved = Store::open_with(&dir.path().join("local.sqlite3"), &options).unwrap();
    assert_eq!(moved.journal_mode().unwrap(), "delete");
}

/// Detection itself, from a mountinfo text to the journal mode: the data folder's mount (the
/// longest mount point holding it, its name escaped as the kernel writes it) is cifs.
#[test]
fn a_folder_that_mountinfo_places_on_a_network_share_gets_a_rollback_journal() {
    let dir = tempfile::tempdir().unwrap();
    let share = dir.path().canonicalize().unwrap().join("共享 盘");
    std::fs::create_dir(&share).unwrap();
    let escaped = share.display().to_string().replace(' ', "\\040");
    let mountinfo = format!(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n\
         95 22 0:52 / {escaped} rw,relatime shared:60 - cifs //nas/duty rw,vers=3.0\n"
    );
    let options = OpenOptions { mountinfo: Some(mountinfo.clone()), ..OpenOptions::default() };
    let store = Store::open_with(&share.join("duban.sqlite3"), &options).unwrap();
    assert_eq!(store.journal_mode().unwrap(), "delete");
    assert!(
        matches!(store.journal(), duban::store::Journal::Rollback(WhyNotWal::NetworkShare(k)) if k == "cifs")
    );
    // The same text with the folder on the local disk: WAL.
    let local = dir.path().join("local.sqlite3");
    let options = OpenOptions { mountinfo: Some(mountinfo), ..OpenOptions::default() };
    assert_eq!(Store::open_with(&local, &options).unwrap().journal_mode().unwrap(), "wal");
}
