//! 部分 — one top-level section into its directives. A section without numbered items is
//! split inside its paragraphs (要突出…。/ 一是…二是…; unnumbered.rs); otherwise every
//! innermost numbered item is a directive, and the headings above it become its context.

use chrono::NaiveDate;

use super::candidate::{Candidate, Fallback, Slot, Units, finish, own_units, settle_units};
use super::deadline;
use super::descriptive::{is_descriptive, is_framing_article, is_report, is_roster};
use super::heading::{heading_owner, heading_title, is_phase};
use super::outline::{Entry, Item};
use super::text::{clean_line, first_clause, first_phrase, strip_end_mark};
use super::units::{self, UnitRules};
use crate::model::{DeadlineDraft, DirectiveDraft, SectionDraft};

/// What every section of a notice shares.
pub struct NoticeContext<'a> {
    pub issued: NaiveDate,
    pub notice_deadline: Option<&'a DeadlineDraft>,
    pub rules: UnitRules,
    /// A plan carried out in phases (…阶段（5月1日至6月30日）): its tasks are the phases, and
    /// a 工作要求 part is its safeguards, not tasks.
    pub phased: bool,
}

/// The first sentence of `text` and the rest.
pub(super) fn first_sentence(text: &str) -> (&str, &str) {
    let first = first_clause(text);
    (first, &text[first.len()..])
}

pub fn build_section(item: &Item, ctx: &NoticeContext) -> SectionDraft {
    let mut lines = vec![item.head];
    item.push_lines(&mut lines);
    let text = lines.join("\n");
    // 一、…荣菊早餐店 单位地址：… 处理结果：责令…改正: an exposed unit's record is one directive.
    if let Some((unit, limit)) = super::exposure::record(&lines, ctx.issued) {
        return record_section(item, &text, unit, limit);
    }
    let (first, _) = first_sentence(item.head);
    // (Not when it asks named units: 四、工作要求 1、各处室检查人员要按要求检查….)
    let safeguard = ctx.phased && strip_end_mark(first).ends_with("工作要求") && !asks_units(&lines);
    let assigned = units::names_units(&text) || items_close_with_units(item);
    // 第一章 总则: a regulation's chapter is read article by article (第二条 各级人民政府负责…
    // assigns, 第一条 为…制定本办法 frames).
    let chapter = item.marker.kind == super::numbering::Kind::Chapter;
    // 二、时间安排 (一)企业自查阶段(8月25日-9月10日)。成品油经营企业…: the phases under a
    // time plan are its tasks.
    let phases = item
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Item(c) if is_phase(first_sentence(c.head).0)))
        .count()
        >= 2;
    // 二、督查方式 …各市要…组成联合检查组…开展检查: a described part whose paragraph asks a
    // named unit with its modal asks it.
    let asks_named = || {
        !item.has_children()
            && super::text::split_clauses(&lines[1..].join("\n"))
                .iter()
                .any(|c| super::subject::modal_subject(c.trimmed()).is_some())
    };
    // 一、报送内容 1.煤矿安全工作年度报告… 2.…报表: the list of what a report holds (one line,
    // 一、报送内容。主要包括…, is the report's task).
    let contents = item.has_children()
        && ["报送内容", "上报内容"]
            .iter()
            .any(|w| strip_end_mark(first).trim_end_matches(['：', ':']).ends_with(w));
    let descriptive =
        ((is_descriptive(first) && !chapter) || frames(item) || guiding(item, &lines) || contents)
            && !phases
            && !asks_named();
    // 二、检查主要内容 (一)…(五)请各教学单位、各部门放假期间做好值班工作: an item of a
    // described part that asks units by 请 is a requirement; the rest stay described.
    let asking = (descriptive && !assigned).then(|| super::asking::asking_items(item)).flatten();
    let (item, descriptive) = match &asking {
        Some(kept) => (kept, false),
        None => (item, descriptive),
    };
    if ((descriptive || safeguard) && !assigned)
        || is_report(first, &text)
        || is_roster(first)
        || super::descriptive::sets_up_body(&text)
        || super::descriptive::is_penalty(&text)
    {
        return SectionDraft {
            number: item.marker.label(),
            title: heading_title(first, ctx.rules).0,
            text,
            offices: Vec::new(),
            directives: Vec::new(),
        };
    }
    // A part that labels no unit but asks something reads its subjects even where other
    // parts label theirs (四、检查督导要求 各检查督导组要… after groups with 责任单位：…); a
    // list of problems (3.疏散图无所在位置) asks nothing.
    let own_ctx;
    let ctx = if !ctx.rules.by_subject && !assigned && super::report_list::has_modal(&text) {
        own_ctx = NoticeContext { rules: UnitRules { by_subject: true, ..ctx.rules }, ..*ctx };
        &own_ctx
    } else {
        ctx
    };
    let (title, slots, heading_units) = if item.has_children() {
        nested(item, ctx)
    } else if asking.is_some() {
        // Only the asking paragraphs of a described part are read.
        let mut kept = Vec::new();
        item.push_lines(&mut kept);
        let found = super::prose::requirements(&kept, &[]);
        let slots =
            found.into_iter().map(|(c, u)| Slot::directive(Candidate { own_units: u, ..c })).collect();
        (heading_title(first, ctx.rules).0, slots, None)
    } else {
        super::unnumbered::paragraphs(&text, ctx.rules)
    };
    let section_deadline =
        deadline::find_deadline(&title, ctx.issued).filter(|_| !super::heading::is_minutes_item(&title));
    let fallback = Fallback {
        issued: ctx.issued,
        section_title: &title,
        section_deadline: section_deadline.as_ref(),
        notice_deadline: ctx.notice_deadline,
    };
    let (settled, section_units) = settle_units(slots, heading_units);
    let number = item.marker.label();
    let directives: Vec<_> = settled
        .into_iter()
        // (二)…拒不改正的,将对…处…罚款: an item that tells a penalty asks nothing.
        .filter(|(c, _)| {
            super::candidate::has_words(&c.text)
                && !super::descriptive::is_penalty(&c.text)
                && !super::descriptive::is_public_rule(&c.text)
                && !super::descriptive::is_checklist(&c.text)
                && !super::descriptive::is_holiday_schedule(&c.text)
                && !super::descriptive::is_meeting_step(&c.text)
        })
        .enumerate()
        .map(|(i, (c, u))| finish(format!("{number}.{}", i + 1), c, u, &fallback))
        .collect();
    let shared = directives
        .first()
        .filter(|first| directives.iter().all(|d| d.offices == first.offices))
        .map(|d| d.offices.clone());
    SectionDraft {
        offices: shared.or(section_units.map(|u| u.lead)).unwrap_or_default(),
        number,
        title,
        text,
        directives,
    }
}

