//! 表单往来 — 督办通知单 out, 反馈单 back, 催办通知 when late, as Word and Excel files the
//! offices already use. Generating issues a stored serial (督办〔2022〕第3号) and puts the form's
//! identifier inside every file; reading a returned file (renamed, re-saved by WPS or
//! LibreOffice, partly mangled) finds its office and directives and proposes feedback records
//! for the officer to review; applying writes them through the same store path as a typed
//! feedback, all in one transaction. A core layer beside `report/` (no egui): the window and
//! the command line call it.

mod apply;
mod archive;
mod content;
mod docx_forms;
mod docx_package;
mod generate;
mod proposal;
mod read_docx;
mod read_xlsx;
mod returned;
mod review;
mod xlsx_form;

use std::path::Path;

pub use apply::{ApplyOutcome, apply_review, to_apply};
pub use archive::{MAX_FILE_BYTES, MAX_PHOTO_BYTES, is_ole};
pub use content::{FormRow, OfficeForms, office_forms, offices_with_open_work};
pub use docx_forms::{FEEDBACK_HEADER, PROP_FORM_ID, STATE_CHOICES, UrgeLine};
pub use generate::{Generated, generate_forms, generate_urges};
pub use proposal::{Conflict, Proposal};
pub use read_docx::read_docx;
pub use read_xlsx::read_xlsx;
pub use returned::{FileFormat, Photo, ReturnedFile, ReturnedRow, parse_date, state_asked};
pub use review::{FileReview, Match, Review, review_files};
pub use xlsx_form::{HIDDEN_SHEET, SHEET};

/// What goes wrong with a form, in words for the officer (the file's name is added by the
/// caller, last).
#[derive(Debug, thiserror::Error)]
pub enum FormsError {
    #[error(
        "文件有密码保护或是旧版 .doc/.xls 格式：请在 Word/WPS 中去掉密码，另存为 .docx 或 .xlsx 后再读取"
    )]
    OleFile,
    #[error("文件有密码保护：请去掉密码后另存再读取")]
    Encrypted,
    #[error("不是 Word(.docx) 或 Excel(.xlsx) 文件")]
    NotOffice,
    #[error("这是{0}文件，但扩展名不符：已按内容读取失败，请改正扩展名")]
    WrongExtension(&'static str),
    #[error("文件已损坏：{0}")]
    Damaged(String),
    #[error("文件过大（{size} 字节，上限 {limit} 字节）")]
    TooLarge { size: u64, limit: u64 },
    #[error("文件中的 {part} 解压后超过 {limit} 字节，疑似压缩炸弹，已停止读取")]
    Unpacked { part: String, limit: u64 },
    #[error("生成 Word 文件失败：{0}")]
    Docx(#[from] zip::result::ZipError),
    #[error("生成 Excel 文件失败：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Write(#[from] crate::fsutil::WriteError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Evidence(#[from] crate::evidence::EvidenceError),
    #[error("读取文件失败：{0}")]
    Io(#[from] std::io::Error),
}

/// Reads a returned form from its bytes, by content (a .docx renamed .xlsx still reads).
pub fn read_form(bytes: &[u8]) -> Result<ReturnedFile, FormsError> {
    match read_docx(bytes) {
        Err(FormsError::WrongExtension(_)) => read_xlsx(bytes),
        other => other,
    }
}

/// Reads a returned form from a file.
pub fn read_form_file(path: &Path) -> Result<ReturnedFile, FormsError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(FormsError::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    read_form(&std::fs::read(path)?)
}
