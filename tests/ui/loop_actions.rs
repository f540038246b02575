//! 督办 per office in the detail pane: each office's row offers what its state allows, each
//! action opens a small form, and what is stored shows at once in the row, the 督办记录 and
//! the board. A refused record (an extension to before the deadline) says why in Chinese,
//! keeps the form and writes nothing.

use crate::common::{click_button, date, harness, ime_commit, on_building_sites, prepare_store, settle};
use duban::model::{DirectiveId, OfficeState};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const FIRE: &str = "防火监督处";
const NEWS: &str = "新闻宣传处";

fn state_of(h: &Harness<'static, duban::ui::DubanApp>, office: &str) -> OfficeState {
    let detail = h.state().detail().expect("detail");
    detail.row.assignments.iter().find(|a| *a.name == *office).expect("office").track.state
}

/// Opens `action`'s form on `office`'s row (the rows come in the directive's order).
fn open_form(h: &mut Harness<'static, duban::ui::DubanApp>, office: &str, action: &str) {
    h.get_by_label(&format!("{office}：{action}")).click();
    h.run();
}

/// 延至: the form's first date field with no date yet (批准日期 is the second).
fn first_date_field(h: &mut Harness<'static, duban::ui::DubanApp>) {
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, "无时限").next().unwrap().click();
    settle(h);
}

fn type_into(h: &mut Harness<'static, duban::ui::DubanApp>, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run();
    ime_commit(h, text);
}

#[test]
fn feedback_by_phone_moves_the_office_to_in_progress_and_is_listed() {
    let (_dir, mut h) = on_building_sites();
    assert_eq!(state_of(&h, FIRE), OfficeState::Unreported);
    open_form(&mut h, FIRE, "记录反馈");
    h.get_by_label("保存反馈");
    type_into(&mut h, "反馈人", "李明");
    type_into(&mut h, "反馈内容", "已检查在建工地46处");
    click_button(&mut h, "保存反馈");
    assert_eq!(state_of(&h, FIRE), OfficeState::InProgress);
    assert_eq!(state_of(&h, NEWS), OfficeState::Unreported, "the other office is untouched");
    let detail = h.state().detail().unwrap();
    let fire = detail.row.assignments.iter().find(|a| *a.name == *FIRE).unwrap();
    assert_eq!(fire.track.last_feedback, Some(date("2022-03-18")));
    assert_eq!(detail.loop_events.len(), 1);
    assert_eq!(detail.loop_events[0].text, "已检查在建工地46处");
    assert_eq!(detail.loop_events[0].by.as_deref(), Some("李明"));
    h.get_by_label_contains("防火监督处 反馈（书面·李明）：已检查在建工地46处");
    assert!(h.query_by_label("保存反馈").is_none(), "the form closes once stored");
    // The board's row follows without a reload of the window.
    let row = h.state().board().directives.iter().find(|d| d.id == DirectiveId(2)).unwrap();
    assert_eq!(
        row.assignments.iter().find(|a| *a.name == *FIRE).unwrap().track.state,
        OfficeState::InProgress
    );
}

#[test]
fn reminders_step_up_from_tixing_to_cuiban() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, NEWS, "催办");
    type_into(&mut h, "联系人", "王芳");
    type_into(&mut h, "答复", "本周内报送");
    click_button(&mut h, "记录催办");
    open_form(&mut h, NEWS, "催办");
    // The next step is proposed: 提醒 was the first.
    h.get_by_label("步骤");
    click_button(&mut h, "记录催办");
    let detail = h.state().detail().unwrap();
    let steps: Vec<&str> = detail
        .loop_events
        .iter()
        .filter_map(|e| match &e.kind {
            duban::model::LoopEventKind::Reminder(step) => Some(step.label()),
            _ => None,
        })
        .collect();
    assert_eq!(steps, ["提醒", "催办"]);
    assert_eq!(state_of(&h, NEWS), OfficeState::Unreported, "a reminder is not feedback");
}

