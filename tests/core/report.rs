//! The meeting report: the summary on its own with fixed dates, then every file format read
//! back (CSV parsed, .xlsx and .docx unzipped and their XML checked).

use crate::support::{at, date};
use std::io::Read;

use duban::model::{OfficeGroup, Status, Urgency};
use duban::notice::parse_notice;
use duban::report::{self, Format, Scope, Summary, SummaryRequest};
use duban::store::{Actor, Store};

const SEED: &str = include_str!("../fixtures/seed-notice.txt");

/// The seed imported on 2022-03-16; 一.2 in progress with a note, 二.1 done, 五.3 closed,
/// 五.1 with a note. Reported on 2022-03-22: the 本周 deadline (03-20) has passed.
fn summary(scope_all_open: bool) -> Summary {
    summary_for(scope_all_open, None)
}

fn summary_for(scope_all_open: bool, only: Option<&str>) -> Summary {
    let mut store = Store::open_in_memory().unwrap();
    let draft = parse_notice(SEED, date("2022-03-16")).unwrap();
    let notice = store.import_notice(&draft, SEED, "张伟", at("2022-03-16")).unwrap();
    let board = store.load_board().unwrap();
    let id = |n: &str| board.directives.iter().find(|d| d.number == n).unwrap().id;
    let actor = Actor { author: "张伟", at: at("2022-03-18") };
    store.set_status(id("一.2"), Status::InProgress, &actor).unwrap();
    store.add_note(id("一.2"), date("2022-03-18"), "已检查在建工地46处，整改隐患9处。", &actor).unwrap();
    store.set_status(id("二.1"), Status::Done, &actor).unwrap();
    store.set_status(id("五.3"), Status::Closed, &actor).unwrap();
    store.add_note(id("五.1"), date("2022-03-21"), "已建立任务清单。", &actor).unwrap();
    let photo = duban::model::NewEvidence {
        directive: id("五.1"),
        note: None,
        hash: &"ab".repeat(32),
        original_name: "任务清单.jpg",
        size: 1024,
        media_type: "image/jpeg",
        photo: Default::default(),
    };
    store.attach_evidence(&photo, &actor).unwrap();
    let board = store.load_board().unwrap();
    let scope = if scope_all_open { Scope::AllOpen } else { Scope::Notice(notice) };
    let offices = only.map(|name| vec![board.offices.iter().find(|o| o.name == name).unwrap().id]);
    Summary::build(
        &board,
        &SummaryRequest { scope, report_date: date("2022-03-22"), offices, due_soon_days: 3 },
    )
}

#[test]
fn totals_blocks_and_order() {
    let s = summary(false);
    assert_eq!(s.title, "关于2022年第10次办公会议工作要求落实情况的汇报");
    let t = s.totals;
    assert_eq!((t.directives, t.done, t.closed, t.in_progress, t.not_started), (16, 2, 1, 1, 13));
    // Everything due 03-20 and not finished is overdue; 五.1 (年底) is not.
    assert_eq!(t.overdue, 13);
    assert_eq!(t.completion_percent(), "12.5%");
    // Nothing to complete is not 0.0% complete.
    assert_eq!(duban::model::Totals::default().completion_percent(), "—");
    assert_eq!(
        s.totals_sentence(),
        "截至2022年3月22日，2022年第10次办公会议共16项：已完成2项（其中已销号1项），推进中1项，未开始13项；逾期13项；完成率12.5%。"
    );
    // 各处室's directives once, under 各处室 (not again under each office it reaches); then the
    // 机关处室 in roster order; no 支队 block (none is named).
    let names: Vec<&str> = s.blocks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "各处室",
            "防火监督处",
            "新闻宣传处",
            "指挥中心",
            "作战训练处",
            "特种灾害救援处",
            "信息通信处",
            "后勤装备处",
            "队务处"
        ]
    );
    assert!(s.blocks.iter().all(|b| b.group == OfficeGroup::Hq));
    // 新闻宣传处 is named in 一、 and 三、 (四、 is listed under 各处室): 4 + 3 items.
    let news = s.blocks.iter().find(|b| b.name == "新闻宣传处").unwrap();
    assert_eq!(news.items.len(), 7);
    let all = s.blocks.iter().find(|b| b.name == "各处室").unwrap();
    let order: Vec<&str> = all.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(order, ["四.1", "四.2", "四.3"]);
    // 队务处: overdue first (五.2), 五.1 not overdue, closed 五.3 last.
    let duiwu = s.blocks.iter().find(|b| b.name == "队务处").unwrap();
    let order: Vec<&str> = duiwu.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(order, ["五.2", "五.1", "五.3"]);
    assert_eq!(duiwu.items[0].days_overdue, Some(2));
    assert_eq!(duiwu.items[1].latest, Some((date("2022-03-21"), "已建立任务清单。".into())));
    assert_eq!(duiwu.items[2].urgency, Urgency::Finished);
    assert_eq!((duiwu.totals.directives, duiwu.totals.done, duiwu.totals.overdue), (3, 1, 1));
}

