//! 表单往来 (issue 13): forms generated from the seed notice carry the identifiers of the
//! committed fixtures; forms filled by LibreOffice (tests/fixtures/forms/, made by
//! scripts/make-forms-fixtures.sh) read back, apply in one transaction and show in the meeting
//! report; every file as people edit it gets a clear message or a partial read; conflicts
//! keep rows out; a refusal writes nothing; 催办通知 records a 催办.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use duban::forms::{
    Conflict, FormsError, Match, Review, apply_review, generate_forms, generate_urges,
    offices_with_open_work, read_form_file, review_files,
};
use duban::model::{DirectiveEdit, DirectiveId, LoopEventKind, OfficeState, Status};
use duban::store::Actor;

use crate::support::{Data, at, date};

const FIXTURES: &str = "tests/fixtures/forms";

fn generated_at() -> Actor<'static> {
    Actor { author: "张伟", at: date("2022-03-18").and_hms_opt(12, 0, 0).unwrap() }
}

fn received() -> Actor<'static> {
    Actor { author: "张伟", at: at("2022-03-22") }
}

/// The seed imported and the forms generated on 2022-03-18 at 12:00, as the fixture script did.
fn with_forms() -> (Data, PathBuf) {
    let mut data = Data::new();
    let board = data.store.load_board().unwrap();
    let out = data.path().join("督办单");
    let offices = offices_with_open_work(&board);
    generate_forms(&mut data.store, &board, &offices, &out, "张伟", &generated_at()).unwrap();
    (data, out)
}

/// A fixture copied under another name (returns come renamed).
fn returned(data: &Data, fixture: &str, as_name: &str) -> PathBuf {
    let folder = data.path().join("收文");
    std::fs::create_dir_all(&folder).unwrap();
    let to = folder.join(as_name);
    std::fs::copy(Path::new(FIXTURES).join(fixture), &to).unwrap();
    to
}

fn review(data: &Data, files: &[PathBuf]) -> Review {
    let board = data.store.load_board().unwrap();
    review_files(&data.store, &board, files, date("2022-03-22"), &mut |_, _| {}).unwrap()
}

fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn count(data: &Data, sql: &str) -> i64 {
    data.store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn forms_generated_from_the_seed_carry_the_identifiers_of_the_fixtures_and_serials_persist() {
    let (data, out) = with_forms();
    let word = out.join("反馈单_2022年第1号_防火监督处.docx");
    assert_eq!(
        part(&word, "docProps/custom.xml"),
        part(&Path::new(FIXTURES).join("generated-word.docx"), "docProps/custom.xml"),
        "regenerate the fixtures with scripts/make-forms-fixtures.sh if the forms changed"
    );
    let notice = part(&out.join("督办通知单_2022年第1号_防火监督处.docx"), "word/document.xml");
    assert!(notice.contains("督办〔2022〕第1号") && notice.contains("绷紧神经、防止松懈"));
    let feedback = part(&word, "word/document.xml");
    assert!(
        feedback.contains("<w:dropDownList>") && feedback.contains("申请办结"),
        "办理状态 is a choice list"
    );
    for h in duban::forms::FEEDBACK_HEADER {
        assert!(feedback.contains(h), "{h}");
    }
    // The Excel form: protected sheet, a list on 办理状态, a date rule, the hidden sheet.
    let xlsx = out.join("反馈单_2022年第2号_新闻宣传处.xlsx");
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<sheetProtection"));
    assert!(sheet.contains("type=\"list\"") && sheet.contains("type=\"date\""));
    assert!(part(&xlsx, "xl/workbook.xml").contains("state=\"hidden\""));
    assert!(part(&xlsx, "docProps/custom.xml").contains(duban::forms::PROP_FORM_ID));
    // Serials are unique and persistent: a reopened database goes on counting.
    let path = data.path().to_path_buf();
    let first: Vec<String> = data.store.issued_forms().unwrap().iter().map(|f| f.serial_text()).collect();
    let Data { dir: _keep, store } = data;
    drop(store);
    let mut store = duban::store::Store::open_dir(&path).unwrap();
    let board = store.load_board().unwrap();
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    let again =
        generate_forms(&mut store, &board, &[fire], &path.join("again"), "张伟", &generated_at()).unwrap();
    assert_eq!(again[0].serial, format!("督办〔2022〕第{}号", first.len() + 1));
    assert!(!first.contains(&again[0].serial));
    assert_ne!(again[0].form_id, store.issued_forms().unwrap()[1].form_id);
}

#[test]
fn libreoffice_filled_word_and_excel_forms_round_trip_into_the_database_and_the_report() {
    let (mut data, _) = with_forms();
    let files = [
        returned(&data, "filled-word.docx", "防火处反馈.docx"),
        returned(&data, "filled-excel.xlsx", "新闻处.xlsx"),
    ];
    let review = review(&data, &files);
    let word = &review.files[0];
    assert_eq!(word.office.as_ref().unwrap().1, "防火监督处");
    assert_eq!(word.matched, Match::Identifier);
    assert_eq!(word.proposals.len(), 3, "{:#?}", word.proposals);
    assert_eq!(word.blank_rows, 1);
    let p1 = &word.proposals[0];
    assert_eq!(p1.directive, Some(DirectiveId(1)));
    assert_eq!((p1.by.as_deref(), p1.phone.as_deref()), (Some("王强"), Some("0571-87651234")));
    assert_eq!(p1.photos().len(), 1, "the photo LibreOffice put in the row");
    assert!(word.proposals[1].complete);
    assert_eq!(word.proposals[2].extend_to, Some(date("2022-04-30")));
    let excel = &review.files[1];
    assert_eq!(excel.office.as_ref().unwrap().1, "新闻宣传处");
    let ext = excel.proposals.iter().find(|p| p.directive == Some(DirectiveId(10))).unwrap();
    assert_eq!(ext.extend_to, Some(date("2022-05-15")), "a date typed into Calc arrives as a serial number");
    assert_eq!(excel.proposals[0].photos().len(), 1, "the picture anchored on the row");
    assert!(review.files.iter().flat_map(|f| &f.proposals).all(|p| p.accepted && p.conflicts.is_empty()));

    let entries = count(&data, "SELECT count(*) FROM change_log");
    let outcome = apply_review(
        &mut data.store,
        data.dir.path(),
        &review,
        Some("李副总队长"),
        &received(),
        &mut |_, _| {},
    )
    .unwrap();
    assert!(outcome.left.is_empty(), "{:?}", outcome.left);
    assert_eq!(outcome.files, 2);
    assert_eq!(outcome.photos, 2);
    assert!(count(&data, "SELECT count(*) FROM change_log") > entries);
    assert!(duban::store::verify_chain(data.store.connection()).unwrap().is_intact());

    let board = data.store.load_board().unwrap();
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    let news = board.offices.iter().find(|o| o.name == "新闻宣传处").unwrap().id;
    let track = |d: i64, o| board.directive(DirectiveId(d)).unwrap().assignment(o).unwrap().track.clone();
    assert_eq!(track(1, fire).state, OfficeState::InProgress);
    assert_eq!(track(1, fire).last_feedback, Some(date("2022-03-22")));
    assert_eq!(track(2, fire).state, OfficeState::Requested);
    assert_eq!(track(3, fire).deadline, Some(date("2022-04-30")));
    assert_eq!(track(4, fire).state, OfficeState::Unreported, "the blank row wrote nothing");
    assert_eq!(track(9, news).state, OfficeState::Requested);
    assert_eq!(track(10, news).deadline, Some(date("2022-05-15")));
    let history = data.store.loop_history(DirectiveId(1)).unwrap();
    let fb = history.iter().find(|e| e.kind == LoopEventKind::Feedback && e.office == "防火监督处").unwrap();
    assert_eq!(fb.channel, Some(duban::model::Channel::Written));
    assert!(fb.text.contains("整改隐患43处"));
    // The returned file and the photo are evidence, linked to the feedback.
    let linked = count(
        &data,
        &format!("SELECT count(*) FROM evidence WHERE directive_id = 1 AND feedback_id = {}", fb.record),
    );
    assert!(linked >= 2, "file + photo linked to the feedback: {linked}");
    assert_eq!(count(&data, "SELECT count(*) FROM form_return"), 2);

    // The meeting report shows each office's latest feedback (or 办结报告), its state (申请办结
    // asked) and the extension.
    let request = duban::report::SummaryRequest {
        scope: duban::report::Scope::AllOpen,
        report_date: date("2022-03-22"),
        offices: None,
        due_soon_days: 3,
    };
    let summary = duban::report::Summary::build(&board, &request);
    let csv =
        String::from_utf8(duban::report::render(&summary, duban::report::Format::Csv).unwrap()).unwrap();
    assert!(csv.contains("防火监督处：申请办结"), "{csv}");
    assert!(csv.contains("防火监督处延期") && csv.contains("李副总队长同意延至4月30日"), "{csv}");
    assert!(csv.contains("新闻宣传处延期") && csv.contains("李副总队长同意延至5月15日"), "{csv}");
    let records = csv_records(&csv);
    let row = |office: &str, number: &str| {
        records
            .iter()
            .find(|r| r[0] == office && r[2] == number)
            .unwrap_or_else(|| panic!("{office} {number}"))
    };
    // 最新进展 (column 9) quotes what each office wrote in its return; 最新进展日期 is its date.
    let fire1 = row("防火监督处", "一.1");
    assert_eq!(fire1[7], "2022-03-22");
    assert!(
        fire1[8].contains("防火监督处3月22日反馈：已对全市127家单位开展消防安全检查，整改隐患43处"),
        "{fire1:?}"
    );
    assert!(fire1[8].contains("新闻宣传处3月22日反馈：已在微信公众号发布防火提示12篇"), "{fire1:?}");
    let fire2 = row("防火监督处", "一.2");
    assert!(fire2[8].contains("防火监督处3月22日办结报告：在建工地专项治理已完成"), "{fire2:?}");
    assert!(fire2[8].contains("防火监督处：申请办结"), "{fire2:?}");
    let fire3 = row("防火监督处", "一.3");
    assert!(fire3[8].contains("防火监督处3月22日反馈：人员密集场所排查过半"), "{fire3:?}");
    assert!(fire3[8].contains("防火监督处延期：原定3月20日，经李副总队长同意延至4月30日"), "{fire3:?}");
    let news = row("新闻宣传处", "三.3");
    assert!(news[8].contains("新闻宣传处3月22日反馈：信息报告系统调试中"), "{news:?}");
    assert!(news[8].contains("新闻宣传处延期：原定3月20日，经李副总队长同意延至5月15日"), "{news:?}");
    // The blank row reported nothing: no feedback line, no date.
    let fire4 = row("防火监督处", "一.4");
    assert_eq!((fire4[7].as_str(), fire4[8].as_str()), ("", ""));

    // The Word report (what goes to the meeting) says the same in its 进展情况 column.
    let docx = data.path().join("汇总.docx");
    duban::report::export(&summary, duban::report::Format::Docx, &docx).unwrap();
    let text: String =
        duban::notice::read_notice_file(&docx).unwrap().text.split_whitespace().collect::<Vec<_>>().concat();
    for said in [
        "防火监督处3月22日反馈：已对全市127家单位开展消防安全检查，整改隐患43处",
        "防火监督处3月22日办结报告：在建工地专项治理已完成",
        "新闻宣传处3月22日反馈：信息报告系统调试中",
        "经李副总队长同意延至5月15日",
    ] {
        assert!(text.contains(said), "{said} missing from the Word report:\n{text}");
    }
}

/// The records of a CSV file (quoted fields may hold commas and line breaks).
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    records
}

