//! Running text read into requirements, the twenty-second pass: subjects later in a sentence
//! (one with no 要 after a subject that asked), a lead-in run on to its list's colon, a
//! speaker's framing before the subject, a theme before it, and a limit fronted before it.

use super::tests::read;
use super::*;

#[test]
fn a_later_phrase_opening_with_a_unit_before_its_verb_is_one_more_subject() {
    let found = read(
        "根据部署,全省人员密集场所等单位要开展火灾隐患自查自纠,各级政府组织行业部门开展检查,乡镇、街道全面排查小场所。",
    );
    let units: Vec<&[String]> = found.iter().map(|f| f.1.as_slice()).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(units[1], ["各级政府"]);
    assert_eq!(units[2], ["乡镇", "街道"]);
    // Not before a subject has asked, and not for all of them again.
    assert_eq!(read("会议要求,各级各部门要高度重视,所有部门立即展开行动。").len(), 1);
    let bare = read("要加强检查,各级政府组织行业部门开展检查。");
    assert_eq!(bare.len(), 1, "{bare:?}");
}

#[test]
fn the_yao_of_zhuyao_after_a_lead_in_asks_nothing() {
    let found = read(
        "会议就专项行动作了全面部署,专项行动主要分排查摸底、集中整治、全面验收三个阶段开展,重点对通天房进行整治。",
    );
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(read("会议就专项行动作了全面部署,各部门要下定决心,全力清除隐患。").len(), 1);
}

