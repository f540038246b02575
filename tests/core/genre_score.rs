//! The genre corpus scored (issue #15): real texts of the kinds a duty desk receives —
//! minutes, remarks, task-division lists, 督查通报, plans, notices — each with a hand-written
//! `expected.json` (tests/fixtures/genres/README.md gives its fields). Per text: is the number
//! of directives right, how many expected units were found (recall) and how many units the
//! parser named that the text does not (invented), how many deadlines were read right.
//!
//! Matching: a parsed directive answers an expected one when its text, without an ordinal
//! marker (一是, 一要, （一）, 1.), starts with the expected `text_start` — or holds it within
//! its first characters (a lead-in such as 会议要求， left in front), or right after its heading
//! sentence (a phase and its dates, （一）排查阶段（6月15日-7月15日）。); a table row's start
//! (`烟花爆竹 | 1月份`) by its first cell. Expected directives are
//! aligned in order, each to the first unmatched parsed directive after the last match. Units
//! are compared as written (punctuation width folded); the parser's lead and supporting units
//! together against the expected `units` and `support_units`.
//!
//! The table for any folder (the unseen set is scored once, at the end, by the lead):
//! `DUBAN_GENRES=tests/fixtures/genres/unseen cargo test --test core genre_table -- --ignored --nocapture`
//! (without the variable it prints the seen set). `genre_seen_set_holds_its_score` guards the
//! seen set's score against regressions.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::model::{DirectiveDraft, NoticeDraft};
use duban::notice::{decode_text, parse_notice};
use regex::Regex;
use serde_json::Value;

pub(crate) const SEEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres");

/// The date an officer would give as 印发日期 when the text does not date itself: from the
/// page's address (…/2019-05-23/…, /art/2023/1/9/, t20190523, /202303/), else this.
const NO_DATE: &str = "2024-06-01";
/// How far into a parsed directive's text its expected start may stand.
const START_SLACK: usize = 16;
/// The longest heading sentence a directive may keep before its expected start.
const HEADING_MAX: usize = 30;

/// Width-folded, without whitespace: `,` and `，` compare equal.
fn fold(s: &str) -> String {
    // A half-width stop after a Chinese word is 。, as the parser reads it between two words
    // (a text_start may end with it); 2.加强 stays.
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut prev = None;
    let s: String = s
        .chars()
        .map(|c| {
            let out = if c == '.' && prev.is_some_and(han) { '。' } else { c };
            prev = Some(c);
            out
        })
        .collect();
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ';' => '；',
            ',' => '，',
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

/// A directive's text without the ordinal marker it opens with.
fn without_marker(text: &str) -> String {
    static MARKER: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:[一二三四五六七八九十]+(?:是|要|、)|第[一二三四五六七八九十]+[，、]",
            r"|（[一二三四五六七八九十\d]+）|\d+[.、．]|[①-⑳])",
        ))
        .expect("marker regex")
    });
    let folded = fold(text);
    MARKER.replace(&folded, "").into_owned()
}

fn date_from_source(url: &str) -> Option<NaiveDate> {
    let full = |y: &str, m: &str, d: &str| {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    let patterns = [
        r"(20\d\d|19\d\d)-(\d{1,2})-(\d{1,2})",
        r"/(20\d\d|19\d\d)/(\d{1,2})/(\d{1,2})/",
        // An e-paper's path: html/2013-03/28/content_190075.htm.
        r"/(20\d\d|19\d\d)-(\d{1,2})/(\d{1,2})/",
        r"(?:^|[^\d])(20\d\d|19\d\d)(\d\d)(\d\d)(?:[^\d]|$)",
    ];
    for p in patterns {
        let re = Regex::new(p).expect("date regex");
        if let Some(d) = re.captures_iter(url).find_map(|c| full(&c[1], &c[2], &c[3])) {
            return Some(d);
        }
    }
    let month = Regex::new(r"(?:^|[^\d])(20\d\d|19\d\d)[_]?(\d\d)(?:[^\d]|$)").expect("month regex");
    month.captures_iter(url).find_map(|c| full(&c[1], &c[2], "1"))
}

/// What a text scores.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub name: String,
    pub genre: String,
    pub date: Option<NaiveDate>,
    pub refused: Option<String>,
    pub expected: usize,
    pub parsed: usize,
    pub matched: usize,
    pub units_expected: usize,
    pub units_found: usize,
    pub units_invented: usize,
    pub deadlines_expected: usize,
    pub deadlines_found: usize,
    /// Dates the parser gave where the text has none.
    pub deadlines_false: usize,
    /// What went wrong, for the table.
    pub misses: Vec<String>,
}

impl Score {
    pub fn count_right(&self) -> bool {
        self.expected == self.parsed
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(fold).collect()).unwrap_or_default()
}

