//! The forms the tenth pass on issue #15 reads (short texts written for these tests, in the
//! shape of real ones in tests/fixtures/genres): a plan's phases dated with a dash
//! (6月15日-7月15日); words over a part's items that ask no one anything; a subject followed
//! by when it acts before its modal (各村在春耕备耕工作的同时，要…).

use crate::parse_genres3::{directives, offices, parse};

#[test]
fn phases_dated_with_a_dash_end_on_their_last_day_and_the_overview_frames_them() {
    let n = parse(concat!(
        "一、工作步骤\n",
        "专项整治从今年6月15日开始,到年底结束。具体分3个阶段实施。\n",
        "(一)排查阶段(6月15日-7月15日)。各地要摸清高层建筑的基本情况。\n",
        "(二)整改阶段(7月16日—11月15日)。各地要制定整改方案。\n",
    ));
    let ds = directives(&n);
    assert_eq!(
        ds.len(),
        2,
        "the overview is not a task: {:?}",
        ds.iter().map(|d| &d.text).collect::<Vec<_>>()
    );
    let ends: Vec<String> =
        ds.iter().map(|d| d.deadline.date.map(|x| x.to_string()).unwrap_or_default()).collect();
    assert_eq!(ends, ["2024-07-15", "2024-11-15"]);
}

#[test]
fn words_over_the_items_that_name_a_unit_are_still_a_task() {
    let n = parse(concat!(
        "一、工作安排\n",
        "按照国家统一部署,各地、各有关部门聚焦3个时间段,坚决做到彻底排查、彻底整改。\n",
        "(一)集中攻坚阶段(2024年8月至11月)。各地要开展集中攻坚。\n",
    ));
    assert_eq!(offices(&n)[0], ["各地", "各有关部门"]);
}

#[test]
fn a_subject_then_when_it_acts_then_its_modal() {
    let n = parse(
        "3月24日,瓦岗寨乡召开春季禁烧工作推进会。\n会议要求,各村在春耕备耕工作的同时,要充分认识到秸秆禁烧的重要意义。\n",
    );
    assert_eq!(offices(&n), [vec!["各村"]]);
    assert!(directives(&n)[0].text.starts_with("各村在春耕"));
}

#[test]
fn a_background_title_run_into_its_text_is_still_background() {
    let n = parse(concat!(
        "一、文件背景今年“119”消防宣传月活动主题是“预防为主,生命至上”。为广泛动员社会各界关注消防安全,制定本方案。\n",
        "二、主要内容和要求\n(一)开展演练。各单位要组织应急救援演练。\n",
    ));
    assert_eq!(offices(&n), [vec!["各单位"]]);
}

#[test]
fn a_limit_may_name_the_hour() {
    let n = parse("会议要求:\n各乡镇要在7月17日下班前将整改报告报市政府督查室。\n");
    assert_eq!(directives(&n)[0].deadline.date, Some(crate::support::date("2024-07-17")));
}

#[test]
fn inspection_groups_with_responsible_units_are_tasks_within_the_stated_period() {
    let n = parse(concat!(
        "卢市镇关于做好安全生产大检查的通知\n",
        "一、检查整改时间\n2024年3月7日-3月10日\n",
        "二、检查整改范围\n全镇范围内各行各业\n",
        "三、分组情况\n",
        "???(一)第一检查督导组;\n责任领导:胡小波\n责任单位:政法(应急)办、派出所\n检查范围:烟花爆竹批发零售点。\n",
        "???(二)第二检查督导组;\n责任领导:艾进\n责任单位:农 办、供电所\n检查范围:加油站。\n",
        "四、检查督导要求\n各检查督导组要深入行业、企业、单位,开展大检查。\n",
    ));
    assert_eq!(offices(&n), [vec!["政法(应急)办", "派出所"], vec!["农办", "供电所"], vec!["各检查督导组"]]);
    assert!(directives(&n).iter().all(|d| d.deadline.date == Some(crate::support::date("2024-03-10"))));
}

#[test]
fn a_list_that_names_no_one_is_for_whom_the_paragraph_named_last() {
    let n = parse(concat!(
        "11月6日上午,区长主持召开区政府常务会议。\n",
        "会议指出,各街道(园区)、各行业主管部门要充分认识冬春季火灾防控工作的严峻性。会议要求,一要强化宣传引导,全面提升群众防火意识;二要紧盯重点场所,开展隐患排查。\n",
    ));
    let o = offices(&n);
    assert_eq!(o.len(), 3);
    assert!(o.iter().all(|u| u == &["各街道(园区)", "各行业主管部门"]), "{o:?}");
}

#[test]
fn a_place_its_collectives_and_a_speaker_with_his_post() {
    let n = parse(concat!(
        "近日,德州市政府公布了《关于加强农村消防安全工作的意见》。\n",
        "德州市各县(市、区)要将消防安全布局纳入乡镇总体规划。\n",
        "上半年,德州市要完成首批39个乡镇试点建设任务。\n",
        "最后,办事处副主任吴文良同志强调各部门要细化整治内容;要求安委办尽快组建整治办。\n",
    ));
    assert_eq!(offices(&n), [vec!["各县(市、区)"], vec!["德州市"], vec!["各部门"], vec!["安委办"]]);
}
