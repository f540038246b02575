//! Directives by hand (issue #15): a 领导批示 or 临时交办 entered without a notice lives as an
//! imported directive does (board, 督办 loop, search, reports, list), and a stored notice's
//! directives can be added, split, merged, deleted and restored — each logged, each reversible.

use duban::model::{
    ByHand, Channel, DirectiveId, LoopAction, LoopEdit, NewDirective, NewFeedback, RegisterEdit, Source,
    SourceKind,
};
use duban::report::{Scope, Summary, SummaryRequest};
use duban::store::{Actor, SCHEMA_VERSION, Store, verify_chain};
use rusqlite::Connection;
use serde_json::Value;

use crate::support::{Data, actor, at, date, duban};

const D1: DirectiveId = DirectiveId(1);
const D2: DirectiveId = DirectiveId(2);

fn instruction() -> ByHand {
    ByHand {
        source: Source {
            kind: SourceKind::Instruction,
            by: Some("王总队长".into()),
            reference: Some("辽消〔2022〕31号".into()),
        },
        on: date("2022-03-17"),
        directive: NewDirective {
            title: "排查高层建筑消防车通道".into(),
            text: "请防火监督处牵头，于月底前完成全省高层建筑消防车通道堵塞问题排查。".into(),
            offices: vec!["防火监督处".into(), "沈阳支队".into()],
            deadline: Some(date("2022-03-31")),
        },
    }
}

