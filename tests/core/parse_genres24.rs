//! The forms the twenty-fourth pass on issue #15 reads (short texts written for these tests,
//! in the shape of real ones in tests/fixtures/genres/unseen27 and earlier): a page's legal
//! notice after the text, and a 巡查通报's findings that name their venues by a label.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

#[test]
fn a_pages_legal_notice_does_not_hide_the_running_text_above_it() {
    let n = parse_at(
        "2014-07-07",
        concat!(
            "全市重大火灾隐患挂牌督办\n",
            "杜中强指出,各行业要落实监管责任,对挂牌督办的重大隐患单位进行督办。",
            "各县区要对照年初签订的目标责任书先开展自查。\n",
            "责任编辑:yss\n",
            "版权声明:\n",
            "1.凡本网注明“来源:驻马店网”的所有作品,均为本网合法拥有版权或有权使用的作品。\n",
            "2.凡本网注明“来源:XXX(非驻马店网)”的作品,均转载自其他媒体。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各行业"], vec!["各县区"]]);
}

#[test]
fn findings_name_their_venues_by_a_label() {
    let n = parse_at(
        "2017-03-06",
        concat!(
            "关于全市文化娱乐场所巡查情况的通报\n",
            "本次巡查发现一些安全隐患:\n",
            "1、未亮证经营:五月花酒吧、C2酒吧\n",
            "2、未悬挂“未成年人禁止入内”警示牌:呼啦啦KTV\n",
            "3、接纳未成年人进入营业场所:望吧网络有限公司\n",
            "4、国会俱乐部:208包厢存在逃生窗未开启的情况。\n",
            "5、钻石人生会所:102、106包厢无逃生窗的情况 。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [
            vec!["五月花酒吧", "C2酒吧"],
            vec!["呼啦啦KTV"],
            vec!["望吧网络有限公司"],
            vec!["国会俱乐部"],
            vec!["钻石人生会所"],
        ]
    );
    // A finding told as `venue: what was found …的情况` is an item, not a report's heading.
    assert!(directives(&n)[3].text.starts_with("国会俱乐部:208包厢"));
}

#[test]
fn a_drills_time_place_and_content_are_described_and_its_work_asked() {
    let n = parse_at(
        "2014-11-12",
        concat!(
            "关于举行消防灭火演练的通知\n",
            "我处拟于2014年11月24日举行消防安全知识培训。现将有关事项通知如下:\n",
            "一、消防培训内容:消防安全知识、火灾扑救演练\n",
            "二、演练时间:11月24日(周一)15:00至17:00\n",
            "三、演练地点: 学校二号教学楼前广场\n",
            "四、参加人员为:今年新进员工及各学院办公室工作人员。\n",
            "五、工作要求:各相关部门安排好时间,积极组织需培训的师生员工准时参加,",
            "并将参加培训人数在11月19日(周三)下班前报到后勤保卫处。\n",
        ),
    );
    // Only the fifth item asks; its label heads the sentence whose subject is the unit.
    assert_eq!(offices(&n), [vec!["各相关部门"]]);
    assert_eq!(crate::parse_genres14::deadlines(&n), [Some("2014-11-19".to_owned())]);
}

#[test]
fn an_undated_copy_is_of_the_year_of_the_number_under_its_title() {
    let n = parse_at(
        "2026-12-02",
        concat!(
            "长春市安全生产委员会办公室关于报送专项行动总结的通知\n",
            "(长安委办[2007]17号)\n",
            "各县(市)区安全生产委员会:\n",
            "各县(市)区要将专项行动形成总结材料,并于12月15日前报市安全生产委员会办公室。\n",
        ),
    );
    assert_eq!(crate::parse_genres14::deadlines(&n), [Some("2007-12-15".to_owned())]);
}

#[test]
fn the_half_year_a_drill_is_of_is_no_limit() {
    let n = parse_at(
        "2021-10-29",
        concat!(
            "关于开展119消防宣传月活动的通知\n",
            "各二级学院:\n",
            "一、请各二级学院组织完成2021年下半年消防疏散演练1次。\n",
            "二、请各二级学院将下半年的消防培训材料报送到安全保卫处。\n",
            "三、各二级学院要在下半年完成消防设施检测。\n",
        ),
    );
    assert_eq!(crate::parse_genres14::deadlines(&n), [None, None, Some("2021-12-31".to_owned())]);
}

#[test]
fn a_plans_leading_group_told_with_its_text_run_on_is_a_roster() {
    let n = parse_at(
        "2010-04-09",
        concat!(
            "乌鲁木齐市继续深入开展安全生产年活动方案\n",
            "一、工作目标 深入贯彻落实科学发展观,实现全市安全生产形势持续稳定好转。\n",
            "二、组织领导机构 为强化活动的组织领导,市人民政府成立活动工作领导小组: ",
            "组 长:袁宝新 副市长 成 员:葛广峰 市安监局副局长\n",
            "三、主要任务\n各区县要全面开展隐患排查治理。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各区县"]]);
}

