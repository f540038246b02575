//! A Word package written by hand: the forms need what docx-rs does not offer (content
//! controls with choice lists, custom document properties), and a form is small enough to
//! write its WordprocessingML directly. Official layout (GB/T 9704): A4, margins 37/35/28/26
//! mm, 仿宋_GB2312 body, 方正小标宋简体 titles, "— 1 —" page numbers.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING_FONT: &str = "黑体";

/// Escapes text for XML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text in `font` at `half_points`; `bold`, `color` optional.
pub fn run(text: &str, font: &str, half_points: u32, color: Option<&str>) -> String {
    let color = color.map(|c| format!("<w:color w:val=\"{c}\"/>")).unwrap_or_default();
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{font}\"/>{color}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

/// A paragraph: `align` is left, center, right or both; `indent` a first-line indent in twips.
pub fn para(runs: &str, align: &str, indent: u32, exact_line: Option<u32>) -> String {
    let spacing = exact_line
        .map(|l| format!("<w:spacing w:line=\"{l}\" w:lineRule=\"exact\" w:before=\"0\" w:after=\"0\"/>"))
        .unwrap_or_else(|| "<w:spacing w:before=\"0\" w:after=\"0\"/>".to_owned());
    let ind = if indent > 0 { format!("<w:ind w:firstLine=\"{indent}\"/>") } else { String::new() };
    format!("<w:p><w:pPr>{spacing}{ind}<w:jc w:val=\"{align}\"/></w:pPr>{runs}</w:p>")
}

/// One table cell of `width` twips holding `content` (paragraphs or a content control).
pub fn cell(content: &str, width: u32, fill: Option<&str>) -> String {
    let shd =
        fill.map(|f| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>")).unwrap_or_default();
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shd}<w:vAlign w:val=\"center\"/></w:tcPr>{content}</w:tc>"
    )
}

/// A table with single borders; `header` rows repeat on every page.
pub fn table(widths: &[u32], header: &str, rows: &str) -> String {
    let grid: String = widths.iter().map(|w| format!("<w:gridCol w:w=\"{w}\"/>")).collect();
    let total: u32 = widths.iter().sum();
    let border =
        |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    let borders: String =
        ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>{rows}</w:tbl>"
    )
}

/// A row that does not split across pages.
pub fn row(cells: &str) -> String {
    format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
}

/// A block content control offering `choices` (a drop-down list in Word and WPS), showing
/// `placeholder` until one is chosen. `tag` names it for the reader.
pub fn choice_control(
    tag: &str,
    alias: &str,
    choices: &[&str],
    placeholder: &str,
    half_points: u32,
) -> String {
    let items: String = choices
        .iter()
        .map(|c| format!("<w:listItem w:displayText=\"{0}\" w:value=\"{0}\"/>", esc(c)))
        .collect();
    format!(
        "<w:sdt><w:sdtPr><w:rPr><w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr><w:alias w:val=\"{}\"/><w:tag w:val=\"{}\"/><w:showingPlcHdr/><w:dropDownList>{items}</w:dropDownList></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>",
        esc(alias),
        esc(tag),
        para(&run(placeholder, BODY_FONT, half_points, Some("808080")), "center", 0, None)
    )
}

/// Page size and orientation.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    Portrait,
    Landscape,
}

/// The whole package: `body` (paragraphs and tables), the custom properties written to
/// docProps/custom.xml, and the title for docProps/core.xml.
pub fn package(
    body: &str,
    page: Page,
    title: &str,
    custom: &[(&str, String)],
) -> zip::result::ZipResult<Vec<u8>> {
    let (w, h, top, bottom, left, right) = match page {
        Page::Portrait => (11906, 16838, 2098, 1984, 1587, 1474),
        Page::Landscape => (16838, 11906, 1587, 1474, 2098, 1984),
    };
    let orient = if matches!(page, Page::Landscape) { " w:orient=\"landscape\"" } else { "" };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}</w:p></w:ftr>",
        run("— ", "宋体", 28, None),
        run(" —", "宋体", 28, None)
    );
    let props: String = custom
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            format!(
                "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{}\"><vt:lpwstr>{}</vt:lpwstr></property>",
                i + 2,
                esc(name),
                esc(value)
            )
        })
        .collect();
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>督办台</dc:creator></cp:coreProperties>", esc(title))),
        ("docProps/app.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>duban</Application></Properties>".to_owned()),
        ("docProps/custom.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">{props}</Properties>")),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/settings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"420\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>".to_owned()),
        ("word/footer1.xml", footer),
        ("word/_rels/document.xml.rels", DOC_RELS.to_owned()),
    ];
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        out.start_file(name, options)?;
        out.write_all(text.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;
