//! 材料 — an evidence file attached to a directive (or to one of its progress notes). The
//! content lives in the blob store under `hash`; this is the row that points to it.

use chrono::NaiveDateTime;

use super::{DirectiveId, EvidenceId, NoteId};

#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: EvidenceId,
    pub directive: DirectiveId,
    /// The progress note (进展) this file supports, if any.
    pub note: Option<NoteId>,
    /// SHA-256 of the content, 64 hex digits: the blob's name.
    pub hash: String,
    pub original_name: String,
    pub size: u64,
    /// Sniffed from the content (`image/jpeg`, `application/pdf`…), not from the name.
    pub media_type: String,
    pub added_at: NaiveDateTime,
    pub added_by: String,
    /// 说明; empty when none.
    pub caption: String,
    pub photo: PhotoMeta,
    /// Set while the file is in the 回收站.
    pub trashed_at: Option<NaiveDateTime>,
    /// The 反馈 (its record id) the file came with, if any.
    pub feedback: Option<i64>,
}

/// Where and when a photo was taken, from its EXIF.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PhotoMeta {
    pub taken_at: Option<NaiveDateTime>,
    /// Decimal degrees, north positive.
    pub lat: Option<f64>,
    /// Decimal degrees, east positive.
    pub lon: Option<f64>,
}

/// A file to record: what the blob store saw plus where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvidence<'a> {
    pub directive: DirectiveId,
    /// The progress note (进展) this file supports, if any.
    pub note: Option<NoteId>,
    pub hash: &'a str,
    pub original_name: &'a str,
    pub size: u64,
    pub media_type: &'a str,
    pub photo: PhotoMeta,
}

impl Evidence {
    /// A photo duban can draw a thumbnail of.
    pub fn is_image(&self) -> bool {
        super::is_image(&self.media_type)
    }

    /// The day the file speaks for: a photo's EXIF time, else the day it was added.
    pub fn dated_on(&self) -> chrono::NaiveDate {
        self.photo.taken_at.unwrap_or(self.added_at).date()
    }

    /// An executable or script: stored, but the app must never hand it to the system to open.
    pub fn never_launch(&self) -> bool {
        super::never_launch(&self.media_type, &self.original_name)
    }
}

/// 佐证 — whether `files` hold one (not in the 回收站) dated on or after `issued_on`, the
/// notice's issue date: a 销号 without one is 无佐证 (asked for, and marked in reports).
pub fn backs_closing(files: &[Evidence], issued_on: chrono::NaiveDate) -> bool {
    files.iter().any(|f| f.trashed_at.is_none() && f.dated_on() >= issued_on)
}

/// 1.2 MB, 350 KB, 12 字节.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 => format!("{:.1} GB", b as f64 / f64::from(1u32 << 30)),
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1u32 << 20)),
        b if b >= 1 << 10 => format!("{} KB", b.div_ceil(1 << 10)),
        b => format!("{b} 字节"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_naturally() {
        assert_eq!(super::human_size(12), "12 字节");
        assert_eq!(super::human_size(1500), "2 KB");
        assert_eq!(super::human_size(5 * 1024 * 1024 + 100_000), "5.1 MB");
        assert_eq!(super::human_size(2 << 30), "2.0 GB");
    }
}
