//! 基准登记册 — a deterministic register of generated notices of the seed's genre, for the
//! benches and for `examples/make_register.rs` (a 10k or 100k data folder on disk, to measure
//! the command line and the window with `duban --data DIR --date 2026-11-30`).
//!
//! Each notice is a 辽宁省消防救援总队 work-requirements notice of 4–6 sections and ~64
//! directives (56–72), issued every third day so that the last one falls just before [`TODAY`].
//! Texts are clauses of the seed notice and the genre corpus (tests/fixtures/notices), combined
//! by a fixed pseudo-random sequence; offices come from the roster of HQ offices and the 14
//! detachments; deadlines are dates (some inferred), recurrences or none. After each import,
//! older directives are mostly done or closed and recent ones mixed, some carry progress notes,
//! and some offices have 督办 records (反馈, 催办, 延期, 申请办结 and 审核通过); a tenth of the
//! directives carry on (接续) one of the previous notice. The same `count` always builds the
//! same register.

#![allow(dead_code)] // each bench uses a part

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use duban::model::{
    Channel, DeadlineDraft, DirectiveDraft, DirectiveEdit, DirectiveId, LoopAction, LoopEdit, NewExtension,
    NewFeedback, NewReminder, NoticeDraft, SectionDraft, Status,
};
use duban::notice::{parse_notice, split_clauses};
use duban::store::{Actor, DB_FILE_NAME, Store};

/// "Today" for a generated register: the day after the last notice is issued.
pub const TODAY: &str = "2026-11-30";

/// Bump when the generator changes, so cached registers are rebuilt.
pub const GENERATOR_VERSION: u32 = 2;

const SEED: &str = include_str!("../../tests/fixtures/seed-notice.txt");
const CORPUS: [&str; 10] = [
    include_str!("../../tests/fixtures/notices/01-meeting-minutes.txt"),
    include_str!("../../tests/fixtures/notices/02-task-division.txt"),
    include_str!("../../tests/fixtures/notices/03-nested-numbering.txt"),
    include_str!("../../tests/fixtures/notices/04-web-page.txt"),
    include_str!("../../tests/fixtures/notices/07-unit-forms.txt"),
    include_str!("../../tests/fixtures/notices/08-deadline-forms.txt"),
    include_str!("../../tests/fixtures/notices/09-shi-yao-lists.txt"),
    include_str!("../../tests/fixtures/notices/10-unit-line-covers-items.txt"),
    include_str!("../../tests/fixtures/notices/11-inline-lead-collectives.txt"),
    include_str!("../../tests/fixtures/notices/12-letterhead-closing.txt"),
];

const HQ_OFFICES: [&str; 16] = [
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
    "办公室",
    "财务处",
    "科技处",
    "培训处",
    "督察处",
    "组织处",
];
const DETACHMENTS: [&str; 14] = [
    "沈阳支队",
    "大连支队",
    "鞍山支队",
    "抚顺支队",
    "本溪支队",
    "丹东支队",
    "锦州支队",
    "营口支队",
    "阜新支队",
    "辽阳支队",
    "铁岭支队",
    "朝阳支队",
    "盘锦支队",
    "葫芦岛支队",
];
const SECTION_TITLES: [&str; 8] = [
    "重大风险防范务必标本兼治、狠抓落实",
    "灾害事故应对务必以练促战、以演促战",
    "疫情防控工作务必从严从紧、守住底线",
    "掀起学习热潮",
    "推动队伍建设",
    "抓实火灾隐患排查整治",
    "强化执勤训练和战备",
    "加强后勤保障和信息化建设",
];
const NOTES: [&str; 6] = [
    "已组织专项检查，整改隐患若干处，形成工作台账。",
    "已召开专题部署会，明确责任分工。",
    "已完成摸排，正在跟进整治措施。",
    "已印发实施方案，各支队按方案推进。",
    "已开展联合执法检查，督促整改到位。",
    "已组织实战演练和桌面推演。",
];
const REPORTERS: [&str; 5] = ["王强", "李娜", "张伟", "刘洋", "陈静"];