#[test]
fn a_lead_in_runs_on_to_the_colon_that_opens_its_list_within_its_sentence() {
    let found = read(concat!(
        "会上,站干部首先指出清明节期间的执勤战备的要求,并分析了各类火灾事故的特点,站干部提出了几点要求:",
        "一是加强执勤战备检查,切实做好灭火救援准备工作。二是坚决贯彻执行,全体人员要坚决做到。",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.starts_with("一是加强"), "{found:?}");
}

#[test]
fn a_speakers_framing_before_the_subject_is_no_part_of_the_requirement() {
    let found = read(concat!(
        "三是把握重点、确保成效。他强调年底工作千头万绪,但无论任务再重,安全生产工作时刻都不能放松,",
        "全镇各部门单位要从讲政治的高度,扎实有效地做好安全生产各项工作。",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[1].0.starts_with("全镇各部门单位要"), "{found:?}");
    assert_eq!(found[1].1, ["各部门单位"]);
    assert!(found[0].1.is_empty(), "the item before the speaker's sentence names no one: {found:?}");
}

#[test]
fn a_limit_fronted_before_the_first_subject_is_every_subjects() {
    let text = "根据部署,9月15日前,全省人员密集场所等单位要开展自查自纠,各级政府组织行业部门开展检查,乡镇、街道全面排查小场所。";
    let found = read(text);
    assert_eq!(found.len(), 3, "{found:?}");
    let cs = requirements(&[text], &[]);
    let fallback = Fallback {
        issued: chrono::NaiveDate::from_ymd_opt(2016, 6, 1).expect("day"),
        section_title: "",
        section_deadline: None,
        notice_deadline: None,
    };
    for (c, u) in cs {
        let d = finish("一.1".into(), c, u, &fallback);
        assert_eq!(d.deadline.date.map(|d| d.to_string()).as_deref(), Some("2016-09-15"), "{}", d.text);
    }
    // A first subject's own limit stays its own.
    let own =
        requirements(&["县应急局要于6月底前完成全县人员密集场所的排查整治工作,县住建局要加强检查。"], &[]);
    assert_eq!(own.len(), 2);
    let second = own.into_iter().nth(1).map(|(c, u)| finish("一.2".into(), c, u, &fallback));
    assert_eq!(second.and_then(|d| d.deadline.date), None);
}

#[test]
fn a_theme_of_short_phrases_and_the_ground_a_subject_is_asked_on_stay_with_it() {
    let found = read(concat!(
        "会议要求,统一思想,提高认识,各乡办、各有关部门思想上要高度重视,扎实做好排查整治工作;",
        "转变思路,强化责任,各乡办、各有关部门要强化责任担当。",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.starts_with("统一思想,提高认识"), "{found:?}");
    assert_eq!(found[0].1, ["各乡办", "各有关部门"]);
}

#[test]
fn everyones_yao_a_few_phrases_in_starts_a_requirement_after_an_asking_lead_in() {
    let found = read(concat!(
        "会议强调,安全生产责任重大,在这个关键时间段,全县上下要时刻警惕不放松;",
        "要时刻紧抓不放手,做好重点领域的安全整治。",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.starts_with("安全生产责任重大"), "{found:?}");
    assert!(found[0].1.is_empty(), "全县上下 is everyone, no unit");
    assert!(read("会议指出,安全生产责任重大,全县上下要时刻警惕。").is_empty(), "pointed out, not asked");
}

#[test]
fn what_a_notice_requires_part_by_part() {
    let found = read(
        "通知要求,组织专人重点对高层物业、商业物业项目进行全面的安全检查;住宅小区消防通道堵塞和堆放杂物的要及时整改疏通;消防设备已超过保修年限的,应督促物业服务企业及时告知业主。",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].0.starts_with("组织专人"), "{found:?}");
    assert!(found[1].0.starts_with("住宅小区"), "{found:?}");
    // A requirement followed, not a speaker's: no requirement starts at its task.
    let followed =
        read("下一步,大队将严格按照冬春火灾防控工作通知要求,切实加强对辖区的火灾隐患排查整治工作。");
    assert!(followed.iter().all(|(t, _, _)| !t.starts_with("切实加强")), "{followed:?}");
}

#[test]
fn the_case_told_first_opens_its_requirement_and_either_unit_is_one() {
    let found = read(
        "相关负责人表示,对已缴存维修资金的小区,及时协同属地街道指导业主委员会申请资金;尚未归集物业专项维修资金的住宅小区,业主委员会或属地社区居委会要及时牵头组织业主自筹资金。",
    );
    let last = found.last().expect("a requirement");
    assert!(last.0.starts_with("尚未归集"), "{found:?}");
    assert_eq!(last.1, ["业主委员会", "属地社区居委会"]);
}

#[test]
fn a_collective_with_the_day_its_work_is_due() {
    let found = read("各幼儿园在自查重大校舍隐患之后,于7月14日前完成排查情况表。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["各幼儿园"]);
    assert!(
        read("各幼儿园在暑期积极开展安全教育。").iter().all(|(_, u, _)| u.is_empty()),
        "no day, no start"
    );
}

#[test]
fn a_stress_later_in_a_sentence_of_what_was_done() {
    let found = read(
        "会上,周昂扬对当前安全生产工作进行部署,从隐患排查、禁鞭禁炮等五个方面作了详细安排,特别强调要加强对禁鞭禁炮举报奖励制度的宣传。",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("要加强对禁鞭禁炮"), "{found:?}");
}

#[test]
fn a_share_of_the_work_and_the_unit_that_leads_it() {
    let found = read("整治重点聚焦重点行业。其中,粉尘涉爆、有限空间相关企业由区局执法大队牵头开展排查。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["区局执法大队"]);
    assert!(
        read("具体由市政府督查室负责督促落实。").iter().all(|(_, u, _)| u.is_empty()),
        "an adverb goes on"
    );
}

#[test]
fn after_the_situation_the_collectives_asked() {
    let found = read(
        "会议强调,秋冬季火灾呈高发趋势,各地各有关部门紧盯重点行业领域,强化风险隐患排查;主动靠前履职尽责,强化值班值守;及时复盘总结有效措施。",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|(_, u, _)| u == &["各地各有关部门"]), "{found:?}");
}

#[test]
fn a_lead_in_after_words_holding_zhuyao() {
    let found = read(
        "此次检查主要针对古建筑内明火使用、电气故障等方面存在的隐患进行排查,并对各文物管理使用单位提出了工作要求,严格按照“三定三禁”要求,落实管理和看护责任。",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("严格按照"), "{found:?}");
}

#[test]
fn what_a_meeting_decided_of_a_bodys_collective() {
    let found = read(
        "会议决定成立省住建厅高层建筑消防安全综合治理协调工作小组,厅各相关处室立即按照实施方案开展工作。",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["厅各相关处室"]);
}
