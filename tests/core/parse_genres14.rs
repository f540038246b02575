//! The forms the fourteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen14): school notices passed on by an
//! education bureau, a 文物 bureau's half-yearly report, a town's meeting items that relay,
//! a speaker's lead-in heading over a list, and remarks whose units open their sentences.

use crate::parse_genres3::{directives, offices, parse};
use crate::support::date;
use duban::notice::parse_notice;

/// Each directive's deadline as written YYYY-MM-DD, or None.
pub(crate) fn deadlines(n: &duban::model::NoticeDraft) -> Vec<Option<String>> {
    directives(n).iter().map(|d| d.deadline.date.map(|d| d.to_string())).collect()
}

#[test]
fn a_signature_date_with_separators_dates_the_notice() {
    let text = concat!(
        "关于转发消防宣传月活动方案的通知\n",
        "发布日期:2017年12月19日\n",
        "各基层单位:\n",
        "请各单位在管辖范围内开展一次消防安全隐患排查与整改。中小学及幼儿园要结合法制宣传月推进各项工作。",
        "11月25日前上交消防宣传月活动统计表。\n",
        "教育局综治办\n",
        "2017、11、3\n",
    );
    let n = parse_notice(text, date("2024-03-01")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(n.issued_on, date("2017-11-03"), "the signature, not the page's later date");
    assert_eq!(offices(&n), [vec!["各单位"], vec!["中小学", "幼儿园"], vec!["中小学", "幼儿园"]]);
    assert_eq!(
        deadlines(&n).last().cloned().flatten().as_deref(),
        Some("2017-11-25"),
        "a limit that opens a sentence of what to send is a requirement of its own"
    );
}

#[test]
fn units_then_a_dated_limit_ask_with_no_modal() {
    let n = parse(concat!(
        "关于做好校舍安全检查工作的通知\n",
        "各中小学、幼儿园:\n",
        "现将市教育局通知转发给你们,请全区各中小学、幼儿园遵照文件精神,务必认真贯彻执行,确保师生安全。\n",
        "各中小学,幼儿园(含民办)于6月30日之前将检查情况的报告上报局基建科。\n",
        "附:1、《市教育局关于做好校舍安全检查工作的通知》\n",
        "2、《校园消防安全隐患排查整治情况统计表》\n",
    ));
    assert_eq!(
        offices(&n),
        [vec!["各中小学", "幼儿园(含民办)"]],
        "only carry out: no directive; attachments: none"
    );
    assert_eq!(deadlines(&n), [Some("2024-06-30".to_owned())]);
}

#[test]
fn a_recurring_report_keeps_its_schedule_in_one_requirement() {
    let n = parse(concat!(
        "关于加强文物消防安全工作的通知\n",
        "各辖市、区文旅局:\n",
        "请有关单位每半年向市局报送文物安全半年报统计表。上半年于当年6月5日前报送,下半年于当年12月5日前报送。\n",
    ));
    assert_eq!(offices(&n), [vec!["有关单位"]], "a unit's name stops before 每");
    let d = &directives(&n)[0];
    assert_eq!(d.deadline.recurrence.as_deref(), Some("每半年"));
    assert_eq!(d.deadline.date, Some(date("2024-06-05")), "the day after 上半年于, not the half's end");
}

#[test]
fn the_issuers_own_plan_is_no_requirement() {
    let n = parse(concat!(
        "关于开展冬春火灾防控大排查的通知\n",
        "各学校:\n",
        "一、工作要求:\n",
        "(一)请各学校和培训机构(托儿所)从即日起立即全面开展自查,发现隐患及时整改。\n",
        "(二)教育局将于1月25日起组织检查组对各学校开展督导检查。\n",
        "三都县教育局\n",
        "2021年1月18日\n",
    ));
    assert_eq!(offices(&n), [vec!["各学校", "培训机构(托儿所)"]]);
}

#[test]
fn units_that_open_the_next_sentences_are_their_subjects() {
    let n = parse(concat!(
        "副县长督导森林防灭火工作\n",
        "副县长强调,林业部门应进一步加大巡护力度,及时排查火灾隐患。气象部门密切关注天气变化,提供精准预报。",
        "应急管理部门随时待命,做好应对突发事件的准备。要重视宣传教育工作,普及防火知识。\n",
    ));
    assert_eq!(
        offices(&n),
        [vec!["林业部门"], vec!["气象部门"], vec!["应急管理部门"], vec!["应急管理部门"]],
        "a bare 要 after them is the last one's"
    );
}

#[test]
fn kinds_of_unit_in_a_list_are_units_of_their_own() {
    let n = parse(concat!(
        "镇召开冬季火灾隐患大排查部署会\n",
        "会议要求各村、社区、学校和企业提高思想认识,认真开展大排查大整治工作。对发现的隐患,要立即整改。",
        "加强电动车充电等火灾隐患的宣传力度,提高冬季防火意识。通过专项检查,消除了一批安全隐患。\n",
    ));
    let four = vec!["各村", "社区", "学校", "企业"];
    assert_eq!(offices(&n), [four.clone(), four.clone(), four], "what was done (消除了) opens nothing");
}

#[test]
fn a_speakers_heading_over_a_list_gives_every_item_its_subject() {
    let n = parse(concat!(
        "镇召开安全生产专项整治三年行动工作会议\n",
        "会议内容如下:\n",
        "一、镇长同志传达了总书记关于安全生产的重要论述;\n",
        "二、通报了全镇安全生产三年行动工作开展情况。\n",
        "三、镇党委书记强调:各部门、各单位一是要克服麻痹思想,认真排查整治各类安全隐患。",
        "二是要理清“两个清单”,力争在今年年底完成年度工作任务。\n",
    ));
    assert_eq!(
        offices(&n),
        [vec!["各部门", "各单位"], vec!["各部门", "各单位"]],
        "items that relay ask nothing"
    );
    assert_eq!(deadlines(&n), [None, Some("2024-12-31".to_owned())]);
}

#[test]
fn a_heading_that_sets_a_focus_is_a_task() {
    let n = parse(concat!(
        "本次大会提出两个要求。\n",
        "一、提高思想认识。各负责单位都要让村民认识到消防安全的重要性。\n",
        "二、划定消防检查重点。会议对突出问题进行梳理说明,要求各单位建立健全用电管理制度;实行流动人口登记制度。\n",
    ));
    assert_eq!(offices(&n), [vec!["各负责单位"], vec!["各单位"]], "one numbered item, one directive");
}

#[test]
fn a_caption_run_into_the_report_is_cut_where_its_line_ended() {
    let caption = "镇副镇长对辖区内出租屋消防安全管理工作部署 镇党委委员对辖区内消防安全大排查工作部署";
    let text = format!(
        "三小场所专项整治工作会议\n会议传达了全市火灾事故现场工作会议精神,强调确保全镇消防安全形势持续稳定。 {caption} \
         会议要求,一是要认清形势,加强领导,深刻汲取教训;二是严密排查,全力整治突出问题。严格按照“全覆盖、零容忍”的总体要求,\
         对排查发现的火灾隐患,要督促整改落实;三是加强宣传力度,营造良好氛围。\n"
    );
    let n = parse(&text);
    let starts: Vec<String> = directives(&n).iter().map(|d| d.text.chars().take(6).collect()).collect();
    assert_eq!(
        starts,
        ["一是要认清形", "二是严密排查", "三是加强宣传"],
        "requirements followed are no lead-in"
    );
}

#[test]
fn a_scope_part_and_a_plans_aims_are_no_tasks() {
    let n = parse(concat!(
        "关于开展火灾防控大排查大整治活动的通知\n",
        "一、目标要求\n",
        "以新时代中国特色社会主义思想为指导,全面贯彻安全生产决策部署。\n",
        "二、排查整治内容:重点排查整治违规使用易燃可燃材料装饰装修、占堵疏散通道等问题。\n",
        "三、工作要求:\n",
        "(一)请各乡镇从即日起立即开展自查。\n",
    ));
    assert_eq!(offices(&n), [vec!["各乡镇"]]);
}
