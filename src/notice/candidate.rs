//! A directive before its units and deadline are settled, and how they are settled: its own
//! words first, then what the headings above it and the unit lines around it say.

use chrono::NaiveDate;

use super::deadline;
use super::text::{clean_line, first_clause, first_phrase, strip_end_mark};
use super::units::{self, UnitLine, UnitRules};
use crate::model::{DeadlineDraft, DirectiveDraft};

/// Longest title taken whole, in characters.
const TITLE_MAX: usize = 20;

/// Units and the words they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Units {
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub phrase: String,
}

impl Units {
    pub fn from_line(line: UnitLine, text: &str) -> Units {
        Units { phrase: line.phrase(text).to_owned(), lead: line.lead, support: line.support }
    }

    /// Units named as subjects (no supporting ones), their phrase the names joined by 、.
    pub fn named(lead: Vec<String>) -> Units {
        Units { phrase: lead.join("、"), lead, support: Vec::new() }
    }

    /// [`Units::named`], or `None` when no unit is named.
    pub fn named_if_any(lead: Vec<String>) -> Option<Units> {
        (!lead.is_empty()).then(|| Units::named(lead))
    }
}

impl Units {
    /// Adds the units of the line that follows (责任单位 after 牵头单位): a line of its own
    /// after the lead's names the others, as one bracket naming both would.
    pub fn join_line(&mut self, next: &Units) {
        for name in next.lead.iter().chain(&next.support) {
            if !self.lead.contains(name) && !self.support.contains(name) {
                if self.lead.is_empty() {
                    self.lead.push(name.clone())
                } else {
                    self.support.push(name.clone())
                }
            }
        }
        self.phrase = format!("{}\n{}", self.phrase, next.phrase);
    }
}

/// One directive's text and what it inherits.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    pub title: String,
    pub text: String,
    pub context: Vec<String>,
    /// Units written in the directive itself.
    pub own_units: Option<Units>,
    /// Units of a heading above it (a bracket in （一）'s line).
    pub heading_units: Option<Units>,
    /// A deadline in a heading above it.
    pub heading_deadline: Option<DeadlineDraft>,
    /// The words of its sentence before it (`从通告之日起至四月三十日止，…，各级人民政府要…`):
    /// a time they name is its deadline when it names none of its own.
    pub sentence_before: String,
    /// Units its sentences name as their subject (县发改委、县供电公司要…), for when nothing
    /// else names its units in a notice that labels them elsewhere.
    pub subject_units: Option<Units>,
}

impl Candidate {
    /// A numbered item's text: the title is its first sentence, or first phrase if long.
    pub fn numbered(text: String, rules: UnitRules) -> Candidate {
        let first = first_clause(&text);
        let (sentence, _) = take_units(strip_end_mark(first), rules);
        let sentence = sentence.trim_end_matches(['：', ':']).to_owned();
        let title =
            if sentence.chars().count() <= TITLE_MAX { sentence } else { first_phrase(&sentence).to_owned() };
        // In a notice that labels no unit, an item's units are the subject of its sentences
        // (1.提高政治站位。各责任单位要…).
        let subject_units = super::subject::units_in(&text).map(Units::named);
        let own_units =
            own_units(&text, rules).or_else(|| subject_units.clone().filter(|_| rules.by_subject));
        Candidate { title, text, own_units, subject_units, ..Candidate::default() }
    }
}

/// Units the text names for itself: a bracket, else `由X牵头，Y配合`.
pub fn own_units(text: &str, rules: UnitRules) -> Option<Units> {
    units::find_last_unit_line_with(text, rules)
        .or_else(|| units::find_inline(text))
        .map(|u| Units::from_line(u, text))
        .or_else(|| {
            let lead =
                super::subject::bare_bracket_units(text).or_else(|| super::subject::contracted(text))?;
            let phrase = format!("（{}）", lead.join("、"));
            Some(Units { lead, support: Vec::new(), phrase })
        })
}

