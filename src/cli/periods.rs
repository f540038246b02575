//! `duban periods` (each office's reporting periods of recurring directives, with what was
//! received) and `duban recur` (set or change a directive's reporting rule), through the same
//! store calls the window uses.

use std::io::Write;
use std::path::Path;

use anyhow::bail;
use chrono::NaiveDate;
use serde_json::json;

use crate::clock::Clock;
use crate::model::{DirectiveId, Role, Rule};
use crate::store::{Actor, Store};

pub fn run_periods(
    data: &Path,
    office: Option<&str>,
    json: bool,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let store = Store::open_dir(data)?;
    let board = store.load_board()?;
    let today = clock.today();
    let wanted = match office {
        Some(name) => match board.offices.iter().find(|o| o.name == name) {
            Some(o) => Some(o.id),
            None => match board.aliases.iter().find(|(alias, _)| alias == name) {
                Some((_, id)) => Some(*id),
                None => bail!("名册中没有这个单位：{name}"),
            },
        },
        None => None,
    };
    let mut rows = Vec::new();
    for d in board.directives.iter().filter(|d| d.recurrence.is_some()) {
        let leads = d.assignments.iter().filter(|a| a.role == Role::Lead);
        for a in leads.filter(|a| wanted.is_none_or(|w| w == a.office)) {
            for p in d.office_periods(a, today, true) {
                rows.push((d, a, p));
            }
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|(d, a, p)| {
                json!({
                    "directive": d.id.0,
                    "number": d.number,
                    "office": a.name,
                    "period": p.key(),
                    "period_label": p.label(),
                    "due": p.span.due.to_string(),
                    "received_on": p.received_on.map(|r| r.to_string()),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "编号\t序号\t单位\t期次\t截止日期\t报送情况")?;
    for (d, a, p) in &rows {
        let state = match p.received_on {
            Some(on) if on <= p.span.due => format!("{on} 已报送"),
            Some(on) => format!("{on} 已报送（逾期）"),
            None if p.missed(today) => format!("未报送（逾期{}天）", (today - p.span.due).num_days()),
            None => "待报送".to_owned(),
        };
        writeln!(out, "{}\t{}\t{}\t{}\t{}\t{state}", d.id, d.number, a.name, p.label(), p.span.due)?;
    }
    let missed = rows.iter().filter(|(.., p)| p.missed(today)).count();
    writeln!(out, "截至 {today}：共 {} 期，未报送 {missed} 期", rows.len())?;
    Ok(())
}

pub fn run_recur(
    data: &Path,
    id: i64,
    rule: Rule,
    (from, until): (Option<NaiveDate>, Option<Option<NaiveDate>>),
    author: Option<&str>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let author = super::author_of(&store, author)?;
    let id = DirectiveId(id);
    let ends_on = match until {
        Some(end) => end,
        None => store.directive_row(id)?.recurrence.and_then(|r| r.ends_on),
    };
    let from = from.unwrap_or(clock.today());
    let message =
        store.set_recurrence(id, rule, from, ends_on, &Actor { author: &author, at: clock.now() })?;
    writeln!(out, "工作要求 {id}：{message}")?;
    Ok(())
}
