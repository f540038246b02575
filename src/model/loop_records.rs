//! 督办记录 — what happens between the duty office and a responsible office: 反馈 (feedback),
//! 催办 (reminders, with an escalation step), 延期 (extensions) and 办结 (completion reports and
//! their review). Plain values: the store writes and reads them, the UI and reports show them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 反馈方式 / 催办方式 — how a report or a reminder passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 书面
    #[default]
    Written,
    /// 电话
    Phone,
    /// 当面
    InPerson,
    /// 邮件
    Email,
    /// 系统
    System,
}

impl Channel {
    pub const ALL: [Channel; 5] =
        [Channel::Written, Channel::Phone, Channel::InPerson, Channel::Email, Channel::System];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Written => "书面",
            Channel::Phone => "电话",
            Channel::InPerson => "当面",
            Channel::Email => "邮件",
            Channel::System => "系统",
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            Channel::Written => "written",
            Channel::Phone => "phone",
            Channel::InPerson => "in_person",
            Channel::Email => "email",
            Channel::System => "system",
        }
    }

    pub fn from_db(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_db() == s)
    }

    /// The Chinese label or the database value (command line).
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.label() == s || c.as_db() == s)
    }
}

/// 催办层级 — how hard a reminder presses: 提醒 → 催办 → 专函督办 → 报分管领导.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EscalationStep {
    /// 提醒
    #[default]
    Remind,
    /// 催办
    Press,
    /// 专函督办 — a formal letter.
    Letter,
    /// 报分管领导 — reported to the leader in charge (约谈).
    Leader,
}

impl EscalationStep {
    pub const ALL: [EscalationStep; 4] =
        [EscalationStep::Remind, EscalationStep::Press, EscalationStep::Letter, EscalationStep::Leader];

    pub fn label(self) -> &'static str {
        match self {
            EscalationStep::Remind => "提醒",
            EscalationStep::Press => "催办",
            EscalationStep::Letter => "专函督办",
            EscalationStep::Leader => "报分管领导",
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            EscalationStep::Remind => "remind",
            EscalationStep::Press => "press",
            EscalationStep::Letter => "letter",
            EscalationStep::Leader => "leader",
        }
    }

    pub fn from_db(s: &str) -> Option<EscalationStep> {
        EscalationStep::ALL.into_iter().find(|c| c.as_db() == s)
    }

    pub fn parse(s: &str) -> Option<EscalationStep> {
        EscalationStep::ALL.into_iter().find(|c| c.label() == s || c.as_db() == s)
    }

    /// The step after `last` (the first reminder is 提醒; 报分管领导 stays the last).
    pub fn after(last: Option<EscalationStep>) -> EscalationStep {
        match last {
            None => EscalationStep::Remind,
            Some(EscalationStep::Remind) => EscalationStep::Press,
            Some(EscalationStep::Press) => EscalationStep::Letter,
            Some(EscalationStep::Letter | EscalationStep::Leader) => EscalationStep::Leader,
        }
    }
}

/// 反馈 — a progress report received from an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    /// 收到日期
    pub on: NaiveDate,
    pub channel: Channel,
    /// 反馈人 — who reported.
    pub by: Option<String>,
    /// 联系电话 (optional).
    pub phone: Option<String>,
    pub text: String,
}

/// 催办 — a reminder sent to an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    pub on: NaiveDate,
    pub channel: Channel,
    /// 联系人 — the person reached.
    pub reached: Option<String>,
    /// 答复 — what they answered.
    pub answer: Option<String>,
    /// `None`: the step after the office's last reminder.
    pub step: Option<EscalationStep>,
}

/// 延期 — an approved extension of one office's deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExtension {
    /// 申请日期
    pub requested_on: NaiveDate,
    /// 延至 — the new deadline.
    pub to: NaiveDate,
    pub reason: String,
    /// 批准人
    pub approved_by: String,
    /// 批准日期 (`None`: the request date).
    pub approved_on: Option<NaiveDate>,
}

/// One entry of an office's 督办 history, for the detail pane and reports.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopEvent {
    /// The record's id in its table (a feedback's id is what evidence is linked to).
    pub record: i64,
    pub office: String,
    pub on: NaiveDate,
    pub kind: LoopEventKind,
    /// 反馈内容 / 答复 / 延期理由 / 办结报告 / 退回理由.
    pub text: String,
    /// 反馈人 / 联系人 / 批准人 / 审核人.
    pub by: Option<String>,
    /// 方式 for feedback and reminders.
    pub channel: Option<Channel>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoopEventKind {
    /// 反馈
    Feedback,
    /// 催办, with its step.
    Reminder(EscalationStep),
    /// 延期: original deadline kept, new deadline, 超期申请 flag.
    Extension { from: Option<NaiveDate>, to: NaiveDate, late_request: bool },
    /// 申请办结
    CompletionReport,
    /// 审核通过 (已办结)
    Accepted,
    /// 退回重办
    Returned,
}

impl LoopEventKind {
    pub fn label(&self) -> &'static str {
        match self {
            LoopEventKind::Feedback => "反馈",
            LoopEventKind::Reminder(_) => "催办",
            LoopEventKind::Extension { .. } => "延期",
            LoopEventKind::CompletionReport => "申请办结",
            LoopEventKind::Accepted => "审核通过",
            LoopEventKind::Returned => "退回重办",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_steps_escalate() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.label()), Some(c));
            assert_eq!(Channel::from_db(c.as_db()), Some(c));
        }
        assert_eq!(Channel::parse("传真"), None);
        assert_eq!(EscalationStep::after(None), EscalationStep::Remind);
        assert_eq!(EscalationStep::after(Some(EscalationStep::Press)), EscalationStep::Letter);
        assert_eq!(EscalationStep::after(Some(EscalationStep::Leader)), EscalationStep::Leader);
        for s in EscalationStep::ALL {
            assert_eq!(EscalationStep::from_db(s.as_db()), Some(s));
            assert_eq!(EscalationStep::parse(s.label()), Some(s));
        }
    }
}
