//! 动词前的主语 — units that do their task with no 要 between: a 各-collective before a verb
//! (`各队站积极组织…`, `各地、各部门结合…`), a unit's bare name first in a 批示 (`海洋局认真抓紧
//! 整改`), and the addressee after 请 whatever the verb (`请各单位加大巡查密度`). Split from
//! subject.rs (the subjects before a modal), which re-exports these.

use super::subject::{collective_units, subject_units};
use super::unit_name::is_unit;
use std::sync::LazyLock;

/// Verbs after a 各-collective with no 要 (`各队站积极组织…`, `要求各地制定…`); its heads
/// 作为第一责任人 name it the one answerable (`各区县政府主要负责同志作为第一责任人`).
const VERBS: [&str; 58] = [
    "坚持",
    // 各县(市、区)人民政府是城市消防专项规划的编制主体: what a unit is answers for it.
    "是",
    // 各街镇、各单位充分利用多种渠道和形式: how fully, then what.
    "充分",
    // 要求经营主体单位即日进行整改: when it starts, then what.
    "即日",
    // 市气象局依法履行…职责: the law it acts by, then what it does.
    "依法",
    "履行",
    "作为第一责任",
    "作为责任主体",
    "在",
    "于",
    "按时",
    "按照",
    "抓紧",
    "积极",
    "立即",
    "迅速",
    "认真",
    "切实",
    "做好",
    "制定",
    "加强",
    "开展",
    "组织",
    "落实",
    "对",
    "抓好",
    "进一步",
    "全面",
    "严格",
    "结合",
    "深入",
    "持续",
    "及时",
    "明确",
    "强化",
    "务必",
    "协力",
    "聚焦",
    "尽快",
    // 气象部门密切关注天气变化, 应急管理部门随时待命.
    "密切",
    "随时",
    // 各地具体实施…, 各有关部门依据相关法律法规…, 质量监督部门依法负责…
    "具体",
    "依据",
    "依法",
    "精心",
    // 区住建局、昆仑燃气公司利用10个工作日…, 红云城管中队争取10个工作日内…
    "利用",
    "争取",
    // 要求扑火队靠前驻防
    "靠前",
    // 各乡镇(街道)通过发文、挂牌等形式,成立…: how the unit does it.
    "通过",
    // 会议要求,各相关部门继续巩固…: going on with it.
    "继续",
    // 各相关部门安排好时间,积极组织…: arranging what it is to do.
    "安排",
    // 各地各有关部门紧盯重点行业领域, 着力防范…, 主动靠前…, 全力做好…, 扎实推进….
    "紧盯",
    "着力",
    "主动",
    "全力",
    "扎实",
    "坚决",
    "高度重视",
];
/// A 各-collective followed by a verb (`各队站积极组织`, `各地制定`, `各地、各部门结合`), with its
/// length in bytes; a list of collectives joined by 、 comes back as written.
pub fn collective_before_verb(s: &str) -> Option<(String, usize)> {
    if !s.starts_with('各') {
        return None;
    }
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(16).collect();
    ends.iter().skip(1).rev().find_map(|&end| {
        let (name, rest) = s.split_at(end);
        if !is_unit(name) {
            return None;
        }
        if VERBS.iter().any(|v| rest.starts_with(v)) || reports_when(rest) {
            return Some((name.to_owned(), end));
        }
        let rest = rest.strip_prefix('、')?;
        let (more, len) = collective_before_verb(rest).or_else(|| governed_before_verb(rest))?;
        Some((format!("{name}、{more}"), end + '、'.len_utf8() + len))
    })
}

/// `每周五下午16时前报送…`, `每月15日前上报…`: when it recurs, then the report the collective
/// sends.
fn reports_when(rest: &str) -> bool {
    let Some(when) = rest.strip_prefix('每') else { return false };
    let Some(before) = when.find('前').filter(|&at| when[..at].chars().count() <= 12) else { return false };
    let after = &when[before + '前'.len_utf8()..];
    ["报送", "上报", "报", "提交"].iter().any(|v| after.starts_with(v))
}

/// After `各乡镇、`, a short unit without 各 that the first 各 governs (`街道落实…`).
fn governed_before_verb(s: &str) -> Option<(String, usize)> {
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(6).collect();
    ends.iter().skip(1).rev().find_map(|&end| {
        let (name, rest) = s.split_at(end);
        (is_unit(name) && VERBS.iter().any(|v| rest.starts_with(v))).then(|| (name.to_owned(), end))
    })
}

