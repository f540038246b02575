//! The forms the twentieth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen3, unseen4, unseen18 and unseen19):
//! a numbered item that opens with a bare 要 sentence.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

#[test]
fn an_item_opening_with_a_bare_requirement_is_one_directive_with_every_subject() {
    let n = parse_at(
        "2020-03-01",
        concat!(
            "切实做好春季森林草原防火工作要求\n",
            "现对我市春季期间森林草原防火工作提出如下要求。请各地贯彻落实。\n",
            "一、各地要切实把思想和行动统一到党中央决策部署上来,狠抓各项责任措施落实。\n",
            "二、要坚决克服麻痹思想,牢记去年春季的火灾教训。要强化林草部门管理责任,切实做到守土有责。",
            "要加强防灭火物资储备,满足扑救火灾需要。各地要结合疫情防控工作,及时发布火险预警信息。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各地"], vec!["各地"]]);
    let second = &directives(&n)[1];
    assert!(second.text.starts_with("要坚决克服麻痹思想"), "{}", second.text);
    assert!(second.text.contains("物资储备"), "the item's later sentences are its own");
}

#[test]
fn a_unit_asked_by_its_bare_name_is_the_unit_of_what_it_is_asked() {
    let n = parse_at(
        "2023-03-06",
        concat!(
            "锡市多措并举做好全国两会期间森林草原防灭火工作\n",
            "一是认真分析研判,增强责任感。锡市森防指办公室印发了有关通知,召开专题会议安排部署防灭火工作。\n",
            "二是压紧压实职责,持续开展督导检查。锡市森防指办公室组织多部门对重点企业开展督查检查。\n",
            "三是全面做好应急准备,不断增强防灭火能力。3月3日锡市森防指办公室对锡市政府专职森林草原扑火队",
            "日常训练成果进行了检查,要求扑火队靠前驻防,做好防灭火工作准备,做到有备无患。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["扑火队"]]);
}

#[test]
fn a_retold_schedule_gives_each_step_its_units() {
    let n = parse_at(
        "2023-04-26",
        concat!(
            "中山加强在建超高层建筑项目火灾防控\n",
            "4月24日,市住房城乡建设局启动在建超高层建筑项目消防情况专项检查。\n",
            "按照专项检查安排,全市在建超高层建筑项目由施工总承包单位于4月26日前对承建的项目完成自查。\n",
            "4月27日起,各镇街住房城乡建设主管部门对属地在建超高层建筑项目开展全覆盖检查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["施工总承包单位"], vec!["各镇街住房城乡建设主管部门"]]);
    assert_eq!(directives(&n)[0].deadline.date, Some(crate::support::date("2023-04-26")));
}

#[test]
fn findings_listed_after_their_lead_ask_nothing_and_what_is_then_asked_stays() {
    let n = parse_at(
        "2023-07-24",
        concat!(
            "区级大排查大整治专班督导督查组到玉泉营街道进行督导检查\n",
            "近日,区级专班督导督查组到玉泉营街道进行督导检查,发现某项目存在如下问题:一是基坑外边井口缺少防护。",
            "二是办公室使用旧国标插线板。三是需完善隐患排查台账。\n",
            "针对上述发现的问题,督导督察组第一时间与所属街道取得联系,并要求属地和行业部门督促企业建立整改计划,",
            "确保在规定时间内全部整改到位。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["属地", "行业部门"]]);
}

#[test]
fn a_headline_of_a_short_phrase_and_its_meaning_keeps_its_item_whole() {
    let n = parse_at(
        "2019-09-29",
        concat!(
            "关于做好国庆节期间自建房安全隐患排查整治工作的通知\n",
            "各村:\n",
            "为做好国庆节期间我镇自建房安全隐患排查整治工作,现将有关事项通知如下:\n",
            "一、提高重视,坚决克服麻痹松懈思想。各村要筑牢安全底线,增强责任意识。\n",
            "二、加强值守,做好节日期间值班及应急处置工作。各村要加强两节期间的值班工作,保持通信畅通。",
            "一旦发生紧急情况,各村要及时启动安全应急预案。\n",
            "特此通知。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村"], vec!["各村"]]);
    assert!(directives(&n)[1].text.contains("应急预案"), "the item's later sentences are its own");
}

#[test]
fn a_short_last_heading_cut_after_full_items_asks_nothing() {
    let n = parse_at(
        "2018-03-01",
        concat!(
            "关于推进安全生产领域改革发展的实施意见\n",
            "一、总体要求\n",
            "1.指导思想\n",
            "全面贯彻党的十九大精神,坚持安全发展。\n",
            "2.目标任务\n",
            "到2020年,安全生产责任基本明晰。\n",
            "二、健全完善安\n",
        ),
    );
    assert!(directives(&n).is_empty(), "{:?}", offices(&n));
    let whole = parse_at(
        "2018-03-01",
        concat!(
            "关于做好节日期间安全工作的通知\n",
            "一、加强值班\n",
            "各单位要落实领导带班制度。\n",
            "二、各乡镇要开展检查\n",
        ),
    );
    assert_eq!(offices(&whole).len(), 2, "a last item naming its unit is no cut heading");
}
