//! 督办单 on the worker: generating every office's forms, reading returned files for review
//! (with progress per file), and writing the accepted rows — the window never waits on the
//! files or the database.

use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::forms::{
    Review, apply_review, generate_forms, generate_urges, offices_with_open_work, review_files,
};
use crate::model::Board;
use crate::store::{Actor, Store};

/// The register and the name forms are signed with.
fn board_and_author(store: &Store, progress: &dyn Fn(f32, &str)) -> Result<(Board, String), String> {
    progress(0.1, "读取数据…");
    let board = store.load_board().map_err(|e| e.to_string())?;
    let author = store.signing_author().map_err(|e| e.to_string())?;
    Ok((board, author))
}

pub(super) fn generate(
    store: &mut Store,
    clock: Clock,
    dir: &Path,
    progress: &dyn Fn(f32, &str),
) -> Result<String, String> {
    let (board, author) = board_and_author(store, progress)?;
    let actor = Actor { author: &author, at: clock.now() };
    progress(0.3, "生成督办通知单和反馈单…");
    let made = generate_forms(store, &board, &offices_with_open_work(&board), dir, &author, &actor)
        .map_err(|e| format!("{e}：{}", dir.display()))?;
    progress(1.0, "完成");
    Ok(match made.len() {
        0 => "没有需要督办的工作要求，未生成文件".to_owned(),
        n => format!(
            "已为 {n} 个单位生成督办单（{}至{}），保存在 {}",
            made[0].serial,
            made[n - 1].serial,
            dir.display()
        ),
    })
}

pub(super) fn urge(
    store: &mut Store,
    clock: Clock,
    dir: &Path,
    progress: &dyn Fn(f32, &str),
) -> Result<String, String> {
    let (board, author) = board_and_author(store, progress)?;
    let actor = Actor { author: &author, at: clock.now() };
    progress(0.3, "生成催办通知…");
    let made = generate_urges(store, &board, None, dir, &author, &actor)
        .map_err(|e| format!("{e}：{}", dir.display()))?;
    progress(1.0, "完成");
    Ok(match made.len() {
        0 => "今天没有需要催办的事项，未生成催办通知".to_owned(),
        n => {
            let items: usize = made.iter().map(|g| g.directives).sum();
            format!("已为 {n} 个单位生成催办通知（共 {items} 项，已记录书面催办），保存在 {}", dir.display())
        }
    })
}

pub(super) fn read(
    store: &mut Store,
    clock: Clock,
    paths: &[PathBuf],
    progress: &dyn Fn(f32, &str),
) -> Result<Review, String> {
    let board = store.load_board().map_err(|e| e.to_string())?;
    let mut step = |done: usize, total: usize| {
        progress(done as f32 / total.max(1) as f32, &format!("已读取 {done}/{total} 个文件"));
    };
    review_files(store, &board, paths, clock.today(), &mut step).map_err(|e| e.to_string())
}

pub(super) fn apply(
    store: &mut Store,
    clock: Clock,
    data_dir: &Path,
    review: &Review,
    approver: Option<&str>,
    progress: &dyn Fn(f32, &str),
) -> Result<String, String> {
    let author = store.signing_author().map_err(|e| e.to_string())?;
    let actor = Actor { author: &author, at: clock.now() };
    let mut step = |done: usize, total: usize| {
        progress(done as f32 / total.max(1) as f32, &format!("正在保存 {done}/{total} 个文件的材料"));
    };
    let outcome = apply_review(store, data_dir, review, approver, &actor, &mut step)
        .map_err(|e| format!("写入失败，未保存任何内容：{e}"))?;
    let left = if outcome.left.is_empty() {
        String::new()
    } else {
        format!("；{} 项未写入：{}", outcome.left.len(), outcome.left.join("；"))
    };
    Ok(format!(
        "已写入 {} 条记录（{} 个文件，照片 {} 张）{left}",
        outcome.written.len(),
        outcome.files,
        outcome.photos
    ))
}