/// After 请, a unit's name followed by what it is to do, whatever the verb (`请各单位加大巡查密度`):
/// after 请 the name can be nothing but the addressee. The longest name that reads as a unit.
pub fn named_after_please(s: &str) -> Option<Vec<String>> {
    // 请与本站联系, 请向县应急局报送: a preposition's object is not the addressee.
    if s.starts_with([
        '与', '向', '和', '同', '跟', '对', '给', '在', '于', '按', '把', '将', '从', '经', '由',
    ]) {
        return None;
    }
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(16).collect();
    ends.iter().skip(1).rev().find_map(|&end| {
        let (name, rest) = s.split_at(end);
        let next = rest.chars().next()?;
        // …发展区及时将通知转发: 及时 is an adverb, not 及 joining another name.
        let timely = rest.starts_with("及时");
        let joins = matches!(next, '的' | '、' | '和' | '及' | '与' | '（' | '(') && !timely;
        // 要求各乡镇(街道)将本辖区内…: what follows 将 or 把 is the object, not more name.
        let object = name.chars().skip(1).any(|c| c == '将' || c == '把');
        // 各部门、村(社区)…: no name is cut inside a longer one (各部 of 各部门).
        let cut = is_unit(&s[..end + next.len_utf8()]);
        // 请有关单位每半年向市局报送: a time (每…) ends the name before it.
        // 要求各级物业主管部门,物业服务企业、物业协会广泛开展…: or the name set off by a comma.
        // (A body's name: 各项工作落实落地, set off the same way, is none.)
        let body = || {
            ["部门", "单位", "企业", "协会", "机构", "局", "委", "办", "中心", "公司", "街道", "乡镇", "社区"]
                .iter()
                .any(|e| name.ends_with(e))
        };
        let ends_name = super::text::is_han(next) || matches!(next, '，' | ',') && body();
        (ends_name && !joins && !object && !cut && !name.contains('每'))
            .then(|| subject_units(name))
            .flatten()
    })
}

/// A unit by name followed by a verb, no 要 (`海洋局认真抓紧整改`, `交通局按照…`): as the
/// first words of a 批示 or after 请 only, where a bare name can be nothing but the addressee.
/// `芦阳街道各社区、各居民小区物业公司从即日起开展…`: the units, then from when they act.
pub fn named_from_when(s: &str) -> Option<Vec<String>> {
    let at = s.find('从').filter(|&at| s[..at].chars().count() <= 30)?;
    if !s[at..].chars().take(14).any(|c| c == '起') {
        return None;
    }
    subject_units(&s[..at])
}

pub fn named_before_verb(s: &str) -> Option<Vec<String>> {
    // 鼓励有条件的物业和企业积极申报…: whom the text encourages is not who is asked.
    if ["鼓励", "引导", "支持", "欢迎"].iter().any(|w| s.starts_with(w)) {
        return None;
    }
    if let Some((u, _)) = collective_before_verb(s) {
        return Some(collective_units(&u));
    }
    if let Some(units) = listed_before_verb(s) {
        return Some(units);
    }
    if let Some(units) = named_from_when(s) {
        return Some(units);
    }
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(16).collect();
    ends.iter().skip(1).rev().find_map(|&end| {
        let (name, rest) = s.split_at(end);
        // 有关单位每半年向市局报送: a time (每…) ends the name before it.
        (VERBS.iter().any(|v| rest.starts_with(v)) && !name.contains(['、', '每']) && !governs_another(name))
            .then(|| subject_units(name))
            .flatten()
    })
}

/// `城市管理综合执法局、交警大队、…、文广新局等有关部门积极协同`: a long list of units closed by
/// 等 and their kind, then a verb — one subject, as written, however many names it holds.
fn listed_before_verb(s: &str) -> Option<Vec<String>> {
    let head: &str = s.char_indices().nth(80).map_or(s, |(at, _)| &s[..at]);
    if !head.contains('等') {
        return None;
    }
    let (at, kind) = super::subject::LIST_KINDS
        .iter()
        .filter_map(|k| head.find(k).map(|at| (at, k)))
        .min_by_key(|(at, _)| *at)?;
    let end = at + kind.len();
    let (name, rest) = s.split_at(end);
    (name.contains('、') && (VERBS.iter().any(|v| rest.starts_with(v)) || super::subject::is_modal(rest)))
        .then(|| subject_units(name))
        .flatten()
}

/// Verbs by which a task list's item assigns its task to the unit it opens with
/// (`乡镇街道建立完善…`, `市级政府对职能交叉…`, `县应急局牵头，…`), besides [`VERBS`].
const TASK_VERBS: [&str; 24] = [
    "建立",
    "健全",
    "完善",
    "负责",
    "牵头",
    "推动",
    "推进",
    "督促",
    "指导",
    "会同",
    "联合",
    "每年",
    "每季度",
    "每月",
    "定期",
    "加大",
    "加快",
    "实施",
    "部署",
    "研究",
    "召开",
    "出台",
    "制定",
    "组建",
];

