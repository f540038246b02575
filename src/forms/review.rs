//! 核对 — a returned file matched to its office and directives, each filled row turned into a
//! proposal (反馈 / 申请办结 / 延期申请 / photos) with the conflicts that keep it from being
//! applied without the officer: two returns from one office, a return older than one already
//! applied, the same file again, rows of another office, a directive 销号 or the office's part
//! finished, a date that is not a date, an 编号 whose text does not match. Matching is by the
//! identifier inside the file, else the printed code or serial, else by 编号 and text with a
//! confidence.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::returned::{FileFormat, ReturnedRow, parse_date, split_contact, state_asked};
use super::{Conflict, FormsError, Proposal, read_form_file};
use crate::model::{Board, DirectiveId, IssuedForm, OfficeId, OfficeState, Role, Status};
use crate::store::Store;

/// How a file was matched to its form.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// By the identifier in the document properties or hidden sheet.
    Identifier,
    /// By the printed 表单识别码 or serial (the properties were stripped).
    Printed,
    /// By 编号 and text: the share of rows that matched (0–1).
    Guessed(f32),
    /// Not matched to any office.
    Unmatched,
}

impl Match {
    pub fn label(&self) -> String {
        match self {
            Match::Identifier => "按表单标识识别".to_owned(),
            Match::Printed => "按表单识别码识别（文件属性已丢失）".to_owned(),
            Match::Guessed(c) => format!("按编号和文字推断，可信度 {:.0}%", c * 100.0),
            Match::Unmatched => "无法识别所属单位".to_owned(),
        }
    }
}

/// One file reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReview {
    pub path: PathBuf,
    pub name: String,
    /// SHA-256 of the file as read (applying checks it has not changed since).
    pub hash: String,
    pub format: Option<FileFormat>,
    pub office: Option<(OfficeId, String)>,
    pub form: Option<IssuedForm>,
    pub matched: Match,
    pub proposals: Vec<Proposal>,
    /// Rows left blank, not proposed.
    pub blank_rows: usize,
    pub notes: Vec<String>,
    /// The file could not be read at all.
    pub error: Option<String>,
}

/// A batch of returned files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    pub files: Vec<FileReview>,
}

impl Review {
    pub fn accepted(&self) -> usize {
        self.files.iter().flat_map(|f| &f.proposals).filter(|p| p.accepted).count()
    }
}

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// How much of `title` the cell `text` contains (0–1); 1 for an empty title.
fn contains_score(text: &str, title: &str) -> f32 {
    let t = bigrams(title);
    if t.is_empty() {
        return 1.0;
    }
    let c = bigrams(text);
    t.intersection(&c).count() as f32 / t.len() as f32
}

fn title_of(board: &Board, id: DirectiveId) -> Option<String> {
    board.directive(id).map(|d| format!("{} {}", d.number, d.title))
}

/// The directive a row is about, with a note when it was found by its text.
fn resolve_row(
    board: &Board,
    row: &ReturnedRow,
    within: &[DirectiveId],
) -> (Option<DirectiveId>, Option<Conflict>, Option<String>) {
    let by_text = |pool: &[DirectiveId]| {
        pool.iter()
            .filter_map(|id| board.directive(*id).map(|d| (*id, contains_score(&row.requirement, &d.title))))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, s)| *s >= 0.6)
    };
    match super::returned::number_of(&row.number).map(DirectiveId) {
        Some(id) if board.directive(id).is_some() => {
            let title = board.directive(id).map(|d| d.title.clone()).unwrap_or_default();
            let score = if row.requirement.trim().is_empty() {
                1.0
            } else {
                contains_score(&row.requirement, &title)
            };
            if score >= 0.5 {
                return (Some(id), None, None);
            }
            match by_text(within) {
                Some((other, s)) if other != id => (
                    Some(other),
                    None,
                    Some(format!(
                        "编号 {} 与文字不符，按工作要求文字对应到编号 {}（相似度 {:.0}%）",
                        id.0,
                        other.0,
                        s * 100.0
                    )),
                ),
                _ => (Some(id), Some(Conflict::TextMismatch { similarity: score }), None),
            }
        }
        _ => match by_text(within) {
            Some((id, s)) if !row.requirement.trim().is_empty() => (
                Some(id),
                None,
                Some(format!("编号缺失或有误，按工作要求文字对应（相似度 {:.0}%）", s * 100.0)),
            ),
            _ => (None, Some(Conflict::UnknownDirective), None),
        },
    }
}

