//! 督办单 / 反馈单 / 催办单 — forms exchanged with the offices as Word and Excel files. The values
//! the store keeps about them (the serial issued, the return applied) and what applying a
//! return writes: plain data, shared by the store, the forms layer and the window.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{DirectiveId, LoopEdit, OfficeId};

/// Which form: a 督办通知单 (with its 反馈单) or a 催办通知.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// 督办通知单 + 反馈单
    Notice,
    /// 催办通知
    Urge,
}

impl FormKind {
    pub fn as_db(self) -> &'static str {
        match self {
            FormKind::Notice => "notice",
            FormKind::Urge => "urge",
        }
    }

    pub fn from_db(s: &str) -> Option<FormKind> {
        [FormKind::Notice, FormKind::Urge].into_iter().find(|k| k.as_db() == s)
    }

    /// The word before the serial: 督办〔2022〕第3号, 催办〔2022〕第1号.
    pub fn serial_word(self) -> &'static str {
        match self {
            FormKind::Notice => "督办",
            FormKind::Urge => "催办",
        }
    }
}

/// One form issued to one office, as stored (its serial is never reused).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedForm {
    /// The identifier the files carry (a hash over what the form was issued with).
    pub form_id: String,
    pub kind: FormKind,
    pub serial_year: i32,
    pub serial_no: i64,
    pub office: OfficeId,
    pub office_name: String,
    /// The directives listed, in the form's order.
    pub directives: Vec<DirectiveId>,
    pub generated_at: NaiveDateTime,
}

impl IssuedForm {
    /// 督办〔2022〕第3号
    pub fn serial_text(&self) -> String {
        format!("{}〔{}〕第{}号", self.kind.serial_word(), self.serial_year, self.serial_no)
    }

    /// The short code printed on the form (表单识别码), enough to find it when the document
    /// properties were stripped.
    pub fn short_code(&self) -> &str {
        self.form_id.get(..12).unwrap_or(&self.form_id)
    }

    pub fn generated_on(&self) -> NaiveDate {
        self.generated_at.date()
    }

    pub fn year_of(at: NaiveDateTime) -> i32 {
        at.date().year()
    }
}

/// A return already applied (for spotting a second or an older one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedReturn {
    pub form_id: Option<String>,
    pub office: OfficeId,
    pub file_hash: String,
    pub file_name: String,
    /// When the form it answers was generated (None: matched without an identifier).
    pub form_generated_at: Option<NaiveDateTime>,
    pub applied_at: NaiveDateTime,
}

/// A file already in the blob store, to be recorded as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub hash: String,
    pub original_name: String,
    pub size: u64,
    pub media_type: String,
}

/// One directive's part of a return: the loop edits (反馈, 申请办结, 延期) and the photos that
/// came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnItem {
    pub directive: DirectiveId,
    pub edits: Vec<LoopEdit>,
    pub photos: Vec<StoredFile>,
}

/// What applying one returned file writes, in one transaction with the others of its batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnToApply {
    pub form_id: Option<String>,
    pub office: OfficeId,
    /// The returned file itself, kept as evidence of every directive it reports on.
    pub file: StoredFile,
    pub items: Vec<ReturnItem>,
}