#[test]
fn an_extension_moves_the_deadline_and_one_before_it_is_refused_with_nothing_written() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, NEWS, "延期");
    // 延至: next month's 15th (the calendar opens on this month).
    first_date_field(&mut h);
    click_button(&mut h, "下月");
    click_button(&mut h, "15");
    type_into(&mut h, "延期理由", "需协调电视台排期");
    type_into(&mut h, "批准人", "李副总队长");
    click_button(&mut h, "记录延期");
    let detail = h.state().detail().unwrap();
    let news = detail.row.assignments.iter().find(|a| *a.name == *NEWS).unwrap();
    assert_eq!(news.track.deadline, Some(date("2022-04-15")));
    assert_eq!(news.track.original_deadline, Some(date("2022-03-20")));
    assert!(h.get_all_by_label_contains("原定3月20日，经李副总队长同意延至4月15日").count() >= 1);

    // To a day before the deadline now in force: refused, said, nothing written.
    open_form(&mut h, NEWS, "延期");
    first_date_field(&mut h);
    click_button(&mut h, "下月");
    click_button(&mut h, " 1");
    type_into(&mut h, "延期理由", "再延");
    type_into(&mut h, "批准人", "李副总队长");
    click_button(&mut h, "记录延期");
    let status = h.state().status().unwrap().clone();
    assert!(status.is_error, "{}", status.text);
    h.get_by_label("记录延期");
    let detail = h.state().detail().unwrap();
    let news = detail.row.assignments.iter().find(|a| *a.name == *NEWS).unwrap();
    assert_eq!(news.track.deadline, Some(date("2022-04-15")), "unchanged");
    assert_eq!(news.track.extensions, 1);
}

#[test]
fn a_completion_report_is_returned_with_a_reason_then_accepted() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, FIRE, "申请办结");
    type_into(&mut h, "办结报告", "46处工地全部完成整改");
    click_button(&mut h, "提交办结报告");
    assert_eq!(state_of(&h, FIRE), OfficeState::Requested);
    // Awaiting review: only 审核通过 and 退回 (and feedback, a reminder, an extension) remain.
    assert!(h.query_by_label("防火监督处：申请办结").is_none());
    open_form(&mut h, FIRE, "退回");
    type_into(&mut h, "退回理由", "缺少整改照片");
    click_button(&mut h, "确认退回");
    assert_eq!(state_of(&h, FIRE), OfficeState::InProgress);
    let detail = h.state().detail().unwrap();
    let fire = detail.row.assignments.iter().find(|a| *a.name == *FIRE).unwrap();
    assert_eq!(fire.track.returns, 1);
    h.get_by_label("退回 1 次");

    open_form(&mut h, FIRE, "申请办结");
    type_into(&mut h, "办结报告", "已补充整改照片");
    click_button(&mut h, "提交办结报告");
    open_form(&mut h, FIRE, "审核通过");
    click_button(&mut h, "确认办结");
    // (一.2 has no files: accepting asks first, see accepting_without_evidence_asks_first.)
    click_button(&mut h, "无佐证审核通过");
    assert_eq!(state_of(&h, FIRE), OfficeState::Finished);
    let detail = h.state().detail().unwrap();
    let fire = detail.row.assignments.iter().find(|a| *a.name == *FIRE).unwrap();
    assert_eq!(fire.track.finished_on, Some(date("2022-03-18")));
    // One lead office of two finished: 部分完成, in the detail and in the table's 状态.
    assert_eq!(h.get_all_by_label("部分完成").count(), 2);
}

#[test]
fn a_form_waits_while_another_directive_is_looked_at() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, FIRE, "记录反馈");
    type_into(&mut h, "反馈内容", "写了一半");
    h.get_by_label("人员密集场所管控").click();
    settle(&mut h);
    assert!(h.query_by_label("保存反馈").is_none());
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    assert_eq!(h.get_by_label("反馈内容").value().as_deref(), Some("写了一半"));
}

