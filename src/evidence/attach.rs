//! 添加材料 — one file onto one directive: store the blob (streamed, verified), sniff its
//! type, read EXIF, then record the row. A row is written only after its blob is safe.

use std::path::Path;

use super::blobs::{BlobStore, SinkWrap};
use super::error::{EvidenceError, Result};
use super::exif::read_photo_meta;
use super::hash::BlobHash;
use super::sniff::sniff;
use crate::model::is_image;
use crate::model::{DirectiveId, EvidenceId, NewEvidence, NoteId, PhotoMeta};
use crate::store::{Actor, Store, StoreError};

/// What attaching one file did.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachOutcome {
    pub id: EvidenceId,
    pub original_name: String,
    pub hash: BlobHash,
    pub size: u64,
    pub media_type: &'static str,
    pub photo: PhotoMeta,
    /// The content was already in the store (another directive, or another name): not copied twice.
    pub deduplicated: bool,
    /// The same content is already attached to this directive: no second row was added.
    pub already_attached: bool,
}

/// Attaches the file at `source` to `directive` (and to progress note `note`, if given),
/// storing it in the blob store of `data_dir`.
pub fn attach_file(
    store: &mut Store,
    data_dir: &Path,
    directive: DirectiveId,
    note: Option<NoteId>,
    source: &Path,
    actor: &Actor,
) -> Result<AttachOutcome> {
    attach_file_via(store, data_dir, directive, note, source, actor, &mut |file| Box::new(file))
}

/// [`attach_file`], copying through `wrap` (the window wraps the copy in a [`super::Watched`]
/// writer for byte progress and cancelling).
pub fn attach_file_via(
    store: &mut Store,
    data_dir: &Path,
    directive: DirectiveId,
    note: Option<NoteId>,
    source: &Path,
    actor: &Actor,
    wrap: SinkWrap,
) -> Result<AttachOutcome> {
    // Refuse before copying what may be gigabytes.
    if !store.directive_exists(directive)? {
        return Err(EvidenceError::Store(StoreError::DirectiveNotFound(directive)));
    }
    // A file named only with spaces (a careless rename on a camera card) is as nameless as none.
    let original_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "未命名".into());
    let stored = BlobStore::in_data_dir(data_dir).stage_via(source, wrap)?.commit()?;
    let media_type = sniff(&stored.digest.head, &original_name);
    let photo = if is_image(media_type) || media_type == "image/heic" {
        read_photo_meta(&stored.path)
    } else {
        PhotoMeta::default()
    };
    let attached = store.attach_evidence(
        &NewEvidence {
            directive,
            note,
            hash: stored.digest.hash.as_str(),
            original_name: &original_name,
            size: stored.digest.size,
            media_type,
            photo,
        },
        actor,
    )?;
    Ok(AttachOutcome {
        id: attached.id,
        original_name,
        hash: stored.digest.hash,
        size: stored.digest.size,
        media_type,
        photo,
        deduplicated: stored.deduplicated,
        already_attached: attached.already_attached,
    })
}
