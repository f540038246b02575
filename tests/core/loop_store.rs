//! 督办 per office through the store: feedback, reminders, extensions, completion and its
//! review; the directive's derived state; the refreshed row; refusals that write nothing; search
//! over the new records. The seed notice is issued 2022-03-16; 一.1 (id 1) names 防火监督处 and
//! 新闻宣传处, due 2022-03-20.

use duban::model::{
    Channel, DirectiveId, EscalationStep, LoopAction, LoopEdit, LoopEventKind, LoopState, NewExtension,
    NewFeedback, NewReminder, OfficeState, Status, office_figures,
};
use duban::store::{Actor, Store, StoreError, verify_chain};

use crate::support::{Data, at, date, dump};

const FIRE: &str = "防火监督处";
const NEWS: &str = "新闻宣传处";
const D1: DirectiveId = DirectiveId(1);

fn on(day: &str) -> Actor<'static> {
    Actor { author: "张伟", at: at(day) }
}

fn edit(office: &str, action: LoopAction) -> LoopEdit {
    LoopEdit { office: office.into(), action }
}

fn feedback(day: &str, text: &str) -> LoopAction {
    LoopAction::Feedback(NewFeedback {
        on: date(day),
        channel: Channel::Phone,
        by: Some("王强".into()),
        phone: None,
        text: text.into(),
    })
}

fn extension(requested: &str, to: &str) -> LoopAction {
    LoopAction::Extend(NewExtension {
        requested_on: date(requested),
        to: date(to),
        reason: "需与住建部门联合复查".into(),
        approved_by: "李副总队长".into(),
        approved_on: None,
    })
}

fn apply(store: &mut Store, office: &str, action: LoopAction, day: &str) -> String {
    store.apply_loop_edit(D1, &edit(office, action), &on(day)).unwrap_or_else(|e| panic!("{e}"))
}

fn state(store: &Store, office: &str) -> OfficeState {
    let row = store.directive_row(D1).unwrap();
    row.assignments.iter().find(|a| *a.name == *office).expect("assigned").track.state
}

#[test]
fn loop_one_office_finishing_leaves_the_directive_partly_finished() {
    let mut data = Data::new();
    let s = &mut data.store;
    let message = apply(s, FIRE, feedback("2022-03-18", "已检查在建工地12处"), "2022-03-18");
    assert!(message.contains("推进中"), "{message}");
    assert_eq!(state(s, FIRE), OfficeState::InProgress);
    assert_eq!(state(s, NEWS), OfficeState::Unreported);
    assert_eq!(s.directive_row(D1).unwrap().status, Status::InProgress, "kept in step");

    apply(
        s,
        FIRE,
        LoopAction::Complete { on: date("2022-03-19"), report: "专项检查完成，整改9处".into() },
        "2022-03-19",
    );
    assert_eq!(state(s, FIRE), OfficeState::Requested);
    apply(s, FIRE, LoopAction::Accept { on: date("2022-03-21") }, "2022-03-21");
    let row = s.directive_row(D1).unwrap();
    let fire = &row.assignments[0].track;
    assert_eq!((fire.state, fire.finished_on), (OfficeState::Finished, Some(date("2022-03-19"))));
    assert_eq!(row.loop_state(), LoopState::PartlyFinished);
    assert_eq!(row.unreported_leads(), vec![NEWS]);
    // The refreshed row is the board's row.
    let board = s.load_board().unwrap();
    assert_eq!(board.directive(D1), Some(&row));

    apply(s, NEWS, feedback("2022-03-21", "已发布专题报道"), "2022-03-21");
    apply(s, NEWS, LoopAction::Complete { on: date("2022-03-22"), report: "宣传完成".into() }, "2022-03-22");
    apply(s, NEWS, LoopAction::Accept { on: date("2022-03-22") }, "2022-03-22");
    let row = s.directive_row(D1).unwrap();
    assert_eq!((row.loop_state(), row.status), (LoopState::Finished, Status::Done));
    assert!(verify_chain(s.connection()).unwrap().is_intact());
}

