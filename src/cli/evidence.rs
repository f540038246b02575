//! `duban attach` and `duban check`: the evidence verbs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::bail;

use crate::backup::check_evidence;
use crate::evidence::{AttachOutcome, BlobStore, DEFAULT_GRACE, ThumbCache, attach_file, is_image};
use crate::model::{DirectiveId, human_size};
use crate::store::{Actor, Store};

/// Attaches each file in turn; a file that fails is reported and the others still go in.
pub fn run_attach(
    data: &Path,
    directive: DirectiveId,
    progress: Option<i64>,
    files: &[PathBuf],
    actor: &Actor,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let mut failed = 0;
    for file in files {
        match attach_file(&mut store, data, directive, progress.map(crate::model::NoteId), file, actor) {
            Ok(done) => report_one(data, &done, out)?,
            Err(e) => {
                failed += 1;
                writeln!(out, "失败：{e}")?;
            }
        }
    }
    if failed > 0 {
        bail!("{failed} 个文件未能添加（共 {} 个）", files.len());
    }
    Ok(())
}

fn report_one(data: &Path, done: &AttachOutcome, out: &mut dyn Write) -> anyhow::Result<()> {
    let what = if done.already_attached {
        "已在此工作要求中"
    } else if done.deduplicated {
        "已添加（相同内容已存储过，未重复保存）"
    } else {
        "已添加"
    };
    writeln!(
        out,
        "{what}：{}（{}，{}，材料编号 {}）",
        done.original_name,
        human_size(done.size),
        done.media_type,
        done.id
    )?;
    if crate::evidence::never_launch(done.media_type, &done.original_name) {
        writeln!(out, "  注意：这是可执行文件或脚本，已保存，但督办台不会打开它")?;
    }
    if let Some(t) = done.photo.taken_at {
        writeln!(out, "  拍摄时间：{t}")?;
    }
    if is_image(done.media_type) {
        let blob = BlobStore::in_data_dir(data).path_of(&done.hash);
        if let Err(e) = ThumbCache::in_data_dir(data).thumbnail(&done.hash, &blob) {
            writeln!(out, "  {e}")?;
        }
    }
    Ok(())
}

/// Checks the database, then re-hashes every file; fails (non-zero exit) on any damage.
pub fn run_check(data: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    if !super::backup::check_database(data, out)? {
        bail!("数据库检查未通过");
    }
    let store = Store::open_dir(data)?;
    let report = check_evidence(&store, data, SystemTime::now(), DEFAULT_GRACE, &mut |_, _| {})?;
    writeln!(out, "已校验 {} 个材料文件", report.checked)?;
    for p in &report.missing {
        writeln!(out, "缺失：{}（{}）：{}", p.names.join("、"), p.hash, p.path.display())?;
    }
    for p in &report.corrupt {
        writeln!(
            out,
            "损坏：{}（内容与记录不符，请重新添加原文件以修复）：{}",
            p.names.join("、"),
            p.path.display()
        )?;
    }
    for p in &report.orphans_kept {
        writeln!(out, "无主文件（未满 7 天，暂时保留）：{}", p.display())?;
    }
    for p in &report.orphans_moved {
        writeln!(out, "无主文件已移入回收目录：{}", p.display())?;
    }
    if let Some(why) = &report.orphans_held {
        writeln!(out, "有备份无法读取，无主文件一律暂不移动（{why}）")?;
    }
    if !report.is_healthy() {
        bail!("发现 {} 个缺失、{} 个损坏的材料文件", report.missing.len(), report.corrupt.len());
    }
    writeln!(out, "材料文件完好")?;
    Ok(())
}