/// A section with numbered items.
fn nested(item: &Item, ctx: &NoticeContext) -> (String, Vec<Slot>, Option<Units>) {
    let rules = ctx.rules;
    let (first, rest) = first_sentence(item.head);
    let (title, heading_units) = heading_title(first, rules);
    let heading_units =
        heading_units.or_else(|| heading_owner(&title)).or_else(|| leading_subject(item.head));
    let mut slots = Vec::new();
    let group = Group { path: Vec::new(), units: None, deadline: None };
    let mut group = group;
    if let Some(lead_in) = own_text(&title, rest, item, &group, rules, &mut slots) {
        group.path.push(lead_in);
    }
    walk(item, &group, ctx, &mut slots);
    (title, slots, heading_units)
}

/// Whether a part's lines ask a named unit by its modal (`1、各处室检查人员要…`).
fn asks_units(lines: &[&str]) -> bool {
    lines.iter().skip(1).any(|l| {
        let t = clean_line(l);
        let t = super::numbering::marker_of(t).map_or(t, |m| &t[m.len..]);
        super::subject::modal_subject(t).is_some()
    })
}

/// `第七条 自然资源和规划部门应当履行下列消防安全职责：(一)…`: the subject of a heading that
/// leads in to its items is theirs.
fn leading_subject(head: &str) -> Option<Units> {
    let leads_in = head.trim_end().ends_with(['：', ':']);
    leads_in.then(|| super::subject::sentence_subject(head)).flatten().map(Units::named)
}

