//! 行动句 — what a sentence of running text does by its first words: it opens with what to do
//! (`及时制定整改计划`, `自10月11日起，每日报送…`), it tells what was done (`…消除了安全隐患`), or it
//! tells what the issuer itself will do (`我站将在9月份…`). Split from start.rs, which finds where
//! requirements start with them.

use crate::notice::subject::modal_subject;

/// Words that open a sentence of what to do, with no subject (通过…做好, 结合…检查, 组织人员…,
/// 依法依规开展…, 对…深入开展…).
const ACTIONS: [&str; 25] = [
    // 及时制定整改计划,督促隐患单位…: how soon, then what.
    "及时",
    // (节日前)进行一次安全生产大检查.
    "进行",
    "制定",
    "通过",
    "结合",
    "组织",
    "依法",
    "对前期",
    "对重点",
    "对发现",
    "对排查",
    "加大",
    "深入开展",
    "全面开展",
    "严格落实",
    "切实加强",
    "督促",
    "强化",
    "建立",
    "广泛发动",
    "跟踪督办",
    "对照",
    "加强",
    // 同时,充分利用村村响、小喇叭…开展宣传教育: the means, then what.
    "充分利用",
    "充分发挥",
];

/// Whether a sentence opens with what to do and names no one before it, or with the day it
/// starts (自10月11日起，每日报送…).
pub(super) fn opens_with_action(sentence: &str) -> bool {
    // 节日前及近期进行一次安全生产大检查: the time it is for, then what.
    let task = when_prefix(sentence).map_or(sentence, |at| &sentence[at..]);
    (ACTIONS.iter().any(|a| task.starts_with(a)) || from_day(sentence)) && modal_subject(sentence).is_none()
}

/// `节日前及近期`, `节前`, `近期`: a time with no date that a task opens with — its length.
fn when_prefix(sentence: &str) -> Option<usize> {
    const TIMES: [&str; 8] =
        ["节日前及近期", "节前及近期", "节日前", "节日期间", "节前", "近期", "节后", "定期"];
    TIMES.iter().find(|t| sentence.starts_with(**t)).map(|t| t.len())
}

/// `提高认识,切实增强…` / `强化措施,坚决维护…`: a sentence that opens with a verb of what
/// to do, then its first phrase ends (a headline of the task), with no subject of its own.
pub(super) fn imperative(sentence: &str) -> bool {
    const VERBS: [&str; 26] = [
        "提高",
        "强化",
        "加强",
        "坚持",
        "落实",
        "推进",
        "深化",
        "严格",
        "狠抓",
        "压实",
        "健全",
        "完善",
        "抓好",
        "做好",
        "注重",
        "突出",
        "聚焦",
        "筑牢",
        "夯实",
        "务实",
        "推动",
        "发挥",
        "充分发挥",
        "确保",
        "联合开展",
        "切实",
    ];
    let phrase = crate::notice::text::first_phrase(sentence);
    // A slogan quoted in it (强化“隐患就是事故、…”的理念) counts as one word.
    let mut quoted = false;
    let own = phrase
        .chars()
        .filter(|&c| {
            let inside = quoted;
            quoted = (quoted || c == '“') && c != '”';
            !inside
        })
        .count();
    VERBS.iter().any(|v| sentence.starts_with(v))
        && own <= 16
        && phrase.len() < sentence.trim_end_matches(['。', '；', ';']).len()
        && modal_subject(sentence).is_none()
}

/// `思想要高度重视`, `责任要落实到位`: a sentence that opens with a topic of one to three
/// characters (no unit) and its 要.
pub(super) fn topic_modal(sentence: &str) -> bool {
    let Some(at) = sentence.find('要') else { return false };
    let topic = &sentence[..at];
    let n = topic.chars().count();
    (1..=3).contains(&n)
        && topic.chars().all(crate::notice::text::is_han)
        && !topic.contains('各')
        && !sentence[at..].starts_with("要求")
        && !crate::notice::unit_name::is_unit(topic)
}

/// `通过专项检查,有效及时的消除了安全隐患`: a sentence that tells what was done (a verb and
/// its 了; not 为了, 除了, 了解).
pub(super) fn tells_done(sentence: &str) -> bool {
    let han = crate::notice::text::is_han;
    let chars: Vec<char> = sentence.chars().collect();
    (1..chars.len().saturating_sub(1)).any(|i| {
        let (before, after) = (chars[i - 1], chars[i + 1]);
        // 除了… is a preposition where it opens a phrase; 消除了 is done.
        let preposition = before == '除' && (i < 2 || !han(chars[i - 2]));
        chars[i] == '了' && han(before) && !"为不得".contains(before) && !preposition && after != '解'
    })
}

/// `自10月11日起，` / `从即日起，`: a day things start from, then a comma.
fn from_day(sentence: &str) -> bool {
    let Some(rest) = sentence.strip_prefix(['自', '从']) else { return false };
    let Some(at) = rest.find("起").filter(|&at| rest[..at].chars().count() <= 10) else { return false };
    let day = &rest[..at];
    (day == "即日" || day.contains('月') && day.contains('日'))
        && rest[at + "起".len()..].starts_with(['，', ','])
}

/// `我站将在9月份对各监督站的监督检查情况进行专项督查`: what the issuer itself will do, told
/// beside what it asks — no requirement of the units.
pub(super) fn issuer_will(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['我', '本']) else { return false };
    ["站", "局", "委", "办", "处", "院", "厅", "部", "中心", "支队", "大队", "总队", "队", "室", "科"]
        .iter()
        .filter_map(|u| rest.strip_prefix(u))
        .any(|r| r.starts_with('将'))
}