fn feedback(office: &str, text: &str) -> LoopEdit {
    LoopEdit {
        office: office.into(),
        action: LoopAction::Feedback(NewFeedback {
            on: date("2022-03-18"),
            channel: Channel::Phone,
            by: Some("王强".into()),
            phone: None,
            text: text.into(),
        }),
    }
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn log_fields(store: &Store, id: DirectiveId) -> Vec<String> {
    store.load_detail(id).unwrap().changes.into_iter().map(|c| c.field).collect()
}

#[test]
fn by_hand_an_instruction_lives_like_an_imported_directive() {
    let mut data = Data::new();
    let before = data.store.load_board().unwrap().directives.len();
    let meeting = data.store.load_board().unwrap().notices[0].id;
    let id = data.store.create_by_hand(&instruction(), &actor()).unwrap();

    let board = data.store.load_board().unwrap();
    assert_eq!(board.directives.len(), before + 1);
    let row = board.directive(id).expect("on the board");
    assert_eq!(row.offices_text(), "防火监督处、沈阳支队");
    assert_eq!(row.deadline, Some(date("2022-03-31")));
    let source = row.source.as_deref().expect("with its source");
    assert_eq!(source.describe(), "王总队长批示（辽消〔2022〕31号）");
    let notice = board.notice(row.notice_id).unwrap();
    assert_eq!(notice.issued_on, date("2022-03-17"));
    assert_eq!(notice.source.as_ref(), Some(source));
    // The imported notice's directives have none.
    assert!(board.directive(D1).unwrap().source.is_none());
    // A 批示 is not a meeting: the notice's work has not been carried over one more meeting,
    // and the overview lists meetings only.
    assert_eq!(board.meetings_since(meeting), 0);
    let overview = duban::model::Overview::build(&board, date("2022-03-20"), 3);
    assert_eq!(overview.meetings.len(), 1);

    let detail = data.store.load_detail(id).unwrap();
    assert_eq!(detail.source_words.as_deref(), Some(instruction().directive.text.as_str()));
    assert_eq!(detail.changes[0].field, "新建工作要求");
    assert!(detail.changes[0].new_value.as_deref().unwrap().contains("王总队长"));

    // The same 督办 loop: feedback moves the office to 推进中.
    data.store.apply_loop_edit(id, &feedback("防火监督处", "已排查通道42处"), &actor()).unwrap();
    let row = data.store.directive_row(id).unwrap();
    assert_eq!(row.assignments[0].track.state.label(), "推进中");
    assert!(data.store.add_note(id, date("2022-03-18"), "已部署", &actor()).is_ok());

    // Search by its words, its 批示人 and its 文号.
    for words in ["消防车通道", "王总队长", "〔2022〕31号"] {
        let hits = data.store.search(words).unwrap().unwrap();
        assert!(hits.contains(&id), "{words}");
    }

    // The report names its source.
    let board = data.store.load_board().unwrap();
    let request = SummaryRequest {
        scope: Scope::AllOpen,
        report_date: date("2022-03-20"),
        offices: None,
        due_soon_days: 3,
    };
    let summary = Summary::build(&board, &request);
    let item = summary.blocks.iter().flat_map(|b| &b.items).find(|i| i.id == id).expect("reported");
    assert_eq!(item.number, "批示", "numbered by its kind");
    assert_eq!(item.title_with_origin(""), "排查高层建筑消防车通道（王总队长批示，辽消〔2022〕31号）");
    let csv =
        String::from_utf8(duban::report::render(&summary, duban::report::Format::Csv).unwrap()).unwrap();
    assert!(csv.contains("王总队长"), "the CSV names the 批示人");
    assert!(verify_chain(data.store.connection()).unwrap().is_intact());
}

#[test]
fn by_hand_bad_input_is_refused_in_chinese_and_nothing_is_written() {
    let mut data = Data::new();
    let notices = data.store.counts().unwrap().0;
    let mut no_title = instruction();
    no_title.directive.title = "  ".into();
    let mut no_office = instruction();
    no_office.directive.offices = vec![" ".into()];
    let mut early = instruction();
    early.directive.deadline = Some(date("2022-03-01"));
    for (b, says) in [(no_title, "标题不能为空"), (no_office, "责任单位"), (early, "早于批示日期")]
    {
        let e = data.store.create_by_hand(&b, &actor()).unwrap_err().to_string();
        assert!(e.contains(says), "{e}");
    }
    assert_eq!(data.store.counts().unwrap().0, notices, "no notice was stored");
}

#[test]
fn by_hand_a_directive_is_added_to_a_stored_notice_after_its_last() {
    let mut data = Data::new();
    let board = data.store.load_board().unwrap();
    let notice = board.notices[0].id;
    let last = board.directives.iter().rfind(|d| d.notice_id == notice).unwrap().clone();
    let new = NewDirective {
        title: "补充：夜查".into(),
        text: "各支队开展夜间消防检查。".into(),
        offices: vec!["大连支队".into()],
        deadline: None,
    };
    let edit = RegisterEdit::Add { notice, directive: new };
    let (message, id) = data.store.apply_register_edit(&edit, &actor()).unwrap();
    assert!(message.contains("已新增"), "{message}");
    let board = data.store.load_board().unwrap();
    let rows: Vec<_> = board.directives.iter().filter(|d| d.notice_id == notice).collect();
    assert_eq!(rows.last().unwrap().id, id, "after the notice's last directive");
    let section = last.number.split('.').next().unwrap();
    assert!(
        rows.last().unwrap().number.starts_with(&format!("{section}.")),
        "{}",
        rows.last().unwrap().number
    );
    assert_ne!(rows.last().unwrap().number, last.number);
    assert_eq!(log_fields(&data.store, id), ["新增工作要求"]);
}

#[test]
fn by_hand_a_split_keeps_the_records_on_the_original_and_merging_back_restores_the_pair() {
    let mut data = Data::new();
    let s = &mut data.store;
    s.add_note(D1, date("2022-03-18"), "已检查工地12处", &actor()).unwrap();
    s.apply_loop_edit(D1, &feedback("防火监督处", "已检查"), &actor()).unwrap();
    let original = s.load_detail(D1).unwrap();
    let part = NewDirective {
        title: "宣传报道".into(),
        text: "做好专项检查的宣传报道。".into(),
        offices: vec!["新闻宣传处".into()],
        deadline: None,
    };
    let edit =
        RegisterEdit::Split { id: D1, keep_text: "联合住建部门开展专项检查。".into(), part };
    let (_, new) = s.apply_register_edit(&edit, &actor()).unwrap();

    let board = s.load_board().unwrap();
    let position = |id| board.directives.iter().position(|d| d.id == id).unwrap();
    assert_eq!(position(new), position(D1) + 1, "the part follows the original");
    let part_row = board.directive(new).unwrap();
    assert_eq!(part_row.number, format!("{}-2", original.row.number));
    assert_eq!(part_row.offices_text(), "新闻宣传处");
    assert_eq!(part_row.deadline, original.row.deadline, "the original's deadline when none is given");
    assert_eq!(part_row.assignments[0].track.state.label(), "未反馈");
    let kept = s.load_detail(D1).unwrap();
    assert_eq!(kept.row.text, "联合住建部门开展专项检查。");
    assert_eq!(kept.notes.len(), original.notes.len(), "notes stay on the original");
    assert_eq!(kept.loop_events.len(), original.loop_events.len(), "督办 records stay too");
    assert_eq!(kept.row.assignments[0].track.state, original.row.assignments[0].track.state);
    assert!(log_fields(s, D1).contains(&"拆分".to_owned()));
    let detail = s.load_detail(new).unwrap();
    assert_eq!(detail.split_from.as_ref().map(|(id, _)| *id), Some(D1));

    // Undoing: the part merged back is set aside, the original has both texts again.
    s.apply_register_edit(&RegisterEdit::Merge { into: D1, from: new }, &actor()).unwrap();
    let board = s.load_board().unwrap();
    assert!(board.directive(new).is_none());
    assert!(board.directive(D1).unwrap().text.contains("宣传报道"));
    assert!(verify_chain(s.connection()).unwrap().is_intact());
}

#[test]
fn by_hand_a_merge_moves_everything_and_restoring_undoes_it_exactly() {
    let mut data = Data::new();
    let s = &mut data.store;
    let d1_text = s.load_detail(D1).unwrap().row.text;
    let d2 = s.load_detail(D2).unwrap();
    let d2_offices: Vec<String> = d2.row.assignments.iter().map(|a| a.name.to_string()).collect();
    let note = s.add_note(D2, date("2022-03-18"), "第二条的进展", &actor()).unwrap();
    let office = d2_offices[0].clone();
    s.apply_loop_edit(D2, &feedback(&office, "第二条的反馈"), &actor()).unwrap();

    s.apply_register_edit(&RegisterEdit::Merge { into: D1, from: D2 }, &actor()).unwrap();
    let board = s.load_board().unwrap();
    assert!(board.directive(D2).is_none(), "set aside");
    assert_eq!(board.set_aside[0].id, D2);
    assert_eq!(board.set_aside[0].merged_into, Some(D1));
    let merged = s.load_detail(D1).unwrap();
    assert!(merged.notes.iter().any(|n| n.id.0 == note), "the note moved");
    assert!(
        merged.loop_events.iter().any(|e| format!("{e:?}").contains("第二条的反馈")),
        "the feedback moved"
    );
    for name in &d2_offices {
        assert!(merged.row.assignments.iter().any(|a| *a.name == **name), "{name} joins");
    }
    assert_eq!(merged.row.text, format!("{d1_text}\n{}", d2.row.text));
    // The office both name takes the further state (its feedback came with it).
    let state_of = |d: &duban::model::DirectiveDetail| {
        d.row.assignments.iter().find(|a| *a.name == *office).unwrap().track.state.label()
    };
    assert_eq!(state_of(&merged), "推进中");
    assert_eq!(merged.row.status.label(), "推进中", "the status follows its offices");
    assert_eq!(merged.merged.len(), 1);
    assert!(s.search("第二条的进展").unwrap().unwrap().contains(&D1));
    // A merged-away directive takes no edits (the command line's notes included).
    let e = s.add_note(D2, date("2022-03-19"), "x", &actor()).unwrap_err().to_string();
    assert!(e.contains("请先在回收站恢复"), "{e}");
    let refused =
        s.apply_edit(D2, &duban::model::DirectiveEdit::Deadline(None), &actor()).unwrap_err().to_string();
    assert!(refused.contains("请先在回收站恢复"), "{refused}");

    let (message, _) = s.apply_register_edit(&RegisterEdit::Restore(D2), &actor()).unwrap();
    assert!(message.contains("撤销合并"), "{message}");
    let back = s.load_detail(D2).unwrap();
    assert!(back.notes.iter().any(|n| n.id.0 == note), "the note went back");
    assert!(back.loop_events.iter().any(|e| format!("{e:?}").contains("第二条的反馈")));
    let names: Vec<String> = back.row.assignments.iter().map(|a| a.name.to_string()).collect();
    assert_eq!(names, d2_offices);
    let d1 = s.load_detail(D1).unwrap();
    assert_eq!(d1.row.text, d1_text, "the text is as before the merge");
    assert_eq!(state_of(&d1), "未反馈", "its office's state is as before the merge");
    assert_eq!(state_of(&back), "推进中");
    assert!(d1.merged.is_empty());
    assert!(s.load_board().unwrap().set_aside.is_empty());
    assert!(verify_chain(s.connection()).unwrap().is_intact());
}

#[test]
fn by_hand_merging_across_notices_is_refused() {
    let mut data = Data::new();
    let id = data.store.create_by_hand(&instruction(), &actor()).unwrap();
    let e = data.store.merge_directives(D1, id, &actor()).unwrap_err().to_string();
    assert!(e.contains("只能合并同一份通知"), "{e}");
    let e = data.store.merge_directives(D1, D1, &actor()).unwrap_err().to_string();
    assert!(e.contains("合并到它自己"), "{e}");
}

#[test]
fn by_hand_delete_is_a_soft_delete_refused_once_an_office_reported() {
    let mut data = Data::new();
    let s = &mut data.store;
    s.add_note(D2, date("2022-03-18"), "删除前的进展", &actor()).unwrap();
    s.apply_register_edit(&RegisterEdit::Delete(D2), &actor()).unwrap();
    let board = s.load_board().unwrap();
    assert!(board.directive(D2).is_none());
    assert_eq!(board.set_aside.len(), 1);
    assert_eq!(board.set_aside[0].merged_into, None);
    assert!(!s.search("删除前的进展").unwrap().unwrap().contains(&D2), "search leaves it out");
    assert_eq!(count(s.connection(), "SELECT count(*) FROM directive WHERE id = 2"), 1, "the row stays");

    s.apply_register_edit(&RegisterEdit::Restore(D2), &actor()).unwrap();
    assert!(s.load_board().unwrap().directive(D2).is_some());
    assert!(s.search("删除前的进展").unwrap().unwrap().contains(&D2));
    assert_eq!(log_fields(s, D2)[..2], ["恢复".to_owned(), "删除".to_owned()]);
    let e = s.restore_directive(D2, &actor()).unwrap_err().to_string();
    assert!(e.contains("未被删除"), "{e}");

    s.apply_loop_edit(D1, &feedback("防火监督处", "已检查"), &actor()).unwrap();
    let e = s.delete_directive(D1, &actor()).unwrap_err().to_string();
    assert!(e.contains("不能删除") && e.contains("合并"), "{e}");
    assert!(s.load_board().unwrap().directive(D1).is_some());
}

#[test]
fn by_hand_the_v8_fixture_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.sqlite3");
    std::fs::copy("tests/fixtures/schema-v8.sqlite3", &path).unwrap();
    let before = Connection::open("tests/fixtures/schema-v8.sqlite3").unwrap();
    let directives = count(&before, "SELECT count(*) FROM directive");
    let mut store = Store::open(&path).unwrap();
    let conn = store.connection();
    assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), SCHEMA_VERSION);
    assert_eq!(count(conn, "SELECT count(*) FROM notice WHERE source_kind <> 'notice'"), 0);
    assert_eq!(count(conn, "SELECT count(*) FROM directive WHERE deleted_at IS NULL"), directives);
    assert_eq!(count(conn, "SELECT count(*) FROM search_fts"), directives, "search still covers all");
    let board = store.load_board().unwrap();
    assert_eq!(board.directives.len() as i64, directives);
    assert!(board.set_aside.is_empty());
    let first = board.directives[0].id;
    let later = Actor { author: "张伟", at: at("2026-11-30") };
    store
        .delete_directive(first, &later)
        .or_else(|_| store.create_by_hand(&instruction(), &later).map(|_| ()))
        .unwrap();
    assert!(verify_chain(store.connection()).unwrap().is_intact());
}