/// The characters a verb of [`VERBS`] or [`TASK_VERBS`] opens with: the verbs are looked for
/// at each of a sentence's first sixteen characters, and most characters open none.
static VERB_FIRSTS: LazyLock<Vec<char>> =
    LazyLock::new(|| VERBS.iter().chain(&TASK_VERBS).filter_map(|v| v.chars().next()).collect());

/// A period opening a sentence (`从即日起到12月29日`, `自2024年3月1日起至6月底,`).
static LEADING_PERIOD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:从|自)?(?:即日|(?:\d{4}年)?\d{1,2}月\d{1,2}日)起?(?:至|到)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)(?:止|前)?[，,]?",
    )
    .expect("leading period regex")
});

/// `即日起至9月20日全面集中排查…` → `全面集中排查…`: the words after a period that opens them
/// (the whole when none does).
pub fn after_leading_period(s: &str) -> &str {
    if !(s.starts_with(['从', '自', '即']) || s.starts_with(|c: char| c.is_ascii_digit())) {
        return s;
    }
    LEADING_PERIOD.find(s).map_or(s, |m| &s[m.end()..])
}

/// The unit a numbered item opens with, followed by what it is to do (`乡镇街道建立完善本级消防
/// 安全委员会`, `市级政府落实消防安全约谈机制`): in a task list the item's first words name who
/// does it. The longest name that reads as units.
pub fn opening_subject(s: &str) -> Option<Vec<String>> {
    // 督促物业服务公司…, 对存在问题的单位…, 针对林区周边等场所…, 每季度提请市政府…: a sentence
    // that opens with a verb, a preposition or a time has no unit for its subject.
    // 鼓励物业服务企业通过技防手段…: whom the text encourages is not who is asked.
    // 统一组织相关职能部门对…: an adverb that opens what the subject before it does.
    const OTHERS: [&str; 21] = [
        "协调", "要求", "通过", "确保", "针对", "围绕", "根据", "依据", "为", "以", "紧盯", "聚焦", "坚持",
        "突出", "深化", "在", "鼓励", "引导", "支持", "动员", "统一",
    ];
    // 从即日起到12月29日各教学单位、各部门做好自查工作: the units after the period they work in.
    let after = after_leading_period(s);
    if after.len() < s.len() && !after.is_empty() {
        return opening_subject(after);
    }
    // 由区县(地区)组织开展…: the units after 由 do the work (not 由于, because).
    if let Some(by) = s.strip_prefix('由') {
        return if by.starts_with('于') { None } else { opening_subject(by) };
    }
    let verb_first = VERBS.iter().chain(&TASK_VERBS).chain(&OTHERS).any(|v| s.starts_with(v));
    if verb_first || s.starts_with(['（', '(', '“', '"', '《']) {
        return None;
    }
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(16).collect();
    ends.iter().skip(1).rev().find_map(|&end| {
        let (name, rest) = s.split_at(end);
        // 至今尚未完成标准化建设的乡镇: a name qualified by a clause describes which units.
        // 镇安委会办公室负责监督各单位组织…: a name holds no 负责 (the verb is the first).
        // 教育部门督促各大中小学开展…: nor a verb by which one unit acts on another.
        // 挂牌整治工作情况将纳入市政府对…: nor 将 or 把 (an object follows them) nor a time (每),
        // nor 对 (…主管部门对属地在建项目…: what it acts on).
        let verb = rest.starts_with(|c: char| VERB_FIRSTS.contains(&c))
            && VERBS.iter().chain(&TASK_VERBS).any(|v| rest.starts_with(v))
            && !name.contains(['的', '将', '把', '每', '对'])
            && !governs_another(name);
        verb.then(|| subject_units(name)).flatten()
    })
}

/// Verbs by which one unit acts on another (`教育部门督促各大中小学开展…`, `县应急局会同各乡镇…`):
/// no unit's name holds one, so a name read up to a later verb stops before them.
fn governs_another(name: &str) -> bool {
    // 各级政府组织行业部门开展…, but 县委组织部 is a unit.
    let organises = name.match_indices("组织").any(|(at, w)| !name[at + w.len()..].starts_with('部'));
    organises
        || ["负责", "督促", "指导", "会同", "牵头", "配合", "协助", "联合", "通过"]
            .iter()
            .any(|w| name.contains(w))
}
