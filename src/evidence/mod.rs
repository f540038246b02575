//! 材料 — evidence files: the content-addressed blob store, content sniffing, EXIF, the
//! thumbnail cache, attaching a file to a directive, and the integrity check. No egui here:
//! the window calls these from worker threads.
//!
//! Layout inside a data directory:
//! - `evidence/ab/abcdef….bin` — blobs, named by SHA-256 ([`BlobStore`]);
//! - `evidence/.incoming-*.tmp` — copies in progress (never read; a crash may leave one);
//! - `thumbs/<hash>.jpg` — derived thumbnails, safe to delete ([`ThumbCache`]);
//! - `open/<hash prefix>/<name>` — copies handed to the system viewer, safe to delete;
//! - `evidence-trash/` — orphan blobs moved aside by [`check`], never deleted by duban.

mod attach;
mod blobs;
mod check;
mod error;
mod exif;
mod hash;
mod jpeg;
mod open;
mod sniff;
mod thumbs;
mod watch;

pub use crate::model::{is_image, never_launch};
pub use attach::{AttachOutcome, attach_file, attach_file_via};
pub use blobs::{BlobState, BlobStore, EVIDENCE_DIR, INCOMING_PREFIX, SinkWrap, Staged, Stored};
pub use check::{CheckReport, DEFAULT_GRACE, Keep, ORPHAN_TRASH_DIR, Problem, check};
pub use error::{EvidenceError, Result};
pub use exif::{read_photo_meta, read_photo_meta_from, taken_before_notice};
pub use hash::{BlobHash, COPY_BUFFER, CopyError, Digested, HEAD_LEN, copy_hashing, hash_stream};
pub use open::{OPEN_DIR, viewing_copy, viewing_name};
pub use sniff::sniff;
pub use thumbs::{
    MAX_ALLOC, MAX_SIDE, PreviewError, THUMB_SIZE, THUMBS_DIR, ThumbCache, decode_limited, limits,
    make_thumbnail,
};
pub use watch::{Watched, is_cancelled};
