//! Helpers shared by the UI tests: a harness on a temporary data directory with a fixed
//! today, and a way to wait for the worker thread.

#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use duban::clock::Clock;
use duban::notice::{decode_text, parse_notice};
use duban::store::Store;
use duban::ui::{DubanApp, theme};
use egui_kittest::Harness;

pub const SEED: &[u8] = include_bytes!("../fixtures/seed-notice.txt");

pub fn seed_text() -> String {
    decode_text(SEED).expect("seed decodes").text
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// Opens the store in `dir`, optionally with the officer's name and the seed already stored.
pub fn prepare_store(dir: &Path, author: Option<&str>, with_seed: bool) -> Store {
    let mut store = Store::open_dir(dir).expect("store opens");
    if let Some(name) = author {
        store.set_author(name).expect("author");
    }
    if with_seed {
        let text = seed_text();
        let draft = parse_notice(&text, date("2022-03-16")).expect("seed parses");
        store
            .import_notice(&draft, &text, "测试", date("2022-03-16").and_hms_opt(9, 0, 0).unwrap())
            .expect("import");
    }
    store
}

/// The app on `store`, in a 1400×860 window, with "today" fixed. A character the fonts cannot
/// draw fails the test.
pub fn harness(store: Store, dir: &Path, today: &str) -> Harness<'static, DubanApp> {
    build(store, dir, today, false)
}

/// As [`harness`], for tests that show arbitrary (e.g. wrongly decoded) text on purpose.
pub fn harness_allowing_tofu(store: Store, dir: &Path, today: &str) -> Harness<'static, DubanApp> {
    build(store, dir, today, true)
}

fn build(store: Store, dir: &Path, today: &str, allow_tofu: bool) -> Harness<'static, DubanApp> {
    // A developer's desktop would open real file dialogs and wait for a person: the tests
    // use the typed-path fields, as a machine without a desktop dialog does.
    duban::ui::widgets::without_system_dialogs();
    let app = DubanApp::new(store, Clock::Fixed(date(today)), dir);
    let mut builder = Harness::builder().with_size(egui::vec2(1400.0, 860.0));
    if allow_tofu {
        builder = builder.allow_missing_glyphs();
    }
    let mut h =
        builder.with_context_setup(theme::install).build_ui_state(|ui, app: &mut DubanApp| app.ui(ui), app);
    settle(&mut h);
    h
}

/// Steps frames until the worker has answered everything (at most 10 s).
pub fn settle(h: &mut Harness<'static, DubanApp>) {
    let start = Instant::now();
    loop {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "worker did not answer within 10 s");
        std::thread::sleep(Duration::from_millis(5));
    }
    // Let the UI draw what arrived (spinners may keep asking for frames).
    let _ = h.try_run();
}

/// Clicks the node labelled `label` with the given role, then settles.
pub fn click_button(h: &mut Harness<'static, DubanApp>, label: &str) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_role_and_label(egui::accesskit::Role::Button, label).click();
    settle(h);
}

/// Types `text` as an IME commit (how Chinese arrives from an input method).
/// Replaces what the text field labelled `label` holds with `text` (click, select all, type).
pub fn replace_text(h: &mut Harness<'static, DubanApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

pub fn ime_commit(h: &mut Harness<'static, DubanApp>, text: &str) {
    // The input method first shows its composition (pinyin), then commits the characters.
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit { text: "zhong".into(), active_range_chars: None }));
    let _ = h.try_run();
    h.event(egui::Event::Ime(egui::ImeEvent::Commit(text.to_owned())));
    let _ = h.try_run();
}

/// The app with the seed imported, signed 李娜, today 2022-03-18, showing 全部 with 一.2
/// 在建工地治理 (防火监督处 and 新闻宣传处 lead it) selected. The directory must outlive the app.
pub fn on_building_sites() -> (tempfile::TempDir, Harness<'static, DubanApp>) {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    let mut h = harness(store, dir.path(), "2022-03-18");
    click_button(&mut h, "全部");
    {
        use egui_kittest::kittest::Queryable as _;
        h.get_by_label("在建工地治理").click();
    }
    settle(&mut h);
    (dir, h)
}

/// A file dropped onto the window from the file manager.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// 导入通知…, `text` pasted into the dialog, 解析: the review is shown (nothing stored yet).
pub fn paste_and_parse(h: &mut Harness<'static, DubanApp>, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    click_button(h, "导入通知…");
    h.get_by_label("粘贴通知全文：").click();
    h.run();
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
    click_button(h, "解析");
}
