//! The forms the sixteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen16): units in 〔〕 brackets, the day a
//! report is handed in, a described part's item that asks by 请, a subject set off by a comma,
//! a page's block tags, and the issuer's own plans.

use crate::parse_genres3::{directives, offices};
use crate::support::date;
use duban::notice::parse_notice;

fn parse_at(day: &str, text: &str) -> duban::model::NoticeDraft {
    parse_notice(text, date(day)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn units_in_tortoise_shell_brackets_lead_and_share_the_work() {
    let n = parse_at(
        "2025-06-24",
        concat!(
            "2025年安全生产工作要点\n",
            "一、压实责任\n",
            "(一)坚决扛起安全生产政治责任。推动各镇认真学习。〔市委组织部牵头,各镇(街道)、市安委会有关成员单位及有关产业园区分工负责〕\n",
            "(二)全力提升本质安全水平。定期研判安全形势。〔市应急局牵头,市安委会有关成员单位分工负责〕\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d[0].offices, ["市委组织部"]);
    assert_eq!(
        d[0].support_offices,
        ["各镇(街道)", "市安委会有关成员单位", "有关产业园区"],
        "及 joins two units"
    );
    assert_eq!(d[1].offices, ["市应急局"]);
}

#[test]
fn a_described_part_keeps_the_item_that_asks_by_please() {
    let n = parse_at(
        "2021-12-27",
        concat!(
            "关于做好元旦假前安全检查工作的通知\n",
            "各教学单位、各部门:\n",
            "一、检查方式和时间\n",
            "从即日起到12月29日各教学单位、各部门做好自查工作。\n",
            "二、检查主要内容\n",
            "(一)消防工作。对办公场所进行火灾隐患全面检查。\n",
            "(二)交通安全工作。检查本单位交通安全教育情况。\n",
            "(三)请各教学单位、各部门放假期间做好值班工作。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各教学单位", "各部门"], vec!["各教学单位", "各部门"]]);
    let d = directives(&n);
    assert_eq!(d[0].deadline.date, Some(date("2021-12-29")), "到 joins a period's ends");
    assert!(d[1].text.starts_with("请各教学单位"), "{}", d[1].text);
}

#[test]
fn reports_handed_in_on_a_day_and_units_that_will_send() {
    let n = parse_at(
        "2011-05-03",
        concat!(
            "关于转发专项整治工作方案的通知\n",
            "各有关单位:\n",
            "本市各区、县(专业)监督站应结合本市当前开展的专项整治开展监督检查。",
            "各站并将专项整治工作情况形成书面总结于10月15日前报总站管理一科;我站将在9月份对各监督站进行专项督查。",
            "请各区、开发区住建局于2011年6月30日和12月20日分别将半年度和全年工作情况报送总站。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 3, "{:#?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert_eq!(d[0].offices, ["各区、县(专业)监督站"], "one collective of each district and county");
    assert_eq!(d[1].offices, ["各站"]);
    assert_eq!(d[1].deadline.date, Some(date("2011-10-15")));
    assert!(d[1].text.contains("我站将"), "the issuer's own plan starts nothing: {}", d[1].text);
    assert_eq!(d[2].offices, ["各区、开发区住建局"]);
    assert_eq!(d[2].deadline.date, Some(date("2011-12-20")), "two days for two reports: the last");
}

#[test]
fn a_subject_set_off_by_a_comma_is_asked_and_giving_the_floor_is_not() {
    let n = parse_at(
        "2025-07-17",
        concat!(
            "区政府召开常务会议\n",
            "请区消防救援大队陈灼同志汇报关于全区消防安全工作情况。\n",
            "消防安全工作责任重大。各级各部门,要充分认清形势任务,切实增强危机意识。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各级各部门"]]);
}

#[test]
fn a_pages_paragraph_tags_end_lines() {
    let n = parse_at(
        "2024-01-09",
        concat!(
            r#"<p class="ql-block">会上,王斌提出了工作要求:</p><p class="ql-block">一是消防安全认识必须再深化。"#,
            "各部门要深刻汲取事故教训。二是消防安全措施必须再细化。各有关行业部门要扎实组织集中排查。</p>\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 2);
    assert!(d[0].text.starts_with("一是消防安全认识"), "{}", d[0].text);
    assert!(!d[1].text.contains('<'), "{}", d[1].text);
}

#[test]
fn a_later_bare_requirement_is_the_named_units_after_everyone() {
    let n = parse_at(
        "2025-09-29",
        concat!(
            "县上召开安全生产工作视频会\n",
            "会议强调,全县上下要时刻绷紧安全之弦。各级各部门要聚焦重点行业开展风险隐患排查整改。要严明纪律作风,确保责任落实到位。\n",
        ),
    );
    assert_eq!(offices(&n), [vec![], vec!["各级各部门"], vec!["各级各部门"]]);
}