/// A fixed pseudo-random sequence (64-bit LCG, high bits), so the register is reproducible.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// 0 ≤ n < bound.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// The clauses of the seed and the corpus: sentences of the genre to build directives from.
pub fn clauses() -> Vec<String> {
    let issued = day("2022-03-16");
    let mut out: Vec<String> = Vec::new();
    for text in std::iter::once(SEED).chain(CORPUS) {
        let Ok(draft) = parse_notice(text, issued) else { continue };
        for d in draft.directives() {
            for c in split_clauses(&d.text) {
                let c = c.trimmed();
                // Without the unit lines (（责任处室：…）): offices are generated.
                if c.chars().count() >= 8
                    && !c.contains("责任")
                    && !c.contains("牵头")
                    && !out.iter().any(|o| o == c)
                {
                    out.push(c.to_owned());
                }
            }
        }
    }
    assert!(out.len() > 100, "the corpus gave {} clauses", out.len());
    out
}

/// How many notices make `count` directives (64 on average each).
pub fn notices_for(count: usize) -> usize {
    count.div_ceil(64)
}

/// The first issue date, so that notice `notices - 1` is issued 3 days before [`TODAY`].
fn first_issue(notices: usize) -> NaiveDate {
    day(TODAY) - Days::new(3 * notices as u64)
}

/// Notice `k` (0-based) of a register of `notices`, with `directives` directives. `earlier`:
/// the ids of the previous notice's directives (for 接续).
pub fn notice(
    k: usize,
    notices: usize,
    directives: usize,
    clauses: &[String],
    earlier: &[DirectiveId],
) -> NoticeDraft {
    let mut rng = Lcg::new(k as u64 * 7919 + 17);
    let issued_on = first_issue(notices) + Days::new(3 * k as u64);
    let year = issued_on.format("%Y");
    let meeting = format!("{year}年第{}次办公会议", k % 50 + 1);
    let section_count = 4 + rng.below(3) as usize;
    let mut sections = Vec::new();
    let mut made = 0;
    for s in 0..section_count {
        let number = duban::report::chinese_numeral(s + 1);
        let in_section = if s + 1 == section_count { directives - made } else { directives / section_count };
        let title = SECTION_TITLES[(k + s) % SECTION_TITLES.len()].to_owned();
        let mut list = Vec::new();
        for i in 0..in_section {
            let parts = 2 + rng.below(3) as usize;
            let text: String = (0..parts).map(|_| format!("{}。", rng.pick(clauses))).collect();
            let head: String = text.chars().take_while(|c| *c != '，' && *c != '。').take(14).collect();
            let mut offices = vec![(*rng.pick(&HQ_OFFICES)).to_owned()];
            if rng.chance(35) {
                let second = (*rng.pick(&HQ_OFFICES)).to_owned();
                if !offices.contains(&second) {
                    offices.push(second);
                }
            }
            if rng.chance(25) {
                offices.push((*rng.pick(&DETACHMENTS)).to_owned());
            }
            let mut support_offices = Vec::new();
            if rng.chance(30) {
                let helper = (*rng.pick(&HQ_OFFICES)).to_owned();
                if !offices.contains(&helper) {
                    support_offices.push(helper);
                }
            }
            let deadline = match rng.below(10) {
                0..=5 => {
                    let date = issued_on + Days::new(3 + rng.below(60));
                    DeadlineDraft {
                        date: Some(date),
                        phrase: Some(format!("{}前", date.format("%-m月%-d日"))),
                        inferred: false,
                        recurrence: None,
                    }
                }
                6 => DeadlineDraft {
                    date: Some(issued_on + Days::new(6)),
                    phrase: Some("本周工作重点".into()),
                    inferred: true,
                    recurrence: None,
                },
                7 => DeadlineDraft { recurrence: Some("每月25日前".into()), ..DeadlineDraft::default() },
                _ => DeadlineDraft::default(),
            };
            let continues = (!earlier.is_empty() && rng.chance(10)).then(|| *rng.pick(earlier));
            list.push(DirectiveDraft {
                number: format!("{number}.{}", i + 1),
                title: if head.is_empty() { "工作要求".into() } else { head },
                text,
                units_phrase: Some(format!("（责任处室：{}）", offices.join("、"))),
                offices,
                support_offices,
                deadline,
                context: None,
                continues,
            });
        }
        made += in_section;
        let text = list.iter().map(|d| d.text.as_str()).collect::<String>();
        sections.push(SectionDraft { number, title, text, offices: Vec::new(), directives: list });
    }
    NoticeDraft {
        title: format!("辽宁省消防救援总队关于{meeting}工作要求的通知"),
        issuer: Some("辽宁省消防救援总队".into()),
        recipients: vec!["各支队".into(), "机关各处室".into()],
        meeting: Some(meeting),
        doc_number: Some(format!("辽消〔{year}〕{}号", k % 300 + 1)),
        issued_on,
        preamble: "总队机关各处室结合实际，经过集体会商，形成本通知，作为机关各处室、各支队本周工作重点，现印发给你们，请紧密结合实际，抓好落实。".into(),
        closing: "辽宁省消防救援总队".into(),
        sections,
    }
}

