//! 说明性部分 — the parts of a notice or plan that describe rather than assign: 背景, 指导思想,
//! 总体要求, 原则, 时间安排, a body's standing duties, an inspection's own plan, the make-up of
//! its teams. Their text is kept; they yield no directive. The section builder (section.rs) asks.

use std::sync::LazyLock;

use regex::Regex;

use super::text::strip_end_mark;

/// 背景, 指导思想, 总体要求, 目标, 原则, 时间安排…: a part of a plan or an explanation that
/// describes rather than assigns — its text is kept, it yields no directive.
pub fn is_descriptive(title: &str) -> bool {
    const ENDS: [&str; 94] = [
        // An inspection's own plan: when, whom, what it looks at (督察时间, 检查对象, 督查重点);
        // 报送时间 (请于3月25日前报送) is a requirement.
        "督察时间",
        "督查时间",
        "检查时间",
        "督察对象",
        "督查对象",
        "检查对象",
        "督察重点",
        "督查重点",
        "检查重点",
        // 四、排查整治重点 (一)消防安全责任落实情况: what a campaign looks at.
        "排查重点",
        "整治重点",
        // 一、夜查行动时间 / 二、夜查重点内容: when an action runs and what it looks at.
        "行动时间",
        // 二、演练时间:11月24日 / 三、演练地点: 教学楼前广场 / 一、培训内容:…: the issuer's own
        // drill or training, when, where and what (a campaign's 活动时间 dates its tasks: not here).
        "演练时间",
        "演练地点",
        "演练内容",
        "培训时间",
        "培训地点",
        "培训内容",
        "培训对象",
        "重点内容",
        "保障措施",
        "组织保障",
        "工作保障",
        "会议时间",
        "会议地点",
        "参会人员",
        "参加人员",
        "参会范围",
        "会议议程",
        "会议议题",
        "会议日程",
        "议程",
        "议题",
        "背景",
        "指导思想",
        "总体要求",
        "目标要求",
        "原则",
        "目标",
        "目标任务",
        // 一、工作目标坚持以人民为中心…: the whole names, so a title run into its text is
        // told (目标 and 原则 alone may open a task: 目标是…, 原则上…).
        "工作目标",
        "总体目标",
        "工作原则",
        "基本原则",
        "主要内容",
        // 二、排查整治内容:重点排查…: what a campaign looks at, as 检查重点 is.
        "排查整治内容",
        "检查内容",
        // 二、检查方式:本次检查以各住宿书院自查…为主要方式: how the issuer inspects.
        "检查方式",
        "抽查方式",
        "督查方式",
        // 二、抽查存在的问题:无 / 一、检查情况:…: what an inspection found, told.
        "存在的问题",
        "检查情况",
        "抽查情况",
        "督查情况",
        "检查结果",
        "抽查结果",
        "督查结果",
        "督查内容",
        "时间安排",
        "实施时间",
        "适用范围",
        "实施范围",
        "检查范围",
        "整改范围",
        "整治范围",
        // 二、自查自纠范围 全市所有劳动密集型企业(…): which units the work covers.
        "自纠范围",
        // 一、禁燃禁放范围 / 二、禁燃禁放时间 / 三、禁燃禁放种类: what a ban covers.
        "禁放范围",
        "禁放时间",
        "禁放种类",
        // 一、限时燃放区域:… / 二、燃放时间:… / 三、禁止燃放地点:…: where and when the public may.
        "燃放区域",
        "燃放时间",
        "燃放地点",
        "排查范围",
        "督查范围",
        // 一、普查范围 包括全省…; (二)普查内容…: what a census or survey covers.
        "普查范围",
        "普查内容",
        "普查对象",
        "调查范围",
        "调查内容",
        "基本情况",
        "总则",
        "目的",
        // 编制依据, 起草依据, 制定依据: what a text rests on.
        "依据",
        // 一、起草背景以及存在问题: what is wrong, told.
        "存在问题",
        // 一、活动主题 关爱生命、安全发展: a campaign's slogan.
        "活动主题",
        "宣传主题",
        "重要意义",
        "必要性",
        // 一、消防工作现状分析 (一)取得的成效 1.…持续优化: where things stand, told.
        "现状分析",
        "工作现状",
        "发展现状",
        "取得的成效",
        "形势分析",
        "面临的形势",
    ];
    // The standing duties of a body being set up (二、主要工作职责 (一)负责…) describe it; only
    // these whole headings, as 压实工作职责 or 履行监管职责 are requirements.
    const DUTIES: [&str; 5] = ["职责", "主要职责", "工作职责", "主要工作职责", "职能职责"];
    let t = strip_end_mark(title).trim_end_matches(['：', ':']);
    // 一、整治目标 通过三年时间,…: a copy whose line breaks became spaces keeps its heading
    // before the first space.
    // 二、检查方式:本次检查以…: a heading told before a colon, its text after it.
    // 四、参加人员为:…: the heading with its 为.
    let glued = t
        .split_once([' ', '\u{3000}', '：', ':'])
        .map(|(h, _)| h.strip_suffix('为').unwrap_or(h))
        .filter(|h| h.chars().count() <= 12);
    // A name's last character is looked up first: most words end in none of them, and are
    // told without comparing the forty names (a task table asks this of every row).
    // The names' last characters, sorted once.
    static LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut last: Vec<char> = ENDS.iter().filter_map(|e| e.chars().next_back()).collect();
        last.sort_unstable();
        last.dedup();
        last
    });
    let may_end = |t: &str| t.chars().next_back().is_some_and(|c| LAST.binary_search(&c).is_ok());
    let ends = |t: &str| may_end(t) && ENDS.iter().any(|e| t.ends_with(e)) || DUTIES.contains(&t);
    // 一、文件背景今年“119”消防宣传月…: a title run into its text with no break at all. Only
    // the names no task begins with (原则上, 目标是, 目的在于 may open one).
    let run_on = t.chars().count() > 15
        && t.char_indices().skip(2).take(5).any(|(i, _)| {
            let (head, text) = t.split_at(i);
            !text.starts_with(['和', '及', '与', '、'])
                && may_end(head)
                && ENDS
                    .iter()
                    .filter(|e| !["原则", "目标", "目的", "议题", "议程", "总则"].contains(e))
                    .any(|e| head.ends_with(e))
        });
    // 二、划定消防安排检查重点: a heading that opens with what to do sets a task, even when it
    // ends as an inspection plan's part does.
    const SETS: [&str; 5] = ["划定", "明确", "确定", "找准", "突出"];
    if SETS.iter().any(|v| t.starts_with(v)) {
        return false;
    }
    // (一)各市县、各有关部门要高度重视…工作,…为领导决策参考提供依据: a long sentence that asks
    // is no heading, whatever word it ends in.
    let asks = || t.chars().count() > 20 && super::report_list::has_modal(t);
    // 三、督查的重点: the names with a 的 between their words.
    let without_de = (t.chars().count() <= 8 && t.contains('的')).then(|| t.replace('的', ""));
    (ends(t) && !asks()) || glued.is_some_and(ends) || run_on || without_de.is_some_and(|t| ends(&t))
}

