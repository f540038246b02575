//! `duban backup` and `duban restore`, and the database half of `duban check`.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::backup::{newest_good_snapshot, recover, recovery_choices, restore, write_archive};
use crate::model::human_size;
use crate::store::{Store, StoreError};

/// Writes the single-file backup and says what is in it.
pub fn run_backup(data: &Path, output: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let store = Store::open_dir(data)?;
    let done = write_archive(&store, data, output, &mut |_, _| {})?;
    writeln!(
        out,
        "已备份：{}（{} 个材料文件，共 {}）",
        done.path.display(),
        done.files,
        human_size(done.bytes)
    )?;
    if !done.missing.is_empty() {
        bail!("{} 个材料文件缺失或损坏，未能备份（运行 duban check 查看）", done.missing.len());
    }
    Ok(())
}

/// Restores over the database, or over a damaged one that cannot be opened.
pub fn run_restore(data: &Path, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let done = match Store::open_dir(data) {
        Ok(mut store) => restore(&mut store, data, file, &mut |_, _| {})?,
        Err(StoreError::Corrupt { .. }) => {
            writeln!(out, "数据库已损坏，改为整体替换（损坏的文件移入 backups 文件夹保留）")?;
            recover(data, file, &mut |_, _| {})?
        }
        Err(e) => return Err(e.into()),
    };
    writeln!(out, "已恢复：{}（放回 {} 个材料文件）", file.display(), done.files_restored)?;
    if let Some(previous) = &done.previous {
        writeln!(out, "恢复前的数据库已保存：{}", previous.display())?;
    }
    if !done.missing.is_empty() {
        bail!("恢复后仍有 {} 个材料文件缺失（备份中也没有）", done.missing.len());
    }
    Ok(())
}

/// The database checks: SQLite's integrity check, references, the change log's chain.
pub fn check_database(data: &Path, out: &mut dyn Write) -> anyhow::Result<bool> {
    let store = match Store::open_dir(data) {
        Ok(store) => store,
        Err(e @ StoreError::Corrupt { .. }) => {
            writeln!(out, "{e}")?;
            if let Some(newest) = newest_good_snapshot(data)? {
                writeln!(out, "最新的完好备份：{}（duban restore 该文件即可恢复）", newest.path.display())?;
            }
            for other in recovery_choices(data)?.iter().filter(|s| !s.kind.picked_automatically()) {
                writeln!(out, "另有{}：{}", other.describe(), other.path.display())?;
            }
            return Ok(false);
        }
        Err(e) => return Err(e.into()),
    };
    let report = store.check_integrity()?;
    for line in &report.damage {
        writeln!(out, "数据库损坏：{line}")?;
    }
    if report.broken_references > 0 {
        writeln!(out, "数据库中有 {} 处引用指向不存在的记录", report.broken_references)?;
    }
    match report.chain.first_broken {
        Some(id) => writeln!(out, "变更记录被改动：第 {id} 条起与哈希链不符")?,
        None => writeln!(
            out,
            "数据库完好；变更记录 {} 条，哈希链完整（链头 {}）",
            report.chain.entries,
            &report.chain.head[..16]
        )?,
    }
    Ok(report.is_healthy())
}