/// What a heading passes down.
#[derive(Clone)]
struct Group {
    path: Vec<String>,
    units: Option<Units>,
    deadline: Option<DeadlineDraft>,
}

/// A heading's own text after its title (and continuation lines before its first child): a
/// lead-in (ending in ：) joins the context; anything else is a directive of its own.
fn own_text(
    title: &str,
    rest: &str,
    item: &Item,
    group: &Group,
    rules: UnitRules,
    slots: &mut Vec<Slot>,
) -> Option<String> {
    let mut text = clean_line(rest).to_owned();
    for e in &item.entries {
        if let Entry::Text(l) = e {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(l);
        }
    }
    if text.is_empty() {
        return None;
    }
    if text.ends_with(['：', ':']) {
        return Some(text);
    }
    let phrase = first_phrase(&text);
    let by_subject = || {
        let lead = super::subject::units_in(&text).filter(|_| rules.by_subject)?;
        Some(Units::named(lead))
    };
    let units = own_units(&text, rules).or_else(by_subject);
    // 三、工作步骤 专项整治从今年6月15日开始，到年底结束。具体分3个阶段实施。(一)…: words
    // over the items that ask no one anything frame them.
    let has_items = item.entries.iter().any(|e| matches!(e, Entry::Item(_)));
    // 三、任务分工 各乡镇、县经开区负责组织…;各负有…的部门负责…;…由业务相近部门负责。(1.…): a
    // lead paragraph that shares the work out part by part gives each part its own directive.
    // (Two shares hold two 负责 at least: most paragraphs are told without reading them.)
    let shared = if has_items && text.matches("负责").nth(1).is_some() {
        super::prose::shared_out(&text)
    } else {
        Vec::new()
    };
    if shared.len() >= 2 {
        for (c, u) in shared {
            slots.push(Slot::directive(Candidate {
                own_units: u,
                context: group.path.clone(),
                heading_units: group.units.clone(),
                heading_deadline: group.deadline.clone(),
                ..c
            }));
        }
        return None;
    }
    if has_items && units.is_none() && !super::report_list::has_modal(&text) {
        return Some(text);
    }
    slots.push(Slot::directive(Candidate {
        title: if phrase.is_empty() { title.to_owned() } else { phrase.to_owned() },
        own_units: units,
        text,
        context: group.path.clone(),
        heading_units: group.units.clone(),
        heading_deadline: group.deadline.clone(),
        sentence_before: String::new(),
        subject_units: None,
    }));
    None
}

/// A regulation's article that frames rather than assigns (第一条 为…制定本办法).
fn frames(item: &Item) -> bool {
    item.marker.kind == super::numbering::Kind::Article && is_framing_article(item.head)
}

/// `一、明确城市消防安全工作任务 以党的十七大精神为指导,…`: a part whose text opens with what
/// guides the work is its 指导思想, however it is titled.
fn guiding(item: &Item, lines: &[&str]) -> bool {
    let body = lines.iter().skip(1).map(|l| clean_line(l)).find(|l| !l.is_empty());
    let opening = body.map(|b| b.split(['，', ',']).next().unwrap_or(b));
    !item.has_children() && opening.is_some_and(|p| p.starts_with('以') && p.ends_with("为指导"))
}

fn names_units_under(item: &Item) -> bool {
    let mut lines = vec![item.head];
    item.push_lines(&mut lines);
    units::names_units(&lines.join("\n"))
}

/// A part whose items each close with a bare bracket of units (`…增长12%。(市发改委)`): a
/// 目标 part of a 任务分解 is assigned, not described.
fn items_close_with_units(item: &Item) -> bool {
    let children: Vec<&Item> =
        item.entries.iter().filter_map(|e| if let Entry::Item(c) = e { Some(c) } else { None }).collect();
    let with = children
        .iter()
        .filter(|c| {
            let mut lines = vec![c.head];
            c.push_lines(&mut lines);
            super::subject::bare_bracket_units(&lines.join("\n")).is_some()
        })
        .count();
    with >= 2 && with * 2 >= children.len()
}

