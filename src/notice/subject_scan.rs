//! 主语扫描 — every unit a text names as a subject, clause by clause: with a modal
//! (`县国土房管局要…`), a 各-collective before its verb, after 要求 or 由, or opening a sentence.
//! Split from subject.rs, which reads one subject; this walks a requirement's clauses with it.

use super::subject::{asked_collective, collective_units, modal_subject, subject_units};
use super::subject_verb::{collective_before_verb, opening_subject};

/// Words that open what a sentence acts on (按照…的要求，各级人民政府负责…): the unit after
/// them is the sentence's subject.
pub const BASIS: [&str; 4] = ["按照", "根据", "依据", "依照"];

/// The units a requirement names as the subject of one of its sentences or phrases
/// (`自检自查。全县各机关要…`, `…，各队站积极组织…`, `要求各村做好…`), or that a sentence opens
/// with before its verb (`市县两级应急管理部门对…实施监督管理`, `按照…的要求，各级人民政府负责…`,
/// `并由本级消防救援机构负责实施`).
pub fn units_in(text: &str) -> Option<Vec<String>> {
    // 国会俱乐部:208包厢存在…, 未亮证经营:五月花酒吧、C2酒吧: a unit named by a label.
    let mut found: Vec<String> = super::labelled::units(text).unwrap_or_default();
    let mut first_collective = None;
    for clause in super::text::split_clauses(text) {
        let t = super::text::clean_line(clause.text);
        let t = super::text::after_spoken_ordinal(t, &['是']).unwrap_or(t);
        let pieces: Vec<&str> = t.split(['，', ',']).collect();
        // Whether the piece before named a subject after those who lead (由…副县长牵头,县府办…).
        let mut after_subject = false;
        for (k, piece) in pieces.iter().enumerate() {
            let led = k > 0 && pieces[k - 1].trim_end().ends_with("牵头");
            let follows = std::mem::take(&mut after_subject) || led;
            let piece = piece.trim();
            // 县工商、石油等部门,要按照…: a subject set off by a comma from its modal.
            let comma_subject = || {
                // The text after this piece's comma, not copied: the pieces are slices of `t`.
                let next = pieces.get(k + 1)?;
                let rest = &t[next.as_ptr() as usize - t.as_ptr() as usize..];
                super::subject::set_off_subject(piece, rest).map(|u| (u, 0))
            };
            if let Some((units, _)) = modal_subject(piece).or_else(comma_subject) {
                // Every unit that is the subject of a requirement here (各责任单位要…。牵头单位要…).
                add_new(&mut found, units);
                continue;
            }
            // A sentence's first words, or the words after its opening 按照/根据… phrase, or
            // after 并由: the unit that does what the sentence says.
            // After a semicolon too: …联合编制预算;县住建局积极争取上级补助资金.
            // 由…副县长牵头,县府办及时出台…,县消防大队做好统筹协调,全县各级各部门认真履职:
            // after a subject (or the officials who lead), a piece that opens with a unit
            // before its verb names one more.
            // 一是要加强宣传,林业工作站制定宣传单: after a short headline of a bare 要, too.
            let headline = |p: &str| p.starts_with('要') && !p.starts_with("要求") && p.chars().count() <= 8;
            let opens = k == 0
                || (k == 1
                    && (BASIS.iter().any(|w| pieces[0].trim().starts_with(w)) || headline(pieces[0].trim())))
                || follows;
            // 请各学校和培训机构(托儿所)从即日起…: after a sentence's 请, the units asked.
            let asked_by_please = || {
                // 希望各单位切实履行…: a wish is asked of the units after it as 请 is. After a
                // comma too when a collective follows (学生安全至关重要,请各住宿书院高度重视).
                let after = piece.strip_prefix('请').or_else(|| piece.strip_prefix("希望"))?;
                let opens_sentence = k == 0 && clause.sentence_start;
                if !opens_sentence && !after.starts_with('各') {
                    return None;
                }
                // 请各乡镇人民政府,高新西区管委会,…: a list of names the commas go on with, up
                // to the name before the verb.
                if let Some(first) = subject_units(after) {
                    return Some(comma_listed(first, &pieces[k + 1..]));
                }
                super::subject_verb::named_before_verb(after).or_else(|| asked_collective(after))
            };
            // 各系部请于2018年9月10日前完成自查: the units, then 请 and what they are asked.
            let before_please = || {
                if k != 0 {
                    return None;
                }
                let at = piece.find('请').filter(|&at| at > 0 && piece[..at].chars().count() <= 30)?;
                let named = &piece[..at];
                // 各市县、各有关部门和单位的…工作方案请于6月20日前报送: whose the thing sent is.
                let owner = || named.split_once('的').and_then(|(owner, _)| subject_units(owner));
                let units = if named.chars().count() <= 12 { subject_units(named) } else { None };
                units.or_else(owner)
            };
            if let Some(units) = asked_by_please().or_else(before_please) {
                add_new(&mut found, units);
                continue;
            }
            let by = piece
                .strip_prefix("并由")
                .or_else(|| piece.strip_prefix('由'))
                .or_else(|| agent_after(piece));
            // 由矿山企业填报, 由各市(州)级安全监管部门汇总后报送: whoever 由 names does it, whatever
            // the verb.
            let by_agent = || by.and_then(opening_subject);
            if let Some(units) = by_agent().or_else(|| opens.then(|| opening_subject(piece)).flatten()) {
                add_new(&mut found, units);
                after_subject = follows;
                continue;
            }
            // 并要求相关镇(街道)在3月15日前完成…: the units asked, after 并 or 同时.
            let asked = piece.strip_prefix('并').or_else(|| piece.strip_prefix("同时")).unwrap_or(piece);
            if let Some(units) = asked.strip_prefix("要求").filter(|_| k > 0).and_then(asked_collective) {
                add_new(&mut found, units);
                continue;
            }
            // 同时,要求县纪委、监委派员…: after 同时 or 并, whoever 要求 names is asked.
            let joined =
                asked.len() < piece.len() || (k > 0 && matches!(pieces[k - 1].trim(), "同时" | "并"));
            if let Some(units) = asked
                .strip_prefix("要求")
                .filter(|_| joined)
                .and_then(super::subject_verb::named_after_please)
            {
                add_new(&mut found, units);
                continue;
            }
            let after = asked.strip_prefix("要求").unwrap_or(piece);
            if let Some((u, _)) = collective_before_verb(after) {
                // 各行业安委会结合…，各村居安委会结合…: a collective after the first names a
                // subject of its own when a subject was already found.
                if !found.is_empty() && k > 0 {
                    add_new(&mut found, collective_units(&u));
                } else if first_collective.is_none() {
                    first_collective = Some(collective_units(&u));
                }
            }
        }
    }
    if found.is_empty() { first_collective } else { Some(found) }
}

