//! Arguments of the 周期报送 and 通报 verbs — `periods` (each office's reporting periods),
//! `recur` (set or change a directive's rule) and `bulletin` (the monthly or quarterly 督查通报)
//! — parsed apart from the older verbs so each file stays short.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::args::{Args, Verb};
use crate::model::Rule;

/// The verbs parsed here.
pub const PERIOD_VERBS: [&str; 4] = ["periods", "recur", "bulletin", "brief"];

pub const PERIOD_USAGE: &str = "周期报送与督查通报：
  duban periods [--office 单位] [--json] [--date 日期]       各单位的报送期次（截止日期、是否已报送）
  duban recur 编号 规则 [--from 起始日期] [--until 截止日期|--open] [--author 姓名]
                     设定或修改报送规则（如 每月25日前、每季度末、每半年、每周五前、每年12月）；
                     起始日期（默认今天）之前的期次不变
  duban bulletin --month 2022-03 | --quarter 2022Q1 -o 文件.docx [--rank]
                     督查通报（数字截至该月/该季度末；--rank 列出按期办结率排名）
  duban brief [--since-notice 通知编号 | --since 日期] [-o 文件.docx] [--date 今天]
                     汇报稿：上次会议（默认最新一次通知）以来各单位的反馈、催办、延期、办结、材料";

/// 通报期间 — a calendar month or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

impl Span {
    /// `2022-03`
    pub fn month(s: &str) -> Option<Span> {
        let (y, m) = s.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| Span::Month { year, month })
    }

    /// `2022Q1`
    pub fn quarter(s: &str) -> Option<Span> {
        let (y, q) = s.split_once(['Q', 'q'])?;
        let (year, quarter): (i32, u32) = (y.parse().ok()?, q.parse().ok()?);
        ((1..=4).contains(&quarter) && NaiveDate::from_ymd_opt(year, 1, 1).is_some())
            .then_some(Span::Quarter { year, quarter })
    }
}

fn date(v: &str) -> Result<NaiveDate, String> {
    v.parse().map_err(|_| format!("日期格式不正确（应为 YYYY-MM-DD）：{v}"))
}

/// Parses `verb` and the arguments after it.
pub fn parse_period(verb: &str, rest: Vec<String>) -> Result<Args, String> {
    let (mut data, mut today, mut office, mut author) = (None, None, None, None);
    let (mut from, mut until, mut open, mut json, mut rank) = (None, None, false, false, false);
    let (mut span, mut output, mut since_notice, mut since) = (None, None, None, None);
    let mut positional: Vec<String> = Vec::new();
    let mut it = rest.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Args { verb: Verb::Help, data_dir: None, date: None }),
            "--data" => data = Some(PathBuf::from(value("--data")?)),
            "--date" => today = Some(date(&value("--date")?)?),
            "--office" => office = Some(value("--office")?),
            "--author" => author = Some(value("--author")?),
            "--from" => from = Some(date(&value("--from")?)?),
            "--until" => until = Some(date(&value("--until")?)?),
            "--open" => open = true,
            "--since" => since = Some(date(&value("--since")?)?),
            "--since-notice" => {
                let v = value("--since-notice")?;
                since_notice = Some(v.parse().map_err(|_| format!("通知编号应为数字：{v}"))?);
            }
            "--json" => json = true,
            "--rank" => rank = true,
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--month" => {
                let v = value("--month")?;
                span = Some(Span::month(&v).ok_or(format!("月份格式不正确（应为 2022-03）：{v}"))?);
            }
            "--quarter" => {
                let v = value("--quarter")?;
                span = Some(Span::quarter(&v).ok_or(format!("季度格式不正确（应为 2022Q1）：{v}"))?);
            }
            s if s.starts_with("--") => return Err(format!("未知选项：{s}")),
            s => positional.push(s.to_owned()),
        }
    }
    let verb = match verb {
        "periods" if positional.is_empty() => Verb::Periods { office, json },
        "periods" => return Err(format!("多余的参数：{}", positional.join(" "))),
        "recur" => {
            let usage = "recur 需要编号和规则，如：duban recur 14 每月25日前";
            let [id, rule]: [String; 2] = positional.try_into().map_err(|_| usage.to_owned())?;
            let id = id.parse().map_err(|_| format!("编号应为数字（见 duban list 第一列）：{id}"))?;
            let rule = Rule::parse(&rule).ok_or(format!(
                "无法识别的报送规则：{rule}（可用如：每月25日前、每月底、每季度末、每半年、每周五前、每年12月）"
            ))?;
            if open && until.is_some() {
                return Err("--until 与 --open 只能选一个".into());
            }
            Verb::Recur { id, rule, from, until: if open { Some(None) } else { until.map(Some) }, author }
        }
        "brief" => {
            if since.is_some() && since_notice.is_some() {
                return Err("--since 与 --since-notice 只能选一个".into());
            }
            Verb::Brief { since_notice, since, output }
        }
        _ => {
            let span = span.ok_or("bulletin 需要 --month 2022-03 或 --quarter 2022Q1")?;
            let output = output.ok_or("bulletin 需要用 -o 指定输出文件，如：-o 督查通报.docx")?;
            Verb::Bulletin { span, output, rank }
        }
    };
    Ok(Args { verb, data_dir: data, date: today })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(verb: &str, rest: &str) -> Result<Args, String> {
        parse_period(verb, rest.split_whitespace().map(str::to_owned).collect())
    }

    #[test]
    fn reads_the_period_verbs() {
        let a = parse("periods", "--office 防火监督处 --json --date 2022-04-10").unwrap();
        assert_eq!(a.verb, Verb::Periods { office: Some("防火监督处".into()), json: true });
        assert_eq!(a.date, "2022-04-10".parse().ok());
        let r = parse("recur", "14 每季度末 --from 2022-04-01 --open").unwrap();
        let from = "2022-04-01".parse().ok();
        assert_eq!(
            r.verb,
            Verb::Recur { id: 14, rule: Rule::Quarterly, from, until: Some(None), author: None }
        );
        assert!(parse("recur", "14 每天").unwrap_err().starts_with("无法识别的报送规则"));
        let b = parse("bulletin", "--quarter 2022Q1 -o t.docx").unwrap();
        let span = Span::Quarter { year: 2022, quarter: 1 };
        assert_eq!(b.verb, Verb::Bulletin { span, output: "t.docx".into(), rank: false });
        assert!(parse("bulletin", "--month 2022-13 -o t.docx").unwrap_err().starts_with("月份格式不正确"));
        assert!(parse("bulletin", "-o t.docx").unwrap_err().starts_with("bulletin 需要 --month"));
    }
}
