//! 层次 — the body's numbered items as a tree: sections (the outermost numbering) hold
//! items (（一）, 1., （1）, ①) that may hold items of their own. A line without a number
//! continues the item above it; a line that only names units is kept where it stands.

use super::numbering::{Kind, Marker, Sequence, marker_of};
use super::units::{UnitRules, standalone};

/// What an item holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry<'a> {
    /// A continuation line.
    Text(&'a str),
    /// A line naming units for the items above it (`（责任单位：X）`, `责任部门：X`).
    Units(&'a str),
    Item(Item<'a>),
}

/// A numbered item: its number, its first line, and what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    pub marker: Marker,
    /// The whole first line.
    pub line: &'a str,
    /// The first line after the number.
    pub head: &'a str,
    pub entries: Vec<Entry<'a>>,
}

impl<'a> Item<'a> {
    pub fn has_children(&self) -> bool {
        self.entries.iter().any(|e| matches!(e, Entry::Item(_)))
    }

    /// Every line under this item as written (children with their numbers).
    pub fn push_lines(&self, out: &mut Vec<&'a str>) {
        for e in &self.entries {
            match e {
                Entry::Text(l) | Entry::Units(l) => out.push(l),
                Entry::Item(i) => {
                    out.push(i.line);
                    i.push_lines(out);
                }
            }
        }
    }
}

/// The outermost numbering style used, and the line where it first appears.
pub fn top_kind(lines: &[&str]) -> Option<(Kind, usize)> {
    let kinds: Vec<Option<Kind>> = lines.iter().map(|l| marker_of(l).map(|m| m.kind)).collect();
    let top = kinds.iter().flatten().min().copied()?;
    let first = kinds.iter().position(|k| *k == Some(top))?;
    Some((top, first))
}

/// A copy that starts inside a section: before the first heading of the outermost numbering
/// stand items of a lower one that do not start at their first number (`（三）…（四）…` then
/// `八、工作要求`). Returns where they start and their numbering.
pub fn cut_start(before: &[&str], top: Kind) -> Option<(usize, Kind)> {
    let markers: Vec<(usize, Marker)> =
        before.iter().enumerate().filter_map(|(i, l)| marker_of(l).map(|m| (i, m))).collect();
    let &(start, first) = markers.iter().find(|(_, m)| m.kind > top)?;
    let same: Vec<u32> = markers.iter().filter(|(_, m)| m.kind == first.kind).map(|(_, m)| m.value).collect();
    let consecutive = same.windows(2).all(|w| w[1] == w[0] + 1);
    (first.value > 1 && same.len() >= 2 && consecutive).then_some((start, first.kind))
}

fn close_last<'a>(stack: &mut Vec<Item<'a>>, sections: &mut Vec<Item<'a>>) {
    if let Some(item) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.entries.push(Entry::Item(item)),
            None => sections.push(item),
        }
    }
}

/// A line that only gives a time: `完成时限：2024年6月底前`.
fn is_time_line(line: &str) -> bool {
    ["完成时限", "完成时间", "办结时限", "时限要求", "时间要求", "时限"]
        .iter()
        .any(|l| line.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])))
}

/// Adds `entry` to the last item under `item`, deepest first.
fn push_to_last<'a>(item: &mut Item<'a>, entry: Entry<'a>) {
    let last = item.entries.iter_mut().rev().find_map(|e| match e {
        Entry::Item(i) => Some(i),
        _ => None,
    });
    match last {
        Some(child) => push_to_last(child, entry),
        None => item.entries.push(entry),
    }
}

/// Builds the tree from body lines that start with a `top` item.
pub fn build<'a>(lines: &[&'a str], top: Kind, rules: UnitRules) -> Vec<Item<'a>> {
    let mut sequence = Sequence::new(top);
    let mut sections = Vec::new();
    let mut stack: Vec<Item<'a>> = Vec::new();
    let mut after_colon = false;
    for line in lines {
        let colon = std::mem::replace(&mut after_colon, line.trim_end().ends_with(['：', ':']));
        if let Some(marker) = marker_of(line).filter(|m| sequence.accept_after(*m, colon)) {
            while stack.last().is_some_and(|open| open.marker.kind >= marker.kind) {
                close_last(&mut stack, &mut sections);
            }
            stack.push(Item { marker, line, head: &line[marker.len..], entries: Vec::new() });
        } else if stack.len() == 1 && is_time_line(line) && stack.last().is_some_and(Item::has_children) {
            // 牵头单位：… / 责任单位：… / 完成时限：… under an item: the unit lines closed it,
            // the time is still its own.
            if let Some(section) = stack.last_mut() {
                push_to_last(section, Entry::Text(line));
            }
        } else if !stack.is_empty() {
            // A unit line closes the items under the section and stands at its level.
            if standalone(line, rules).is_some() {
                while stack.len() > 1 {
                    close_last(&mut stack, &mut sections);
                }
                if let Some(section) = stack.last_mut() {
                    section.entries.push(Entry::Units(line));
                }
            } else if let Some(open) = stack.last_mut() {
                open.entries.push(Entry::Text(line));
            }
        }
    }
    while !stack.is_empty() {
        close_last(&mut stack, &mut sections);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(item: &Item) -> String {
        let inner: Vec<String> = item
            .entries
            .iter()
            .map(|e| match e {
                Entry::Text(_) => "t".to_owned(),
                Entry::Units(_) => "u".to_owned(),
                Entry::Item(i) => shape(i),
            })
            .collect();
        format!("{}[{}]", item.marker.label(), inner.join(" "))
    }

    #[test]
    fn nests_by_style_and_keeps_unit_lines_at_section_level() {
        let lines = [
            "一、检查重点",
            "（一）高层建筑。",
            "1. 消防设施。具体要求如下：",
            "（1）抽查；",
            "（2）巡查。",
            "2. 通道。",
            "续行。",
            "（二）商业综合体。",
            "① 培训；",
            "（责任单位：甲）",
            "二、工作要求",
            "（一）加强领导。",
            "5. 不在序列中的行。",
        ];
        let (top, first) = top_kind(&lines).unwrap();
        assert_eq!((top, first), (Kind::Chinese, 0));
        let tree = build(&lines, top, UnitRules::default());
        let shapes: Vec<String> = tree.iter().map(shape).collect();
        assert_eq!(shapes, ["一[一[1[1[] 2[]] 2[t]] 二[1[]] u]", "二[一[t]]"]);
    }
}
