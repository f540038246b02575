//! Small text helpers shared by the parser: line cleaning and clause splitting.

/// Trims ASCII and full-width whitespace and a stray BOM.
pub fn clean_line(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{3000}')
}

/// `???(一)第一检查督导组;`: a page whose non-breaking spaces were saved as `?` keeps them
/// before its items' numbers. The line without them (a line of nothing but `?` stays).
pub fn without_lost_spaces(line: &str) -> &str {
    let rest = line.trim_start().trim_start_matches('?');
    if rest.len() < line.trim_start().len() && !rest.is_empty() { rest } else { line }
}

/// A clause of running text, up to and including its end mark (。！？；) and any closing
/// quotes or brackets after it. Concatenating all clauses gives back the text exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause<'a> {
    pub text: &'a str,
    /// True when the clause begins a sentence (the previous one ended in 。！？, or it is first);
    /// false after a ；.
    pub sentence_start: bool,
}

impl Clause<'_> {
    /// The clause without surrounding whitespace.
    pub fn trimmed(&self) -> &str {
        clean_line(self.text)
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | '"' | '\'')
}

/// Where clauses end, in order: the byte offset after each clause (its end mark and the
/// closers and further end marks it keeps) and whether it ends a sentence. Brackets open
/// across clauses only at a line break.
struct ClauseEnds<'a> {
    text: &'a str,
    pos: usize,
    depth: i32,
}

impl Iterator for ClauseEnds<'_> {
    type Item = (usize, bool);

    fn next(&mut self) -> Option<(usize, bool)> {
        let base = self.pos;
        let mut chars = self.text[base..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '（' | '(' => self.depth += 1,
                '）' | ')' => self.depth = (self.depth - 1).max(0),
                _ => {}
            }
            let ends_sentence = is_sentence_end(c) || c == '\n';
            if (self.depth == 0 || c == '\n') && (ends_sentence || matches!(c, '；' | ';')) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if is_closer(next) || (ends_sentence && (is_sentence_end(next) || next == '\n')) {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                self.pos = base + end;
                return Some((base + end, ends_sentence));
            }
        }
        self.pos = self.text.len();
        None
    }
}

/// Whether `c` is a Han character of the basic block (汉字 in running text; no punctuation).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `加强领导.开展安全生产大检查`: a half-width full stop between two Chinese characters ends a
/// sentence as 。 does (pages typed with an English keyboard); `1.5万元`, `v1.2` stay.
pub fn han_full_stops(line: &str) -> std::borrow::Cow<'_, str> {
    let han = |c: Option<char>| c.is_some_and(is_han);
    if !line.contains('.') {
        return std::borrow::Cow::Borrowed(line);
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = c == '.' && i > 0 && han(chars.get(i - 1).copied()) && han(chars.get(i + 1).copied());
        out.push(if between { '。' } else { c });
    }
    std::borrow::Cow::Owned(out)
}

/// Splits running text into clauses at 。！？ and line breaks (sentence ends) and ；/;
/// (clause ends), never inside parentheses.
pub fn split_clauses(text: &str) -> Vec<Clause<'_>> {
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut sentence_start = true;
    for (end, ends_sentence) in (ClauseEnds { text, pos: 0, depth: 0 }) {
        clauses.push(Clause { text: &text[start..end], sentence_start });
        sentence_start = ends_sentence;
        start = end;
    }
    if !clean_line(&text[start..]).is_empty() {
        clauses.push(Clause { text: &text[start..], sentence_start });
    } else if let Some(last) = clauses.last_mut() {
        // Keep trailing whitespace with the last clause so nothing is dropped.
        let begin = last.text.as_ptr() as usize - text.as_ptr() as usize;
        last.text = &text[begin..];
    }
    clauses
}

/// The text of the first of [`split_clauses`], without splitting the rest ("" for none).
pub fn first_clause(text: &str) -> &str {
    let mut ends = ClauseEnds { text, pos: 0, depth: 0 };
    match ends.next() {
        // The first clause is also the last when nothing but whitespace follows it (a line
        // break would end a clause of its own): it then keeps that whitespace.
        Some((end, _)) if clean_line(&text[end..]).is_empty() && ends.next().is_none() => text,
        Some((end, _)) => &text[..end],
        None if clean_line(text).is_empty() => "",
        None => text,
    }
}

