//! The forms the twenty-sixth pass on issue #15 reads (short texts written for these tests,
//! in the shape of real ones in tests/fixtures/genres/unseen34–38): the words that frame a
//! requirement, a leader's 批示 after its colon, rows of a division of labour, work shared out
//! part by part, a list that starts its count again after a colon, a lead-in on a line of its
//! own, a requirement that announces its list, and the steps of a meeting's agenda.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

fn texts(n: &duban::model::NoticeDraft) -> Vec<String> {
    directives(n).iter().map(|d| d.text.clone()).collect()
}

#[test]
fn the_words_that_frame_a_requirement_stay_in_its_text() {
    let n = parse_at(
        "2019-10-24",
        concat!(
            "我省全面取缔餐饮场所使用燃气直接加热火锅\n",
            "此次专项整治要求,餐饮行业管理部门要组织对所有餐饮场所进行一次全面排查。\n",
            "对未取得燃气经营许可证擅自经营销售燃气的,要一律予以取缔关闭;对违反规定向火锅店提供火锅加热用气的,要一律责令停业整顿。\n",
            "在镇统一布署下,各村、各部门要继续开展专项整治。\n",
        ),
    );
    let t = texts(&n);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t[1].starts_with("对未取得燃气经营许可证"), "a case told in full starts it: {t:?}");
    assert!(t[2].starts_with("对违反规定向火锅店"), "{t:?}");
    assert!(t[3].starts_with("在镇统一布署下,各村、各部门要"), "its frame is its own: {t:?}");
    assert_eq!(offices(&n)[3], ["各村", "各部门"]);
}

#[test]
fn a_leaders_instruction_after_its_colon_is_a_requirement_of_the_unit_it_puts_in_charge() {
    let n = parse_at(
        "2016-12-15",
        concat!(
            "政府划拨专项经费增设市政消火栓\n",
            "为此,县政府召开专题会议进行研究,县长作出批示:同意划拨30万元用于增设22个市政消火栓,以县自来水公司牵头的方式完成城区消火栓的兴建及维护保养工作。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["县自来水公司"]]);
    assert!(texts(&n)[0].starts_with("同意划拨30万元"));
}

#[test]
fn rows_of_a_division_of_labour_are_one_directive_each() {
    let n = parse_at(
        "2019-11-25",
        concat!(
            "关于做好火灾隐患整改工作的通知\n",
            "一、明确分工、合力推进\n",
            "各单位、各部门要树立一盘棋的工作理念,相互配合、相互支持。安监部门牵头对易燃易爆单位、劳动密集型企业督促整改;\n",
            "民政部门牵头对养老院、福利院等单位督促整改;\n",
            "住建部门牵头对建设工程施工工地督促整改;\n",
            "乡镇(街道办)按照属地管理原则,对本辖区内场所进行督促整改;\n",
            "二、强化督导\n",
            "区政府督查室要充分发挥督导作用。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [
            vec!["各单位", "各部门"],
            vec!["安监部门"],
            vec!["民政部门"],
            vec!["住建部门"],
            vec!["乡镇(街道办)"],
            vec!["区政府督查室"],
        ]
    );
}

#[test]
fn work_shared_out_part_by_part_gives_each_part_its_unit() {
    let n = parse_at(
        "2022-04-20",
        concat!(
            "关于开展安全生产大排查大整治行动的通知\n",
            "一、任务分工\n",
            "根据《安全生产法》并结合我县实际,各乡镇、县经开区负责组织本辖区各项工作;各负有安全生产监管职责的部门和行业主管部门负责本行业领域各项工作;新兴行业按照业务相近的原则由业务相近部门负责。\n",
            "1.县应急管理局负责危险化学品和工贸等行业的隐患排查治理工作。\n",
            "2.县公安局负责道路交通、民用爆炸物品等行业的隐患排查治理工作。\n",
        ),
    );
    let o = offices(&n);
    assert_eq!(o.len(), 5, "{o:?}");
    assert_eq!(o[0], ["各乡镇", "县经开区"]);
    assert_eq!(o[2], ["业务相近部门"], "the unit after 由 is the share's");
    assert_eq!(o[3], ["县应急管理局"]);
}

#[test]
fn a_list_after_a_colon_of_its_own_starts_its_count_again() {
    let n = parse_at(
        "2018-03-20",
        concat!(
            "火灾事故通报会召开\n",
            "会上传达了书记的三点指示精神:\n",
            "一、全力做好伤员救治工作;\n",
            "二、迅速查明火灾原因;\n",
            "三、做好舆情应对工作。并就下一步工作提出两点意见:\n",
            "一、各负其责,全面整治,一查到底;\n",
            "二、倒查责任,认真落实“四不放过”。\n",
        ),
    );
    let t = texts(&n);
    assert_eq!(t.len(), 5, "{t:?}");
    assert!(t[3].contains("各负其责"), "{t:?}");
}

#[test]
fn a_lead_in_on_a_line_of_its_own_leads_in_to_the_next_lines_parts() {
    let n = parse_at(
        "2024-07-24",
        concat!(
            "街道召开夏季社区安全治理工作会议\n",
            "会议最后,街道党工委书记就做好夏季社区安全治理工作提出三点要求:\n",
            "提高政治站位,提升安全意识,增强做好安全治理工作的责任感;落实上级要求,紧盯隐患问题,扎实推进各项工作;压实工作责任,提升工作效能,确保各项工作落实到位。\n",
        ),
    );
    let t = texts(&n);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[1].starts_with("落实上级要求"), "{t:?}");
}

#[test]
fn a_requirement_that_announces_its_list_leads_in_to_its_items() {
    let n = parse_at(
        "2015-09-15",
        concat!(
            "街道召开安全生产专题会议\n",
            "9月15日,街道召开专题会议,要求各社区要针对人员密集场所、建筑工地等重点区域,全面开展安全生产和消防安全检查整治:一是要强化责任心,细致检查;二是要认真填写检查记录;三是要对老旧小区楼道堆积杂物及时督促清理。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各社区"], vec!["各社区"], vec!["各社区"]]);
    assert!(texts(&n)[0].starts_with("一是要强化责任心"));
}

