//! Command-line arguments: a verb and its options, parsed by hand (few enough not to need a
//! parser crate).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::Status;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// Open the window.
    Gui,
    /// `duban parse FILE` — print the parse as JSON.
    Parse {
        file: PathBuf,
    },
    /// `duban import FILE` — store a notice without the GUI.
    Import {
        file: PathBuf,
        author: Option<String>,
        /// `--link`: carry on the earlier directives it repeats (接续), as the window suggests.
        link: bool,
    },
    /// `duban list` — list stored directives.
    List {
        office: Option<String>,
        overdue: bool,
        json: bool,
    },
    /// `duban status ID 状态` — change a directive's status.
    SetStatus {
        id: i64,
        status: Status,
        author: Option<String>,
        /// `--no-evidence`: 销号 though no file dated after the notice backs it (无佐证).
        no_evidence: bool,
    },
    /// `duban note ID 文字` — add a progress note dated today (or `--date`).
    Note {
        id: i64,
        text: String,
        author: Option<String>,
    },
    /// `duban search 文字` — directives whose text or notes contain every word.
    Search {
        query: String,
        json: bool,
    },
    /// `duban export -o FILE` — write the meeting report.
    Export {
        output: PathBuf,
        format: Option<String>,
        notice: Option<i64>,
        all: bool,
        /// `--evidence-list`: append the 佐证材料清单 (Word and PDF; a sheet in Excel).
        evidence_list: bool,
    },
    /// `duban attach --directive ID FILE...` — attach evidence files.
    Attach {
        directive: i64,
        progress: Option<i64>,
        files: Vec<PathBuf>,
        author: Option<String>,
    },
    /// `duban check` — check the database and its change log, re-hash stored evidence,
    /// report damage, move old orphans aside.
    Check,
    /// `duban backup -o FILE` — write a backup archive (database + evidence).
    Backup {
        output: PathBuf,
    },
    /// `duban restore FILE` — restore an archive or a snapshot (also over a damaged database).
    Restore {
        file: PathBuf,
    },
    /// `duban feedback|remind|extend|complete|accept|return ID --office NAME …` — a 督办 action
    /// on one office (see cli/loop_args.rs).
    Loop {
        id: i64,
        edit: crate::model::LoopEdit,
        author: Option<String>,
        /// `--no-evidence`: accept (审核通过) though no file backs it.
        no_evidence: bool,
    },
    /// `duban forms (--office X | --all) -o DIR` — 督办通知单 and 反馈单 per office.
    Forms {
        office: Option<String>,
        output: PathBuf,
        author: Option<String>,
    },
    /// `duban urge-forms [--office X] -o DIR` — 催办通知 per office, recording a 催办.
    UrgeForms {
        office: Option<String>,
        output: PathBuf,
        author: Option<String>,
    },
    /// `duban read-forms FILE… [--json] [--apply]` — returned 反馈单.
    ReadForms {
        files: Vec<PathBuf>,
        json: bool,
        apply: bool,
        approver: Option<String>,
        author: Option<String>,
    },
    /// `duban add --title … --text … --office …` — 新建工作要求 (a 批示 or 交办).
    Add {
        by_hand: Box<crate::model::ByHand>,
        author: Option<String>,
    },
    /// `duban add --notice N …`, `split`, `merge`, `delete`, `undelete` — add a directive to a
    /// notice, split, merge, set aside or restore one (see cli/by_hand.rs).
    Register {
        edit: Box<crate::model::RegisterEdit>,
        author: Option<String>,
    },
    /// `duban stats [--json]` — the figures per office.
    Stats {
        json: bool,
    },
    /// `duban periods [--office X] [--json]` — each office's reporting periods (cli/period_args.rs).
    Periods {
        office: Option<String>,
        json: bool,
    },
    /// `duban recur ID 规则 [--from D] [--until D|--open]` — set or change a directive's reporting
    /// rule; `until`: `None` keeps the end, `Some(None)` makes it open-ended.
    Recur {
        id: i64,
        rule: crate::model::Rule,
        from: Option<NaiveDate>,
        until: Option<Option<NaiveDate>>,
        author: Option<String>,
    },
    /// `duban brief [--since-notice N | --since D] [-o FILE]` — the 汇报稿.
    Brief {
        since_notice: Option<i64>,
        since: Option<NaiveDate>,
        output: Option<PathBuf>,
    },
    /// `duban bulletin --month M | --quarter Q -o FILE` — the 督查通报.
    Bulletin {
        span: super::period_args::Span,
        output: PathBuf,
        rank: bool,
    },
    Help,
    /// `duban --version` — the program's and the database schema's version.
    Version,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub verb: Verb,
    /// `--data DIR`
    pub data_dir: Option<PathBuf>,
    /// `--date YYYY-MM-DD`: the issue date for parse/import, "today" for list and the window.
    pub date: Option<NaiveDate>,
}

