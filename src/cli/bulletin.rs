//! `duban bulletin --month 2022-03 | --quarter 2022Q1 -o FILE.docx` — the 督查通报, counted from
//! the records dated up to the period's last day (see docs/loop.md), ranked only when 设置 says
//! so or `--rank` asks — and `duban brief` (the 汇报稿 since the previous meeting: printed, or
//! written as Word with `-o`).

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

pub fn run_brief(
    data: &Path,
    (since_notice, since): (Option<i64>, Option<chrono::NaiveDate>),
    output: Option<&Path>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::report::{BriefSince, brief_sentence, export_brief, meeting_brief};
    let since = match (since_notice, since) {
        (Some(id), _) => BriefSince::Notice(crate::model::NoticeId(id)),
        (None, Some(d)) => BriefSince::Date(d),
        (None, None) => BriefSince::Latest,
    };
    let store = Store::open_dir(data)?;
    let brief = meeting_brief(&store, since, clock.today())?;
    if let Some(path) = output {
        export_brief(&brief, path)?;
        writeln!(out, "已导出汇报稿：{}（{} 个单位有新情况）", path.display(), brief.offices.len())?;
        return Ok(());
    }
    writeln!(out, "{}", brief_sentence(&brief))?;
    for o in &brief.offices {
        writeln!(out, "{}：{}", o.name, o.counts_text())?;
        for item in &o.items {
            writeln!(out, "  {} {}：{}", item.number, item.title, item.lines.join("；"))?;
        }
    }
    if !brief.silent.is_empty() {
        writeln!(out, "未报送任何情况：{}", brief.silent.join("、"))?;
    }
    Ok(())
}
