//! 接续: importing the next meeting's notice offers to link the directives that repeat earlier
//! ones (same office, much the same words); linked, a directive's history spans meetings.

use duban::model::{DirectiveId, NoticeDraft, preselect, suggest};
use duban::notice::parse_notice;
use duban::store::{Store, StoreError};

use crate::support::{Data, actor, at, date};

const NEXT: &str = include_str!("../fixtures/next-notice.txt");

fn next_draft() -> NoticeDraft {
    parse_notice(NEXT, date("2022-03-23")).expect("parses")
}

/// The stored directive numbered `number` (of the seed notice).
fn seed_id(store: &Store, number: &str) -> DirectiveId {
    let board = store.load_board().unwrap();
    board.directives.iter().find(|d| d.number == number).map(|d| d.id).unwrap_or_else(|| panic!("{number}"))
}

#[test]
fn repeated_requirements_are_offered_and_new_ones_are_not() {
    let data = Data::new();
    let board = data.store.load_board().unwrap();
    let mut draft = next_draft();
    let found = suggest(&draft, &board);
    assert_eq!(found.len(), draft.directive_count());
    // The store finds the same without loading the board (import review, `import --link`).
    assert_eq!(data.store.suggest_continuations(&draft).unwrap(), found);
    preselect(&mut draft, &found);
    let chosen: Vec<(String, Option<String>)> = draft
        .directives()
        .map(|d| (d.number.clone(), d.continues.and_then(|id| board.directive(id)).map(|e| e.number.clone())))
        .collect();
    let expect = |n: &str, e: Option<&str>| (n.to_owned(), e.map(str::to_owned));
    assert_eq!(
        chosen,
        [
            expect("一.1", Some("一.2")), // 在建工地治理, repeated with small edits
            expect("一.2", None),         // 安全生产月: new
            expect("二.1", Some("二.2")), // 森林火灾扑救
            expect("三.1", Some("五.3")), // 滞留士兵: 三是要健全机制
        ]
    );
    // A candidate must share a responsible office: 新闻宣传处's 一.5 (宣传) is not offered to 队务处.
    let for_soldiers = &found[3];
    assert!(for_soldiers.iter().all(|c| board.directive(c.id).unwrap().offices_text().contains("队务处")));
}

#[test]
fn a_linked_directive_shows_the_earlier_progress_and_the_earlier_one_its_successor() {
    let mut data = Data::new();
    let earlier = seed_id(&data.store, "一.2");
    data.store
        .add_note(earlier, date("2022-03-20"), "已检查在建工地 42 处，整改隐患 17 处", &actor())
        .unwrap();
    let mut draft = next_draft();
    let found = suggest(&draft, &data.store.load_board().unwrap());
    preselect(&mut draft, &found);
    data.store.import_notice(&draft, NEXT, "张伟", at("2022-03-23")).unwrap();
    let board = data.store.load_board().unwrap();
    let later = board.directives.iter().find(|d| d.continues == Some(earlier)).expect("linked on import").id;

    let detail = data.store.load_detail(later).unwrap();
    assert_eq!(detail.earlier.len(), 1);
    assert_eq!(detail.earlier[0].directive.id, earlier);
    assert_eq!(detail.earlier[0].directive.meeting.as_deref(), Some("2022年第10次办公会议"));
    assert_eq!(detail.earlier[0].notes[0].text, "已检查在建工地 42 处，整改隐患 17 处");
    let before = data.store.load_detail(earlier).unwrap();
    assert_eq!(before.continued_by.iter().map(|d| d.id).collect::<Vec<_>>(), [later]);

    // Unlinking is a logged change; linking to itself is refused.
    assert!(data.store.set_continues(later, None, &actor()).unwrap());
    let detail = data.store.load_detail(later).unwrap();
    assert!(detail.earlier.is_empty());
    assert_eq!(detail.changes[0].field, "接续");
    let err = data.store.set_continues(later, Some(later), &actor()).unwrap_err();
    assert!(err.to_string().contains("不能接续它自己"), "{err}");
    assert!(data.store.check_integrity().unwrap().is_healthy());
}

#[test]
fn a_link_to_a_directive_that_is_gone_is_refused_and_nothing_is_stored() {
    let mut data = Data::new();
    let mut draft = next_draft();
    draft.sections[0].directives[0].continues = Some(DirectiveId(9999));
    let counts = data.store.counts().unwrap();
    let err = data.store.import_notice(&draft, NEXT, "张伟", at("2022-03-23")).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref m) if m.contains("已不存在")), "{err}");
    assert_eq!(data.store.counts().unwrap(), counts);
}

