//! The forms the seventh pass on issue #15 reads (short texts written for these tests, in the
//! shape of the real ones in tests/fixtures/genres/unseen5 and unseen6): a task list whose
//! items open with their unit and verb and no 要, a speaker's addressee carried into the next
//! paragraph's requirements that open with a bare modal, a 批复 whose addressee shares a
//! line with its first words and is then asked as 你局 (unseen5/6); a period stated once for the
//! whole text, a regulation read article by article, 要求 + a collective with any verb, and a
//! news item whose only requirement is an asking sentence (unseen7).

use duban::notice::parse_notice;

use crate::parse_genres3::{directives, offices, parse};
use crate::support::date;

#[test]
fn a_task_item_that_opens_with_its_unit_and_verb_is_that_units() {
    let n = parse(concat!(
        "2023年度消防工作任务清单\n一、常态化任务\n(一)政府任务清单。\n",
        "1.乡镇街道建立完善本级消防安全委员会,实体化运行消安委办公室。\n",
        "2.市级政府落实消防安全约谈机制,对有重大社会影响的火灾进行约谈。\n",
        "3.加强消防宣传,普及消防知识。\n",
    ));
    assert_eq!(offices(&n), [vec!["乡镇街道"], vec!["市级政府"], vec![]]);
}

#[test]
fn a_statement_of_intent_names_no_unit() {
    let n = parse("工作方案\n一、工作措施\n1.县政府将组织有关部门组成联合检查组。\n2.各乡镇开展排查。\n");
    assert_eq!(offices(&n)[0], Vec::<&str>::new(), "将 tells what will be done, not who is asked");
    assert_eq!(offices(&n)[1], ["各乡镇"]);
}

#[test]
fn the_speakers_addressee_carries_into_the_next_paragraph() {
    let n = parse(concat!(
        "会议要求,各地要精准防范化解火灾风险;要盯紧看牢节日重点场所。\n",
        "会议强调,要全面做好应急救援准备;要大力营造节日消防氛围。\n",
    ));
    assert_eq!(offices(&n), vec![vec!["各地"]; 4]);
}

#[test]
fn a_unit_inside_an_item_is_not_the_speakers_addressee() {
    let n = parse(concat!(
        "县长要求做到四个务必\n",
        "各乡镇和相关部门务必高度重视,严阵以待。\n",
        "务必依法依规,严厉打击,公安机关要严厉打击火灾肇事者。\n",
        "务必压实责任,严格督导。\n",
    ));
    let o = offices(&n);
    assert_eq!(o.last().map(Vec::as_slice), Some(&["各乡镇", "相关部门"][..]), "{o:?}");
}

#[test]
fn you_in_a_reply_is_its_addressee() {
    let n = parse(concat!(
        "区人民政府关于对两家单位实行挂牌督办的批复\n",
        "区应急管理局: 《关于实行挂牌督办的请示》收悉,经研究,现批复如下:\n",
        "一、原则同意将祥和敬老院列为挂牌督办重大火灾隐患单位。\n",
        "二、请你局会同区民政局等相关单位切实履行工作职责。\n",
    ));
    assert_eq!(n.recipients, ["区应急管理局"]);
    assert_eq!(offices(&n).last().map(Vec::as_slice), Some(&["区应急管理局"][..]));
}

#[test]
fn a_period_stated_once_is_the_deadline_of_the_requirements_that_state_none() {
    let n = parse(concat!(
        "关于开展消防安全重点单位申报工作的公告\n现组织开展申报备案工作,特公告如下:\n",
        "一、申报要求\n请全县各社会单位对照标准,认真自查。\n",
        "二、申报期限\n即日起至2024年4月10日前。\n",
        "三、申报方式\n请拟申报单位如实填写申报表,于3月20日前报送县消防救援大队。\n",
    ));
    let d = directives(&n);
    assert_eq!(d.len(), 2, "the part that only states the period asks nothing: {d:?}");
    assert_eq!(d[0].deadline.date, Some(date("2024-04-10")));
    assert!(d[0].deadline.inferred, "the review screen marks it as inferred");
    assert_eq!(d[1].deadline.date, Some(date("2024-03-20")), "its own date stands");

    let running = parse(concat!(
        "各企业:\n活动时间为:2024年11月。\n各企业要积极组织开展消防宣传月活动。\n",
        "发布时间:2024-10-28\n",
    ));
    assert_eq!(directives(&running)[0].deadline.date, Some(date("2024-11-30")));
}

#[test]
fn a_regulation_is_read_article_by_article() {
    let n = parse(concat!(
        "某市消防安全责任制实施细则\n第一章 总则\n",
        "第一条 为进一步健全消防安全责任制,预防火灾和减少火灾危害,制定本实施细则。\n",
        "第二条 各级人民政府负责本行政区域内的消防工作。\n",
        "第三条 市县两级应急管理部门对本行政区域内的消防工作实施监督管理,并由本级消防救援机构负责实施。\n",
        "第四条 坚持权责一致、依法履职、失职追责。\n",
        "第二章 职责\n第五条 市消防安全委员会应当履行下列职责:\n",
        "(一)组织制定消防工作规划。\n(二)综合研判消防工作形势。\n",
    ));
    assert_eq!(
        offices(&n),
        [
            vec!["各级人民政府"],
            vec!["市县两级应急管理部门", "本级消防救援机构"],
            vec!["市消防安全委员会"],
            vec!["市消防安全委员会"],
        ],
        "purpose and principle frame, the rest assign: {:?}",
        directives(&n).iter().map(|d| &d.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_sentence_that_opens_with_a_verb_names_no_unit() {
    let n = parse(
        "工作要求\n一、加强宣传\n督促物业服务公司开展消防宣传。\n二、强化检查\n对存在问题的单位进行约谈。\n",
    );
    assert_eq!(offices(&n), [Vec::<&str>::new(), vec![]]);
}

#[test]
fn a_collective_after_yaoqiu_is_asked_whatever_its_verb() {
    let n = parse(concat!(
        "进一步细化责任。多次召开森林防火专题会议,要求各村(社区)上下联动、齐抓共管,制定详细防火方案。",
        "同时,要求各个区域的生态护林员提前开辟防火隔离带。\n",
    ));
    let o = offices(&n);
    assert_eq!(o.first().map(Vec::as_slice), Some(&["各村(社区)"][..]), "{o:?}");
    assert!(!o.iter().flatten().any(|u| u.starts_with("各个区")), "各个区域的… qualifies people: {o:?}");
}

#[test]
fn a_news_item_that_only_asks_is_offered_not_refused() {
    let n = parse(concat!(
        "10月2日上午,崇阳消防大队监督员对县幼儿园隐患整改情况进行复查,重大火灾隐患整改完毕。\n",
        "日前,大队确定该单位火灾隐患整改完毕,将及时提请撤销挂牌督办,同时要求该单位继续依法履行消防安全职责,加强消防管理。\n",
    ));
    let d = directives(&n);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].text.starts_with("同时要求该单位继续"), "{}", d[0].text);
    let on_the_spot = parse_notice(
        "近日,县消防救援大队开展夜查行动,发现一处电动车违规充电,并要求相关责任人立即整改。\n",
        date("2024-03-01"),
    );
    assert!(on_the_spot.is_err(), "what inspectors told the people on the spot is no unit's task");
}
