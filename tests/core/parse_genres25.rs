//! The forms the twenty-fifth pass on issue #15 reads (short texts written for these tests,
//! in the shape of real ones in tests/fixtures/genres/unseen28–30): bulleted items, a
//! campaign's period, limits set by an event, a preamble that names whom its list asks, the
//! closing words under a list's last item, and parts that only describe or permit.

use chrono::NaiveDate;

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[test]
fn bulleted_items_are_items() {
    let n = parse_at(
        "2025-02-08",
        concat!(
            "湖州发布低温雨雪冰冻天气防御工作提示函\n",
            "据气象部门消息,预计7日起冷空气开始影响我市。现将有关工作提示如下。\n",
            "●建设、水利等部门加强城乡供水管网和设施的防冻保温,做好应急水源准备。\n",
            "●农业农村部门要指导做好越冬作物以及畜禽圈舍防冻抗寒工作。\n",
            "●应急管理、消防救援等部门要强化值班值守,统筹协调资源。\n",
            "●上一篇文章\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [vec!["建设、水利等部门"], vec!["农业农村部门"], vec!["应急管理、消防救援等部门"]]
    );
}

#[test]
fn a_campaigns_period_dates_its_tasks() {
    let n = parse_at(
        "2015-05-04",
        concat!(
            "阜阳市经信委开展工业系统安全生产大检查\n",
            "鉴于此,阜阳市经信委决定从5月初起到6月25日,在全市工业系统内开展安全生产大检查活动。\n",
            "自查自纠阶段,各地工业企业要对主体责任落实情况开展全面自查;督查整改阶段,各地经信部门要组织督查。\n",
        ),
    );
    let dates: Vec<_> = directives(&n).iter().map(|d| d.deadline.date).collect();
    assert!(!dates.is_empty());
    assert!(dates.iter().all(|d| *d == Some(day("2015-06-25"))), "{dates:?}");
}

#[test]
fn an_events_limit_keeps_its_words_and_a_yearly_one_recurs() {
    let n = parse_at(
        "2023-01-10",
        concat!(
            "关于做好学期末安全工作的通知\n",
            "各中小学:\n",
            "一、学期结束前应开展一次覆盖消防安全、校车安全的安全大检查。\n",
            "二、请各学校于每年1月15日前将上年安全工作总结报送区教育局。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!((d[0].deadline.date, d[0].deadline.phrase.as_deref()), (None, Some("学期结束前")));
    assert_eq!(d[1].deadline.date, None);
    assert_eq!(d[1].deadline.recurrence.as_deref(), Some("每年1月15日前"));
}

#[test]
fn the_preamble_names_whom_its_list_asks() {
    let n = parse_at(
        "2021-10-12",
        concat!(
            "关于提前开栓供热的通知\n",
            "各热电厂、供热企业:\n",
            "现向全市下达提前开栓供热指令。各热电厂、各供热企业要按供热指令要求准时开栓,达标供热。具体相关要求如下:\n",
            "一、提前做好设备调试、系统冷态、热态运行;\n",
            "二、向社会公开报修、信访投诉电话,及时解决热用户反映的供热问题;\n",
            "长春市城乡建设委员会\n",
            "2021年10月12日\n",
        ),
    );
    let units = offices(&n);
    assert!(units.iter().all(|u| u == &vec!["各热电厂", "各供热企业"]), "{units:?}");
    assert_eq!(units.len(), 3);
}

#[test]
fn the_closing_under_a_lists_last_item_is_its_own() {
    let n = parse_at(
        "2018-11-03",
        concat!(
            "关于开展“2018年119消防教育周”活动的通知\n",
            "各学校、幼儿园:\n",
            "为普及消防安全常识,请各单位认真组织好“2018年119消防教育周”(11月5日-11日)系列活动。\n",
            "1、上一堂消防安全教育课;\n",
            "2、组织一次参观消防中队活动;\n",
            "各单位要将特色活动情况于11月13日前报送教育局法制科。\n",
            "教育局法制科\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各单位"], vec!["各单位"], vec!["各单位"]]);
    let dates: Vec<_> = directives(&n).iter().map(|d| d.deadline.date).collect();
    assert_eq!(dates, [Some(day("2018-11-11")), Some(day("2018-11-11")), Some(day("2018-11-13"))]);
}

#[test]
fn parts_that_describe_permit_or_set_up_a_body_ask_nothing() {
    let n = parse_at(
        "2024-01-11",
        concat!(
            "东平县气象局关于防雷装置定期检测的公告\n",
            "一、普查范围\n",
            "包括全县范围内的易燃易爆场所。\n",
            "二、在检测中发现存在防雷安全隐患的单位,应当在规定期限内完成整改。\n",
            "三、各企业及有关单位防雷装置定期检测工作可自主选择有相应检测资质的检测机构进行检测。\n",
            "四、气象主管机构将按规定对防雷安全重点单位进行抽查。\n",
            "五、加强组织领导。成立由副县长为组长,气象局、应急局负责人为组员的领导小组。\n",
            "东平县气象局\n",
            "2024年1月11日\n",
        ),
    );
    let texts: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].starts_with("在检测中发现"), "{texts:?}");
}

#[test]
fn a_higher_offices_demand_on_the_issuer_is_no_covering_requirement() {
    let n = parse_at(
        "2014-12-05",
        concat!(
            "江西省安委会办公室关于报送2014年生产安全事故统计信息的通知\n",
            "各设区市安监局、省安委会有关成员单位:\n",
            "按照国家安全监管总局要求,各省级安全生产统计单位要在2014年12月23日前上报预测的2014年生产安全事故情况。现就有关要求通知如下:\n",
            "一、各单位要高度重视生产安全事故统计工作,认真落实工作责任。\n",
            "二、各单位要指定安全生产统计人员认真梳理一年来生产安全事故情况。\n",
            "江西省安委会办公室\n",
            "2014年12月5日\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各单位"], vec!["各单位"]]);
    assert!(
        directives(&n).iter().all(|d| d.deadline.date.is_none()),
        "the province's own limit is no item's"
    );
}

#[test]
fn an_items_task_sentence_heads_the_sentences_that_share_it_out() {
    let n = parse_at(
        "2020-01-21",
        concat!(
            "关于做好2020年春节期间安全卫生管理工作的通知\n",
            "市局各单位:\n",
            "一、开展一次消防、水电和食堂安全大检查,做好安全防范工作。各单位组织物业服务单位对办公场所的消防设备进行检查;各单位做好用电检查,确保人走断电。\n",
            "二、开展一次防盗、防风安全排查,落实好安全措施。各单位要加强对文件、档案的存放管理;物业服务公司在放假期间做好办公区域的巡视工作。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各单位"], vec!["各单位", "物业服务公司"]]);
}

#[test]
fn whom_an_inspector_taught_is_asked_rather_than_the_text_refused() {
    let n = parse_at(
        "2012-09-20",
        concat!(
            "9月18日,消防大队检查组对县内辖区的重点单位进行消防安全检查。\n",
            "另外,大队也教育经营者要提高消防安全的责任意识,克服麻痹思想,严格落实消防安全制度。\n",
        ),
    );
    let texts: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("提高消防安全的责任意识"), "{texts:?}");
}