fn directives(d: &NoticeDraft) -> Vec<&DirectiveDraft> {
    d.sections.iter().flat_map(|s| &s.directives).collect()
}

fn answers(parsed: &DirectiveDraft, text_start: &str) -> bool {
    let text = without_marker(&parsed.text);
    // `烟花爆竹 | 1月份`: a row of a flattened table is known by its first cell (the parser
    // rewrites the row as a task line with its limit and units).
    let text_start = text_start.split(" | ").next().unwrap_or(text_start);
    let start = fold(text_start);
    if text.starts_with(&start) {
        return true;
    }
    // 新建2座人行天桥。 for a row read as `新建2座人行天桥` (its limit and units taken out): the
    // same sentence without its stop.
    if start.strip_suffix('。').is_some_and(|s| text == s) {
        return true;
    }
    if text.char_indices().take(START_SLACK + 1).any(|(i, _)| text[i..].starts_with(&start)) {
        return true;
    }
    // （一）动员部署阶段（2011年9月26日至30日）。各级政府要…: the item's heading sentence
    // kept in front (a phase with its dates) — the same directive, read from its heading.
    let heading = text.find('。').filter(|&end| text[..end].chars().count() <= HEADING_MAX);
    heading.is_some_and(|end| text[end + '。'.len_utf8()..].trim_start().starts_with(&start))
}

fn units_of(d: &DirectiveDraft) -> Vec<String> {
    d.offices.iter().chain(&d.support_offices).map(|u| fold(u)).collect()
}

/// Scores one text against its expected result.
pub fn score(text_path: &Path) -> Score {
    let name = text_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let json_path = text_path.with_file_name(format!("{name}.expected.json"));
    let json = std::fs::read_to_string(&json_path).unwrap_or_else(|e| panic!("{json_path:?}: {e}"));
    let expected: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json_path:?}: {e}"));
    let want = expected["directives"].as_array().cloned().unwrap_or_default();
    // The text's own date where the gatherer knew it and the address carries none (`issued`),
    // else the date in the address.
    let date = expected["issued"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .or_else(|| expected["source"].as_str().and_then(date_from_source));
    let mut s = Score {
        name,
        genre: expected["genre"].as_str().unwrap_or("?").to_owned(),
        date,
        expected: want.len(),
        ..Score::default()
    };
    for w in &want {
        s.units_expected += strings(&w["units"]).len() + strings(&w["support_units"]).len();
        if !w["deadline"].is_null() || !w["deadline_text"].is_null() {
            s.deadlines_expected += 1;
        }
    }
    let bytes = std::fs::read(text_path).expect("text");
    let issued = date.unwrap_or_else(|| NO_DATE.parse().expect("date"));
    let draft = match decode_text(&bytes).and_then(|t| parse_notice(&t.text, issued)) {
        Ok(d) => d,
        Err(e) => {
            s.refused = Some(e.to_string());
            return s;
        }
    };
    let got = directives(&draft);
    s.parsed = got.len();
    let all_expected_units: Vec<String> = want
        .iter()
        .flat_map(|w| strings(&w["units"]).into_iter().chain(strings(&w["support_units"])))
        .collect();
    let mut used = vec![false; got.len()];
    let mut next = 0;
    for w in &want {
        let start = w["text_start"].as_str().unwrap_or("");
        let found = (next..got.len()).find(|&i| answers(got[i], start));
        let Some(i) = found else {
            s.misses.push(format!("未找到「{start}」"));
            continue;
        };
        used[i] = true;
        next = i + 1;
        s.matched += 1;
        let d = got[i];
        let have = units_of(d);
        let mut want_units = strings(&w["units"]);
        want_units.extend(strings(&w["support_units"]));
        for u in &want_units {
            if have.contains(u) {
                s.units_found += 1;
            } else {
                s.misses.push(format!("「{start}」缺单位 {u}"));
            }
        }
        for u in &have {
            if !want_units.contains(u) {
                s.units_invented += 1;
                s.misses.push(format!("「{start}」多出单位 {u}"));
            }
        }
        let want_date = w["deadline"].as_str().and_then(|d| d.parse::<NaiveDate>().ok());
        let want_text = w["deadline_text"].as_str().map(fold);
        match (want_date, want_text) {
            (Some(wd), _) => {
                if d.deadline.date == Some(wd) {
                    s.deadlines_found += 1;
                } else {
                    s.misses.push(format!("「{start}」时限 {:?}≠{wd}", d.deadline.date));
                }
            }
            (None, Some(wt)) => {
                let phrase = d.deadline.phrase.as_deref().map(fold).unwrap_or_default();
                if !phrase.is_empty() && (wt.contains(&phrase) || phrase.contains(&wt)) {
                    s.deadlines_found += 1;
                } else {
                    s.misses.push(format!("「{start}」时限 {phrase:?}≠{wt}"));
                }
            }
            (None, None) => {
                if let Some(date) = d.deadline.date {
                    s.deadlines_false += 1;
                    s.misses.push(format!("「{start}」多出时限 {date}"));
                }
            }
        }
    }
    for (i, d) in got.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let head: String = d.text.chars().take(14).collect();
        s.misses.push(format!("多出「{head}」"));
        for u in units_of(d) {
            if !all_expected_units.contains(&u) {
                s.units_invented += 1;
                s.misses.push(format!("第{}条多出单位 {u}", i + 1));
            }
        }
    }
    s
}

