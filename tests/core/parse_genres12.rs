//! The forms the twelfth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen12): a public 通告 whose parts define
//! a ban and its penalties, a heading mark set off by a space, a covering notice closed by its
//! contact line and a list of attachments, a town named beside a collective.

use crate::parse_genres3::{directives, offices, parse};

#[test]
fn a_bans_scope_period_kinds_and_penalties_are_no_tasks() {
    let n = parse(concat!(
        "关于禁止燃放烟花爆竹的通告\n",
        "为加强烟花爆竹安全管理，现通告如下：\n",
        "一、禁燃禁放范围\n",
        "本县行政辖区全域。\n",
        "二、 禁燃禁放时间\n",
        "2023年2月6日起至2023年4月30日止。\n",
        "三、 禁燃禁放种类\n",
        "各种烟花、鞭炮等烟花爆竹制品。\n",
        "四 、违反本通告规定的，依照有关法律法规规定追究法律责任。\n",
        "五、阻碍执行公务的，依法从严查处；构成犯罪的，依法追究其刑事责任。\n",
        "六、各镇人民政府要落实属地责任，负责辖区内禁放工作的组织实施。\n",
        "特此通告。\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 1, "{texts:?}");
    assert_eq!(offices(&n), [vec!["各镇人民政府"]], "the mark after a space (四 、) still ends part 三");
    assert_eq!(ds[0].deadline.date.map(|d| d.to_string()).as_deref(), Some("2023-04-30"));
}

#[test]
fn a_covering_notices_contact_line_and_attachment_list_ask_nothing() {
    let n = parse(concat!(
        "省安委办关于报送进展情况的通知\n",
        "各市安委办：\n",
        "现将有关通知转发给你们，请按照通知要求，落实专门人员认真做好汇总填报工作。\n",
        "请各市安委办在每月7日前将进展情况报送至省安委办。联系人：洪亮；联系电话：0571-87052855。\n",
        "附件：1.乡镇落实情况汇总表\n",
        "2.企业进展情况汇总表\n",
        "省安委办\n",
        "2015年5月28日\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 2, "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains("联系电话") && !t.contains("汇总表 2.")), "{texts:?}");
    assert_eq!(ds[1].deadline.recurrence.as_deref(), Some("每月7日前"));
}

#[test]
fn a_town_beside_a_collective_is_a_unit_of_its_own() {
    let n = parse(concat!(
        "县政府召开专题协调会\n",
        "会上，副县长要求，各有关部门、次营镇要加快专职消防队伍建设。\n",
    ));
    assert_eq!(offices(&n), [vec!["各有关部门", "次营镇"]]);
    let n = parse(concat!("县政府召开专题会议\n", "会议要求，各级党委、政府要落实属地责任。\n"));
    assert_eq!(offices(&n), [vec!["各级党委、政府"]], "a bare 政府 stays under the 各 before it");
}

#[test]
fn units_asked_after_a_comma_and_a_plain_task_are_the_items_units() {
    let n = parse(concat!(
        "永嘉县三举措推动报警器安装\n",
        "近日，县政府办公室印发通知，部署此项工作。\n",
        "一是确定试点区域。在桥头镇开展出租房试点；在岩头镇开展养老院试点，并要求相关镇(街道)在3月15日前完成1个示范点的建设工作。\n",
    ));
    assert_eq!(offices(&n), [vec!["相关镇(街道)"]]);
}

#[test]
fn a_meetings_report_between_its_asks_and_its_closing_must_are_read() {
    let n = parse(concat!(
        "全区政法工作部署会议召开\n",
        "会议要求各乡镇(街道)进行自查自纠；传达了《关于调整宣传标语的通知》；要求各乡镇(街道)将本辖区内重点人员信息录入平台。\n",
        "会议最后强调，在国庆期间必须做好政法各项重点工作。\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 3, "传达了… is no requirement; 必须 asks as 要 does: {texts:?}");
    assert_eq!(offices(&n)[1], ["各乡镇(街道)"], "将 ends the name");
    assert!(texts[2].starts_with("在国庆期间必须"), "{texts:?}");
}

#[test]
fn a_list_of_measures_whose_next_item_asks_is_read_item_by_item() {
    let n = parse(concat!(
        "眉山市强化四措施确保任务完成\n",
        "近日，眉山市印发了任务表，强化四项措施。\n",
        "一是加强领导，落实责任。各区县政府主要负责同志作为第一责任人，对工作落实情况负总责。\n",
        "二是把握要求，制定方案。要求各区县政府要对工作任务逐条研究。\n",
    ));
    let texts: Vec<String> = directives(&n).iter().map(|d| d.text.clone()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[1].starts_with("二是把握要求，制定方案。要求"), "把握要求 is no lead-in: {texts:?}");
}

#[test]
fn units_then_what_they_send_then_a_time_and_a_day_things_start_from() {
    let n = parse(concat!(
        "关于进一步规范信息报送工作的通知\n",
        "各成员单位：\n",
        "各部门要严肃值班值守纪律。下一步安委办将加大检查抽查。各单位国庆期间值班表请于9月29日18时前报安委会办公室。\n",
    ));
    assert_eq!(offices(&n), [vec!["各部门"], vec!["各单位"]]);
    assert_eq!(directives(&n)[1].deadline.date.map(|d| d.to_string()).as_deref(), Some("2024-09-29"));
    let n = parse(concat!(
        "市安委办发出交办单\n",
        "市安委办要求，各有关部门要每天制定安全检查计划。自10月11日起，每日报送检查计划。\n",
    ));
    assert_eq!(offices(&n), [vec!["各有关部门"], vec!["各有关部门"]]);
}

#[test]
fn a_list_right_after_a_requirement_of_named_units_is_theirs() {
    let n = parse(concat!(
        "省专班办公室召开调度视频会议\n",
        "会议强调，省、市专班办公室要进一步凝聚共识，体现责任担当。一是要进一步领悟领导责任。二是进一步担起监管责任，住建、城管等在各自职责范围，以及民政、教育等行业主管部门要密切配合。\n",
    ));
    let got = offices(&n);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1], ["省、市专班办公室"], "the first item inherits the lead sentence's units");
    assert_eq!(got[2], ["民政、教育等行业主管部门"], "以及 is no part of a name");
    let n = parse(concat!(
        "祝楼乡切实做好清明节期间安全工作\n",
        "祝楼乡一是要求各村做好宣传，注意防火；二是做好交通安全工作；三是实行文明祭扫。\n",
    ));
    assert_eq!(offices(&n)[1..], [Vec::<&str>::new(), Vec::new()], "a list begun by an item keeps no units");
}
