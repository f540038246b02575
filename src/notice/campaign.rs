//! 活动期限 — a campaign's period named once before its tasks (决定从5月初起到6月25日，在全市
//! 工业系统内开展安全生产大检查活动): its end is the limit of every task that names none of
//! its own. Only a period the issuer sets for work it launches counts; a period that counts
//! what happened (1月至10月，全市共发生火灾…) is a record, and says nothing of a limit.

use chrono::NaiveDate;

use super::deadline::find_deadline;
use crate::model::DeadlineDraft;

/// Verbs by which the issuer launches the work of the period.
const LAUNCH: [&str; 6] = ["开展", "组织", "集中", "部署", "启动", "进行"];

/// Words of a record of what happened in a period, not of work set for it.
const RECORD: [&str; 6] = ["发生", "共", "累计", "同比", "检查了", "排查出"];

/// The end of the campaign period in `lead` (the words before the first task), inferred for
/// tasks that name no limit of their own.
pub fn period_end(lead: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    lead.split(['。', '；', ';']).find_map(|sentence| {
        // 进行了集中整治: work launched before, told as done.
        let done = LAUNCH
            .iter()
            .any(|v| sentence.match_indices(v).any(|(at, _)| sentence[at + v.len()..].starts_with('了')));
        if done || !LAUNCH.iter().any(|v| sentence.contains(v)) || RECORD.iter().any(|w| sentence.contains(w))
        {
            return None;
        }
        let found = find_deadline(sentence, issued)?;
        let phrase = found.phrase.as_deref()?;
        let at = sentence.find(phrase)?;
        // A period's end (起到6月25日, 至12月31日止), not a day something is handed in.
        let before = sentence[..at].trim_end();
        let start = ['从', '自'].iter().filter_map(|w| before.rfind(*w)).max()?;
        let joint = before.ends_with(['至', '到', '—', '－', '-', '~', '～']);
        if !joint || before[start..].chars().count() > 16 {
            return None;
        }
        Some(DeadlineDraft {
            date: found.date,
            phrase: Some(sentence[start..at + phrase.len()].to_owned()),
            inferred: true,
            recurrence: None,
        })
    })
}

/// A campaign's period set in the words before the first requirement (决定从5月初起到6月25日…
/// 开展…大检查): its end is the limit of each requirement that names none and recurs not.
pub fn give_end(directives: &mut [crate::model::DirectiveDraft], body: &[&str], issued_on: NaiveDate) {
    let Some(first) = directives.first() else { return };
    let opening: String = first.text.chars().take(8).collect();
    let Some(at) = body.iter().position(|l| l.contains(&opening)) else { return };
    let line = body[at];
    let lead = format!("{}\n{}", body[..at].join("\n"), &line[..line.find(&opening).unwrap_or(0)]);
    let Some(end) = period_end(&lead, issued_on) else { return };
    for d in directives.iter_mut() {
        if d.deadline.date.is_none() && d.deadline.phrase.is_none() && d.deadline.recurrence.is_none() {
            d.deadline = end.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_campaigns_end_is_its_tasks_limit() {
        let lead = "鉴于此,阜阳市经信委决定从5月初起到6月25日,在全市工业系统内开展安全生产大检查活动。";
        let end = period_end(lead, day("2015-05-04")).expect("an end");
        assert_eq!(end.date, Some(day("2015-06-25")));
        assert_eq!(end.phrase.as_deref(), Some("从5月初起到6月25日"));
        assert!(end.inferred);
        let to_year_end = "决定自即日起至12月31日,在全县集中开展消防安全专项整治。";
        assert_eq!(period_end(to_year_end, day("2020-09-01")).and_then(|d| d.date), Some(day("2020-12-31")));
    }

    #[test]
    fn a_record_or_a_report_day_is_no_campaign() {
        let record = "从1月1日起至10月31日,全市共发生火灾120起,开展检查…";
        assert_eq!(period_end(record, day("2020-11-05")), None);
        let report = "请各单位开展自查,于6月25日前报送自查报告。";
        assert_eq!(period_end(report, day("2020-06-01")), None);
        let done = "自8月1日至9月30日,聊城市在全市范围内对非法倒罐倒气等行为进行了集中整治。";
        assert_eq!(period_end(done, day("2014-11-25")), None);
    }
}