/// Removes the last unit bracket from `s` (a heading), returning what is left and the units.
pub fn take_units(s: &str, rules: UnitRules) -> (String, Option<Units>) {
    match units::find_last_unit_line_with(s, rules) {
        Some(u) => {
            let rest = format!("{}{}", &s[..u.range.start], &s[u.range.end..]);
            let units = Units::from_line(u, s);
            (strip_end_mark(&rest).to_owned(), Some(units))
        }
        None => (s.to_owned(), None),
    }
}

/// What the directives of a section fall back on.
pub struct Fallback<'a> {
    pub issued: NaiveDate,
    /// The section's title, whose deadline `section_deadline` is ("" for none).
    pub section_title: &'a str,
    pub section_deadline: Option<&'a DeadlineDraft>,
    pub notice_deadline: Option<&'a DeadlineDraft>,
}

/// The deadline of a directive: its own words; a recurring or ongoing directive inherits
/// nothing; else the one in its units' bracket (…；完成时限：6月底前）), the nearest
/// heading's, the section title's, the notice's.
pub fn settle_deadline(c: &Candidate, units: Option<&Units>, f: &Fallback) -> DeadlineDraft {
    let (recurrence, own) = if !f.section_title.is_empty() && c.text == f.section_title {
        // The directive is the section's title (a task table's row): its deadline is read.
        (deadline::find_recurrence(&c.text), f.section_deadline.cloned())
    } else {
        // 一、听取关于…及下半年工作打算的汇报: the report's period is no limit of the item.
        let heard = super::heading::is_minutes_item(f.section_title)
            .then(|| c.text.strip_prefix(f.section_title.trim()))
            .flatten();
        deadline::recurrence_and_deadline(heard.unwrap_or(&c.text), f.issued)
    };
    let chosen = match own {
        Some(d) => d,
        None if recurrence.is_some() => DeadlineDraft::default(),
        // （责任单位：县住建局；完成时限：9月投入使用）: the limit in its units' bracket.
        None => units
            .and_then(|u| deadline::find_deadline(&u.phrase, f.issued))
            .or_else(|| {
                deadline::find_deadline(&c.sentence_before, f.issued)
                    .filter(|d| d.date.is_some() && d.phrase.as_deref().is_some_and(|p| p.contains('月')))
            })
            .or_else(|| c.heading_deadline.clone())
            .or_else(|| f.section_deadline.cloned())
            .or_else(|| f.notice_deadline.cloned())
            .unwrap_or_default(),
    };
    DeadlineDraft { recurrence, ..chosen }
}

/// A slot in a section, in reading order: a directive or a unit line covering those above.
pub enum Slot {
    Directive(Box<Candidate>),
    Units(Units),
}

impl Slot {
    pub fn directive(c: Candidate) -> Slot {
        Slot::Directive(Box::new(c))
    }
}

/// Settles units over a section's slots: a directive's own units; else its heading's; else
/// the unit line that follows it (covering every directive back to the previous unit line);
/// else the section's (a unit line before any directive, or in the section heading).
pub fn settle_units(
    slots: Vec<Slot>,
    mut section: Option<Units>,
) -> (Vec<(Candidate, Option<Units>)>, Option<Units>) {
    let mut out: Vec<(Candidate, Option<Units>)> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    // The directives the unit line just before covered (a 牵头单位 line and a 责任单位 line
    // that follows it are one list).
    let mut covered: Vec<usize> = Vec::new();
    for slot in slots {
        match slot {
            Slot::Directive(c) => {
                let mut c = *c;
                covered.clear();
                // Its own units move to the result (the candidate's copy is not read again).
                let units = c.own_units.take().or_else(|| c.heading_units.clone());
                if units.is_none() {
                    pending.push(out.len());
                }
                out.push((c, units));
            }
            Slot::Units(u) if out.is_empty() && section.is_none() => section = Some(u),
            Slot::Units(u) if pending.is_empty() && !covered.is_empty() => {
                for &i in &covered {
                    if let Some(units) = out[i].1.as_mut() {
                        units.join_line(&u);
                    }
                }
            }
            Slot::Units(u) => {
                covered.clear();
                for i in pending.drain(..) {
                    out[i].1 = Some(u.clone());
                    covered.push(i);
                }
            }
        }
    }
    for i in pending {
        out[i].1 = section.clone().or_else(|| out[i].0.subject_units.clone());
    }
    (out, section)
}

