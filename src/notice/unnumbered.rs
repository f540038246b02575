//! 无编号部分 — a section without numbered items, split into its directives: an item whose
//! first sentence is itself a requirement (四、县城管局要…。 / 二、要坚决克服…。) is one directive;
//! subjects named in its sentences (会议强调，各乡镇要…。县水利局要…) each give one; otherwise its
//! sentences after a headline. Split from section.rs, which reads a section as a whole.

use super::candidate::{Candidate, Slot, Units, own_units};
use super::directives::split_directives;
use super::heading::{heading_title, is_dangling_label, is_task_headline, speaker_list};
use super::section::first_sentence;
use super::text::{clean_line, first_phrase, strip_end_mark};
use super::units::{self, UnitRules};

/// A section without numbered items: its title sentence, then directives split inside the
/// paragraphs. A unit bracket ending the section covers every directive without its own.
pub(super) fn paragraphs(text: &str, rules: UnitRules) -> (String, Vec<Slot>, Option<Units>) {
    let covering = units::find_last_unit_line_with(text, rules)
        .filter(|u| clean_line(&text[u.range.end..]).trim_matches(['。', '；']).is_empty());
    let without = match &covering {
        Some(u) => format!("{}{}", &text[..u.range.start], &text[u.range.end..]),
        None => text.to_owned(),
    };
    let covering = covering.map(|u| Units::from_line(u, text));
    // 三、镇党委书记刘学同志强调:各部门、各单位一是要…。二是要…: a speaker's lead-in to a list,
    // read as the speaker's words are in running text (the list's subject is every item's).
    if covering.is_none()
        && rules.by_subject
        && let Some(colon) = speaker_list(&without)
    {
        let found = super::prose::requirements(&[clean_line(&without)], &[]);
        if !found.is_empty() {
            let title = strip_end_mark(&without[..colon]).to_owned();
            let slots =
                found.into_iter().map(|(c, u)| Slot::directive(Candidate { own_units: u, ..c })).collect();
            return (title, slots, None);
        }
    }
    let (first, body) = first_sentence(&without);
    let (title, heading_units) = heading_title(first, rules);
    let body = if is_dangling_label(body) { "" } else { body };
    // 四、县城管局要做好排水设施设备准备…。 — an item whose first sentence is itself a
    // requirement with its subject is one directive; every subject it names is its unit.
    if covering.is_none()
        && heading_units.is_none()
        && rules.by_subject
        && let Some(mut lead) = super::subject::sentence_subject(first)
    {
        for u in super::subject::units_in(body).unwrap_or_default() {
            if !lead.contains(&u) {
                lead.push(u);
            }
        }
        let text = clean_line(&without).to_owned();
        let candidate = Candidate {
            title: first_phrase(&text).to_owned(),
            own_units: Some(Units::named(lead)),
            text,
            ..Candidate::default()
        };
        return (title, vec![Slot::directive(candidate)], None);
    }
    // 二、要坚决克服麻痹思想,牢记…。要强化…。各地要结合…: an item opening with a bare 要
    // sentence is a requirement, not a headline over its sentences: one numbered item, one
    // directive, whose units are every subject it names.
    if covering.is_none()
        && heading_units.is_none()
        && rules.by_subject
        && opens_with_bare_modal(first)
        && !body.contains("一是")
        && !body.contains("二是")
    {
        let lead = super::subject::all_subjects(&without);
        let text = clean_line(&without).to_owned();
        let candidate = Candidate {
            title: first_phrase(&text).to_owned(),
            own_units: Units::named_if_any(lead),
            text,
            ..Candidate::default()
        };
        return (title, vec![Slot::directive(candidate)], None);
    }
    // 三、加强值班备勤和应急准备,各抢险救援队伍加强值班备勤,…。 / 请高新区、…及时报告工作动态。:
    // a whole requirement on the heading's line, then a paragraph asking by 请 (the notice's
    // closing words under its last item): two directives. So too a list's last item (4、组织一次
    // 参观消防中队活动;) with the closing's subject and modal under it (各单位要…报送…).
    if covering.is_none()
        && heading_units.is_none()
        && rules.by_subject
        && (title.chars().count() > 30 && first.trim_end().ends_with('。')
            || first.trim_end().ends_with(['；', ';']))
        && (first.ends_with('\n') || body.starts_with('\n'))
        && (clean_line(body).starts_with('请') || super::subject::modal_subject(clean_line(body)).is_some())
    {
        let text = clean_line(first).to_owned();
        let own_units = super::subject::units_in(&text).map(Units::named);
        let head =
            Candidate { title: first_phrase(&text).to_owned(), own_units, text, ..Candidate::default() };
        let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
        let asked = super::prose::requirements(&lines, &[]);
        let slots = std::iter::once(Slot::directive(head))
            .chain(asked.into_iter().map(|(c, u)| Slot::directive(Candidate { own_units: u, ..c })))
            .collect();
        return (title, slots, None);
    }
    if covering.is_none() && heading_units.is_none() && !units::names_units(text) {
        // 会议强调，各乡镇要…。县水利局要…: units named as subjects, each with its requirement.
        let lines: Vec<&str> = body.lines().collect();
        let found = super::prose::requirements(&lines, &[]);
        let named = found.iter().filter(|(_, u)| u.is_some()).count();
        // （五）制定防灾减灾预案。各街道办事处要…。县国土房管局要…: under a task headline the
        // subjects share the item's one task; every subject is its unit.
        // A list inside (一是…二是…) keeps its items, and a 请 that points above its target.
        let lead = super::subject::units_in(body).unwrap_or_else(|| super::subject::all_subjects(body));
        let listed = body.contains("一是") || body.contains("二是");
        let points_above = clean_line(body).starts_with('请');
        // 一、听取关于…的汇报 会议强调,各地各部门要…。要…: an item of minutes that heard a
        // report is one agreed item, whose requirements are its one directive (of no unit
        // when it names none: 法治政府建设工作要…).
        let heard = super::heading::is_minutes_item(&title) && !found.is_empty();
        // 四、燃放管理:公安部门要…。公安消防部门负责…。安监部门要…: a short label before a
        // colon heads the item's one task, as a task headline does.
        let after_label = without.split_once(['：', ':']).and_then(|(label, rest)| {
            let short = (2..=8).contains(&label.chars().count()) && label.chars().all(super::text::is_han);
            (short && first.contains(['：', ':'])).then_some(rest)
        });
        let labelled = after_label.is_some();
        // (Every subject of the item then, its first sentence's too: 公安部门要…,公安消防部门负责….)
        let lead = match after_label {
            Some(rest) => super::subject::units_in(rest).unwrap_or(lead),
            None => lead,
        };
        // 二、明确分工、合力推进。…安监部门牵头对…;(line) 民政部门牵头对…;: a division of labour
        // under the headline keeps its rows, one directive each.
        let division = || super::prose::division_rows(&lines) >= 3;
        if rules.by_subject
            && (named >= 1 && !lead.is_empty() || heard)
            && !listed
            && !points_above
            && (is_task_headline(&title)
                || heard
                || labelled
                || line_headline(first, &title)
                || sentence_headline(first, &title))
            && !division()
        {
            let text = clean_line(&without).to_owned();
            let candidate = Candidate {
                title: title.clone(),
                own_units: Units::named_if_any(lead),
                text,
                ..Candidate::default()
            };
            return (title, vec![Slot::directive(candidate)], heading_units);
        }
        if named >= 2 || (rules.subject_sections && named >= 1) {
            let slots =
                found.into_iter().map(|(c, u)| Slot::directive(Candidate { own_units: u, ..c })).collect();
            return (title, slots, heading_units);
        }
    }
    let pieces = split_directives(&title, body);
    let context: Vec<String> = pieces.iter().filter(|p| p.lead_in).map(|p| p.text.clone()).collect();
    // 各校要及时将…传达至每一位学生及家长,同时做好以下安全宣教工作:一是…: the subject of the
    // lead-in is its list's.
    let lead_in_units = || {
        let lead = pieces.iter().rev().find(|p| p.lead_in)?;
        super::subject::sentence_subject(&lead.text).map(Units::named)
    };
    let lead_in_units = if rules.by_subject && heading_units.is_none() { lead_in_units() } else { None };
    let mut slots: Vec<Slot> = pieces
        .into_iter()
        .filter(|p| !p.lead_in)
        .map(|p| {
            // 二、开展安全检查。各行业安委员会结合…，各村居安委会结合…: the units that do what
            // the sentences say, named as their subjects with no 要.
            let by_subject = || {
                // The condition first: reading subjects is the dearest step of a table's row.
                if !rules.by_subject || heading_units.is_some() {
                    return None;
                }
                let lead = super::subject::units_in(&p.text)?;
                Some(Units::named(lead))
            };
            Slot::directive(Candidate {
                own_units: own_units(&p.text, rules).or_else(by_subject).or_else(|| lead_in_units.clone()),
                title: p.title,
                text: p.text,
                context: context.clone(),
                ..Candidate::default()
            })
        })
        .collect();
    // 二、严格控制火灾事故。本行政区域年内不发生…: a task headline over one requirement is
    // the item's own first words (one numbered item, one directive, read from its start).
    // …将上报带班指挥长。并责令限期整改。: a body opening with 并 goes on with the heading.
    if let [Slot::Directive(only)] = slots.as_mut_slice()
        && heading_units.is_none()
        // 二、水路客运安全检查严格按照…抓落实。由省港航、海事局迅速部署。: a first sentence too long
        // for a headline is the item's first words too.
        && (is_task_headline(&title) || only.text.starts_with('并') || title.chars().count() > 30)
        && clean_line(body).trim() == only.text.trim()
    {
        only.text = format!("{}{}", first.trim(), only.text);
    }
    slots.extend(covering.map(Slot::Units));
    (title, slots, heading_units)
}

