//! 汇总导出 — the meeting report: a [`Summary`] built from the board, rendered as Word, Excel
//! or CSV, and written atomically (a failure never leaves a partial file).

mod brief;
mod bulletin;
mod csv;
mod docx;
mod docx_finish;
mod evidence_list;
mod pdf;
mod summary;
mod table;
mod xlsx;

use std::path::Path;

use chrono::{Datelike, NaiveDate};

pub use crate::model::Totals;
pub use brief::{BriefSince, brief_sentence, export_brief, meeting_brief, render_brief};
pub use bulletin::{BulletinMeta, export_bulletin, totals_sentence};
pub use evidence_list::{ListedEvidence, exif_text, gather as gather_evidence};
pub use summary::{OfficeBlock, Scope, Summary, SummaryItem, SummaryRequest, TABLE_HEADER};

use crate::fsutil::{WriteError, write_atomically};

/// The file formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Xlsx,
    Pdf,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Docx, Format::Xlsx, Format::Pdf, Format::Csv];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
        }
    }

    /// How the officer knows the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word 文档（公文格式）",
            Format::Xlsx => "Excel 表格",
            Format::Pdf => "PDF（打印）",
            Format::Csv => "CSV（其他系统）",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(s))
    }

    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::parse(path.extension()?.to_str()?)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("生成 Word 文件失败：{0}")]
    Docx(String),
    #[error("生成 Excel 文件失败：{0}")]
    Xlsx(String),
    #[error("生成 PDF 文件失败：{0}")]
    Pdf(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The report's bytes in `format`.
pub fn render(summary: &Summary, format: Format) -> Result<Vec<u8>, ReportError> {
    render_with_progress(summary, format, &mut |_| {})
}

/// The report's bytes in `format`; `progress` hears how far (0.0–1.0) where the format can say.
pub fn render_with_progress(
    summary: &Summary,
    format: Format,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Docx => docx::render(summary, progress).map_err(ReportError::Docx),
        Format::Xlsx => xlsx::render(summary).map_err(|e| ReportError::Xlsx(e.to_string())),
        Format::Pdf => pdf::render(summary, progress).map_err(|e| ReportError::Pdf(e.to_string())),
        Format::Csv => Ok(csv::render(summary)),
    }
}

/// Renders and writes the report to `path` atomically.
pub fn export(summary: &Summary, format: Format, path: &Path) -> Result<(), ReportError> {
    let bytes = render(summary, format)?;
    write_atomically(path, &bytes)?;
    Ok(())
}

/// Who issues a bulletin unless the notices name their issuer.
pub const DEFAULT_ISSUER: &str = "总队办公室";

/// 督查通报 for `span` from the store: the records dated up to its last day (see docs/loop.md),
/// ranked when `rank` or 设置 asks; written atomically to `path`. Returns what was written.
pub fn write_bulletin(
    store: &crate::store::Store,
    span: crate::model::BulletinSpan,
    issued_on: NaiveDate,
    rank: bool,
    path: &Path,
) -> Result<crate::model::Bulletin, BulletinError> {
    let board = store.load_board_as_of(Some(span.ends))?;
    let rank = rank || store.settings()?.rank_offices;
    let bulletin = crate::model::Bulletin::build(&board, span, store.feedback_cadence()?, rank);
    let issuer =
        board.notices.iter().find_map(|n| n.issuer.clone()).unwrap_or_else(|| DEFAULT_ISSUER.to_owned());
    export_bulletin(&bulletin, &BulletinMeta { issuer: &issuer, issued_on }, path)?;
    Ok(bulletin)
}

/// Why a bulletin could not be written.
#[derive(Debug, thiserror::Error)]
pub enum BulletinError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Report(#[from] ReportError),
}

/// 2022年3月16日
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 3月16日 in the report's year, else the full date.
pub fn short_chinese_date(d: NaiveDate, report: NaiveDate) -> String {
    if d.year() == report.year() { format!("{}月{}日", d.month(), d.day()) } else { chinese_date(d) }
}

/// 一 … 九十九 for heading numbers.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, unit) = (n / 10 % 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(DIGITS[tens]);
    }
    if tens >= 1 {
        s.push('十');
    }
    s.push_str(DIGITS[unit]);
    s
}
