//! 收尾 — what docx-rs cannot say, added to its output before the file is written: the tables'
//! header rows repeat at the top of every page (`w:tblHeader`; without it a table running onto
//! the next page has no 序号/工作要求/… above it), every part is deflated (docx-rs stores
//! them uncompressed: a 10,000-directive report was 46 MB of which ~1 MB compressed), and the
//! body is streamed into the compressed part rather than built whole in memory.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The shading the header cells carry (see `office_table`): how a header row is recognised.
pub const HEADER_FILL: &str = "EEEEEE";

/// The body streamed into `word/document.xml` in place of the paragraph holding the mark.
pub type Body<'a> = (&'a str, &'a mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>);

/// Rewrites the package `raw`: every entry deflated, and in `word/document.xml` the paragraph
/// holding `mark` replaced by what `body` writes (streamed through the compressor).
pub fn finish(
    raw: &[u8],
    mark: &str,
    body: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> zip::result::ZipResult<Vec<u8>> {
    rewrite(raw, Some((mark, body)))
}

/// Rewrites a package built whole (督查通报, 汇报稿): every entry deflated, header rows marked
/// to repeat.
pub fn finish_whole(raw: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    rewrite(raw, None)
}

fn rewrite(raw: &[u8], mut streamed: Option<Body>) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len() / 4)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name()?.into_owned();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes)?;
        out.start_file(name.as_str(), options)?;
        if name != "word/document.xml" {
            out.write_all(&bytes)?;
            continue;
        }
        let xml = String::from_utf8_lossy(&bytes);
        let Some((mark, body)) = streamed.as_mut() else {
            out.write_all(repeat_header_rows(&xml).as_bytes())?;
            continue;
        };
        let (before, after) = around_mark(&xml, mark)
            .ok_or_else(|| zip::result::ZipError::Io(std::io::Error::other("报告正文的位置标记缺失")))?;
        out.write_all(repeat_header_rows(before).as_bytes())?;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut out);
        body(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        // After the body: the skeleton's own tables (佐证材料清单) repeat their headers too.
        out.write_all(repeat_header_rows(after).as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// The XML before and after the paragraph that holds `mark`.
fn around_mark<'a>(xml: &'a str, mark: &str) -> Option<(&'a str, &'a str)> {
    let at = xml.find(mark)?;
    let start = xml[..at].rfind("<w:p>").into_iter().chain(xml[..at].rfind("<w:p ")).max()?;
    let end = at + xml[at..].find("</w:p>")? + "</w:p>".len();
    Some((&xml[..start], &xml[end..]))
}

/// Adds `<w:tblHeader />` to the row properties of every table row whose cells carry the
/// header shading.
pub fn repeat_header_rows(xml: &str) -> String {
    let mut result = String::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    while let Some(start) = rest.find("<w:tr>") {
        let Some(len) = rest[start..].find("</w:tr>") else { break };
        let end = start + len + "</w:tr>".len();
        result.push_str(&rest[..start]);
        let row = &rest[start..end];
        if row.contains(&format!("w:fill=\"{HEADER_FILL}\"")) && !row.contains("<w:tblHeader") {
            result.push_str(&row.replacen("<w:trPr>", "<w:trPr><w:tblHeader />", 1));
        } else {
            result.push_str(row);
        }
        rest = &rest[end..];
    }
    result.push_str(rest);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rows_with_the_header_shading_are_marked() {
        let xml = concat!(
            "<w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:shd w:fill=\"EEEEEE\"/></w:tc></w:tr>",
            "<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc>一.1</w:tc></w:tr></w:tbl>"
        );
        let out = repeat_header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
        assert!(out.ends_with("<w:tc>一.1</w:tc></w:tr></w:tbl>"));
    }
}
