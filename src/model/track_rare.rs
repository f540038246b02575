//! 少见部分 — the parts of an office's track few offices have: an extension, a return's reason,
//! the periods a recurring directive's feedback answered. A register holds one track per
//! assignment (~185,000 at 100,000 directives) and most have none of these, so they share one
//! box: a track without them carries a single empty pointer (104 → 64 bytes a track).

use chrono::NaiveDate;

use super::{ExtensionNote, OfficeTrack};

/// Read and changed through [`OfficeTrack`]'s methods (extension, last_return_reason, received).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackRare {
    extension: Option<ExtensionNote>,
    last_return_reason: Option<String>,
    received: Vec<(NaiveDate, NaiveDate)>,
}

impl TrackRare {
    fn is_empty(&self) -> bool {
        self.extension.is_none() && self.last_return_reason.is_none() && self.received.is_empty()
    }
}

impl OfficeTrack {
    /// The newest extension, if any.
    pub fn extension(&self) -> Option<&ExtensionNote> {
        self.rare.as_ref()?.extension.as_ref()
    }

    /// The reason of the newest 退回, kept after the office reports again.
    pub fn last_return_reason(&self) -> Option<&str> {
        self.rare.as_ref()?.last_return_reason.as_deref()
    }

    /// 报送期次已收到 — (due date, received on) of each period a feedback answered (recurring
    /// directives only; see model/periods.rs).
    pub fn received(&self) -> &[(NaiveDate, NaiveDate)] {
        self.rare.as_ref().map_or(&[], |r| r.received.as_slice())
    }

    pub fn set_extension(&mut self, extension: Option<ExtensionNote>) {
        self.change(|r| r.extension = extension);
    }

    pub fn set_last_return_reason(&mut self, reason: Option<String>) {
        self.change(|r| r.last_return_reason = reason);
    }

    /// Adds a period received.
    pub fn add_received(&mut self, due: NaiveDate, on: NaiveDate) {
        self.change(|r| r.received.push((due, on)));
    }

    /// Keeps the periods received that `keep` accepts.
    pub fn retain_received(&mut self, keep: impl FnMut(&(NaiveDate, NaiveDate)) -> bool) {
        if self.rare.is_some() {
            self.change(|r| r.received.retain(keep));
        }
    }

    /// Changes the rare parts, boxing them when the first arrives and dropping the box when the
    /// last goes.
    fn change(&mut self, f: impl FnOnce(&mut TrackRare)) {
        let rare = self.rare.get_or_insert_with(Box::default);
        f(rare);
        if rare.is_empty() {
            self.rare = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_track_without_rare_parts_holds_no_box() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut t = OfficeTrack::default();
        assert_eq!((t.extension(), t.last_return_reason(), t.received()), (None, None, &[][..]));
        t.set_last_return_reason(Some("缺少台账".to_owned()));
        t.add_received(d("2022-03-25"), d("2022-03-20"));
        assert_eq!(t.last_return_reason(), Some("缺少台账"));
        assert_eq!(t.received(), [(d("2022-03-25"), d("2022-03-20"))]);
        t.retain_received(|_| false);
        t.set_last_return_reason(None);
        assert!(t.rare.is_none(), "the box goes with its last part");
        assert!(std::mem::size_of::<OfficeTrack>() <= 64, "{}", std::mem::size_of::<OfficeTrack>());
    }
}