#[test]
fn files_as_people_edit_them_read_partly_with_what_was_skipped_said() {
    let (data, _) = with_forms();
    let one = |fixture: &str| {
        let path = returned(&data, fixture, fixture);
        review(&data, &[path]).files.remove(0)
    };
    // Rows deleted and reordered: matched by 编号.
    let f = one("rows-deleted-reordered.docx");
    let ids: Vec<_> = f.proposals.iter().map(|p| p.directive.unwrap().0).collect();
    assert_eq!(ids, [3, 2], "{:#?}", f.proposals);
    assert_eq!(f.proposals[0].extend_to, Some(date("2022-04-30")));
    // A column added: named and skipped; text in the wrong cell: a conflict, not a guess.
    let f = one("column-added.docx");
    assert!(f.notes.iter().any(|n| n.contains("多出的列“备注”")), "{:?}", f.notes);
    assert!(f.proposals[0].feedback.contains("整改隐患43处"));
    let wrong = f.proposals.iter().find(|p| p.directive == Some(DirectiveId(4))).unwrap();
    assert!(wrong.conflicts.contains(&Conflict::BadDate { text: "下月底".into() }), "{:?}", wrong.conflicts);
    assert!(!wrong.accepted);
    // Merged cells: said.
    let f = one("merged-cells.docx");
    assert!(f.proposals[0].row.notes.iter().any(|n| n.contains("合并单元格")));
    // Tracked changes: the text after the changes, and said.
    let f = one("tracked-changes.docx");
    assert!(f.notes.iter().any(|n| n.contains("修订")));
    assert!(f.proposals[0].feedback.contains("整改隐患43处") && !f.proposals[0].feedback.contains("初稿"));
    // A comment: said, not read into the feedback.
    let f = one("comment.docx");
    assert!(f.notes.iter().any(|n| n.contains("批注")));
    assert!(!f.proposals[0].feedback.contains("请领导审阅"));
    // Properties stripped: the printed code; everything stripped: 编号 and text, with a confidence.
    assert_eq!(one("stripped-properties.docx").matched, Match::Printed);
    let f = one("stripped-everything.docx");
    assert!(matches!(f.matched, Match::Guessed(c) if c > 0.5), "{:?}", f.matched);
    assert!(f.office.is_some());
    // Old .doc renamed, password, unrelated: clear messages.
    for (fixture, words) in [
        ("old-word-renamed.docx", "旧版 .doc"),
        ("password.docx", "密码"),
        ("unrelated.docx", "找不到反馈单表格"),
    ] {
        let f = one(fixture);
        assert!(f.error.as_deref().is_some_and(|e| e.contains(words)), "{fixture}: {:?}", f.error);
        assert!(f.proposals.is_empty());
    }
}