#[test]
fn all_open_leaves_out_finished_work_and_offices_can_be_chosen() {
    let s = summary(true);
    assert_eq!(s.title, "关于未办结工作要求落实情况的汇报");
    assert_eq!(s.totals.directives, 14);
    assert!(s.blocks.iter().flat_map(|b| &b.items).all(|i| !i.status.is_finished()));
    let only = summary_for(false, Some("队务处"));
    assert_eq!(only.blocks.len(), 1);
    assert_eq!(only.blocks[0].name, "队务处");
    assert_eq!(only.totals.directives, 6, "totals count what the report covers");
    assert_eq!(only.totals.overdue, 4);
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the archive"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn csv_has_a_bom_and_one_row_per_directive_and_office() {
    let s = summary(false);
    let bytes = report::render(&s, Format::Csv).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel/WPS");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "单位,类别,编号,工作要求,完成时限,状态,逾期天数,最新进展日期,最新进展,材料数");
    let rows = s.blocks.iter().map(|b| b.items.len()).sum::<usize>();
    assert_eq!(lines.len(), rows + 1);
    // The title 提高站位，压实责任 has a fullwidth comma (no quoting); the progress text none.
    assert!(lines.contains(
        &"队务处,机关处室,五.1,提高站位，压实责任,2022-12-31,未开始,,2022-03-21,已建立任务清单。,1"
    ));
    assert!(lines.contains(&"队务处,机关处室,五.2,化解矛盾，稳妥推进,2022-03-20,未开始,2,,,0"));
}

