//! A returned Word form: word/document.xml read table by table (cells placed by the grid, so a
//! merged cell lands where it starts), the 反馈单's table found by its headings, each cell's
//! text as shown — tracked insertions kept, deletions dropped, a content control's
//! placeholder read as empty, a legacy drop-down field read by its chosen entry — and the
//! photos in each row taken out of word/media. The identifier comes from the custom
//! properties, else the printed 表单识别码.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::FormsError;
use super::archive::{MAX_PHOTO_BYTES, MAX_PHOTOS, Package, attr, custom_properties, entity};
use super::docx_forms::{CODE_LABEL, PROP_FORM_ID, PROP_PART};
use super::returned::{Column, FileFormat, Photo, ReturnedFile, ReturnedRow, column_of};

#[derive(Default, Clone)]
struct Cell {
    text: String,
    span: usize,
    merged_below: bool,
    images: Vec<String>,
}

#[derive(Default)]
struct Scan {
    tables: Vec<Vec<Vec<Cell>>>,
    /// The text outside tables (for the printed code and the serial).
    text: String,
    depth: usize,
    in_text: bool,
    in_del: usize,
    placeholder: usize,
    sdt_pr: bool,
    in_sdt_content_placeholder: Vec<bool>,
    dd_result: Option<usize>,
    dd_entries: Vec<String>,
    insertions: bool,
    deletions: bool,
    comments: bool,
}

impl Scan {
    fn cell(&mut self) -> Option<&mut Cell> {
        if self.depth == 0 {
            return None;
        }
        self.tables.last_mut()?.last_mut()?.last_mut()
    }

    fn push(&mut self, s: &str) {
        if self.in_del > 0 || self.placeholder > 0 {
            return;
        }
        if self.depth == 0 {
            self.text.push_str(s);
        } else if let Some(c) = self.cell() {
            c.text.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            b"tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.tables.push(Vec::new());
                }
            }
            b"tr" if self.depth == 1 && !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.push(Vec::new());
                }
            }
            b"tc" if self.depth == 1 && !empty => {
                if let Some(r) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                    r.push(Cell { span: 1, ..Cell::default() });
                }
            }
            b"gridSpan" if self.depth == 1 => {
                let n = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1usize).clamp(1, 64);
                if let Some(c) = self.cell() {
                    c.span = n;
                }
            }
            b"vMerge" if self.depth == 1 => {
                // <w:vMerge/> (no val) continues the cell above; val="restart" starts one.
                if attr(e, b"val").as_deref() != Some("restart")
                    && let Some(c) = self.cell()
                {
                    c.merged_below = true;
                }
            }
            b"t" if !empty => self.in_text = true,
            b"tab" => self.push(" "),
            b"br" | b"cr" => self.push("\n"),
            b"del" | b"moveFrom" if !empty => {
                self.in_del += 1;
                self.deletions = true;
            }
            b"ins" | b"moveTo" => self.insertions = true,
            b"commentReference" | b"commentRangeStart" => self.comments = true,
            b"sdtPr" if !empty => self.sdt_pr = true,
            b"showingPlcHdr" if self.sdt_pr => {
                if let Some(last) = self.in_sdt_content_placeholder.last_mut() {
                    *last = true;
                }
            }
            b"sdt" if !empty => self.in_sdt_content_placeholder.push(false),
            b"sdtContent" if !empty && self.in_sdt_content_placeholder.last().copied().unwrap_or(false) => {
                self.placeholder += 1;
            }
            b"blip" | b"imagedata" => {
                let id = attr(e, b"embed").or_else(|| attr(e, b"id"));
                if let (Some(id), Some(c)) = (id, self.cell()) {
                    c.images.push(id);
                }
            }
            b"listEntry" => {
                if let Some(v) = attr(e, b"val") {
                    self.dd_entries.push(v);
                }
            }
            b"result" => self.dd_result = attr(e, b"val").and_then(|v| v.parse().ok()),
            b"ddList" => {
                self.dd_entries.clear();
                self.dd_result = None;
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"tbl" => self.depth = self.depth.saturating_sub(1),
            b"t" => self.in_text = false,
            b"p" => self.push("\n"),
            b"del" | b"moveFrom" => self.in_del = self.in_del.saturating_sub(1),
            b"sdtPr" => self.sdt_pr = false,
            b"sdtContent" if self.in_sdt_content_placeholder.last().copied().unwrap_or(false) => {
                self.placeholder = self.placeholder.saturating_sub(1);
            }
            b"sdt" => {
                self.in_sdt_content_placeholder.pop();
            }
            b"ddList" => {
                // A legacy drop-down field shows its chosen entry (the first when none chosen).
                let chosen = self.dd_entries.get(self.dd_result.unwrap_or(0)).cloned();
                if let Some(v) = chosen.filter(|_| self.dd_result.is_some()) {
                    self.push(&v);
                }
            }
            _ => {}
        }
    }
}

fn scan(xml: &str) -> Result<Scan, FormsError> {
    let mut reader = Reader::from_str(xml);
    // LibreOffice 7.4 writes a tracked deletion across a content control's end (</w:del> before
    // </w:sdtContent>): read on rather than refuse what Word and WPS open.
    reader.config_mut().check_end_names = false;
    let mut s = Scan::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => s.start(&e, false),
            Ok(Event::Empty(e)) => {
                s.start(&e, true);
                if e.local_name().as_ref() == b"p" {
                    s.push("\n");
                }
            }
            Ok(Event::End(e)) => s.end(e.local_name().as_ref()),
            Ok(Event::Text(t)) if s.in_text => {
                let text = t.decode().map_err(|e| FormsError::Damaged(format!("正文格式错误：{e}")))?;
                s.push(&text);
            }
            Ok(Event::GeneralRef(r)) if s.in_text => s.push(&entity(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(FormsError::Damaged(format!("正文 document.xml 格式错误：{e}"))),
        }
    }
    Ok(s)
}

