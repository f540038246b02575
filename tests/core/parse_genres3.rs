//! The forms the third pass on issue #15 reads (short texts written for these tests, in the
//! shape of the real ones in tests/fixtures/genres/unseen2): a 督办通知's problem list under a
//! heading with its units, items whose first sentence names its subject, a report of work
//! done that is not requirements, 请以上责任单位 after a list that names no unit, and a
//! 任务分解 whose 目标 items close with a bare unit bracket.

use duban::model::{DirectiveDraft, NoticeDraft};
use duban::notice::{NoticeError, parse_notice};

use crate::support::date;

pub(crate) fn parse(text: &str) -> NoticeDraft {
    parse_notice(text, date("2024-03-01")).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn directives(n: &NoticeDraft) -> Vec<&DirectiveDraft> {
    n.sections.iter().flat_map(|s| &s.directives).collect()
}

pub(crate) fn offices(n: &NoticeDraft) -> Vec<Vec<&str>> {
    directives(n).iter().map(|d| d.offices.iter().map(String::as_str).collect()).collect()
}

#[test]
fn a_problem_list_takes_the_units_of_the_heading_above_it() {
    let n = parse(concat!(
        "市消防支队:\n请你们针对督查组发现的问题制定整改措施,于9月20日前报送市安委会办公室。\n",
        "附件:督查发现的问题\n胖东来时代广场(责任单位:魏都区,市消防支队)\n",
        "1.进门地面无荧光标识;\n2.防火卷帘门下无提示;\n3.疏散图无所在位置。\n"
    ));
    let o = offices(&n);
    assert_eq!(o.len(), 4, "{o:?}");
    assert_eq!(o[0], ["市消防支队"], "请你们 is the addressee");
    for units in &o[1..] {
        assert_eq!(units, &["魏都区", "市消防支队"]);
    }
    assert!(directives(&n)[1..].iter().all(|d| d.deadline.date == Some(date("2024-09-20"))));
}

#[test]
fn an_item_whose_first_sentence_names_its_subject_is_one_directive_of_its_subjects() {
    let n = parse(concat!(
        "各乡镇人民政府,县政府有关部门:\n为做好强降雨防范工作,现提出以下要求:\n",
        "一、县城管局要做好排水设施设备准备,保证城区度汛安全。\n",
        "二、县工商、石油、粮食等部门,要按照县防指下达的任务,备足防汛物资。\n",
        "三、洺河沿岸有关乡镇,要密切关注天气变化,及早部署。沙阳村等5个村庄,村两委要加强动员宣传。\n",
    ));
    assert_eq!(
        offices(&n),
        [vec!["县城管局"], vec!["县工商、石油、粮食等部门"], vec!["洺河沿岸有关乡镇", "村两委"]]
    );
    assert!(directives(&n)[2].text.starts_with("洺河沿岸有关乡镇"));
}

#[test]
fn a_list_of_work_done_is_not_requirements() {
    let report = "一是明确检查要求抓部署,区安委办制定文件明确督导检查工作要求。二是强化隐患整改抓推进,区安委办向有关部门下达督导通报,督促问题整改。";
    assert!(matches!(parse_notice(report, date("2024-03-01")), Err(NoticeError::NoSections)));
    let asked = "会议提出两点要求:\n一是明确检查要求抓部署。二是强化隐患整改抓推进。";
    assert_eq!(directives(&parse(asked)).len(), 2);
}

#[test]
fn please_the_units_above_after_a_list_without_units_is_the_addressees() {
    let n = parse(concat!(
        "城关镇人民政府、县卫健局:\n现将督查发现的问题通报如下。\n",
        "一、部分场所疏散通道堵塞。\n二、部分场所灭火器过期。\n",
        "三、请以上责任单位于9月20日前完成整改。\n",
    ));
    let o = offices(&n);
    assert_eq!(o.last().map(Vec::as_slice), Some(&["城关镇人民政府", "县卫健局"][..]), "{o:?}");
    assert_eq!(directives(&n)[0].deadline.date, Some(date("2024-09-20")));
}

#[test]
fn a_target_part_whose_items_close_with_a_unit_bracket_is_assigned() {
    let n = parse(concat!(
        "各县(市)、区人民政府,市政府各部门:\n现将主要任务分解印发。\n",
        "一、2006年主要调控预期目标\n1.生产总值增长12%。\n全市生产总值增长12%,总量达到2790亿元。(市发改委)\n",
        "2.财政一般预算收入增长12%。\n一般预算收入522.5亿元。(市财政局)\n",
    ));
    assert_eq!(offices(&n), [vec!["市发改委"], vec!["市财政局"]]);
}

#[test]
fn a_heading_cut_off_at_the_end_of_a_copied_page_is_not_a_requirement() {
    let n = parse(concat!(
        "各苏木镇人民政府,旗安委会各成员单位:\n现将工作要点印发给你们。\n",
        "一、强化安全生产责任落实\n(一)\n"
    ));
    assert!(directives(&n).is_empty());
    let whole = parse("各乡镇:\n一、加强值班值守。\n二、强化隐患排查\n各乡镇要开展排查。\n");
    assert_eq!(directives(&whole).len(), 2, "a heading with its text, and one ending in a full stop, stay");
}

/// Sixth session: one numbered item is one directive read from its start — a task headline
/// over a single requirement is the directive's first words, not a title left behind; and a
/// page copied without its line breaks is cut at its items (notice/unfold.rs).
#[test]
fn a_one_line_page_gives_one_directive_per_item_each_from_its_headline() {
    let lead =
        "为进一步加强我市消防工作,落实消防安全责任制,市政府决定对各乡(镇)人民政府下达以下责任状,".repeat(3);
    let n = parse(&format!(
        "{lead}一、各乡(镇)责任目标(一)落实政府消防工作责任。各乡(镇)政府要进一步明确消防工作责任。\
         (二)严格控制火灾事故。本行政区域不发生较大及以上火灾事故;火灾死亡率低于全国平均值。\
         (三)推进公共消防设施建设。加快消防通道、消防供水等基础消防设施的建设和改造。"
    ));
    let texts: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].starts_with("落实政府消防工作责任。各乡(镇)政府要"), "{texts:?}");
    assert!(texts[1].starts_with("严格控制火灾事故。本行政区域"), "{texts:?}");
    assert!(texts[2].starts_with("推进公共消防设施建设。加快"), "{texts:?}");
    assert_eq!(offices(&n)[0], ["各乡(镇)政府"]);
}
