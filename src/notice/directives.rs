//! Splits a section's body into its parallel requirements (工作要求), one directive each.
//!
//! Three ways notices mark them, tried in this order; the first that finds enough markers wins:
//! 1. enumerated: `一是要…` `二是…` `三要…` (and a leading `是要…` with its 一 dropped);
//! 2. headlines: a short sentence `要突出X。` / `要抓好X。`;
//! 3. subject-led: `机关要…` `队伍要…` `信息要…`.
//!
//! Text before the first marker becomes a directive of its own; text after the last stays
//! with the last. No clause is dropped.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{Clause, clean_line, first_phrase, split_clauses, strip_end_mark};

/// One requirement cut out of a section body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub title: String,
    pub text: String,
    /// Text before the first marker that only leads in (会议要求：, 会议强调，…): shown as
    /// context of the pieces, not tracked itself.
    pub lead_in: bool,
}

static ENUMERATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+是|[二三四五六七八九十]+要)")
        .expect("enumerated regex")
});
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}{2,4}要").expect("subject regex"));

/// Emphasis verbs dropped from headline titles: 要突出在建工地治理 → 在建工地治理.
const FOCUS_VERBS: [&str; 7] = ["突出", "抓好", "抓实", "做好", "狠抓", "聚焦", "注重"];
/// Sentence openings that look like `XX要` but are not a subject.
const NOT_SUBJECTS: [&str; 13] =
    ["同时", "特别", "并且", "对于", "对此", "为此", "因此", "此外", "还", "都", "也", "更", "会议"];
/// Openings of a lead-in sentence in minutes.
const LEAD_IN_OPENINGS: [&str; 6] = ["会议认为", "会议指出", "会议强调", "会议要求", "会议听取", "会议研究"];
/// Longest headline sentence, in characters.
const HEADLINE_MAX: usize = 20;

#[derive(Clone, Copy)]
enum Strategy {
    Enumerated,
    Headline,
    Subject,
}

impl Strategy {
    /// The title when `clause` is a marker of this kind.
    fn title(self, clause: &Clause, first: bool) -> Option<String> {
        let s = clause.trimmed();
        match self {
            Strategy::Enumerated => {
                let rest = if let Some(m) = ENUMERATED.find(s) {
                    &s[m.end()..]
                } else if first {
                    s.strip_prefix("是要")?
                } else {
                    return None;
                };
                let rest = rest.strip_prefix('要').unwrap_or(rest);
                let whole = strip_end_mark(rest);
                let title = if whole.chars().count() <= HEADLINE_MAX { whole } else { first_phrase(rest) };
                Some(title.to_owned())
            }
            Strategy::Headline => {
                let sentence = strip_end_mark(s);
                let rest = sentence.strip_prefix('要')?;
                let short = sentence.chars().count() <= HEADLINE_MAX;
                let one_phrase = !rest.contains(['，', ',', '；', ';']);
                if !(clause.sentence_start && short && one_phrase && s.ends_with('。')) {
                    return None;
                }
                let title = FOCUS_VERBS.iter().find_map(|v| rest.strip_prefix(v)).unwrap_or(rest);
                Some(title.to_owned())
            }
            Strategy::Subject => {
                let m = SUBJECT.find(s)?;
                let subject = &s[..m.end() - '要'.len_utf8()];
                if !clause.sentence_start || NOT_SUBJECTS.iter().any(|w| subject.starts_with(w)) {
                    return None;
                }
                Some(first_phrase(s).to_owned())
            }
        }
    }

    fn min_markers(self) -> usize {
        match self {
            Strategy::Headline => 1,
            Strategy::Enumerated | Strategy::Subject => 2,
        }
    }
}

