//! 备份与恢复 — nothing lost: automatic daily/weekly snapshots of the database inside the data
//! directory, a single-file backup (`.zip`: the database plus every evidence file it needs) for
//! a USB stick, restoring either, and recovering a damaged database from one.
//!
//! Evidence files are content-addressed, so a snapshot needs no copy of them: the snapshot's
//! own evidence table names the hashes it needs, and [`check_evidence`] never moves those
//! blobs aside (nor any, when a snapshot cannot be read).

mod archive;
mod error;
mod recover;
mod relocate;
mod rotation;
mod snapshots;

pub use archive::{
    ARCHIVE_DB, ArchiveSummary, MANIFEST, Manifest, read_manifest, verify_archive, write_archive,
};
pub use error::{BackupError, Result};
pub use recover::{RestoreSummary, is_archive, recover, restore};
pub use relocate::{MOVED_TO, Relocated, moved_away, relocate, resolve_data_dir};
pub use rotation::{BEFORE_RESTORE_KEPT, DAILY_KEPT, WEEKLY_KEPT, auto_backup};
pub use snapshots::{
    Snapshot, SnapshotKind, check_evidence, list_snapshots, needed_hashes, newest_good_snapshot,
    recovery_choices,
};
