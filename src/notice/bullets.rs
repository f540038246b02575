//! 项目符号 — items opened by a bullet (●建设、水利等部门加强…; ◆各乡镇要…) instead of a
//! number. A 工作提示函 or a page's list often numbers nothing; its bullets are its items, one
//! requirement each. They are numbered ①②… here, the innermost numbering, counted again
//! after every numbered heading, so the outline reads them as it reads any list.

use super::numbering::{Kind, marker_of};

/// Characters that open a bulleted item.
const BULLETS: [char; 10] = ['●', '◆', '■', '•', '★', '▲', '◇', '□', '○', '►'];

/// The lines with their bullets numbered, when two or more lines open with the same bullet
/// and the text numbers nothing with ① already (a run longer than twenty is left alone).
pub fn number_bullets(lines: &[&str]) -> Option<Vec<String>> {
    // Most texts bullet nothing: the first characters are told before any line is read whole.
    let opens = |l: &str| l.chars().next().filter(|c| BULLETS.contains(c));
    lines.iter().filter(|l| opens(l).is_some()).nth(1)?;
    // A page's links and form fields are bulleted too (●上一篇文章, ●姓  名): only a bullet
    // before a sentence opens an item.
    let bullet_of = |l: &str| {
        let c = opens(l)?;
        (l.chars().count() >= 20 && l.contains(['，', ',', '。', '；'])).then_some(c)
    };
    let bullet = BULLETS
        .iter()
        .copied()
        .find(|b| lines.iter().filter(|l| opens(l) == Some(*b) && bullet_of(l).is_some()).nth(1).is_some())?;
    if lines.iter().any(|l| marker_of(l).is_some_and(|m| m.kind == Kind::Circled)) {
        return None;
    }
    let mut count = 0u32;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match line.strip_prefix(bullet).filter(|_| bullet_of(line).is_some()) {
            Some(rest) => {
                count += 1;
                let number = char::from_u32('①' as u32 + count - 1).filter(|_| count <= 20)?;
                out.push(format!("{number}{}", rest.trim_start()));
            }
            None => {
                if marker_of(line).is_some() {
                    count = 0;
                }
                out.push((*line).to_owned());
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_become_the_innermost_numbers() {
        let lines = [
            "现将有关工作提示如下。",
            "●建设、水利等部门加强城乡供水管网和设施的防冻保温。",
            "●农业农村部门要指导做好越冬作物防冻抗寒工作。",
            "●上一篇文章",
            "湖州市",
        ];
        let out = number_bullets(&lines).expect("numbered");
        assert_eq!(out[1], "①建设、水利等部门加强城乡供水管网和设施的防冻保温。");
        assert_eq!(out[2], "②农业农村部门要指导做好越冬作物防冻抗寒工作。");
        assert_eq!(out[3], "●上一篇文章", "a link is no item");
    }

    #[test]
    fn counted_again_under_each_heading_and_one_bullet_is_none() {
        let item = |s: &str| format!("● {s}要加强巡查检查，严防火灾事故的发生。");
        let (a, b, c) = (item("甲"), item("乙"), item("丙"));
        let lines = ["一、防冻", a.as_str(), b.as_str(), "二、值守", c.as_str()];
        let out = number_bullets(&lines).expect("numbered");
        assert!(out[4].starts_with("①丙"));
        assert!(out[2].starts_with("②乙"));
        assert_eq!(number_bullets(&[a.as_str(), "正文"]), None, "one bullet is no list");
        assert_eq!(number_bullets(&["①甲", a.as_str(), b.as_str()]), None, "① already numbers something");
    }
}
