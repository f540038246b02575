//! The forms the twenty-first pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen20 and unseen21): a requirement asked
//! of units mid-sentence, a remark after a bracket's names, a bare 要 after a subject named
//! mid-run, a government's own dated plan in a news item, and the page's date and headline.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

#[test]
fn a_requirement_asked_mid_sentence_starts_at_its_asking_word() {
    let n = parse_at(
        "2011-05-01",
        concat!(
            "碱滩镇开展防火安全检查\n",
            "连日来,镇党委、政府安排四个督察组对全镇15个村进行全面检查,主要存在个别村社防火通道不通等问题。",
            "针对以上查找出的问题,镇党委、政府责令各村、各单位限期进行整改。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各村", "各单位"]]);
    assert!(directives(&n)[0].text.starts_with("责令各村"), "{}", directives(&n)[0].text);
}

#[test]
fn a_remark_after_a_brackets_names_is_no_unit() {
    let n = parse_at(
        "2021-07-01",
        concat!(
            "安全生产委员会工作要点\n",
            "一、重点工作\n",
            "1.广泛开展专题宣传教育培训。组织观看专题片,推进学习教育全覆盖。(牵头责任单位:县委宣传部、县应急管理局,",
            "协同责任单位:县安委会各成员单位。各镇(园区)落实属地管理责任,以下均需各乡镇(园区)落实属地管理责任,不再重复列出)\n",
            "2.扎实推动重要决策部署落地生根。(牵头责任单位:县应急管理局)\n",
        ),
    );
    let first = &directives(&n)[0];
    assert_eq!(first.offices, ["县委宣传部", "县应急管理局"]);
    assert_eq!(first.support_offices, ["县安委会各成员单位"]);
}

#[test]
fn a_bare_requirement_after_a_subject_named_mid_run_is_that_subjects() {
    let n = parse_at(
        "2017-06-23",
        concat!(
            "枣庄镇召开安全生产月工作推进会\n",
            "6月22日,枣庄镇召开安全生产月活动工作推进会。\n",
            "镇党委副书记杜云南要求,要积极开展安全生产宣传工作。同时,镇教育部门要加强对青少年学生的暑期安全宣传。",
            "要全面加强消防安全工作。各村、居要利用广播进行防火宣传。\n",
        ),
    );
    assert_eq!(offices(&n), [vec![], vec!["镇教育部门"], vec!["镇教育部门"], vec!["各村、居"]]);
}

#[test]
fn a_governments_own_dated_plan_in_a_news_item_is_no_task() {
    let text = concat!(
        "夏季消防检查督导启动\n",
        "本报讯 6月8日,记者从全市夏季消防检查督导联席会议上了解到,为切实做好夏季消防安全工作,推进责任制落实,",
        "我市将从6月中旬起至8月底,对市直各部门、各县区政府进行夏季消防检查督导。\n",
    );
    let issued = chrono::NaiveDate::from_ymd_opt(2016, 6, 9).expect("date");
    assert!(
        duban::notice::parse_notice(text, issued).is_err(),
        "a report with no requirement has none to offer"
    );
}

#[test]
fn a_web_copy_gives_its_headline_and_its_pages_date() {
    let n = parse_at(
        "2000-01-01",
        concat!(
            "打印页面\n",
            "工作动态\n",
            "凤阳召开监控消防设施大排查大整治专项行动部署会\n",
            "时间:2023-03-10 15:48 阅读次数:\n",
            "3月9日,凤阳县召开专项行动部署会。会议要求,各乡镇要迅速开展排查,3月底前完成整改。\n",
        ),
    );
    assert_eq!(n.title, "凤阳召开监控消防设施大排查大整治专项行动部署会");
    assert_eq!(n.issued_on, chrono::NaiveDate::from_ymd_opt(2023, 3, 10).expect("date"));
    assert_eq!(directives(&n)[0].deadline.date, chrono::NaiveDate::from_ymd_opt(2023, 3, 31));
}