#[test]
fn the_command_line_links_with_link_and_only_then() {
    let run = |args: &[&str], data: &std::path::Path| {
        let out = crate::support::duban(args, data);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for (flag, linked) in [(None, false), (Some("--link"), true)] {
        let dir = tempfile::tempdir().unwrap();
        run(&["import", "tests/fixtures/seed-notice.txt", "--date", "2022-03-16"], dir.path());
        let mut args = vec!["import", "tests/fixtures/next-notice.txt", "--date", "2022-03-23"];
        args.extend(flag);
        let out = run(&args, dir.path());
        assert_eq!(out.contains("接续：2022年第10次办公会议 一.2 在建工地治理"), linked, "{out}");
        assert_eq!(out.matches("接续：").count(), if linked { 3 } else { 0 }, "{out}");
    }
}

#[test]
fn the_same_notice_again_is_recognised_and_never_linked_to_itself() {
    use duban::model::already_imported;
    let mut data = Data::new();
    let mut draft = next_draft();
    data.store.import_notice(&draft, NEXT, "张伟", at("2022-03-23")).unwrap();
    let board = data.store.load_board().unwrap();
    let found = suggest(&draft, &board);
    assert_eq!(data.store.suggest_continuations(&draft).unwrap(), found);
    preselect(&mut draft, &found);
    // Its own directives (same meeting) are not offered; the 10th meeting's still are.
    let meeting_of = |id| board.directive(id).unwrap().meeting.clone();
    assert!(found.iter().flatten().all(|c| meeting_of(c.id).as_deref() == Some("2022年第10次办公会议")));
    assert_eq!(already_imported(&draft, &board).map(|n| n.issued_on), Some(date("2022-03-23")));
    let (stored, count) = data.store.already_imported(&draft).unwrap().expect("recognised by the store");
    assert_eq!((stored.issued_on, count), (date("2022-03-23"), draft.directive_count()));
    assert!(
        already_imported(
            &parse_notice(include_str!("../fixtures/notices/02-task-division.txt"), date("2022-04-20"))
                .unwrap(),
            &board
        )
        .is_none()
    );
}

#[test]
fn the_meeting_report_says_since_when_continued_work_has_been_pressed() {
    use duban::report::{Scope, Summary, SummaryRequest};
    let mut data = Data::new();
    let earlier = seed_id(&data.store, "一.2");
    data.store.add_note(earlier, date("2022-03-20"), "已检查在建工地 42 处", &actor()).unwrap();
    let mut draft = next_draft();
    let found = suggest(&draft, &data.store.load_board().unwrap());
    preselect(&mut draft, &found);
    let notice = data.store.import_notice(&draft, NEXT, "张伟", at("2022-03-23")).unwrap();
    let board = data.store.load_board().unwrap();
    let request = SummaryRequest {
        scope: Scope::Notice(notice),
        report_date: date("2022-03-30"),
        offices: None,
        due_soon_days: 3,
    };
    let summary = Summary::build(&board, &request);
    let titles: Vec<String> = summary
        .blocks
        .iter()
        .flat_map(|b| &b.items)
        .map(|i| i.table_cells(request.report_date)[1].clone())
        .collect();
    assert!(titles.contains(&"继续突出在建工地治理\n（自第10次会议起持续督办）".to_owned()), "{titles:?}");
    assert!(titles.contains(&"“安全生产月”宣传".to_owned()), "new work has no such note: {titles:?}");
    // The flat table (Excel, CSV) says it on one line.
    let csv =
        String::from_utf8(duban::report::render(&summary, duban::report::Format::Csv).unwrap()).unwrap();
    assert!(csv.contains("继续突出在建工地治理（自第10次会议起持续督办）"), "{csv}");
    // With nothing reported yet at this meeting, the report shows what was reported at the last.
    let progress: Vec<String> =
        summary.blocks[0].items.iter().map(|i| i.table_cells(request.report_date)[3].clone()).collect();
    assert!(progress.contains(&"3月20日：已检查在建工地 42 处（第10次会议时）".to_owned()), "{progress:?}");
}

/// Text of `len` characters drawn from the CJK block by a fixed sequence: shares no wording
/// with the notices (beyond chance bigrams).
fn unrelated_text(seed: &mut u64, len: usize) -> String {
    (0..len)
        .map(|_| {
            *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from_u32(0x4E00 + ((*seed >> 33) % 0x5000) as u32).unwrap()
        })
        .collect()
}

#[test]
fn suggestions_still_come_with_many_unrelated_directives_present() {
    let mut data = Data::new();
    let draft = next_draft();
    let before = data.store.suggest_continuations(&draft).unwrap();
    let board = data.store.load_board().unwrap();
    let numbers = |found: &[Vec<duban::model::Candidate>]| -> Vec<Vec<String>> {
        found
            .iter()
            .map(|cs| cs.iter().map(|c| board.directive(c.id).unwrap().number.clone()).collect())
            .collect()
    };
    // 1,200 earlier directives of the same offices (so none is skipped for its units) in 24
    // notices of other meetings, none about the same work.
    let template = parse_notice(include_str!("../fixtures/seed-notice.txt"), date("2022-03-16")).unwrap();
    let mut seed = 17u64;
    for k in 0..24 {
        let mut other = template.clone();
        other.title = format!("关于2021年第{}次办公会议工作要求的通知", k + 1);
        other.meeting = Some(format!("2021年第{}次办公会议", k + 1));
        other.issued_on = date("2021-01-04") + chrono::Days::new(7 * k);
        let offices: Vec<String> = draft.sections.iter().flat_map(|s| s.offices.clone()).collect();
        let directive = other.sections[0].directives[0].clone();
        other.sections.truncate(1);
        other.sections[0].offices = offices.clone();
        other.sections[0].directives = (0..50)
            .map(|i| {
                let mut d = directive.clone();
                d.number = format!("一.{}", i + 1);
                d.title = unrelated_text(&mut seed, 8);
                d.text = unrelated_text(&mut seed, 60);
                d.offices = vec![offices[i % offices.len()].clone()];
                d.support_offices = Vec::new();
                d
            })
            .collect();
        data.store.import_notice(&other, "（生成的通知）", "张伟", at("2022-03-01")).unwrap();
    }
    assert_eq!(data.store.counts().unwrap().2, board.directives.len() as i64 + 1200);
    let after = data.store.suggest_continuations(&draft).unwrap();
    assert_eq!(after, before, "the same candidates, with the same scores");
    assert_eq!(numbers(&after)[0].first().map(String::as_str), Some("一.2"));
    assert_eq!(after, suggest(&draft, &data.store.load_board().unwrap()), "as the board finds them");
}