/// Every text of a folder (not its subfolders), scored.
pub fn score_dir(dir: &Path) -> Vec<Score> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts.iter().map(|p| score(p)).collect()
}

/// Totals over some texts.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Totals {
    pub texts: usize,
    pub count_right: usize,
    pub refused: usize,
    pub units_expected: usize,
    pub units_found: usize,
    pub units_invented: usize,
    pub deadlines_expected: usize,
    pub deadlines_found: usize,
    pub deadlines_false: usize,
}

impl Totals {
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a Score>) -> Totals {
        let mut t = Totals::default();
        for s in scores {
            t.texts += 1;
            t.count_right += usize::from(s.count_right());
            t.refused += usize::from(s.refused.is_some() && s.expected > 0);
            t.units_expected += s.units_expected;
            t.units_found += s.units_found;
            t.units_invented += s.units_invented;
            t.deadlines_expected += s.deadlines_expected;
            t.deadlines_found += s.deadlines_found;
            t.deadlines_false += s.deadlines_false;
        }
        t
    }

    pub fn unit_recall(&self) -> f64 {
        ratio(self.units_found, self.units_expected)
    }

    pub fn deadline_recall(&self) -> f64 {
        ratio(self.deadlines_found, self.deadlines_expected)
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label:<14} 条数正确 {:>2}/{:<2} 拒绝 {}  单位召回 {:>3}/{:<3} = {:.2}  多出单位 {:>2}  时限召回 {:>2}/{:<2} = {:.2}  多出时限 {}",
            self.count_right,
            self.texts,
            self.refused,
            self.units_found,
            self.units_expected,
            self.unit_recall(),
            self.units_invented,
            self.deadlines_found,
            self.deadlines_expected,
            self.deadline_recall(),
            self.deadlines_false,
        )
    }
}

fn ratio(found: usize, expected: usize) -> f64 {
    if expected == 0 { 1.0 } else { found as f64 / expected as f64 }
}

/// The per-text table, the totals per genre and over all.
pub fn table(scores: &[Score]) -> String {
    let mut out = String::new();
    for s in scores {
        let count = match &s.refused {
            Some(_) => format!("{:>2} → 拒绝", s.expected),
            None => format!("{:>2} → {:<2}", s.expected, s.parsed),
        };
        let mark = if s.count_right() { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "{mark} {:<40} {:<13} {count}  单位 {}/{} 多{}  时限 {}/{} 多{}  ({})",
            s.name,
            s.genre,
            s.units_found,
            s.units_expected,
            s.units_invented,
            s.deadlines_found,
            s.deadlines_expected,
            s.deadlines_false,
            s.date.map_or_else(|| format!("{NO_DATE}?"), |d| d.to_string()),
        );
        if let Some(e) = &s.refused {
            let _ = writeln!(out, "      拒绝：{e}");
        }
        for m in &s.misses {
            let _ = writeln!(out, "      {m}");
        }
    }
    let mut genres: BTreeMap<&str, Vec<&Score>> = BTreeMap::new();
    for s in scores {
        genres.entry(s.genre.as_str()).or_default().push(s);
    }
    out.push('\n');
    for (genre, list) in genres {
        let _ = writeln!(out, "{}", Totals::of(list).line(genre));
    }
    let _ = writeln!(out, "{}", Totals::of(scores).line("合计"));
    out
}

/// The folder to score: `DUBAN_GENRES` (relative to the crate), else the seen set.
fn chosen_dir() -> PathBuf {
    match std::env::var_os("DUBAN_GENRES") {
        Some(d) => {
            let d = PathBuf::from(d);
            if d.is_absolute() { d } else { Path::new(env!("CARGO_MANIFEST_DIR")).join(d) }
        }
        None => PathBuf::from(SEEN),
    }
}

#[test]
#[ignore = "prints the score table; DUBAN_GENRES=folder chooses the texts"]
fn genre_table() {
    let scores = score_dir(&chosen_dir());
    println!("{}", table(&scores));
}