/// Splits `body` (a section without its title sentence and unit line).
/// A body with no markers is one directive titled `section_title`.
pub fn split_directives(section_title: &str, body: &str) -> Vec<Piece> {
    let clauses = split_before_lists(split_clauses(body));
    let first_content = clauses.iter().position(|c| !c.trimmed().is_empty());
    let markers = [Strategy::Enumerated, Strategy::Headline, Strategy::Subject]
        .into_iter()
        .map(|strategy| {
            clauses
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((i, strategy.title(c, Some(i) == first_content)?)))
                .collect::<Vec<_>>()
        })
        .zip([Strategy::Enumerated, Strategy::Headline, Strategy::Subject])
        .find(|(found, strategy)| found.len() >= strategy.min_markers())
        .map(|(found, _)| found)
        .unwrap_or_default();

    let join = |range: std::ops::Range<usize>| -> String {
        clean_line(&clauses[range].iter().map(|c| c.text).collect::<String>()).to_owned()
    };
    let mut pieces = Vec::new();
    let intro_end = markers.first().map_or(clauses.len(), |(i, _)| *i);
    let intro = join(0..intro_end);
    if !intro.is_empty() {
        let title = if markers.is_empty() {
            section_title.to_owned()
        } else {
            let phrase = first_phrase(&intro);
            phrase.strip_prefix('要').unwrap_or(phrase).to_owned()
        };
        let lead_in = !markers.is_empty()
            && (intro.ends_with(['：', ':']) || LEAD_IN_OPENINGS.iter().any(|w| intro.starts_with(w)));
        pieces.push(Piece { title, text: intro, lead_in });
    }
    for (k, (start, title)) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(clauses.len(), |(next, _)| *next);
        pieces.push(Piece { title: title.clone(), text: join(*start..end), lead_in: false });
    }
    if pieces.is_empty() {
        pieces.push(Piece {
            title: section_title.to_owned(),
            text: section_title.to_owned(),
            lead_in: false,
        });
    }
    pieces
}

/// Cuts a clause after a colon that opens a list (`会议要求：一是…`), so the list's first
/// item starts a clause of its own.
fn split_before_lists(clauses: Vec<Clause<'_>>) -> Vec<Clause<'_>> {
    let mut out = Vec::with_capacity(clauses.len());
    for clause in clauses {
        let cut = clause.text.char_indices().find_map(|(i, c)| {
            let after = i + c.len_utf8();
            (matches!(c, '：' | ':') && ENUMERATED.is_match(&clause.text[after..])).then_some(after)
        });
        match cut {
            Some(at) => {
                out.push(Clause { text: &clause.text[..at], sentence_start: clause.sentence_start });
                out.push(Clause { text: &clause.text[at..], sentence_start: false });
            }
            None => out.push(clause),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(body: &str) -> Vec<String> {
        split_directives("节", body).into_iter().map(|p| p.title).collect()
    }

    #[test]
    fn headlines_with_an_intro() {
        let body = "要绷紧神经、防止松懈，综合施策。要突出在建工地治理。联合检查。要突出监督执法质效。加强考评，倒逼落实。";
        assert_eq!(titles(body), ["绷紧神经、防止松懈", "在建工地治理", "监督执法质效"]);
        let texts: String = split_directives("节", body).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, body);
    }

    #[test]
    fn enumerated_wins_over_subject_led_sentences_inside_items() {
        let body = "是要提高站位，压实责任。要亲自过问。二是要化解矛盾，稳妥推进。三是要健全机制，按时销账。各单位要加强领导。";
        assert_eq!(titles(body), ["提高站位，压实责任", "化解矛盾，稳妥推进", "健全机制，按时销账"]);
        assert!(split_directives("节", body)[2].text.ends_with("各单位要加强领导。"));
    }

    #[test]
    fn enumerated_items_after_semicolons() {
        let body = "一是加强巡查，及时发现隐患；二是完善预案；三要强化演练。";
        assert_eq!(titles(body), ["加强巡查，及时发现隐患", "完善预案", "强化演练"]);
    }

    #[test]
    fn subject_led_sentences() {
        let body = "机关要严格管理，要严把会议关；要加强消杀。队伍要加强管控，滚动排查。同时要做好宣传。信息要及时报告。";
        assert_eq!(titles(body), ["机关要严格管理", "队伍要加强管控", "信息要及时报告"]);
    }

    #[test]
    fn a_list_after_a_colon_and_a_lead_in() {
        let pieces = split_directives("节", "会议认为，形势平稳。会议要求：一是强化排查；二是加强教育。");
        let got: Vec<(&str, bool)> = pieces.iter().map(|p| (p.title.as_str(), p.lead_in)).collect();
        assert_eq!(got, [("会议认为", true), ("强化排查", false), ("加强教育", false)]);
        assert!(pieces[0].text.ends_with("会议要求："));
    }

    #[test]
    fn a_body_without_markers_is_one_directive_under_the_section_title() {
        assert_eq!(titles("持续加强监督执法，压实责任。"), ["节"]);
        assert_eq!(split_directives("节", "").len(), 1);
    }
}
