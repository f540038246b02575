//! Splitting lists of names (单位、处室) without breaking names that hold their own brackets
//! (`各县（市、区）人民政府`) or collectives written with a 、 (`各区、县级市`).

/// Splits at any of `seps` outside brackets.
pub fn split_top_level<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '〔' => depth += 1,
            '）' | ')' | '〕' => depth -= 1,
            c if depth <= 0 && seps.contains(&c) => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// `市安委会有关成员单位及有关产业园区`: two units joined by 及 or 和 are two, when each side is a
/// unit by itself (`团体和企事业单位` stays one).
fn joined_units(part: &str) -> Vec<&str> {
    let halves = split_top_level(part, &['及', '和']);
    match halves.as_slice() {
        [a, b] if super::unit_name::is_unit(a) && super::unit_name::is_unit(b) => halves,
        _ => vec![part],
    }
}

/// `各区` followed by `县级市…`: one collective written with a 、 (also `各区、县(专业)监督站`,
/// `各区、开发区住建局`: the bodies of each district and county). A part that names its own
/// collective (`市直各部门`) is another unit.
pub fn joins_next(name: &str, next: &str) -> bool {
    // 各行业、系统主管部门: the bodies of each trade and system, one collective.
    let domains = matches!(name, "各行业" | "各系统" | "各领域")
        && ["主管部门", "部门", "单位"].iter().any(|e| next.ends_with(e))
        && next.chars().count() <= 8
        && !next.contains('各');
    domains
        // 各辖市、区安监局; 各市、省直管县人民政府安委会办公室: each city's and county's.
        || matches!(name, "各区" | "各县" | "各市" | "各区县" | "各辖市" | "各地市" | "各设区市" | "各州")
            && (next.starts_with(['县', '市', '区', '州'])
                || next.starts_with("开发区")
                || next.starts_with("省直管"))
            && !next.contains('各')
}

/// `各县、市、区政府`, `各市、州、县粮食局`: once a collective has joined its next place, a lone
/// place (市, 区, 州) joins the one after it too.
fn chain_continues(part: &str, next: &str) -> bool {
    matches!(part, "县" | "市" | "区" | "州" | "县级市")
        && next.starts_with(['县', '市', '区', '州'])
        && !next.contains('各')
}

/// Splits a list of names and appends the new ones to `into`, as written.
pub fn push_names(into: &mut Vec<String>, list: &str) {
    let list = rejoin_cut_names(list);
    // 市疫情防控指挥部办公室、市卫生健康委等: a list governed by 等 is one name, as written.
    let parts: Vec<&str> = split_top_level(&list, &['，', ',', '；', ';', ' ', '\u{3000}', '\t'])
        .into_iter()
        .flat_map(|chunk| {
            let chunk = chunk.trim().trim_end_matches(['。', '.']);
            if chunk.ends_with('等') && chunk.contains('、') {
                vec![chunk]
            } else {
                split_top_level(chunk, &['、'])
            }
        })
        .map(|p| p.trim().trim_end_matches(['。', '.']))
        .filter(|p| !p.is_empty())
        .flat_map(joined_units)
        .collect();
    let mut i = 0;
    while i < parts.len() {
        let mut name = parts[i].to_owned();
        let mut joined = false;
        while let Some(next) = parts.get(i + 1)
            && (joins_next(parts[i], next) || joined && chain_continues(parts[i], next))
        {
            joined = true;
            name = format!("{name}、{next}");
            i += 1;
        }
        if !into.contains(&name) {
            into.push(name);
        }
        i += 1;
    }
}

/// `农 办、供电所`: a space inside a name (a lost character, a page's layout) after a single
/// character, which no unit is, joins the name again.
fn rejoin_cut_names(list: &str) -> std::borrow::Cow<'_, str> {
    if !list.contains(' ') {
        return std::borrow::Cow::Borrowed(list);
    }
    let han = super::text::is_han;
    let chars: Vec<char> = list.chars().collect();
    let cut = |k: usize| {
        k >= 1
            && chars[k] == ' '
            && han(chars[k - 1])
            && chars.get(k + 1).is_some_and(|&c| han(c))
            && (k == 1 || !han(chars[k - 2]))
    };
    if !(0..chars.len()).any(cut) {
        return std::borrow::Cow::Borrowed(list);
    }
    std::borrow::Cow::Owned(chars.iter().enumerate().filter(|&(k, _)| !cut(k)).map(|(_, c)| c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &str) -> Vec<String> {
        let mut v = Vec::new();
        push_names(&mut v, list);
        v
    }

    #[test]
    fn keeps_bracketed_names_and_collectives_whole() {
        assert_eq!(
            names("市公安局交警支队、各区、县级市人民政府、各县（市、区）人民政府"),
            ["市公安局交警支队", "各区、县级市人民政府", "各县（市、区）人民政府"]
        );
        assert_eq!(names("各区、县级市"), ["各区、县级市"]);
        assert_eq!(names("市财政局，各县、市、区政府"), ["市财政局", "各县、市、区政府"]);
        assert_eq!(names("各行业、系统主管部门"), ["各行业、系统主管部门"]);
        assert_eq!(names("防火监督处、防火监督处，各支队。"), ["防火监督处", "各支队"]);
    }

    #[test]
    fn a_name_cut_after_one_character_is_joined_again() {
        assert_eq!(names("农 办、供电所"), ["农办", "供电所"]);
        assert_eq!(
            names("市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)"),
            ["市疫情防控指挥部办公室、市卫生健康委等", "各县(市、区)政府(管委会)"]
        );
        assert_eq!(names("县应急局 县消防大队"), ["县应急局", "县消防大队"]);
    }
}