pub const USAGE: &str = "督办台 duban — 办公会议工作要求督办

用法：
  duban [--data 目录] [--date 日期]          打开督办台窗口
  duban --version                             显示版本和数据库结构版本
  duban parse 文件 [--date 印发日期]          解析通知，以 JSON 输出（文件为 - 时读标准输入）
  duban import 文件 [--date 印发日期] [--author 姓名] [--link] [--data 目录]
                                              导入通知并保存（--link：接续此前会议的相同工作）
  duban list [--office 处室] [--overdue] [--date 今天] [--data 目录] [--json]
                                              列出已保存的工作要求
  duban status 编号 状态 [--author 姓名] [--no-evidence]
                                              修改状态（未开始、推进中、已完成、已销号）；没有通知印发后的
                                              佐证材料时，销号须加 --no-evidence（报告中标“无佐证”）
  duban note 编号 进展内容 [--date 日期] [--author 姓名]
                                              添加进展记录
  duban search 文字 [--json] [--data 目录]     搜索工作要求与进展（多个词须同时出现）
  duban export -o 文件 [--format docx|xlsx|pdf|csv] [--notice 通知编号|--all] [--date 汇报日期] [--evidence-list]
                                              导出会议汇报（默认最新一次通知；--all 为全部未办结；
                                              --evidence-list 附佐证材料清单：Word、PDF 在末尾，Excel 另成一表）
  duban attach --directive 编号 文件... [--progress 进展编号] [--author 姓名] [--data 目录]
                                              为工作要求添加材料（照片、PDF、Office 文件等）
  duban check [--data 目录]                   检查数据库与变更记录，校验全部材料文件
  duban backup -o 文件.zip [--data 目录]       备份数据库和全部材料到一个文件（可拷入U盘）
  duban restore 文件 [--data 目录]             从备份文件（.zip）或自动备份（.sqlite3）恢复

  duban feedback|remind|extend|complete|accept|return|reopen 编号 --office 单位 …
                                              分单位督办：反馈、催办、延期、申请办结、审核通过、退回、重新打开（详见 duban help）
  duban stats [--json] [--date 日期]           各单位督办统计（按期办结率、未反馈、逾期未反馈等）
  duban add --title 标题 --text 原文 --office 单位… [--deadline 日期] [--source 批示|交办]
            [--by 批示人] [--ref 文号] [--date 批示日期] [--author 姓名]
                                              新建工作要求（领导批示或临时交办），输出新编号
  duban add --notice 通知编号 --title 标题 --text 内容 --office 单位…   在已导入的通知中补充一条
  duban split 编号 --keep 本条保留的内容 --title 新条标题 --text 新条内容 [--office 单位…]
                                              拆分：进展和督办记录留在本条，输出新条编号
  duban merge 目标编号 被并入编号               合并同一通知中的重复条目（可用 undelete 撤销）
  duban delete 编号 / duban undelete 编号       删除（可恢复）/ 恢复已删除或撤销合并

日期格式：YYYY-MM-DD。数据目录默认为系统数据目录，可用 --data 或环境变量 DUBAN_DATA_DIR 指定。";