fn walk(item: &Item, group: &Group, ctx: &NoticeContext, slots: &mut Vec<Slot>) {
    let rules = ctx.rules;
    for e in &item.entries {
        match e {
            Entry::Text(_) => {}
            Entry::Units(l) => {
                if let Some(u) = units::standalone(l, rules) {
                    slots.push(Slot::Units(Units::from_line(u, l)));
                }
            }
            Entry::Item(child)
                if is_descriptive(first_sentence(child.head).0) && !names_units_under(child) => {}
            Entry::Item(child) if frames(child) => {}
            Entry::Item(child)
                if !child.has_children() && super::descriptive::sets_up_body(&child_text(child)) => {}
            Entry::Item(child) if child.has_children() && !lists_contents(child) => {
                let (first, rest) = first_sentence(child.head);
                let (title, heading_units) = heading_title(first, rules);
                // 第四条 市消防安全委员会应当履行下列职责：(一)…: the subject of a heading that
                // leads in to its items is theirs.
                let heading_units =
                    heading_units.or_else(|| heading_owner(&title)).or_else(|| leading_subject(child.head));
                let mut inner = group.clone();
                inner.deadline = deadline::find_deadline(&title, ctx.issued).or(inner.deadline);
                inner.units = heading_units.or(inner.units);
                inner.path.push(title.clone());
                if let Some(lead_in) = own_text(&title, rest, child, &inner, ctx.rules, slots) {
                    inner.path.push(lead_in);
                }
                walk(child, &inner, ctx, slots);
            }
            Entry::Item(child) => {
                let mut lines = vec![child.head];
                child.push_lines(&mut lines);
                let text = lines.join("\n");
                let (first, rest) = first_sentence(&text);
                let mut path = group.path.clone();
                let mut heading_deadline = group.deadline.clone();
                // （一）动员部署阶段（9月26日至30日）。各级政府要…: the phase's end is the
                // deadline of the task; the item, phase and all, is one directive.
                if is_phase(first) && !clean_line(rest).is_empty() {
                    path.push(heading_title(first, rules).0);
                    heading_deadline = deadline::find_deadline(first, ctx.issued).or(heading_deadline);
                }
                let mut c = Candidate::numbered(text, rules);
                c.context = path;
                c.heading_units = group.units.clone();
                c.heading_deadline = heading_deadline;
                slots.push(Slot::directive(c));
            }
        }
    }
}

/// An item's words, its head and the lines under it.
fn child_text(child: &Item) -> String {
    let mut lines = vec![child.head];
    child.push_lines(&mut lines);
    lines.join("\n")
}

/// `(一)各市县…每月15日、30日前报送…情况,主要包括: 1.…进展及成效; 2.…新经验; 3.存在问题…`:
/// an item whose items list what it includes (a report's contents) is one task, its list
/// part of it; the listed contents ask nothing of their own.
fn lists_contents(item: &Item) -> bool {
    let head = item.head.trim_end();
    let includes = ["包括：", "包括:", "如下内容：", "如下内容:"].iter().any(|e| head.ends_with(e));
    includes
        && item.entries.iter().all(|e| match e {
            Entry::Item(c) => !c.has_children() && !super::report_list::has_modal(c.head),
            _ => true,
        })
}

/// The section of one exposed unit's record: one directive of that unit, dated by its order.
fn record_section(item: &Item, text: &str, unit: String, limit: Option<DeadlineDraft>) -> SectionDraft {
    let number = item.marker.label();
    let directive = DirectiveDraft {
        number: format!("{number}.1"),
        title: unit.clone(),
        text: clean_line(&text.replace('\n', " ")).to_owned(),
        offices: vec![unit.clone()],
        support_offices: Vec::new(),
        deadline: limit.unwrap_or_default(),
        units_phrase: Some(unit.clone()),
        context: None,
        continues: None,
    };
    SectionDraft {
        number,
        title: unit.clone(),
        text: text.to_owned(),
        offices: vec![unit],
        directives: vec![directive],
    }
}
