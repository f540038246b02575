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

/// `各区` followed by `县级市…`: one collective written with a 、.
fn joins_next(name: &str, next: &str) -> bool {
    matches!(name, "各区" | "各县" | "各市" | "各区县") && next.starts_with(['县', '市', '区'])
}

/// Splits a list of names and appends the new ones to `into`, as written.
pub fn push_names(into: &mut Vec<String>, list: &str) {
    let parts: Vec<&str> = split_top_level(list, &['、', '，', ',', '；', ';', ' ', '\u{3000}', '\t'])
        .into_iter()
        .map(|p| p.trim().trim_end_matches(['。', '.']))
        .filter(|p| !p.is_empty())
        .collect();
    let mut i = 0;
    while i < parts.len() {
        let mut name = parts[i].to_owned();
        while let Some(next) = parts.get(i + 1)
            && joins_next(parts[i], next)
        {
            name = format!("{name}、{next}");
            i += 1;
        }
        if !into.contains(&name) {
            into.push(name);
        }
        i += 1;
    }
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
        assert_eq!(names("防火监督处、防火监督处，各支队。"), ["防火监督处", "各支队"]);
    }
}