/// Parses `args` (without the program name). Errors are Chinese usage messages.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Args, String> {
    let mut args: Vec<String> = args.into_iter().collect();
    if let Some(verb) = args.first().filter(|v| super::by_hand::REGISTER_VERBS.contains(&v.as_str())).cloned()
    {
        return super::by_hand::parse_register(&verb, args.split_off(1));
    }
    if let Some(verb) = args.first().filter(|v| super::loop_args::LOOP_VERBS.contains(&v.as_str())).cloned() {
        return super::loop_args::parse_loop(&verb, args.split_off(1));
    }
    if let Some(verb) =
        args.first().filter(|v| super::period_args::PERIOD_VERBS.contains(&v.as_str())).cloned()
    {
        return super::period_args::parse_period(&verb, args.split_off(1));
    }
    if let Some(verb) = args.first().filter(|v| super::forms::FORMS_VERBS.contains(&v.as_str())).cloned() {
        return super::forms::parse_forms(&verb, args.split_off(1));
    }
    let mut verb_name: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let (mut data_dir, mut date, mut office, mut author) = (None, None, None, None);
    let (mut output, mut format, mut notice) = (None, None, None);
    let (mut directive, mut progress) = (None, None);
    let (mut overdue, mut json, mut all, mut link) = (false, false, false, false);
    let (mut no_evidence, mut evidence_list) = (false, false);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "-h" | "--help" | "help" => {
                return Ok(Args { verb: Verb::Help, data_dir, date });
            }
            "-V" | "--version" | "version" => return Ok(Args { verb: Verb::Version, data_dir, date }),
            "--data" => data_dir = Some(PathBuf::from(value("--data")?)),
            "--date" => {
                let v = value("--date")?;
                date = Some(v.parse().map_err(|_| format!("日期格式不正确（应为 YYYY-MM-DD）：{v}"))?);
            }
            "--office" => office = Some(value("--office")?),
            "--author" => author = Some(value("--author")?),
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--format" => format = Some(value("--format")?),
            "--notice" => notice = Some(directive_id(&value("--notice")?)?),
            "--directive" => directive = Some(directive_id(&value("--directive")?)?),
            "--progress" => progress = Some(directive_id(&value("--progress")?)?),
            "--all" => all = true,
            "--link" => link = true,
            "--overdue" => overdue = true,
            "--json" => json = true,
            "--no-evidence" => no_evidence = true,
            "--evidence-list" => evidence_list = true,
            s if s.starts_with("--") => return Err(format!("未知选项：{s}")),
            s if verb_name.is_none() => verb_name = Some(s.to_owned()),
            s => positional.push(s.to_owned()),
        }
    }
    let file = |positional: &mut Vec<String>, verb: &str| -> Result<PathBuf, String> {
        match positional.len() {
            1 => Ok(PathBuf::from(positional.remove(0))),
            0 if verb == "restore" => Err("restore 需要一个备份文件".into()),
            0 => Err(format!("{verb} 需要一个通知文件")),
            _ => Err(format!("{verb} 只接受一个文件")),
        }
    };
    let verb = match verb_name.as_deref() {
        None => Verb::Gui,
        Some("parse") => Verb::Parse { file: file(&mut positional, "parse")? },
        Some("import") => Verb::Import { file: file(&mut positional, "import")?, author, link },
        Some("list") => Verb::List { office, overdue, json },
        Some("status") => {
            let [id, status] = two(&mut positional, "status 需要编号和状态，如：duban status 14 已完成")?;
            let status = Status::parse(&status)
                .ok_or_else(|| format!("未知状态：{status}（可用：未开始、推进中、已完成、已销号）"))?;
            Verb::SetStatus { id: directive_id(&id)?, status, author, no_evidence }
        }
        Some("search") => {
            let query = positional.join(" ");
            positional.clear();
            if query.trim().is_empty() {
                return Err("search 需要搜索内容，如：duban search 员工宿舍".into());
            }
            Verb::Search { query, json }
        }
        Some("export") => Verb::Export {
            output: output.ok_or("export 需要用 -o 指定输出文件，如：duban export -o 汇总.docx")?,
            format,
            notice,
            all,
            evidence_list,
        },
        Some("note") => {
            let [id, text] = two(&mut positional, "note 需要编号和进展内容，如：duban note 14 已完成检查")?;
            Verb::Note { id: directive_id(&id)?, text, author }
        }
        Some("attach") => {
            let files: Vec<PathBuf> =
                std::mem::take(&mut positional).into_iter().map(PathBuf::from).collect();
            let usage = "attach 需要工作要求编号和文件，如：duban attach --directive 14 现场.jpg";
            match (directive, files.is_empty()) {
                (Some(directive), false) => Verb::Attach { directive, progress, files, author },
                _ => return Err(usage.into()),
            }
        }
        Some("check") => Verb::Check,
        Some("backup") => Verb::Backup {
            output: output.ok_or("backup 需要用 -o 指定备份文件，如：duban backup -o 督办台备份.zip")?,
        },
        Some("restore") => Verb::Restore { file: file(&mut positional, "restore")? },
        Some(other) => return Err(format!("未知命令：{other}")),
    };
    if !positional.is_empty() && verb == Verb::Gui {
        return Err(format!("多余的参数：{}", positional.join(" ")));
    }
    Ok(Args { verb, data_dir, date })
}

