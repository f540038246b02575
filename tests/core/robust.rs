//! No input makes the decoders or the parser panic: random Unicode (plain and shaped like a
//! notice) and random bytes (plain, zip-like, docx-like). Raise the case count with
//! `PROPTEST_CASES=100000 cargo test --release --test core robust::`.

use chrono::NaiveDate;
use duban::notice::{candidate_decodings, decode_bytes, decode_text, decode_with, parse_notice};
use proptest::prelude::*;

thread_local! {
    /// A small valid .docx with numbering and a table, to be damaged.
    static DOCX: Vec<u8> = small_docx();
}

fn small_docx() -> Vec<u8> {
    use std::io::Write;
    let body = "<w:document xmlns:w=\"w\"><w:body>\
        <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>检查&amp;整治</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>工作任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>排查</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>防火处</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        </w:body></w:document>";
    let numbering = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">\
        <w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>\
        <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [("word/document.xml", body), ("word/numbering.xml", numbering)] {
        zip.start_file(name, options).expect("start");
        zip.write_all(data.as_bytes()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

#[test]
fn the_undamaged_docx_reads() {
    let text = DOCX.with(|d| decode_bytes(d)).expect("reads").text;
    assert_eq!(text, "一、 检查&整治\n1. 排查。（牵头单位：防火处）");
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).expect("date")
}

/// Pieces notices are made of, so random text reaches the parser's deeper paths.
const PIECES: [&str; 67] = [
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "１．",
    "（1）",
    "(2)",
    "①",
    "②",
    "一是",
    "二是要",
    "。",
    "；",
    ";",
    "：",
    ":",
    "，",
    "\n",
    "\r\n",
    "\u{3000}",
    "（",
    "）",
    "(",
    ")",
    "责任单位：",
    "牵头单位：",
    "配合单位:",
    "由防火监督处牵头，各支队配合",
    "6月底前",
    "２０２４年５月３１日前",
    "每月25日前",
    "长期坚持",
    "截至",
    "附件：",
    "当前位置：",
    "2024年3月1日",
    "各区、县级市",
    // Issue #15's genres: running text, subjects, tables, bulletins, plans, markup.
    "会议要求，",
    "会议强调,",
    "提出具体要求：",
    "要求各领导、各部门：",
    "对应急管理局提出三点要求:",
    "一要",
    "要",
    "务要",
    "请",
    "请以上责任单位",
    "请各事涉部门",
    "各乡镇要",
    "县应急局、县住建局要",
    "电力、水务等部门要",
    "要求各地制定",
    "各队站积极",
    "至9月底",
    "7月1日至20日",
    "完成时限:4月",
    " | ",
    "\t",
    "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |",
    "<b>",
    "</b>",
    "总体要求",
    "会议议程",
    "督察情况",
];

fn notice_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![prop::sample::select(PIECES.to_vec()).prop_map(str::to_owned), "\\PC{0,12}",],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn parser_never_panics_on_unicode(text in "\\PC{0,400}") {
        let _ = parse_notice(&text, day());
    }

    #[test]
    fn parser_never_panics_on_notice_shaped_text(text in notice_like()) {
        if let Ok(n) = parse_notice(&text, day()) {
            prop_assert!(!n.sections.is_empty());
        }
    }

    #[test]
    fn decoders_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode_text(&bytes);
        let _ = decode_bytes(&bytes);
        let _ = candidate_decodings(&bytes);
        for enc in ["UTF-8", "gb18030", "UTF-16LE", "UTF-16BE"] {
            let _ = decode_with(&bytes, enc);
        }
        if let Ok(d) = decode_text(&bytes) {
            let _ = parse_notice(&d.text, day());
        }
    }

    #[test]
    fn docx_reader_never_panics_on_zip_like_bytes(tail in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = decode_bytes(&bytes);
    }

    #[test]
    fn docx_reader_never_panics_on_damaged_documents(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = DOCX.with(Clone::clone);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Ok(d) = decode_bytes(&bytes) {
            let _ = parse_notice(&d.text, day());
        }
    }
}
