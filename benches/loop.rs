//! 督办 per office at scale: 10,000 directives × 2–3 lead offices, a third of them with loop
//! records. Targets (issue #12): every office's figures < 20 ms; recording a feedback and
//! getting the refreshed row back (for patching the window's cached board) < 50 ms.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{
    Bulletin, BulletinSpan, Channel, DirectiveId, LoopAction, LoopEdit, NewExtension, NewFeedback,
    Recurrence, Rule, RuleVersion, office_figures, reminders_due,
};
use duban::notice::parse_notice;
use duban::store::{Actor, Store};

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");
const OFFICES: [&str; 10] = [
    "防火监督处",
    "新闻宣传处",
    "指挥中心",
    "作战训练处",
    "队务处",
    "后勤装备处",
    "信息通信处",
    "政治处",
    "法制与社会消防工作处",
    "特种灾害救援处",
];

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn feedback(office: &str, on: NaiveDate) -> LoopEdit {
    LoopEdit {
        office: office.into(),
        action: LoopAction::Feedback(NewFeedback {
            on,
            channel: Channel::Phone,
            by: Some("王强".into()),
            phone: None,
            text: "已组织专项检查，整改隐患若干处".into(),
        }),
    }
}

/// The seed imported 625 times (10,000 directives), each directive led by 2 or 3 of ten
/// offices; every third directive has a feedback, every ninth an extension.
fn register(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).expect("store");
    let draft = parse_notice(SEED, day("2022-03-16")).expect("seed parses");
    let at = day("2022-03-16").and_hms_opt(9, 0, 0).expect("time");
    let mut n = 0usize;
    for i in 0..625 {
        let mut d = draft.clone();
        d.title = format!("{}（{i}）", d.title);
        for section in &mut d.sections {
            for directive in &mut section.directives {
                let count = 2 + n % 2;
                directive.offices =
                    (0..count).map(|k| OFFICES[(n + k * 3) % OFFICES.len()].to_owned()).collect();
                directive.support_offices.clear();
                n += 1;
            }
        }
        store.import_notice(&d, SEED, "基准", at).expect("import");
    }
    let actor = Actor { author: "基准", at: day("2022-03-25").and_hms_opt(9, 0, 0).expect("time") };
    let board = store.load_board().expect("board");
    for (k, row) in board.directives.iter().enumerate().filter(|(k, _)| k % 3 == 0) {
        let office = row.assignments[0].name.to_string();
        store.apply_loop_edit(row.id, &feedback(&office, day("2022-03-18")), &actor).expect("feedback");
        if k % 9 == 0 {
            let extend = LoopEdit {
                office,
                action: LoopAction::Extend(NewExtension {
                    requested_on: day("2022-03-19"),
                    to: day("2023-06-30"),
                    reason: "涉及多部门".into(),
                    approved_by: "李副总队长".into(),
                    approved_on: None,
                }),
            };
            store.apply_loop_edit(row.id, &extend, &actor).expect("extend");
        }
    }
    store
}

fn loop_figures(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = register(&dir.path().join("duban.sqlite3"));
    let board = store.load_board().expect("board");
    assert_eq!(board.directives.len(), 10_000);
    let today = day("2022-03-25");
    c.bench_function("office figures, 10000 directives", |b| {
        b.iter(|| office_figures(black_box(&board), today, Some(7)))
    });
    c.bench_function("reminders due, 10000 directives", |b| {
        b.iter(|| reminders_due(black_box(&board), today, Some(7)))
    });
    c.bench_function("load board with office tracks, 10000 directives", |b| b.iter(|| store.load_board()));
    // 周期报送: a third of the directives report monthly (每月25日前) from the notice on; two
    // years later each of their offices has 24 periods to judge.
    let mut recurring = board.clone();
    for row in recurring.directives.iter_mut().step_by(3) {
        row.recurrence = Some(Box::new(Recurrence {
            versions: vec![RuleVersion { from: day("2022-03-16"), rule: Rule::Monthly { day: 25 } }],
            ends_on: None,
        }));
    }
    let later = day("2024-03-25");
    c.bench_function("office figures, 10000 directives, a third monthly for 2 years", |b| {
        b.iter(|| office_figures(black_box(&recurring), later, Some(7)))
    });
    c.bench_function("reminders due, 10000 directives, a third monthly for 2 years", |b| {
        b.iter(|| reminders_due(black_box(&recurring), later, Some(7)))
    });
    let march = BulletinSpan::month(2022, 3).expect("span");
    c.bench_function("督查通报 content, 10000 directives", |b| {
        b.iter(|| Bulletin::build(black_box(&board), march.clone(), Some(7), true))
    });
    let id: DirectiveId = board.directives[5000].id;
    let office = board.directives[5000].assignments[1].name.clone();
    let actor = Actor { author: "基准", at: today.and_hms_opt(10, 0, 0).expect("time") };
    let edit = feedback(&office, today);
    c.bench_function("record a feedback and get the refreshed row (on disk)", |b| {
        b.iter(|| {
            store.apply_loop_edit(id, &edit, &actor).expect("feedback");
            store.directive_row(id).expect("row")
        })
    });
}

criterion_group!(benches, loop_figures);
criterion_main!(benches);