/// A regulation's article that frames rather than assigns (第一条 为…，特制定本实施细则;
/// 本规定适用于…; 坚持权责一致、依法履职…的原则): its text is kept, it yields no directive.
pub fn is_framing_article(text: &str) -> bool {
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[制订定]本[^，,。]{0,6}(?:办法|规定|细则|条例|制度|方案|意见)").expect("own-rules regex")
    });
    let t = text.trim();
    let first = t.split(['。', '；', ';']).next().unwrap_or(t);
    let own = ["本办法", "本规定", "本细则", "本实施细则", "本条例", "本制度"];
    (t.starts_with('为') && OWN.is_match(first))
        || own.iter().any(|o| t.starts_with(o))
        || (t.starts_with("坚持") && (first.contains("原则") || first.chars().count() <= 30))
}

/// A form's checklist (`是否依法通过消防行政许可 □是 □否`): questions to tick, asked of no one.
pub fn is_checklist(text: &str) -> bool {
    let t = super::text::clean_line(text);
    t.starts_with("是否") && (t.contains('□') || t.contains('☐'))
}

/// A rule for everyone or an encouragement (第五条 任何单位和个人应当遵守…,不得占用…; 第六条
/// 鼓励单位和个人通过12345…举报), or a 通告's ask of the public: no unit is asked by it.
pub fn is_public_rule(text: &str) -> bool {
    let t = super::text::clean_line(text);
    let t = t.split_once(' ').filter(|(number, _)| number.starts_with('第')).map_or(t, |(_, rest)| rest);
    // 七、广大群众应当自觉遵守本通告规定: the public, asked by a 通告.
    const PUBLIC: [&str; 10] = [
        "任何单位",
        "任何组织",
        "任何人",
        "鼓励单位",
        "鼓励社会",
        "鼓励公民",
        "鼓励个人",
        "广大群众",
        "广大市民",
        "广大居民",
    ];
    PUBLIC.iter().any(|w| t.starts_with(w)) || only_permits(t)
}