#[test]
fn an_official_speaking_after_a_meetings_words_does_not_take_its_addressees() {
    let n = parse_at(
        "2018-12-21",
        concat!(
            "12月19日下午,全省加强“两节”期间安全生产工作电视电话会议召开。\n",
            "会议指出,“两节”期间是事故高发期,各级政府、各部门要严格落实安全生产责任。\n",
            "全省电视电话会议结束后,县委常委、常务副县长毛孝泉要求,要突出抓好重点领域安全问题。",
            "要加强值班值守,健全联动机制。\n",
        ),
    );
    let none: Vec<&str> = Vec::new();
    assert_eq!(offices(&n), [vec!["各级政府", "各部门"], none.clone(), none]);
}

#[test]
fn a_page_copied_as_one_line_with_its_date_at_the_end_is_read_not_refused() {
    let n = parse_at(
        "2023-06-30",
        concat!(
            "《防溺水温馨提醒.docx》由会员分享,可在线阅读,请在第一文库网上搜索。",
            "防溺水温馨提醒各中小学校、幼儿园、民办学校:暑期来临,气温持续升高,",
            "各学校(园)要强化责任担当,扎实做好暑假期间中小学生防溺水工作。",
            "一是持续深入开展家访活动。各学校(园)结合暑期万师访万家活动进行上门家访。",
            "二是加强暑期防溺水社会宣传。各学校(园)要紧密联系相关职能部门及社区,广泛宣传防溺水知识。",
            "2023年6月30日\n",
        ),
    );
    // The title run into the addressees (…温馨提醒各中小学校…:) asks nothing by itself.
    assert_eq!(offices(&n), [vec!["各学校(园)"], vec!["各学校(园)"], vec!["各学校(园)"]]);
}

#[test]
fn a_units_hazard_officer_acting_on_what_it_answers_for_is_that_unit() {
    let n = parse_at(
        "2016-05-05",
        concat!(
            "关于落实防灾责任人和监测人的通知\n",
            "各村(社区)、乡级各单位:\n",
            "为了进一步做好地质灾害工作,现就落实相关防灾责任人通知如下。\n",
            "镇政府防灾责任人对防灾责任点要每月不定期进行一次巡查,并作好巡查记录。\n",
            "各乡镇、村组的各级防汛责任人必须坚守岗位,实行24小时值班巡查防守。\n",
        ),
    );
    // Once refused: no requirement was found in the text.
    assert_eq!(offices(&n), [vec!["镇政府"], vec!["各乡镇、村组"]]);
}

#[test]
fn each_citys_and_countys_bureau_is_one_collective() {
    let n = parse_at(
        "2015-04-28",
        concat!(
            "关于转发烟花爆竹经营专项治理的通知\n",
            "各辖市、区安监局:\n",
            "一、各辖市、区安监局于6月15日前将专项治理工作情况报市局。\n",
            "二、各市、省直管县人民政府安委会办公室要认真布置专项督查。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各辖市、区安监局"], vec!["各市、省直管县人民政府安委会办公室"]]);
}

#[test]
fn a_reports_listed_contents_are_part_of_its_task_and_a_long_ask_is_no_heading() {
    let n = parse_at(
        "2013-06-20",
        concat!(
            "关于做好安全生产大检查信息报送工作的通知\n",
            "各市县:\n",
            "一、报送内容和时间\n",
            "(一)各市县、各有关部门和单位每月15日、30日前报送本行业领域大检查工作情况,主要包括:\n",
            "1.安全生产大检查工作进展及成效;\n",
            "2.存在问题和工作建议。\n",
            "(二)各市县要加强值班。\n",
            "二、工作要求\n",
            "(一)各市县、各有关部门要高度重视信息报送工作,更重要的是为领导决策参考提供依据。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [vec!["各市县", "各有关部门和单位"], vec!["各市县"], vec!["各市县", "各有关部门"]]
    );
    assert!(directives(&n)[0].text.contains("2.存在问题和工作建议"), "the contents stay with the task");
}

#[test]
fn units_that_report_on_a_recurring_day_or_whose_plan_is_asked_for_by_please() {
    let n = parse_at(
        "2013-06-20",
        concat!(
            "关于做好信息报送工作的通知\n",
            "各市县:\n",
            "一、报送内容和时间\n",
            "(一)各市县每周五下午16时前报送集中开展安全生产大检查情况周报表(详见附件)。\n",
            "(二)各市县、各有关部门和单位的安全生产大检查工作方案请于2013年6月20日前报送。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各市县"], vec!["各市县", "各有关部门和单位"]]);
}

#[test]
fn a_lead_ins_subject_is_its_lists() {
    let n = parse_at(
        "2023-01-10",
        concat!(
            "关于做好学校安全工作的通知\n",
            "各中小学:\n",
            "一、加强组织领导\n",
            "学期即将结束,各校要高度重视校园安全工作。\n",
            "二、加强安全宣传\n",
            "各校要及时将寒假安全提示传达至每一位学生及家长,同时做好以下安全宣教工作:",
            "一是上好安全教育课,开展警示教育。二是开展一次家庭教育指导。三是开展家校沟通。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各校"], vec!["各校"], vec!["各校"], vec!["各校"]]);
}
