//! 写入 — the accepted proposals of a review written to the database: the returned file and
//! the photos stored as evidence blobs first (content-addressed: a blob no row points to is
//! harmless and `duban check` tidies it), then every record of every file in ONE store
//! transaction (`Store::apply_form_returns`, the same checks as a typed feedback) — a refusal
//! anywhere writes nothing. An extension asked for is written only with an approver named: the
//! row's own (typed in the review), else the one given for the whole batch.

use std::path::Path;

use super::FormsError;
use super::review::{FileReview, Review};
use crate::evidence::{BlobStore, sniff};
use crate::model::{
    Channel, LoopAction, LoopEdit, NewExtension, NewFeedback, ReturnItem, ReturnToApply, StoredFile,
};
use crate::store::{Actor, Store};

/// What applying did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApplyOutcome {
    /// One line per record written.
    pub written: Vec<String>,
    /// Rows left out (not accepted, or an extension without approver), with why.
    pub left: Vec<String>,
    pub files: usize,
    pub photos: usize,
}

fn store_bytes(data_dir: &Path, name: &str, bytes: &[u8], n: usize) -> Result<StoredFile, FormsError> {
    let tmp = data_dir.join(format!(".forms-photo-{}-{n}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    let stored = BlobStore::in_data_dir(data_dir).ingest(&tmp);
    let _ = std::fs::remove_file(&tmp);
    let stored = stored?;
    Ok(StoredFile {
        hash: stored.digest.hash.as_str().to_owned(),
        original_name: name.to_owned(),
        size: stored.digest.size,
        media_type: sniff(&stored.digest.head, name).to_owned(),
    })
}

/// The records a reviewed file asks to write (accepted rows only), without storing anything.
/// Each extension asked is approved by its row's own 批准人, else by `approver`; without
/// either it is left out.
pub fn to_apply(
    file: &FileReview,
    approver: Option<&str>,
    today: chrono::NaiveDate,
    outcome: &mut ApplyOutcome,
) -> Vec<(usize, crate::model::DirectiveId, Vec<LoopEdit>)> {
    let Some((_, office)) = &file.office else { return Vec::new() };
    let mut out = Vec::new();
    for (i, p) in file.proposals.iter().enumerate() {
        let Some(directive) = p.directive else { continue };
        if !p.accepted {
            let why: Vec<String> = p.conflicts.iter().map(|c| c.message()).collect();
            let why = if why.is_empty() { "未采纳".to_owned() } else { why.join("；") };
            outcome.left.push(format!("{} 第{}行（编号 {}）：{why}", file.name, p.line, directive.0));
            continue;
        }
        let mut edits = Vec::new();
        if p.complete {
            let report = if p.feedback.is_empty() {
                "申请办结（书面反馈单）".to_owned()
            } else {
                p.feedback.clone()
            };
            edits.push(LoopEdit {
                office: office.clone(),
                action: LoopAction::Complete { on: today, report },
            });
        } else if !p.feedback.is_empty() {
            edits.push(LoopEdit {
                office: office.clone(),
                action: LoopAction::Feedback(NewFeedback {
                    on: today,
                    channel: Channel::Written,
                    by: p.by.clone(),
                    phone: p.phone.clone(),
                    text: p.feedback.clone(),
                }),
            });
        }
        if let Some(to) = p.extend_to {
            let own = Some(p.approver.trim()).filter(|a| !a.is_empty());
            match own.or(approver.map(str::trim).filter(|a| !a.is_empty())) {
                Some(a) => edits.push(LoopEdit {
                    office: office.clone(),
                    action: LoopAction::Extend(NewExtension {
                        requested_on: today,
                        to,
                        reason: p.extend_reason.clone(),
                        approved_by: a.to_owned(),
                        approved_on: Some(today),
                    }),
                }),
                None => outcome.left.push(format!(
                    "{} 第{}行（编号 {}）：申请延期至 {to} 待批准，未写入（请在窗口中审核，或用 --approved-by 指定批准人）",
                    file.name, p.line, directive.0
                )),
            }
        }
        if !edits.is_empty() {
            out.push((i, directive, edits));
        }
    }
    out
}

/// Applies the accepted rows of `review`. `progress(done, total)` after each file is stored.
pub fn apply_review(
    store: &mut Store,
    data_dir: &Path,
    review: &Review,
    approver: Option<&str>,
    actor: &Actor,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ApplyOutcome, FormsError> {
    let today = actor.at.date();
    let mut outcome = ApplyOutcome::default();
    let mut batch = Vec::new();
    let mut n = 0;
    for (fi, file) in review.files.iter().enumerate() {
        if let Some(e) = &file.error {
            outcome.left.push(format!("{}：{e}", file.name));
            continue;
        }
        let rows = to_apply(file, approver, today, &mut outcome);
        progress(fi + 1, review.files.len());
        let Some((office, _)) = &file.office else { continue };
        if rows.is_empty() {
            continue;
        }
        // The file must still be the one reviewed.
        let stored = BlobStore::in_data_dir(data_dir).ingest(&file.path)?;
        if stored.digest.hash.as_str() != file.hash {
            return Err(FormsError::Damaged(format!("{} 在核对之后被改动过，请重新读取", file.name)));
        }
        let returned = StoredFile {
            hash: file.hash.clone(),
            original_name: file.name.clone(),
            size: stored.digest.size,
            media_type: sniff(&stored.digest.head, &file.name).to_owned(),
        };
        let mut items = Vec::new();
        for (i, directive, edits) in rows {
            let p = &file.proposals[i];
            let mut photos = Vec::new();
            for photo in p.photos() {
                n += 1;
                photos.push(store_bytes(data_dir, &format!("{}-{}", p.line, photo.name), &photo.bytes, n)?);
            }
            outcome.photos += photos.len();
            items.push(ReturnItem { directive, edits, photos });
        }
        batch.push(ReturnToApply {
            form_id: file.form.as_ref().map(|f| f.form_id.clone()),
            office: *office,
            file: returned,
            items,
        });
        outcome.files += 1;
    }
    if !batch.is_empty() {
        outcome.written = store.apply_form_returns(&batch, actor)?;
    }
    Ok(outcome)
}
