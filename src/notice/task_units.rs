//! 任务写明的单位 — units a task's text gives without making them a subject: a bracket of
//! names closing it as a 任务分解 writes them (`…增长12%。(市发改委)`), and the ones a 由…分包
//! sentence makes answer for each share. Apart from subject.rs, which reads subjects.

use super::unit_name::{is_name_char, is_unit};

/// `…增长12%。(市发改委)`: a bracket closing a task that holds nothing but unit names, as a
/// 任务分解 writes the responsible unit with no label. `None` for any other bracket
/// (`(详见附件)`, `(2024—2026年)`).
pub fn bare_bracket_units(text: &str) -> Option<Vec<String>> {
    let t = super::text::clean_line(text).trim_end_matches(['。', '；', ';', '.']).trim_end();
    let inner = t.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let inside = inner[open..].trim_start_matches(['（', '(']);
    // After a full stop only: `县防汛抗旱指挥部(县防指)` is a name's short form, not its units.
    let after_stop = inner[..open].trim_end().ends_with(['。', '；', ';', '.', '．', '！']);
    if inside.contains(['（', '(']) || !after_stop {
        return None;
    }
    // (县融媒体中心), (记者 张三): a news item's credit line, not its units.
    const CREDITS: [&str; 11] =
        ["媒体", "新闻", "电视", "广播", "报社", "日报", "记者", "通讯员", "供稿", "来源", "编辑"];
    if CREDITS.iter().any(|w| inside.contains(w)) {
        return None;
    }
    let parts = super::names::split_top_level(inside, &['、', '，', ',']);
    let units = parts
        .iter()
        .all(|p| is_unit(p) && !p.starts_with('各'))
        .then(|| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())?;
    (!units.is_empty()).then_some(units)
}

/// `由县(市、区)政府、行业系统分管领导分包“大网格”,乡镇、街道的工作人员分包“中网格”`: the
/// ones a 由…分包 sentence makes answer for each share, as written, in order.
pub fn contracted(text: &str) -> Option<Vec<String>> {
    let at = text.find("由")?;
    let sentence = &text[at + "由".len()..];
    let sentence = &sentence[..sentence.find(['。', '；', ';']).unwrap_or(sentence.len())];
    let name_ok = |n: &str| {
        let count = n.chars().count();
        (2..=30).contains(&count) && n.chars().all(|c| is_name_char(c) || c == '、')
    };
    let mut out: Vec<String> = Vec::new();
    // Each share is written as the first is: 分包“大网格” — `明确分包人员职责` is not a share.
    let mut form = None;
    for (k, piece) in sentence.split(['，', ',']).enumerate() {
        let Some(end) = piece.find("分包") else {
            if k == 0 {
                return None;
            }
            continue;
        };
        let next = piece[end + "分包".len()..].chars().next();
        if *form.get_or_insert(next) != next {
            continue;
        }
        let name = piece[..end].trim();
        if !name_ok(name) {
            return None;
        }
        if !out.iter().any(|o| o == name) {
            out.push(name.to_owned());
        }
    }
    (!out.is_empty()).then_some(out)
}
