//! The forms the fifteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres): a list of addressees after 请 set off by
//! commas, development zones as units.

use crate::parse_genres3::{offices, parse};
use crate::support::date;
use duban::notice::parse_notice;

fn parse_at(day: &str, text: &str) -> duban::model::NoticeDraft {
    parse_notice(text, date(day)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn names_after_please_set_off_by_commas_are_all_asked() {
    let n = parse(concat!(
        "关于转发危险化学品事故通报的通知\n",
        "各乡镇人民政府,高新西区管委会,工业集中发展区、市级有关部门:\n",
        "一、请各乡镇人民政府,高新西区管委会,广汉市工业集中发展区及时将通知转发至辖区内所有企业。\n",
        "二、请各乡镇人民政府,高新西区管委会,广汉市工业集中发展区及相关部门按照职责加强监管。\n",
        "三、请各单位,按照要求做好防凝防冻工作。\n",
    ));
    assert_eq!(
        offices(&n),
        [
            vec!["各乡镇人民政府", "高新西区管委会", "广汉市工业集中发展区"],
            vec!["各乡镇人民政府", "高新西区管委会", "广汉市工业集中发展区", "相关部门"],
            vec!["各单位"],
        ],
        "及时 is an adverb, 及相关部门 another unit; a name before a comma and a verb is one"
    );
}

#[test]
fn a_unit_acting_on_another_is_the_subject_not_both() {
    let n = parse(concat!(
        "关于开展安全宣传的通知\n",
        "各单位:\n",
        "一、教育部门督促各大中小学开展安全教育。\n",
        "二、县应急局会同各乡镇开展隐患排查。\n",
    ));
    assert_eq!(offices(&n)[0], ["教育部门"], "督促 ends the name: the schools are its object");
    assert!(!offices(&n)[1].iter().any(|u| u.contains("会同")), "{:?}", offices(&n)[1]);
}

#[test]
fn a_schedules_steps_by_limit_and_units_are_requirements() {
    let n = parse_at(
        "2012-06-13",
        concat!(
            "关于开展家庭消防安全知识竞赛的通知\n",
            "活动分为初赛、复赛、决赛三个阶段展开:8月20日前由各社区、行政村组织初赛,每个社区至少15个家庭参加;",
            "10月10日前由各区县、街道(乡镇)组织复赛。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各社区、行政村"], vec!["各区县、街道(乡镇)"]], "各 governs 街道(乡镇)");
    let dates: Vec<_> = crate::parse_genres3::directives(&n).iter().map(|d| d.deadline.date).collect();
    assert_eq!(dates, [Some(date("2012-08-20")), Some(date("2012-10-10"))]);
}

#[test]
fn a_campaign_period_in_the_opening_words_is_every_tasks_limit() {
    let n = parse_at(
        "2020-07-06",
        concat!(
            "泉州开展出租屋消防安全隐患整治\n",
            "指挥部经研究决定,6月28日起至8月28日,开展出租屋消防安全隐患整治工作。\n",
            "在整治期间,各地要对居住出租屋进行整治。消防部门要组织乡镇(街道)进行随机抽查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各地"], vec!["消防部门"]]);
    for d in crate::parse_genres3::directives(&n) {
        assert_eq!(d.deadline.date, Some(date("2020-08-28")), "{}", d.text);
    }
}

#[test]
fn parts_spelled_out_after_ji_stay_with_their_requirement() {
    let n = parse_at(
        "2013-11-07",
        concat!(
            "关于开展119消防宣传月活动的通知\n",
            "全校各二级单位:\n",
            "为普及消防知识,请各单位在“119”消防宣传月活动期间,开展消防安全宣传“四个一”活动,即组织师生开展一次消防安全大检查;",
            "制作一期消防知识宣传专栏;进行一次消防安全知识讲座;举办一次消防灭火疏散演练。\n",
            "校消防安全管理办公室\n",
            "2013年11月7日\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各单位"]], "the four activities after 即 are the one requirement's parts");
    assert_eq!(
        crate::parse_genres3::directives(&n)[0].deadline.date,
        Some(date("2013-11-30")),
        "the 119 month is November"
    );
}

#[test]
fn a_replys_measures_are_requirements_of_the_units_they_name() {
    let n = parse_at(
        "2025-05-27",
        concat!(
            "关于县人民代表大会第50号建议的答复\n",
            "熊灿代表:\n",
            "你提出的建议收悉,经认真办理,现答复如下。\n",
            "一是增设消火栓。由县消防救援大队联合编制预算;县住建局积极争取上级补助资金。\n",
            "二是由县水务局指导优化供水压力。边阳镇人民政府负责施工协调;县住建局、水务局等配合管网改造。\n",
            "三是将消防设施建设纳入老城区改造项目统筹推进。\n",
            "罗甸县消防救援大队\n",
            "2025年5月27日\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [vec!["县消防救援大队", "县住建局"], vec!["县水务局", "边阳镇人民政府"], vec![]],
        "a list after 现答复如下 is what the reply will do, not a report; a unit after a semicolon opens its part"
    );
    let support: Vec<_> =
        crate::parse_genres3::directives(&n).iter().map(|d| d.support_offices.clone()).collect();
    assert_eq!(support[1], ["县住建局、水务局等"], "配合 followed by what they support");
}
