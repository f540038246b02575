//! 命令行 — the verbs that work without the window (parse, import, list), for scripts,
//! tests and automation. This is an application edge: errors are `anyhow`, printed once.

mod args;
mod backup;
mod bulletin;
mod by_hand;
mod evidence;
mod forms;
mod json;
mod loop_args;
mod office_loop;
mod period_args;
mod periods;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::clock::Clock;
use crate::model::{BoardFilter, DEFAULT_DUE_SOON_DAYS, Urgency, days_left};
use crate::model::{DirectiveId, NoticeId};
use crate::notice::{decode_bytes, parse_notice, read_notice_file, read_notice_stream};
use crate::report;
use crate::store::{Actor, Store};

pub use args::{Args, USAGE, Verb, parse_args};

/// The data directory: `--data`, else `DUBAN_DATA_DIR`, else the OS data directory
/// (`~/.local/share/duban` on Linux, `%APPDATA%\duban` on Windows).
/// A folder whose data was moved (迁移数据目录) points at the new place, which is used instead;
/// when that place cannot be reached, it is an error and nothing is opened.
pub fn data_dir(arg: Option<&Path>) -> anyhow::Result<PathBuf> {
    let named = match (arg, std::env::var_os("DUBAN_DATA_DIR").filter(|d| !d.is_empty())) {
        (Some(dir), _) => dir.to_path_buf(),
        (None, Some(dir)) => PathBuf::from(dir),
        (None, None) => directories::ProjectDirs::from("", "", "duban")
            .map(|p| p.data_dir().to_path_buf())
            .context("无法确定系统数据目录，请用 --data 指定数据目录")?,
    };
    Ok(crate::backup::resolve_data_dir(&named)?)
}

/// `duban --version`: the program's version and the database schema it writes — what IT staff
/// and a support call need to know which duban opened which data.
pub fn version_line() -> String {
    format!("督办台 duban {}，数据库结构版本 {}", env!("CARGO_PKG_VERSION"), crate::store::SCHEMA_VERSION)
}

/// Did the command fail only because whoever reads its output closed the pipe?
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Reads a notice's text from a file, or standard input for `-`.
fn read_notice(file: &Path) -> anyhow::Result<String> {
    if file == Path::new("-") {
        let bytes = read_notice_stream(std::io::stdin().lock())?;
        return Ok(decode_bytes(&bytes)?.text);
    }
    Ok(read_notice_file(file)?.text)
}

/// Days past the deadline of an overdue directive.
fn days_late(d: &crate::model::DirectiveRow, today: chrono::NaiveDate) -> Option<i64> {
    (d.urgency(today, DEFAULT_DUE_SOON_DAYS) == Urgency::Overdue)
        .then(|| d.effective_deadline().map(|x| -days_left(x, today)))
        .flatten()
}

/// 佐证 before 销号 or 审核通过: a file dated on or after the notice, else a refusal that says
/// how to go ahead anyway (`--no-evidence`; reports then mark it 无佐证).
fn require_evidence(store: &Store, id: i64, what: &str) -> anyhow::Result<()> {
    let row = store.directive_row(DirectiveId(id))?;
    if row.evidence_after_notice == 0 {
        bail!(
            "工作要求 {id}（{}）没有通知印发后的佐证材料：请先用 duban attach 添加材料；确认无佐证{what}请加 --no-evidence（报告中将标注“无佐证”）",
            row.number
        );
    }
    Ok(())
}

/// The title, with the source of a directive entered by hand: 标题〔王总队长批示（辽消…）〕.
fn titled(d: &crate::model::DirectiveRow) -> String {
    match &d.source {
        Some(source) => format!("{}〔{}〕", d.title, source.describe()),
        None => d.title.clone(),
    }
}

/// `--author`, else the name set in the app, else 命令行.
fn author_of(store: &Store, given: Option<&str>) -> anyhow::Result<String> {
    Ok(match given {
        Some(a) => a.to_owned(),
        None => store.author()?.unwrap_or_else(|| "命令行".to_owned()),
    })
}