#[test]
fn the_harness_matches_and_counts() {
    assert_eq!(without_marker("一是要加强巡查"), "要加强巡查");
    assert_eq!(without_marker("（三）加强巡查"), "加强巡查");
    assert_eq!(without_marker("2.加强巡查"), "加强巡查");
    assert_eq!(without_marker("一要强化担当"), "强化担当");
    assert_eq!(fold("(责任单位: 住建局)"), "（责任单位：住建局）");
    assert_eq!(date_from_source("http://x.cn/a/201905/t20190523_301209.html"), "2019-05-23".parse().ok());
    assert_eq!(date_from_source("https://x.cn/art/2023/1/9/art_1.html"), "2023-01-09".parse().ok());
    assert_eq!(date_from_source("http://x.cn/zwyw/202602/a46d.shtml"), "2026-02-01".parse().ok());
    assert_eq!(date_from_source("https://meipian.cn/3c1i5fhr"), None);
}

/// What a scored set must keep: its size and floors (`invented` and `false_deadlines` are
/// ceilings). Nothing may be refused.
pub(crate) struct Floor {
    texts: usize,
    right: usize,
    unit_recall: f64,
    invented: usize,
    deadline_recall: f64,
    false_deadlines: usize,
}

impl Floor {
    /// A set of `texts`, at least `right` right counts, unit recall ≥ `unit_recall` with at most
    /// `invented`, deadline recall ≥ `deadline_recall`, no false deadline.
    pub(crate) fn new(
        texts: usize,
        right: usize,
        unit_recall: f64,
        invented: usize,
        deadline_recall: f64,
    ) -> Floor {
        Floor { texts, right, unit_recall, invented, deadline_recall, false_deadlines: 0 }
    }

    /// Allows `n` deadlines the gatherer did not give, each a judgement call the notes name.
    pub(crate) fn with_false_deadlines(self, n: usize) -> Floor {
        Floor { false_deadlines: n, ..self }
    }
}

pub(crate) fn holds(dir: &Path, floor: Floor) {
    let scores = score_dir(dir);
    let t = Totals::of(&scores);
    let report = table(&scores);
    assert_eq!(t.texts, floor.texts, "{report}");
    assert_eq!(t.refused, 0, "{report}");
    assert!(t.count_right >= floor.right, "{report}");
    assert!(t.unit_recall() >= floor.unit_recall, "{report}");
    assert!(t.units_invented <= floor.invented, "{report}");
    assert!(t.deadline_recall() >= floor.deadline_recall, "{report}");
    assert!(t.deadlines_false <= floor.false_deadlines, "{report}");
}

/// The seen set keeps the score it reached (issue #15's bar, on texts the parser was tuned on):
/// a change that loses a genre shows here first.
#[test]
fn genre_seen_set_holds_its_score() {
    let floor = Floor::new(30, 29, 0.97, 0, 0.9);
    holds(Path::new(SEEN), floor);
}

/// The former unseen set (tests/fixtures/genres/unseen/, scored once on 2026-12-01 at 10/15
/// right counts, unit recall 0.40, deadline recall 0.11) became training material; it keeps
/// issue #15's bar from then on. Its score is no longer a measure of texts never seen.
#[test]
fn genre_former_unseen_set_holds_the_bar() {
    let floor = Floor::new(15, 15, 0.95, 0, 0.9);
    holds(&Path::new(SEEN).join("unseen"), floor);
}

/// The second unseen set (tests/fixtures/genres/unseen2/, 22 real texts gathered and given their
/// expected results by a helper who never ran the parser; SOURCES.md says where each came from)
/// was scored once, on 2026-12-01, after the parser's second pass: 13/22 right counts, unit
/// recall 53/96 = 0.55 with 7 invented, deadline recall 8/9, none refused — below issue #15's
/// bar (SCORE-2026-12-01.log). From now on it is training material; this keeps it from getting
/// worse while the next pass works on it. The next honest score needs texts not yet seen.
/// After the third pass (branch genres3, trained on these texts): 21/22, unit recall 90/96 =
/// 0.94, none invented, deadline recall 8/9.
#[test]
fn genre_second_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 21, 0.95, 0, 0.88);
    holds(&Path::new(SEEN).join("unseen2"), floor);
}

/// The third unseen set (tests/fixtures/genres/unseen3/, 20 real texts gathered and given their
/// expected results by a helper who never ran the parser; SOURCES.md) was scored once, on
/// 2026-12-01, after the parser's third pass: 11/20 right counts, 2 refused, unit recall 28/60 =
/// 0.47 with 3 invented, deadline recall 4/4 (SCORE-2026-12-01.log) — below issue #15's bar. It
/// is training material from then on. Two general rules followed at once (no text refused: units
/// asked mid-sentence, `…并要求各责任单位要…`, `希望各县区要…`; a flattened table's empty row
/// `||||` is no directive; a subject after a parallel clause's headline, `加强隐患治理,各村要…`, names
/// its units): 14/20, none refused, 31/60 = 0.52, 3 invented. The fifth session settled two
/// conventions (heads of units are their units; one numbered item is one directive — expected
/// results brought in line) and added general rules: 15/20, 35/59 = 0.59, none invented.
#[test]
fn genre_third_unseen_set_does_not_get_worse() {
    let floor = Floor::new(20, 15, 0.73, 0, 0.99);
    holds(&Path::new(SEEN).join("unseen3"), floor);
}