#[test]
fn the_steps_of_a_meetings_agenda_ask_nothing() {
    let n = parse_at(
        "2018-03-29",
        concat!(
            "永陵镇召开春季防火工作会议\n",
            "会议共分为三项议程:\n",
            "一、由分管林业副镇长传达春季防火紧急通知,部署今年防火工作。\n",
            "二、镇长就当前防火工作发表重要讲话。\n",
            "三、党委书记做总结发言。副镇长指出,为切实做好春季防火工作,特制定如下通知:\n",
            "1、各村、国有林场要充分认清当前森林防火工作面临的严峻形势。\n",
            "2、各村要充分利用广播、标语进行防火宣传。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村", "国有林场"], vec!["各村"]]);
}

#[test]
fn collectives_set_off_by_a_comma_after_an_asking_lead_in_are_asked() {
    let n = parse_at(
        "2024-01-15",
        concat!(
            "紫云镇召开专项行动推进会\n",
            "会议强调,各行政村(社区)、镇直各单位,高度重视安全生产工作,切实履行安全生产职责。一要加强组织领导,明确责任分工。二要加强宣传引导。\n",
        ),
    );
    let o = offices(&n);
    assert_eq!(o.len(), 3, "{o:?}");
    assert!(o.iter().all(|u| *u == ["各行政村(社区)", "镇直各单位"]), "{o:?}");
}

#[test]
fn departments_listed_by_what_they_do_are_units_and_encouragement_asks_no_one() {
    let n = parse_at(
        "2024-08-04",
        concat!(
            "度假区召开推进会\n",
            "会议指出,各村要从实查准底数,加快推进安装工作。公安、市场监管、综合执法要密切沟通配合,持续开展打击。鼓励有条件的物业和企业积极申报建设充电桩。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村"], vec!["公安", "市场监管", "综合执法"]]);
}
