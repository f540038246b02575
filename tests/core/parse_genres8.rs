//! The forms the eighth pass on issue #15 reads (short texts written for these tests, in the
//! shape of real ones in tests/fixtures/genres): a copy that starts inside a section, its first
//! items before the first heading of the outermost numbering; a bare place word after a 各
//! collective (各街道、镇) in a list of units.

use crate::parse_genres3::{directives, offices, parse};

#[test]
fn items_before_the_first_heading_of_a_copy_cut_inside_a_section_are_read() {
    let n = parse(concat!(
        "(三)加强企业自主管理。各高层建筑单位要制定应急疏散预案并定期组织演练。\n",
        "(四)加强灭火救援准备。区消防支队要熟悉掌握各类高层建筑的消防安全状况。\n",
        "八、工作要求\n",
        "(一)提高认识,加强领导。各有关部门要切实加强组织领导。\n",
        "(二)发挥优势,形成合力。各街道要积极发挥联合执法制度优势。\n",
    ));
    assert_eq!(offices(&n), [vec!["各高层建筑单位"], vec!["区消防支队"], vec!["各有关部门"], vec!["各街道"]]);
    assert!(directives(&n)[1].text.contains("熟悉掌握"));
}

#[test]
fn a_preamble_list_that_starts_at_one_stays_the_preamble() {
    // Not a cut copy: the lower list starts at its first number, so the heading order holds.
    let n = parse(concat!(
        "关于做好消防工作的通知\n各乡镇:\n(一)上级通知。\n(二)会议精神。\n",
        "一、工作任务\n各乡镇要开展排查。\n二、工作要求\n各乡镇要加强领导。\n",
    ));
    assert!(directives(&n).iter().all(|d| !d.text.contains("上级通知")));
}

#[test]
fn a_place_word_after_a_collective_is_more_of_that_collective() {
    let n = parse(concat!(
        "一、工作要求\n(一)提高认识。各有关部门、各街道、镇和上海站管委办要切实加强组织领导。\n",
        "(二)加强宣传。各县要开展宣传。\n",
    ));
    assert_eq!(offices(&n), [vec!["各有关部门", "各街道、镇", "上海站管委办"], vec!["各县"]]);
}

#[test]
fn a_bare_ying_after_a_unit_is_its_modal_but_not_the_ying_of_a_word() {
    let n = parse(concat!(
        "(一)全面检查。各级各部门应聘请相关专家参加检查。\n",
        "(二)综合检查。各县应急管理部门要组织开展综合检查。\n",
    ));
    assert_eq!(offices(&n), [vec!["各级各部门"], vec!["各县应急管理部门"]]);
}

#[test]
fn a_task_asked_by_a_date_stays_beside_the_requirements_with_subjects() {
    let n = parse(concat!(
        "近日,省住建厅等10部门联合出台《意见》,要求3月份前完成相关调查摸底工作。\n",
        "《意见》还明确,商务、市场监管等部门应组织开展燃气安全专项整治。\n",
        "督查组按照督查细则要求,对全县落实情况进行了查阅,于5月底前完成检查。\n",
    ));
    let d = directives(&n);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d[0].text.starts_with("要求3月份前完成"), "from the asking word on: {}", d[0].text);
    assert_eq!(d[0].deadline.date, Some(crate::support::date("2024-03-31")));
    assert_eq!(offices(&n)[1], ["商务、市场监管等部门"]);
}

#[test]
fn a_numbered_part_that_states_the_period_dates_the_rest_and_asks_nothing() {
    let n = parse(concat!(
        "关于开展消防宣传月活动的通知\n",
        "一、活动时间:11月1日-11月30日。\n",
        "二、活动内容:\n(一)积极组织应急救援演练活动。\n(二)深化消防安全检查治理。\n",
    ));
    let d = directives(&n);
    assert_eq!(d.len(), 2, "the period part is no requirement: {d:#?}");
    assert!(d.iter().all(|x| x.deadline.date.is_some_and(|t| t.to_string().ends_with("-11-30"))));
    assert!(d.iter().all(|x| x.deadline.inferred));
}

