//! Tests of the subject reader: which subjects are units, collectives, brackets, shares.

use super::*;

fn units(clause: &str) -> Option<Vec<String>> {
    modal_subject(clause).map(|(u, _)| u)
}

#[test]
fn subjects_that_are_units() {
    assert_eq!(units("县应急、气象等部门要强化会商研判").unwrap(), ["县应急、气象等部门"]);
    assert_eq!(units("各镇办、各部门要紧盯重点行业领域").unwrap(), ["各镇办", "各部门"]);
    assert_eq!(units("县教科局要加强学生管理").unwrap(), ["县教科局"]);
    assert_eq!(units("请各牵头单位要严格按照任务分工").unwrap(), ["各牵头单位"]);
    assert_eq!(units("各级各单位务要坚守岗位").unwrap(), ["各级各单位"]);
    assert_eq!(units("县领导要带队检查").unwrap(), ["县领导"]);
    assert_eq!(
        units("各县(区)、广元经济技术开发区和市安委会有关成员单位(详见任务分工)要认真研究").unwrap(),
        ["各县(区)", "广元经济技术开发区", "市安委会有关成员单位"]
    );
    assert_eq!(named_before_verb("各乡镇、街道落实属地监管责任").unwrap(), ["各乡镇、街道"]);
    assert_eq!(units("相关部门和乡镇要真正重视").unwrap(), ["相关部门和乡镇"]);
    assert_eq!(units("各相关职能部门和单位要加大").unwrap(), ["各相关职能部门和单位"]);
    assert_eq!(named_before_verb("各乡镇、各街道落实责任").unwrap(), ["各乡镇", "各街道"]);
    assert_eq!(units("各县(区)人民政府要组织验收").unwrap(), ["各县(区)人民政府"]);
    assert_eq!(units("全县各机关、团体和企事业单位要对本单位").unwrap(), ["全县各机关、团体和企事业单位"]);
    assert_eq!(units("区委区政府督查室要根据").unwrap(), ["区委区政府督查室"]);
    assert_eq!(units("各责任(配合)单位要加强协调").unwrap(), ["各责任(配合)单位"]);
    assert_eq!(units("各单位一定要保持清醒头脑").unwrap(), ["各单位"]);
    assert_eq!(units("各地尤其要对重点地段").unwrap(), ["各地"]);
    // The subject, then when it acts, then its modal.
    assert_eq!(units("各村在春耕备耕工作的同时,要充分认识").unwrap(), ["各村"]);
    assert_eq!(units("各单位在今年的工作中,要把消火栓建设"), Some(vec!["各单位".to_owned()]));
    assert_eq!(units("在春耕备耕工作的同时,要充分认识"), None);
    assert_eq!(units("各责任单位的主要负责同志要亲自过问").unwrap(), ["各责任单位的主要负责同志"]);
    assert_eq!(named_before_verb("海洋局认真抓紧整改").unwrap(), ["海洋局"]);
    assert_eq!(named_before_verb("交通局按照整改要求").unwrap(), ["交通局"]);
    assert_eq!(named_before_verb("进一步落实责任"), None);
    assert_eq!(required_units("各地在春节前组织").unwrap(), ["各地"]);
    assert_eq!(supporting("市督查室搞好配合。").unwrap(), ["市督查室"]);
    assert_eq!(supporting("职能部门密切配合,").unwrap(), ["职能部门"]);
    assert_eq!(leading("政府牵头,").unwrap(), ["政府"]);
    assert_eq!(
        together_with("县消防救援大队要会同县住建局、县市场监管局,对高层建筑"),
        ["县住建局", "县市场监管局"]
    );
    assert_eq!(together_with("要会同有关方面研究"), Vec::<String>::new());
}

#[test]
fn a_bare_bracket_of_units_closing_a_task() {
    assert_eq!(bare_bracket_units("总量达到2790亿元。(市发改委)").unwrap(), ["市发改委"]);
    assert_eq!(bare_bracket_units("完善机制。（市财政局、市税务局）").unwrap(), ["市财政局", "市税务局"]);
    assert_eq!(bare_bracket_units("制定方案(详见附件)。"), None);
    assert_eq!(bare_bracket_units("三年行动方案(2024—2026年)"), None);
    assert_eq!(bare_bracket_units("(市发改委)后还有话"), None);
    assert_eq!(bare_bracket_units("情况报县防汛抗旱指挥部(县防指)。"), None);
    assert_eq!(bare_bracket_units("确保安全形势稳定。(县融媒体中心)"), None);
}

