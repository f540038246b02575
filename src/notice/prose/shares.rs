//! 分工 — a share of the work and who takes it in running text: the unit after 由 that leads
//! or answers for it (…相关企业由区局执法大队牵头开展排查), and the words that share the work out
//! (按照职能分工,). Split from start.rs, which finds where requirements start.

/// `粉尘涉爆、有限空间…相关企业由区局执法大队牵头开展排查`: the units after 由 that lead or
/// answer for the work.
pub(super) fn led_by(p: &str) -> Option<Vec<String>> {
    if !(p.contains("牵头") || p.contains("负责")) {
        return None;
    }
    // (由X牵头 opening a phrase, or after an adverb, 具体由…, goes on with the work before it;
    // 召开由…参加的会议 names attendees; 日常工作由县应急局牵头负责 is an office's standing work.)
    let (done, after) = crate::notice::subject_scan::by_agent(p, 4..=40)?;
    if done.contains("召开") || done.contains("日常") {
        return None;
    }
    let end = ["牵头", "负责"].iter().filter_map(|w| after.find(w)).min()?;
    let named = &after[..end];
    (named.chars().count() <= 40).then(|| crate::notice::subject::subject_units(named)).flatten()
}

/// Whether the text before a phrase ends by sharing out the work (`…,按照职能分工,`).
pub(super) fn shares_out(before: &str) -> bool {
    let last = before.trim_end().trim_end_matches(['，', ',']).rsplit(['，', ',']).next().unwrap_or("");
    let last = last.trim_start();
    crate::notice::subject_scan::BASIS.iter().any(|w| last.starts_with(w))
        && ["分工", "职责", "职能"].iter().any(|w| last.ends_with(w))
        && last.chars().count() <= 10
}
