//! The forms the twentieth pass on issue #15 reads (short texts written for these tests, in
//! the shape of real ones in tests/fixtures/genres/unseen3, unseen4, unseen18 and unseen19):
//! a numbered item that opens with a bare 要 sentence.

use crate::parse_genres3::{directives, offices};
use crate::parse_genres17::parse_at;

#[test]
fn an_item_opening_with_a_bare_requirement_is_one_directive_with_every_subject() {
    let n = parse_at(
        "2020-03-01",
        concat!(
            "切实做好春季森林草原防火工作要求\n",
            "现对我市春季期间森林草原防火工作提出如下要求。请各地贯彻落实。\n",
            "一、各地要切实把思想和行动统一到党中央决策部署上来,狠抓各项责任措施落实。\n",
            "二、要坚决克服麻痹思想,牢记去年春季的火灾教训。要强化林草部门管理责任,切实做到守土有责。",
            "要加强防灭火物资储备,满足扑救火灾需要。各地要结合疫情防控工作,及时发布火险预警信息。\n",
        ),
    );
    assert_eq!(offices(&n), [vec!["各地"], vec!["各地"]]);
    let second = &directives(&n)[1];
    assert!(second.text.starts_with("要坚决克服麻痹思想"), "{}", second.text);
    assert!(second.text.contains("物资储备"), "the item's later sentences are its own");
}