#[test]
fn an_office_chosen_in_the_sidebar_sees_its_own_state_and_the_overview_lists_whom_to_press() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("李娜"), true);
    // 一.1 marked 已完成 by hand: the officer judged it done, nobody is pressed about it.
    let actor =
        duban::store::Actor { author: "李娜", at: date("2022-03-21").and_hms_opt(9, 0, 0).unwrap() };
    store.set_status(DirectiveId(1), duban::model::Status::Done, &actor).unwrap();
    // Today is past the deadline (3月20日): every lead office of every open directive is due a 催办.
    let mut h = harness(store, dir.path(), "2022-03-22");
    h.get_by_label_contains("今日待催办（");
    h.get_by_label("各单位督办指标");
    h.get_by_label("按期办结率");
    // 防火监督处 leads 一.1–一.4, all past 3月20日, 一.1 done: three to press (the sidebar's 催3).
    assert_eq!(h.state().to_press(FIRE), 3);
    // 防火监督处 reports on 一.2: in its own list the row says 推进中, while 新闻宣传处's says 未反馈.
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    open_form(&mut h, FIRE, "记录反馈");
    type_into(&mut h, "反馈内容", "已检查");
    click_button(&mut h, "保存反馈");
    // A report does not make an overdue item on time: still three to press.
    assert_eq!(h.state().to_press(FIRE), 3);
    // The table's cells only: left of the detail pane.
    let detail_left = h.get_by_label("一.2　在建工地治理").rect().left();
    let table_states = |h: &Harness<'static, duban::ui::DubanApp>| -> Vec<String> {
        h.get_all_by_role(egui::accesskit::Role::Label)
            .filter(|n| n.rect().right() < detail_left)
            .filter_map(|n| n.value())
            .filter(|v| ["推进中", "未反馈", "未开始"].contains(&v.as_str()))
            .collect()
    };
    click_button(&mut h, FIRE);
    // The office's own figures head its list.
    let line = h.get_by_label_contains("· 按期办结率").value().unwrap_or_default();
    assert!(line.starts_with("交办 4 · 已办结 0 ·"), "{line}");
    let fire = table_states(&h);
    assert_eq!(fire.iter().filter(|s| *s == "推进中").count(), 1, "{fire:?}");
    // (一.1, marked 已完成 by hand, shows 已完成, not its office's 未反馈.)
    assert_eq!(fire.iter().filter(|s| *s == "未反馈").count(), 2, "{fire:?}");
    click_button(&mut h, NEWS);
    let news = table_states(&h);
    // (四.x are addressed to 各处室 as a whole: they show the directive's status, 未开始.)
    assert!(news.iter().filter(|s| *s == "未反馈").count() >= 6, "{news:?}");
    assert!(!news.contains(&"推进中".to_owned()), "新闻宣传处 has reported nothing: {news:?}");
}

#[test]
fn the_feedback_cadence_is_set_in_settings_and_decides_who_is_late() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    // Issued 03-16; on 03-22 nobody has reported for 6 days: within the default 7.
    let mut h = harness(store, dir.path(), "2022-03-22");
    assert_eq!(h.state().settings().feedback_days, Some(7));
    let late = |h: &Harness<'static, duban::ui::DubanApp>| {
        let board = h.state().board();
        let cadence = h.state().settings().feedback_days;
        duban::model::office_figures(board, date("2022-03-22"), cadence)
            .iter()
            .map(|f| f.late_unreported)
            .sum::<usize>()
    };
    assert_eq!(late(&h), 0);
    click_button(&mut h, "设置…");
    h.get_by_label("反馈周期").set_value_accesskit(3.0);
    h.run();
    click_button(&mut h, "保存");
    assert_eq!(h.state().settings().feedback_days, Some(3));
    assert!(late(&h) > 0, "every office is now late with its feedback");
    h.get_by_label_contains("今日待催办（");
    drop(h);
    let kept = duban::store::Store::open_dir(dir.path()).unwrap().settings().unwrap();
    assert_eq!(kept.feedback_days, Some(3));
    // No cadence at all: saved and read back as none.
    let mut store = duban::store::Store::open_dir(dir.path()).unwrap();
    store.save_settings(&duban::model::Settings { feedback_days: None, ..kept }).unwrap();
    assert_eq!(store.settings().unwrap().feedback_days, None);
}

#[test]
fn files_that_came_with_a_feedback_are_attached_to_it() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, FIRE, "记录反馈");
    type_into(&mut h, "反馈内容", "整改完毕，附照片");
    click_button(&mut h, "保存反馈");
    let outside = tempfile::tempdir().unwrap();
    let photo = outside.path().join("整改后.png");
    image::RgbImage::from_pixel(32, 24, image::Rgb([20, 120, 20])).save(&photo).unwrap();
    // No desktop dialog in the tests: the typed path takes over.
    h.get_by_label("03-18 防火监督处 反馈：附材料").click();
    let start = std::time::Instant::now();
    while h.query_by_label("文件路径：").is_none() {
        assert!(start.elapsed().as_secs() < 10, "no path field");
        h.step();
    }
    h.get_by_label("文件路径：").click();
    h.run();
    h.get_by_label("文件路径：").type_text(&photo.display().to_string());
    h.run();
    click_button(&mut h, "添加");
    settle(&mut h);
    settle(&mut h);
    let detail = h.state().detail().unwrap();
    let record = detail.loop_events[0].record;
    let files: Vec<&str> = detail
        .evidence
        .iter()
        .filter(|e| e.feedback == Some(record))
        .map(|e| e.original_name.as_str())
        .collect();
    assert_eq!(files, ["整改后.png"]);
    h.get_by_label("（附材料1份）");
}

