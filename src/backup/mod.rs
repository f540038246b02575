//! 备份与恢复 — nothing lost: automatic daily/weekly snapshots of the database inside the data
//! directory, a single-file backup (`.zip`: the database plus every evidence file it needs) for
//! a USB stick, restoring either, and recovering a damaged database from one.
//!
//! Evidence files are content-addressed, so a snapshot needs no copy of them: it records the
//! hashes it needs (`*.hashes` beside it) and `check` never moves those blobs aside.

mod archive;
mod error;
mod recover;
mod relocate;
mod rotation;

pub use archive::{ARCHIVE_DB, ArchiveSummary, MANIFEST, Manifest, read_manifest, write_archive};
pub use error::{BackupError, Result};
pub use recover::{RestoreSummary, is_archive, recover, restore};
pub use relocate::{MOVED_TO, Relocated, relocate, resolve_data_dir};
pub use rotation::{
    BEFORE_RESTORE_KEPT, DAILY_KEPT, Snapshot, SnapshotKind, WEEKLY_KEPT, auto_backup, list_snapshots,
    needed_hashes,
};
