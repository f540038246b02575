//! Arguments of the 督办 verbs — `feedback`, `remind`, `extend`, `complete`, `accept`,
//! `return`, `reopen` and `stats` — parsed apart from the older verbs so each stays short. Every record is
//! dated `--date` (else today), which is also "today" for its checks.

use chrono::NaiveDate;

use super::args::{Args, Verb};
use crate::clock::Clock;
use crate::model::{Channel, EscalationStep, LoopAction, LoopEdit, NewExtension, NewFeedback, NewReminder};

/// The verbs parsed here.
pub const LOOP_VERBS: [&str; 8] =
    ["feedback", "remind", "extend", "complete", "accept", "return", "reopen", "stats"];

pub const LOOP_USAGE: &str = "督办（分单位）：
  duban feedback 编号 --office 单位 反馈内容 [--date 日期] [--channel 书面|电话|当面|邮件|系统] [--by 反馈人] [--phone 电话]
  duban remind 编号 --office 单位 [--date 日期] [--channel 方式] [--reached 联系人] [--answer 答复] [--step 提醒|催办|专函督办|报分管领导]
  duban extend 编号 --office 单位 --to 新时限 --reason 理由 --approved-by 批准人 [--date 申请日期]
  duban complete 编号 --office 单位 [--date 日期] [--report 办结报告]      申请办结
  duban accept 编号 --office 单位 [--date 日期] [--no-evidence]            审核通过（已办结；无通知后的佐证材料时须加 --no-evidence）
  duban return 编号 --office 单位 --reason 理由 [--date 日期]               退回重办
  duban reopen 编号 --office 单位 --reason 理由 [--date 日期]               重新打开已办结的单位
  duban stats [--json] [--date 日期]                                       各单位督办统计";

#[derive(Default)]
struct Options {
    data: Option<std::path::PathBuf>,
    date: Option<NaiveDate>,
    author: Option<String>,
    office: Option<String>,
    channel: Option<Channel>,
    by: Option<String>,
    phone: Option<String>,
    reached: Option<String>,
    answer: Option<String>,
    step: Option<EscalationStep>,
    to: Option<NaiveDate>,
    reason: Option<String>,
    approved_by: Option<String>,
    report: Option<String>,
    json: bool,
    no_evidence: bool,
}

fn date(v: &str) -> Result<NaiveDate, String> {
    v.parse().map_err(|_| format!("日期格式不正确（应为 YYYY-MM-DD）：{v}"))
}