/// The fourth unseen set (tests/fixtures/genres/unseen4/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser; SOURCES.md) was scored once,
/// on 2026-12-01, before any tuning on it: 10/22 right counts, 2 refused, unit recall 41/74 =
/// 0.55 with 14 invented, deadline recall 1/9 = 0.11 (SCORE-2026-12-01.log) — below issue #15's
/// bar. Training material since; general rules found on it (deadlines 2011年年底前 / 明年年底 /
/// 10月份前, 〔〕 inside names, 请 + any verb, 各级党委、政府 as one collective, a lead-in's colon
/// and space, formal-numeral ordinals 叁是, an inspection's own plan, dated tasks of a news item
/// offered rather than refused) bring it to 13/22, none refused, 51/74 = 0.69, none invented,
/// 5/9. This keeps it there. Since the nineteenth session a collective named in a 会议要求 run
/// is given to the run's later bare 要 (the settled reading of unnumbered text); 104 and 107
/// read their themed speeches as one directive per theme, and the four units that reading
/// counts as invented are those of their notes' alternative (one directive per sentence).
#[test]
fn genre_fourth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 14, 0.76, 4, 0.77);
    holds(&Path::new(SEEN).join("unseen4"), floor);
}

/// The fifth unseen set (tests/fixtures/genres/unseen5/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser, AFTER this session's rules
/// above) was scored once, on 2026-12-01: 10/22 right counts, none refused, unit recall 25/96 =
/// 0.26 with 17 invented, deadline recall 1/11 (SCORE-2026-12-01.log) — far below issue #15's
/// bar. Training material since: a unit's people are the unit, 全县各级各部门, a 、-list after 请
/// bring units to 33/96. In the sixth session four expected results were brought in line with
/// the README's units rule (各乡(镇、街道)、国有林场 is two complete units): 41/100, 8 invented;
/// 务必 as a modal, a group's 组长 as its group, 机关 as a unit's ending: 11/22, 45/100, 7
/// invented. Seventh session: a task item's opening unit before its verb, a speaker's addressee
/// carried into the next paragraph's bare-modal requirements, a period stated once for the
/// whole text (申报期限 / a bare span): 56/100, 7 invented, deadlines 3/11. This keeps it there.
#[test]
fn genre_fifth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 12, 0.75, 7, 0.63);
    holds(&Path::new(SEEN).join("unseen5"), floor);
}

/// The sixth unseen set (tests/fixtures/genres/unseen6/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser) was scored once, on
/// 2026-12-01 (sixth session), before any rule was tuned on it: 9/22 right counts, none
/// refused, unit recall 24/79 = 0.30 with 11 invented, deadline recall 1/9
/// (SCORE-2026-12-01.log). Training material since: the speaker's words before a subject
/// (他强调各单位、各部门要…) are not part of it → 10/22, 34/79 = 0.43, 6 invented; a page copied
/// without its line breaks is cut at its items (notice/unfold.rs) → 12/22, 40/79 = 0.51; 178's
/// 年内 made a deadline as the issue counts it (1/11). Seventh session (rules as for the fifth
/// set, and 请你局 as the addressee): 46/79 = 0.58, 6 invented, deadlines 4/11. 177's period
/// (活动时间为:2023年11月) now also dates its fourth requirement, which the gatherer left
/// without (their notes name that as the alternative): one deadline not in the expected result.
/// Ninth session: a numbered paragraph's subjects with no 要 (各行业安委会结合…，各村居安委会
/// 结合…) → 55/79 = 0.70; 160's table row 镇政府在防火期每月至少专题研究 now reads 镇政府, its
/// sentence's subject, where the gatherer wrote the cut table's 责任单位 column (one more invented).
#[test]
fn genre_sixth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 15, 0.80, 2, 0.81).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen6"), floor);
}

/// The seventh unseen set (tests/fixtures/genres/unseen7/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser) was scored once, on
/// 2026-12-01 (seventh session), after this session's first rules and before any rule was
/// tuned on it: 12/22 right counts, 3 refused, unit recall 16/76 = 0.21 with 10 invented,
/// deadline recall 3/10 (SCORE-2026-12-01.log). Training material since: a regulation's
/// 第X章/第X条 and its framing articles, sentence-opening subjects, 要求 + a collective with any
/// verb, asking sentences offered rather than refused, X及Y, a half-width stop between Chinese
/// words: 14/22, none refused, 35/76 = 0.46, 1 invented.
#[test]
fn genre_seventh_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 16, 0.66, 1, 0.49).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen7"), floor);
}

