//! .docx input, built inside the tests with the zip writer: automatic numbering comes back as
//! the text a reader sees, task tables become directives, hostile files are refused.

use std::io::{Cursor, Write};

use chrono::NaiveDate;
use duban::notice::{NoticeError, decode_bytes, parse_notice, read_docx_limited, read_notice_file};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn numbered(level: u8, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\
         <w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

fn table(rows: &[&[&str]]) -> String {
    let mut xml = String::from("<w:tbl>");
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in *row {
            xml.push_str(&format!("<w:tc>{}</w:tc>", para(cell)));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).expect("start");
        zip.write_all(data).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document(body).as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).expect("date")
}

#[test]
fn automatic_numbering_reads_as_written() {
    let body = [
        para("临江市消防救援支队关于开展夏季消防检查的通知"),
        para("各大队、机关各科室："),
        para("现将有关事项通知如下："),
        numbered(0, "检查重点"),
        numbered(1, "高层建筑。"),
        numbered(2, "6月15日前完成消防设施抽查。（责任单位：防火监督科）"),
        numbered(2, "督促物业&amp;业主每月开展巡查。"),
        numbered(1, "商业综合体。"),
        numbered(3, "落实消防安全管理人制度。"),
        numbered(0, "工作要求"),
        para("各大队要高度重视。（责任单位：各大队）"),
    ]
    .concat();
    let decoded = decode_bytes(&docx(&body)).expect("docx reads");
    assert_eq!(decoded.encoding, "docx");
    let lines: Vec<&str> = decoded.text.lines().collect();
    assert_eq!(lines[3], "一、检查重点");
    assert_eq!(lines[4], "（一） 高层建筑。");
    assert_eq!(lines[5], "1. 6月15日前完成消防设施抽查。（责任单位：防火监督科）");
    assert_eq!(lines[6], "2. 督促物业&业主每月开展巡查。");
    assert_eq!(lines[7], "（二） 商业综合体。");
    assert_eq!(lines[8], "① 落实消防安全管理人制度。");
    assert_eq!(lines[9], "二、工作要求");

    let n = parse_notice(&decoded.text, day()).expect("parses");
    assert_eq!(n.title, "临江市消防救援支队关于开展夏季消防检查的通知");
    let got: Vec<(&str, &str, Vec<&str>)> = n
        .directives()
        .map(|d| (d.number.as_str(), d.title.as_str(), d.offices.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        got,
        [
            ("一.1", "6月15日前完成消防设施抽查", vec!["防火监督科"]),
            ("一.2", "督促物业&业主每月开展巡查", vec![]),
            ("一.3", "落实消防安全管理人制度", vec![]),
            ("二.1", "工作要求", vec!["各大队"]),
        ]
    );
    let first = n.directives().next().expect("one");
    assert_eq!(first.deadline.date, NaiveDate::from_ymd_opt(2024, 6, 15));
}

#[test]
fn a_task_table_becomes_directives_with_columns_mapped() {
    let body = [
        para("辽宁省消防救援总队关于印发重点工作任务分解的通知"),
        para("各支队、机关各处室："),
        para("现将任务分解如下。"),
        para("一、重点任务"),
        table(&[
            &["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            &["1", "开展高层建筑消防安全专项治理", "防火监督处", "各支队", "2024年6月底前"],
            &["2", "完善跨区域增援预案", "作战训练处", "指挥中心、各支队", "长期坚持"],
            &["3", "每季度开展火灾形势分析", "", "防火监督处", "每季度"],
        ]),
    ]
    .concat();
    let text = decode_bytes(&docx(&body)).expect("docx").text;
    let n = parse_notice(&text, day()).expect("parses");
    let ds: Vec<_> = n.directives().collect();
    assert_eq!(ds.len(), 3, "{text}");
    assert_eq!(ds[0].title, "开展高层建筑消防安全专项治理");
    assert_eq!(
        (ds[0].offices.as_slice(), ds[0].support_offices.as_slice()),
        (&["防火监督处".to_owned()][..], &["各支队".to_owned()][..])
    );
    assert_eq!(ds[0].deadline.date, NaiveDate::from_ymd_opt(2024, 6, 30));
    assert_eq!(ds[1].support_offices, ["指挥中心", "各支队"]);
    assert_eq!((ds[1].deadline.date, ds[1].deadline.phrase.as_deref()), (None, Some("完成时限：长期坚持")));
    assert_eq!(ds[2].offices, ["防火监督处"]);
    assert_eq!(ds[2].deadline.recurrence.as_deref(), Some("每季度"));
}

fn refused(bytes: &[u8]) -> NoticeError {
    match decode_bytes(bytes) {
        Ok(d) => panic!("accepted: {:?}", d.text),
        Err(e) => e,
    }
}

#[test]
fn encrypted_corrupt_unsafe_and_empty_documents_are_refused() {
    // Password-protected Word documents are OLE containers.
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let e = refused(&ole);
    assert!(matches!(e, NoticeError::Encrypted) && e.to_string().contains("已加密"), "{e}");
    // A zip entry flagged as encrypted (general purpose bit 0, local and central headers).
    let mut flagged = docx(&para("一、加强检查。"));
    flagged[6] |= 1;
    let central = flagged.windows(4).position(|w| w == b"PK\x01\x02").expect("central directory");
    flagged[central + 8] |= 1;
    assert!(matches!(refused(&flagged), NoticeError::Encrypted));
    // Truncated archive.
    let whole = docx(&para("一、加强检查。"));
    let e = refused(&whole[..whole.len() / 2]);
    assert!(matches!(e, NoticeError::BadDocx { .. }), "{e}");
    assert!(e.to_string().starts_with("不是有效的 Word 文档"), "{e}");
    // ../ entry names.
    let evil = zip_of(&[("../../evil.xml", b"x"), ("word/document.xml", document("").as_bytes())]);
    let e = refused(&evil);
    assert!(matches!(e, NoticeError::UnsafePath { .. }), "{e}");
    // No body part; a body without text.
    assert!(matches!(refused(&zip_of(&[("a.txt", b"x")])), NoticeError::BadDocx { .. }));
    assert!(matches!(refused(&docx("")), NoticeError::Empty));
}

#[test]
fn zip_bombs_are_refused_by_declared_and_by_actual_size() {
    let limit = 64 * 1024;
    let big = document(&para(&"火".repeat(300_000)));
    let bomb = zip_of(&[("word/document.xml", big.as_bytes())]);
    assert!(bomb.len() < 64 * 1024, "compresses well: {}", bomb.len());
    assert!(matches!(read_docx_limited(&bomb, limit), Err(NoticeError::Unpacked { .. })));
    // The same archive lying about its size: declared 100 bytes, actually ~900 KB.
    let mut liar = bomb.clone();
    let local = 0;
    liar[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    let central = liar.windows(4).position(|w| w == b"PK\x01\x02").expect("central");
    liar[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    let lied = read_docx_limited(&liar, limit);
    // Either our byte limit or the zip reader's own size check refuses it.
    assert!(matches!(lied, Err(NoticeError::Unpacked { .. } | NoticeError::BadDocx { .. })), "{lied:?}");
}

#[test]
fn one_entry_point_dispatches_on_content_not_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx_named_txt = dir.path().join("通知.txt");
    std::fs::write(&docx_named_txt, docx(&para("一、加强检查。"))).expect("write");
    assert_eq!(read_notice_file(&docx_named_txt).expect("reads").encoding, "docx");

    let text = dir.path().join("通知.docx");
    std::fs::write(&text, "一、加强检查。").expect("write");
    assert_eq!(read_notice_file(&text).expect("reads").encoding, "UTF-8");

    // 200 MB (sparse): refused from its size, before reading.
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge).expect("create").set_len(200 * 1024 * 1024).expect("len");
    let e = read_notice_file(&huge).expect_err("too large");
    let message = e.to_string();
    assert!(message.contains("文件过大") && message.ends_with("huge.txt"), "{message}");

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    assert!(read_notice_file(&empty).expect_err("empty").to_string().contains("为空"));
}