#[test]
fn a_headline_of_short_parallel_phrases_opens_its_items_text() {
    let n = parse(concat!(
        "关于印发重点工作任务分工的通知\n各镇:\n",
        "一、高度重视,提高站位。今年是开局之年,必须坚定不移抓落实。\n",
        "二、夯实责任,狠抓落实。各级各部门要进一步强化责任意识。\n",
    ));
    let d = directives(&n);
    assert!(d[0].text.starts_with("高度重视,提高站位。"), "{}", d[0].text);
    assert!(d[1].text.starts_with("夯实责任,狠抓落实。"), "{}", d[1].text);
}

#[test]
fn a_yearly_cycle_is_no_deadline() {
    let n = parse(
        "一、落实责任\n各责任单位要严格遵循“年初公布、年中检查、年底兑现、接受监督”的原则。\n二、加强督查\n各单位要加强督查。\n",
    );
    assert_eq!(directives(&n)[0].deadline.date, None);
}

#[test]
fn a_heading_that_names_whose_duties_they_are_gives_its_units_to_items_without_their_own() {
    let n = parse(concat!(
        "消防安全工作职责清单\n",
        "一、乡(镇)人民政府、街道办事处消防安全工作职责\n",
        "(一)建立消防安全组织,明确专人负责消防工作。\n(二)保障消防工作经费。\n",
        "二、社区(村)居委会消防安全工作职责\n",
        "(一)确定消防安全管理人,组织开展防火检查。\n(二)网格员要开展巡查。\n",
    ));
    let o = offices(&n);
    assert_eq!(o[0], ["乡(镇)人民政府", "街道办事处"]);
    assert_eq!(o[1], ["乡(镇)人民政府", "街道办事处"]);
    assert_eq!(o[2], ["社区(村)居委会"]);
}

#[test]
fn a_plans_goals_are_not_tasks_and_a_text_of_goals_alone_asks_nothing() {
    let text = concat!(
        "消防安全专项整治三年行动实施方案 为加强消防安全专项整治,制定本方案。整治目标 通过三年时间,推动消防安全形势持续向好。",
        "一是消防安全突出风险得到明显整治。坚持问题导向,全面打通消防生命通道。2022年底前,城乡重大消防安全风险明显减少。",
        "二是消防治理责任机制得到明显加强。全面推行行业消防安全标准化管理。\n",
    );
    assert!(
        duban::notice::parse_notice(text, crate::support::date("2020-07-01")).is_err(),
        "goals only: nothing to track"
    );
    let n = parse("会议要求:一是消防安全突出风险得到明显整治。二是各乡镇要开展排查。\n");
    assert_eq!(directives(&n).len(), 1);
    assert_eq!(offices(&n)[0], ["各乡镇"]);
}

#[test]
fn a_replys_approval_asks_nothing_and_you_are_its_addressee() {
    let n = parse(concat!(
        "关于同意对弘济德综合门诊部重大火灾隐患挂牌督办的批复\n宁德市公安局东侨分局:\n",
        "一、同意对弘济德综合门诊部重大火灾隐患单位实施挂牌督办。\n",
        "二、你局应按照挂牌督办制度的要求,督促单位限期整改。\n",
        "三、东侨公安消防大队要加大指导、监督和检查力度。\n",
    ));
    assert_eq!(offices(&n), [vec!["宁德市公安局东侨分局"], vec!["东侨公安消防大队"]]);
}

#[test]
fn two_collectives_asked_together_are_two_units() {
    let n = parse("会议要求各乡镇、有关部门全面落实责任;各单位要检查各场所安全出口。\n");
    assert_eq!(offices(&n)[0], ["各乡镇", "有关部门"]);
    let n = parse("会议要求各级党委、政府全面落实责任。\n");
    assert_eq!(offices(&n)[0], ["各级党委、政府"], "one collective");
}
