//! The forms the twenty-second pass on issue #15 reads (short texts written for these tests,
//! in the shape of real ones in tests/fixtures/genres/unseen21 and unseen22): a later phrase's
//! subject with no 要, units joined by 以及, where a subject acts, a span within one month, the
//! issuer's own visit, and an item of minutes that heard a report.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

#[test]
fn an_item_of_minutes_that_heard_a_report_is_one_directive_of_every_subject() {
    let n = parse_at(
        "2023-08-04",
        concat!(
            "区政府召开第35次常务会议\n",
            "7月20日下午,区长主持召开区政府第35次常务会议,现将会议讨论研究的有关事项纪要如下。\n",
            "一、听取关于半年度安全生产工作落实情况及下半年工作打算的汇报\n",
            "会议强调,各地各部门要高度重视安全生产工作。要强化分析研判,对风险隐患逐一对账销号。",
            "要突出重点,把隐患真正排查到位。区应急管理局要加强督导。\n",
            "二、听取关于上半年法治政府建设工作推进情况的汇报\n",
            "会议强调,法治政府建设工作要坚持依法行政。要加强向上对接,强化府院联动。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各地各部门", "区应急管理局"], vec![]]);
    assert!(directives(&n)[1].text.starts_with("听取关于上半年"), "{:?}", directives(&n)[1].text);
    // 下半年工作打算 is the report's period, no limit of the item.
    assert!(directives(&n).iter().all(|d| d.deadline.date.is_none()), "{:?}", directives(&n));
}

#[test]
fn a_later_phrase_with_a_unit_before_its_verb_and_units_joined_by_yiji() {
    let n = parse_at(
        "2019-06-11",
        concat!(
            "关于推进充电设施建设的通知\n",
            "各区发展改革委:\n",
            "请各区发展改革委督促承建企业加快建设进度,确保10月底前完成。",
            "各承建单位要高标准完成建设任务,各级电力企业在做好充电设施建设的同时,积极服务好报装需求。",
            "各相关部门以及各街道办事处要全力配合。\n",
        ),
    );
    let units = offices(&n);
    assert_eq!(units[1..], [vec!["各承建单位"], vec!["各级电力企业"], vec!["各相关部门", "各街道办事处"]]);
}

#[test]
fn a_span_within_one_month_dates_the_work_but_the_issuers_visit_does_not() {
    let text = |title: &str| {
        format!(
            "关于开展节前安全检查的通知\n各科室:\n一、{title}\n9月26日-30日\n二、工作要求\n1.加强领导。各科室要组织开展好自查。\n"
        )
    };
    let n = parse_at("2024-09-24", &text("检查时间"));
    assert_eq!(directives(&n)[0].deadline.date.map(|d| d.to_string()).as_deref(), Some("2024-09-30"));
    let n = parse_at("2024-09-24", &text("督察时间"));
    assert_eq!(directives(&n)[0].deadline.date, None);
}

#[test]
fn a_campaigns_slogan_and_its_period_with_a_remark_are_no_directives() {
    let n = parse_at(
        "2009-05-20",
        concat!(
            "关于组织开展2009年“安全生产月”活动的通知\n",
            "各村委会、镇属企事业单位:\n",
            "一、活动主题\n关爱生命、安全发展\n",
            "二、活动时间\n2009年6月1日至30日。其中6月14日为安全生产宣传咨询日。\n",
            "三、活动要求\n",
            "(一)高度重视\n各村、各单位要进一步提高认识。\n",
            "(二)精心组织\n各村、各单位要积极开展宣传教育活动。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村", "各单位"], vec!["各村", "各单位"]]);
    let ends: Vec<_> = directives(&n).iter().map(|d| d.deadline.date.map(|d| d.to_string())).collect();
    assert_eq!(ends, [Some("2009-06-30".to_owned()), Some("2009-06-30".to_owned())]);
}

#[test]
fn the_one_answering_for_a_unit_stands_for_it_and_a_quarter_is_no_office() {
    let n = parse_at(
        "2023-02-22",
        concat!(
            "街道召开电动自行车消防安全警示教育会\n",
            "会议指出,四季度处于秋冬季节,是火灾易发期。",
            "最后,对做好消防专项整治工作提出以下要求:一是严格落实责任,居委会、物业责任人要认真研判消防安全形势;",
            "二是要加大排查力度和频次。\n",
        ),
    );
    assert_eq!(offices(&n)[0], ["居委会", "物业"]);
    assert!(offices(&n).iter().flatten().all(|u| !u.contains("季度")), "{:?}", offices(&n));
}