/// 二、加强气象监测预警和信息发布传播工作 on a line of its own, its paragraphs below: a
/// heading with no end mark is a headline however long, up to a sentence's length.
fn line_headline(first: &str, title: &str) -> bool {
    let t = title.trim();
    first.trim_end_matches([' ', '\t']).ends_with('\n')
        && !t.ends_with(['。', '；', ';', '！'])
        && (4..=30).contains(&t.chars().count())
        && !t.contains(['：', ':', '，', ','])
        && !t.ends_with("要求")
        && super::subject::modal_subject(t).is_none()
}

/// 二、开展一次消防、水电和食堂安全大检查,做好安全防范工作。各单位组织…: a first sentence that
/// names the item's task with no subject of its own heads the sentences that share it out.
fn sentence_headline(first: &str, title: &str) -> bool {
    let t = title.trim();
    first.trim_end().ends_with('。')
        && (8..=40).contains(&t.chars().count())
        && super::subject::modal_subject(t).is_none()
        && super::subject::sentence_subject(t).is_none()
        && !t.contains(['：', ':'])
        && !["会议", "会上", "经", "关于"].iter().any(|w| t.starts_with(w))
        && !super::heading::is_phase(first)
}

/// 要坚决克服麻痹思想… — a first sentence that is a requirement with no subject.
fn opens_with_bare_modal(first: &str) -> bool {
    super::subject::is_modal(clean_line(first).trim_start())
}