#[test]
fn by_hand_cli_add_prints_the_id_and_list_shows_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "add",
        "--title",
        "节日期间消防安全检查",
        "--text",
        "王总队长批示：请各支队加强节日期间消防安全检查。",
        "--office",
        "沈阳支队、大连支队",
        "--office",
        "防火监督处",
        "--deadline",
        "2022-04-10",
        "--source",
        "批示",
        "--by",
        "王总队长",
        "--ref",
        "辽消〔2022〕31号",
        "--date",
        "2022-03-20",
    ];
    let out = duban(&args, dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id: i64 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("prints the id");

    let out = duban(&["list", "--json", "--date", "2022-03-21"], dir.path());
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["offices"], serde_json::json!(["沈阳支队", "大连支队", "防火监督处"]));
    assert_eq!(list[0]["deadline"], "2022-04-10");
    assert_eq!(list[0]["source"]["kind"], "批示");
    assert_eq!(list[0]["source"]["by"], "王总队长");
    assert_eq!(list[0]["source"]["reference"], "辽消〔2022〕31号");
    let out = duban(&["list", "--date", "2022-03-21"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("王总队长批示（辽消〔2022〕31号）"));
    let out = duban(&["search", "王总队长", "--json"], dir.path());
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.len(), 1);

    for (bad, says) in [
        (vec!["add", "--text", "x", "--office", "沈阳支队"], "--title"),
        (vec!["add", "--title", "t", "--text", "x"], "--office"),
        (vec!["add", "--title", "t", "--text", "x", "--office", "沈阳支队", "--source", "通知"], "未知来源"),
        (
            vec!["add", "--title", "t", "--text", "x", "--office", "沈阳支队", "--deadline", "4月10日"],
            "日期格式",
        ),
        (
            vec![
                "add",
                "--title",
                "t",
                "--text",
                "x",
                "--office",
                "沈阳支队",
                "--deadline",
                "2022-03-01",
                "--date",
                "2022-03-20",
            ],
            "早于",
        ),
    ] {
        let out = duban(&bad, dir.path());
        assert!(!out.status.success(), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{bad:?}: {err}");
    }
    let out = duban(&["list", "--json", "--date", "2022-03-21"], dir.path());
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 1, "nothing half-written");
}

