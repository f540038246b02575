//! Tests of the 责任单位 lines and brackets reader (units.rs).

use super::*;
use crate::notice::unit_list::after_tail;

fn both(u: &UnitLine) -> (Vec<&str>, Vec<&str>) {
    (u.lead.iter().map(String::as_str).collect(), u.support.iter().map(String::as_str).collect())
}

/// The reading before it was made fast: every bracket forward, the last list kept; every
/// label looked for forward.
fn last_unit_line_forward(text: &str, rules: UnitRules) -> Option<UnitLine> {
    let mut found = None;
    for (i, c) in text.char_indices() {
        if !matches!(c, '（' | '(' | '〔') {
            continue;
        }
        match matching_close(text, i) {
            Some(close) => {
                if let Some((lead, support)) = read_list(inner(text, i, close), rules) {
                    let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
                    found = Some(UnitLine { lead, support, range: i..end });
                }
            }
            None => {
                if let Some((lead, support)) = cut_list(&text[i..], rules) {
                    found = Some(UnitLine { lead, support, range: i..text.len() });
                }
            }
        }
    }
    found
}

fn labelled_forward(text: &str) -> bool {
    LEAD_LABELS.iter().chain(&RESPONSIBLE_LABELS).chain(&SUPPORT_LABELS).any(|l| {
        text.match_indices(l).any(|(i, _)| after_tail(&text[i + l.len()..]).starts_with(['：', ':']))
    })
}

proptest::proptest! {
    #[test]
    fn the_last_list_is_found_from_the_end(
        parts in proptest::collection::vec(
            "（|）|\\(|\\)|〔|〕|责任单位|牵头|配合|分工负责|：|:|、|；|，|\n|县局|甲|及责任人", 0..16)
    ) {
        let text = parts.concat();
        for rules in [UnitRules::default(), UnitRules { first_is_lead: true, ..UnitRules::default() }] {
            proptest::prop_assert_eq!(find_last_unit_line_with(&text, rules), last_unit_line_forward(&text, rules));
        }
        proptest::prop_assert_eq!(
            names_units(&text),
            labelled_forward(&text) || find_inline(&text).is_some()
        );
    }
}

#[test]
fn a_bracket_cut_off_before_it_closed_gives_its_whole_names() {
    let text =
        "进一步加强安全生产宣传引导。 (责任单位: 县委宣传部、县委党校,协同责任单位:县安委会各成员单位,";
    let line = find_last_unit_line_with(text, UnitRules::default()).unwrap();
    assert_eq!(both(&line).0, ["县委宣传部", "县委党校"]);
    // A name cut in the middle is left out.
    let line =
        find_last_unit_line_with("加强宣传。(责任单位:县委宣传部、县委党", UnitRules::default()).unwrap();
    assert_eq!(both(&line).0, ["县委宣传部"]);
    // An unlabelled bracket left open is no list.
    assert!(find_last_unit_line_with("加强宣传(县委宣传部、县委党校", UnitRules::default()).is_none());
}

#[test]
fn a_remark_after_the_names_is_no_name() {
    let text = "组织观看专题片。(牵头责任单位:县委宣传部、县应急管理局,协同责任单位:县安委会各成员单位。\
                各镇(园区)落实属地管理责任,以下均需各乡镇(园区)落实属地管理责任,不再重复列出)";
    let line = find_last_unit_line_with(text, UnitRules::default()).unwrap();
    assert_eq!(both(&line), (vec!["县委宣传部", "县应急管理局"], vec!["县安委会各成员单位"]));
    // Labels set apart by a full stop are still read.
    let line = find_last_unit_line("加强考评。（牵头单位：县应急局。配合单位：县公安局）").unwrap();
    assert_eq!(both(&line), (vec!["县应急局"], vec!["县公安局"]));
}

#[test]
fn reads_the_seed_form() {
    let text = "加强考评。（责任处室：防火监督处、新闻宣传处）";
    let line = find_last_unit_line(text).unwrap();
    assert_eq!(both(&line), (vec!["防火监督处", "新闻宣传处"], vec![]));
    assert_eq!(line.phrase(text), "（责任处室：防火监督处、新闻宣传处）");
}

