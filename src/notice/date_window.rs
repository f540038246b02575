//! 日期搜索窗 — where the deadline rules' search may start. Every rule's match holds one of a
//! few characters (月, 年, 周, 季, 春, 元, 国, or 十一) and begins at most a few characters before
//! it, so the thirty rules are run from a little before the first of them: a task table's row
//! names its date after a long task, and the rules read the date's words, not the task's.
//! deadline_tests.rs checks that the window reads what the whole text does.

use regex::Regex;

/// The byte offset of the first character `may_date` (deadline.rs) looks for.
pub(super) fn first_date_char(folded: &str) -> Option<usize> {
    let mut after_ten = false;
    folded.char_indices().find_map(|(i, c)| {
        let hit = matches!(c, '月' | '年' | '周' | '季' | '春' | '元' | '国') || (after_ten && c == '一');
        after_ten = c == '十';
        hit.then_some(i)
    })
}

/// Where the rules' search may start: no match begins more than [`LEAD`] characters before
/// the first character they look for (`完成时限：2024年` is the longest, with the whitespace
/// its `\s*` allows, which is not counted). A task table's row names its date at the end,
/// after a long task: the thirty are run on the date's words, not on the task's.
pub(super) fn search_start(folded: &str, first: usize) -> usize {
    let mut counted = 0;
    let mut start = first;
    for (i, c) in folded[..first].char_indices().rev() {
        if !c.is_whitespace() {
            if counted == LEAD {
                break;
            }
            counted += 1;
        }
        start = i;
    }
    start
}

/// See [`search_start`]: the most characters (whitespace aside) any rule matches before the
/// first of those characters — nine for `完成时限：2024年`; kept with room to spare.
const LEAD: usize = 16;

/// The matches of `re` in `haystack` that start at or after `at`, in order (as
/// `captures_iter` gives them from the start).
pub(super) fn captures_from<'h>(
    re: &Regex,
    haystack: &'h str,
    at: usize,
) -> impl Iterator<Item = regex::Captures<'h>> {
    let mut pos = Some(at);
    std::iter::from_fn(move || {
        let c = re.captures_at(haystack, pos?)?;
        let m = c.get(0)?;
        // A match that took no characters moves the search one character on.
        pos = if m.is_empty() {
            haystack[m.end()..].chars().next().map(|ch| m.end() + ch.len_utf8())
        } else {
            Some(m.end())
        };
        Some(c)
    })
}