/// The words after a spoken ordinal (`一是`, `十一是`, with `ends` the characters that may
/// close it: 是, or 是/要), or `None` when `s` opens with none.
pub fn after_spoken_ordinal<'a>(s: &'a str, ends: &[char]) -> Option<&'a str> {
    let rest = s.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    if rest.len() == s.len() {
        return None;
    }
    rest.strip_prefix(ends)
}

/// Whether `s` opens with a spoken ordinal and its verb (一要, 二是, 叁是).
pub fn spoken_ordinal(s: &str) -> bool {
    after_spoken_ordinal(clean_line(s), &['是', '要']).is_some()
}

/// The clause's text up to its first comma (，,) or end mark, without the mark.
pub fn first_phrase(s: &str) -> &str {
    let s = clean_line(s);
    let end = s.find(['，', ',', '。', '；', ';', '！', '？', '：']).unwrap_or(s.len());
    &s[..end]
}

/// Removes a trailing end mark (。；！？) from a clause.
pub fn strip_end_mark(s: &str) -> &str {
    clean_line(clean_line(s).trim_end_matches(['。', '；', ';', '！', '？', '!', '?']))
}

/// Chinese numerals 一…九十九 as used for section numbers; returns the value.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] => digit(*a).filter(|v| *v > 0).or(if *a == '十' { Some(10) } else { None }),
        ['十', b] => digit(*b).filter(|v| *v > 0).map(|v| 10 + v),
        [a, '十'] => digit(*a).filter(|v| *v > 1).map(|v| v * 10),
        [a, '十', b] => Some(digit(*a).filter(|v| *v > 1)? * 10 + digit(*b).filter(|v| *v > 0)?),
        _ => None,
    }
}

/// The sentence that clause `k` opens: it and the clauses after it up to the next sentence.
pub fn sentence_at(clauses: &[Clause<'_>], k: usize) -> String {
    let rest = clauses.get(k + 1..).unwrap_or_default();
    let more = rest.iter().take_while(|c| !c.sentence_start).map(|c| c.text);
    clauses.get(k).map(|c| c.text).into_iter().chain(more).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spoken_ordinal_is_read_past() {
        assert_eq!(after_spoken_ordinal("十一是现场查阅台账", &['是']), Some("现场查阅台账"));
        assert_eq!(after_spoken_ordinal("一要加强巡查", &['是', '要']), Some("加强巡查"));
        assert_eq!(after_spoken_ordinal("一要加强巡查", &['是']), None);
        assert_eq!(after_spoken_ordinal("是否畅通", &['是']), None, "no numeral before 是");
    }

    #[test]
    fn clauses_rejoin_to_the_text() {
        let text = "要突出在建工地治理。联合检查，对于“彩钢板”；要严格依法查处（见附件。）。尾巴";
        let clauses = split_clauses(text);
        assert_eq!(clauses.iter().map(|c| c.text).collect::<String>(), text);
        assert_eq!(clauses.len(), 4);
        assert!(clauses[0].sentence_start && clauses[1].sentence_start && !clauses[2].sentence_start);
        assert_eq!(clauses[2].text, "要严格依法查处（见附件。）。");
    }

    #[test]
    fn the_first_clause_alone_is_the_first_of_all() {
        for text in [
            "",
            "  ",
            "\n",
            "尾巴",
            "要突出在建工地治理。联合检查；",
            "一句。 ",
            "一句。 \n",
            "一句。 \n ",
            "一句。\n\n二句",
            "（甲。乙）。丙",
            "（甲\n乙）；丙",
            "甲；  ",
        ] {
            let all = split_clauses(text);
            assert_eq!(first_clause(text), all.first().map_or("", |c| c.text), "{text:?}");
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let clauses = split_clauses("严防“山火进城。”再说。");
        assert_eq!(clauses[0].text, "严防“山火进城。”");
    }

    proptest::proptest! {
        #[test]
        fn the_first_clause_is_the_first_of_the_split(text in "[（）()。；;！？!?”\n 　甲乙a]{0,24}") {
            proptest::prop_assert_eq!(first_clause(&text), split_clauses(&text).first().map_or("", |c| c.text));
        }
    }

    #[test]
    fn reads_chinese_numbers() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("三十五"), Some(35));
        assert_eq!(chinese_number("是"), None);
        assert_eq!(chinese_number("一十"), None);
    }

    #[test]
    fn a_half_width_stop_between_chinese_words_ends_a_sentence() {
        assert_eq!(han_full_stops("提高认识,加强领导.开展检查"), "提高认识,加强领导。开展检查");
        assert_eq!(han_full_stops("投入1.5万元,v1.2版"), "投入1.5万元,v1.2版");
    }
}