/// Reads and reviews `paths` against the board and what the store knows of issued forms and
/// applied returns. `progress(done, total)` is called after each file.
pub fn review_files(
    store: &Store,
    board: &Board,
    paths: &[PathBuf],
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Review, FormsError> {
    let issued = store.issued_forms()?;
    let applied = store.applied_returns()?;
    let mut review = Review::default();
    for (i, path) in paths.iter().enumerate() {
        review.files.push(review_one(store, board, path, today, &issued, &applied));
        progress(i + 1, paths.len());
    }
    mark_second_returns(&mut review);
    Ok(review)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn hash_file(path: &Path) -> Result<String, FormsError> {
    let mut f = std::fs::File::open(path)?;
    Ok(crate::evidence::hash_stream(&mut f)?.hash.as_str().to_owned())
}

fn review_one(
    store: &Store,
    board: &Board,
    path: &Path,
    today: NaiveDate,
    issued: &[IssuedForm],
    applied: &[crate::model::AppliedReturn],
) -> FileReview {
    let mut fr = FileReview {
        path: path.to_path_buf(),
        name: file_name(path),
        hash: String::new(),
        format: None,
        office: None,
        form: None,
        matched: Match::Unmatched,
        proposals: Vec::new(),
        blank_rows: 0,
        notes: Vec::new(),
        error: None,
    };
    let read = hash_file(path).and_then(|h| {
        fr.hash = h;
        read_form_file(path)
    });
    let file = match read {
        Ok(f) => f,
        Err(e) => {
            fr.error = Some(e.to_string());
            return fr;
        }
    };
    fr.format = Some(file.format);
    fr.notes.extend(file.notes.iter().cloned());
    if file.part.as_deref().is_some_and(|p| p != "反馈单") {
        fr.error = Some(format!("这是{}，不是反馈单：没有可读取的反馈", file.part.as_deref().unwrap_or("")));
        return fr;
    }
    if file.rows.is_empty() {
        fr.error = Some(
            "文件中找不到反馈单表格（需有“编号”和“进展情况”或“办理状态”列）：可能不是督办台生成的反馈单"
                .to_owned(),
        );
        return fr;
    }
    // The form: by identifier, else by printed code, else by printed serial.
    let by_id = file.form_id.as_deref().and_then(|id| issued.iter().find(|f| f.form_id == id));
    let by_code = file.code.as_deref().and_then(|c| store.issued_form(c).ok().flatten());
    let by_serial = file.serial.as_deref().and_then(|s| {
        let hits: Vec<_> = issued.iter().filter(|f| f.serial_text() == s).collect();
        (hits.len() == 1).then(|| hits[0].clone())
    });
    if file.form_id.is_some() && by_id.is_none() {
        fr.notes
            .push("文件中的表单标识不是本数据库发出的（可能来自另一台电脑），改按编号和文字识别".to_owned());
    }
    fr.form = by_id.cloned().or(by_code.clone()).or(by_serial.clone());
    fr.matched = if by_id.is_some() {
        Match::Identifier
    } else if fr.form.is_some() {
        Match::Printed
    } else {
        Match::Unmatched
    };
    let within: Vec<DirectiveId> = match &fr.form {
        Some(f) => f.directives.clone(),
        None => board.directives.iter().filter(|d| d.status != Status::Closed).map(|d| d.id).collect(),
    };
    let mut resolved = Vec::new();
    for row in &file.rows {
        if row.is_blank() {
            fr.blank_rows += 1;
            continue;
        }
        resolved.push((row.clone(), resolve_row(board, row, &within)));
    }
    // The office: the form's, else the office most rows belong to.
    if let Some(f) = &fr.form {
        fr.office = Some((f.office, f.office_name.clone()));
    } else {
        let mut votes: Vec<(OfficeId, String, usize)> = Vec::new();
        let matched = resolved.iter().filter(|(_, (d, c, _))| d.is_some() && c.is_none()).count();
        for (_, (d, _, _)) in &resolved {
            for a in d.and_then(|d| board.directive(d)).map(|d| d.assignments.as_slice()).unwrap_or(&[]) {
                match votes.iter_mut().find(|v| v.0 == a.office) {
                    Some(v) => v.2 += 1,
                    None => votes.push((a.office, a.name.to_string(), 1)),
                }
            }
        }
        if let Some((o, name, n)) = votes.into_iter().max_by_key(|v| v.2) {
            let confidence = (n.min(matched) as f32) / resolved.len().max(1) as f32;
            fr.office = Some((o, name));
            fr.matched = Match::Guessed(confidence);
        }
    }
    let year = fr.form.as_ref().map_or(chrono::Datelike::year(&today), |f| f.serial_year);
    // File-level conflicts against what was applied before.
    let mut file_conflicts = Vec::new();
    if let Some(a) = applied.iter().find(|a| a.file_hash == fr.hash) {
        file_conflicts.push(Conflict::SameFileApplied { on: a.applied_at.date() });
    } else if let Some(f) = &fr.form {
        if let Some(a) = applied.iter().find(|a| a.form_id.as_deref() == Some(&f.form_id)) {
            file_conflicts
                .push(Conflict::FormAlreadyReturned { file: a.file_name.clone(), on: a.applied_at.date() });
        }
        let newer = applied
            .iter()
            .filter(|a| a.office == f.office)
            .filter_map(|a| a.form_generated_at)
            .filter(|g| *g > f.generated_at)
            .max();
        if let Some(g) = newer {
            file_conflicts.push(Conflict::OlderReturn { this: f.generated_on(), applied: g.date() });
        }
    }
    if fr.office.is_none() {
        file_conflicts.push(Conflict::NoOffice);
    }
    for (row, (directive, conflict, note)) in resolved {
        let mut conflicts = file_conflicts.clone();
        conflicts.extend(conflict);
        let mut row = row;
        row.notes.extend(note);
        let (by, phone) = split_contact(&row.contact);
        let asked = state_asked(&row.state);
        if asked.is_none() && !row.state.trim().is_empty() && row.state.trim() != "请选择" {
            conflicts.push(Conflict::UnknownState { text: row.state.trim().to_owned() });
        }
        let complete = asked == Some(true);
        let extend_to = match row.extend_to.trim() {
            "" => None,
            t => match parse_date(t, year) {
                Some(d) => Some(d),
                None => {
                    conflicts.push(Conflict::BadDate { text: t.to_owned() });
                    None
                }
            },
        };
        if extend_to.is_some() && row.extend_reason.trim().is_empty() {
            conflicts.push(Conflict::NoReason);
        }
        let d = directive.and_then(|id| board.directive(id));
        if let (Some(d), Some((office, _))) = (d, &fr.office) {
            if d.status == Status::Closed {
                conflicts.push(Conflict::Closed);
            }
            match d.assignment(*office) {
                None => conflicts.push(Conflict::OtherOffice { offices: d.offices_text() }),
                Some(a) => {
                    if a.track.state == OfficeState::Finished {
                        conflicts.push(Conflict::Finished);
                    } else if complete && a.role == Role::Support {
                        conflicts.push(Conflict::NotLead);
                    } else if complete && a.track.state == OfficeState::Requested {
                        conflicts.push(Conflict::AwaitingReview);
                    }
                    if let (Some(to), Some(current)) = (extend_to, a.track.deadline.or(d.deadline))
                        && to <= current
                    {
                        conflicts.push(Conflict::ExtensionNotLater { to, current });
                    }
                }
            }
        }
        let mut feedback = row.progress.trim().to_owned();
        if feedback.is_empty() && asked == Some(false) {
            feedback = "推进中（反馈单未填写进展）".to_owned();
        }
        conflicts.dedup();
        fr.proposals.push(Proposal {
            line: row.line,
            directive,
            title: directive.and_then(|id| title_of(board, id)),
            feedback,
            complete,
            extend_to,
            extend_reason: row.extend_reason.trim().to_owned(),
            approver: String::new(),
            by,
            phone,
            accepted: conflicts.is_empty(),
            conflicts,
            row,
        });
    }
    fr
}

/// Two files of the batch from one office on the same directive: every such row flagged,
/// naming the other files.
fn mark_second_returns(review: &mut Review) {
    // (office, directive) → the (file, proposal) places reporting on it.
    type Places = Vec<(usize, usize)>;
    let mut by_key: Vec<((OfficeId, DirectiveId), Places)> = Vec::new();
    for (fi, f) in review.files.iter().enumerate() {
        let Some((office, _)) = &f.office else { continue };
        for (pi, p) in f.proposals.iter().enumerate() {
            let Some(d) = p.directive else { continue };
            match by_key.iter_mut().find(|(k, _)| *k == (*office, d)) {
                Some((_, v)) => v.push((fi, pi)),
                None => by_key.push(((*office, d), vec![(fi, pi)])),
            }
        }
    }
    for (_, places) in by_key.into_iter().filter(|(_, v)| v.len() > 1) {
        for &(fi, pi) in &places {
            let others: Vec<String> = places
                .iter()
                .filter(|(f, _)| *f != fi)
                .map(|(f, _)| review.files[*f].name.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if others.is_empty() {
                continue;
            }
            let p = &mut review.files[fi].proposals[pi];
            p.conflicts.push(Conflict::SecondReturn { other: others.join("”“") });
            p.accepted = false;
        }
    }
}