#[test]
fn officials_who_lead_are_no_units_and_the_units_after_them_are() {
    let n = parse_at(
        "2017-08-05",
        concat!(
            "县政府常务会议审议消防规划\n",
            "县长就如何抓好《规划》的贯彻落实提出三点要求:一是加强组织领导,搞好统筹协调。",
            "由熊伟副县长、朱万军副县长牵头,县府办及时出台规划,县消防大队做好统筹协调,全县各级各部门认真履职。",
            "二是要紧盯重点工程。各责任单位要严格按照《规划》推进。三是加强督促检查。",
            "督促各单位要全面落实消防安全责任。\n",
        ),
    );
    let units = offices(&n);
    assert_eq!(units[0], ["县府办", "县消防大队", "各级各部门"], "{units:?}");
    assert!(units.iter().flatten().all(|u| !u.ends_with("县长") && !u.starts_with("督促")), "{units:?}");
}

#[test]
fn an_exposure_gives_one_directive_per_exposed_unit() {
    let n = parse_at(
        "2023-06-05",
        concat!(
            "5月28日至6月4日,全区各级消防检查组深入全区5市。现将部分单位存在的消防安全隐患问题曝光如下:\n",
            "银川市\n火灾隐患单位曝光\n",
            "隐患单位:中环大厦\n",
            "存在隐患:1、一层中庭自动扶梯下设置商铺摊位;2、消防控制室值班记录填写不规范。\n",
            "整改措施:责令限期整改\n",
            "固原市\n火灾隐患单位曝光\n",
            "隐患单位:隆德县名羊天下羊肉馆\n",
            "存在隐患:厨房电器线路敷设不符合要求。\n",
            "整改措施:责令于6月20日前改正\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["中环大厦"], vec!["隆德县名羊天下羊肉馆"]]);
    let ends: Vec<_> = directives(&n).iter().map(|d| d.deadline.date.map(|d| d.to_string())).collect();
    assert_eq!(ends, [None, Some("2023-06-20".to_owned())]);
    assert!(directives(&n)[0].text.starts_with("隐患单位:中环大厦"), "{}", directives(&n)[0].text);
}

#[test]
fn a_text_written_to_the_public_asks_no_unit_where_it_names_none() {
    let n = parse_at(
        "2025-04-01",
        concat!(
            "关于清明节期间文明祭祀防止森林火灾的温馨提示\n",
            "广大村(居)民朋友们:\n",
            "为有效预防森林火灾,现就清明节期间文明祭祀提示如下:\n",
            "一、倡导文明祭祀\n(一)提倡绿色祭扫:鼓励采用鲜花祭祀等低碳环保方式表达哀思。\n",
            "二、严守防火规定\n(一)配合检查管理:请自觉遵守森林防火卡点检查。\n",
            "(二)各村要加强巡查,落实护林员值守。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村"]], "only what a unit is asked stays");
}

#[test]
fn a_labelled_item_is_one_directive_of_every_subject_and_a_bans_rules_ask_no_one() {
    let n = parse_at(
        "2010-01-20",
        concat!(
            "关于在县城区内开展烟花爆竹限时限点燃放工作的实施意见\n",
            "各乡镇人民政府,县级各部门:\n",
            "为加强县城区烟花爆竹燃放的安全管理,提出如下意见:\n",
            "一、限时燃放区域:县城区,东至云东加油站,南至五一桥。\n",
            "二、燃放时间:每年农历除夕、正月初一的每天7:00至24:00。\n",
            "三、燃放管理:公安部门要对县城区开展巡逻检查,制止违法燃放行为。",
            "公安消防部门负责督促相关单位整改火灾隐患。安监部门要对城区零售网点进行合理布设。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["公安部门", "公安消防部门", "安监部门"]]);
}

#[test]
fn a_recipients_list_of_places_before_one_body_is_one_collective() {
    let n = parse_at(
        "2014-03-18",
        concat!(
            "省粮食局办公室关于切实做好粮食企业春季防火工作的通知\n",
            "各市、州、县粮食局,局直各单位:\n",
            "请结合工作方案要求,继续深入组织开展专项行动。\n",
        ),
    );
    assert_eq!(n.recipients, ["各市、州、县粮食局", "局直各单位"]);
}
