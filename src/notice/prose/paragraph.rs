//! 段落 — one paragraph of running text into open requirements: where each starts (an
//! ordinal, a clause opening with 要, a unit and 要, 请, a lead-in), which sentences stay with
//! it, and which units it names or inherits within the paragraph. mod.rs joins paragraphs and
//! carries a speaker's addressee across them.

use super::duties;
use super::lead_in::{self, lead_in_units, split_lead_in};
use super::open::{Open, Run, close};
use super::start::{self, Start, later_subjects, ordinal, parallel, periodic_report, start_of};
use crate::notice::subject::named_from_when;
use crate::notice::text::{clean_line, first_clause, split_clauses};

pub(super) fn read_paragraph(line: &str, recipients: &[String], found: &mut Vec<Open>) {
    let mut run = Run::default();
    // （三）集中整治阶段（5月1日至6月30日）。…有关部门要…: the phase's end is the deadline of
    // the paragraph's requirements that name none.
    let unnumbered = crate::notice::numbering::marker_of(line).map_or(line, |m| &line[m.len..]);
    let phase = Some(first_clause(unnumbered)).filter(|c| crate::notice::heading::is_phase(c)).unwrap_or("");
    let from = found.len();
    let mut open: Option<Open> = None;
    let clauses = split_clauses(line);
    // A sentence that shared the work out phrase by phrase (县公安局牵头的专班负责…,县文体局…):
    // a next sentence's one 负责 of a unit is one more share.
    let mut shared_out = false;
    // How many quotes the sentence read so far leaves open.
    let mut quotes: usize = 0;
    for (k, clause) in clauses.iter().enumerate() {
        let t = clean_line(clause.text);
        // …做到“四务必”:即“务必看到…;务必看到…”: words quoted in a requirement are its own.
        // (Not past its sentence or at a list's next ordinal: a quote left open by a typo ends
        // there.)
        let inside = quotes > 0 && !clause.sentence_start && ordinal(t).is_none();
        quotes = if inside { quotes } else { 0 };
        if t.contains(['“', '”']) {
            quotes = (quotes + t.matches('“').count()).saturating_sub(t.matches('”').count());
        }
        if inside && let Some(o) = open.as_mut() {
            o.text.push_str(t);
            continue;
        }
        if clause.sentence_start {
            run.semicolon_list = false;
            run.duties = false;
        }
        // 各乡镇、县经开区负责组织本辖区…;各负有…的部门和行业主管部门负责本行业…: a sentence
        // whose semicolon parts each open with a unit's 负责 shares the work part by part.
        let by_parts = || {
            let next = clauses.get(k + 1).filter(|c| !c.sentence_start)?;
            let one = |c: &str| {
                duties::told_duties(clean_line(c), 1).first().is_some_and(|(at, _)| {
                    *at == 0
                        || crate::notice::subject_scan::BASIS.iter().any(|w| clean_line(c).starts_with(w))
                })
            };
            (one(t) && one(next.text)).then_some(())
        };
        let least = if shared_out || (clause.sentence_start && by_parts().is_some()) { 1 } else { 2 };
        let shares = if run.enumerated { Vec::new() } else { duties::told_duties(t, least) };
        shared_out = !shares.is_empty() || (shared_out && !clause.sentence_start);
        if !shares.is_empty() {
            for (n, (at, units)) in shares.iter().enumerate() {
                close(&mut open, found);
                let end = shares.get(n + 1).map_or(t.len(), |(next, _)| *next);
                let before = if n == 0 { &t[..*at] } else { "" };
                open = Some(Open::plain(&t[*at..end], Some(units.clone()), before));
            }
            continue;
        }
        // 食品卫生监管主要由食品药品监管局牵头，教育、卫生等部门配合，…；校园周边环境整治
        // 主要由县公安局牵头…: each part that names its work and the unit leading it.
        if !run.enumerated
            && let Some(units) = duties::led_by(t)
        {
            close(&mut open, found);
            open = Some(Open::plain(t, Some(units), ""));
            continue;
        }
        // 安监部门牵头对易燃易爆单位…督促整改; / (next line) 乡镇(街道办)按照属地管理原则,对…: a
        // unit leading the work it names is a row of a division of labour, and so is a line
        // after such a row that opens with its unit.
        let next_row = || {
            let after_row = k == 0 && found.last().is_some_and(|o| o.row);
            after_row.then(|| crate::notice::subject::opening_subject(t)).flatten()
        };
        if !run.enumerated
            && let Some(units) = duties::leads_work(t).or_else(next_row)
        {
            close(&mut open, found);
            run.first_named = Some(true);
            run.last_units = Some(units.clone());
            open = Some(Open { row: true, ..Open::plain(t, Some(units), "") });
            continue;
        }
        // 会议明确,县民政局为…整改牵头单位,泷泊镇人民政府和县消防大队为责任单位;县文旅广体局
        // 为…: each task's lead and responsible units.
        if !run.enumerated
            && let Some((at, units)) = duties::named_lead(t)
        {
            close(&mut open, found);
            run.leads.push(units[0].clone());
            open = Some(Open::plain(&t[at..], Some(units), &t[..at]));
            continue;
        }
        if !run.enumerated
            && let Some((at, units)) = duties::duty_start(t, run.duties && !clause.sentence_start)
        {
            close(&mut open, found);
            run.duties = true;
            open = Some(Open::plain(&t[at..], Some(units), &t[..at]));
            continue;
        }
        // …及时报告；确保巡查到位，…；确保应急管理到位，…: clauses after a semicolon that
        // open with the same words are parallel requirements of the run's subject.
        if !clause.sentence_start && !run.enumerated && open.is_some() && parallel(&clauses, k) {
            close(&mut open, found);
            // 加强隐患治理,各村各单位要…: a subject after the clause's headline names its units.
            // 城市供水行政主管部门负责…；城市园林绿化部门负责…: or the unit it opens with.
            let named =
                later_subjects(t, false).into_iter().next().map(|(_, u)| u).or_else(|| start::own_subject(t));
            let units = named.or_else(|| run.last_units.clone().filter(|_| run.first_named == Some(true)));
            open = Some(Open::plain(t, units, ""));
            continue;
        }
        let (lead, rest) = split_lead_in(t);
        if let Some(lead) = lead {
            // 会议指出，各街道、各行业主管部门要…。会议要求，一要…二要…: a list that names no
            // one is for whom the paragraph named last.
            let named_before = run.last_units.take().filter(|_| run.first_named == Some(true));
            let asked = ["要求", "强调", "表示"].iter().any(|w| lead.contains(w));
            let leads = std::mem::take(&mut run.leads);
            run = Run { lead_units: lead_in_units(lead).or(named_before), asked, leads, ..Run::default() };
        }
        let rest = rest.strip_prefix("要求").filter(|r| ordinal(r).is_some()).unwrap_or(rest);
        // 会议强调，各单位一要…。二要…: the subject before the first ordinal is the list's.
        // (会议强调各单位、各企业深刻吸取事故教训,一是…: after a lead-in that asks, the collectives
        // before the list whatever their verb.)
        let asked_list =
            || lead.filter(|_| run.asked).and_then(|_| super::subjects::asked_before_ordinal(rest));
        let rest = match start::subject_before_ordinal(rest).or_else(asked_list) {
            Some((units, at)) => {
                run.lead_units = Some(units);
                &rest[at..]
            }
            None => rest,
        };
        // 批示：“海洋局认真抓紧整改…: the words quoted after the lead-in.
        let rest = if lead.is_some() { rest.trim_start_matches(['“', '"', '「']) } else { rest };
        // 三年行动过程中,每季度报送一次工作进展情况: a sentence of its own that sets a periodic
        // report is a requirement of its own (a 周期报送 rule), of the run's subject.
        let periodic = clause.sentence_start
            && lead.is_none()
            && !run.enumerated
            && open.is_some()
            && periodic_report(rest);
        // 3月20日至31日为排查摸底阶段。各县市区组织专门力量…: after a phase told in a sentence of
        // its own, a sentence that opens with a unit before its verb is the phase's work.
        let phase_before = (clause.sentence_start && lead.is_none() && !run.enumerated && k > 0)
            .then(|| start::phase_sentence(clauses[k - 1].text))
            .flatten();
        let phase_start = || {
            let units = crate::notice::subject::opening_subject(phase_before.and(Some(rest))?)?;
            Some(Start { at: 0, units: Some(units), enumerated: false, plain: false })
        };
        let start = periodic
            .then_some(Start { at: 0, units: None, enumerated: false, plain: true })
            .or_else(phase_start)
            .or_else(|| start_of(rest, &run, recipients, lead.is_some() || !clause.sentence_start))
            .or_else(|| super::limits::step_after_colon(rest))
            // 会议要求,提高认识,切实增强…。强化措施,坚决…: after a lead-in that asks, a sentence
            // that opens with what to do is a requirement of its own.
            .or_else(|| {
                let first =
                    lead.is_some() || clause.sentence_start && open.as_ref().is_some_and(|o| !o.enumerated);
                if !(run.asked && first) || super::action::tells_done(rest) {
                    return None;
                }
                if super::action::imperative(rest) {
                    // It is the nearest subject's before it, as a bare 要 is.
                    let nearest =
                        open.as_ref().and_then(|o| o.units.clone()).or_else(|| run.last_units.clone());
                    return Some(Start { at: 0, units: nearest, enumerated: false, plain: true });
                }
                // 思想要高度重视,…。措施要高效有力,各社区、各部门要…: a topic and its 要; a
                // subject later in the sentence is its unit, else the nearest one's.
                super::action::topic_modal(rest).then_some(Start {
                    at: 0,
                    units: None,
                    enumerated: false,
                    plain: true,
                })
            })
            .or_else(|| lead.and_then(|l| lead_in::start_after(l, rest, run.asked)));
        // 要严格落实五点要求。一是…: words that announce the list are no requirement.
        let start = start.filter(|s| s.enumerated || !lead_in::announces(&rest[s.at..]));

        // …；加强值班调度,严禁脱岗漏岗,应急和林业部门要…: a semicolon part's short tasks before
        // its subject are the subject's too.
        let tasks_before = start
            .as_ref()
            .filter(|s| {
                super::subjects::words_before_subject(s, &rest[..s.at], &run, clause.sentence_start, lead)
            })
            .map(|s| s.at);
        let start = start.map(|s| if tasks_before.is_some() { Start { at: 0, ..s } } else { s });
        // 县应急局等部门从1月6日起开展…: units acting from a day, for a sentence of no other start.
        // Read only where the arm below can take it: a sentence's opening unit is dear to read.
        let may_act = start.is_none()
            && clause.sentence_start
            && lead.is_none()
            && run.first_named == Some(true)
            && open.as_ref().is_some_and(|o| !o.enumerated && o.units.is_some());
        let from_when = if may_act {
            // 林业部门应…。气象部门密切关注天气变化: a unit that opens the next sentence before
            // its verb is its subject, as a unit acting from a day is.
            // 按《通知》规定的分工,住建部门负责…: after the basis it acts on.
            let after_basis = || {
                let basis = crate::notice::subject_scan::BASIS.iter().any(|w| t.starts_with(w))
                    || t.starts_with("按《");
                basis.then(|| t.split_once(['，', ','])).flatten().map(|(_, r)| r.trim_start())
            };
            named_from_when(t)
                .or_else(|| crate::notice::subject::opening_subject(t))
                .or_else(|| crate::notice::subject::opening_subject(after_basis()?))
        } else {
            None
        };
        match start {
            Some(s) => {
                let named_before = open.as_ref().filter(|o| !o.enumerated).and_then(|o| o.units.clone());
                close(&mut open, found);
                let units = match s.units.clone() {
                    Some(u) => Some(u),
                    None if s.enumerated => None,
                    // 要积极开展…。同时,镇教育部门要加强…。要全面加强…: a sentence's bare 要 is the
                    // nearest subject's, even in a run whose first requirement named no one (in
                    // a list set apart by semicolons, a bare 要 part stays the speaker's own).
                    None => start::subject_after_bare(&rest[s.at..]).or_else(|| {
                        // Officials (县领导要带队检查。要严格落实…) are people: the next bare 要 is
                        // the speaker's again.
                        let officials =
                            run.last_units.as_ref().is_some_and(|u| u.iter().any(|u| u.ends_with("领导")));
                        let nearest = run.first_named == Some(true)
                            || clause.sentence_start && lead.is_none() && !officials;
                        (s.plain && nearest).then(|| run.last_units.clone()).flatten()
                    }),
                };
                if s.enumerated {
                    // 会议强调,省专班办公室要…。一是要…: a list right after a requirement of
                    // named units is theirs, as a subject before its first ordinal is.
                    let first = rest[s.at..].starts_with(['一', '壹']);
                    if !run.enumerated && run.lead_units.is_none() && first {
                        run.lead_units = named_before;
                    }
                    run.enumerated = true;
                } else {
                    // 全县上下要…, 相关领导要…: everyone, or people — no unit, and no say on
                    // whether the run's later bare 要 are the named units'.
                    if s.plain || units.is_some() {
                        run.first_named.get_or_insert(units.is_some());
                    }
                    // 会议要求,要建立…。思想要高度重视…。措施要高效有力,各社区、各部门要…。责任要
                    // 落实到位: after bare 要 that named no one, the collectives asked are whom
                    // the later bare 要 ask too.
                    if run.asked && units.as_ref().is_some_and(|u| u.iter().all(|u| u.contains('各'))) {
                        run.first_named = Some(true);
                    }
                    if units.is_some() {
                        run.last_units = units.clone();
                    }
                    run.semicolon_list = s.plain && t.ends_with(['；', ';']);
                }
                // 会议要求各牵头单位要…: the leads named just before.
                let units = match units {
                    Some(u) if u == ["各牵头单位"] && !run.leads.is_empty() => Some(run.leads.clone()),
                    u => u,
                };
                let text = &rest[s.at..];
                // 要求各社区要针对…全面开展检查整治:一是要强化责任心…: a requirement that announces
                // its list after a colon leads in to it; each item is a directive of its units.
                if !s.enumerated
                    && units.is_some()
                    && let Some(at) = super::subjects::list_after_colon(text)
                {
                    run.lead_units = units.clone();
                    run.enumerated = true;
                    let item = Open::plain(&text[at..], None, "");
                    open = Some(Open { enumerated: true, lead_units: units, ..item });
                    continue;
                }
                // 市应急局要…，市消防救援支队要…: each unit named as a subject has its own; a
                // requirement with no subject (要实行…制度，各市必须…) is the first subject's.
                let asked = units.is_some() && super::subjects::opens_asking(text);
                let mut splits = if s.enumerated { Vec::new() } else { later_subjects(text, asked) };
                // The subject after the tasks is this directive's, no new one.
                splits.retain(|(at, _)| Some(*at) != tasks_before);
                let mut units = units;
                // 他强调年底工作千头万绪,…都不能放松,全镇各部门单位要…: after a lead-in, words
                // before the subject the requirement was read for only frame it; it starts there.
                let mut framing = 0;
                if lead.is_some()
                    && s.at == 0
                    && s.units.is_some()
                    && splits.first().is_some_and(|(_, u)| Some(u) == s.units.as_ref())
                    && !crate::notice::report_list::has_modal(&text[..splits[0].0])
                {
                    framing = splits.remove(0).0;
                }
                let text = &text[framing..];
                for split in &mut splits {
                    split.0 -= framing;
                }
                if s.units.is_none() && !s.enumerated && !splits.is_empty() {
                    units = Some(splits.remove(0).1);
                }
                let first_end = splits.first().map_or(text.len(), |(at, _)| *at);
                if let Some(units) = units.as_mut() {
                    for u in start::singled_out(&text[..first_end]) {
                        if !units.contains(&u) {
                            units.push(u);
                        }
                    }
                }
                open = Some(Open {
                    text: text[..first_end].to_owned(),
                    units,
                    enumerated: s.enumerated,
                    lead_units: run.lead_units.clone(),
                    support: Vec::new(),
                    row: false,
                    before: format!("{}{}", phase_before.unwrap_or_default(), &rest[..s.at + framing]),
                });
                let fronted = if splits.is_empty() { "" } else { super::subjects::fronted_limit(text) };
                for (k, (at, units)) in splits.iter().enumerate() {
                    close(&mut open, found);
                    let end = splits.get(k + 1).map_or(text.len(), |(next, _)| *next);
                    run.last_units = Some(units.clone());
                    open = Some(Open::plain(&text[*at..end], Some(units.clone()), fronted));
                }
            }
            // 各级防办要加强会商研判，…；突出…重点部位隐患排查；及时清淤疏浚河道: in running text
            // each semicolon part of a subject's sentence is a requirement of that subject, and
            // each part of what a lead-in asks (通知要求,组织专人…；…的要及时整改疏通).
            None if !clause.sentence_start
                && open.as_ref().is_some_and(|o| {
                    !o.enumerated && (o.units.is_some() || run.asked) && !start::spells_out(&o.text)
                })
                && super::subjects::semicolon_part(t) =>
            {
                // …;凡不符合标准的,应及时…: a part asking a class it describes is that class's, no
                // one's named before.
                let case = crate::notice::text::first_phrase(clean_line(t)).ends_with('的');
                let inherited = || open.as_ref().filter(|_| !case).and_then(|o| o.units.clone());
                let units = start::own_subject(t).or_else(inherited);
                close(&mut open, found);
                open = Some(Open::plain(t, units, ""));
            }
            // 要求各乡镇、各部门对…研判。通过手机短信…做好预警提示。结合元旦…全覆盖检查。: after
            // a requirement asked of named units, a sentence that opens with what to do is the
            // next requirement of the same units.
            None if clause.sentence_start
                && lead.is_none()
                && open.as_ref().is_some_and(|o| !o.enumerated && o.units.is_some())
                && run.first_named == Some(true)
                && (super::action::opens_with_action(t) || from_when.is_some())
                && !super::action::tells_done(&crate::notice::text::sentence_at(&clauses, k)) =>
            {
                // …。县应急局、县消防大队等部门从1月6日起开展联合执法检查: its own units.
                if from_when.is_some() {
                    run.last_units = from_when.clone();
                }
                let units = from_when.or_else(|| open.as_ref().and_then(|o| o.units.clone()));
                close(&mut open, found);
                open = Some(Open::plain(t, units, ""));
            }
            // 4月1日至30日为整治处理阶段。: the next phase ends the work of the one before.
            None if clause.sentence_start && start::phase_sentence(clause.text).is_some() => {
                close(&mut open, found);
            }
            None => {
                if let Some(o) = open.as_mut() {
                    o.text.push_str(t);
                }
            }
        }
    }
    close(&mut open, found);
    if !phase.is_empty() {
        for o in &mut found[from..] {
            o.before = format!("{phase}{}", o.before);
        }
    }
}
