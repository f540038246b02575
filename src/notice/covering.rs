//! 导语 — a notice's covering words before its numbered parts: their own requirements as a
//! section of their own, the limit they set for every task, and what they only relay (a higher
//! office's demand on the issuer itself). Split from mod.rs, which reads a notice as a whole.

use crate::model;

/// The covering text's limit that every task of the notice keeps unless it states its own
/// (请…于5月20日前整改完成), marked inferred. Not a report's on the work (并于12月6日前将年度
/// 工作总结报至…, 年底前向市政府报告全年落实情况), and not one named unit's own (年底前，市委市政府
/// 督查局…开展综合督查): only a limit set for all (a collective, the addressees, no one named).
pub fn deadline(covering: &[model::DirectiveDraft], recipients: &[String]) -> Option<model::DeadlineDraft> {
    let for_all = |d: &&model::DirectiveDraft| {
        d.offices
            .iter()
            .all(|o| ["各", "有关", "相关"].iter().any(|w| o.starts_with(w)) || recipients.contains(o))
    };
    covering.iter().filter(|d| !reports_by_date(d)).filter(for_all).find_map(|d| {
        let date = d.deadline.date?;
        Some(model::DeadlineDraft {
            date: Some(date),
            inferred: true,
            recurrence: None,
            ..d.deadline.clone()
        })
    })
}

/// Whether a covering requirement is a higher office's demand on the issuer's own level: units
/// of every province (各省级…, 各省(区、市)…) asked in a province's own notice.
pub fn relayed_to_issuer(d: &model::DirectiveDraft, title: &str) -> bool {
    const PROVINCES: [&str; 3] = ["各省级", "各省(区、市)", "各省（区、市）"];
    let provincial = title.find('省').is_some_and(|at| (2..=4).contains(&title[..at].chars().count()));
    provincial && d.offices.iter().any(|o| PROVINCES.iter().any(|p| o.starts_with(p)))
}

/// Whether a directive's date is that of a report on the work (年底前向市政府报告全年落实情况):
/// the words of its limit stand in a phrase that sums the work up.
fn reports_by_date(d: &model::DirectiveDraft) -> bool {
    // A report on how the work went, not the delivery of a task's result (于9月20日前报送整改措施).
    const REPORTS: [&str; 5] = ["总结", "落实情况", "进展情况", "工作情况", "全年"];
    let Some(phrase) = d.deadline.phrase.as_deref().filter(|p| !p.is_empty()) else { return false };
    d.text
        .split(['，', ',', '；', ';', '。'])
        .any(|p| p.contains(phrase) && REPORTS.iter().any(|r| p.contains(r)))
}

/// The covering text's requirements, as a section before the numbered ones (导语).
pub fn section(directives: Vec<model::DirectiveDraft>, preamble: &str) -> model::SectionDraft {
    let directives = directives
        .into_iter()
        .enumerate()
        .map(|(i, d)| model::DirectiveDraft { number: format!("导.{}", i + 1), ..d })
        .collect();
    model::SectionDraft {
        number: "导".to_owned(),
        title: "导语要求".to_owned(),
        text: preamble.to_owned(),
        offices: Vec::new(),
        directives,
    }
}