#[test]
fn a_notice_sets_its_own_feedback_cadence_in_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    // Issued 03-16; on 03-21 nobody has reported for 5 days: within the default 7.
    let mut h = harness(store, dir.path(), "2022-03-21");
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    assert!(h.query_by_label("逾期未反馈").is_none());
    let combo = h.get_by_label("反馈周期");
    assert_eq!(combo.value().as_deref(), Some("每7天（默认）"));
    combo.click();
    h.run();
    h.get_by_label("每3天").click();
    settle(&mut h);
    assert_eq!(h.state().board().notices[0].feedback_days, Some(3));
    assert_eq!(h.state().status().unwrap().text, "反馈周期：每3天");
    // Five days without a report is now late (amber) for both offices.
    assert_eq!(h.get_all_by_label("逾期未反馈").count(), 2);
}

#[test]
fn the_office_actions_are_reached_and_pressed_with_the_keyboard() {
    let (_dir, mut h) = on_building_sites();
    // Tab through the window until 防火监督处's 记录反馈 has the focus, then press Enter.
    assert!(tab_until(&mut h, "防火监督处：记录反馈", 300), "Tab reaches 记录反馈");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("保存反馈");
    // The form's fields follow in Tab order: type the content without the mouse.
    assert!(tab_until(&mut h, "反馈内容", 30), "Tab reaches 反馈内容");
    ime_commit(&mut h, "电话报告已整改");
    assert_eq!(h.get_by_label("反馈内容").value().as_deref(), Some("电话报告已整改"));
}

/// Presses Tab (at most `presses` times) until the widget labelled `label` has the focus.
fn tab_until(
    h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>,
    label: &str,
    presses: usize,
) -> bool {
    for _ in 0..presses {
        h.key_press(egui::Key::Tab);
        h.run();
        if h.query_by_label(label).is_some_and(|n| n.is_focused()) {
            return true;
        }
    }
    false
}

#[test]
fn closing_without_evidence_asks_first() {
    let (_dir, mut h) = on_building_sites();
    // 一.2 has no files: 已销号 asks instead of closing.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "已销号").click();
    settle(&mut h);
    h.get_by_label_contains("确定无佐证销号？");
    assert_ne!(h.state().detail().unwrap().row.status, duban::model::Status::Closed, "nothing written yet");
    click_button(&mut h, "先添加材料");
    assert!(h.query_by_label_contains("确定无佐证销号？").is_none());
    assert_ne!(h.state().detail().unwrap().row.status, duban::model::Status::Closed);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "已销号").click();
    settle(&mut h);
    click_button(&mut h, "无佐证销号");
    assert_eq!(h.state().detail().unwrap().row.status, duban::model::Status::Closed);
}

#[test]
fn accepting_without_evidence_asks_first() {
    let (_dir, mut h) = on_building_sites();
    open_form(&mut h, FIRE, "申请办结");
    type_into(&mut h, "办结报告", "46处工地全部完成整改");
    click_button(&mut h, "提交办结报告");
    open_form(&mut h, FIRE, "审核通过");
    // 一.2 has no files: 确认办结 asks instead of accepting.
    click_button(&mut h, "确认办结");
    h.get_by_label_contains("确定无佐证审核通过？");
    assert_eq!(state_of(&h, FIRE), OfficeState::Requested, "nothing written yet");
    click_button(&mut h, "先添加材料");
    assert!(h.query_by_label_contains("确定无佐证审核通过？").is_none());
    assert_eq!(state_of(&h, FIRE), OfficeState::Requested);
    h.get_by_label("确认办结");
    click_button(&mut h, "确认办结");
    click_button(&mut h, "无佐证审核通过");
    assert_eq!(state_of(&h, FIRE), OfficeState::Finished);
    assert!(h.query_by_label_contains("确定无佐证审核通过？").is_none(), "the form is gone");
}

#[test]
fn accepting_with_a_file_dated_after_the_notice_asks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = prepare_store(dir.path(), Some("李娜"), true);
    let photo = dir.path().join("整改后.png");
    image::RgbImage::from_pixel(32, 24, image::Rgb([20, 120, 20])).save(&photo).unwrap();
    let actor =
        duban::store::Actor { author: "李娜", at: date("2022-03-18").and_hms_opt(9, 0, 0).unwrap() };
    duban::evidence::attach_file(&mut store, dir.path(), DirectiveId(2), None, &photo, &actor).unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    open_form(&mut h, FIRE, "申请办结");
    type_into(&mut h, "办结报告", "46处工地全部完成整改");
    click_button(&mut h, "提交办结报告");
    open_form(&mut h, FIRE, "审核通过");
    click_button(&mut h, "确认办结");
    assert!(h.query_by_label_contains("确定无佐证审核通过？").is_none());
    assert_eq!(state_of(&h, FIRE), OfficeState::Finished);
}
