//! The store: round trip of the seed, migrations, refusal of a newer schema, rollback of a
//! failing import, edits and the append-only change log.

use crate::support::{at, date};
use duban::model::{BoardFilter, OfficeGroup, Status, Urgency};
use duban::notice::{decode_text, parse_notice};
use duban::store::{Actor, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;

use crate::support::actor;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SEED: &[u8] = include_bytes!("../fixtures/seed-notice.txt");

fn import_seed(store: &mut Store) -> duban::model::NoticeId {
    let text = decode_text(SEED).unwrap().text;
    let draft = parse_notice(&text, date("2022-03-16")).unwrap();
    store.import_notice(&draft, &text, "值班员甲", at("2022-03-16")).unwrap()
}

#[test]
fn seed_round_trips_through_the_store() -> TestResult {
    let mut store = Store::open_in_memory()?;
    import_seed(&mut store);
    let board = store.load_board()?;
    assert_eq!(store.counts()?, (1, 5, 16));
    assert_eq!(board.directives.len(), 16);
    assert_eq!(board.directives[0].number, "一.1");
    // HQ offices named by the notice joined the roster, in the order the notice names them;
    // the collective 各处室 is kept but not listed as an office.
    let hq: Vec<&str> = board.offices_in(OfficeGroup::Hq).map(|o| o.name.as_str()).collect();
    assert_eq!(
        hq,
        [
            "防火监督处",
            "新闻宣传处",
            "指挥中心",
            "作战训练处",
            "特种灾害救援处",
            "信息通信处",
            "后勤装备处",
            "队务处"
        ]
    );
    assert_eq!(board.offices_in(OfficeGroup::Detachment).count(), 14);
    // 队务处: its own three directives of 五、 and the three of 四、 addressed to 各处室.
    let duiwu = board.offices.iter().find(|o| o.name == "队务处").unwrap();
    let numbers: Vec<&str> = board
        .filtered(BoardFilter::Office(duiwu.id), date("2022-03-18"), 3)
        .into_iter()
        .map(|i| board.directives[i].number.as_str())
        .collect();
    assert_eq!(numbers, ["四.1", "四.2", "四.3", "五.1", "五.2", "五.3"]);
    let five_one = board.directives.iter().find(|d| d.number == "五.1").unwrap();
    assert_eq!(five_one.deadline, Some(date("2022-12-31")));
    let detail = store.load_detail(five_one.id)?;
    assert_eq!(detail.deadline_phrase.as_deref(), Some("年底"));
    assert!(!detail.deadline_inferred);
    assert_eq!(detail.section_title, "五、推动滞留士兵移交安置");
    Ok(())
}

#[test]
fn migrates_an_empty_file_and_reopens() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open_dir(dir.path())?;
    import_seed(&mut store);
    drop(store);
    let conn = Connection::open(dir.path().join("duban.sqlite3"))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))?, "wal");
    drop(conn);
    let store = Store::open_dir(dir.path())?;
    assert_eq!(store.counts()?, (1, 5, 16));
    Ok(())
}

#[test]
fn refuses_a_database_from_a_newer_duban() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("duban.sqlite3");
    Store::open(&path)?;
    Connection::open(&path)?.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
    match Store::open(&path) {
        Err(e @ StoreError::NewerSchema { .. }) => {
            let message = e.to_string();
            assert!(message.contains("请升级督办台"), "{message}");
            assert!(message.ends_with(&path.display().to_string()), "path last: {message}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
    // Untouched: still the newer version.
    let version: i64 = Connection::open(&path)?.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION + 1);
    Ok(())
}

#[test]
fn a_failing_import_leaves_nothing_behind() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("duban.sqlite3");
    let mut store = Store::open(&path)?;
    let offices_before = store.load_board()?.offices.len();
    // Sabotage from a second connection: the 10th directive insert fails.
    Connection::open(&path)?.execute_batch(
        "CREATE TRIGGER sabotage BEFORE INSERT ON directive WHEN (SELECT count(*) FROM directive) >= 9
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )?;
    let text = decode_text(SEED)?.text;
    let draft = parse_notice(&text, date("2022-03-16"))?;
    let err = store.import_notice(&draft, &text, "值班员甲", at("2022-03-16")).unwrap_err();
    assert!(err.to_string().contains("injected failure"));
    assert_eq!(store.counts()?, (0, 0, 0));
    assert_eq!(store.load_board()?.offices.len(), offices_before, "no office added");
    let log: i64 = store.connection().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))?;
    assert_eq!(log, 0);
    Ok(())
}

#[test]
fn invalid_drafts_are_refused_before_writing() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let text = decode_text(SEED)?.text;
    let mut draft = parse_notice(&text, date("2022-03-16"))?;
    draft.sections[3].directives[1].text = "  ".into();
    let err = store.import_notice(&draft, &text, "甲", at("2022-03-16")).unwrap_err();
    assert_eq!(err.to_string(), "第 四.2 条工作要求的内容为空");
    assert_eq!(store.counts()?, (0, 0, 0));
    Ok(())
}