/// The eighth unseen set (tests/fixtures/genres/unseen8/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser) was scored once, on
/// 2026-12-01 (eighth session), after this session's first rules and before any rule was tuned
/// on it: 12/22 right counts, none refused, unit recall 33/70 = 0.47 with 8 invented, deadline
/// recall 1/11 (SCORE-2026-12-01.log). Training material since: headlines of parallel phrases, a
/// numbered period part, a heading naming whose duties its items are, a plan's goals, a 批复's
/// approval and 你局, 各乡镇、有关部门: 15/22, 48/70 = 0.69, 6 invented, deadlines 6/11.
#[test]
fn genre_eighth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 17, 0.74, 4, 0.54).with_false_deadlines(3);
    holds(&Path::new(SEEN).join("unseen8"), floor);
}

/// The ninth unseen set (tests/fixtures/genres/unseen9/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser) was scored once, on
/// 2026-12-01 (ninth session), after this session's first rules and before any rule was tuned
/// on it: 7/22 right counts, none refused, unit recall 45/112 = 0.40 with 17 invented, deadline
/// recall 6/16 (SCORE-2026-12-01.log). Training material since: a leader before a bracket's first
/// label, 和/、 between a collective and a full name, 在/向/紧盯 before no unit's name, 对…向X提出,
/// a phase item read from its heading: 8/22, 78/112 = 0.70, 9 invented. Tenth session: a range
/// of dates with a dash, words over the items that ask nothing, a limit with the hour: 11/22,
/// 85/112 = 0.76, deadlines 14/16. A running text's closing cut before it is read (twelfth
/// pass): 13/22, 4 invented. Twenty-fourth session: 15/22 with 5 invented — 各乡镇、村组的各级
/// 防汛责任人 is now read (one more right count) and kept whole by the settled 、 rule, where
/// this older set's gatherer split it.
#[test]
fn genre_ninth_unseen_set_does_not_get_worse() {
    // (245's 年内重点针对…开展专项治理 is a limit by the issue's own list; its gatherer gave none.)
    let floor = Floor::new(22, 15, 0.77, 5, 0.87).with_false_deadlines(2);
    holds(&Path::new(SEEN).join("unseen9"), floor);
}

/// The tenth unseen set (tests/fixtures/genres/unseen10/, 22 real texts gathered and given their
/// expected results by a helper who never ran or read the parser) was scored once, on
/// 2026-12-01 (tenth session), after this session's first rules and before any rule was tuned
/// on it: 10/22 right counts, none refused, unit recall 67/144 = 0.47 with 9 invented, deadline
/// recall 6/23 (SCORE-2026-12-01.log). Training material since: a part that labels no unit but
/// asks reads its subjects, inspection groups with 责任单位, a list's subject from the sentence
/// before it, a place's name before its collective, 等-lists whole, limits with the hour or the
/// weekday, a report's limit kept from the tasks: 11/22, 102/144 = 0.71, 5 invented, 15/23.
#[test]
fn genre_tenth_unseen_set_does_not_get_worse() {
    // (267's de-listing request, a ;-part of its own since the twenty-fifth pass, takes the
    // notice's 申报期限, which its gatherer left undated as his alternative reading allows.)
    let floor = Floor::new(22, 13, 0.82, 4, 0.65).with_false_deadlines(2);
    holds(&Path::new(SEEN).join("unseen10"), floor);
}

/// The eleventh set (270–291), first scored at 7/22, 0.38 units (6 invented), 0.18 deadlines
/// (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_eleventh_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 13, 0.83, 5, 0.92);
    holds(&Path::new(SEEN).join("unseen11"), floor);
}

/// The twelfth set (292–313), first scored at 11/22, 0.54 units (7 invented), 0.43 deadlines
/// (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_twelfth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 18, 0.83, 0, 0.7).with_false_deadlines(2);
    holds(&Path::new(SEEN).join("unseen12"), floor);
}

/// The thirteenth set (314–335), first scored at 14/22 with 2 refused, 0.38 units (5
/// invented), 0.06 deadlines (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_thirteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.89, 3, 0.93);
    holds(&Path::new(SEEN).join("unseen13"), floor);
}

/// The fourteenth set (336–357), first scored at 11/22, 0.32 units (8 invented), 0.41
/// deadlines (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_fourteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.80, 0, 0.52).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen14"), floor);
}

/// The fifteenth set (358–379), first scored at 9/22 with 1 refused, 0.51 units (10
/// invented), 0.09 deadlines (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_fifteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 12, 0.73, 10, 0.5).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen15"), floor);
}

