//! Search over directives and their progress notes: 3+ character words through the trigram
//! index, shorter words through LIKE; and a database of schema version 1 migrated to today's.

use crate::support::date;
use duban::model::{DirectiveId, Status};
use duban::notice::parse_notice;
use duban::store::{Actor, SCHEMA_VERSION, Store};

const SEED: &str = include_str!("../fixtures/seed-notice.txt");

fn numbers(store: &Store, query: &str) -> Vec<String> {
    let board = store.load_board().unwrap();
    let ids = store.search(query).unwrap().expect("a non-empty query filters");
    let mut n: Vec<String> =
        board.directives.iter().filter(|d| ids.contains(&d.id)).map(|d| d.number.clone()).collect();
    n.sort();
    n
}

fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let draft = parse_notice(SEED, date("2022-03-16")).unwrap();
    store.import_notice(&draft, SEED, "张伟", date("2022-03-16").and_hms_opt(9, 0, 0).unwrap()).unwrap();
    store
}

#[test]
fn finds_long_and_short_words_in_text_titles_and_notes() {
    let mut store = seeded();
    assert_eq!(numbers(&store, "森林火灾"), ["二.2"]);
    // Two characters: below the trigram's reach, found by the LIKE fallback.
    assert_eq!(numbers(&store, "员工"), ["一.2"]);
    assert_eq!(numbers(&store, "宿舍"), ["一.2"]);
    // Every word must match; numbers match too.
    assert_eq!(numbers(&store, "员工 专项检查"), ["一.2"]);
    assert_eq!(numbers(&store, "四.3"), ["四.3"]);
    assert!(numbers(&store, "员工 森林").is_empty());
    assert!(numbers(&store, "100%").is_empty(), "LIKE wildcards are literal");
    assert_eq!(store.search("  ").unwrap(), None, "an empty query does not filter");

    // A progress note makes its directive findable.
    let id = store.load_board().unwrap().directives.iter().find(|d| d.number == "二.1").unwrap().id;
    let actor = Actor { author: "张伟", at: date("2022-03-18").and_hms_opt(9, 0, 0).unwrap() };
    assert!(numbers(&store, "拉动演练").is_empty());
    store.add_note(id, date("2022-03-18"), "已组织全省实战化拉动演练。", &actor).unwrap();
    assert_eq!(numbers(&store, "拉动演练"), ["二.1"]);
    assert_eq!(numbers(&store, "拉动"), ["二.1"]);
}

#[test]
fn a_version_1_database_migrates_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v1.sqlite3", &path).unwrap();
    let store = Store::open(&path).unwrap();
    let version: i64 = store.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(store.counts().unwrap(), (1, 5, 16));
    assert_eq!(store.author().unwrap(), None);
    let board = store.load_board().unwrap();
    let two = board.directives.iter().find(|d| d.id == DirectiveId(2)).unwrap();
    assert_eq!(two.status, Status::InProgress);
    assert_eq!(two.last_note.as_ref().map(|p| p.0), Some(date("2022-03-18")));
    assert_eq!(board.directives.iter().find(|d| d.id == DirectiveId(16)).unwrap().status, Status::Closed);
    // The new search index covers the old rows, notes included.
    assert_eq!(numbers(&store, "员工宿舍整改"), ["一.2"]);
    let log: i64 = store.connection().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).unwrap();
    assert_eq!(log, 5, "the change log came along: import, status, note, status; then migration 8's entry");
}

#[test]
fn file_names_and_captions_are_searched_and_trashed_files_are_not() {
    let mut data = crate::support::Data::new();
    let photo = data.source("消防通道检查.jpg", &crate::support::jpeg(32, 32, 1));
    let done = data.attach(DirectiveId(5), None, &photo).unwrap();
    let actor = crate::support::actor();
    data.store.set_evidence_caption(done.id, "楼梯间堆放杂物已清理", &actor).unwrap();
    let hits = |store: &Store, q: &str| store.search(q).unwrap().unwrap_or_default();
    assert!(hits(&data.store, "消防通道检查").contains(&DirectiveId(5)), "by file name");
    assert!(hits(&data.store, "堆放杂物").contains(&DirectiveId(5)), "by caption (trigram)");
    assert!(hits(&data.store, "杂物").contains(&DirectiveId(5)), "by caption (short word)");
    data.store.trash_evidence(done.id, &actor).unwrap();
    assert!(!hits(&data.store, "堆放杂物").contains(&DirectiveId(5)), "a trashed file no longer matches");
    data.store.restore_evidence(done.id, &actor).unwrap();
    assert!(hits(&data.store, "堆放杂物").contains(&DirectiveId(5)));
}

#[test]
fn the_v5_fixture_finds_its_caption_after_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v5.sqlite3", &path).unwrap();
    let store = Store::open(&path).unwrap();
    let found = store.search("堆放杂物").unwrap().unwrap_or_default();
    assert!(found.contains(&DirectiveId(3)), "{found:?}");
}

/// Short words scan texts kept in memory; after a note, an import, a 反馈 or another
/// connection's change, the next short search sees the new text (only the changed directives
/// are read again) and still every other one.
#[test]
fn short_word_search_sees_every_change_since_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let draft = parse_notice(SEED, date("2022-03-16")).unwrap();
    let at = date("2022-03-16").and_hms_opt(9, 0, 0).unwrap();
    store.import_notice(&draft, SEED, "张伟", at).unwrap();
    assert_eq!(numbers(&store, "宿舍"), ["一.2"], "the texts are loaded");
    let actor = Actor { author: "张伟", at: date("2022-03-20").and_hms_opt(9, 0, 0).unwrap() };
    store.add_note(DirectiveId(3), date("2022-03-18"), "已走访宿舍", &actor).unwrap();
    assert_eq!(numbers(&store, "宿舍").len(), 2, "a note");
    let mut again = draft.clone();
    again.title = format!("{}（二）", again.title);
    again.meeting = Some("第11次办公会议".into());
    store.import_notice(&again, SEED, "张伟", at).unwrap();
    assert_eq!(numbers(&store, "员工").len(), 2, "an import: its notice's directives");
    let feedback = duban::model::LoopEdit {
        office: "队务处".into(),
        action: duban::model::LoopAction::Feedback(duban::model::NewFeedback {
            on: date("2022-03-18"),
            channel: duban::model::Channel::Phone,
            by: None,
            phone: None,
            text: "已组织炊事班培训".into(),
        }),
    };
    let dw = store.load_board().unwrap().directives.iter().find(|d| d.number == "五.1").unwrap().id;
    store.apply_loop_edit(dw, &feedback, &actor).unwrap();
    assert_eq!(numbers(&store, "炊事").len(), 1, "a 反馈");
    // Another connection (the command line, another window) adds a note.
    let mut other = Store::open(&path).unwrap();
    other.add_note(DirectiveId(5), date("2022-03-19"), "已联系锅炉房", &actor).unwrap();
    drop(other);
    let five = store.load_board().unwrap().directive(DirectiveId(5)).unwrap().number.clone();
    assert_eq!(numbers(&store, "锅炉"), [five]);
    assert_eq!(numbers(&store, "员工").len(), 2, "nothing else lost");
}