/// A zip whose entries are `parts` (name, bytes), stored or deflated.
fn zip_of(parts: &[(&str, Vec<u8>)], deflate: bool) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method).large_file(true);
    for (name, bytes) in parts {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The parts of a fixture, with `edit` applied to word/document.xml.
fn parts_of(fixture: &str) -> Vec<(String, Vec<u8>)> {
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(Path::new(FIXTURES).join(fixture)).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            (e.name().unwrap().into_owned(), b)
        })
        .collect()
}

#[test]
fn a_zip_bomb_stops_at_the_cap_and_a_100_mb_form_of_photos_reads_with_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    // 200 MB of one byte deflates to ~200 KB: refused at the cap, not unpacked.
    let bomb = zip_of(&[("word/document.xml", vec![b'a'; 200 * 1024 * 1024])], true);
    assert!(bomb.len() < 1024 * 1024);
    let path = dir.path().join("bomb.docx");
    std::fs::write(&path, &bomb).unwrap();
    match read_form_file(&path) {
        Err(e @ FormsError::Unpacked { .. }) => assert!(e.to_string().contains("压缩炸弹")),
        other => panic!("{other:?}"),
    }

    // ~100 MB: 33 photos of 2 MB and one of 34 MB in row 1 of the Word form.
    let mut parts = parts_of("filled-word.docx");
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut noise = |n: usize| {
        let mut v = Vec::with_capacity(n);
        while v.len() < n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            v.extend_from_slice(&seed.to_le_bytes());
        }
        v.truncate(n);
        v
    };
    let mut drawings = String::new();
    let mut rels = String::new();
    for i in 0..34 {
        let size = if i == 0 { 34 * 1024 * 1024 } else { 2 * 1024 * 1024 };
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(noise(size));
        parts.push((format!("word/media/big{i}.png"), bytes));
        drawings.push_str(&format!("<w:r><w:drawing><a:blip xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" r:embed=\"rIdBig{i}\"/></w:drawing></w:r>"));
        rels.push_str(&format!("<Relationship Id=\"rIdBig{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/big{i}.png\"/>"));
    }
    for (name, bytes) in parts.iter_mut() {
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes.clone()).unwrap();
            let at = xml.find("家单位开展消防安全检查").unwrap();
            let end = xml[at..].find("</w:p>").unwrap() + at;
            *bytes = format!("{}{drawings}{}", &xml[..end], &xml[end..]).into_bytes();
        }
        if name == "word/_rels/document.xml.rels" {
            let xml = String::from_utf8(bytes.clone()).unwrap();
            *bytes = xml.replace("</Relationships>", &format!("{rels}</Relationships>")).into_bytes();
        }
    }
    let borrowed: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let big = zip_of(&borrowed, false);
    assert!(big.len() > 100 * 1024 * 1024, "{}", big.len());
    let path = dir.path().join("满是照片.docx");
    std::fs::write(&path, &big).unwrap();
    drop(big);
    let file = read_form_file(&path).unwrap();
    let row = &file.rows[0];
    assert_eq!(row.photos.len(), 34, "the LibreOffice photo and 33 of 2 MB");
    assert!(row.notes.iter().any(|n| n.contains("big0.png") && n.contains("未取出")), "{:?}", row.notes);
    assert!(row.progress.contains("整改隐患43处"));
}