#[test]
fn by_hand_cli_adds_to_a_notice_splits_merges_deletes_and_undeletes() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = duban(args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"]);
    let count = |dir: &std::path::Path| {
        let out = duban(&["list", "--json", "--date", "2022-03-21"], dir);
        serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap().len()
    };
    let before = count(dir.path());
    let added: i64 =
        run(&["add", "--notice", "1", "--title", "夜查", "--text", "开展夜查。", "--office", "大连支队"])
            .parse()
            .unwrap();
    let part: i64 = run(&["split", "1", "--keep", "联合检查。", "--title", "宣传", "--text", "做好宣传。"])
        .parse()
        .unwrap();
    assert_eq!(count(dir.path()), before + 2);
    assert!(run(&["merge", "1", &part.to_string()]).contains("已合并"));
    assert!(run(&["delete", &added.to_string()]).contains("已删除"));
    assert_eq!(count(dir.path()), before);
    assert!(run(&["undelete", &part.to_string()]).contains("撤销合并"));
    assert!(run(&["undelete", &added.to_string()]).contains("已恢复"));
    assert_eq!(count(dir.path()), before + 2);

    for (bad, says) in [
        (vec!["merge", "1"], "merge 需要两个编号"),
        (vec!["delete", "x"], "编号应为数字"),
        (vec!["split", "1", "--title", "t", "--text", "x"], "--keep"),
        (
            vec!["add", "--notice", "1", "--source", "批示", "--title", "t", "--text", "x", "--office", "a"],
            "不能与",
        ),
        (vec!["undelete", "2"], "未被删除"),
        (vec!["merge", "1", "999"], "999"),
    ] {
        let out = duban(&bad, dir.path());
        assert!(!out.status.success(), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{bad:?}: {err}");
    }
    assert_eq!(count(dir.path()), before + 2, "nothing changed by the refusals");
}
