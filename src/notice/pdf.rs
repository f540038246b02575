//! PDF — the text layer of a notice published as PDF, read with the `pdf-extract` crate (which
//! maps CID fonts through their ToUnicode tables, as Chinese PDFs need). The lines a page
//! wraps are joined back into paragraphs and the spaces a font change leaves between Chinese
//! and digits (`2022 年 3 月`) are dropped, so the parser sees the text as written. A PDF with
//! no text (a scan) is refused with a message that says so. The extractor is run behind
//! `catch_unwind`: a malformed file is an error, never a crash.

use std::sync::LazyLock;

use regex::Regex;

use super::NoticeError;
use super::numbering::marker_of;

/// The largest PDF read (bytes): notices with pictures run to a few megabytes.
pub const MAX_PDF_BYTES: u64 = 32 * 1024 * 1024;
/// Fewer readable characters than this and the PDF has no text layer to speak of.
const MIN_TEXT_CHARS: usize = 10;

/// Whether these bytes are a PDF (`%PDF-` within the first kilobyte, as readers accept).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF's text layer, as paragraphs.
pub fn read_pdf(bytes: &[u8]) -> Result<String, NoticeError> {
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let raw = match extracted {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => {
            let reason = e.to_string();
            if reason.to_lowercase().contains("encrypt") || reason.to_lowercase().contains("password") {
                return Err(NoticeError::EncryptedPdf);
            }
            return Err(NoticeError::BadPdf { reason });
        }
        Err(_) => return Err(NoticeError::BadPdf { reason: "文件结构无法解析".to_owned() }),
    };
    let text = tidy(&raw);
    let readable = text.chars().filter(|c| c.is_alphanumeric()).count();
    if readable < MIN_TEXT_CHARS {
        return Err(NoticeError::ScannedPdf);
    }
    Ok(text)
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
        .expect("page number regex")
});

fn is_wide(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '、' | '…' | '—')
}

/// Spaces next to a Chinese character or full-width mark are layout, not text.
fn drop_layout_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let wide = before.is_some_and(is_wide) || after.is_some_and(is_wide);
            if !wide && before.is_some() && after.is_some() {
                out.push(' ');
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Display width: a Chinese character counts two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Joins the lines a page wrapped: a line as wide as the text column that does not end a
/// sentence runs on into the next, unless the next starts a numbered item.
pub fn tidy(raw: &str) -> String {
    let lines: Vec<String> = raw
        .lines()
        .map(drop_layout_spaces)
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty() && !PAGE_NUMBER.is_match(l))
        .collect();
    let column = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    let mut out = String::with_capacity(raw.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else { break };
        let full = width(line) * 10 >= column * 8;
        let ends = line.ends_with(['。', '！', '？', '：', ':', '；', ';']);
        let starts_item = marker_of(next).is_some();
        if !(full && !ends && !starts_item) {
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_and_layout_spaces_go() {
        let raw = "关于 2022 年\n第 10 次办公会议的通知\n各支队：\n近日，消防救援局召开第 8 次党委会，深入学习贯彻重要讲话精神和\n全国两会精神，现印发给你们。\n- 1 -\n一、加强检查。\n";
        assert_eq!(
            tidy(raw),
            "关于2022年\n第10次办公会议的通知\n各支队：\n近日，消防救援局召开第8次党委会，深入学习贯彻重要讲话精神和全国两会精神，现印发给你们。\n一、加强检查。\n"
        );
        assert_eq!(drop_layout_spaces("Word 文件 and PDF"), "Word文件and PDF");
    }

    #[test]
    fn not_a_pdf_and_broken_pdfs() {
        assert!(!is_pdf(b"hello"));
        assert!(is_pdf(b"%PDF-1.4\n"));
        assert!(matches!(read_pdf(b"%PDF-1.4\ngarbage"), Err(NoticeError::BadPdf { .. })));
    }
}
