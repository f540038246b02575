//! The forms the twenty-third pass on issue #15 reads (short texts written for these tests,
//! in the shape of real ones in tests/fixtures/genres/unseen24 and earlier): a subject that
//! acts 在…的同时 and then 还要, a requirement about its object (对…的隐患要…), a stretch of work
//! before the subject (作业过程中,企业要…), and a date by which work is unfinished.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres14::deadlines;
use crate::parse_genres17::parse_at;

#[test]
fn a_subject_acting_while_it_does_other_work_and_a_requirement_about_its_object() {
    let n = parse_at(
        "2014-03-18",
        concat!(
            "关于做好粮食企业春季防火工作的通知\n",
            "各市粮食局:\n",
            "各地在做好春季防火工作的同时,还要进一步加强粮食企业的安全生产工作。",
            "对企业的隐患要定人、定责、限时整改。",
            "作业过程中,企业一定要配备安全员并且必须系安全绳。\n",
            "湖北省粮食局办公室\n2014年3月18日\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各地"], vec!["各地"], vec!["企业"]]);
    let texts: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert!(texts[1].starts_with("对企业的隐患要"), "{texts:?}");
    // The stretch of work the subject acts in stays with its requirement.
    assert!(texts[2].starts_with("作业过程中,企业"), "{texts:?}");
}

#[test]
fn a_date_by_which_work_is_unfinished_is_a_condition_not_a_limit() {
    let n = parse_at(
        "2017-02-20",
        concat!(
            "市政消火栓建设安排部署会召开\n",
            "会议要求,各单位要加快市政消火栓建设步伐,对于年底未完成建设任务的单位进行通报。",
            "各县(区)建设行政主管部门要在10月底前完成建设任务。\n",
        ),
    );
    assert_eq!(deadlines(&n), [None, Some("2017-10-31".to_owned())]);
}

#[test]
fn a_later_collective_subject_ends_at_its_modal_not_at_the_longest_name() {
    let n = parse_at(
        "2017-02-20",
        concat!(
            "市政消火栓建设安排部署会召开\n",
            "会议要求,要在进行市政消火栓新建任务的同时,不能忽视日常维护保养,",
            "各县(区)建设行政主管部门应当配备市政消火栓的专职管理人员。",
            "对未按进度开展工作的责任单位要及时进行督办检查。\n",
        ),
    );
    // The second inherits the subject named in the first (市政… is what it 配备, no name).
    assert_eq!(offices(&n), [vec!["各县(区)建设行政主管部门"], vec!["各县(区)建设行政主管部门"]]);
}

