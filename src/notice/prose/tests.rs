//! Running text read into requirements: short real-looking sentences for each rule.

use super::*;

pub(super) fn read(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    requirements(&[text], &[])
        .into_iter()
        .map(|(c, u)| {
            let u = u.unwrap_or(Units { lead: Vec::new(), support: Vec::new(), phrase: String::new() });
            (c.text, u.lead, u.support)
        })
        .collect()
}

#[test]
fn a_remark_names_its_units_before_a_verb_and_after_please() {
    let found = read(
        "市长做出批示:“海洋局认真抓紧整改,市督查室搞好配合。”副市长也提出要求:“请交通局按照整改要求,尽快销号。”",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[0].1.as_slice(), found[0].2.as_slice()),
        (&["海洋局".to_owned()][..], &["市督查室".to_owned()][..])
    );
    assert_eq!(found[1].1, ["交通局"]);
}

#[test]
fn parallel_semicolon_clauses_are_requirements_of_the_subject() {
    let found = read(
        "会议要求,各防汛单位要加强协调,确保值班到位;确保巡查到位,及时排除隐患;确保应急管理到位,及早部署。副县长参加会议。",
    );
    let starts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(found.len(), 3, "{starts:?}");
    assert!(found.iter().all(|f| f.1 == ["各防汛单位"]), "{found:?}");
    assert!(starts[1].starts_with("确保巡查到位"));
    // Semicolons with different openings stay in one requirement.
    assert_eq!(read("各单位要加强协调;明确责任;形成合力。").len(), 1);
}

#[test]
fn a_connective_or_a_lead_in_before_a_modal_starts_a_requirement() {
    let found = read("副县长强调,各部门、各乡镇要增强责任感;要加强排查。同时,要加大普及力度。");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[2].1, ["各部门", "各乡镇"]);
    let found = read("就安全生产工作,艾志军强调,全县上下要进一步强化认识,进一步强化督察。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("全县上下要"), "{found:?}");
    assert!(found[0].1.is_empty());
}

