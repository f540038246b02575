//! `duban add` — 新建工作要求 from the command line: a 领导批示 or 临时交办 with its offices and
//! deadline, stored as the window's 新建工作要求 dialog stores it; prints the new directive's id.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::args::{Args, Verb};
use crate::clock::Clock;
use crate::model::{ByHand, NewDirective, Source, SourceKind};
use crate::store::{Actor, Store};

fn date(name: &str, v: &str) -> Result<NaiveDate, String> {
    v.parse().map_err(|_| format!("{name} 的日期格式不正确（应为 YYYY-MM-DD）：{v}"))
}

/// Parses the options after `add`.
pub fn parse_add(args: Vec<String>) -> Result<Args, String> {
    let (mut title, mut text, mut deadline, mut by, mut reference, mut author) =
        (None, None, None, None, None, None);
    let (mut data_dir, mut on) = (None, None);
    let mut offices: Vec<String> = Vec::new();
    let mut kind = SourceKind::Assigned;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "--title" => title = Some(value("--title")?),
            "--text" => text = Some(value("--text")?),
            // One office per --office, or several joined with 、 or commas.
            "--office" => offices.extend(
                value("--office")?
                    .split(['、', ',', '，'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            ),
            "--deadline" => deadline = Some(date("--deadline", &value("--deadline")?)?),
            "--source" => {
                let v = value("--source")?;
                kind = SourceKind::parse(&v).ok_or_else(|| format!("未知来源：{v}（可用：批示、交办）"))?;
            }
            "--by" => by = Some(value("--by")?),
            "--ref" => reference = Some(value("--ref")?),
            "--date" => on = Some(date("--date", &value("--date")?)?),
            "--author" => author = Some(value("--author")?),
            "--data" => data_dir = Some(PathBuf::from(value("--data")?)),
            other => return Err(format!("add 不认识的参数：{other}（用法见 duban help）")),
        }
    }
    let title = title.filter(|t| !t.trim().is_empty()).ok_or("add 需要 --title 标题")?;
    let text = text.filter(|t| !t.trim().is_empty()).ok_or("add 需要 --text 原文（工作要求的内容）")?;
    if offices.is_empty() {
        return Err("add 需要至少一个 --office 责任单位".into());
    }
    let by_hand = ByHand {
        source: Source { kind, by, reference },
        // Filled with today when no --date is given (run_add knows the clock).
        on: on.unwrap_or(NaiveDate::MIN),
        directive: NewDirective { title, text, offices, deadline },
    };
    Ok(Args { verb: Verb::Add { by_hand: Box::new(by_hand), author }, data_dir, date: on })
}

/// Stores the directive and prints its id.
pub fn run_add(
    data: &Path,
    by_hand: &ByHand,
    author: Option<&str>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let author = super::author_of(&store, author)?;
    let mut by_hand = by_hand.clone();
    if by_hand.on == NaiveDate::MIN {
        by_hand.on = clock.today();
    }
    let id = store.create_by_hand(&by_hand, &Actor { author: &author, at: clock.now() })?;
    writeln!(out, "{id}")?;
    Ok(())
}