#[test]
fn loop_a_return_sends_the_office_back_with_its_reason_and_is_counted() {
    let mut data = Data::new();
    let s = &mut data.store;
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-18"), report: "已完成".into() }, "2022-03-18");
    let message = apply(
        s,
        FIRE,
        LoopAction::Return { on: date("2022-03-19"), reason: "缺少整改台账".into() },
        "2022-03-19",
    );
    assert!(message.contains("缺少整改台账"), "{message}");
    let track = s.directive_row(D1).unwrap().assignments[0].track.clone();
    assert_eq!((track.state, track.returns), (OfficeState::InProgress, 1));
    assert_eq!(track.last_return_reason(), Some("缺少整改台账"));
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-20"), report: "补充台账".into() }, "2022-03-20");
    apply(s, FIRE, LoopAction::Accept { on: date("2022-03-21") }, "2022-03-21");
    let history = s.loop_history(D1).unwrap();
    let kinds: Vec<&str> = history.iter().map(|e| e.kind.label()).collect();
    assert_eq!(kinds, ["申请办结", "退回重办", "申请办结", "审核通过"]);
    assert_eq!(history[1].text, "缺少整改台账");
    let track = &s.directive_row(D1).unwrap().assignments[0].track;
    assert_eq!((track.returns, track.finished_on), (1, Some(date("2022-03-20"))));
}

#[test]
fn loop_extensions_keep_the_original_and_a_late_request_is_marked() {
    let mut data = Data::new();
    let s = &mut data.store;
    let message = apply(s, FIRE, extension("2022-03-18", "2022-03-31"), "2022-03-18");
    assert!(message.contains("原定3月20日，经李副总队长同意延至3月31日"), "{message}");
    // Asked on 04-02, after the approved 03-31: 超期申请.
    let message = apply(s, FIRE, extension("2022-04-02", "2022-04-30"), "2022-04-02");
    assert!(message.contains("原定3月20日") && message.ends_with("（超期申请）"), "{message}");
    let track = s.directive_row(D1).unwrap().assignments[0].track.clone();
    assert_eq!(track.original_deadline, Some(date("2022-03-20")));
    assert_eq!(track.deadline, Some(date("2022-04-30")));
    assert_eq!(track.on_time_deadline, Some(date("2022-03-31")));
    assert_eq!(track.extensions, 2);
    // Finished 04-10: within the approved deadline but late, as the request was.
    apply(s, FIRE, LoopAction::Complete { on: date("2022-04-10"), report: "完成".into() }, "2022-04-10");
    apply(s, FIRE, LoopAction::Accept { on: date("2022-04-10") }, "2022-04-10");
    let board = s.load_board().unwrap();
    let fire =
        office_figures(&board, date("2022-04-10"), Some(7)).into_iter().find(|f| f.name == FIRE).unwrap();
    assert_eq!((fire.finished, fire.on_time, fire.extensions), (1, 0, 2));
    // The other office's deadline did not move: the directive is overdue through it.
    let row = board.directive(D1).unwrap();
    assert_eq!(row.effective_deadline(), Some(date("2022-03-20")));
}

#[test]
fn loop_reminders_escalate_step_by_step() {
    let mut data = Data::new();
    let s = &mut data.store;
    let remind = |day: &str| {
        LoopAction::Remind(NewReminder {
            on: date(day),
            channel: Channel::Phone,
            reached: Some("刘处长".into()),
            answer: Some("本周五前报送".into()),
            step: None,
        })
    };
    assert!(apply(s, NEWS, remind("2022-03-21"), "2022-03-21").contains("提醒"));
    assert!(apply(s, NEWS, remind("2022-03-24"), "2022-03-24").contains("催办"));
    let track = s.directive_row(D1).unwrap().assignments[1].track.clone();
    assert_eq!(track.reminders, 2);
    assert_eq!(track.last_reminder, Some((date("2022-03-24"), EscalationStep::Press)));
    assert_eq!(track.state, OfficeState::Unreported, "a reminder is not a report");
    let history = s.loop_history(D1).unwrap();
    assert!(matches!(history[1].kind, LoopEventKind::Reminder(EscalationStep::Press)));
}

/// Each refusal: an error whose Chinese message says what to change, and not one byte written.
fn refused(data: &mut Data, id: DirectiveId, edit: LoopEdit, day: &str, says: &str) -> StoreError {
    let before = dump(&data.store);
    let err = data.store.apply_loop_edit(id, &edit, &on(day)).expect_err("refused");
    assert!(err.to_string().contains(says), "{err}");
    assert_eq!(dump(&data.store), before, "{err}: nothing written");
    err
}