/// Relationship id → target, from word/_rels/document.xml.rels.
fn relationships(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.push((id, target));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// The printed 表单识别码 in `text`.
pub fn printed_code(text: &str) -> Option<String> {
    let at = text.find(CODE_LABEL)? + CODE_LABEL.len();
    let code: String = text[at..].chars().take_while(char::is_ascii_hexdigit).collect();
    (code.len() >= 12).then_some(code)
}

/// The serial (督办〔2022〕第3号) printed in `text`.
pub fn printed_serial(text: &str) -> Option<String> {
    let start = text.find("督办〔").or_else(|| text.find("催办〔"))?;
    let end = text[start..].find('号')? + start + '号'.len_utf8();
    Some(text[start..end].to_owned()).filter(|s| s.chars().count() < 20)
}

/// Cells of a row placed on the grid: (column index, cell).
fn placed(row: &[Cell]) -> Vec<(usize, &Cell)> {
    let mut at = 0;
    row.iter()
        .map(|c| {
            let here = at;
            at += c.span;
            (here, c)
        })
        .collect()
}

fn clean(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Reads a returned .docx.
pub fn read_docx(bytes: &[u8]) -> Result<ReturnedFile, FormsError> {
    let mut pkg = Package::open(bytes)?;
    let Some(document) = pkg.text("word/document.xml")? else {
        return Err(if pkg.has("xl/workbook.xml") {
            FormsError::WrongExtension("Excel")
        } else {
            FormsError::NotOffice
        });
    };
    let s = scan(&document)?;
    let props = pkg.text("docProps/custom.xml")?.map(|x| custom_properties(&x)).unwrap_or_default();
    let prop = |n: &str| props.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let rels = pkg.text("word/_rels/document.xml.rels")?.map(|x| relationships(&x)).unwrap_or_default();

    let mut notes = Vec::new();
    if s.deletions || s.insertions {
        notes.push("文档中有未接受的修订，已按修订后的文字读取".to_owned());
    }
    if s.comments || pkg.has("word/comments.xml") {
        notes.push("文档中有批注，批注内容未读取".to_owned());
    }
    let all_text: String =
        s.text.clone() + &s.tables.iter().flatten().flatten().map(|c| c.text.as_str()).collect::<String>();

    // The 反馈单's table: the first whose header row names 编号 and at least one column to fill.
    let found = s.tables.iter().find_map(|t| {
        t.iter()
            .position(|row| {
                let cols: Vec<_> = row.iter().filter_map(|c| column_of(&clean(&c.text))).collect();
                cols.contains(&Column::Number)
                    && cols.iter().any(|c| matches!(c, Column::Progress | Column::State | Column::ExtendTo))
            })
            .map(|h| (t, h))
    });
    let mut rows = Vec::new();
    let mut photos_taken = 0usize;
    if let Some((table, header_at)) = found {
        let mut columns: Vec<(usize, Column)> = Vec::new();
        for (at, c) in placed(&table[header_at]) {
            let heading = clean(&c.text);
            match column_of(&heading) {
                Some(col) if !columns.iter().any(|(_, k)| *k == col) => columns.push((at, col)),
                _ if heading.is_empty() => {}
                _ => notes.push(format!("多出的列“{heading}”未读取")),
            }
        }
        for (line, cells) in table[header_at + 1..].iter().enumerate() {
            let mut r = ReturnedRow { line: line + 1, ..ReturnedRow::default() };
            let cells = placed(cells);
            if cells.iter().any(|(_, c)| c.span > 1) {
                r.notes.push("本行有合并单元格，按合并后首列读取".to_owned());
            }
            for (at, c) in &cells {
                let text = if c.merged_below { String::new() } else { clean(&c.text) };
                match columns.iter().find(|(a, _)| a == at).map(|(_, k)| *k) {
                    Some(Column::Number) => r.number = text,
                    Some(Column::Requirement) => r.requirement = text,
                    Some(Column::State) => r.state = text,
                    Some(Column::Progress) => r.progress = text,
                    Some(Column::ExtendTo) => r.extend_to = text,
                    Some(Column::ExtendReason) => r.extend_reason = text,
                    Some(Column::Contact) => r.contact = text,
                    Some(Column::Deadline) | None => {}
                }
                for id in &c.images {
                    let Some(target) = rels.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone()) else {
                        continue;
                    };
                    let part = format!("word/{}", target.trim_start_matches('/').trim_start_matches("word/"));
                    if photos_taken >= MAX_PHOTOS {
                        r.notes.push(format!("照片过多，{part} 未取出"));
                        continue;
                    }
                    match pkg.bytes(&part, MAX_PHOTO_BYTES) {
                        Ok(Some(b)) => {
                            photos_taken += 1;
                            let name = part.rsplit('/').next().unwrap_or("照片").to_owned();
                            r.photos.push(Photo { name, bytes: b });
                        }
                        Ok(None) => r.notes.push(format!("照片 {part} 在文件中找不到，未取出")),
                        Err(e) => r.notes.push(format!("照片 {part} 未取出：{e}")),
                    }
                }
            }
            if r.number.is_empty() && r.requirement.is_empty() && r.is_blank() {
                continue;
            }
            rows.push(r);
        }
    }
    Ok(ReturnedFile {
        format: FileFormat::Docx,
        form_id: prop(PROP_FORM_ID),
        code: printed_code(&all_text),
        part: prop(PROP_PART),
        serial: printed_serial(&all_text),
        rows,
        notes,
    })
}