/// The finished directive.
/// Whether a candidate's text says anything: a table's empty row flattened to `||||` or a
/// line of rules is not a requirement.
/// A contact line (联系电话：…) asks nothing either.
pub fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric) && !super::closing::is_contact(text)
}

pub fn finish(number: String, c: Candidate, units: Option<Units>, f: &Fallback) -> DirectiveDraft {
    let deadline = settle_deadline(&c, units.as_ref(), f);
    let (offices, support_offices, units_phrase) = match units {
        Some(u) => (u.lead, u.support, Some(u.phrase)),
        None => (Vec::new(), Vec::new(), None),
    };
    let context = (!c.context.is_empty()).then(|| c.context.join(" › "));
    DirectiveDraft {
        number,
        title: c.title,
        text: clean_line(&c.text).to_owned(),
        offices,
        support_offices,
        deadline,
        units_phrase,
        context,
        continues: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(name: &str) -> Units {
        Units { lead: vec![name.to_owned()], support: vec![], phrase: name.to_owned() }
    }

    fn cand(own: Option<&str>) -> Slot {
        Slot::directive(Candidate { own_units: own.map(units), ..Candidate::default() })
    }

    #[test]
    fn a_unit_line_covers_the_directives_above_it() {
        let slots = vec![
            cand(None),
            cand(None),
            Slot::Units(units("甲")),
            cand(Some("乙")),
            cand(None),
            Slot::Units(units("丙")),
            cand(None),
        ];
        let (settled, section) = settle_units(slots, None);
        let leads: Vec<Option<&str>> =
            settled.iter().map(|(_, u)| u.as_ref().map(|u| u.lead[0].as_str())).collect();
        assert_eq!(leads, [Some("甲"), Some("甲"), Some("乙"), Some("丙"), None]);
        assert_eq!(section, None);
    }

    #[test]
    fn a_second_unit_line_joins_the_first() {
        let slots = vec![
            cand(None),
            Slot::Units(units("甲")),
            Slot::Units(units("乙")),
            cand(None),
            Slot::Units(units("丙")),
        ];
        let (settled, _) = settle_units(slots, None);
        let first = settled[0].1.as_ref().unwrap();
        assert_eq!(
            (first.lead.as_slice(), first.support.as_slice()),
            (&["甲".to_owned()][..], &["乙".to_owned()][..])
        );
        assert_eq!(settled[1].1.as_ref().unwrap().lead, ["丙"]);
    }

    #[test]
    fn a_unit_line_before_any_directive_is_the_sections() {
        let (settled, section) = settle_units(vec![Slot::Units(units("甲")), cand(None)], None);
        assert_eq!(settled[0].1.as_ref().map(|u| u.lead[0].as_str()), Some("甲"));
        assert!(section.is_some());
    }

    #[test]
    fn numbered_titles() {
        let rules = UnitRules::default();
        let c = Candidate::numbered("消防设施运行情况。具体要求如下：".into(), rules);
        assert_eq!(c.title, "消防设施运行情况");
        let c = Candidate::numbered(
            "开展高层建筑消防安全专项治理，2024年6月底前完成检测。（责任单位：防火监督处）".into(),
            rules,
        );
        assert_eq!(c.title, "开展高层建筑消防安全专项治理");
        assert_eq!(c.own_units.map(|u| u.lead), Some(vec!["防火监督处".to_owned()]));
    }
}