#[test]
fn shares_of_a_contracted_task() {
    assert_eq!(
        contracted("按照原则,由县(市、区)政府、行业系统分管领导分包“大网格”,乡镇、街道的工作人员分包“中网格”,明确分包人员职责。")
            .unwrap(),
        ["县(市、区)政府、行业系统分管领导", "乡镇、街道的工作人员"]
    );
    assert_eq!(contracted("由县应急局负责,各乡镇配合。"), None);
    assert_eq!(contracted("实行分包责任制。"), None);
}

#[test]
fn every_subject_of_a_text() {
    assert_eq!(
        all_subjects(
            "各街道办事处和乡镇人民政府在汛期前开展排查。县国土房管局要及时组织技术人员。要定期巡查。"
        ),
        ["各街道办事处", "乡镇人民政府", "县国土房管局"]
    );
    assert!(all_subjects("县政府成立检查组,检查组定期检查。").is_empty());
}

#[test]
fn a_sentence_opening_with_its_subject() {
    assert_eq!(sentence_subject("县城管局要做好排水设施设备准备").unwrap(), ["县城管局"]);
    assert_eq!(
        sentence_subject("县工商、石油、商务、粮食、供销等部门,要按照县防指下达的任务").unwrap(),
        ["县工商、石油、商务、粮食、供销等部门"]
    );
    assert_eq!(sentence_subject("洺河沿岸有关乡镇,要密切关注天气变化").unwrap(), ["洺河沿岸有关乡镇"]);
    assert_eq!(sentence_subject("汛期以来,要加强值班"), None);
    assert_eq!(sentence_subject("现提出以下要求,要高度重视"), None);
    assert_eq!(
        units_in("洺河沿岸有关乡镇,要密切关注天气变化。5个村庄,村两委要加强动员宣传。").unwrap(),
        ["洺河沿岸有关乡镇", "村两委"]
    );
}

#[test]
fn subjects_that_are_not() {
    assert_eq!(units("同时要认真做好预案"), None);
    assert_eq!(units("要加强值班值守"), None);
    assert_eq!(units("乡镇、部门“一把手”作为第一责任人,要把"), None);
    assert_eq!(units("会议要求各单位"), None);
    assert_eq!(units("安全责任重于泰山"), None);
    assert_eq!(units("对排查出的风险隐患,要建立"), None);
    assert_eq!(units("各单位都要加强值守"), units("各单位要加强值守"), "都 is the adverb");
}

#[test]
fn a_place_name_holding_du() {
    assert_eq!(units("成都市应急中心要做好监督").unwrap(), ["成都市应急中心"]);
    assert_eq!(units("都江堰市要加强巡查").unwrap(), ["都江堰市"]);
}

#[test]
fn collectives_before_a_verb() {
    assert_eq!(collective_before_verb("各地制定切实可行的措施").map(|c| c.0).as_deref(), Some("各地"));
    assert_eq!(collective_before_verb("各队站积极组织队员").map(|c| c.0).as_deref(), Some("各队站"));
    assert_eq!(collective_before_verb("各村做好宣传").map(|c| c.0).as_deref(), Some("各村"));
    assert_eq!(collective_before_verb("各乡镇、街道消防安全管理人员围绕"), None);
    assert_eq!(
        collective_before_verb("各地、各部门结合本地实际").map(|c| c.0).as_deref(),
        Some("各地、各部门")
    );
    assert_eq!(units("各县（市、区）要组织排查").unwrap(), ["各县（市、区）"]);
    assert_eq!(
        units_in("明确分工。各责任单位要明确任务。牵头单位要发挥作用。").unwrap(),
        ["各责任单位", "牵头单位"]
    );
}

#[test]
fn a_units_head_is_the_unit_and_trades_are_collectives() {
    use crate::notice::unit_name::{is_unit, unit_of};
    assert_eq!(unit_of("市公安消防支队主要领导"), "市公安消防支队");
    assert_eq!(unit_of("各责任单位的主要负责同志"), "各责任单位");
    assert_eq!(unit_of("社区全体班子成员"), "社区", "a unit's leading body answers for it");
    assert_eq!(unit_of("各居民小组班子成员"), "各居民小组");
    assert_eq!(unit_of("各单位负责人"), "各单位");
    assert_eq!(unit_of("负责人"), "负责人", "a head with no unit stays as written");
    assert_eq!(unit_of("县应急局"), "县应急局");
    assert!(is_unit("各行业"));
    assert_eq!(units("各行业、各部门要强化工作措施").unwrap(), ["各行业", "各部门"]);
}

