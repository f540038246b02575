//! Parser and store speed: the seed, a 1 MB notice, and a register of ~5,000 directives.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::BoardFilter;
use duban::notice::parse_notice;
use duban::store::Store;

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// A notice of about `bytes` bytes: the seed's five sections repeated as sections 一 … 九十九,
/// each section's paragraph repeated to reach the size.
pub fn big_notice(bytes: usize) -> String {
    let body_start = SEED.find("一、").expect("seed has sections");
    let (head, body) = SEED.split_at(body_start);
    let sections: Vec<&str> = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_once('、').map_or(l, |(_, r)| r))
        .collect();
    let per_section = bytes.saturating_sub(head.len()) / 99 + 1;
    let mut out = head.to_owned();
    for n in 1..=99 {
        let text = sections[(n - 1) % sections.len()];
        out.push_str(&duban::report::chinese_numeral(n));
        out.push('、');
        let mut written = 0;
        while written < per_section {
            out.push_str(text);
            out.push('\n');
            written += text.len() + 1;
        }
    }
    out
}

/// A store holding the seed imported `copies` times (16 directives each).
pub fn register(copies: usize) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed parses");
    for i in 0..copies {
        let mut d = draft.clone();
        d.title = format!("{}（{i}）", d.title);
        store
            .import_notice(&d, SEED, "基准", day("2022-03-16").and_hms_opt(9, 0, 0).expect("time"))
            .expect("import");
    }
    store
}

/// About `bytes` bytes of running text (meeting reports and remarks with no numbering: the
/// prose reader), each paragraph made unique by a counter so none is dropped as a repeat.
pub fn big_running_text(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres/");
    let paragraphs: Vec<String> = [
        "04-tongguan-gaowen-xunqi-diaodu.txt",
        "07-shengtaiqu-anquan-meeting.txt",
        "20-ycrmsj-fangxun-diaodu.txt",
        "23-huangshi-zhidui-lianghui-diaodu.txt",
        "41-changning-xiaofang-dongyuan.txt",
    ]
    .iter()
    .flat_map(|f| {
        std::fs::read_to_string(format!("{dir}{f}"))
            .expect("genre text")
            .lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    })
    .filter(|l| l.chars().count() > 40)
    .collect();
    let mut out = String::from("全县安全生产工作会议纪要\n");
    let mut n = 0;
    while out.len() < bytes {
        out.push_str(&paragraphs[n % paragraphs.len()]);
        out.push_str(&format!("（{n}）\n"));
        n += 1;
    }
    out
}

/// About `bytes` bytes of a task table pasted as text (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限).
pub fn big_task_table(bytes: usize) -> String {
    let mut out = String::from(
        "关于印发重点工作任务分工方案的通知\n各乡镇人民政府，县直各部门：\n现将任务分工印发给你们，请于每月25日前报送进展。\n序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |\n",
    );
    let mut n = 1;
    while out.len() < bytes {
        out.push_str(&format!(
            "{n} | 开展第{n}批高层建筑消防安全专项治理，落实消防设施维护保养 | 县住建局 | 各乡镇人民政府、县消防救援大队 | {}月底前 |\n",
            n % 12 + 1
        ));
        n += 1;
    }
    out
}

fn parser(c: &mut Criterion) {
    c.bench_function("parse seed notice", |b| b.iter(|| parse_notice(black_box(SEED), day("2022-03-16"))));
    let big = big_notice(1 << 20);
    c.bench_function("parse 1 MB notice", |b| b.iter(|| parse_notice(black_box(&big), day("2022-03-16"))));
    let running = big_running_text(1 << 20);
    assert!(parse_notice(&running, day("2022-03-16")).is_ok_and(|n| n.sections[0].directives.len() > 1000));
    c.bench_function("parse 1 MB running text", |b| {
        b.iter(|| parse_notice(black_box(&running), day("2022-03-16")))
    });
    let table = big_task_table(1 << 20);
    assert!(
        parse_notice(&table, day("2022-03-16")).is_ok_and(|n| n
            .sections
            .iter()
            .map(|s| s.directives.len())
            .sum::<usize>()
            > 5000)
    );
    c.bench_function("parse 1 MB task table", |b| {
        b.iter(|| parse_notice(black_box(&table), day("2022-03-16")))
    });
    let pdf = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf/seed-notice.pdf"))
        .expect("pdf");
    c.bench_function("read seed notice PDF", |b| b.iter(|| duban::notice::read_pdf(black_box(&pdf))));
}

fn store(c: &mut Criterion) {
    let store = register(300);
    let board = store.load_board().expect("board");
    assert_eq!(board.directives.len(), 4800);
    let today = day("2022-03-22");
    c.bench_function("load board, 4800 directives", |b| b.iter(|| store.load_board()));
    c.bench_function("sidebar counts, 4800 directives", |b| b.iter(|| black_box(&board).counts(today, 3)));
    let office = board.offices.iter().find(|o| o.name == "队务处").expect("office").id;
    c.bench_function("filter by office, 4800 directives", |b| {
        b.iter(|| black_box(&board).filtered(BoardFilter::Office(office), today, 3))
    });
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed parses");
    let mut target = Store::open_in_memory().expect("store");
    c.bench_function("import seed notice (one transaction)", |b| {
        b.iter(|| {
            target.import_notice(&draft, SEED, "基准", day("2022-03-16").and_hms_opt(9, 0, 0).expect("time"))
        })
    });
}

criterion_group!(benches, parser, store);
criterion_main!(benches);
