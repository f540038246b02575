//! Export speed: a register of 1,000 directives across 30 offices, each format.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{
    Assignment, Board, DirectiveId, DirectiveRow, NoticeId, NoticeInfo, Office, OfficeId, Role, Status,
    classify_unit,
};
use duban::report::{Format, Scope, Summary, SummaryRequest, render};

const TITLES: [&str; 5] =
    ["在建工地治理", "人员密集场所管控", "监督执法质效", "系统练兵备战", "更加持续深入加强党的建设"];

fn register() -> Board {
    let day: NaiveDate = "2022-03-16".parse().expect("date");
    let mut offices: Vec<Office> = (0..20)
        .map(|i| format!("第{i}处"))
        .chain(
            ["沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳"]
                .map(|c| format!("{c}支队")),
        )
        .enumerate()
        .map(|(i, name)| Office { id: OfficeId(i as i64 + 1), kind: classify_unit(&name), name })
        .collect();
    offices.push(Office { id: OfficeId(100), name: "各处室".into(), kind: classify_unit("各处室") });
    let statuses = [Status::NotStarted, Status::InProgress, Status::Done, Status::Closed];
    let directives = (0..1000usize)
        .map(|i| {
            let lead = &offices[i % 30];
            let second = &offices[(i * 7 + 3) % 30];
            let assignments = [lead, second]
                .iter()
                .map(|o| Assignment {
                    office: o.id,
                    name: o.name.as_str().into(),
                    kind: o.kind,
                    role: Role::Lead,
                    track: Default::default(),
                })
                .collect();
            DirectiveRow {
                id: DirectiveId(i as i64 + 1),
                notice_id: NoticeId(1),
                meeting: Some("2022年第10次办公会议".into()),
                number: format!("{}.{}", i / 10 + 1, i % 10 + 1),
                title: TITLES[i % TITLES.len()].to_owned(),
                text: "要突出在建工地治理。联合住建部门对施工工地员工宿舍等开展专项检查。".into(),
                deadline: day.checked_add_days(Days::new((i % 40) as u64)),
                status: statuses[i % 4],
                assignments,
                last_note: (i % 3 == 0)
                    .then(|| (day, "已组织专项检查，整改隐患若干处，形成工作台账。".to_owned())),
                evidence: 0,
                evidence_after_notice: 0,
                continues: None,
                recurrence: None,
                source: None,
            }
        })
        .collect();
    let notices = vec![NoticeInfo {
        id: NoticeId(1),
        title: "关于2022年第10次办公会议工作要求的通知".into(),
        issuer: Some("辽宁省消防救援总队".into()),
        meeting: Some("2022年第10次办公会议".into()),
        issued_on: day,
        feedback_days: None,
        source: None,
    }];
    Board { notices, offices, directives, aliases: Vec::new(), set_aside: Vec::new(), finished_apart: None }
}

fn export(c: &mut Criterion) {
    let board = register();
    let request = SummaryRequest {
        scope: Scope::Notice(NoticeId(1)),
        report_date: "2022-04-10".parse().expect("date"),
        offices: None,
        due_soon_days: 3,
    };
    c.bench_function("summary, 1000 directives × 30 offices", |b| {
        b.iter(|| Summary::build(&board, &request))
    });
    let summary = Summary::build(&board, &request);
    assert_eq!(summary.blocks.len(), 30);
    let mut group = c.benchmark_group("export 1000 directives × 30 offices");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.extension(), |b| b.iter(|| render(&summary, format).expect("renders")));
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