#[test]
fn a_bodys_standing_duties_are_not_requirements() {
    use crate::notice::descriptive::is_descriptive;
    assert!(is_descriptive("主要工作职责"));
    assert!(is_descriptive("职责："));
    assert!(!is_descriptive("压实工作职责"), "a requirement to carry out duties is one");
    assert!(!is_descriptive("职责分工"), "who does which task is a requirement");
}

#[test]
fn a_governing_collective_and_two_collectives_joined() {
    assert_eq!(units("各级党委、政府要认真落实“党政同责”").unwrap(), ["各级党委、政府"]);
    assert_eq!(subject_units("各乡镇及各包扶单位").unwrap(), ["各乡镇", "各包扶单位"]);
    assert_eq!(subject_units("各县〔市、区〕政府").unwrap(), ["各县〔市、区〕政府"]);
    assert_eq!(named_after_please("各单位加大巡查密度,加强火源管控").unwrap(), ["各单位"]);
    assert_eq!(named_after_please("与本站联系"), None, "a preposition's object is not the addressee");
}

#[test]
fn a_qualified_collective_is_the_collective() {
    assert_eq!(subject_units("清理涉及的各镇街").unwrap(), ["各镇街"]);
}

#[test]
fn an_inspections_own_plan_is_not_a_task() {
    use crate::notice::descriptive::is_descriptive;
    assert!(is_descriptive("督察时间"));
    assert!(is_descriptive("二、督察对象"));
    assert!(is_descriptive("督察重点"));
    assert!(!is_descriptive("工作重点"), "a heading of tasks");
}

#[test]
fn a_units_people_and_the_whole_countys_collectives() {
    assert_eq!(crate::notice::unit_name::unit_of("政府各组成部门广大干部"), "政府各组成部门");
    assert_eq!(subject_units("全县各级各部门").unwrap(), ["各级各部门"]);
    assert_eq!(subject_units("全县各机关、团体和企事业单位").unwrap(), ["全县各机关、团体和企事业单位"]);
    assert_eq!(named_after_please("各乡镇、县直各单位紧扣各项目标任务").unwrap(), ["各乡镇", "县直各单位"]);
    // Leaders are people, except the leadership of a place or all of them (县领导, 各领导).
    assert_eq!(subject_units("相关领导"), None);
    assert_eq!(subject_units("各县级包抓领导"), None);
    assert_eq!(subject_units("县领导").unwrap(), ["县领导"]);
    assert_eq!(subject_units("各领导").unwrap(), ["各领导"]);
    assert_eq!(subject_units("全市100个有防火任务的乡镇").unwrap(), ["有防火任务的乡镇"]);
}

