//! Every notice under `tests/fixtures/notices/` parses as its `.expected.json` says, and no
//! sentence of its body is lost.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::model::{DirectiveDraft, NoticeDraft};
use duban::notice::{decode_text, parse_notice, split_clauses};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/notices");

fn fixtures() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    found.sort();
    found
}

struct Case {
    name: String,
    text: String,
    encoding: &'static str,
    expected: Value,
    draft: NoticeDraft,
}

fn load(path: &Path) -> Case {
    let name = path.file_stem().expect("stem").to_string_lossy().into_owned();
    let json_path = path.with_file_name(format!("{name}.expected.json"));
    let json = std::fs::read_to_string(&json_path).unwrap_or_else(|e| panic!("{json_path:?}: {e}"));
    let expected: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json_path:?}: {e}"));
    let bytes = std::fs::read(path).expect("fixture");
    let decoded = decode_text(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let import_date: NaiveDate = expected["import_date"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{name}: import_date"));
    let draft = parse_notice(&decoded.text, import_date).unwrap_or_else(|e| panic!("{name}: {e}"));
    Case { name, text: decoded.text, encoding: decoded.encoding, expected, draft }
}

fn opt(v: &Value) -> String {
    v.as_str().map_or_else(|| "null".to_owned(), str::to_owned)
}

fn list(v: &Value) -> String {
    let names: Vec<&str> =
        v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    format!("[{}]", names.join("、"))
}

/// One line per checked fact, expected first; the actual side borrows the expected title
/// when the actual title starts with it (the fixture gives a prefix).
fn render_expected(e: &Value) -> Vec<String> {
    let mut out = vec![
        format!("issued_on {}", opt(&e["issued_on"])),
        format!("title {}", opt(&e["title"])),
        format!("meeting {}", opt(&e["meeting"])),
    ];
    if let Some(n) = e.get("doc_number") {
        out.push(format!("doc_number {}", opt(n)));
    }
    for s in e["sections"].as_array().expect("sections") {
        out.push(format!("section {} {}", opt(&s["number"]), opt(&s["title"])));
        for d in s["directives"].as_array().expect("directives") {
            out.push(directive_line(
                &opt(&d["title"]),
                &list(&d["lead"]),
                &list(&d["support"]),
                &opt(&d["deadline"]),
                &opt(&d["recurrence"]),
            ));
            for (key, label) in [("units_phrase", "units_phrase"), ("deadline_phrase", "deadline_phrase")] {
                if let Some(v) = d.get(key) {
                    out.push(format!("    {label} {}", opt(v)));
                }
            }
            if let Some(v) = d.get("context_contains") {
                out.push(format!("    context ⊇ {}", opt(v)));
            }
        }
    }
    out
}

fn directive_line(title: &str, lead: &str, support: &str, deadline: &str, recurrence: &str) -> String {
    format!("  directive {title} | 牵头 {lead} | 配合 {support} | 时限 {deadline} | 周期 {recurrence}")
}

fn names(v: &[String]) -> String {
    format!("[{}]", v.join("、"))
}

fn render_actual(n: &NoticeDraft, e: &Value) -> Vec<String> {
    let mut out = vec![
        format!("issued_on {}", n.issued_on),
        format!("title {}", n.title),
        format!("meeting {}", n.meeting.as_deref().unwrap_or("null")),
    ];
    if e.get("doc_number").is_some() {
        out.push(format!("doc_number {}", n.doc_number.as_deref().unwrap_or("null")));
    }
    let empty = Vec::new();
    let sections = e["sections"].as_array().unwrap_or(&empty);
    for (i, s) in n.sections.iter().enumerate() {
        out.push(format!("section {} {}", s.number, s.title));
        let expected_directives =
            sections.get(i).and_then(|es| es["directives"].as_array()).unwrap_or(&empty);
        for (j, d) in s.directives.iter().enumerate() {
            out.extend(render_directive(d, expected_directives.get(j)));
        }
    }
    out
}

fn render_directive(d: &DirectiveDraft, e: Option<&Value>) -> Vec<String> {
    let prefix = e.and_then(|e| e["title"].as_str()).unwrap_or("");
    let title = if !prefix.is_empty() && d.title.starts_with(prefix) { prefix } else { &d.title };
    let deadline = d.deadline.date.map_or_else(|| "null".to_owned(), |d| d.to_string());
    let mut out = vec![directive_line(
        title,
        &names(&d.offices),
        &names(&d.support_offices),
        &deadline,
        d.deadline.recurrence.as_deref().unwrap_or("null"),
    )];
    let Some(e) = e else { return out };
    if e.get("units_phrase").is_some() {
        out.push(format!("    units_phrase {}", d.units_phrase.as_deref().unwrap_or("null")));
    }
    if e.get("deadline_phrase").is_some() {
        out.push(format!("    deadline_phrase {}", d.deadline.phrase.as_deref().unwrap_or("null")));
    }
    if let Some(want) = e.get("context_contains").and_then(Value::as_str) {
        let context = d.context.as_deref().unwrap_or("");
        let shown = if context.contains(want) { want } else { context };
        out.push(format!("    context ⊇ {shown}"));
    }
    out
}

/// A line diff: `-` expected only, `+` actual only, in order.
fn diff(expected: &[String], actual: &[String]) -> String {
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < expected.len() || j < actual.len() {
        match (expected.get(i), actual.get(j)) {
            (Some(a), Some(b)) if a == b => {
                let _ = writeln!(out, "  {a}");
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) => {
                let _ = writeln!(out, "- {a}\n+ {b}");
                i += 1;
                j += 1;
            }
            (Some(a), None) => {
                let _ = writeln!(out, "- {a}");
                i += 1;
            }
            (None, Some(b)) => {
                let _ = writeln!(out, "+ {b}");
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[test]
fn the_corpus_has_at_least_twelve_notices() {
    assert!(fixtures().len() >= 12, "{:?}", fixtures());
}

#[test]
fn every_notice_parses_as_expected() {
    let mut failures = String::new();
    for path in fixtures() {
        let case = load(&path);
        let expected = render_expected(&case.expected);
        let actual = render_actual(&case.draft, &case.expected);
        if expected != actual {
            let _ = writeln!(failures, "=== {} ===\n{}", case.name, diff(&expected, &actual));
        }
        if let Some(enc) = case.expected.get("encoding").and_then(Value::as_str)
            && enc != case.encoding
        {
            let _ = writeln!(failures, "=== {} === encoding {} ≠ {enc}", case.name, case.encoding);
        }
        for want in case.expected["closing_contains"].as_array().into_iter().flatten() {
            let want = want.as_str().unwrap_or("");
            if !case.draft.closing.contains(want) {
                let _ = writeln!(
                    failures,
                    "=== {} === closing lacks {want}: {:?}",
                    case.name, case.draft.closing
                );
            }
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

/// Everything the review screen shows for a notice, as one string.
fn shown(n: &NoticeDraft) -> String {
    let mut kept = vec![n.title.clone(), n.preamble.clone(), n.closing.clone()];
    kept.extend(n.doc_number.clone());
    for s in &n.sections {
        kept.push(s.title.clone());
        for d in &s.directives {
            kept.push(d.text.clone());
            kept.extend(d.units_phrase.clone());
            kept.extend(d.context.clone());
        }
    }
    kept.join("\n")
}

fn strip_marker(s: &str) -> &str {
    let s = s.trim();
    let s = s.trim_start_matches(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩']);
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = s.strip_prefix(open)
            && let Some((num, after)) = rest.split_once(close)
            && !num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            return after.trim();
        }
    }
    if let Some((num, after)) = s.split_once(['、', '.', '．'])
        && !num.is_empty()
        && num.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    {
        return after.trim();
    }
    s
}

#[test]
fn no_text_is_lost_and_page_chrome_is_dropped() {
    let mut failures = String::new();
    for path in fixtures() {
        let case = load(&path);
        let kept = shown(&case.draft);
        let not_body: Vec<&str> =
            case.expected["not_body"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        for word in &not_body {
            if kept.contains(word) {
                let _ = writeln!(failures, "{}: page chrome {word} was kept", case.name);
            }
        }
        let body_start = case.text.find("一、").expect("body");
        for line in case.text[body_start..].lines() {
            if not_body.iter().any(|w| line.contains(w)) {
                continue;
            }
            for clause in split_clauses(line) {
                let sentence = strip_marker(clause.trimmed()).trim_end_matches(['。', '；', ';']).trim();
                // A list may start after a colon (会议要求：一是…): each side kept is enough.
                let found = kept.contains(sentence)
                    || sentence.split_inclusive('：').all(|part| kept.contains(part.trim()));
                if !sentence.is_empty() && !found {
                    let _ = writeln!(failures, "{}: lost {sentence}", case.name);
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn non_units_never_become_units() {
    for path in fixtures() {
        let case = load(&path);
        for d in case.draft.directives() {
            for unit in d.offices.iter().chain(&d.support_offices) {
                for bad in ["参加会议", "备案", "详见附件", "联系人", "责任编辑", "〔", "市安办", "市消安办"]
                {
                    assert!(!unit.contains(bad), "{}: {} has unit {unit}", case.name, d.number);
                }
            }
        }
    }
}