/// 三、各企业及有关单位防雷装置定期检测工作可自主选择…检测机构: what a unit may do, asked of
/// none (no modal, no 请, a permission).
fn only_permits(t: &str) -> bool {
    const MAY: [&str; 5] = ["可自主", "可自行", "可以自主", "可以自行", "可自愿"];
    MAY.iter().any(|w| t.contains(w)) && !super::report_list::has_modal(t) && !t.contains('请')
}

/// 一、2019年4月5日至7日共3天,4月8日(下周一)正常上班。: the days off and back, told, asked
/// of no one (a holiday notice's first item).
pub fn is_holiday_schedule(text: &str) -> bool {
    let t = super::text::clean_line(text);
    let told = t.contains("正常上班") || t.contains("调休") || t.contains("放假") && t.contains("共");
    told && t.chars().count() <= 80 && !super::report_list::has_modal(t) && !t.contains('请')
}

/// 一、由分管林业副镇长王艳国传达…紧急通知,部署今年防火工作 / 二、镇长赵伟就当前防火工作发表
/// 重要讲话 / 三、党委书记龚恩学做总结发言: a step of a meeting's agenda (who speaks) asks nothing.
pub fn is_meeting_step(text: &str) -> bool {
    const SPOKEN: [&str; 7] =
        ["发表重要讲话", "发表讲话", "作重要讲话", "做重要讲话", "做总结发言", "作总结发言", "作总结讲话"];
    let t = strip_end_mark(crate::notice::text::clean_line(text));
    if t.chars().count() > 120 || crate::notice::report_list::has_modal(t) {
        return false;
    }
    let official = || crate::notice::unit_name::POSTS.iter().any(|p| t.contains(p));
    // 镇党委书记主持,陶口店(45家)…共71家企业负责人参加: who chairs and who attends.
    let attended = t.contains("主持") && t.ends_with("参加");
    let short = t.chars().count() <= 60;
    short
        && (SPOKEN.iter().any(|w| t.ends_with(w)) || t.starts_with('由') && t.contains("传达") && official())
        || attended
}

/// A penalty clause of a 通告 (四、违反本通告规定的,依照…追究法律责任; 五、…的,依法从严查处):
/// what befalls whoever breaks the rules, asked of no unit.
pub fn is_penalty(text: &str) -> bool {
    const CONSEQUENCES: [&str; 9] =
        ["追究", "查处", "处罚", "依法处理", "予以处理", "罚款", "拘留", "有期徒刑", "刑事责任"];
    let t = super::text::clean_line(text);
    // The condition ends with 的 within its first forty characters: most texts have none there
    // and are told at once (this runs on every requirement).
    let head_end = t.char_indices().nth(41).map_or(t.len(), |(i, _)| i);
    if !t[..head_end].contains('的') {
        return false;
    }
    // 在高层民用建筑内存在上述行为,拒不改正的,将对…处…罚款: the condition may take a few clauses.
    let condition = t.split(['，', ',']).take(3).position(|c| c.ends_with('的'));
    let before: usize = condition
        .map_or(usize::MAX, |k| t.split(['，', ',']).take(k + 1).map(|c| c.chars().count()).sum::<usize>());
    before <= 40
        && !t.contains('要')
        && t.split(['。', '；', ';'])
            .filter(|s| !s.trim().is_empty())
            .all(|s| CONSEQUENCES.iter().any(|c| s.contains(c)))
}

/// The make-up of the issuer's own teams (四、督察分组 1.第一组 牵头单位:… 参加部门:…): who
/// inspects, not a task of the units it names.
pub fn is_roster(title: &str) -> bool {
    const ENDS: [&str; 4] = ["分组", "人员组成", "组成人员", "人员分工"];
    let t = strip_end_mark(title).trim_end_matches(['：', ':']);
    // 二、组织机构 经旗人民政府研究,决定成立…领导小组: the make-up of a body (健全组织机构 asks).
    // 二、组织领导机构 为强化…的组织领导,市人民政府成立…领导小组: the same, its text run on.
    ENDS.iter().any(|e| t.ends_with(e)) || t == "组织机构" || t == "领导小组" || t.starts_with("组织领导机构")
}

