//! The forms of issue #15's genres, one small text each (written for these tests; the real
//! texts are scored in genre_score.rs): units as subjects in a 批示, an agenda that is not
//! directives, a 督查通报's 请以上责任单位, minutes whose sections name units as subjects, a
//! task-division list with its brackets, and running text never refused.

use duban::model::{DirectiveDraft, NoticeDraft};
use duban::notice::{NoticeError, parse_notice};

use crate::support::date;

fn parse(name: &str) -> NoticeDraft {
    let path = format!("{}/tests/fixtures/genre-forms/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    parse_notice(&text, date("2024-03-01")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn directives(n: &NoticeDraft) -> Vec<&DirectiveDraft> {
    n.sections.iter().flat_map(|s| &s.directives).collect()
}

fn offices(n: &NoticeDraft) -> Vec<Vec<&str>> {
    directives(n).iter().map(|d| d.offices.iter().map(String::as_str).collect()).collect()
}

#[test]
fn a_pishi_gives_each_unit_named_as_subject_its_requirement() {
    let n = parse("pishi-subjects.txt");
    assert_eq!(
        offices(&n),
        [vec!["各地各部门"], vec!["市应急管理局"], vec!["市消防救援支队"], vec!["市消防救援支队"]]
    );
    let last = directives(&n)[3];
    assert_eq!(last.deadline.date, Some(date("2024-03-31")));
    assert!(last.text.starts_with("要加强野外火源管控"));
}

#[test]
fn an_agenda_and_meeting_arrangements_are_not_directives() {
    let n = parse("meeting-agenda.txt");
    let titles: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(titles, ["请参会人员提前10分钟入场,不得请假。"]);
}

#[test]
fn please_the_units_above_resolves_to_them_and_dates_them() {
    let n = parse("bulletin-above.txt");
    assert_eq!(offices(&n), [vec!["城关镇"], vec!["县卫健局"], vec!["城关镇", "县卫健局"]]);
    for d in directives(&n) {
        assert_eq!(d.deadline.date, Some(date("2024-09-20")), "{}", d.text);
    }
    assert!(directives(&n)[0].deadline.inferred, "the date came from the sentence below");
    assert!(!directives(&n)[2].deadline.inferred);
    // The office the report goes to is not responsible.
    assert!(!directives(&n).iter().any(|d| d.offices.iter().any(|o| o.contains("督查室"))));
}

#[test]
fn minutes_sections_split_by_their_subjects() {
    let n = parse("minutes-subjects.txt");
    assert_eq!(offices(&n), [vec!["各乡镇"], vec!["县水利局"], vec!["县住建局"]]);
    let d = directives(&n);
    assert_eq!(d[0].deadline.date, Some(date("2024-06-15")));
    assert_eq!((d[1].deadline.date, d[1].deadline.recurrence.as_deref()), (None, Some("每周")));
    assert_eq!(d[2].support_offices, ["县城管局"]);
    assert_eq!(d[2].deadline.date, Some(date("2024-12-31")));
}

#[test]
fn a_task_division_list_keeps_time_limits_out_of_its_units() {
    let n = parse("task-division-brackets.txt");
    let d = directives(&n);
    assert_eq!(d.len(), 5, "the covering 每月25日前报送 and four tasks");
    assert_eq!(d[0].deadline.recurrence.as_deref(), Some("每月25日前"));
    assert_eq!(d[0].offices, ["各乡镇人民政府", "县直各部门"], "the addressees of 请");
    assert_eq!(d[1].offices, ["县住建局"]);
    assert_eq!(d[1].support_offices, ["各乡镇人民政府", "县消防救援大队"]);
    assert_eq!(d[1].deadline.date, Some(date("2023-10-31")));
    assert_eq!(d[3].offices, ["县应急局", "县市场监管局"]);
    assert_eq!(d[3].deadline.recurrence.as_deref(), Some("每季度"));
    assert!(
        directives(&n).iter().all(|d| d
            .offices
            .iter()
            .chain(&d.support_offices)
            .all(|u| !u.contains("时限")))
    );
}

#[test]
fn running_text_with_requirements_is_never_refused_but_chat_is() {
    let text = "会议强调，要压实安全责任，加强隐患排查。要强化值班值守。";
    let n = parse_notice(text, date("2024-03-01")).unwrap();
    assert_eq!(directives(&n).len(), 2);
    assert!(matches!(
        parse_notice("明天下午开会。\n请准时参加。", date("2024-03-01")),
        Err(NoticeError::NoSections)
    ));
}

#[test]
fn numbers_inside_a_paragraph_are_items_with_their_units() {
    let n = parse("minutes-inline-numbers.txt");
    assert_eq!(offices(&n), [vec!["县住建局"], vec!["县消防救援大队"], vec!["各乡镇"]]);
    assert_eq!(directives(&n)[0].deadline.date, Some(date("2024-06-30")));
    assert!(directives(&n)[2].text.contains("1.5万元"), "a decimal is not an item number");
}