#[test]
fn loop_bad_input_is_refused_and_nothing_written() {
    let mut data = Data::new();
    let d = &mut data;
    // An extension to before the notice's date, or to before the current deadline.
    refused(
        d,
        D1,
        edit(FIRE, extension("2022-03-18", "2022-03-10")),
        "2022-03-18",
        "须晚于通知印发日期（2022-03-16）",
    );
    refused(
        d,
        D1,
        edit(FIRE, extension("2022-03-18", "2022-03-19")),
        "2022-03-18",
        "须晚于当前时限（2022-03-20）",
    );
    // Feedback dated in the future or before the notice.
    let err = refused(d, D1, edit(FIRE, feedback("2022-03-25", "x")), "2022-03-18", "晚于今天（2022-03-18）");
    assert!(matches!(err, StoreError::BadLoopDate(_)));
    refused(d, D1, edit(FIRE, feedback("2022-03-10", "x")), "2022-03-18", "早于通知印发日期（2022-03-16）");
    refused(d, D1, edit(FIRE, feedback("2022-03-18", "  ")), "2022-03-18", "反馈内容不能为空");
    // 办结 for an office the directive does not name.
    let complete = LoopAction::Complete { on: date("2022-03-18"), report: "完成".into() };
    let err = refused(d, D1, edit("队务处", complete), "2022-03-18", "不是工作要求 一.1 的责任单位");
    assert!(err.to_string().contains("防火监督处、新闻宣传处"), "{err}");
    // A return without a reason (and one with nothing to return).
    let s = &mut d.store;
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-18"), report: "完成".into() }, "2022-03-18");
    refused(
        d,
        D1,
        edit(FIRE, LoopAction::Return { on: date("2022-03-18"), reason: " ".into() }),
        "2022-03-18",
        "退回理由不能为空",
    );
    refused(
        d,
        D1,
        edit(NEWS, LoopAction::Return { on: date("2022-03-18"), reason: "不全".into() }),
        "2022-03-18",
        "没有待审核的办结申请",
    );
    // A review dated before the report it reviews.
    let early = LoopAction::Accept { on: date("2022-03-17") };
    refused(d, D1, edit(FIRE, early), "2022-03-18", "早于办结报告日期（2022-03-18）");
    // A reminder for a closed (销号) directive.
    d.store.set_status(D1, Status::Closed, &on("2022-03-18")).unwrap();
    let remind = LoopAction::Remind(NewReminder {
        on: date("2022-03-18"),
        channel: Channel::Phone,
        reached: None,
        answer: None,
        step: None,
    });
    let err = refused(d, D1, edit(NEWS, remind), "2022-03-18", "已销号，无需再催办");
    assert!(matches!(err, StoreError::ClosedDirective(_)));
    // A directive that does not exist.
    let err = d.store.apply_loop_edit(
        DirectiveId(999),
        &edit(FIRE, feedback("2022-03-18", "x")),
        &on("2022-03-18"),
    );
    assert!(matches!(err, Err(StoreError::DirectiveNotFound(_))));
}

#[test]
fn loop_search_finds_feedback_answers_reasons_and_reports() {
    let mut data = Data::new();
    let s = &mut data.store;
    apply(s, FIRE, feedback("2022-03-18", "彩钢板宿舍拆除完毕"), "2022-03-18");
    let remind = LoopAction::Remind(NewReminder {
        on: date("2022-03-19"),
        channel: Channel::Phone,
        reached: None,
        answer: Some("周五前补报台账".into()),
        step: None,
    });
    apply(s, NEWS, remind, "2022-03-19");
    apply(s, NEWS, extension("2022-03-19", "2022-04-15"), "2022-03-19");
    apply(
        s,
        FIRE,
        LoopAction::Complete { on: date("2022-03-19"), report: "形成闭环整改报告".into() },
        "2022-03-19",
    );
    for words in ["彩钢板宿舍", "补报台账", "联合复查", "闭环整改", "台账 住建"] {
        let hits = s.search(words).unwrap().unwrap_or_default();
        assert!(hits.contains(&D1) && hits.len() == 1, "{words}: {hits:?}");
    }
    // Two-character words go through the in-memory scan of the same text.
    assert!(s.search("闭环").unwrap().unwrap_or_default().contains(&D1));
}

#[test]
fn loop_a_directive_naming_no_office_takes_the_first_office_reported() {
    let mut data = Data::new();
    let s = &mut data.store;
    s.connection().execute("DELETE FROM assignment WHERE directive_id = 1", []).unwrap();
    apply(s, "各支队", feedback("2022-03-18", "各支队均已部署"), "2022-03-18");
    let row = s.directive_row(D1).unwrap();
    assert_eq!(row.assignments.len(), 1);
    assert_eq!(
        (&*row.assignments[0].name, row.assignments[0].track.state),
        ("各支队", OfficeState::InProgress)
    );
}

