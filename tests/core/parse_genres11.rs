//! The forms the eleventh pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres): a task table a web page gave one cell per
//! line, under a list of its attachments; a limit written in the units' bracket after an item
//! (（责任单位：…；完成时限：…）).

use crate::parse_genres3::{directives, offices, parse};

#[test]
fn a_table_given_one_cell_per_line_is_read_row_by_row_under_its_attachment_list() {
    let n = parse(concat!(
        "关于印发《石鱼镇2024年自然灾害防治重点任务清单》的通知\n",
        "各村(社区):\n",
        "现将任务清单印发给你们,请认真抓好贯彻落实。\n",
        "附件:1.2024年石鱼镇森林防灭火重点任务清单\n",
        "2.2024年石鱼镇防汛抗旱重点任务清单\n",
        "石鱼镇人民政府\n",
        "2024年3月28日\n",
        "附件1\n",
        "工作任务 |\n",
        "时限要求 |\n",
        "责任单位 | ||\n",
        "一、推动火灾防控责任落实 | ||||\n",
        "1 |\n",
        "贯彻森林草原防灭火工作实施方案,开展 1 次宣贯活动。 |\n",
        "3月底前 |\n",
        "林业发展岗 |\n",
        "2 |\n",
        "镇政府在防火期每月至少专题研究 1 次森林防灭火工作。 |\n",
        "9月投入使用 |\n",
        "林业发展岗、应急管理岗 | |\n",
    ));
    let ds = directives(&n);
    let texts: Vec<&str> = ds.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(ds.len(), 2, "the attachment titles are no tasks: {texts:?}");
    assert_eq!(offices(&n), [vec!["林业发展岗"], vec!["林业发展岗", "应急管理岗"]]);
    let ends: Vec<String> =
        ds.iter().map(|d| d.deadline.date.map(|x| x.to_string()).unwrap_or_default()).collect();
    assert_eq!(ends, ["2024-03-31", "2024-09-30"], "a month a result is due is its end");
}

#[test]
fn a_limit_in_the_units_bracket_is_the_items_deadline() {
    let n = parse(concat!(
        "关于印发重点任务分工的通知\n",
        "一、加强消防安全检查，全面排查隐患。（牵头单位：县应急局；责任单位：各乡镇；完成时限：2024年6月底前）\n",
        "二、开展宣传。（责任单位：县消防救援大队；完成时限：12月底前）\n",
    ));
    let ds = directives(&n);
    let ends: Vec<String> =
        ds.iter().map(|d| d.deadline.date.map(|x| x.to_string()).unwrap_or_default()).collect();
    assert_eq!(ends, ["2024-06-30", "2024-12-31"]);
    assert_eq!(offices(&n)[1], ["县消防救援大队"]);
}