#[test]
fn xlsx_has_real_dates_frozen_header_filter_colours_and_statistics() {
    let s = summary(false);
    let bytes = report::render(&s, Format::Xlsx).unwrap();
    let workbook = unzip(&bytes, "xl/workbook.xml");
    assert!(workbook.contains(r#"name="督办明细""#) && workbook.contains(r#"name="分单位统计""#));
    let sheet = unzip(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
    assert!(sheet.contains("<autoFilter ref=\"A1:J"), "autofilter over the table");
    assert_eq!(sheet.matches("<cfRule type=\"expression\"").count(), 3, "red, amber and green rules");
    // 2022-03-20 is Excel serial 44640: deadlines are numbers with a date format, not text.
    assert!(sheet.contains("<v>44640</v>"));
    // Column D (工作要求) is wide enough for Chinese titles (autofit would give about half).
    let strings = unzip(&bytes, "xl/sharedStrings.xml");
    assert!(
        strings.contains("更加有力有效地推动工作落实")
            && strings.contains("已检查在建工地46处，整改隐患9处。")
    );
    let stats = unzip(&bytes, "xl/worksheets/sheet2.xml");
    assert!(stats.contains("<v>0.125</v>"), "overall completion rate in the 合计 row");
    let styles = unzip(&bytes, "xl/styles.xml");
    assert!(styles.contains("yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"));
}

#[test]
fn docx_follows_the_official_layout() {
    let s = summary(false);
    let bytes = report::render(&s, Format::Docx).unwrap();
    let doc = unzip(&bytes, "word/document.xml");
    // Every part deflated (docx-rs alone stores them: the XML is then ten times the size).
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Deflated, "{:?}", entry.name());
    }
    assert!(bytes.len() < doc.len() / 3, "{} bytes for {} of XML", bytes.len(), doc.len());
    // The title on two lines, broken after 会议 (not inside 落实情况).
    assert!(doc.contains(">关于2022年第10次办公会议<") && doc.contains(">工作要求落实情况的汇报<"));
    assert!(
        doc.contains(r#"<w:br w:type="textWrapping" />"#) || doc.contains(r#"<w:br w:type="textWrapping"/>"#)
    );
    // The tables' header rows repeat on every page.
    assert_eq!(doc.matches("<w:tblHeader").count(), s.blocks.len());
    assert!(doc.contains(s.totals_sentence().as_str()));
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] {
        assert!(doc.contains(&format!("w:eastAsia=\"{font}\"")), "East-Asian font {font}");
    }
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(doc.contains(r#"w:top="2098""#) && doc.contains(r#"w:bottom="1984""#));
    assert!(doc.contains(r#"w:left="1587""#) && doc.contains(r#"w:right="1474""#));
    assert!(doc.contains(r#"w:linePitch="579""#), "22-line grid");
    assert!(doc.contains("一、机关处室") && doc.contains("（一）各处室") && doc.contains("（九）队务处"));
    assert!(doc.contains(">逾期2天<"), "days overdue under the status");
    assert!(doc.contains("3月21日：已建立任务清单。（附材料1份）"), "evidence counted in the progress cell");
    assert!(doc.contains(r#"<w:color w:val="C62828" />"#) || doc.contains(r#"<w:color w:val="C62828"/>"#));
    assert!(doc.contains("2022年3月22日"), "date in Arabic numerals");
    let footer_name = (1..4)
        .map(|i| format!("word/footer{i}.xml"))
        .find(|n| zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap().by_name(n).is_ok());
    let footer = unzip(&bytes, &footer_name.expect("a footer part"));
    assert!(footer.contains("— ") && footer.contains("PAGE"), "page numbers — 1 —");
    // The body is streamed in: no trace of the mark it replaced, tables in roster order, every
    // row there once, and no ZIP64 headers (LibreOffice refuses to open such a .docx).
    assert!(!doc.contains("DUBAN-REPORT-BODY-MARK"));
    let rows: usize = s.blocks.iter().map(|b| b.items.len() + 1).sum();
    assert_eq!(doc.matches("<w:tr>").count(), rows);
    assert!(doc.find("（一）各处室") < doc.find("（九）队务处"));
    assert!(doc.find("（九）队务处") < doc.rfind("2022年3月22日"), "the date closes the report");
    for (at, _) in bytes.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x03\x04") {
        let extra = u16::from_le_bytes([bytes[at + 28], bytes[at + 29]]) as usize;
        let name = u16::from_le_bytes([bytes[at + 26], bytes[at + 27]]) as usize;
        let fields = &bytes[at + 30 + name..at + 30 + name + extra];
        assert!(extra < 2 || fields[..2] != [1, 0], "a ZIP64 local header at {at}");
    }
}

/// Progress is heard while a Word report is written, ending at 1.
#[test]
fn docx_progress_is_reported_to_the_end() {
    let s = summary(false);
    let mut heard = Vec::new();
    report::render_with_progress(&s, Format::Docx, &mut |f| heard.push(f)).unwrap();
    assert_eq!(heard.last(), Some(&1.0));
    assert!(heard.windows(2).all(|w| w[0] <= w[1]), "{heard:?}");
}

#[test]
fn export_writes_atomically_and_reports_unwritable_paths() {
    let s = summary(false);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("汇总.xlsx");
    report::export(&s, Format::Xlsx, &path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 1000);
    let bad = dir.path().join("不存在的目录").join("汇总.docx");
    let err = report::export(&s, Format::Docx, &bad).unwrap_err().to_string();
    assert!(err.starts_with("无法写入文件") && err.ends_with("汇总.docx"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial file left");
}

/// Every stream of a PDF, inflated where it is compressed.
fn pdf_streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = pdf;
    while let Some(start) = find(rest, b"stream") {
        let body = &rest[start + 6..];
        let body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        let Some(end) = find(body, b"endstream") else { break };
        let raw = &body[..end];
        let mut inflated = Vec::new();
        let ok = flate2::read::ZlibDecoder::new(raw).read_to_end(&mut inflated).is_ok();
        out.push(if ok { inflated } else { raw.to_vec() });
        rest = &body[end + 9..];
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn pdf_is_small_with_a_subset_font_whose_text_can_be_extracted() {
    let s = summary(false);
    let pdf = report::render(&s, Format::Pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 300_000, "the 10 MB font is subset, not embedded: {} bytes", pdf.len());
    let text = String::from_utf8_lossy(&pdf);
    let subset = regex::Regex::new(r"/[A-Z]{6}\+NotoSansSC-Regular").unwrap();
    assert!(subset.is_match(&text), "a subset font (tag+name)");
    let pages: usize =
        regex::Regex::new(r"/Type/Pages/Count (\d+)").unwrap().captures(&text).unwrap()[1].parse().unwrap();
    assert!((3..=8).contains(&pages), "{pages} pages");
    // The ToUnicode map makes the text selectable: it covers the title's characters.
    let cmaps: String = pdf_streams(&pdf)
        .into_iter()
        .map(|s| String::from_utf8_lossy(&s).to_uppercase())
        .filter(|s| s.contains("BEGINBFCHAR") || s.contains("BEGINBFRANGE"))
        .collect();
    for c in "关于第次办公会议工作要求落实情况的汇报逾期".chars() {
        let hex = format!("{:04X}", c as u32);
        assert!(cmaps.contains(&format!("<{hex}>")), "{c} ({hex}) is mapped to Unicode");
    }
}

/// A report of 400 rows: the layout hands each page on as it fills (nothing is kept), so
/// every row must still be drawn exactly once, the pages numbered 1…n in order, and the
/// progress must climb to the end.
#[test]
fn a_long_pdf_draws_every_row_once_on_pages_numbered_in_order() {
    let mut s = summary(true);
    let template = s.blocks[0].items[0].clone();
    s.blocks[0].items = (0..400)
        .map(|i| {
            let mut item = template.clone();
            item.number = format!("九.{i}");
            item.title = format!("第{i}项专项检查");
            item.first_meeting = None;
            item.source = None;
            item
        })
        .collect();
    let mut heard = Vec::new();
    let pdf = report::render_with_progress(&s, Format::Pdf, &mut |p| heard.push(p)).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    let pages: usize =
        regex::Regex::new(r"/Type/Pages/Count (\d+)").unwrap().captures(&text).unwrap()[1].parse().unwrap();
    assert!(pages > 10, "{pages} pages");
    let extracted = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    // The extractor drops spaces; "— 12 —" reads "—12—".
    let flat: String = extracted.chars().filter(|c| !c.is_whitespace()).collect();
    let mut from = 0;
    for n in 1..=pages {
        let mark = format!("—{n}—");
        let at = flat[from..].find(&mark).unwrap_or_else(|| panic!("page number {n} after the one before"));
        from += at + mark.len();
    }
    for i in [0, 1, 199, 399] {
        assert_eq!(flat.matches(&format!("第{i}项专项检查")).count(), 1, "row {i} drawn once");
    }
    assert!(heard.len() >= 3, "progress heard while drawing: {heard:?}");
    assert!(heard.windows(2).all(|w| w[0] <= w[1]), "progress only climbs: {heard:?}");
    assert_eq!(heard.last(), Some(&1.0));
}