/// Runs a command-line verb (not `Gui`), writing results to `out`.
pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let clock = args.date.map_or(Clock::System, Clock::Fixed);
    match &args.verb {
        Verb::Gui => bail!("窗口模式不由命令行处理"),
        Verb::Help => writeln!(
            out,
            "{USAGE}\n\n{}\n\n{}\n\n{}",
            loop_args::LOOP_USAGE,
            period_args::PERIOD_USAGE,
            forms::FORMS_USAGE
        )?,
        Verb::Periods { office, json } => {
            let data = data_dir(args.data_dir.as_deref())?;
            periods::run_periods(&data, office.as_deref(), *json, clock, out)?
        }
        Verb::Recur { id, rule, from, until, author } => {
            let data = data_dir(args.data_dir.as_deref())?;
            periods::run_recur(&data, *id, *rule, (*from, *until), author.as_deref(), clock, out)?
        }
        Verb::Brief { since_notice, since, output } => {
            let data = data_dir(args.data_dir.as_deref())?;
            bulletin::run_brief(&data, (*since_notice, *since), output.as_deref(), clock, out)?
        }
        Verb::Bulletin { span, output, rank } => {
            let data = data_dir(args.data_dir.as_deref())?;
            bulletin::run_bulletin(&data, *span, output, *rank, clock, out)?
        }
        Verb::Forms { office, output, author } | Verb::UrgeForms { office, output, author } => {
            forms::run_forms(
                &data_dir(args.data_dir.as_deref())?,
                office.as_deref(),
                output,
                author.as_deref(),
                matches!(args.verb, Verb::UrgeForms { .. }),
                clock,
                out,
            )?
        }
        Verb::ReadForms { files, json, apply, approver, author } => forms::run_read(
            &data_dir(args.data_dir.as_deref())?,
            files,
            *json,
            *apply,
            approver.as_deref(),
            author.as_deref(),
            clock,
            out,
        )?,
        Verb::Version => writeln!(out, "{}", version_line())?,
        Verb::Loop { id, edit, author, no_evidence } => {
            let data = data_dir(args.data_dir.as_deref())?;
            if matches!(edit.action, crate::model::LoopAction::Accept { .. }) && !no_evidence {
                require_evidence(&Store::open_dir(&data)?, *id, "审核通过")?;
            }
            office_loop::run_loop(&data, *id, edit, author.as_deref(), clock, out)?
        }
        Verb::Register { edit, author } => {
            by_hand::run_register(&data_dir(args.data_dir.as_deref())?, edit, author.as_deref(), clock, out)?
        }
        Verb::Add { by_hand, author } => {
            by_hand::run_add(&data_dir(args.data_dir.as_deref())?, by_hand, author.as_deref(), clock, out)?
        }
        Verb::Stats { json } => {
            office_loop::run_stats(&data_dir(args.data_dir.as_deref())?, *json, clock, out)?
        }
        Verb::Parse { file } => {
            let text = read_notice(file)?;
            let draft = parse_notice(&text, clock.today()).map_err(|e| e.in_file(file))?;
            serde_json::to_writer_pretty(&mut *out, &json::notice_json(&draft))?;
            writeln!(out)?;
        }
        Verb::Import { file, author, link } => {
            let text = read_notice(file)?;
            let mut draft = parse_notice(&text, clock.today()).map_err(|e| e.in_file(file))?;
            let mut store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            if *link {
                let found = store.suggest_continuations(&draft)?;
                crate::model::preselect(&mut draft, &found);
            }
            let author = author_of(&store, author.as_deref())?;
            let id = store.import_notice(&draft, &text, &author, clock.now())?;
            writeln!(out, "已导入通知 #{id}：{}", draft.title)?;
            for s in &draft.sections {
                writeln!(out, "  {}、{}（{}）", s.number, s.title, s.offices.join("、"))?;
                for d in &s.directives {
                    let deadline = d.deadline.date.map_or("无时限".to_owned(), |x| x.to_string());
                    writeln!(out, "    {} {}　{}", d.number, d.title, deadline)?;
                    if let Some(earlier) = d.continues.map(|id| store.directive_row(id)).transpose()? {
                        let meeting = earlier.meeting.as_deref().unwrap_or("此前会议");
                        writeln!(out, "      接续：{meeting} {} {}", earlier.number, earlier.title)?;
                    }
                }
            }
            writeln!(out, "共 {} 个部分、{} 条工作要求。", draft.sections.len(), draft.directive_count())?;
        }
        Verb::SetStatus { id, status, author, no_evidence } => {
            let mut store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            if *status == crate::model::Status::Closed && !no_evidence {
                require_evidence(&store, *id, "销号")?;
            }
            let author = author_of(&store, author.as_deref())?;
            let changed =
                store.set_status(DirectiveId(*id), *status, &Actor { author: &author, at: clock.now() })?;
            let note = if changed { "已改为" } else { "原本就是" };
            writeln!(out, "工作要求 {id}：状态{note}“{status}”")?;
        }
        Verb::Note { id, text, author } => {
            let mut store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            let author = author_of(&store, author.as_deref())?;
            store.add_note(
                DirectiveId(*id),
                clock.today(),
                text,
                &Actor { author: &author, at: clock.now() },
            )?;
            writeln!(out, "工作要求 {id}：已添加 {} 的进展", clock.today())?;
        }
        Verb::Search { query, json } => {
            let store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            let board = store.load_board()?;
            let hits = store.search(query)?.unwrap_or_default();
            let today = clock.today();
            let rows: Vec<_> = board.directives.iter().filter(|d| hits.contains(&d.id)).collect();
            if *json {
                let list: Vec<_> =
                    rows.iter().map(|d| json::directive_json(d, days_late(d, today))).collect();
                serde_json::to_writer_pretty(&mut *out, &list)?;
                writeln!(out)?;
            } else {
                for d in &rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}",
                        d.id,
                        d.number,
                        titled(d),
                        d.offices_text(),
                        d.status
                    )?;
                }
                writeln!(out, "找到 {} 条", rows.len())?;
            }
        }
        Verb::Export { output, format, notice, all, evidence_list } => {
            let store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            let board = store.load_board()?;
            let format = match format {
                Some(f) => report::Format::parse(f)
                    .with_context(|| format!("不支持的导出格式：{f}（可用：docx、xlsx、pdf、csv）"))?,
                None => report::Format::from_path(output).with_context(|| {
                    format!("无法从文件名判断导出格式，请用 --format 指定：{}", output.display())
                })?,
            };
            let scope = match (notice, all) {
                (Some(_), true) => bail!("--notice 与 --all 只能选一个"),
                (Some(id), false) => match board.notice(NoticeId(*id)) {
                    Some(n) => report::Scope::Notice(n.id),
                    None => bail!("找不到编号为 {id} 的通知"),
                },
                (None, true) => report::Scope::AllOpen,
                (None, false) => match board.meetings().next() {
                    Some(n) => report::Scope::Notice(n.id),
                    None => bail!("还没有导入任何通知"),
                },
            };
            let request = report::SummaryRequest {
                scope,
                report_date: clock.today(),
                offices: None,
                due_soon_days: DEFAULT_DUE_SOON_DAYS,
            };
            let mut summary = report::Summary::build(&board, &request);
            if *evidence_list {
                if format == report::Format::Csv {
                    bail!("CSV 不能附佐证材料清单：请导出 Word、PDF 或 Excel");
                }
                summary.evidence_list = Some(report::gather_evidence(&store, &summary)?);
            }
            report::export(&summary, format, output)?;
            writeln!(
                out,
                "已导出：{}（{} 项工作要求，{} 个单位）",
                output.display(),
                summary.totals.directives,
                summary.blocks.len()
            )?;
        }
        Verb::Attach { directive, progress, files, author } => {
            let data = data_dir(args.data_dir.as_deref())?;
            let author = author_of(&Store::open_dir(&data)?, author.as_deref())?;
            let actor = Actor { author: &author, at: clock.now() };
            evidence::run_attach(&data, DirectiveId(*directive), *progress, files, &actor, out)?;
        }
        Verb::Check => evidence::run_check(&data_dir(args.data_dir.as_deref())?, out)?,
        Verb::Backup { output } => backup::run_backup(&data_dir(args.data_dir.as_deref())?, output, out)?,
        Verb::Restore { file } => backup::run_restore(&data_dir(args.data_dir.as_deref())?, file, out)?,
        Verb::List { office, overdue, json } => {
            let store = Store::open_dir(&data_dir(args.data_dir.as_deref())?)?;
            let board = store.load_board()?;
            let today = clock.today();
            let filter = match office {
                Some(name) => match board.offices.iter().find(|o| &o.name == name) {
                    Some(o) => BoardFilter::Office(o.id),
                    None => bail!("名册中没有这个单位：{name}"),
                },
                None if *overdue => BoardFilter::Overdue,
                None => BoardFilter::All,
            };
            let rows: Vec<_> = board
                .filtered(filter, today, DEFAULT_DUE_SOON_DAYS)
                .into_iter()
                .map(|i| &board.directives[i])
                .filter(|d| !*overdue || d.urgency(today, DEFAULT_DUE_SOON_DAYS) == Urgency::Overdue)
                .collect();
            let late = |d: &crate::model::DirectiveRow| days_late(d, today);
            if *json {
                let list: Vec<_> = rows.iter().map(|d| json::directive_json(d, late(d))).collect();
                serde_json::to_writer_pretty(&mut *out, &list)?;
                writeln!(out)?;
            } else {
                writeln!(out, "编号\t序号\t标题\t责任单位\t完成时限\t状态\t逾期天数")?;
                for d in &rows {
                    let deadline = d.deadline.map_or("—".to_owned(), |x| x.to_string());
                    let late = late(d).map_or(String::new(), |n| n.to_string());
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        d.id,
                        d.number,
                        titled(d),
                        d.offices_text(),
                        deadline,
                        d.status,
                        late
                    )?;
                }
                writeln!(out, "共 {} 条", rows.len())?;
            }
        }
    }
    Ok(())
}