/// The sixteenth set (380–401), first scored at 14/22, 0.49 units (14 invented), 0.43
/// deadlines (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_sixteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 17, 0.80, 5, 0.85).with_false_deadlines(2);
    holds(&Path::new(SEEN).join("unseen16"), floor);
}

/// The seventeenth set (402–423), first scored at 9/22 with 2 refused, 0.39 units (10
/// invented), 1/3 deadlines (SCORE-2026-12-01.log), then tuned on.
#[test]
fn genre_seventeenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 16, 0.76, 4, 0.33);
    holds(&Path::new(SEEN).join("unseen17"), floor);
}

/// The eighteenth set (424–445), first scored at 14/22 with none refused, 0.49 units (4
/// invented), 0/12 deadlines (SCORE-2026-12-01.log), then tuned on. Its one invented unit is
/// 434's 属地, read as written where its gatherer resolved it to the two places named (as
/// unseen20/483's gatherer kept it).
#[test]
fn genre_eighteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.80, 1, 0.33);
    holds(&Path::new(SEEN).join("unseen18"), floor);
}

/// The nineteenth set (446–467), first scored at 14/22 with none refused, 0.55 units (11
/// invented), 3/12 deadlines (SCORE-2026-12-01.log), then tuned on. Six of its invented units
/// are 450's 各部门、村(社区) and 各村(社区)、部门, which its gatherer split and the settled
/// reading (a bare word after a collective is that collective's) keeps whole, as 432's did.
#[test]
fn genre_nineteenth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 20, 0.81, 9, 0.91).with_false_deadlines(3);
    holds(&Path::new(SEEN).join("unseen19"), floor);
}

/// The twentieth set (468–489), first scored at 14/22 with none refused, 0.69 units (15
/// invented), 2/6 deadlines (SCORE-2026-12-01.log), then tuned on. Two of its three
/// invented units are 475's 各职能部门、属地管理单位, which its gatherer kept whole.
#[test]
fn genre_twentieth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 21, 0.96, 3, 0.5);
    holds(&Path::new(SEEN).join("unseen20"), floor);
}

/// The twenty-first set (490–511), first scored at 14/22 with none refused, 0.62 units (10
/// invented), 9/12 deadlines (SCORE-2026-12-01.log), then tuned on. Most misses are its
/// gatherer's sentence starts before a subject (490) and one sentence's subjects (509's
/// fronted limit); 500 holds most invented units (滴道、鸡东县、鸡冠区政府 kept whole).
#[test]
fn genre_twenty_first_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 16, 0.71, 7, 0.75);
    holds(&Path::new(SEEN).join("unseen21"), floor);
}

/// The twenty-second set (512–533), first scored at 9/22 with none refused, 0.45 units (6
/// invented), 9/21 deadlines (SCORE-2026-12-01.log), then tuned on. Left: 525's requirements
/// across paragraphs of a news item, 524's division told as news, 516's self-check under
/// 检查方式, 517's 居委会、物业责任人, 515's 全县上下 after 指出 (its gatherer did not count it).
#[test]
fn genre_twenty_second_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 18, 0.72, 1, 0.71);
    holds(&Path::new(SEEN).join("unseen22"), floor);
}

/// The twenty-third set (534–555), first scored at 12/22 with none refused, 0.43 units (9
/// invented), 1/5 deadlines (SCORE-2026-12-01.log) after the rules tuned on unseen21–22 —
/// the session's honest score — then tuned on (exposures of hazard units, a text written to
/// the public, labelled items are read since). Left: 543's office lists, 539's when-clause
/// before a subject, 541's units of a 挂牌督办 list.
#[test]
fn genre_twenty_third_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 18, 0.65, 3, 0.6);
    holds(&Path::new(SEEN).join("unseen23"), floor);
}

/// The twenty-fourth set (556–577), first scored at 12/22 with 1 refused, 0.54 units (6
/// invented), 1/8 deadlines (SCORE-2026-12-02.log) after every rule of the twenty-second
/// session; then its refusal was mended (a period after the subject, 各场所负责人节日期间应…) and
/// its recipients 各市、州、县粮食局 kept whole; the twenty-third session tuned on it (a subject
/// acting 在…的同时 then 还要, venues and mines as units, a phased plan's 工作要求, whose check
/// period now dates 573's 检查结束后要立即…交保卫处 too: one false deadline).
/// Its store was nearly exhausted: grain, religious venues, tourism and schools more than fire.
#[test]
fn genre_twenty_fourth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 14, 0.69, 3, 0.25).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen24"), floor);
}