/// Parses `verb` and the arguments after it.
pub fn parse_loop(verb: &str, rest: Vec<String>) -> Result<Args, String> {
    let mut o = Options::default();
    let mut positional: Vec<String> = Vec::new();
    let mut it = rest.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Args { verb: Verb::Help, data_dir: None, date: None }),
            "--data" => o.data = Some(value("--data")?.into()),
            "--date" => o.date = Some(date(&value("--date")?)?),
            "--author" => o.author = Some(value("--author")?),
            "--office" => o.office = Some(value("--office")?),
            "--channel" => {
                let v = value("--channel")?;
                o.channel = Some(
                    Channel::parse(&v)
                        .ok_or(format!("未知方式：{v}（可用：书面、电话、当面、邮件、系统）"))?,
                );
            }
            "--by" => o.by = Some(value("--by")?),
            "--phone" => o.phone = Some(value("--phone")?),
            "--reached" => o.reached = Some(value("--reached")?),
            "--answer" => o.answer = Some(value("--answer")?),
            "--step" => {
                let v = value("--step")?;
                let known = "提醒、催办、专函督办、报分管领导";
                o.step =
                    Some(EscalationStep::parse(&v).ok_or(format!("未知催办层级：{v}（可用：{known}）"))?);
            }
            "--to" => o.to = Some(date(&value("--to")?)?),
            "--reason" => o.reason = Some(value("--reason")?),
            "--approved-by" => o.approved_by = Some(value("--approved-by")?),
            "--report" => o.report = Some(value("--report")?),
            "--json" => o.json = true,
            "--no-evidence" => o.no_evidence = true,
            s if s.starts_with("--") => return Err(format!("未知选项：{s}")),
            s => positional.push(s.to_owned()),
        }
    }
    let (data_dir, today) = (o.data.clone(), o.date);
    if verb == "stats" {
        if !positional.is_empty() {
            return Err(format!("多余的参数：{}", positional.join(" ")));
        }
        return Ok(Args { verb: Verb::Stats { json: o.json }, data_dir, date: today });
    }
    let on = today.unwrap_or_else(|| Clock::System.today());
    let example = format!("{verb} 需要编号和 --office 单位，如：duban {verb} 14 --office 防火监督处");
    let mut positional = positional.into_iter();
    let id = positional.next().ok_or(example.clone())?;
    let id: i64 = id.parse().map_err(|_| format!("编号应为数字（见 duban list 第一列）：{id}"))?;
    let office = o.office.clone().ok_or(example)?;
    let text: Vec<String> = positional.collect();
    let text = text.join(" ");
    if verb != "feedback" && !text.is_empty() {
        return Err(format!("多余的参数：{text}"));
    }
    let missing = |what: &str, option: &str| format!("{verb} 需要{what}（{option}）");
    let action = match verb {
        "feedback" => {
            if text.trim().is_empty() {
                return Err(
                    "feedback 需要反馈内容，如：duban feedback 14 --office 防火监督处 已完成排查".into()
                );
            }
            let channel = o.channel.unwrap_or_default();
            LoopAction::Feedback(NewFeedback { on, channel, by: o.by, phone: o.phone, text })
        }
        "remind" => LoopAction::Remind(NewReminder {
            on,
            channel: o.channel.unwrap_or(Channel::Phone),
            reached: o.reached,
            answer: o.answer,
            step: o.step,
        }),
        "extend" => LoopAction::Extend(NewExtension {
            requested_on: on,
            to: o.to.ok_or_else(|| missing("新的完成时限", "--to 日期"))?,
            reason: o.reason.ok_or_else(|| missing("延期理由", "--reason 理由"))?,
            approved_by: o.approved_by.ok_or_else(|| missing("批准人", "--approved-by 姓名"))?,
            approved_on: None,
        }),
        "complete" => LoopAction::Complete { on, report: o.report.unwrap_or_default() },
        "accept" => LoopAction::Accept { on },
        "return" => LoopAction::Return {
            on,
            reason: o.reason.ok_or_else(|| missing("退回理由", "--reason 理由"))?,
        },
        "reopen" => LoopAction::Reopen {
            on,
            reason: o.reason.ok_or_else(|| missing("重新打开的理由", "--reason 理由"))?,
        },
        other => return Err(format!("未知命令：{other}")),
    };
    let edit = LoopEdit { office, action };
    let no_evidence = o.no_evidence;
    Ok(Args { verb: Verb::Loop { id, edit, author: o.author, no_evidence }, data_dir, date: today })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Args, String> {
        let mut words = s.split_whitespace().map(str::to_owned);
        let verb = words.next().unwrap_or_default();
        parse_loop(&verb, words.collect())
    }

    #[test]
    fn reads_each_loop_verb() {
        let a =
            parse("feedback 3 --office 防火监督处 已排查 12 处 --channel 电话 --by 王强 --date 2022-03-18")
                .unwrap();
        let Verb::Loop { id: 3, edit, author: None, .. } = a.verb else { panic!("{a:?}") };
        assert_eq!(edit.office, "防火监督处");
        let LoopAction::Feedback(f) = edit.action else { panic!() };
        assert_eq!(
            (f.text.as_str(), f.channel, f.by.as_deref()),
            ("已排查 12 处", Channel::Phone, Some("王强"))
        );
        assert_eq!(f.on, "2022-03-18".parse().unwrap());
        let a = parse("extend 3 --office 防火监督处 --to 2022-04-30 --reason 涉及多部门 --approved-by 李局")
            .unwrap();
        assert!(matches!(a.verb, Verb::Loop { edit: LoopEdit { action: LoopAction::Extend(_), .. }, .. }));
        assert!(parse("extend 3 --office 防火监督处 --to 2022-04-30").unwrap_err().contains("延期理由"));
        assert!(parse("return 3 --office 防火监督处").unwrap_err().contains("退回理由"));
        assert!(parse("accept 3").unwrap_err().contains("--office"));
        assert!(parse("remind 3 --office 防火监督处 --channel 传真").unwrap_err().starts_with("未知方式"));
        assert!(parse("feedback 3 --office 防火监督处").unwrap_err().contains("反馈内容"));
        assert_eq!(parse("stats --json --date 2022-04-10").unwrap().verb, Verb::Stats { json: true });
    }
}
