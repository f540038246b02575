//! Backups from the window: the day's automatic snapshot is taken at start-up, a change made
//! by another duban process shows up without a restart (within seconds), 备份与恢复… writes a backup file and
//! restores a snapshot after asking once more.

use duban::model::{DirectiveId, Status};
use duban::store::{Actor, Store};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{click_button, date, harness, ime_commit, prepare_store, settle};

fn status_of(h: &egui_kittest::Harness<'static, duban::ui::DubanApp>, id: i64) -> Status {
    h.state().visible_rows().iter().find(|d| d.id == DirectiveId(id)).expect("row").status
}

/// Draws frames until `done` holds (the idle worker looks for other windows' changes every
/// 2 s), for at most 10 s.
fn wait_for(
    h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>,
    done: impl Fn(&duban::ui::DubanApp) -> bool,
) {
    let start = std::time::Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed().as_secs() < 10, "nothing arrived within 10 s");
        std::thread::sleep(std::time::Duration::from_millis(50));
        settle(h);
    }
}

#[test]
fn another_windows_change_appears_and_a_snapshot_restores_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    settle(&mut h);
    click_button(&mut h, "全部");
    let snapshot = dir.path().join("backups").join("daily-2022-03-18.sqlite3");
    assert!(snapshot.exists(), "the automatic backup at start-up");
    h.get_by_label_contains("最近自动备份：");
    assert_eq!(status_of(&h, 2), Status::NotStarted);

    // A second duban (here: a second connection) marks directive 2 done.
    let mut other = Store::open_dir(dir.path()).unwrap();
    let actor = Actor { author: "王强", at: date("2022-03-18").and_hms_opt(10, 0, 0).unwrap() };
    other.set_status(DirectiveId(2), Status::Done, &actor).unwrap();
    drop(other);
    wait_for(&mut h, |app| {
        app.visible_rows().iter().any(|d| d.id == DirectiveId(2) && d.status == Status::Done)
    });

    // Restore this morning's snapshot: the change is undone, and kept aside.
    click_button(&mut h, "数据");
    click_button(&mut h, "备份与恢复…");
    assert!(h.state().is_backup_open());
    let entry = h
        .query_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with("每日备份")));
    entry.expect("the daily snapshot is listed").click();
    settle(&mut h);
    click_button(&mut h, "恢复…");
    h.get_by_label("确定用这个备份替换当前全部数据？");
    click_button(&mut h, "确定恢复");
    settle(&mut h);
    let message = h.state().status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(message.starts_with("已从备份恢复"), "{message}");
    click_button(&mut h, "关闭");
    assert_eq!(status_of(&h, 2), Status::NotStarted);
    let kept = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("before-restore-"));
    assert!(kept, "the replaced data is kept");
}

#[test]
fn a_backup_file_is_written_where_the_officer_types() {
    let dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    settle(&mut h);
    click_button(&mut h, "数据");
    click_button(&mut h, "备份与恢复…");
    h.get_by_role_and_label(Role::TextInput, "备份文件：").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    let target = usb.path().join("督办台备份.zip");
    ime_commit(&mut h, &target.display().to_string());
    click_button(&mut h, "开始备份");
    settle(&mut h);
    h.get_by_label_contains("已备份到");
    let manifest = duban::backup::read_manifest(&target).expect("a readable backup");
    assert_eq!(manifest.schema_version, duban::store::SCHEMA_VERSION);
}

struct Recovering {
    screen: duban::ui::recovery::RecoveryScreen,
    reopened: Option<Store>,
}