/// Every unit a text names as the subject of one of its phrases, with a modal (`县国土房管局
/// 要…`) or a 各-collective before its verb (`各街道办事处和乡镇人民政府对…`), in order.
pub fn all_subjects(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for clause in super::text::split_clauses(text) {
        for piece in super::text::clean_line(clause.text).split(['，', ',']) {
            let piece = piece.trim();
            // …说明,要求各单位建立健全…: the collective asked, after 要求.
            let asked = piece.strip_prefix("要求");
            let units = modal_subject(piece)
                .map(|(u, _)| u)
                .or_else(|| collective_before_verb(piece).map(|(c, _)| collective_units(&c)))
                .or_else(|| asked.and_then(asked_collective));
            for u in units.into_iter().flatten() {
                if !found.contains(&u) {
                    found.push(u);
                }
            }
        }
    }
    found
}

/// 请各乡镇人民政府,高新西区管委会,广汉市工业集中发展区及时将…: after a first name set off by a
/// comma, more short names, each a piece of its own, up to one followed by its verb
/// (请各单位,按照要求…: the one name is the one asked).
fn comma_listed(mut units: Vec<String>, pieces: &[&str]) -> Vec<String> {
    for piece in pieces {
        let p = piece.trim();
        if let Some(more) = subject_units(p).filter(|_| p.chars().count() <= 16) {
            add_new(&mut units, more);
            continue;
        }
        if let Some(last) =
            super::subject_verb::named_after_please(p).filter(|_| !super::subject::is_modal(p))
        {
            add_new(&mut units, last);
        }
        break;
    }
    units
}

/// `有主采空区信息由矿山企业填报`: what is done, then 由 and who does it (not 由于, 由此, 理由).
fn agent_after(piece: &str) -> Option<&str> {
    by_agent(piece, 1..=12).map(|(_, after)| after)
}

/// A piece's words before its 由 (`before` characters of them) and after it, when 由 names who
/// does the work (not 由于, 由此, 由来, 理由, 自由, 经由, 缘由, 事由, nor after what is asked).
pub fn by_agent(piece: &str, before: std::ops::RangeInclusive<usize>) -> Option<(&str, &str)> {
    let at = piece.find('由').filter(|&at| before.contains(&piece[..at].chars().count()))?;
    let (done, after) = (&piece[..at], &piece[at + '由'.len_utf8()..]);
    let word = done.ends_with(['理', '自', '经', '缘', '事']) || after.starts_with(['于', '此', '来', '衷']);
    let asked = done.contains(['要', '请', '应']);
    (!word && !asked).then_some((done, after))
}

/// Adds the units not yet in `found`, in order.
fn add_new(found: &mut Vec<String>, units: Vec<String>) {
    for u in units {
        if !found.contains(&u) {
            found.push(u);
        }
    }
}
