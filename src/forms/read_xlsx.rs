//! A returned Excel form: the workbook's sheets by name (xl/workbook.xml and its
//! relationships), shared and inline strings, numbers (a date cell is a serial number), the
//! 反馈单 sheet found by its header row, the identifier from the custom properties or the
//! hidden `duban` sheet, and the photos anchored on each row (xl/drawings).

use quick_xml::Reader;
use quick_xml::events::Event;

use super::FormsError;
use super::archive::{MAX_PHOTO_BYTES, MAX_PHOTOS, Package, attr, custom_properties, entity};
use super::docx_forms::{PROP_FORM_ID, PROP_PART};
use super::read_docx::{printed_code, printed_serial};
use super::returned::{Column, FileFormat, Photo, ReturnedFile, ReturnedRow, column_of};

/// (row, column) → text, 0-based.
type Grid = Vec<(u32, u32, String)>;

fn rels(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.push((id, t));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// `xl/worksheets/sheet1.xml` from a target relative to `base` (xl/ or xl/worksheets/).
fn resolve(base: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn shared_strings(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut cur, mut in_t, mut in_rph) = (String::new(), false, false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => cur.clear(),
                b"t" => in_t = true,
                b"rPh" => in_rph = true,
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => out.push(std::mem::take(&mut cur)),
                b"t" => in_t = false,
                b"rPh" => in_rph = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_t && !in_rph => cur.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_t && !in_rph => cur.push_str(&entity(&r)),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// A1 → (0, 0)
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = &r[letters.len()..];
    let col = letters
        .bytes()
        .try_fold(0u32, |acc, b| Some(acc * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32))?;
    Some((digits.parse::<u32>().ok()?.checked_sub(1)?, col.checked_sub(1)?))
}

fn sheet_cells(xml: &str, strings: &[String]) -> Result<Grid, FormsError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut at, mut kind, mut value) = (None::<(u32, u32)>, String::new(), String::new());
    let (mut in_v, mut in_t, mut next_row, mut next_col) = (false, false, 0u32, 0u32);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"row" => {
                next_row = attr(&e, b"r").and_then(|r| r.parse::<u32>().ok()).map_or(next_row, |r| r - 1);
                next_col = 0;
            }
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"c" => {
                    at = attr(&e, b"r").and_then(|r| cell_ref(&r)).or(Some((next_row, next_col)));
                    kind = attr(&e, b"t").unwrap_or_default();
                    value.clear();
                }
                b"v" => in_v = true,
                b"t" => in_t = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" => in_v = false,
                b"t" => in_t = false,
                b"c" => {
                    if let Some((r, c)) = at.take() {
                        let text = match kind.as_str() {
                            "s" => value
                                .trim()
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| strings.get(i).cloned())
                                .unwrap_or_default(),
                            "b" => if value == "1" { "TRUE" } else { "FALSE" }.to_owned(),
                            _ => value.clone(),
                        };
                        out.push((r, c, text));
                        next_col = c + 1;
                    }
                }
                b"row" => next_row += 1,
                _ => {}
            },
            Ok(Event::Text(t)) if in_v || in_t => value.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_v || in_t => value.push_str(&entity(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(FormsError::Damaged(format!("工作表格式错误：{e}"))),
        }
    }
    Ok(out)
}

