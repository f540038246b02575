//! 无编号小标题 — a list whose items carry no ordinal, each a paragraph that opens with its
//! short headline sentence: `各区县要…建立落实“五个一”工作机制：` / `成立一个工作专班。以乡镇
//! 社区为单位，…` / `发放一张明白纸。各区县要…`. After a line that ends with a colon, each such
//! paragraph is one item, as 一是… would be: one directive, with every unit it names as a
//! subject, else the units of the line that announced the list.

use crate::notice::text::clean_line;

/// The longest a headline sentence runs, in characters.
const HEADLINE_MAX: usize = 16;

/// Whether `line` opens with a headline sentence (`成立一个工作专班。`): short, one phrase, no
/// modal, with more words after it.
pub(super) fn opens_with_headline(line: &str) -> bool {
    let t = clean_line(line);
    let Some((head, rest)) = t.split_once('。') else { return false };
    let n = head.chars().count();
    (4..=HEADLINE_MAX).contains(&n)
        && !head.contains(['，', ',', '：', ':', '；', ';'])
        && !crate::notice::report_list::has_modal(head)
        && super::start::ordinal(head).is_none()
        && rest.chars().count() >= 8
}

/// Whether `line` announces a list on the lines after it (`…工作机制：`).
pub(super) fn announces_list(line: &str) -> bool {
    clean_line(line).ends_with(['：', ':'])
}

/// `一要广泛宣传` on a line of its own, its text on the next (`要树立良好的社会共识…`): an
/// ordinal item's title and its text are one paragraph, as if written `一要广泛宣传。要树立…`.
pub(super) fn join_ordinal_titles(lines: &[&str]) -> Vec<String> {
    let title = |l: &str| {
        let t = clean_line(l);
        super::start::ordinal(t).is_some_and(|end| {
            let rest = &t[end..];
            (2..=HEADLINE_MAX).contains(&rest.chars().count())
                && rest.chars().all(crate::notice::text::is_han)
        })
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let next = lines.get(k + 1).map(|n| clean_line(n)).filter(|n| !n.is_empty());
        match next {
            Some(n) if title(lines[k]) && super::start::ordinal(n).is_none() => {
                out.push(format!("{}。{n}", clean_line(lines[k])));
                k += 2;
            }
            _ => {
                out.push(lines[k].to_owned());
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_a_short_first_sentence_that_asks_nothing() {
        assert!(opens_with_headline("成立一个工作专班。以乡镇社区(村居)为单位,全面负责宣传和排查。"));
        assert!(!opens_with_headline("成立专班。"), "nothing after it");
        assert!(!opens_with_headline("各区县要成立一个工作专班。以乡镇为单位,全面负责宣传和排查。"));
        assert!(!opens_with_headline("会上,县长指出。各单位要加强排查,全面负责宣传和排查。"));
        assert!(announces_list("各区县要建立落实“五个一”工作机制:"));
    }
}