#[test]
fn loop_cadence_is_a_setting_and_per_notice() {
    let mut data = Data::new();
    let s = &mut data.store;
    assert_eq!(s.feedback_cadence().unwrap(), Some(7));
    s.set_feedback_cadence(Some(14)).unwrap();
    assert_eq!(s.feedback_cadence().unwrap(), Some(14));
    s.set_feedback_cadence(None).unwrap();
    assert_eq!(s.feedback_cadence().unwrap(), None);
    assert!(s.set_feedback_cadence(Some(0)).is_err());
    let notice = s.load_board().unwrap().notices[0].id;
    s.set_notice_feedback_days(notice, Some(5), &on("2022-03-17")).unwrap();
    assert_eq!(s.load_board().unwrap().notices[0].feedback_days, Some(5));
}

#[test]
fn loop_reports_show_each_office_extensions_and_who_has_not_reported() {
    use duban::report::{self, Format, Scope, Summary, SummaryRequest};
    let mut data = Data::new();
    let s = &mut data.store;
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-18"), report: "完成".into() }, "2022-03-18");
    apply(s, FIRE, LoopAction::Accept { on: date("2022-03-19") }, "2022-03-19");
    apply(s, NEWS, extension("2022-03-19", "2022-04-30"), "2022-03-19");
    let board = s.load_board().unwrap();
    let request = SummaryRequest {
        scope: Scope::Notice(board.notices[0].id),
        report_date: date("2022-03-22"),
        offices: None,
        due_soon_days: 3,
    };
    let summary = Summary::build(&board, &request);
    let item = summary.blocks.iter().flat_map(|b| &b.items).find(|i| i.id == D1).unwrap();
    let cells = item.table_cells(request.report_date);
    assert!(cells[3].contains("防火监督处：已办结；新闻宣传处：未反馈"), "{}", cells[3]);
    assert!(cells[3].contains("新闻宣传处延期：原定3月20日，经李副总队长同意延至4月30日"), "{}", cells[3]);
    assert!(cells[3].contains("尚未反馈：新闻宣传处"), "{}", cells[3]);
    assert_eq!(cells[4], "部分完成", "not overdue: the open office's deadline is 04-30");
    // A directive nobody has touched keeps its old cells.
    let silent = summary.blocks.iter().flat_map(|b| &b.items).find(|i| i.id == DirectiveId(2)).unwrap();
    assert_eq!(silent.loop_note, None);
    // Every format carries the note (CSV and Word read back as text).
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Csv, Format::Docx, Format::Xlsx, Format::Pdf] {
        let path = dir.path().join(format!("汇总.{}", format.extension()));
        report::export(&summary, format, &path).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
    }
    let csv = std::fs::read_to_string(dir.path().join("汇总.csv")).unwrap();
    assert!(csv.contains("尚未反馈：新闻宣传处") && csv.contains("部分完成"), "{csv}");
    let docx = std::fs::read(dir.path().join("汇总.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("经李副总队长同意延至4月30日"), "the Word report names the extension");
}

#[test]
fn loop_evidence_attaches_to_a_feedback_of_the_same_directive() {
    let mut data = Data::new();
    apply(&mut data.store, FIRE, feedback("2022-03-18", "整改照片见附件"), "2022-03-18");
    let photo = data.source("整改后.jpg", &crate::support::jpeg(16, 16, 3));
    data.attach(D1, None, &photo).unwrap();
    let evidence = data.store.evidence_for(D1).unwrap()[0].id;
    let record = data.store.loop_history(D1).unwrap()[0].record;
    data.store.link_evidence_to_feedback(evidence, record, &on("2022-03-18")).unwrap();
    let linked: Option<i64> = data
        .store
        .connection()
        .query_row("SELECT feedback_id FROM evidence WHERE id = ?1", [evidence.0], |r| r.get(0))
        .unwrap();
    assert_eq!(linked, Some(record));
    // A feedback of another directive is refused, and nothing changes.
    let before = dump(&data.store);
    let other = DirectiveId(2);
    let photo = data.source("别处.jpg", &crate::support::jpeg(16, 16, 4));
    data.attach(other, None, &photo).unwrap();
    let foreign = data.store.evidence_for(other).unwrap()[0].id;
    let before_link = dump(&data.store);
    let err = data.store.link_evidence_to_feedback(foreign, record, &on("2022-03-18")).unwrap_err();
    assert!(err.to_string().contains("请选择同一工作要求的反馈"), "{err}");
    assert_eq!(dump(&data.store), before_link);
    assert_ne!(before, before_link, "the second file was attached");
}

#[test]
fn loop_states_survive_changing_the_offices_and_merging_a_duplicate() {
    let mut data = Data::new();
    let s = &mut data.store;
    apply(s, FIRE, feedback("2022-03-18", "已部署"), "2022-03-18");
    // Replacing the lead units keeps the row (and state) of a unit that stays.
    s.set_offices(D1, &[FIRE.to_owned(), "防火处（临时）".to_owned()], &on("2022-03-18")).unwrap();
    assert_eq!(state(s, FIRE), OfficeState::InProgress);
    apply(s, "防火处（临时）", feedback("2022-03-18", "临时名称下的反馈"), "2022-03-18");
    // Merging the duplicate into the real office carries its records; the directive keeps one row.
    let board = s.load_board().unwrap();
    let id = |name: &str| board.offices.iter().find(|o| o.name == name).unwrap().id;
    s.merge_office(id("防火处（临时）"), id(FIRE), &on("2022-03-18")).unwrap();
    let row = s.directive_row(D1).unwrap();
    assert_eq!(row.assignments.len(), 1);
    assert_eq!(row.assignments[0].track.state, OfficeState::InProgress);
    let history = s.loop_history(D1).unwrap();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|e| e.office == FIRE), "{history:?}");
    assert!(verify_chain(s.connection()).unwrap().is_intact());
}