/// Photos anchored in a drawing: (row, part name).
fn anchored_images(xml: &str, drawing_rels: &[(String, String)], base: &str) -> Vec<(u32, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut in_from, mut in_row, mut row) = (false, false, 0u32);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"from" => in_from = true,
                b"row" if in_from => in_row = true,
                b"blip" => push_blip(&e, drawing_rels, base, row, &mut out),
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"blip" => {
                push_blip(&e, drawing_rels, base, row, &mut out)
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"from" => in_from = false,
                b"row" => in_row = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_row => {
                row = t.decode().ok().and_then(|s| s.trim().parse().ok()).unwrap_or(row)
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

fn push_blip(
    e: &quick_xml::events::BytesStart,
    rels: &[(String, String)],
    base: &str,
    row: u32,
    out: &mut Vec<(u32, String)>,
) {
    if let Some(id) = attr(e, b"embed")
        && let Some((_, t)) = rels.iter().find(|(i, _)| *i == id)
    {
        out.push((row, resolve(base, t)));
    }
}

fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Reads a returned .xlsx.
pub fn read_xlsx(bytes: &[u8]) -> Result<ReturnedFile, FormsError> {
    let mut pkg = Package::open(bytes)?;
    let Some(workbook) = pkg.text("xl/workbook.xml")? else {
        return Err(if pkg.has("word/document.xml") {
            FormsError::WrongExtension("Word")
        } else {
            FormsError::NotOffice
        });
    };
    let book_rels = pkg.text("xl/_rels/workbook.xml.rels")?.map(|x| rels(&x)).unwrap_or_default();
    let strings = pkg.text("xl/sharedStrings.xml")?.map(|x| shared_strings(&x)).unwrap_or_default();
    // (name, part)
    let mut sheets = Vec::new();
    let mut reader = Reader::from_str(&workbook);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                let name = attr(&e, b"name").unwrap_or_default();
                if let Some((_, t)) =
                    attr(&e, b"id").and_then(|id| book_rels.iter().find(|(i, _)| *i == id).cloned())
                {
                    sheets.push((name, resolve("xl", &t)));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let props = pkg.text("docProps/custom.xml")?.map(|x| custom_properties(&x)).unwrap_or_default();
    let mut form_id = props.iter().find(|(k, _)| k == PROP_FORM_ID).map(|(_, v)| v.clone());
    let part = props.iter().find(|(k, _)| k == PROP_PART).map(|(_, v)| v.clone());
    let mut notes = Vec::new();
    let mut all_text = String::new();
    let mut found: Option<(String, Grid, u32)> = None;
    for (name, path) in &sheets {
        let Some(xml) = pkg.text(path)? else { continue };
        let grid = sheet_cells(&xml, &strings)?;
        if name == super::xlsx_form::HIDDEN_SHEET {
            let key_at = grid.iter().find(|(_, c, t)| *c == 0 && t == PROP_FORM_ID).map(|(r, _, _)| *r);
            if form_id.is_none() {
                form_id = key_at
                    .and_then(|r| grid.iter().find(|(rr, c, _)| *rr == r && *c == 1))
                    .map(|(_, _, t)| t.clone());
            }
            continue;
        }
        for (_, _, t) in &grid {
            all_text.push_str(t);
            all_text.push('\n');
        }
        if found.is_none() {
            let header =
                grid.iter().map(|(r, _, _)| *r).collect::<std::collections::BTreeSet<_>>().into_iter().find(
                    |r| {
                        let cols: Vec<_> = grid
                            .iter()
                            .filter(|(rr, _, _)| rr == r)
                            .filter_map(|(_, _, t)| column_of(t))
                            .collect();
                        cols.contains(&Column::Number)
                            && cols.iter().any(|c| matches!(c, Column::Progress | Column::State))
                    },
                );
            if let Some(h) = header {
                found = Some((path.clone(), grid, h));
            }
        }
    }
    let mut rows = Vec::new();
    if let Some((path, grid, header)) = found {
        let mut columns: Vec<(u32, Column)> = Vec::new();
        for (_, c, t) in grid.iter().filter(|(r, _, _)| *r == header) {
            match column_of(t) {
                Some(col) if !columns.iter().any(|(_, k)| *k == col) => columns.push((*c, col)),
                _ if t.trim().is_empty() => {}
                _ => notes.push(format!("多出的列“{}”未读取", t.trim())),
            }
        }
        // Photos anchored on rows of this sheet.
        let mut images: Vec<(u32, String)> = Vec::new();
        let sheet_rels = pkg.text(&rels_path(&path))?.map(|x| rels(&x)).unwrap_or_default();
        let sheet_dir = path.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
        for (_, t) in sheet_rels.iter().filter(|(_, t)| t.contains("drawing")) {
            let drawing = resolve(&sheet_dir, t);
            let drawing_rels = pkg.text(&rels_path(&drawing))?.map(|x| rels(&x)).unwrap_or_default();
            if let Some(xml) = pkg.text(&drawing)? {
                let dir = drawing.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
                images.extend(anchored_images(&xml, &drawing_rels, &dir));
            }
        }
        let last = grid.iter().map(|(r, _, _)| *r).max().unwrap_or(header);
        let mut taken = 0usize;
        for r in header + 1..=last {
            let mut row = ReturnedRow { line: (r - header) as usize, ..ReturnedRow::default() };
            for (_, c, t) in grid.iter().filter(|(rr, _, _)| *rr == r) {
                let t = t.trim().to_owned();
                match columns.iter().find(|(a, _)| a == c).map(|(_, k)| *k) {
                    Some(Column::Number) => row.number = t,
                    Some(Column::Requirement) => row.requirement = t,
                    Some(Column::State) => row.state = t,
                    Some(Column::Progress) => row.progress = t,
                    Some(Column::ExtendTo) => row.extend_to = t,
                    Some(Column::ExtendReason) => row.extend_reason = t,
                    Some(Column::Contact) => row.contact = t,
                    Some(Column::Deadline) | None => {}
                }
            }
            for (_, part) in images.iter().filter(|(ir, _)| *ir == r) {
                if taken >= MAX_PHOTOS {
                    row.notes.push(format!("照片过多，{part} 未取出"));
                    continue;
                }
                match pkg.bytes(part, MAX_PHOTO_BYTES) {
                    Ok(Some(b)) => {
                        taken += 1;
                        row.photos.push(Photo {
                            name: part.rsplit('/').next().unwrap_or("照片").to_owned(),
                            bytes: b,
                        });
                    }
                    Ok(None) => row.notes.push(format!("照片 {part} 在文件中找不到，未取出")),
                    Err(e) => row.notes.push(format!("照片 {part} 未取出：{e}")),
                }
            }
            if row.number.is_empty() && row.requirement.is_empty() && row.is_blank() {
                continue;
            }
            rows.push(row);
        }
    }
    Ok(ReturnedFile {
        format: FileFormat::Xlsx,
        form_id,
        code: printed_code(&all_text),
        part,
        serial: printed_serial(&all_text),
        rows,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_paths() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("AB12"), Some((11, 27)));
        assert_eq!(resolve("xl", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/worksheets", "../drawings/drawing1.xml"), "xl/drawings/drawing1.xml");
        assert_eq!(resolve("xl", "/xl/worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
        assert_eq!(rels_path("xl/worksheets/sheet1.xml"), "xl/worksheets/_rels/sheet1.xml.rels");
    }
}
