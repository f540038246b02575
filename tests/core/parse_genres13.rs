//! The forms the thirteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen12 and unseen13): a report of what a
//! 支队 did, whose items say it 提请/报请 those above.

use crate::parse_genres3::{directives, offices, parse};

#[test]
fn what_a_unit_asked_of_those_above_is_no_request_to_a_unit() {
    let text = concat!(
        "某支队全面落实专项行动\n",
        "专题会议召开后，支队党委高度重视，层层动员，全力确保行动落到实处。\n",
        "一是向政府、公安机关进行专题汇报。\n",
        "支队党委领导以书面报告的形式向州政府分管领导作了专题汇报，并提出具体实施意见。\n",
        "二是提请政府、公安机关召开专题会议，下发文件。\n",
        "各大队纷纷拟定会议方案，报请政府以政府的名义下发。\n",
    );
    assert!(
        duban::notice::parse_notice(text, crate::support::date("2011-10-01")).is_err(),
        "a report of work done: nothing to track"
    );
    let n = parse("会议要求：一是各大队要开展排查。二是请各支队于10月底前报送总结。\n");
    assert_eq!(directives(&n).len(), 2, "请 before a unit still asks");
}

#[test]
fn a_unit_before_its_verb_after_a_bare_modal_is_the_subject() {
    let n = parse(concat!(
        "县召开燃气安全管理工作推进会\n",
        "副县长指出，要加快推进燃气安全委员会组建工作，县级相关部门加强联动，形成齐抓共管的态势。",
        "要压实责任，全力推进燃气安全管理工作。\n",
    ));
    assert_eq!(offices(&n), [vec!["县级相关部门"], vec!["县级相关部门"]], "the next bare 要 inherits it");
    let n = parse("会议要求，要加强巡查，发现隐患及时整改。\n");
    assert_eq!(offices(&n), [Vec::<&str>::new()], "no unit before a verb: none");
}

#[test]
fn heads_named_the_ones_answerable_are_their_units() {
    let n = parse(concat!(
        "会议要求：\n",
        "一是加强领导，落实责任。市长任责任领导，各区县政府、各牵头单位和责任单位主要负责同志作为第一责任人，对工作落实情况负总责。\n",
        "二是加强督查。各牵头单位要定期自查。\n",
    ));
    assert_eq!(offices(&n)[0], ["各区县政府", "各牵头单位", "责任单位"]);
}

#[test]
fn a_subject_singled_out_by_te_bie_shi_is_still_a_subject() {
    let n = parse(concat!(
        "会议要求：\n",
        "一、加强工作统筹。各责任单位要制订办理方案，特别是牵头单位要强化责任担当，做好协调。\n",
    ));
    assert_eq!(offices(&n)[0], ["各责任单位", "牵头单位"]);
}

#[test]
fn work_led_by_a_unit_in_running_text_is_its_task() {
    let n = parse(concat!(
        "县多部门协作联动开展校园安全整治\n",
        "校园内部安全整治主要由教育局牵头，公安、消防、安监部门配合，对全县学校进行全面排查；",
        "接送学生车辆安全整治主要由县公安交警大队牵头，教育局、交运局配合，加强对接送车辆的检查。\n",
        "领导小组办公室设在县应急局。日常工作由县应急局牵头负责。\n",
    ));
    let ds = directives(&n);
    assert_eq!(ds.len(), 2, "an office being set up is no task");
    assert_eq!(offices(&n), [vec!["教育局"], vec!["县公安交警大队"]]);
    assert_eq!(ds[1].support_offices, ["教育局", "交运局"]);
}