#[test]
fn conflicts_keep_rows_out_and_a_refusal_writes_nothing() {
    let (mut data, _) = with_forms();
    let word = returned(&data, "filled-word.docx", "a.docx");
    // Rows of another office: directive 1 is no longer 防火监督处's; directive 2 was 销号.
    data.store
        .apply_edit(DirectiveId(1), &DirectiveEdit::Offices(vec!["新闻宣传处".into()]), &received())
        .unwrap();
    data.store.apply_edit(DirectiveId(2), &DirectiveEdit::Status(Status::Closed), &received()).unwrap();
    let r = review(&data, std::slice::from_ref(&word));
    let p = &r.files[0].proposals;
    assert!(matches!(p[0].conflicts[..], [Conflict::OtherOffice { .. }]), "{:?}", p[0].conflicts);
    assert!(p[1].conflicts.contains(&Conflict::Closed));
    assert!(p[2].accepted);
    // --apply writes the row without a conflict only, and says why the others were left.
    let outcome =
        apply_review(&mut data.store, data.dir.path(), &r, None, &received(), &mut |_, _| {}).unwrap();
    assert_eq!(outcome.written.len(), 1, "{:?}", outcome.written);
    assert!(outcome.left.iter().any(|l| l.contains("不属于本单位")));
    assert!(outcome.left.iter().any(|l| l.contains("已销号")));
    assert!(outcome.left.iter().any(|l| l.contains("待批准")), "no approver: the extension waits");

    // The same file again; another copy of the same form; two returns in one batch.
    let again = review(&data, &[word.clone(), returned(&data, "stripped-properties.docx", "b.docx")]);
    assert!(
        again.files[0].proposals[2].conflicts.iter().any(|c| matches!(c, Conflict::SameFileApplied { .. }))
    );
    assert!(
        again.files[1].proposals[2]
            .conflicts
            .iter()
            .any(|c| matches!(c, Conflict::FormAlreadyReturned { .. }))
    );
    assert!(again.files[1].proposals[2].conflicts.iter().any(|c| matches!(c, Conflict::SecondReturn { .. })));

    // A refusal by the store (an extension the officer forced through to before the deadline)
    // rolls back the whole batch.
    let mut forced = review(&data, &[returned(&data, "filled-excel.xlsx", "c.xlsx")]);
    let before =
        (count(&data, "SELECT count(*) FROM feedback"), count(&data, "SELECT count(*) FROM form_return"));
    let p = forced.files[0].proposals.iter_mut().find(|p| p.directive == Some(DirectiveId(10))).unwrap();
    p.extend_to = Some(date("2022-03-19"));
    let err = apply_review(
        &mut data.store,
        data.dir.path(),
        &forced,
        Some("李副总队长"),
        &received(),
        &mut |_, _| {},
    );
    assert!(err.is_err());
    let after =
        (count(&data, "SELECT count(*) FROM feedback"), count(&data, "SELECT count(*) FROM form_return"));
    assert_eq!(before, after, "nothing half-applied");
}