#[test]
fn edits_are_logged_and_the_log_is_append_only() -> TestResult {
    let mut store = Store::open_in_memory()?;
    import_seed(&mut store);
    let board = store.load_board()?;
    let id = board.directives.iter().find(|d| d.number == "二.1").unwrap().id;
    let actor = Actor { author: "值班员乙", at: at("2022-03-18") };

    assert!(store.set_status(id, Status::InProgress, &actor)?);
    assert!(!store.set_status(id, Status::InProgress, &actor)?, "no-op is not logged");
    assert!(store.set_deadline(id, Some(date("2022-03-25")), &actor)?);
    assert!(store.set_offices(id, &["作战训练处".into(), "沈阳支队".into()], &actor)?);
    store.add_note(id, date("2022-03-17"), "已组织全省实战化训练。", &actor)?;
    store.add_note(id, date("2022-03-18"), "完成桌面推演。", &actor)?;
    assert!(matches!(store.add_note(id, date("2022-03-18"), "  ", &actor), Err(StoreError::Invalid(_))));

    let detail = store.load_detail(id)?;
    assert_eq!(detail.row.status, Status::InProgress);
    assert_eq!(detail.row.deadline, Some(date("2022-03-25")));
    assert!(!detail.deadline_inferred);
    assert_eq!(detail.row.offices_text(), "作战训练处、沈阳支队");
    assert_eq!(detail.notes[0].text, "完成桌面推演。");
    assert_eq!(detail.row.last_note, Some((date("2022-03-18"), "完成桌面推演。".into())));
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = detail
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.old_value.as_deref(), c.new_value.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("进展", None, Some("2022-03-18：完成桌面推演。")),
            ("进展", None, Some("2022-03-17：已组织全省实战化训练。")),
            (
                "责任处室",
                Some("指挥中心、作战训练处、特种灾害救援处、信息通信处"),
                Some("作战训练处、沈阳支队")
            ),
            ("完成时限", Some("2022-03-20"), Some("2022-03-25")),
            ("状态", Some("未开始"), Some("推进中")),
        ]
    );
    assert!(detail.changes.iter().all(|c| c.author == "值班员乙"));

    // The board sees the change: 沈阳支队 now has it; on 3-26 it is overdue there.
    let board = store.load_board()?;
    let shenyang = board.offices.iter().find(|o| o.name == "沈阳支队").unwrap();
    let counts = board.counts(date("2022-03-26"), 3);
    assert_eq!(counts[&Some(shenyang.id)].overdue, 1);
    let row = board.directive(id).unwrap();
    assert_eq!(row.urgency(date("2022-03-26"), 3), Urgency::Overdue);

    for sql in ["UPDATE change_log SET author = 'x'", "DELETE FROM change_log"] {
        let err = store.connection().execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert!(matches!(
        store.set_status(duban::model::DirectiveId(9999), Status::Done, &actor),
        Err(StoreError::DirectiveNotFound(_))
    ));
    Ok(())
}

#[test]
fn author_setting_persists() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = Store::open_dir(dir.path())?;
    assert_eq!(store.author()?, None);
    assert!(store.set_author("  ").is_err());
    store.set_author(" 张伟 ")?;
    drop(store);
    assert_eq!(Store::open_dir(dir.path())?.author()?.as_deref(), Some("张伟"));
    Ok(())
}

#[test]
fn roster_offices_and_aliases_are_kept_and_used_on_import() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open_dir(dir.path())?;
    import_seed(&mut store);
    let fire = store.load_board()?.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    store.set_aliases(fire, &["防火处".into(), " 防火监督 ".into()], &actor())?;
    let politics = store.add_office("政治部", OfficeGroup::Hq, &actor())?;
    assert!(store.add_office("防火处", OfficeGroup::Hq, &actor()).is_err(), "an alias is taken");
    let err = store.set_aliases(politics, &["防火处".into()], &actor()).unwrap_err().to_string();
    assert!(err.contains("防火监督处"), "{err}");
    drop(store);

    // Kept across a restart, and a notice naming the alias lands on the office.
    let mut store = Store::open_dir(dir.path())?;
    let board = store.load_board()?;
    assert!(board.offices_in(OfficeGroup::Hq).any(|o| o.name == "政治部"));
    assert_eq!(store.aliases()?, [("防火处".to_owned(), fire), ("防火监督".to_owned(), fire)]);
    let text = "关于做好防火检查的通知\n一、开展检查。要突出高层建筑。（责任处室：防火处、政治部）";
    let draft = parse_notice(text, date("2024-03-01"))?;
    store.import_notice(&draft, text, "甲", at("2024-03-01"))?;
    let board = store.load_board()?;
    let d = board.directives.iter().find(|d| d.title == "高层建筑").unwrap();
    assert_eq!(d.offices_text(), "防火监督处、政治部");
    assert!(board.offices.iter().all(|o| o.name != "防火处"), "no office was made from the alias");
    Ok(())
}

/// Schema 3 → newest: the fixture is a version-3 database (notice, a status change, a note and
/// one evidence row); migration 4 adds office aliases and must keep everything.
#[test]
fn a_version_3_database_migrates_and_keeps_its_evidence() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v3.sqlite3", &path)?;
    let mut store = Store::open(&path)?;
    let version: i64 = store.connection().query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(store.counts()?, (1, 5, 16));
    let board = store.load_board()?;
    let two = board.directive(duban::model::DirectiveId(2)).unwrap();
    assert_eq!((two.status, two.evidence), (Status::InProgress, 1));
    assert_eq!(store.evidence_for(two.id)?[0].original_name, "现场检查2.jpg");
    assert!(store.aliases()?.is_empty());
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    store.set_aliases(fire, &["防火处".into()], &actor())?;
    assert_eq!(store.aliases()?.len(), 1);
    Ok(())
}
