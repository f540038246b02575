//! The forms the nineteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen18 and unseen19): a division of work
//! told as news with a campaign's first and last day, a sentence cut by a line break, the work
//! shared out after 按照职能分工, a list pointed out to a unit, a copy that opens inside a
//! list, a form's checklist after the signature, and a page cut inside its last requirement or
//! just after a heading's number.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;
use crate::support::date;

#[test]
fn a_division_told_as_news_gives_each_body_its_leading_unit_and_the_campaigns_end() {
    let n = parse_at(
        "2016-11-18",
        concat!(
            "京山县学校安全冬春季集中整治拉开序幕\n",
            "  近日,京山县启动了学校安全及周边环境冬春季集中整治行动,9个部门正按计划开展整治活动。\n",
            "  集中整治行动从今年11月1日起至明年3月底结束,明年春季开学前完成第一轮集中整治。\n",
            "  此次整治行动成立了三个工作专班。县公安局牵头的专班负责对学校及周边的治安进行整治,",
            "县文体局牵头的专班负责对学校周边网吧进行整治,县综治办牵头的专班负责对集中整治工作进行督查。",
            "各镇(区)综治办负责组织辖区内学校集中整治行动。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["县公安局"], vec!["县文体局"], vec!["县综治办"], vec!["各镇(区)综治办"]]);
    for d in directives(&n) {
        assert_eq!(d.deadline.date, Some(date("2017-03-31")), "{}", d.text);
    }
}

#[test]
fn a_sentence_cut_by_a_line_break_and_shared_out_by_function_keeps_each_share() {
    let n = parse_at(
        "2018-07-18",
        concat!(
            "春之城小区燃气安全隐患专题会议\n",
            "会议由街道办书记主持,相关职能部门提出了消除隐患的办法措施,在征求各部门意见后进行了安排部署,",
            "按照职能分工,区住建局、昆仑燃气公司利用10个工作日展开排查,燃气公司对隐患点进行先期停气处理,配合其他部门开展联合\n",
            "整治;月牙塘社区、伦华物业公司于10个工作日内认真梳理隐患点住户信息;红云城管中队争取10个工作日内对违建进行拆除。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [vec!["区住建局", "昆仑燃气公司"], vec!["月牙塘社区", "伦华物业公司"], vec!["红云城管中队"]]
    );
    assert!(directives(&n)[0].text.contains("开展联合整治"), "the cut word is whole again");
}

#[test]
fn a_list_pointed_out_to_a_unit_and_a_copy_opening_inside_a_list() {
    let n = parse_at(
        "2022-04-24",
        concat!(
            "督导组到县道交专班开展督查指导工作\n",
            "省督导组组长对全县工作开展情况表示肯定,同时对县道交专班指出:一是需要完善整治工作方案;",
            "二是在高速公路通行风险整治方面,县政府与高速三大队要加强互动。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["县道交专班"], vec!["县政府", "高速三大队"]]);

    let n = parse_at(
        "2024-06-01",
        concat!(
            "际,研究出台政策性文件,优化微型站的保障措施。各地消防部门要组织微型站开展训练;要将微型消防站纳入联动体系。\n",
            "六要开展针对性消防宣传教育培训工作。各地要充分利用各类媒体,广泛宣传火灾事故教训。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 2, "{:?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert!(d[0].text.starts_with("际,研究出台"), "{}", d[0].text);
    assert_eq!(offices(&n)[0], ["各地消防部门"]);
}

#[test]
fn a_checklist_a_scope_and_a_cut_last_line() {
    let n = parse_at(
        "2014-12-11",
        concat!(
            "建德市安全生产委员会关于劳动密集型企业开展消防安全自查自纠活动的公告\n",
            "为做好我市劳动密集型企业消防安全隐患排查整治,现将有关事项通告如下:\n",
            "一、自查自纠时间\n",
            "2014年12月15日至2015年1月20日。\n",
            "二、自查自纠范围\n",
            "全市所有劳动密集型企业。\n",
            "三、自查自纠内容\n",
            "各企业必须高度重视,严格按照自查自纠表格内容填写,2015年1月20日前报送备案。\n",
            "建德市安全生产委员会\n",
            "2014年12月11日\n",
            "劳动密集型企业消防安全自查自纠登记表\n",
            "1.是否依法通过消防行政许可 □是 □否 2.是否建立消防安全组织 □是 □否\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各企业"]], "the scope and the checklist ask nothing");

    let n = parse_at(
        "2017-04-24",
        concat!(
            "牟山镇人民政府关于加强“五一节”期间安全生产工作的通知\n",
            "各行政村、镇属有关部门:\n",
            "  现就做好“五一节”期间安全生产工作有关事项通知如下:\n",
            "  一、加强“五一节”期间安全生产工作\n",
            "  各行政村要认真研究部署节日期间的安全生产工作。\n",
            "  二、开展一次节前安全生产工作大检查\n",
            "  各部门、各单位要立即开展节\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [vec!["各行政村"], vec!["各部门", "各单位"]],
        "a cut requirement is no signature"
    );
}