/// (一)加强组织领导。…成立由副镇长杨德谱为组长,…为组员的领导小组。: an item that only sets
/// up the body leading the work (its leader, members and office) asks nothing of a unit.
pub fn sets_up_body(text: &str) -> bool {
    text.contains("成立")
        && text.contains("组长")
        && (text.contains("领导小组") || text.contains("工作专班") || text.contains("指挥部"))
        && !super::report_list::has_modal(text)
        && !text.contains('请')
}

/// A report of what was found (…督察情况: 共抽查…), with no requirement in it and no unit
/// named by a label (三、分组情况 whose groups name their 责任单位 assigns). A finding told as
/// `venue: what was found` (6、金碧辉煌白金会所:217包厢存在逃生窗未开启的情况。) is an item of a
/// findings list, not a report's heading: its label is what must end with 情况.
pub fn is_report(title: &str, text: &str) -> bool {
    let title = strip_end_mark(title);
    let label = title.split_once([':', '：']).map_or(title, |(label, _)| label);
    (label.ends_with("情况") || told_done(title))
        && !super::text::split_clauses(text).iter().any(|c| {
            let t = c.trimmed();
            t.starts_with('要') || t.starts_with('请') || super::subject::modal_subject(t).is_some()
        })
        && super::units::find_last_unit_line(text).is_none()
        && !super::units::names_units(text)
}

/// A meeting's item that tells what was done (一、镇长陈方勇同志传达了…, 二、通报了全镇…情况):
/// a verb of relaying with its 了 near the start.
fn told_done(title: &str) -> bool {
    const DONE: [&str; 9] =
        ["传达了", "通报了", "解读了", "听取了", "学习了", "宣读了", "回顾了", "总结了", "观看了"];
    // Each verb ends with 了: a title without one is told at once (every item is asked).
    if !title.contains('了') {
        return false;
    }
    DONE.iter().filter_map(|w| title.find(w)).min().is_some_and(|at| {
        let who = &title[..at];
        who.chars().count() <= 16 && !who.contains(['，', ',', '。'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forms_checklist_and_a_scope_ask_nothing() {
        assert!(is_checklist("是否依法通过消防行政许可 □是 □否 2.是否建立消防安全组织 □是 □否"));
        assert!(!is_checklist("是否整改到位,由各单位自查后报送。"), "no boxes to tick");
        assert!(is_descriptive("自查自纠范围"));
    }

    #[test]
    fn a_heading_glued_to_its_text_by_a_space_is_still_a_heading() {
        assert!(is_descriptive("整治目标 通过三年时间,强化源头治理"));
        assert!(is_descriptive("工作目标坚持以人民为中心,以维护人民群众生命财产安全为出发点"));
        assert!(!is_descriptive("目标是到年底前全部完成整改任务并建立长效机制"), "目标是 opens a task");
        assert!(!is_descriptive("加强领导 各单位要落实责任"), "a task heading stays a task");
        assert!(
            !is_descriptive("通过三年时间全面实现本次专项整治目标 以上"),
            "a sentence before the space is no heading"
        );
    }

    #[test]
    fn an_item_that_only_sets_up_the_leading_body() {
        let set_up = "(一)加强组织领导。为加强组织领导,成立由副镇长杨德谱为组长,企业办、安办等相关部门负责人为组员的领导小组。领导小组办公室设在镇安办。";
        assert!(sets_up_body(set_up));
        let asks = "(一)加强组织领导。成立以镇长为组长的领导小组,各村要明确专人负责。";
        assert!(!sets_up_body(asks), "a unit asked besides");
    }

    #[test]
    fn a_described_name_with_a_de_between_its_words() {
        assert!(is_descriptive("督查的重点"));
        assert!(is_descriptive("检查的内容"));
        assert!(!is_descriptive("加强隐患的整改"));
    }

    #[test]
    fn what_a_unit_may_do_asks_nothing() {
        assert!(is_public_rule(
            "三、各企业及有关单位防雷装置定期检测工作可自主选择有相应检测资质的检测机构进行检测。"
        ));
        assert!(!is_public_rule("各企业可自主选择检测机构,但必须于6月底前完成检测。"));
    }

    #[test]
    fn a_holidays_days_are_told() {
        assert!(is_holiday_schedule("2019年4月5日至7日共3天,4月8日(下周一)正常上班。"));
        assert!(!is_holiday_schedule("放假期间各部门要安排好值班,共3天。"), "asked");
    }
}