/// The twenty-fifth set (578–599), first scored at 11/22 with none refused, 0.35 units (8
/// invented), 2/10 deadlines (SCORE-2026-12-02.log) after the rules tuned on unseen24, then
/// tuned on: phases of a campaign, a regulation's articles on one line, each task's named
/// lead (X为…牵头单位), a speaker's ordinal titles on lines of their own, markets and shops.
#[test]
fn genre_twenty_fifth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.83, 2, 0.7);
    holds(&Path::new(SEEN).join("unseen25"), floor);
}

/// The twenty-sixth set (600–621), first scored at 13/22 with none refused, 0.48 units (1
/// invented), 5/16 deadlines (SCORE-2026-12-02.log) after every rule of the twenty-third
/// session — its honest score — then tuned on a little (words quoted in a requirement, a
/// college's departments, a day earlier in the page's month, mines, units counted by 家, an
/// order with a limit to no named unit).
/// The store gave 3 dated texts and 1 task-division text.
#[test]
fn genre_twenty_sixth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 15, 0.56, 3, 0.43);
    holds(&Path::new(SEEN).join("unseen26"), floor);
}

/// The twenty-seventh set (622–643), first scored at 15/22 with none refused, 0.68 units (9
/// invented), 2/7 deadlines (SCORE-2026-12-02.log) after every rule of the twenty-third session
/// — its honest score — then tuned on: a page's legal notice, findings that name venues by a
/// label, an undated copy's own number, a drill's time and place, the issuer's inspecting team,
/// an official speaking after a meeting's words. The store gave no task-division text.
#[test]
fn genre_twenty_seventh_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.89, 5, 0.42);
    holds(&Path::new(SEEN).join("unseen27"), floor);
}

/// The twenty-eighth set (644–665), first scored at 10/22 with 2 refused, 0.43 units (23
/// invented), 4/16 deadlines (SCORE-2026-12-02.log) after the rules tuned on unseen27 — its
/// honest score — then tuned on: a one-line page ending with its date (refused), a hazard
/// officer acting on what he answers for (refused), each city's and county's bureau as one
/// collective, a report's listed contents, a lead-in's subject for its list.
#[test]
fn genre_twenty_eighth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 12, 0.69, 16, 0.5).with_false_deadlines(3);
    holds(&Path::new(SEEN).join("unseen28"), floor);
}

/// The twenty-ninth set (666–687), first scored at 11/22 with 1 refused, 0.49 units (8
/// invented), 11/17 deadlines (SCORE-2026-12-02.log) after the rules tuned on unseen28 — its
/// honest score — then tuned on: bulleted items (refused), a closing paragraph under a list's
/// last item, a preamble that names whom its list asks, a census's described parts, a yearly
/// limit, the issuer by its legal role, what a unit may do.
#[test]
fn genre_twenty_ninth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 19, 0.71, 6, 0.82);
    holds(&Path::new(SEEN).join("unseen29"), floor);
}

/// The thirtieth set (688–709), gathered while the twenty-ninth was tuned on and first scored
/// at 16/22 with none refused, 0.65 units (3 invented), 4/8 deadlines (SCORE-2026-12-02.log),
/// then tuned on: what a notice's 通知要求 asks part by part, a heading on a line of its own,
/// a collective with its own 各 after 和, an item that only sets up a leading body.
#[test]
fn genre_thirtieth_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 18, 0.83, 0, 0.5).with_false_deadlines(1);
    holds(&Path::new(SEEN).join("unseen30"), floor);
}

/// The thirty-first set (710–731), gathered while the thirtieth was tuned on and first scored
/// at 9/22 with 1 refused, 0.55 units (3 invented), 5/8 deadlines (SCORE-2026-12-02.log), then
/// tuned on: the collectives asked after a meeting's situation (refused), an item's task
/// sentence over the units that share it, a holiday's days told, a long 等-list before its verb.
#[test]
fn genre_thirty_first_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 12, 0.68, 3, 0.62);
    holds(&Path::new(SEEN).join("unseen31"), floor);
}

/// The thirty-second set (732–753), first scored at 15/22 with 1 refused, 0.47 units (8
/// invented), 0/2 deadlines (SCORE-2026-12-02.log), then tuned on: a lead-in holding 主要
/// (refused), what a meeting decided of a body's collective. Its two dates are a week counted
/// from the meeting and a day whose year is unknown.
#[test]
fn genre_thirty_second_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 17, 0.49, 8, 0.0);
    holds(&Path::new(SEEN).join("unseen32"), floor);
}

/// The thirty-third set (754–775), the twenty-fifth session's last honest score: 16/22 with 1
/// refused, 0.68 units (8 invented), 0/1 deadlines (SCORE-2026-12-02.log); only its refusal
/// (whom an inspector taught, 教育经营者要…) was mended after.
#[test]
fn genre_thirty_third_unseen_set_does_not_get_worse() {
    let floor = Floor::new(22, 16, 0.67, 8, 0.0);
    holds(&Path::new(SEEN).join("unseen33"), floor);
}