/// The notice as the officer would paste it (the stored source text).
pub fn source_text(draft: &NoticeDraft) -> String {
    let mut out = format!("{}\n各支队、机关各处室：\n{}\n", draft.title, draft.preamble);
    for s in &draft.sections {
        out.push_str(&format!("{}、{}。", s.number, s.title));
        for d in &s.directives {
            out.push_str(&d.text);
            if let Some(units) = &d.units_phrase {
                out.push_str(units);
            }
        }
        out.push('\n');
    }
    out.push_str(&draft.closing);
    out
}

/// What happens to the directives of notice `k` after it is stored: statuses, notes and 督办
/// records, older notices further along. Dates stay before [`TODAY`].
fn follow_up(store: &mut Store, k: usize, notices: usize, draft: &NoticeDraft, first_id: i64) {
    let mut rng = Lcg::new(k as u64 * 104729 + 5);
    let today = day(TODAY);
    let age = notices - k; // in notices (3 days each)
    let done_percent = if age > 40 {
        92
    } else if age > 10 {
        60
    } else {
        15
    };
    let on = |days: u64| (draft.issued_on + Days::new(days)).min(today);
    // Each change is recorded on the day it happened.
    let actor = |on: NaiveDate| Actor { author: "值班员", at: on.and_hms_opt(17, 0, 0).expect("time") };
    for (i, d) in draft.directives().enumerate() {
        let id = DirectiveId(first_id + i as i64);
        let office = d.offices[0].clone();
        let edit = |store: &mut Store, action: LoopAction| {
            let done = store.apply_loop_edit(
                id,
                &LoopEdit { office: office.clone(), action: action.clone() },
                &actor(action.date()),
            );
            debug_assert!(done.is_ok(), "{action:?}: {done:?}");
        };
        if rng.chance(30) {
            edit(
                store,
                LoopAction::Feedback(NewFeedback {
                    on: on(2 + rng.below(5)),
                    channel: *rng.pick(&[Channel::Written, Channel::Phone, Channel::System]),
                    by: Some((*rng.pick(&REPORTERS)).to_owned()),
                    phone: None,
                    text: (*rng.pick(&NOTES)).to_owned(),
                }),
            );
        }
        if rng.chance(15) {
            let text = (*rng.pick(&NOTES)).to_owned();
            let day = on(3 + rng.below(10));
            store.apply_edit(id, &DirectiveEdit::Note { on: day, text }, &actor(day)).expect("note");
        }
        if rng.chance(done_percent) {
            if rng.chance(40) {
                edit(
                    store,
                    LoopAction::Complete {
                        on: on(8), report: "已按要求完成，形成办结报告。".into()
                    },
                );
                edit(store, LoopAction::Accept { on: on(9) });
            }
            let status = if rng.chance(50) { Status::Closed } else { Status::Done };
            store.apply_edit(id, &DirectiveEdit::Status(status), &actor(on(10))).expect("status");
        } else {
            if rng.chance(40) {
                store
                    .apply_edit(id, &DirectiveEdit::Status(Status::InProgress), &actor(on(4)))
                    .expect("status");
            }
            if rng.chance(12) {
                edit(
                    store,
                    LoopAction::Remind(NewReminder {
                        on: on(7),
                        channel: Channel::Phone,
                        reached: Some((*rng.pick(&REPORTERS)).to_owned()),
                        answer: Some("正在推进，本周内反馈。".into()),
                        step: None,
                    }),
                );
            }
            if let (Some(deadline), true) = (d.deadline.date, rng.chance(4)) {
                edit(
                    store,
                    LoopAction::Extend(NewExtension {
                        requested_on: on(5),
                        to: deadline + Days::new(30),
                        reason: "涉及多部门协调，需延长办理时间".into(),
                        approved_by: "李副总队长".into(),
                        approved_on: None,
                    }),
                );
            }
        }
    }
}

