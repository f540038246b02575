//! CSV for other systems: UTF-8 with a BOM (without it Excel and WPS read GBK and garble the
//! Chinese), one row per directive × office, RFC 4180 quoting.

use super::Summary;
use super::table::{COLUMNS, rows};

/// The CSV file's bytes.
pub fn render(summary: &Summary) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_record(&mut out, COLUMNS.iter().copied());
    for row in rows(summary) {
        let cells = row.cells_iso();
        push_record(&mut out, cells.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn push_record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}
