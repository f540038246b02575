//! The forms the seventeenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen17 and older sets): a findings table,
//! a pointer back at a bulletin's findings, task labels 牵头责任单位 / 协同责任单位, a described
//! part's asking paragraph, penalties, semicolon duties and a lead-in running on to its colon.

use crate::parse_genres3::{directives, offices};
use crate::support::date;
use duban::notice::parse_notice;

pub fn parse_at(day: &str, text: &str) -> duban::model::NoticeDraft {
    parse_notice(text, date(day)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_findings_table_is_one_rectification_per_hazard() {
    let n = parse_at(
        "2024-06-01",
        concat!(
            "消防安全检查通报\n",
            "各相关部门:\n",
            "近期保卫处对校内消防安全情况进行检查,现将检查结果通报如下:\n",
            "校区、建筑、房间 | 消防隐患问题 | 备注 |\n",
            "南苑9号宿舍楼643 | 使用应急照明插座引线 | 智能感知与仪器学院 |\n",
            "南苑2号宿舍楼219 | 空调插座引线 | 艺术设计学院 |\n",
            "2号实验楼五楼楼梯 | 摆放杂物 | 已通知周边单位,近期将统一组织清理 |\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 3, "the text is not refused: one item per hazard");
    assert!(d[0].text.starts_with("南苑9号宿舍楼643"), "{}", d[0].text);
    assert_eq!(offices(&n), [vec!["智能感知与仪器学院"], vec!["艺术设计学院"], vec![]]);
}

#[test]
fn a_pointer_back_at_the_findings_takes_the_units_they_name() {
    let n = parse_at(
        "2022-09-14",
        concat!(
            "常务会议确定事项落实情况的通报\n",
            "一、总体情况\n",
            "确定事项22件,已办结6件。\n",
            "二、工作要求\n",
            "其中,由县民政局负责的第1件、县发改局负责的第4件确定事项进展滞后,请以上责任单位加快工作节奏,全力推动确定事项落实。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 1);
    assert!(d[0].text.starts_with("请以上责任单位"), "cut at the pointer: {}", d[0].text);
    assert_eq!(d[0].offices, ["县民政局", "县发改局"]);
    let n = parse_at(
        "2020-12-14",
        concat!(
            "校内各单位:\n",
            "校防火办对心理健康教育中心、基建处、数理学院等消防安全情况进行了抽查。",
            "抽查结果除基建处外,心理健康教育中心、数理学院不同程度均存在线路杂乱现象。\n",
            "校内各单位要切实提高消防安全意识,存在消防安全隐患的单位要迅速整改,确保消防安全。\n",
        ),
    );
    let found: Vec<&Vec<String>> = directives(&n).iter().map(|d| &d.offices).collect();
    assert!(found.contains(&&vec!["心理健康教育中心".to_owned(), "数理学院".to_owned()]), "{found:?}");
}

#[test]
fn lead_and_joint_responsibility_labels_and_lone_places() {
    let n = parse_at(
        "2020-02-03",
        concat!(
            "关于2020年重点工作及责任分解的通知\n",
            "各县人民政府:\n",
            "一、确保完成全年主要预期目标\n",
            "1. 地区生产总值增长8%以上。\n",
            "牵头负责领导:金力。\n",
            "牵头责任单位:市发展改革委。\n",
            "协同责任单位:市经信局、市商务局,各县、市、区政府。\n",
            "2. 研发投入增长12%。(牵头单位:市科技局,数据提供单位:市统计局)\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d[0].offices, ["市发展改革委"]);
    assert_eq!(d[0].support_offices, ["市经信局", "市商务局", "各县、市、区政府"]);
    assert_eq!(d[1].support_offices, ["市统计局"]);
}

#[test]
fn a_described_part_keeps_its_asking_paragraph_and_penalties_ask_nothing() {
    let n = parse_at(
        "2024-05-23",
        concat!(
            "关于集中组织开展电动自行车夜查行动的公告\n",
            "一、夜查行动时间\n",
            "5月下旬至6月中旬,每周一次。\n",
            "二、夜查重点内容\n",
            "(一)高层民用建筑公共门厅电动自行车违规停放充电行为。\n",
            "(二)电动自行车擅自改装行为。\n",
            "请各社会单位、住宅物业服务企业及广大群众要认真自查自改违法违规行为。\n",
            "三、法律责任\n",
            "(一)严禁在建筑内的疏散走道停放电动自行车。\n",
            "(二)在高层民用建筑内存在上述行为,拒不改正的,将对单位处2000元以上10000元以下罚款。\n",
        ),
    );
    let d = directives(&n);
    assert_eq!(d.len(), 2, "{:#?}", d.iter().map(|d| &d.text).collect::<Vec<_>>());
    assert_eq!(d[0].offices, ["各社会单位", "住宅物业服务企业"], "the people asked along are no unit");
    assert!(d[1].text.starts_with("严禁"), "{}", d[1].text);
}

#[test]
fn semicolon_duties_and_a_lead_in_running_on_to_its_colon() {
    let n = parse_at(
        "2014-06-25",
        concat!(
            "火灾隐患排查整治规定\n",
            "省政府办公厅发出通知,要求各级政府及有关部门要做好火灾隐患排查整治。",
            "按《通知》规定的分工,住建部门负责部署建筑施工工地的火灾隐患排查整治工作;",
            "城市供水行政主管部门负责督促供水企业排查市政消火栓;城市园林绿化部门负责排查整治城市园林绿地。\n",
        ),
    );
    assert_eq!(
        offices(&n),
        [
            vec!["各级政府", "有关部门"],
            vec!["住建部门"],
            vec!["城市供水行政主管部门"],
            vec!["城市园林绿化部门"]
        ]
    );
    let n = parse_at(
        "2023-05-30",
        concat!(
            "消防警示现场会\n",
            "郑哲源主任提出具体工作要求,并强调:一是街道职能科室要做好统筹指导;二是社区居委会要做好消防安全宣传;三是各物业管理单位要认真履职。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["街道职能科室"], vec!["社区居委会"], vec!["各物业管理单位"]]);
    let n = parse_at(
        "2023-12-16",
        concat!(
            "冬春火灾防控警示会\n",
            "会议要求,各物业单位要组织开展一次隐患自查活动,对排查的隐患及时整改。春节临近,要加强值班值守,落实重大事件报告制度。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各物业单位"], vec!["各物业单位"]], "a circumstance before a bare 要");
}
