//! `duban feedback|remind|extend|complete|accept|return` (one 督办 action through
//! `Store::apply_loop_edit`, as the window does) and `duban stats` (the figures per office).

use std::io::Write;
use std::path::Path;

use crate::clock::Clock;
use crate::model::{DirectiveId, LoopEdit, office_figures};
use crate::store::{Actor, Store};

pub fn run_loop(
    data: &Path,
    id: i64,
    edit: &LoopEdit,
    author: Option<&str>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let author = super::author_of(&store, author)?;
    let message =
        store.apply_loop_edit(DirectiveId(id), edit, &Actor { author: &author, at: clock.now() })?;
    writeln!(out, "工作要求 {id}：{message}")?;
    Ok(())
}

pub fn run_stats(data: &Path, json: bool, clock: Clock, out: &mut dyn Write) -> anyhow::Result<()> {
    let store = Store::open_dir(data)?;
    let board = store.load_board()?;
    let figures = office_figures(&board, clock.today(), store.feedback_cadence()?);
    if json {
        let list: Vec<_> = figures.iter().map(super::json::figures_json).collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "单位\t交办\t已办结\t应办结\t按期办结\t按期办结率\t平均办结天数\t未反馈\t逾期未反馈\t延期\t退回"
    )?;
    for f in &figures {
        let avg = f.avg_days.map_or("—".to_owned(), |d| format!("{d:.1}"));
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{avg}\t{}\t{}\t{}\t{}",
            f.name,
            f.assigned,
            f.finished,
            f.due,
            f.on_time,
            f.rate_text(),
            f.unreported,
            f.late_unreported,
            f.extensions,
            f.returns
        )?;
    }
    writeln!(out, "统计日期：{}，共 {} 个单位", clock.today(), figures.len())?;
    Ok(())
}