#[test]
fn a_please_sentence_names_every_subject_it_has() {
    let found = read("请各乡镇、街道落实属地监管责任,各责任单位落实企业整改主体责任,确保按期整改到位。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["各乡镇、街道", "各责任单位"]);
    let found = read("请各乡镇落实属地责任,县应急局要加强指导。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[0].1.as_slice(), found[1].1.as_slice()),
        (&["各乡镇".to_owned()][..], &["县应急局".to_owned()][..])
    );
}

#[test]
fn require_keeps_its_words_and_a_subject_later_in_the_sentence_is_the_directives() {
    let found = read("省指挥部要求各地在春节前组织一次督察;要实行零报告制度,各市必须于下午5时报告。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.starts_with("要求各地在春节前"), "{found:?}");
    assert_eq!(found[0].1, ["各地"]);
    assert_eq!(found[1].1, ["各市"]);
}

#[test]
fn a_time_before_the_subject_stays_with_the_directive() {
    let found = read("2023年10月底前,罗定市政府要将自评情况报送市消安委。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("2023年10月底前"), "{found:?}");
    assert_eq!(found[0].1, ["罗定市政府"]);
}

#[test]
fn a_sentence_setting_a_periodic_report_is_a_requirement_of_the_subject() {
    let found = read(
        "各县(区)要制定本地工作方案,于2024年3月15日前报市安办备案。三年行动过程中,每季度报送一次工作进展情况。",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1, ["各县(区)"]);
    assert!(found[1].0.starts_with("三年行动过程中"));
    // A report inside the sentence of a requirement stays with it.
    assert_eq!(read("各乡镇要排查隐患,每月25日前报送进展。").len(), 1);
}

#[test]
fn units_asked_by_a_team_in_the_middle_of_a_sentence_are_a_requirement() {
    let found =
        read("针对督查发现的问题,督查组现场予以反馈并要求各责任单位要严格按照总体部署,靠实工作责任。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("要求各责任单位要严格"), "the asking word starts it: {found:?}");
    assert_eq!(found[0].1, ["各责任单位"]);
    let found = read("反馈会上,督导组作了反馈,希望各县区要清醒认识突出问题,逐项抓好整改。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["各县区"]);
    // Asking for something with no unit and its own 要 starts nothing.
    assert!(read("督导组听取了汇报,希望通过回头看推动整改。").is_empty());
}

#[test]
fn a_subject_after_the_headline_of_a_semicolon_clause_names_its_units() {
    let found = read(
        "会议要求,要压实属地责任,各村各单位要落实监管职责;加强隐患治理,各村要开展消防安全检查;加强宣传教育,入户发放资料。",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[1].0.starts_with("加强隐患治理"), "{found:?}");
    assert_eq!(found[1].1, ["各村"]);
}

#[test]
fn a_space_after_the_lead_ins_colon_does_not_hide_the_first_item() {
    let found = read("会议提出以下几点要求: (1)各地方、各部门要认真贯彻落实精神; (2)要认真排查突出问题。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, ["各地方", "各部门"]);
}

#[test]
fn after_please_any_verb_names_the_addressee() {
    let found = read("森林火险气象等级极高。请各单位加大巡查密度,加强火源管控。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["各单位"]);
}

#[test]
fn an_ordinal_in_formal_numerals_starts_an_item() {
    let found =
        read("会议要求:一是强化责任落实;二是强化监督管理。叁是强化消防宣传教育,提高居民消防安全意识。");
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn a_news_item_with_dated_tasks_is_offered_not_refused() {
    let issued = NaiveDate::from_ymd_opt(2022, 2, 10).unwrap();
    let text = "近日,十部门联合出台《意见》,要求3月份前完成相关调查摸底工作,9月底前全面改造地下管网。";
    assert!(directives(&[text], &[], issued).is_empty(), "no rule of running text starts here");
    let found = dated_tasks(&[text], issued);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].deadline.date, NaiveDate::from_ymd_opt(2022, 3, 31));
    assert!(dated_tasks(&["近日,市政府督导组到我县检查消防工作,查看了三家单位。"], issued).is_empty());
    // The issuer's own plan, dated, is no task of the units it writes to.
    let own = "记者从会议上了解到,为切实做好夏季消防安全工作,推进责任制落实,我市将从6月中旬起至8月底,对各县区进行检查督导。";
    assert!(dated_tasks(&[own], issued).is_empty());
}

#[test]
fn requirements_met_are_no_requirement_asked() {
    let issued = NaiveDate::from_ymd_opt(2016, 6, 9).unwrap();
    assert!(asked_sentences(&["督导的重点是:文物建筑符合相关消防安全要求情况等。"], issued).is_empty());
    assert_eq!(asked_sentences(&["检查组同时要求该单位继续依法履行消防安全职责。"], issued).len(), 1);
}

#[test]
fn each_semicolon_part_of_a_subjects_sentence_is_its_requirement() {
    let found = read(
        "各级防办要加强会商研判,提前转移危险区群众;突出涉水景区等重点部位隐患排查;及时清淤疏浚河道,加强城市防洪设施维护;各乡镇视情,队伍靠前布防。",
    );
    let starts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(found.len(), 4, "{starts:?}");
    assert!(found[..3].iter().all(|f| f.1 == ["各级防办"]), "{found:?}");
    assert!(starts[2].starts_with("及时清淤"));
    assert_eq!(found[3].1, ["各乡镇"], "a part that names its own subject is that subject's");
    // A penalty (a condition and its consequence) goes on with the sentence before.
    let penalty = read("各地要限期整改到位;对未完成整治任务的,继续挂牌督办;涉嫌构成犯罪的,移送司法机关。");
    assert_eq!(penalty.len(), 1, "{penalty:?}");
}

#[test]
fn a_list_of_duties_gives_each_unit_its_part() {
    let found = read(
        "会议进一步压实各部门职责:住建局统筹协调全局,督促燃气企业落实主体责任;应急局严管工业燃料违规民用行为;市场监管局从生产销售端严控燃气产品质量。",
    );
    let units: Vec<&[String]> = found.iter().map(|f| f.1.as_slice()).collect();
    assert_eq!(units, [&["住建局".to_owned()][..], &["应急局".to_owned()], &["市场监管局".to_owned()]]);
}

#[test]
fn a_subject_before_the_first_ordinal_is_the_lists() {
    let found =
        read("会议强调,各单位一要高度重视,排查安全问题。二要夯实安全生产责任,加强督导检查。三要强化宣传。");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|f| f.1 == ["各单位"]), "{found:?}");
}

#[test]
fn a_new_speaker_run_into_his_modal_starts_a_requirement_of_no_one() {
    let found = read("会议指出，各部门要加强巡查，落实责任。县长王某同志强调要加强宣传力度，营造氛围。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, ["各部门"]);
    assert!(found[1].0.starts_with("要加强宣传力度"), "{found:?}");
    assert!(found[1].1.is_empty(), "a new speaker does not inherit: {found:?}");
}

#[test]
fn heads_with_no_unit_are_the_heads_of_the_units_just_named() {
    let found = read("各责任单位务必高度重视,全面整改。主要领导要亲自负责,对问题马上改。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1, ["各责任单位"]);
    assert!(found[1].0.starts_with("主要领导要亲自负责"));
}

#[test]
fn words_announcing_the_list_are_no_requirement_and_a_count_is_no_name() {
    let found = read(
        "通知指出,春节假期人员增加,要严格落实五点要求。一是提高政治站位。全市100个有防火任务的乡镇要召开专题会议。二是强化宣传。",
    );
    let starts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(starts.len(), 2, "{starts:?}");
    assert!(starts[0].starts_with("一是"), "{starts:?}");
    assert_eq!(found[0].1, ["有防火任务的乡镇"]);
}

#[test]
fn a_subject_after_qizhong_is_part_of_the_task_before() {
    let found =
        read("上半年,德州市要完成首批39个乡镇试点建设任务,其中,16个全国重点镇、省中心镇要达到建设标准。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["德州市"]);
}

#[test]
fn a_sentence_that_opens_with_what_to_do_is_the_next_requirement_of_the_units_asked() {
    let found = read(concat!(
        "要求各乡镇、各部门对本地区安全风险进行系统分析研判,落实管控措施。",
        "通过手机短信等形式做好安全风险预警提示。结合元旦、春节特点,对重点行业实行全覆盖检查。",
    ));
    let starts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(found.len(), 3, "{starts:?}");
    assert!(found.iter().all(|f| f.1 == ["各乡镇", "各部门"]), "{found:?}");
    assert!(starts[2].starts_with("结合元旦"));
    // With no units asked before it, such a sentence stays with the one before.
    assert_eq!(read("要加强巡查。通过短信做好提示。").len(), 1);
}

#[test]
fn units_acting_from_a_day_and_a_quoted_please_are_requirements() {
    let found = read(concat!(
        "会议要求,芦阳街道各社区、各居民小区物业公司从即日起开展消防安全隐患自查工作。",
        "县应急局、县消防大队等部门从1月6日起开展联合执法检查。",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, ["芦阳街道各社区", "各居民小区物业公司"]);
    assert_eq!(found[1].1, ["县应急局、县消防大队等部门"]);
    let found = read(
        "副区长沈华棣要求“请区安委办牵头,一一落实责任”。现将通知予以转发,请各街镇切实负起主体责任。对照通知所涉及的问题要逐一制订整改方案。",
    );
    let units: Vec<&[String]> = found.iter().map(|f| f.1.as_slice()).collect();
    assert_eq!(
        units,
        [&["区安委办".to_owned()][..], &["各街镇".to_owned()][..], &["各街镇".to_owned()][..]],
        "{found:?}"
    );
}

#[test]
fn after_bare_requirements_the_collectives_asked_are_the_later_ones_units() {
    let found = read(
        "会议要求,要建立每周分析研判工作机制。思想要高度重视,切实抓紧抓好。措施要高效有力,各社区、各部门要坚持问题导向。责任要落实到位,确保工作顺利开展。要鼓足干劲,立即行动。",
    );
    let units: Vec<&[String]> = found.iter().map(|f| f.1.as_slice()).collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(units[0].is_empty() && units[1].is_empty(), "{units:?}");
    assert!(units[2..].iter().all(|u| *u == ["各社区", "各部门"]), "{units:?}");
    // A named unit that is no collective does not carry over to bare 要 (县领导 are officials).
    let found = read("会议要求,要全面开展大检查。县领导要带队检查。要严格落实企业主体责任。");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[2].1.is_empty(), "{found:?}");
}

#[test]
fn a_list_pointed_out_to_a_unit_is_that_units() {
    let found = read(
        "督导组组长对全县工作表示肯定,同时对县道交专班指出:一是需要完善工作方案;二是在高速公路整治方面,县政府与高速三大队要加强互动。",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, ["县道交专班"]);
    assert_eq!(found[1].1, ["县政府", "高速三大队"]);
}

#[test]
fn a_copy_that_opens_inside_a_list_keeps_the_cut_item_whole() {
    let lines = [
        "际,研究出台政策性文件,优化保障措施。各地消防部门要组织微型站开展训练;要将微型消防站纳入联动体系。",
        "六要开展针对性消防宣传。各地要充分利用各类媒体。",
    ];
    let found: Vec<_> =
        requirements(&lines, &[]).into_iter().map(|(c, u)| (c.text, u.map(|u| u.lead))).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.starts_with("际,研究出台"), "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some(&["各地消防部门".to_owned()][..]));
    // A list that starts at its first item keeps the lines before it apart.
    let lines = ["会议要求,各单位要加强值班;要做好宣传。", "一要加强巡查。二要及时报告。"];
    assert_eq!(requirements(&lines, &[]).len(), 4);
}

#[test]
fn what_the_work_is_about_then_a_bare_modal_starts_a_requirement() {
    let found =
        read("县长强调,各相关部门要深入开展排查整治工作。对于发现的问题隐患,要建立整改台账,及时消除隐患。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[1].0.starts_with("对于发现的问题隐患"));
    assert_eq!(found[1].1, ["各相关部门"]);
    // A school authority's 各校 is each school.
    let found = read("会上,副局长作了部署,要求各校做到工作机制完善,整改及时到位。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["各校"]);
}

#[test]
fn a_means_after_a_connective_starts_a_requirement() {
    let found = read(
        "会议要求,要从严从实落实各项防溺水工作。同时,充分利用村村响、小喇叭等多种形式开展防溺水安全知识宣传教育。要常态化开展水库安全巡查。",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[1].0.starts_with("同时,充分利用"), "{found:?}");
}

#[test]
fn a_bare_modal_sentence_is_the_nearest_subjects() {
    let found = read(
        "杜云南要求,要积极开展安全生产宣传工作。同时,镇教育部门要加强暑期安全宣传。要全面加强消防安全工作。",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].1.is_empty(), "the run's first requirement names no one: {found:?}");
    assert_eq!(found[2].1, ["镇教育部门"], "{found:?}");
    // In a list set apart by semicolons, a bare 要 part stays the speaker's own.
    let found = read("他强调,要全面开展大检查;县安委会成员单位要分部门检查;要严格落实企业主体责任。");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[2].1.is_empty(), "{found:?}");
}
