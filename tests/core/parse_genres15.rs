//! The forms the fifteenth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres): a list of addressees after 请 set off by
//! commas, development zones as units.

use crate::parse_genres3::{offices, parse};

#[test]
fn names_after_please_set_off_by_commas_are_all_asked() {
    let n = parse(concat!(
        "关于转发危险化学品事故通报的通知\n",
        "各乡镇人民政府,高新西区管委会,工业集中发展区、市级有关部门:\n",
        "一、请各乡镇人民政府,高新西区管委会,广汉市工业集中发展区及时将通知转发至辖区内所有企业。\n",
        "二、请各乡镇人民政府,高新西区管委会,广汉市工业集中发展区及相关部门按照职责加强监管。\n",
        "三、请各单位,按照要求做好防凝防冻工作。\n",
    ));
    assert_eq!(
        offices(&n),
        [
            vec!["各乡镇人民政府", "高新西区管委会", "广汉市工业集中发展区"],
            vec!["各乡镇人民政府", "高新西区管委会", "广汉市工业集中发展区", "相关部门"],
            vec!["各单位"],
        ],
        "及时 is an adverb, 及相关部门 another unit; a name before a comma and a verb is one"
    );
}

#[test]
fn a_unit_acting_on_another_is_the_subject_not_both() {
    let n = parse(concat!(
        "关于开展安全宣传的通知\n",
        "各单位:\n",
        "一、教育部门督促各大中小学开展安全教育。\n",
        "二、县应急局会同各乡镇开展隐患排查。\n",
    ));
    assert_eq!(offices(&n)[0], ["教育部门"], "督促 ends the name: the schools are its object");
    assert!(!offices(&n)[1].iter().any(|u| u.contains("会同")), "{:?}", offices(&n)[1]);
}