#[test]
fn a_table_of_months_and_units_has_its_work_in_the_first_other_column() {
    let n = parse(concat!(
        "某镇2017年度安全生产专项整治工作计划\n",
        "一、专项整治安排表\n",
        "专项整治行业名称 | 时间安排 | 责任单位 |\n",
        "烟花爆竹 | 1月份 | 安监站 安监所 |\n",
        "电力设施 | 3月份 | 电管所 |\n",
        "二、监督及考核\n",
        "镇安委会办公室负责监督各单位组织开展的整治工作。\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 3, "{texts:?}");
    assert!(ds[0].text.starts_with("烟花爆竹"), "{texts:?}");
    assert_eq!(offices(&n)[..2], [vec!["安监站", "安监所"], vec!["电管所"]]);
    let dates: Vec<_> = ds.iter().map(|d| d.deadline.date.map(|x| x.to_string())).collect();
    assert_eq!(dates[..2], [Some("2017-01-31".to_owned()), Some("2017-03-31".to_owned())]);
}

#[test]
fn a_units_name_stops_before_fu_ze() {
    let n = parse(concat!(
        "通知\n",
        "一、工作要求\n",
        "(一)各单位要做好排查。\n",
        "二、监督及考核\n",
        "镇安委会办公室负责监督各单位组织开展的整治工作。\n",
    ));
    assert_eq!(offices(&n)[1], ["镇安委会办公室"]);
}

#[test]
fn a_covering_request_for_work_of_its_own_is_the_addressees_task() {
    // On a line of its own after the addressees, and on one line with them (a page copied
    // without its line breaks).
    for text in [
        "各科室,各站所,各村:\n为提高处置突发公共事件的能力，经研究，制定《总体应急预案》，现印发给你们，请根据本预案的要求制定切实可行的专项应急预案。\n一、总则\n为保障公众生命财产安全，制定本预案。\n",
        "各科室,各站所,各村: 为提高处置突发公共事件的能力，经研究，现印发给你们，请根据本预案的要求制定切实可行的专项应急预案。 附件:总体应急预案 某镇人民政府 2020年10月22日\n",
    ] {
        let n = parse(text);
        let ds = directives(&n);
        let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(texts[0].starts_with("请根据本预案"), "{texts:?}");
        assert_eq!(offices(&n)[0], ["各科室", "各站所", "各村"]);
    }
    let n = parse("各支队：\n现将方案印发给你们，请认真贯彻执行。\n一、工作要求\n（一）各支队要开展排查。\n");
    assert_eq!(directives(&n).len(), 1, "请认真贯彻执行 asks for no work of its own");
}

#[test]
fn paragraphs_opening_with_a_headline_after_a_colon_are_items() {
    let n = parse(concat!(
        "市开展防范一氧化碳中毒专项行动\n",
        "12月18日，市政府召开新闻发布会，要求各级各部门做到“两到位一确保”。\n",
        "各区县要立即组织开展专项行动，建立落实“三个一”工作机制：\n",
        "成立一个工作专班。以乡镇社区为单位，全面负责安全宣传和隐患排查等各项工作。\n",
        "发放一张明白纸。各街道要针对本地实际，迅速组织印发明白纸，入户宣传。\n",
        "开展一次入户调查。继续对未采取集中供暖的城乡居民家庭开展入户登记调查。\n",
        "县、乡两级政府要突出农村、山区两个重点区域，深入开展摸排治理。\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 6, "{texts:?}");
    assert!(texts[2].starts_with("成立一个工作专班。以乡镇"), "{texts:?}");
    assert_eq!(
        offices(&n)[1..],
        [vec!["各区县"], vec!["各区县"], vec!["各街道"], vec!["各区县"], vec!["县、乡两级政府"]],
        "an item names its own units, else the announcing line's"
    );
}

#[test]
fn a_later_item_that_dates_the_work_above_gives_it_its_deadline() {
    let n = parse(concat!(
        "关于迅速做好堤防汛期管理工作的通知\n",
        "各基层水管单位:\n",
        "现已进入汛期，各基层水管单位要迅速做好堤防汛期管理的几项重点工作，现将有关事项通知如下:\n",
        "1.各基层水管单位要对所有堤防进行一次全面清基扫障；对所有穿堤涵闸再进行一次检查。\n",
        "2.各单位要切实加强领导，确保上述三项工作在4月26日前全面完成。\n",
        "3.各单位要加强值守，于5月10日前报送值班表。\n",
        "湘阴县水利局\n",
        "2021年4月15日\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 3, "the sentence that announces the items is none: {texts:?}");
    let dates: Vec<_> = ds.iter().map(|d| d.deadline.date.map(|x| x.to_string())).collect();
    assert_eq!(dates[0].as_deref(), Some("2021-04-26"));
    assert!(ds[0].deadline.inferred, "marked for the review screen");
    assert_eq!(dates[1].as_deref(), Some("2021-04-26"));
}

#[test]
fn a_duty_period_from_day_to_day_dates_the_duties_in_it() {
    let n = parse(concat!(
        "关于明确汛期值班责任人的通知\n",
        "各村民委员会、乡属各部门:\n",
        "汛期已到，现将2012年汛期值班安排通知如下:\n",
        "一、我乡今年防汛值班时间从5月1日开始至9月30日结束，在此期间，实行24小时值班。\n",
        "二、各村、乡属相关部门坚持24小时值班制，搞好水雨情、汛情的传递反馈工作。\n",
        "三、值班人员将对重要场所进行检查，发现异常情况将上报带班指挥长。并责令限期整改。\n",
        "二0一二年四月二十六日\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 2, "the part that states the period asks nothing: {texts:?}");
    assert_eq!(offices(&n)[0], ["各村", "乡属相关部门"], "a collective before 坚持 is its subject");
    assert_eq!(ds[0].deadline.date.map(|d| d.to_string()).as_deref(), Some("2012-09-30"));
    assert!(texts[1].starts_with("值班人员"), "并… goes on with the sentence before it: {texts:?}");
}

#[test]
fn everyone_of_a_place_a_singled_out_part_and_a_connective_before_a_task() {
    let n = parse(concat!(
        "镇召开安委会会议\n",
        "会上，镇长指出，安全生产无小事，必须牢固树立安全意识。全镇上下要始终保持高度警惕；各企业要做好安全宣传教育；",
        "各部门要强化安全生产管理。同时，加强与各单位、企业、村组的协调合作。\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 5, "{texts:?}");
    assert!(texts[1].starts_with("全镇上下要"), "{texts:?}");
    assert!(texts[4].starts_with("同时，加强"), "{texts:?}");
    let n = parse(concat!(
        "乡召开安全生产月会议\n",
        "乡长表示：各村、各部门要切实做好宣传工作，特别是各行政村要充分利用大喇叭开展宣传，加强巡逻。\n",
    ));
    assert_eq!(offices(&n), [vec!["各村", "各部门", "各行政村"]], "a part singled out shares the task");
}

#[test]
fn one_by_one_is_how_not_who() {
    let n = parse(concat!(
        "县防汛督察通报\n",
        "督察组要求各镇要全面落实防汛责任制；要严格落实汛期值班值守制度，逐村开展防汛抗洪应急演练；对救援力量摸实摸细。\n",
    ));
    assert!(offices(&n).iter().flatten().all(|u| !u.starts_with('逐')), "{:?}", offices(&n));
    assert_eq!(offices(&n)[1], ["各镇"], "the bare 要 keeps the subject named before");
}
