//! `duban bulletin --month 2022-03 | --quarter 2022Q1 -o FILE.docx` — the 督查通报, counted from
//! the records dated up to the period's last day (see docs/loop.md), ranked only when 设置 says
//! so or `--rank` asks.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::period_args::Span;
use crate::clock::Clock;
use crate::model::BulletinSpan;
use crate::report::write_bulletin;
use crate::store::Store;

pub fn run_bulletin(
    data: &Path,
    span: Span,
    output: &Path,
    rank: bool,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let span = match span {
        Span::Month { year, month } => BulletinSpan::month(year, month),
        Span::Quarter { year, quarter } => BulletinSpan::quarter(year, quarter),
    }
    .context("通报期间不正确")?;
    let store = Store::open_dir(data)?;
    let bulletin = write_bulletin(&store, span, clock.today(), rank, output)?;
    writeln!(
        out,
        "已导出督查通报：{}（{}，{} 个单位，逾期 {} 项，反复部署未落实 {} 项）",
        output.display(),
        bulletin.span.label,
        bulletin.offices.len(),
        bulletin.overdue.len(),
        bulletin.repeated.len()
    )?;
    Ok(())
}
