//! Command-line arguments: a verb and its options, parsed by hand (few enough not to need a
//! parser crate).

use std::path::PathBuf;

use chrono::NaiveDate;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// Open the window.
    Gui,
    /// `duban parse FILE` — print the parse as JSON.
    Parse { file: PathBuf },
    /// `duban import FILE` — store a notice without the GUI.
    Import { file: PathBuf, author: Option<String> },
    /// `duban list` — list stored directives.
    List { office: Option<String>, overdue: bool, json: bool },
    Help,
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
  duban parse 文件 [--date 印发日期]          解析通知，以 JSON 输出（文件为 - 时读标准输入）
  duban import 文件 [--date 印发日期] [--author 姓名] [--data 目录]
                                              导入通知并保存
  duban list [--office 处室] [--overdue] [--date 今天] [--data 目录] [--json]
                                              列出已保存的工作要求

日期格式：YYYY-MM-DD。数据目录默认为系统数据目录，可用 --data 或环境变量 DUBAN_DATA_DIR 指定。";

/// Parses `args` (without the program name). Errors are Chinese usage messages.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Args, String> {
    let mut verb_name: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let (mut data_dir, mut date, mut office, mut author) = (None, None, None, None);
    let (mut overdue, mut json) = (false, false);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "-h" | "--help" | "help" => return Ok(Args { verb: Verb::Help, data_dir, date }),
            "--data" => data_dir = Some(PathBuf::from(value("--data")?)),
            "--date" => {
                let v = value("--date")?;
                date = Some(v.parse().map_err(|_| format!("日期格式不正确（应为 YYYY-MM-DD）：{v}"))?);
            }
            "--office" => office = Some(value("--office")?),
            "--author" => author = Some(value("--author")?),
            "--overdue" => overdue = true,
            "--json" => json = true,
            s if s.starts_with("--") => return Err(format!("未知选项：{s}")),
            s if verb_name.is_none() => verb_name = Some(s.to_owned()),
            s => positional.push(s.to_owned()),
        }
    }
    let file = |positional: &mut Vec<String>, verb: &str| -> Result<PathBuf, String> {
        match positional.len() {
            1 => Ok(PathBuf::from(positional.remove(0))),
            0 => Err(format!("{verb} 需要一个通知文件")),
            _ => Err(format!("{verb} 只接受一个文件")),
        }
    };
    let verb = match verb_name.as_deref() {
        None => Verb::Gui,
        Some("parse") => Verb::Parse { file: file(&mut positional, "parse")? },
        Some("import") => Verb::Import { file: file(&mut positional, "import")?, author },
        Some("list") => Verb::List { office, overdue, json },
        Some(other) => return Err(format!("未知命令：{other}")),
    };
    if !positional.is_empty() && verb == Verb::Gui {
        return Err(format!("多余的参数：{}", positional.join(" ")));
    }
    Ok(Args { verb, data_dir, date })
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
        assert_eq!(parse("parse a.txt").unwrap().verb, Verb::Parse { file: "a.txt".into() });
    }

    #[test]
    fn explains_bad_arguments_in_chinese() {
        assert_eq!(parse("parse").unwrap_err(), "parse 需要一个通知文件");
        assert!(parse("list --date 3月16日").unwrap_err().contains("日期格式不正确"));
        assert_eq!(parse("frobnicate").unwrap_err(), "未知命令：frobnicate");
        assert_eq!(parse("--data").unwrap_err(), "选项 --data 缺少取值");
    }
}