#[test]
fn the_speakers_words_before_a_subject_are_not_part_of_it() {
    let v = |xs: &[&str]| Some(xs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(units("他强调各单位、各部门要高度重视"), v(&["各单位", "各部门"]));
    assert_eq!(units("要求各地各部门要提高认识"), v(&["各地各部门"]));
    assert_eq!(units("会议强调县应急局要"), v(&["县应急局"]));
    // A clause before the words is not a speaker: nothing is taken from it.
    assert_eq!(units("针对督查过程中发现的问题,督查组现场予以反馈并要求各责任单位要严格"), None);
}

#[test]
fn wubi_is_a_modal_and_a_groups_leader_stands_for_the_group() {
    let v = |xs: &[&str]| Some(xs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(units("各乡镇和相关部门务必高度重视"), v(&["各乡镇", "相关部门"]));
    assert_eq!(units("各专班组长、各相关部门务必高度重视"), v(&["各专班组长", "各相关部门"]));
    assert_eq!(super::super::unit_name::unit_of("各专班组长"), "各专班");
    assert_eq!(super::super::unit_name::unit_of("村民小组长"), "村民小组长", "people, not a unit");
}

#[test]
fn organs_are_units_and_the_whole_countys_mixed_list_stays_whole() {
    let v = |xs: &[&str]| Some(xs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(units("公安机关、各乡镇派出所要严厉打击"), v(&["公安机关", "各乡镇派出所"]));
    assert_eq!(units("全县各机关、团体和企事业单位要自检自查"), v(&["全县各机关、团体和企事业单位"]));
    assert_eq!(
        units("各乡镇和职能部门要落实责任"),
        v(&["各乡镇", "职能部门"]),
        "a full name after 和 stands alone"
    );
    assert_eq!(units("相关部门和乡镇要加强巡查"), v(&["相关部门和乡镇"]), "a bare word is governed");
    assert_eq!(units("各县和乡两级政府要保障经费"), v(&["各县和乡两级政府"]), "both levels are one");
    assert_eq!(units("各乡镇、县直有关单位要抓好整改"), v(&["各乡镇", "县直有关单位"]));
    assert_eq!(units("各级党委、政府要高度重视"), v(&["各级党委、政府"]));
}

#[test]
fn a_named_unit_and_another_joined_by_ji_are_two() {
    assert_eq!(
        units("市政工程管理处及各县区市政部门要加强维护").unwrap(),
        ["市政工程管理处", "各县区市政部门"]
    );
    assert_eq!(units("各相关部门以及各街道办事处要全力配合").unwrap(), ["各相关部门", "各街道办事处"]);
    assert_eq!(units("环保局以及各街道办事处要重点抓好").unwrap(), ["环保局", "各街道办事处"]);
    assert_eq!(opening_subject("县委组织部牵头开展培训").unwrap(), ["县委组织部"], "组织部 is a unit");
    assert_eq!(
        units("全县各行业、各部门在工作上要敢于争先").unwrap(),
        ["各行业", "各部门"],
        "where they act"
    );
    assert_eq!(units("对存在严重问题的单位要通报"), None, "a preposition's object is not the subject");
    assert_eq!(opening_subject("市级政府落实消防安全约谈机制").unwrap(), ["市级政府"]);
    assert_eq!(opening_subject("针对林区周边等场所开展检查"), None);
    assert_eq!(opening_subject("县政府将组织检查"), None, "将 tells intent");
}

#[test]
fn subjects_with_no_modal_each_name_a_unit_of_the_item() {
    let v = |xs: &[&str]| Some(xs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(
        units_in("开展安全检查。各行业安委会结合专项整治,各村居安委会结合住宅消防大排查,开展大检查。"),
        v(&["各行业安委会", "各村居安委会"])
    );
    assert_eq!(
        units_in("森林防火。各村在做好宣传的同时加强巡逻。镇安委会做好调度。"),
        v(&["各村", "镇安委会"])
    );
    assert_eq!(units_in("规范化创建。各部门协力做好创建工作。"), v(&["各部门"]));
    assert_eq!(opening_subject("至今尚未完成标准化建设的乡镇加快建设"), None, "a described unit is no name");
}

#[test]
fn an_ordinal_a_bracket_inside_and_people_asked_along_are_no_part_of_the_name() {
    assert_eq!(units("一是街道职能科室要做好统筹指导").unwrap(), ["街道职能科室"]);
    assert_eq!(units("村(居)委会要组织开展检查").unwrap(), ["村(居)委会"]);
    assert_eq!(
        units("各社会单位、住宅物业服务企业及广大群众要认真自查自改").unwrap(),
        ["各社会单位", "住宅物业服务企业"]
    );
    assert_eq!(
        set_off_subject("物业服务企业", "村(居)委会,要组织对住宅小区开展检查").unwrap(),
        ["物业服务企业", "村(居)委会"]
    );
}

#[test]
fn a_place_with_its_other_form_in_brackets() {
    assert!(is_unit("村(社区)"));
    assert!(is_unit("镇（街道）"));
    assert!(!is_unit("村(张三)"));
    assert!(!is_unit("四季度处"), "a quarter of the year, not an office (四季度处于秋冬季节)");
    assert!(!is_unit("该单位"), "a reference to the unit named before");
    assert!(!is_unit("广大市"), "the public cut short (请广大市民…)");
    assert!(is_unit("广大民营企业"));
    assert_eq!(named_before_verb("各相关部门继续巩固信访稳定局面").unwrap(), ["各相关部门"]);
    assert_eq!(units("一是各部门、村(社区)要根据文件精神").unwrap(), ["各部门、村(社区)"]);
    // After 要求 no name is cut inside a longer one (各部 of 各部门).
    assert_eq!(asked_collective("各部门、村(社区)吸取教训").unwrap(), ["各部门、村(社区)"]);
}

#[test]
fn what_a_unit_acts_as_is_no_part_of_its_name() {
    assert_eq!(set_off_subject("旅投公司作为古镇开发业主单位", "务必落实主体责任").unwrap(), ["旅投公司"]);
    assert_eq!(set_off_subject("县工商、石油等部门", "要按照分工").unwrap(), ["县工商、石油等部门"]);
}

#[test]
fn units_between_whom_work_is_shared_are_each_a_unit() {
    let (units, _) = modal_subject("物业与业委会之间要加强沟通交流").unwrap();
    assert_eq!(units, ["物业", "业委会"]);
    let (units, _) = modal_subject("各单位、各街道之间要加强沟通").unwrap();
    assert_eq!(units, ["各单位", "各街道"]);
}

#[test]
fn each_collective_keeps_the_bare_words_after_it() {
    let (units, _) = modal_subject("各职能部门、单位、各乡镇(街办)要加强巡查").unwrap();
    assert_eq!(units, ["各职能部门、单位", "各乡镇(街办)"]);
    assert_eq!(collective_units("各部门、村(社区)、各学校"), ["各部门、村(社区)", "各学校"]);
    assert_eq!(collective_units("各级党委、政府"), ["各级党委、政府"], "one collective stays whole");
    assert_eq!(collective_units("各乡镇、国有林场"), ["各乡镇", "国有林场"], "a full name stands alone");
    let (units, _) = modal_subject("各村、居要利用村、居广播进行防火宣传").unwrap();
    assert_eq!(units, ["各村、居"], "a 居 (居委会) after 各村 is of the collective");
}

#[test]
fn the_public_asked_with_units_is_no_unit() {
    let (units, _) = modal_subject("各相关单位、市民朋友要高度重视").unwrap();
    assert_eq!(units, ["各相关单位"]);
    assert!(modal_subject("市民朋友要高度重视").is_none(), "the public alone is no unit");
}

#[test]
fn a_time_before_a_collective_is_no_part_of_it() {
    let (units, _) = modal_subject("会议结束后各物业公司要立即组织工程技术人员").unwrap();
    assert_eq!(units, ["各物业公司"]);
    let (units, _) = modal_subject("节日期间各单位要加强值班").unwrap();
    assert_eq!(units, ["各单位"]);
}

#[test]
fn the_local_authority_asked_is_a_unit() {
    assert_eq!(
        crate::notice::subject::required_units("属地和行业部门督促企业建立整改计划").unwrap(),
        ["属地", "行业部门"]
    );
}

#[test]
fn a_unit_acting_by_a_means_is_named_and_one_encouraged_is_not() {
    assert_eq!(
        named_before_verb("各乡镇(街道)通过发文、挂牌等形式成立消防安全委员会").unwrap(),
        ["各乡镇(街道)"]
    );
    assert_eq!(crate::notice::subject_verb::opening_subject("鼓励物业服务企业通过技防手段防范"), None);
}

#[test]
fn bare_words_after_a_collective_are_of_it_unless_a_list_of_kinds() {
    let (units, _) = modal_subject("各乡镇、街道、园区、部门要认清形势").unwrap();
    assert_eq!(units, ["各乡镇、街道、园区、部门"]);
    let (units, _) = modal_subject("各村(社区)、相关部门、学校要各司其职").unwrap();
    assert_eq!(units, ["各村(社区)", "相关部门、学校"]);
    let (units, _) = modal_subject("各村、社区、学校和企业要开展自查").unwrap();
    assert_eq!(units, ["各村", "社区", "学校", "企业"], "kinds joined by 和 are each a unit");
    assert!(
        modal_subject("各乡镇政府、街道、园区主要领导、分管领导参加会议").is_none(),
        "the 要 of 主要领导 asks nothing"
    );
}

#[test]
fn a_list_then_a_collective_of_its_own() {
    assert_eq!(
        units("县委宣传部、文广局等相关部门和各乡镇要密切关注预警信息").unwrap(),
        ["县委宣传部、文广局等相关部门", "各乡镇"]
    );
    assert_eq!(units("各级政府及有关部门要做好排查").unwrap(), ["各级政府", "有关部门"]);
}

#[test]
fn whoever_you_names_does_it() {
    let found = units_in("有主采空区信息由矿山企业填报,无主采空区信息由县级安全监管部门组织填报。").unwrap();
    assert!(found.contains(&"县级安全监管部门".to_owned()), "{found:?}");
    assert_eq!(units_in("由于天气原因,活动推迟举行。"), None, "由于 is no agent");
}

#[test]
fn a_long_list_closed_by_its_kind_before_a_verb() {
    let s =
        "城市管理综合执法局、交警大队、市场监督管理局、综治办、教育局、文广新局等有关部门积极协同,联合执法";
    assert_eq!(
        named_before_verb(s).unwrap(),
        ["城市管理综合执法局、交警大队、市场监督管理局、综治办、教育局、文广新局等有关部门"]
    );
}
