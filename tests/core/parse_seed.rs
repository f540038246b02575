//! The seed notice (a real one) parses into exactly the structure the officers expect.

use crate::support::date;
use duban::model::NoticeDraft;
use duban::notice::{NoticeError, decode_text, parse_notice, split_clauses};

const SEED: &[u8] = include_bytes!("../fixtures/seed-notice.txt");

fn seed() -> NoticeDraft {
    let text = decode_text(SEED).expect("seed decodes").text;
    parse_notice(&text, date("2022-03-16")).expect("seed parses")
}

#[test]
fn header_fields() {
    let n = seed();
    assert_eq!(n.title, "辽宁省消防救援总队关于2022年第10次办公会议工作要求的通知");
    assert_eq!(n.issuer.as_deref(), Some("辽宁省消防救援总队"));
    assert_eq!(n.recipients, ["各支队", "机关各处室"]);
    assert_eq!(n.meeting.as_deref(), Some("2022年第10次办公会议"));
    assert!(n.preamble.starts_with("近日，消防救援局召开第8次党委（扩大）会"));
    assert!(n.preamble.ends_with("不折不扣抓好落实。"));
    assert_eq!(n.closing, "");
}

#[test]
fn five_sections_with_their_titles_and_offices() {
    let n = seed();
    let titles: Vec<&str> = n.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "重大风险防范务必标本兼治、狠抓落实",
            "灾害事故应对务必以练促战、以演促战",
            "疫情防控工作务必从严从紧、守住底线",
            "掀起“两会”精神学习热潮",
            "推动滞留士兵移交安置",
        ]
    );
    let numbers: Vec<&str> = n.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["一", "二", "三", "四", "五"]);
    let offices: Vec<Vec<&str>> =
        n.sections.iter().map(|s| s.offices.iter().map(String::as_str).collect()).collect();
    assert_eq!(
        offices,
        vec![
            vec!["防火监督处", "新闻宣传处"],
            vec!["指挥中心", "作战训练处", "特种灾害救援处", "信息通信处"],
            vec!["新闻宣传处", "后勤装备处"],
            vec!["各处室"],
            vec!["队务处"],
        ]
    );
    for section in &n.sections {
        for d in &section.directives {
            assert_eq!(d.offices, section.offices, "{} inherits its section's offices", d.number);
            assert!(d.support_offices.is_empty());
        }
    }
}

#[test]
fn directives_are_the_parallel_requirements() {
    let n = seed();
    let count = n.directive_count();
    assert!((15..=18).contains(&count), "15 to 18 directives, got {count}");
    let titles: Vec<(&str, &str)> = n.directives().map(|d| (d.number.as_str(), d.title.as_str())).collect();
    for (number, start) in [
        ("一", "在建工地治理"),
        ("一", "人员密集场所管控"),
        ("一", "监督执法质效"),
        ("二", "系统练兵备战"),
        ("二", "森林火灾扑救"),
        ("二", "自然灾害应对"),
        ("三", "机关要严格管理"),
        ("三", "队伍要加强管控"),
        ("三", "信息要及时报告"),
        ("四", "深刻领悟“两会”精神实质"),
        ("四", "更加持续深入加强党的建设"),
        ("四", "更加有力有效地推动工作落实"),
        ("五", "提高站位"),
        ("五", "化解矛盾"),
        ("五", "健全机制"),
    ] {
        let hits = titles
            .iter()
            .filter(|(num, title)| num.starts_with(&format!("{number}.")) && title.starts_with(start))
            .count();
        assert_eq!(hits, 1, "one directive of {number}、 starts with {start}; got {titles:?}");
    }
    // Numbers run 一.1, 一.2, … inside each section.
    let four: Vec<&str> = n.sections[3].directives.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(four, ["四.1", "四.2", "四.3"]);
}

#[test]
fn deadlines_come_from_the_words() {
    let n = seed();
    for d in n.directives() {
        if d.number == "五.1" {
            assert_eq!(d.deadline.date, Some(date("2022-12-31")));
            assert_eq!(d.deadline.phrase.as_deref(), Some("年底"));
            assert!(!d.deadline.inferred);
        } else {
            // 本周工作重点 in the preamble: the Sunday of the issue week, marked inferred.
            assert_eq!(d.deadline.date, Some(date("2022-03-20")), "{}", d.number);
            assert_eq!(d.deadline.phrase.as_deref(), Some("本周工作重点"));
            assert!(d.deadline.inferred);
        }
        assert_eq!(d.deadline.recurrence, None);
    }
}

#[test]
fn no_sentence_is_lost() {
    let n = seed();
    let text = decode_text(SEED).unwrap().text;
    let mut kept = vec![n.title.clone(), n.preamble.clone(), n.closing.clone()];
    for s in &n.sections {
        kept.push(s.title.clone());
        kept.push(s.offices.join("、"));
        kept.extend(s.directives.iter().map(|d| d.text.clone()));
    }
    let kept = kept.concat();
    let body_start = text.find("一、").unwrap();
    for clause in split_clauses(&text[body_start..]) {
        let sentence = clause.trimmed().trim_start_matches(|c: char| "一二三四五六七八九十、".contains(c));
        let sentence = sentence.trim_end_matches(['。', '；']);
        let sentence = sentence.split('（').next().unwrap();
        if !sentence.is_empty() {
            assert!(kept.contains(sentence), "lost: {sentence}");
        }
    }
    // Directive texts are whole sentences from the section, in order.
    for s in &n.sections {
        let mut at = 0;
        for d in &s.directives {
            let found = s.text[at..].find(&d.text).unwrap_or_else(|| panic!("{} not in order", d.number));
            at += found + d.text.len();
        }
    }
}

#[test]
fn refuses_what_is_not_a_notice() {
    let day = date("2022-03-16");
    assert!(matches!(parse_notice("", day), Err(NoticeError::Empty)));
    assert!(matches!(parse_notice("今天天气很好。\n明天也好。", day), Err(NoticeError::NoSections)));
    assert!(matches!(parse_notice("一、\u{0}\u{1}\u{2}", day), Err(NoticeError::NotText)));
    let message = parse_notice("只有一段话。", day).unwrap_err().to_string();
    assert!(message.contains("未找到编号部分"), "{message}");
}
