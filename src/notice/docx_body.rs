//! word/document.xml → lines of text: one line per paragraph with its automatic number put
//! back, tables read row by row (task tables through [`super::docx_table`]).

use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};

use super::NoticeError;
use super::docx_numbering::{Numbering, attr};
use super::docx_table::table_lines;

/// The paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    ilvl: u8,
}

/// Where the reader is.
#[derive(Default)]
struct State {
    lines: Vec<String>,
    paragraph: Option<Paragraph>,
    in_text: bool,
    /// Nesting of w:tbl; only the outermost table's rows and cells are kept apart.
    table_depth: usize,
    rows: Vec<Vec<String>>,
}

/// The character an XML entity stands for (also for the forms reader's Word and Excel parts).
pub fn entity(e: &BytesRef) -> String {
    if let Ok(Some(c)) = e.resolve_char_ref() {
        return c.to_string();
    }
    match e.decode().as_deref() {
        Ok("amp") => "&",
        Ok("lt") => "<",
        Ok("gt") => ">",
        Ok("quot") => "\"",
        Ok("apos") => "'",
        _ => "",
    }
    .to_owned()
}

impl State {
    fn push_text(&mut self, s: &str) {
        if let Some(p) = &mut self.paragraph {
            p.text.push_str(s);
        }
    }

    fn end_paragraph(&mut self, numbering: &mut Numbering) {
        let Some(p) = self.paragraph.take() else { return };
        let label = p.num_id.as_deref().and_then(|id| numbering.next_label(id, p.ilvl));
        let line = format!("{}{}", label.unwrap_or_default(), p.text.trim_end());
        if self.table_depth > 0 {
            if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&line);
            }
        } else {
            self.lines.push(line);
        }
    }

    fn start(&mut self, name: &[u8], e: &quick_xml::events::BytesStart) {
        match name {
            b"p" => self.paragraph = Some(Paragraph::default()),
            b"t" => self.in_text = true,
            b"tab" => self.push_text(" "),
            b"br" | b"cr" => self.push_text("\n"),
            b"numId" => {
                if let Some(p) = &mut self.paragraph {
                    p.num_id = attr(e, b"val").filter(|v| v != "0");
                }
            }
            b"ilvl" => {
                if let Some(p) = &mut self.paragraph {
                    p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            b"tbl" => self.table_depth += 1,
            b"tr" if self.table_depth == 1 => self.rows.push(Vec::new()),
            b"tc" if self.table_depth == 1 => {
                if let Some(row) = self.rows.last_mut() {
                    row.push(String::new());
                }
            }
            _ => {}
        }
    }
}

/// The lines of a document, numbering applied.
pub fn document_lines(xml: &str, numbering: &mut Numbering) -> Result<Vec<String>, NoticeError> {
    let mut reader = Reader::from_str(xml);
    let mut s = State::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => s.start(e.local_name().as_ref(), &e),
            Ok(Event::Empty(e)) => {
                let name = e.local_name();
                s.start(name.as_ref(), &e);
                match name.as_ref() {
                    b"t" => s.in_text = false,
                    b"p" => s.end_paragraph(numbering),
                    _ => {}
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => s.in_text = false,
                b"p" => s.end_paragraph(numbering),
                b"tbl" => {
                    s.table_depth = s.table_depth.saturating_sub(1);
                    if s.table_depth == 0 {
                        let rows = std::mem::take(&mut s.rows);
                        s.lines.extend(table_lines(&rows));
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if s.in_text => {
                let text = t.decode().map_err(|e| bad(&e.to_string()))?;
                s.push_text(&text);
            }
            Ok(Event::GeneralRef(r)) if s.in_text => s.push_text(&entity(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(bad(&format!("document.xml 格式错误：{e}"))),
        }
    }
    Ok(s.lines)
}

fn bad(reason: &str) -> NoticeError {
    NoticeError::BadDocx { reason: reason.to_owned() }
}