#[test]
fn a_return_older_than_one_applied_is_flagged() {
    let (mut data, _) = with_forms();
    let board = data.store.load_board().unwrap();
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    let later = Actor { author: "张伟", at: at("2022-03-21") };
    let folder = data.path().join("new");
    let newer = generate_forms(&mut data.store, &board, &[fire], &folder, "张伟", &later).unwrap();
    // The newer form's return was applied (an empty one records the return itself).
    let file = duban::model::StoredFile {
        hash: "00".repeat(32),
        original_name: "新.docx".into(),
        size: 1,
        media_type: "application/octet-stream".into(),
    };
    let ret = duban::model::ReturnToApply {
        form_id: Some(newer[0].form_id.clone()),
        office: fire,
        file,
        items: vec![],
    };
    data.store.apply_form_returns(&[ret], &received()).unwrap();
    let r = review(&data, &[returned(&data, "filled-word.docx", "旧.docx")]);
    let c = &r.files[0].proposals[0].conflicts;
    assert!(
        c.contains(&Conflict::OlderReturn { this: date("2022-03-18"), applied: date("2022-03-21") }),
        "{c:?}"
    );
}

#[test]
fn an_urge_notice_states_the_step_and_history_and_records_a_written_reminder() {
    let mut data = Data::new();
    let board = data.store.load_board().unwrap();
    let phone = duban::model::LoopEdit {
        office: "防火监督处".into(),
        action: duban::model::LoopAction::Remind(duban::model::NewReminder {
            on: date("2022-03-21"),
            channel: duban::model::Channel::Phone,
            reached: None,
            answer: None,
            step: None,
        }),
    };
    data.store
        .apply_loop_edit(DirectiveId(1), &phone, &Actor { author: "张伟", at: at("2022-03-21") })
        .unwrap();
    let board2 = data.store.load_board().unwrap();
    let fire = board.offices.iter().find(|o| o.name == "防火监督处").unwrap().id;
    let out = data.path().join("催办");
    let made = generate_urges(&mut data.store, &board2, Some(fire), &out, "张伟", &received()).unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].serial, "催办〔2022〕第1号");
    let xml = part(&made[0].files[0], "word/document.xml");
    assert!(xml.contains("逾期2天"), "deadline 03-20, today 03-22");
    assert!(xml.contains("已于3月21日电话提醒"), "the history");
    assert!(xml.contains("书面催办"), "the step after 提醒");
    let history = data.store.loop_history(DirectiveId(1)).unwrap();
    let written: Vec<_> = history
        .iter()
        .filter(|e| {
            matches!(e.kind, LoopEventKind::Reminder(_)) && e.channel == Some(duban::model::Channel::Written)
        })
        .collect();
    assert_eq!(written.len(), 1);
    assert!(written[0].text.contains("催办〔2022〕第1号"));
    // Reminded today: a second run on the same day has nothing to press.
    let board3 = data.store.load_board().unwrap();
    assert!(
        generate_urges(&mut data.store, &board3, Some(fire), &out, "张伟", &received()).unwrap().is_empty()
    );
}

