//! 说明性部分中的要求 — a part that describes (二、检查主要内容, 二、夜查重点内容) may still ask
//! units for something by 请 (（三）请各教学单位…做好值班工作, a closing 请各社会单位…): those
//! items and paragraphs are kept as requirements while the rest stays described. Split from
//! section.rs, which asks.

use super::outline::{Entry, Item};
use super::text::clean_line;

/// The part with only its items and paragraphs that ask units by 请 (请各教学单位…, 请有关单位…)
/// or whose collectives do the work (各科室(中心)开展全面自查), when it has any.
pub fn asking_items<'a>(item: &Item<'a>) -> Option<Item<'a>> {
    // 请各社会单位…积极配合夜查行动 after the described items: a paragraph that asks, too.
    let asks_text = |t: &str| {
        clean_line(t)
            .strip_prefix('请')
            .is_some_and(|r| ["各", "有关", "相关"].iter().any(|w| r.starts_with(w)))
    };
    // 三、检查方式 1.各科室(中心)开展全面自查。: an item whose collectives do the work.
    let collectives_act = |t: &str| {
        let t = clean_line(t);
        let first = t.split('。').next().unwrap_or(t);
        super::subject::collective_before_verb(first).is_some() && !first.ends_with("情况")
    };
    let asks = |c: &Item| asks_text(c.head) || collectives_act(c.head);
    // A paragraph after the last item reads as that item's continuation: it is looked for
    // there too.
    let entries: Vec<Entry<'a>> = item
        .entries
        .iter()
        .flat_map(|e| match e {
            Entry::Item(c) if asks(c) => vec![e.clone()],
            Entry::Item(c) => {
                c.entries.iter().filter(|e| matches!(e, Entry::Text(t) if asks_text(t))).cloned().collect()
            }
            Entry::Text(t) if asks_text(t) => vec![e.clone()],
            _ => Vec::new(),
        })
        .collect();
    (!entries.is_empty()).then(|| Item { entries, ..item.clone() })
}
