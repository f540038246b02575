//! Word's automatic numbering (`w:numPr` + numbering.xml) turned back into the text a reader
//! sees: `%1、` with chineseCounting → 一、, `（%1）` → （一）, `%1.` decimal → 1.,
//! decimalEnclosedCircle → ①.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::numbering::chinese_label;

/// One level of a list definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    pub start: u32,
    pub format: String,
    pub text: String,
    /// w:suff: what follows the number (tab by default, space, or nothing).
    pub suffix: Option<String>,
}

/// The list definitions of a document and the counters as paragraphs go by.
#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    counters: HashMap<String, [u32; 9]>,
}

/// The value of an attribute named `local` (any prefix).
pub fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

impl Numbering {
    /// Reads numbering.xml; malformed parts are skipped (numbering is a nicety).
    pub fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level) = (None::<String>, None::<String>, None::<u8>);
        loop {
            let (e, is_start) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvl" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let val = attr(&e, b"val");
            match e.local_name().as_ref() {
                b"abstractNum" if is_start => abstract_id = attr(&e, b"abstractNumId"),
                b"num" if is_start => num_id = attr(&e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(num), Some(v)) = (&num_id, val) {
                        n.nums.insert(num.clone(), v);
                    }
                }
                b"lvl" if is_start => level = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
                name @ (b"start" | b"numFmt" | b"lvlText" | b"suff") => {
                    if let (Some(a), Some(l), Some(v)) = (&abstract_id, level, val) {
                        let entry = n.abstracts.entry(a.clone()).or_default().entry(l).or_default();
                        match name {
                            b"start" => entry.start = v.parse().unwrap_or(1),
                            b"numFmt" => entry.format = v,
                            b"suff" => entry.suffix = Some(v),
                            _ => entry.text = v,
                        }
                    }
                }
                _ => {}
            }
        }
        n
    }

    fn level(&self, num_id: &str, ilvl: u8) -> Option<&Level> {
        self.abstracts.get(self.nums.get(num_id)?)?.get(&ilvl)
    }

    /// The number text of the next paragraph in list `num_id` at level `ilvl`.
    pub fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let starts: Vec<u32> =
            (0..=ilvl).map(|l| self.level(num_id, l).map_or(1, |v| v.start.max(1))).collect();
        let counters = self.counters.entry(num_id.to_owned()).or_insert([0; 9]);
        let i = usize::from(ilvl);
        counters[i] = if counters[i] == 0 { starts[i] } else { counters[i].saturating_add(1) };
        counters[i + 1..].iter_mut().for_each(|c| *c = 0);
        let values: Vec<u32> =
            (0..=i).map(|l| if counters[l] == 0 { starts[l] } else { counters[l] }).collect();
        let level = self.level(num_id, ilvl)?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut out = level.text.clone();
        for (l, value) in values.iter().enumerate().rev() {
            let format = self.level(num_id, l as u8).map_or("decimal", |v| v.format.as_str());
            out = out.replace(&format!("%{}", l + 1), &format_number(*value, format));
        }
        if level.suffix.as_deref() != Some("nothing") {
            out.push(' ');
        }
        Some(out)
    }
}

/// A counter in a Word number format.
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "japaneseCounting" => chinese_label(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
            .collect(),
        "upperLetter" if (1..=26).contains(&n) => char::from(b'A' + (n - 1) as u8).to_string(),
        "lowerLetter" if (1..=26).contains(&n) => char::from(b'a' + (n - 1) as u8).to_string(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
        <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    </w:numbering>"#;

    #[test]
    fn renders_levels_as_a_reader_sees_them() {
        let mut n = Numbering::parse(XML);
        let got: Vec<Option<String>> =
            [0u8, 1, 2, 2, 3, 1, 0, 4].iter().map(|l| n.next_label("3", *l)).collect();
        let want = ["一、", "（一） ", "1. ", "2. ", "① ", "（二） ", "二、"];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.as_deref(), Some(w));
        }
        assert_eq!(got[7], None, "bullets are not numbers");
        assert_eq!(n.next_label("99", 0), None);
        assert_eq!(format_number(3, "decimalFullWidth"), "３");
    }
}