#[test]
fn the_command_line_generates_reports_as_json_and_applies_only_rows_without_conflict() {
    let data = Data::new();
    let dir = data.path().to_path_buf();
    let out = dir.join("督办单");
    let o = crate::support::duban(
        &["forms", "--all", "-o", out.to_str().unwrap(), "--date", "2022-03-18", "--author", "张伟"],
        &dir,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("督办〔2022〕第1号 防火监督处（4 项）"), "{text}");
    let bad = crate::support::duban(&["forms", "-o", out.to_str().unwrap()], &dir);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--office 单位 或 --all"));

    let a = returned(&data, "filled-word.docx", "回文.docx");
    let b = returned(&data, "password.docx", "加密.docx");
    let args = ["read-forms", a.to_str().unwrap(), b.to_str().unwrap(), "--json", "--date", "2022-03-22"];
    let o = crate::support::duban(&args, &dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["office"], "防火监督处");
    assert_eq!(v["files"][0]["serial"], "督办〔2022〕第1号");
    assert_eq!(v["files"][0]["rows"][2]["extend_to"], "2022-04-30");
    assert!(v["files"][1]["error"].as_str().unwrap().contains("密码"));
    assert!(v.get("applied").is_none(), "without --apply nothing is written");
    assert_eq!(count(&data, "SELECT count(*) FROM feedback"), 0);

    let mut args = args.to_vec();
    args.push("--apply");
    let o = crate::support::duban(&args, &dir);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["applied"]["files"], 1);
    // Rows 1 and 3: feedback; row 2: 申请办结; row 3's extension waits for an approver.
    assert_eq!(v["applied"]["written"].as_array().unwrap().len(), 3, "{v}");
    assert!(v["applied"]["left"][0].as_str().unwrap().contains("待批准"), "{v}");
    assert_eq!(count(&data, "SELECT count(*) FROM feedback WHERE channel = 'written'"), 2);
    assert_eq!(count(&data, "SELECT count(*) FROM extension"), 0);
}

/// An extension row may carry its own 批准人 (typed in the review); a row without one takes the
/// batch's, and without either it is left out and said.
#[test]
fn an_extension_row_is_approved_by_its_own_approver_else_left_out() {
    let (mut data, _) = with_forms();
    let files =
        [returned(&data, "filled-word.docx", "防火.docx"), returned(&data, "filled-excel.xlsx", "新闻.xlsx")];
    let mut review = review(&data, &files);
    let row = review.files[0].proposals.iter_mut().find(|p| p.extend_to.is_some()).unwrap();
    row.approver = " 王总队长 ".into();
    let outcome =
        apply_review(&mut data.store, data.dir.path(), &review, None, &received(), &mut |_, _| {}).unwrap();
    let approvals: Vec<(i64, String)> = data
        .store
        .connection()
        .prepare("SELECT directive_id, approved_by FROM extension")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(approvals, [(3, "王总队长".to_owned())]);
    assert!(
        outcome.left.iter().any(|l| l.contains("新闻.xlsx") && l.contains("申请延期至 2022-05-15 待批准")),
        "{:?}",
        outcome.left
    );
}
