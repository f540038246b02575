//! 佐证材料清单 — an appendix a report can carry: every file backing the directives it lists
//! (the 回收站 left out), with its size, SHA-256, EXIF time and place, who added it and when, so
//! a reader can check a file against the report. Gathered from the store by the caller (the
//! report itself stays a pure function of its Summary); drawn as a table after the Word and PDF
//! reports' body (the same texts, [`row_texts`]) and as its own sheet in Excel (xlsx.rs).

use docx_rs::{Docx, Shading, ShdType, Table, TableRow, WidthType};

use super::Summary;
use super::docx::{BODY_FONT, HEADING1_FONT, SIZE_BODY, body, cell, run};
use crate::model::{Evidence, human_size};
use crate::store::{Result, Store};

/// One listed file and the directive number it backs.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedEvidence {
    pub number: String,
    pub file: Evidence,
}

/// The files of every directive in `summary`, in the report's order (each directive once).
pub fn gather(store: &Store, summary: &Summary) -> Result<Vec<ListedEvidence>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for item in summary.blocks.iter().flat_map(|b| b.items.iter()) {
        if !seen.insert(item.id) || item.evidence == 0 {
            continue;
        }
        for file in store.evidence_for(item.id)? {
            out.push(ListedEvidence { number: item.number.clone(), file });
        }
    }
    Ok(out)
}

/// 拍摄于2022-03-18 09:30，北纬41.8°、东经123.4° — what the EXIF says, or —.
pub fn exif_text(e: &Evidence) -> String {
    let time = e.photo.taken_at.map(|t| format!("拍摄于{}", t.format("%Y-%m-%d %H:%M")));
    let place = match (e.photo.lat, e.photo.lon) {
        (Some(lat), Some(lon)) => {
            let ns = if lat >= 0.0 { "北纬" } else { "南纬" };
            let ew = if lon >= 0.0 { "东经" } else { "西经" };
            Some(format!("{ns}{:.4}°、{ew}{:.4}°", lat.abs(), lon.abs()))
        }
        _ => None,
    };
    let parts: Vec<String> = [time, place].into_iter().flatten().collect();
    if parts.is_empty() { "—".to_owned() } else { parts.join("，") }
}

const WIDTHS: [usize; 6] = [900, 1600, 800, 2945, 1400, 1200];
/// The table's headings (Word and PDF).
pub const HEAD: [&str; 6] = ["工作要求", "文件", "大小", "SHA-256", "拍摄时间、地点", "添加人、时间"];
/// The appendix's heading.
pub const TITLE: &str = "附件：佐证材料清单";
/// Said instead of the table when no listed directive has a file.
pub const NONE: &str = "所列工作要求均未附材料。";

/// One row's cells; the SHA-256 in `hash_lines` lines of equal length (it fits no column
/// whole: Word takes two lines of 32 digits, the narrower PDF column four of 16), and in a
/// narrow layout the time added on a line of its own.
pub fn row_texts(l: &ListedEvidence, hash_lines: usize, narrow: bool) -> [String; 6] {
    let e = &l.file;
    let per_line = e.hash.len().div_ceil(hash_lines.max(1)).max(1);
    let hash: Vec<&str> = (0..e.hash.len())
        .step_by(per_line)
        .filter_map(|i| e.hash.get(i..(i + per_line).min(e.hash.len())))
        .collect();
    [
        l.number.clone(),
        e.original_name.clone(),
        human_size(e.size),
        hash.join("\n"),
        exif_text(e),
        format!(
            "{}\n{}",
            e.added_by,
            e.added_at.format(if narrow { "%Y-%m-%d\n%H:%M" } else { "%Y-%m-%d %H:%M" })
        ),
    ]
}

/// The appendix after the report's body: a page break, 附件：佐证材料清单, the table.
pub fn append(doc: Docx, list: &[ListedEvidence]) -> Docx {
    let fill = Shading::new().shd_type(ShdType::Clear).fill(super::docx_finish::HEADER_FILL);
    let head = TableRow::new(
        HEAD.iter().zip(WIDTHS).map(|(h, w)| cell(h, w, None, true).shading(fill.clone())).collect(),
    )
    .cant_split();
    let rows = list.iter().map(|l| {
        // Two lines of 32 hex digits fit the column.
        let texts = row_texts(l, 2, false);
        TableRow::new(texts.iter().zip(WIDTHS).map(|(t, w)| cell(t, w, None, false)).collect()).cant_split()
    });
    // The heading starts its page itself: a paragraph holding only a page break spilled onto an
    // empty page of its own when the report's last page was full.
    let doc = doc.add_paragraph(body(vec![run(TITLE, HEADING1_FONT, SIZE_BODY)]).page_break_before(true));
    if list.is_empty() {
        return doc.add_paragraph(body(vec![run(NONE, BODY_FONT, SIZE_BODY)]));
    }
    doc.add_table(
        Table::new(std::iter::once(head).chain(rows).collect())
            .set_grid(WIDTHS.to_vec())
            .width(WIDTHS.iter().sum(), WidthType::Dxa),
    )
}