#[test]
fn loop_a_finished_office_can_be_reopened_with_a_reason() {
    let mut data = Data::new();
    let s = &mut data.store;
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-18"), report: "完成".into() }, "2022-03-18");
    apply(s, FIRE, LoopAction::Accept { on: date("2022-03-19") }, "2022-03-19");
    let reopen = |reason: &str| LoopAction::Reopen { on: date("2022-03-20"), reason: reason.into() };
    refused(&mut data, D1, edit(FIRE, reopen("")), "2022-03-20", "重新打开的理由不能为空");
    refused(&mut data, D1, edit(NEWS, reopen("复查")), "2022-03-20", "只有已办结的单位才能重新打开");
    apply(&mut data.store, FIRE, reopen("复查发现隐患反弹"), "2022-03-20");
    let track = data.store.directive_row(D1).unwrap().assignments[0].track.clone();
    assert_eq!((track.state, track.finished_on), (OfficeState::InProgress, None));
    let detail = data.store.load_detail(D1).unwrap();
    assert!(
        detail
            .changes
            .iter()
            .any(|c| c.field == "重新打开" && c.new_value.as_deref().is_some_and(|v| v.contains("隐患反弹")))
    );
}

/// 最新反馈内容: what each office said last — a 办结报告 after a feedback of the same day, a
/// returned report marked so, a later feedback after it; a board as of an earlier day quotes
/// what had been said by then.
#[test]
fn loop_each_office_track_keeps_what_it_said_last() {
    let mut data = Data::new();
    let s = &mut data.store;
    let said = |s: &Store, office: &str| {
        let row = s.directive_row(D1).unwrap();
        let a = row.assignments.iter().find(|a| *a.name == *office).unwrap().clone();
        a.track.last_report.map(|r| r.line(office))
    };
    assert_eq!(said(s, FIRE), None);
    apply(s, FIRE, feedback("2022-03-18", "已检查在建工地12处。"), "2022-03-18");
    apply(s, FIRE, LoopAction::Complete { on: date("2022-03-18"), report: "全部整改".into() }, "2022-03-18");
    assert_eq!(said(s, FIRE).as_deref(), Some("防火监督处3月18日办结报告：全部整改"));
    apply(s, FIRE, LoopAction::Return { on: date("2022-03-19"), reason: "缺台账".into() }, "2022-03-19");
    assert_eq!(said(s, FIRE).as_deref(), Some("防火监督处3月18日办结报告（已退回）：全部整改"));
    apply(s, FIRE, feedback("2022-03-20", "补充台账中"), "2022-03-20");
    assert_eq!(said(s, FIRE).as_deref(), Some("防火监督处3月20日反馈：补充台账中"));
    assert_eq!(said(s, NEWS), None, "the other office said nothing");
    // The whole board agrees with the refreshed row; as of 03-18 the report was not yet returned.
    let board = s.load_board().unwrap();
    let fire = board.directive(D1).unwrap().assignments.iter().find(|a| *a.name == *FIRE).unwrap().clone();
    assert_eq!(fire.track.last_report.unwrap().text, "补充台账中");
    let then = s.load_board_as_of(Some(date("2022-03-18"))).unwrap();
    let fire = then.directive(D1).unwrap().assignments.iter().find(|a| *a.name == *FIRE).unwrap().clone();
    let report = fire.track.last_report.unwrap();
    assert_eq!((report.text.as_str(), report.completion, report.returned), ("全部整改", true, false));
}
