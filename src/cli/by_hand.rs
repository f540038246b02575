//! `duban add` — 新建工作要求 from the command line: a 领导批示 or 临时交办 with its offices and
//! deadline, stored as the window's 新建工作要求 dialog stores it; prints the new directive's id.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::args::{Args, Verb};
use crate::clock::Clock;
use crate::model::{ByHand, DirectiveId, NewDirective, NoticeId, RegisterEdit, Source, SourceKind};
use crate::store::{Actor, Store};

fn date(name: &str, v: &str) -> Result<NaiveDate, String> {
    v.parse().map_err(|_| format!("{name} 的日期格式不正确（应为 YYYY-MM-DD）：{v}"))
}

/// The verbs that add or set aside directives (see [`parse_register`]).
pub const REGISTER_VERBS: [&str; 5] = ["add", "split", "merge", "delete", "undelete"];

/// Options of the register verbs, as given.
#[derive(Default)]
struct Given {
    title: Option<String>,
    text: Option<String>,
    keep: Option<String>,
    offices: Vec<String>,
    deadline: Option<NaiveDate>,
    kind: Option<SourceKind>,
    by: Option<String>,
    reference: Option<String>,
    on: Option<NaiveDate>,
    author: Option<String>,
    data_dir: Option<PathBuf>,
    notice: Option<i64>,
    positional: Vec<String>,
}

fn read_options(verb: &str, args: Vec<String>) -> Result<Given, String> {
    let mut g = Given::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "--title" => g.title = Some(value("--title")?),
            "--text" => g.text = Some(value("--text")?),
            "--keep" => g.keep = Some(value("--keep")?),
            // One office per --office, or several joined with 、 or commas.
            "--office" => g.offices.extend(
                value("--office")?
                    .split(['、', ',', '，'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            ),
            "--deadline" => g.deadline = Some(date("--deadline", &value("--deadline")?)?),
            "--source" => {
                let v = value("--source")?;
                g.kind =
                    Some(SourceKind::parse(&v).ok_or_else(|| format!("未知来源：{v}（可用：批示、交办）"))?);
            }
            "--by" => g.by = Some(value("--by")?),
            "--ref" => g.reference = Some(value("--ref")?),
            "--date" => g.on = Some(date("--date", &value("--date")?)?),
            "--author" => g.author = Some(value("--author")?),
            "--data" => g.data_dir = Some(PathBuf::from(value("--data")?)),
            "--notice" => g.notice = Some(number(&value("--notice")?)?),
            other if other.starts_with("--") => {
                return Err(format!("{verb} 不认识的参数：{other}（用法见 duban help）"));
            }
            other => g.positional.push(other.to_owned()),
        }
    }
    Ok(g)
}

fn number(s: &str) -> Result<i64, String> {
    s.parse().map_err(|_| format!("编号应为数字（见 duban list 第一列）：{s}"))
}

/// The directive a verb names: exactly `n` numbers.
fn ids<const N: usize>(g: &Given, usage: &str) -> Result<[DirectiveId; N], String> {
    if g.positional.len() != N {
        return Err(usage.to_owned());
    }
    let mut out = [DirectiveId(0); N];
    for (slot, s) in out.iter_mut().zip(&g.positional) {
        *slot = DirectiveId(number(s)?);
    }
    Ok(out)
}

/// A directive from --title, --text, --office and --deadline (`offices_needed`: at least one).
fn new_directive(verb: &str, g: &Given, offices_needed: bool) -> Result<NewDirective, String> {
    let title =
        g.title.clone().filter(|t| !t.trim().is_empty()).ok_or(format!("{verb} 需要 --title 标题"))?;
    let text = g
        .text
        .clone()
        .filter(|t| !t.trim().is_empty())
        .ok_or(format!("{verb} 需要 --text 原文（工作要求的内容）"))?;
    if offices_needed && g.offices.is_empty() {
        return Err(format!("{verb} 需要至少一个 --office 责任单位"));
    }
    Ok(NewDirective { title, text, offices: g.offices.clone(), deadline: g.deadline })
}

/// Parses `add`, `split`, `merge`, `delete` and `undelete` with their options.
pub fn parse_register(verb: &str, args: Vec<String>) -> Result<Args, String> {
    let g = read_options(verb, args)?;
    let edit = match verb {
        "add" if g.notice.is_none() => {
            if !g.positional.is_empty() {
                return Err(format!("多余的参数：{}", g.positional.join(" ")));
            }
            let by_hand = ByHand {
                source: Source {
                    kind: g.kind.unwrap_or(SourceKind::Assigned),
                    by: g.by.clone(),
                    reference: g.reference.clone(),
                },
                // Filled with today when no --date is given (run_add knows the clock).
                on: g.on.unwrap_or(NaiveDate::MIN),
                directive: new_directive(verb, &g, true)?,
            };
            let verb = Verb::Add { by_hand: Box::new(by_hand), author: g.author };
            return Ok(Args { verb, data_dir: g.data_dir, date: g.on });
        }
        "add" => {
            if g.kind.is_some() || g.by.is_some() || g.reference.is_some() {
                return Err("--notice（补充到已导入的通知）不能与 --source、--by、--ref 同用".into());
            }
            RegisterEdit::Add {
                notice: NoticeId(g.notice.unwrap_or_default()),
                directive: new_directive(verb, &g, true)?,
            }
        }
        "split" => {
            let [id] = ids(
                &g,
                "split 需要工作要求编号，如：duban split 14 --keep 保留内容 --title 标题 --text 内容",
            )?;
            let keep = g.keep.clone().ok_or("split 需要 --keep 本条保留的内容")?;
            RegisterEdit::Split { id, keep_text: keep, part: new_directive(verb, &g, false)? }
        }
        "merge" => {
            let [into, from] =
                ids(&g, "merge 需要两个编号：并入的目标和被并入的一条，如：duban merge 14 15")?;
            RegisterEdit::Merge { into, from }
        }
        "delete" => {
            RegisterEdit::Delete(ids::<1>(&g, "delete 需要一个工作要求编号，如：duban delete 15")?[0])
        }
        _ => RegisterEdit::Restore(ids::<1>(&g, "undelete 需要一个工作要求编号，如：duban undelete 15")?[0]),
    };
    let verb = Verb::Register { edit: Box::new(edit), author: g.author };
    Ok(Args { verb, data_dir: g.data_dir, date: g.on })
}

/// Applies a register edit; prints the new directive's id (add --notice, split) or what was done.
pub fn run_register(
    data: &Path,
    edit: &RegisterEdit,
    author: Option<&str>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let author = super::author_of(&store, author)?;
    let (message, id) = store.apply_register_edit(edit, &Actor { author: &author, at: clock.now() })?;
    match edit {
        RegisterEdit::Add { .. } | RegisterEdit::Split { .. } => writeln!(out, "{id}")?,
        _ => writeln!(out, "工作要求 {id}：{message}")?,
    }
    Ok(())
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