#[test]
fn a_venue_told_to_act_and_the_case_a_requirement_is_for() {
    let n = parse_at(
        "2023-08-22",
        concat!(
            "区旅游委对景区开展专项安全检查\n",
            "区旅游委要求景区要高度重视安全生产工作,落实安全生产责任。",
            "遇到突发事件要及时与相关部门沟通。",
            "检查中,局长同时嘱咐相关寺庙要全力做好灾后恢复重建工作。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["景区"], vec!["景区"], vec!["相关寺庙"]]);
}

#[test]
fn a_stage_the_reporter_keeps_for_itself_is_no_directive() {
    let n = parse_at(
        "2016-11-25",
        concat!(
            "省粮食局组织开展冬季粮油安全普查工作\n",
            "本次检查分为两个阶段:一是企业自查。各粮油企业严格做好自查工作。",
            "二是省局督查。省粮食局将适时组织赴重点地市进行督导、抽查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各粮油企业"]]);
}

#[test]
fn markets_and_shops_are_units_and_the_case_before_a_subject_is_not_its_name() {
    let n = parse_at(
        "2018-02-13",
        concat!(
            "乡政府召开春节期间森林防火工作会\n",
            "会议强调:一是要加强宣传,林业工作站制定宣传单。",
            "二是各护林员坚持24小时值班制度,一旦发生火灾专业队要第一时间赶到现场。",
            "三是要求各农贸市场负责人严格落实消防安全主体责任。",
            "四是要求各商户在2018年2月15日前自查自改完毕。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["林业工作站"], vec!["专业队"], vec!["各农贸市场"], vec!["各商户"]]);
    assert_eq!(deadlines(&n)[3].as_deref(), Some("2018-02-15"));
}

#[test]
fn every_subject_of_a_headed_item_with_or_without_its_modal() {
    let n = parse_at(
        "2021-03-05",
        concat!(
            "宣城市气象局关于做好2021年防雷安全工作的通告\n",
            "一、高度重视防雷安全工作。各相关单位要高度重视防雷安全工作。",
            "市气象局依法履行雷电灾害防御工作的组织管理职责;",
            "各相关部门要切实履行行业防雷安全监管职责;",
            "雷电防护装置业主单位或责任单位,要切实落实主体责任。\n",
            "二、加强调度协调。县政府分线领导要站在全局高度,对牵头负责的工作任务进行协调。\n",
        ),
    );
    let units = offices(&n);
    assert_eq!(units[0], ["各相关单位", "市气象局", "各相关部门", "雷电防护装置业主单位或责任单位"]);
    // A name holds no modal: 县政府分线领导要站 is no unit.
    assert!(units[1].iter().all(|u| !u.contains('要')), "{units:?}");
}

#[test]
fn phases_of_a_campaign_are_its_tasks_by_each_phases_end() {
    // Phases as items under 时间安排 (a described part otherwise).
    let n = parse_at(
        "2014-08-27",
        concat!(
            "海南省商务厅关于开展油库及加油站专项检查的通知\n",
            "各市、县商务局:\n",
            "一、总体要求\n通过全面、深入的专项检查,进一步落实企业主体责任。\n",
            "二、时间安排\n自8月25日起至10月31日结束。共分两个阶段进行:\n",
            "(一)企业自查阶段(8月25日-9月10日)。成品油经营企业严格对照通知要求,深入开展自查自纠。\n",
            "(二)市县检查阶段(9月11日-9月25日)。市县商务部门对本辖区内加油站认真开展专项检查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["成品油经营企业"], vec!["市县商务部门"]]);
    assert_eq!(deadlines(&n), [Some("2014-09-10".to_owned()), Some("2014-09-25".to_owned())]);
    // Phases told sentence by sentence in a news item.
    let n = parse_at(
        "2013-03-28",
        concat!(
            "我市开展加油站安全专项整治\n",
            "该行动共分两个阶段:3月20日至31日为排查摸底阶段。各县市区组织专门力量,对辖区内所有加油站进行全面排查摸底。",
            "4月1日至30日为整治处理阶段。各县市区对排查出的所有加油站(点)进行分类处理。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各县市区"], vec!["各县市区"]]);
    assert_eq!(deadlines(&n), [Some("2013-03-31".to_owned()), Some("2013-04-30".to_owned())]);
}

#[test]
fn a_part_that_opens_with_what_guides_it_describes_and_a_unit_is_what_it_answers_for() {
    let n = parse_at(
        "2011-02-15",
        concat!(
            "宁德市人民政府关于加强城市消防安全工作的实施意见\n",
            "一、明确城市消防安全工作任务\n",
            "以党的十七大精神为指导,全面贯彻落实科学发展观,加强城市消防公共基础建设。\n",
            "二、夯实城市公共消防安全基础\n",
            "(一)编制落实城市消防规划。各县(市、区)人民政府是城市消防专项规划的编制主体,负责组织编制消防专项规划,",
            "确保在2011年底前完成。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各县(市、区)人民政府"]]);
}

#[test]
fn a_speakers_ordinal_titles_on_lines_of_their_own_head_their_items() {
    let n = parse_at(
        "2022-10-08",
        concat!(
            "徐舍镇召开节前燃气安全生产工作推进会\n",
            "针对节前燃气安全生产工作,镇长黄力强调:\n",
            "一要广泛宣传\n",
            "要树立良好的社会共识,让群众充分认识到燃气安全生产工作的重要性。\n",
            "二要加快进度\n",
            "全面联动,确保安装工作顺利完成。各职能部门要主动对接、做好服务,各村(社区)要积极配合。\n",
            "副镇长张敏提出以下两点工作要求:\n",
            "一、做好对上协调工作\n",
            "镇建设局要充分与公用环保集团做好对接。\n",
            "二、做好安装计划工作\n",
            "各村(社区)要加快推进灶具更换工作。\n",
        ),
    );
    assert_eq!(offices(&n), [vec![], vec!["各职能部门", "各村(社区)"], vec!["镇建设局"], vec!["各村(社区)"]]);
    assert!(directives(&n)[0].text.starts_with("一要广泛宣传"), "{:?}", directives(&n)[0].text);
}

#[test]
fn what_a_campaign_looks_at_and_the_bureaus_own_inspection_are_no_directives() {
    let n = parse_at(
        "2025-03-14",
        concat!(
            "关于开展全市在建建筑工地消防安全隐患排查整治行动的通知\n",
            "各建设、施工、监理单位:\n",
            "一、排查整治方式\n",
            "(一)在建项目自查自纠。各施工单位要立即制定自查自纠方案,于3月25日前完成排查。\n",
            "(二)主管部门全面检查。3月16日至3月31日,住建局将采取“四不两直”等方式开展检查。\n",
            "二、排查整治重点\n",
            "(一)消防安全责任落实情况\n",
            "施工单位对于消防安全专项方案的编制情况;监理单位对施工现场消防安全专项方案审批情况。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各施工单位"]]);
}

#[test]
fn a_meeting_names_each_tasks_lead_and_its_leads_are_whom_the_leads_point_at() {
    let n = parse_at(
        "2020-04-01",
        concat!(
            "双牌县召开重大消防隐患整改推进会\n",
            "会议明确,县民政局为康乐年华养老服务中心火灾隐患整改牵头单位,泷泊镇人民政府和县消防大队为责任单位;",
            "县文旅广体局为岁圆楼火灾隐患整改牵头单位,理家坪乡人民政府和县消防大队为责任单位。",
            "会议要求各牵头单位要科学制定隐患整改方案,逐一抓好落实。\n",
            "会议强调,各级各相关部门一定要统一思想,高度重视。特别是在整改期间要加强巡查值守,杜绝事故发生。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [
            vec!["县民政局", "泷泊镇人民政府", "县消防大队"],
            vec!["县文旅广体局", "理家坪乡人民政府", "县消防大队"],
            vec!["县民政局", "县文旅广体局"],
            vec!["各级各相关部门"],
            vec!["各级各相关部门"],
        ]
    );
}

#[test]
fn a_regulations_articles_on_one_line_and_its_rules_for_everyone() {
    let filler =
        "根据《中华人民共和国消防法》《中华人民共和国道路交通安全法》等法律法规,结合我州实际,".repeat(3);
    let text = format!(
        "第一条 为加强全州消防车通道管理,{filler}制定本规定。第二条 本规定适用于全州行政区域内消防车通道的管理工作。\
         第三条 州、县市人民政府及有关部门负责本行政区域内消防车通道的规划、建设、维护和管理工作。\
         第四条 任何单位和个人应当遵守道路交通规则,不得占用、堵塞、封闭消防车通道。\
         第五条 鼓励单位和个人通过12345政务服务便民热线,举报投诉占用消防车通道的行为。\
         第六条 自然资源和规划部门应当履行下列消防安全职责:(一)严格按照国家消防技术标准进行审查。\
         (二)严格控制改变消防专项规划明确的消防车通道内容。\n"
    );
    let n = parse_at("2024-06-01", &text);
    assert_eq!(
        offices(&n),
        [vec!["州、县市人民政府", "有关部门"], vec!["自然资源和规划部门"], vec!["自然资源和规划部门"]]
    );
}

#[test]
fn an_items_long_first_sentence_is_its_start_and_a_notices_ask_of_the_public_is_none() {
    let n = parse_at(
        "2008-07-09",
        concat!(
            "湖北省交通运输厅关于做好奥运期间客运安全检查工作的紧急通知\n",
            "各市州交通局:\n",
            "一、各级交通管理部门在奥运会期间要加强对客运站的检查。\n",
            "二、水路客运安全检查严格按照交通运输部今年5月在天津召开的保奥运全国船舶和港口保安工作会议抓落实。",
            "由省港航、海事局迅速部署。\n",
            "三、广大群众应当自觉遵守本通告规定,积极举报违法行为。\n",
        ),
    );
    assert_eq!(directives(&n).len(), 2, "{:?}", directives(&n));
    assert!(directives(&n)[1].text.starts_with("水路客运安全检查"), "{:?}", directives(&n)[1].text);
}

#[test]
fn collectives_before_a_verb_of_what_to_do_open_a_requirement_of_their_own() {
    let n = parse_at(
        "2025-01-22",
        concat!(
            "烟花爆竹集中燃放区域和时间\n",
            "各有关部门要明确自身工作责任,严格职责分工。\n",
            "各街镇、各单位充分利用多种渠道和形式,广泛开展限时集中燃放点的宣传活动。\n",
            "各考核组实地检查了各级政府、各有关部门的工作情况。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各有关部门"], vec!["各街镇", "各单位"]]);
}

#[test]
fn an_item_of_a_described_part_whose_collectives_do_the_work_asks_them() {
    let n = parse_at(
        "2024-09-24",
        concat!(
            "关于开展节前后勤安全生产检查的通知\n",
            "各科室(中心):\n",
            "一、检查方式\n",
            "1.各科室(中心)开展全面自查。\n",
            "2.处(集团)领导分组带队深入各科室(中心)一线开展专项检查。\n",
            "二、工作要求\n",
            "1.加强领导,精心组织。各科室(中心)要提高政治站位,组织开展好自查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各科室(中心)"], vec!["各科室(中心)"]]);
}