/// Fills `store` (empty) with a register of about `count` directives; returns how many.
pub fn fill(store: &mut Store, count: usize, mut progress: impl FnMut(usize, usize)) -> usize {
    store.set_author("值班员").expect("author");
    let clauses = clauses();
    let notices = notices_for(count);
    let mut made = 0usize;
    let mut earlier: Vec<DirectiveId> = Vec::new();
    let mut next_id = 1i64;
    for k in 0..notices {
        let left = count - made;
        let size = if k + 1 == notices { left } else { (56 + (k * 37) % 17).min(left - (notices - k - 1)) };
        let draft = notice(k, notices, size, &clauses, &earlier);
        let at = draft.issued_on.and_hms_opt(9, 0, 0).expect("time");
        store.import_notice(&draft, &source_text(&draft), "值班员", at).expect("import");
        follow_up(store, k, notices, &draft, next_id);
        earlier = (next_id..next_id + size as i64).map(DirectiveId).collect();
        next_id += size as i64;
        made += size;
        progress(k + 1, notices);
    }
    assert_eq!(store.counts().expect("counts").2 as usize, made);
    made
}

/// Builds a register of `count` directives in the data folder `dir` (created; must hold no
/// database yet). Commits are not synced while building (a half-built folder is thrown away).
pub fn build_folder(dir: &Path, count: usize, progress: impl FnMut(usize, usize)) -> usize {
    assert!(!dir.join(DB_FILE_NAME).exists(), "{} already holds a database", dir.display());
    let mut store = Store::open_dir(dir).expect("store");
    store.connection().pragma_update(None, "synchronous", "OFF").expect("pragma");
    let made = fill(&mut store, count, progress);
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA optimize;")
        .expect("checkpoint");
    made
}

/// A register of `count` directives built once and kept under `target/registers/` (benches
/// copy it, never write to it).
pub fn cached(count: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("registers");
    let dir = root.join(format!("{count}-v{GENERATOR_VERSION}"));
    if dir.join(DB_FILE_NAME).exists() {
        return dir;
    }
    let building = root.join(format!(".{count}-v{GENERATOR_VERSION}.{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&building);
    eprintln!("building a register of {count} directives in {} …", dir.display());
    build_folder(&building, count, |_, _| {});
    std::fs::rename(&building, &dir).expect("rename register");
    dir
}

/// A private copy of the cached register of `count` directives, in a temporary folder.
pub fn copy_of(count: usize) -> tempfile::TempDir {
    let from = cached(count);
    let to = tempfile::tempdir().expect("tempdir");
    std::fs::copy(from.join(DB_FILE_NAME), to.path().join(DB_FILE_NAME)).expect("copy register");
    to
}