/// Exactly two positional arguments, or `usage`.
fn two(positional: &mut Vec<String>, usage: &str) -> Result<[String; 2], String> {
    let args = std::mem::take(positional);
    <[String; 2]>::try_from(args).map_err(|_| usage.to_owned())
}

fn directive_id(s: &str) -> Result<i64, String> {
    s.parse().map_err(|_| format!("编号应为数字（见 duban list 第一列）：{s}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Args, String> {
        parse_args(s.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn reads_verbs_and_options() {
        let a = parse("list --office 队务处 --overdue --date 2022-03-21 --data /tmp/x --json").unwrap();
        assert_eq!(a.verb, Verb::List { office: Some("队务处".into()), overdue: true, json: true });
        assert_eq!(a.date, "2022-03-21".parse().ok());
        assert_eq!(a.data_dir, Some(PathBuf::from("/tmp/x")));
        assert_eq!(parse("").unwrap().verb, Verb::Gui);
        assert_eq!(parse("--version").unwrap().verb, Verb::Version);
        assert_eq!(parse("parse a.txt").unwrap().verb, Verb::Parse { file: "a.txt".into() });
        assert_eq!(
            parse("status 14 已完成").unwrap().verb,
            Verb::SetStatus { id: 14, status: Status::Done, author: None, no_evidence: false }
        );
        assert!(parse("status 14 完了").unwrap_err().starts_with("未知状态：完了"));
        assert!(parse("note x 文字").unwrap_err().starts_with("编号应为数字"));
        assert_eq!(
            parse("attach --directive 3 a.jpg b.pdf --author 张伟").unwrap().verb,
            Verb::Attach {
                directive: 3,
                progress: None,
                files: vec!["a.jpg".into(), "b.pdf".into()],
                author: Some("张伟".into())
            }
        );
        assert!(parse("attach a.jpg").unwrap_err().starts_with("attach 需要工作要求编号"));
        assert!(parse("attach --directive 3").unwrap_err().starts_with("attach 需要工作要求编号"));
        assert_eq!(parse("check --data /tmp/x").unwrap().verb, Verb::Check);
        assert_eq!(parse("backup -o b.zip").unwrap().verb, Verb::Backup { output: "b.zip".into() });
        assert!(parse("backup").unwrap_err().starts_with("backup 需要用 -o"));
        assert_eq!(parse("restore b.zip").unwrap().verb, Verb::Restore { file: "b.zip".into() });
        assert_eq!(parse("restore").unwrap_err(), "restore 需要一个备份文件");
    }

    #[test]
    fn explains_bad_arguments_in_chinese() {
        assert_eq!(parse("parse").unwrap_err(), "parse 需要一个通知文件");
        assert!(parse("list --date 3月16日").unwrap_err().contains("日期格式不正确"));
        assert_eq!(parse("frobnicate").unwrap_err(), "未知命令：frobnicate");
        assert_eq!(parse("--data").unwrap_err(), "选项 --data 缺少取值");
    }
}