#[test]
fn keeps_lead_and_support_apart_and_nested_brackets_whole() {
    let line =
        find_last_unit_line("(牵头单位:市交通委（市道运局）；配合单位：各县（市、区）人民政府、队务处)")
            .unwrap();
    assert_eq!(both(&line), (vec!["市交通委（市道运局）"], vec!["各县（市、区）人民政府", "队务处"]));
    let line = find_last_unit_line("（牵头单位：政治处；责任单位：各大队、机关各科室）").unwrap();
    assert_eq!(both(&line), (vec!["政治处"], vec!["各大队", "机关各科室"]));
    let line = find_last_unit_line("（责任单位：防火监督处牵头，各支队配合）").unwrap();
    assert_eq!(both(&line), (vec!["防火监督处"], vec!["各支队"]));
}

#[test]
fn first_unit_leads_where_the_notice_says_so() {
    let rules = UnitRules::of_notice("（注：责任单位排在第一位的为牵头单位）");
    assert!(rules.first_is_lead);
    let line = find_last_unit_line_with("（责任单位：防火监督处、法制处、各支队）", rules).unwrap();
    assert_eq!(both(&line), (vec!["防火监督处"], vec!["法制处", "各支队"]));
    assert!(!UnitRules::of_notice("各单位要牵头抓总").first_is_lead);
}

#[test]
fn a_time_limit_in_the_bracket_is_not_a_unit() {
    let line =
        find_last_unit_line("(牵头单位:县住建局;责任单位:各乡镇、县大队;完成时限:2023年10月底前)").unwrap();
    assert_eq!(both(&line), (vec!["县住建局"], vec!["各乡镇", "县大队"]));
    let line = find_last_unit_line("（责任单位：县应急局，完成时限：每季度）").unwrap();
    assert_eq!(both(&line), (vec!["县应急局"], vec![]));
}

#[test]
fn ignores_other_brackets() {
    assert_eq!(find_last_unit_line("学习《讲话材料》（扩大）会议"), None);
    assert_eq!(find_last_unit_line("储备（详见附件）"), None);
    assert_eq!(find_last_unit_line("（总队领导、各处室负责同志参加会议）"), None);
}

#[test]
fn bare_lines_and_collectives() {
    let rules = UnitRules::default();
    let line = standalone("责任部门：市城管委、市水务局", rules).unwrap();
    assert_eq!(both(&line), (vec!["市城管委", "市水务局"], vec![]));
    let line = standalone("（责任单位：各区、县级市）", rules).unwrap();
    assert_eq!(both(&line), (vec!["各区、县级市"], vec![]));
    assert_eq!(standalone("责任编辑：李某", rules), None);
    let line = standalone("责任单位及责任人:呈贡县政府、市发改委、市公安消防支队主要领导。", rules).unwrap();
    assert_eq!(both(&line), (vec!["呈贡县政府", "市发改委", "市公安消防支队主要领导"], vec![]));
    assert_eq!(standalone("加强检查（责任单位：甲）", rules), None);
}

#[test]
fn inline_lead_and_support() {
    let text = "由防火监督科牵头，各大队配合，4月底前完成";
    let u = find_inline(text).unwrap();
    assert_eq!(both(&u), (vec!["防火监督科"], vec!["各大队"]));
    assert_eq!(u.phrase(text), "由防火监督科牵头，各大队配合");
    let u = find_inline("由宣传科负责，每月选取").unwrap();
    assert_eq!(both(&u), (vec!["宣传科"], vec![]));
    assert_eq!(find_inline("由主要负责同志亲自抓"), None);
    assert_eq!(find_inline("成立由县应急局牵头的工作专班"), None, "who leads a body set up");
    assert_eq!(find_inline("会议由支队长主持"), None);
    let u = find_inline("3.县应急管理局牵头，县消防救援大队、各乡镇配合，开展排查").unwrap();
    assert_eq!(both(&u), (vec!["县应急管理局"], vec!["县消防救援大队", "各乡镇"]));
    assert_eq!(find_inline("坚持党委领导、政府牵头，部门配合"), None);
}

#[test]
fn a_leaders_name_before_the_first_label_is_no_unit() {
    let rules = UnitRules::default();
    let (lead, support) = read_list("责任领导:杜新国;牵头单位:区发改局;责任单位:区林业局,相关乡镇办", rules)
        .expect("a labelled list");
    assert_eq!(
        (lead.as_slice(), support.as_slice()),
        (&["区发改局".to_owned()][..], &["区林业局".to_owned(), "相关乡镇办".to_owned()][..])
    );
    assert_eq!(read_list("责任领导:杜新国", rules), None, "a leader alone names no unit");
}