#[test]
fn a_day_earlier_in_the_month_of_the_page_is_that_months_not_next_years() {
    let n = parse_at(
        "2017-07-29",
        "关于开展高温期间安全生产督查的通知\n各单位:\n一、各单位要于7月28日前完成自查。\n二、各单位要于7月20日前报送自查报告。\n",
    );
    assert_eq!(deadlines(&n), [Some("2017-07-28".to_owned()), Some("2017-07-20".to_owned())]);
    // A month already gone is next year's, as before.
    let n =
        parse_at("2017-07-29", "关于开展安全生产督查的通知\n各单位:\n一、各单位要于6月28日前完成自查。\n");
    assert_eq!(deadlines(&n)[0].as_deref(), Some("2018-06-28"));
}

#[test]
fn words_quoted_inside_a_requirement_are_its_own() {
    let n = parse_at(
        "2022-01-26",
        concat!(
            "市教育局召开寒假校园安全工作会议\n",
            "会议强调,各学校要高度重视,在安全管理工作上要切实做到“四务必”:即“务必看到单位主要负责人工作轨迹;",
            "务必看到隐患整改成效;务必看到应急处置措施”。各学校要结合工作实际,创建各校特色校园安全教育模式。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各学校"], vec!["各学校"]]);
}

#[test]
fn an_order_with_a_limit_to_the_units_inspected_is_a_requirement() {
    let n = parse_at(
        "2024-01-20",
        concat!(
            "市商务局开展商超消防安全督查\n",
            "针对检查发现的问题,督查组下发了整改通知书并要求在3日内整改到位。",
            "督查组要求,企业要形成闭环管理,扎实开展好安全隐患自查自纠工作。\n",
        ),
    );
    let texts: Vec<&str> = directives(&n).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("督查组下发了整改通知书"), "{texts:?}");
    assert_eq!(directives(&n)[0].deadline.phrase.as_deref(), Some("3日内"));
    assert_eq!(offices(&n), [vec![], vec!["企业"]]);
}
