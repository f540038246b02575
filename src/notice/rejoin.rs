//! 断行续接 — a copied page may break a line inside a sentence (`…配合其他部门开展联合` /
//! `整治;月牙塘社区、伦华物业公司于…`): the next line opens with the last words of the cut
//! sentence and then goes on with a requirement of its own, which the reader would otherwise
//! take as a paragraph that starts in mid-word. A long line that ends with no mark, followed by
//! a line whose first words (a few characters) end a sentence or a semicolon part, is one line.

/// A line shorter than this (in characters) is a heading or a caption, not a cut sentence.
const LONG: usize = 60;
/// The most characters the cut sentence's last words run on the next line.
const TAIL: usize = 6;

/// The lines with every cut sentence joined, or `None` when none was cut.
pub fn rejoin(lines: &[&str]) -> Option<Vec<String>> {
    let cut_after = |k: usize| lines.get(k + 1).is_some_and(|next| is_cut(lines[k], next));
    if !(0..lines.len()).any(cut_after) {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut joining = false;
    for (k, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(last) if joining => last.push_str(line),
            _ => out.push((*line).to_owned()),
        }
        joining = cut_after(k);
    }
    Some(out)
}

/// Whether `line` was cut inside a sentence that `next` finishes.
fn is_cut(line: &str, next: &str) -> bool {
    let ends_in_word = line.chars().next_back().is_some_and(super::text::is_han);
    if !ends_in_word || line.chars().count() < LONG {
        return false;
    }
    // An item's number opens a line of its own (一、, (一), 1.).
    if next.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十（(".contains(c)) {
        return false;
    }
    let Some(end) = next.find(['，', ',', '；', ';', '。', '：', ':', '！', '？']) else {
        return false;
    };
    let closes = next[end..].starts_with(['；', ';', '。']);
    closes && next[..end].chars().count() <= TAIL && next[..end].chars().all(super::text::is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUT: &str = "会议进行了安排部署,按照职能分工,区住建局、昆仑燃气公司利用10个工作日展开对小区安全隐患进行排查,燃气公司对已经存在的隐患点进行先期停气处理,配合其他部门开展联合";

    #[test]
    fn a_sentence_cut_at_a_line_break_is_joined() {
        let out = rejoin(&[CUT, "整治;月牙塘社区、伦华物业公司于10个工作日内认真梳理住户信息。"]).unwrap();
        assert_eq!(out.len(), 1);
        assert!(out[0].contains("开展联合整治;月牙塘社区"));
    }

    #[test]
    fn headings_captions_and_lead_ins_stay_apart() {
        assert!(rejoin(&["一、总体要求", "坚持预防为主。"]).is_none(), "a short line");
        assert!(rejoin(&[CUT, "会上,副县长指出当前形势严峻。"]).is_none(), "a lead-in ends with a comma");
        assert!(rejoin(&[CUT, "(一)加强排查;各乡镇要…"]).is_none(), "an item's number");
        assert!(rejoin(&[&format!("{CUT}。"), "整治;各乡镇要…"]).is_none(), "the line was finished");
    }
}
