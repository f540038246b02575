//! The forms the eighteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen18): a covering limit before 具体工作
//! 安排如下, a 请…贯彻执行 that goes on with work of its own, a semicolon part's tasks before
//! its subject, imperative sentences and a topic's 要 after 会议要求, an inspection's own steps,
//! a forum's anti-copy noise and the head in charge of a unit.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;
use crate::support::date;

#[test]
fn a_covering_limit_before_the_items_it_announces_is_every_items() {
    let n = parse_at(
        "2019-02-28",
        concat!(
            "关于加快推进电动自行车充电设施建设的方案\n",
            "各村居委会:\n",
            "为做好此项工作,现要求各村居在2019年年底全面完成电动自行车充电设施的建设工作,具体工作安排如下:\n",
            "一、居委会\n",
            "各居委会要联合业委会、物业公司等单位,对小区内原有的非机动车车棚进行改造。\n",
            "二、村委会\n",
            "村委会要采取“一户一棚”的方式加快推进建设工作。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 3, "{:?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert!(!d[0].text.contains("如下"), "the announcing clause is cut: {}", d[0].text);
    assert_eq!(offices(&n), [vec!["各村居"], vec!["各居委会"], vec!["村委会"]]);
    for x in &d {
        assert_eq!(x.deadline.date, Some(date("2019-12-31")), "{}", x.text);
    }
}

#[test]
fn a_semicolon_parts_tasks_before_its_subject_are_that_subjects() {
    let n = parse_at(
        "2022-09-29",
        concat!(
            "关于下达禁火令的通知\n",
            "各县(市)区森林防灭火指挥部:\n",
            "  国庆期间进山入林旅游人员增多,森林防火形势十分严峻。\n",
            "  请各县(市)区立即以政府明令的形式贯彻执行,并加大宣传广度,加大地面巡护密度;",
            "各类森林消防队伍集结待命,充分做好各项应急准备;应急和林业部门要加强督促检查,确保落实到位;",
            "加强值班调度,严禁脱岗漏岗,应急和林业部门要严格执行火情报告制度。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 4, "{:?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert!(d[0].text.starts_with("请各县(市)区"), "work after 并 is asked: {}", d[0].text);
    assert_eq!(d[1].offices, ["各类森林消防队伍"]);
    assert!(d[3].text.starts_with("加强值班调度"), "{}", d[3].text);
    assert_eq!(d[3].offices, ["应急和林业部门"]);
}

#[test]
fn after_a_lead_in_that_asks_each_imperative_sentence_is_a_requirement() {
    let n = parse_at(
        "2018-06-01",
        concat!(
            "夏季火灾防控工作推进会\n",
            "1 h) V5 X% d4 G: Y- @3 n. m9 X 会议要求,提高认识,切实增强消防工作责任使命。",
            "要认真开展隐患大排查、大整治,坚决守牢安全底线。强化措施,坚决维护消防安全形势稳定。",
            "务实重行,全面推动消防事业长远发展。/ G6 a/ ]( A' C* d9 O2 R/ R& t\n",
        ),
    );
    let d = directives(&n);
    let starts: Vec<String> = d.iter().map(|d| d.text.chars().take(4).collect()).collect();
    assert_eq!(starts, ["提高认识", "要认真开", "强化措施", "务实重行"]);
    assert!(!d[3].text.contains("G6"), "the forum's noise is cut: {}", d[3].text);
}

#[test]
fn a_topic_and_its_modal_open_a_requirement_whose_later_subject_is_its_unit() {
    let n = parse_at(
        "2019-04-16",
        concat!(
            "“三覆盖”工作部署会\n",
            "4月16日下午,副镇长主持召开工作部署会。\n",
            "会议要求,要建立每周分析研判工作机制。思想要高度重视,切实抓紧、抓好。",
            "措施要高效有力,各社区、各部门要坚持问题导向,全面开展排查整治登记工作。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 3, "{:?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert!(d[1].text.starts_with("思想要高度重视"), "{}", d[1].text);
    assert!(d[2].text.starts_with("措施要高效有力"), "{}", d[2].text);
    assert_eq!(d[2].offices, ["各社区", "各部门"]);
}

#[test]
fn an_inspections_own_steps_are_no_requirements_but_what_it_asks_is() {
    let n = parse_at(
        "2025-01-23",
        concat!(
            "岁末年初安全生产大检查\n",
            "2025年1月21日,县房管所联合县消防救援大队开展大检查。一是实地查看小区电动自行车停放及充电情况;",
            "二是现场通报检查发现的问题;三是现场查阅相关台账资料,督促物业公司加强管理。\n",
            "检查组对各物业公司提出了要求:一是要强化思想认识。物业公司要提高思想认识,落实各项防范措施。",
            "二是要强化宣传教育。物业公司要在小区内部广泛开展防火宣传。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 2, "{:?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert!(d.iter().all(|d| d.offices == ["物业公司"]), "{:?}", offices(&n));
}

#[test]
fn the_head_in_charge_of_a_unit_answers_for_it() {
    let n = parse_at(
        "2013-12-02",
        concat!(
            "关于做好冬春火灾防控工作的通知\n",
            "各学校:\n",
            "一、落实检查整治。各学校(单位)分管领导要带队对学校的各类重点场所开展一次全覆盖的安全检查。\n",
            "二、强化安全教育。各学校要以消防安全为主题对师生员工开展一次专题安全教育。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各学校(单位)"], vec!["各学校"]]);
}
