//! Closing the window with work in flight: the close is stopped and the officer asked; quitting
//! waits for the work (or stops the copying of files) so nothing is lost or left half-written.

use egui_kittest::kittest::Queryable as _;

use crate::common::{Dropped, click_button, harness, on_building_sites, prepare_store, settle};

fn request_close(h: &mut egui_kittest::Harness<'static, duban::ui::DubanApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

/// Files left in the data folder's temporary places (a copy cut off mid-way would leave one).
fn partial_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n.to_string_lossy().contains(".tmp")) {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn closing_while_files_are_added_asks_and_quits_once_they_are_stored() {
    let (dir, mut h) = on_building_sites();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("检查记录.pdf");
    std::fs::write(&file, vec![b'%'; 64 << 20]).unwrap();
    // The file is dropped and the window asked to close in the same frame: the copy is in
    // flight whatever the machine's speed (64 MB are copied, hashed and flushed over many
    // frames; the question shows in the next one).
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file)));
    request_close(&mut h);
    h.step();
    assert!(h.state().is_close_guard_shown(), "the close is stopped and the officer asked");
    h.step();
    assert!(!h.state().is_closing());
    h.get_by_label("还有工作没有完成，仍要退出？");
    h.get_by_label("正在添加材料…");
    click_button(&mut h, "完成后退出");
    settle(&mut h);
    assert!(h.state().is_closing(), "once the file is stored the window closes");
    let detail = h.state().detail().expect("detail");
    assert_eq!(detail.evidence.len(), 1, "the file was stored, not dropped");
    assert!(partial_files(dir.path()).is_empty());
}

#[test]
fn going_back_to_work_keeps_the_window_and_a_later_close_with_nothing_running_just_closes() {
    let (_dir, mut h) = on_building_sites();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("照片.pdf");
    std::fs::write(&file, vec![b'%'; 64 << 20]).unwrap();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file)));
    request_close(&mut h);
    h.step();
    assert!(h.state().is_close_guard_shown());
    h.step();
    click_button(&mut h, "继续工作");
    assert!(!h.state().is_close_guard_shown());
    assert!(!h.state().is_closing());
    settle(&mut h);
    // Nothing in flight now: a close is not questioned.
    request_close(&mut h);
    h.step();
    assert!(!h.state().is_close_guard_shown());
}

#[test]
fn stopping_the_copy_to_quit_leaves_no_partial_file_and_no_half_record() {
    let (dir, mut h) = on_building_sites();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("录像.mp4");
    std::fs::write(&file, vec![7u8; 64 << 20]).unwrap();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file)));
    request_close(&mut h);
    h.step();
    h.step();
    click_button(&mut h, "停止添加材料并退出");
    settle(&mut h);
    assert!(h.state().is_closing());
    // Either the copy was stopped (no row, no blob) or it had finished (one whole file):
    // never a row without its file, never a temporary file left behind.
    assert!(partial_files(dir.path()).is_empty());
    let board = h.state().board();
    let row = board.directives.iter().find(|d| d.number == "一.2").unwrap();
    assert!(row.evidence <= 1);
}

#[test]
fn the_next_start_removes_what_an_interrupted_attach_left_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), true);
    // A copy cut off an hour ago, and one another window is writing right now.
    let evidence = dir.path().join("evidence");
    std::fs::create_dir_all(&evidence).unwrap();
    let stale = evidence.join(".incoming-4242-1-0.tmp");
    std::fs::write(&stale, vec![0u8; 3 << 20]).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(hour_ago).unwrap();
    let live = evidence.join(".incoming-4343-2-0.tmp");
    std::fs::write(&live, b"being copied").unwrap();
    let mut h = harness(store, dir.path(), "2022-03-18");
    let start = std::time::Instant::now();
    while h.state().status().is_none_or(|s| !s.text.contains("没有添加完")) {
        assert!(start.elapsed().as_secs() < 10, "no word about the interrupted attach");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let status = h.state().status().unwrap();
    assert!(status.text.contains("已清理 1 个未完成的临时文件（3.0 MB）"), "{}", status.text);
    assert!(!stale.exists(), "the partial copy is gone");
    assert!(live.exists(), "a copy under way is left alone");
}
