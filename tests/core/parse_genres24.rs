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