/// Steps the recovery screen until its search of `backups/` has answered.
fn wait_for_backups(h: &mut egui_kittest::Harness<'static, Recovering>) {
    let start = std::time::Instant::now();
    while h.query_by_label_contains("正在查找可用的备份").is_some() {
        assert!(start.elapsed().as_secs() < 10, "the backups were not found in time");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.step();
}

#[test]
fn a_damaged_database_opens_the_recovery_screen_and_the_newest_backup_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    duban::backup::auto_backup(&store, dir.path(), date("2022-03-18")).unwrap();
    let counts = store.counts().unwrap();
    // A newer snapshot that is itself damaged must not be the one offered.
    let bad = dir.path().join("backups").join("daily-2022-03-19.sqlite3");
    std::fs::write(&bad, b"SQLite format 3\0 but nothing after it").unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options().write(true).open(&bad).unwrap().set_modified(later).unwrap();
    // …and a before-restore snapshot, newer still and intact: offered, not picked.
    let before = dir.path().join("backups").join("before-restore-2022-03-20-093000.sqlite3");
    std::fs::copy(dir.path().join("backups").join("daily-2022-03-18.sqlite3"), &before).unwrap();
    let latest = later + std::time::Duration::from_secs(60);
    std::fs::File::options().write(true).open(&before).unwrap().set_modified(latest).unwrap();
    drop(store);
    let db = dir.path().join(duban::store::DB_FILE_NAME);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..100].fill(0x5A);
    std::fs::write(&db, &bytes).unwrap();

    let problem = Store::open_dir(dir.path()).err().expect("refused");
    assert!(matches!(problem, duban::store::StoreError::Corrupt { .. }), "{problem}");
    let state = Recovering {
        screen: duban::ui::recovery::RecoveryScreen::new(dir.path(), problem.to_string()),
        reopened: None,
    };
    let mut h = egui_kittest::Harness::builder().with_size(egui::vec2(1000.0, 600.0)).build_ui_state(
        |ui, state: &mut Recovering| {
            duban::ui::theme::install(ui.ctx());
            if let Some(store) = state.screen.ui(ui) {
                state.reopened = Some(store);
            }
        },
        state,
    );
    h.run();
    h.get_by_label("数据库已损坏，已停止使用");
    wait_for_backups(&mut h);
    // A restore made earlier left its before-restore snapshot, newer than the daily one: it
    // is listed with its kind, never chosen on its own.
    let offered = h.get_by_label_contains("最新的完好备份：").value().unwrap_or_default();
    assert!(offered.contains("每日备份") || offered.contains("每周备份"), "{offered}");
    h.get_by_label_contains("其他备份（").click();
    h.run();
    assert!(
        h.get_all_by_label_contains("恢复前备份 2").count() == 1,
        "the before-restore snapshot is listed"
    );
    h.get_by_role_and_label(Role::Button, "从最新备份恢复").click();
    let start = std::time::Instant::now();
    while h.state().reopened.is_none() {
        assert!(start.elapsed().as_secs() < 10, "recovery did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let store = h.state_mut().reopened.take().unwrap();
    assert_eq!(store.counts().unwrap(), counts);
    let kept = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("damaged-"))
        .expect("the damaged file is kept");
    assert!(std::fs::read(kept.path()).unwrap() == bytes);
}

#[test]
fn the_data_folder_moves_from_the_window_and_the_app_asks_to_reopen_there() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    settle(&mut h);
    click_button(&mut h, "数据");
    click_button(&mut h, "迁移数据目录…");
    h.get_by_role_and_label(Role::TextInput, "新位置：").click();
    h.run();
    let target = elsewhere.path().join("督办台数据");
    ime_commit(&mut h, &target.display().to_string());
    click_button(&mut h, "开始迁移");
    settle(&mut h);
    assert_eq!(h.state().reopen_requested(), Some(target.as_path()));
    assert_eq!(duban::backup::resolve_data_dir(dir.path()).unwrap(), target);
    let moved = Store::open_dir(&target).unwrap();
    assert_eq!(moved.counts().unwrap().2, 16);
}

#[test]
fn a_second_window_notices_that_another_moved_the_data_and_stops_writing() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    h.get_by_label("在建工地治理").click();
    settle(&mut h);
    // Another window (here: the core, on its own connection) moves the data away.
    let other = Store::open_dir(dir.path()).unwrap();
    let target = elsewhere.path().join("督办台数据");
    duban::backup::relocate(&other, dir.path(), &target, &mut |_, _| {}).unwrap();
    drop(other);
    // This window's next write is refused, and it says where the data went. On a slow machine
    // the worker's idle look (every 2 s) may notice the move first: then the 数据已迁移 notice
    // already stands in front of the form and nothing can be typed — the same outcome, checked
    // below; the message is checked whenever the write got there first.
    h.run();
    if h.query_by_label("数据已迁移").is_none() {
        h.get_by_label("进展内容").click();
        h.run();
        ime_commit(&mut h, "迁移之后写的进展");
        click_button(&mut h, "添加进展");
        settle(&mut h);
        let status = h.state().status().expect("a message").clone();
        assert!(status.is_error && status.text.contains("数据已迁移到"), "{}", status.text);
    } else {
        eprintln!(
            "the idle check noticed the move before the write (slow machine): the write path was not exercised"
        );
    }
    assert_eq!(h.state().moved_away(), Some(target.as_path()));
    h.get_by_label("数据已迁移");
    // Neither copy has the note.
    for place in [dir.path(), target.as_path()] {
        let store = Store::open_dir(place).unwrap();
        let detail = store.load_detail(duban::model::DirectiveId(2)).unwrap();
        assert!(detail.notes.is_empty(), "{}", place.display());
    }
}
