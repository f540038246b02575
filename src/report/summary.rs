//! 汇总 — what the meeting report says, built from the board snapshot by a pure function;
//! each file format only renders it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{
    Board, DirectiveId, DirectiveRow, LoopState, NoticeId, OfficeGroup, OfficeId, OfficeState, Role, Status,
    Totals, Urgency, days_left,
};

/// Which directives the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every directive of one notice (one meeting), whatever its status.
    Notice(NoticeId),
    /// Every directive not yet done or closed, from all notices.
    AllOpen,
}

/// What to report on.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRequest {
    pub scope: Scope,
    /// 汇报日期 — "today" for overdue counts and the report's date line.
    pub report_date: NaiveDate,
    /// Only these offices' blocks; `None` for all.
    pub offices: Option<Vec<OfficeId>>,
    pub due_soon_days: i64,
}

/// One directive as one office's block lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryItem {
    pub id: DirectiveId,
    pub number: String,
    pub title: String,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub urgency: Urgency,
    /// Days past the deadline, for overdue items.
    pub days_overdue: Option<i64>,
    /// 最新进展: date and text (the duty officer's 值班记录).
    pub latest: Option<(NaiveDate, String)>,
    /// The newest feedback or completion report of any office (its text is in `loop_note`).
    pub reported_on: Option<NaiveDate>,
    /// 材料 — files attached (the 回收站 excluded).
    pub evidence: u32,
    /// 接续: the meeting that first set this work, when it carries on earlier directives.
    pub first_meeting: Option<String>,
    /// 督办情况 — once any office has reported, been reminded or extended: each office's latest
    /// feedback or 办结报告 (a line each), then each office's state in a joint directive,
    /// extension notes, and the offices that have not reported.
    pub loop_note: Option<String>,
    /// The status as reported: 部分完成 / 待审核 where the offices say so, else the status.
    pub state_label: &'static str,
    /// 无佐证 — finished or 销号 with no file dated on or after its notice.
    pub unbacked: bool,
    /// 来源 of a directive entered by hand: 王总队长批示，辽消〔2026〕12号.
    pub source: Option<String>,
}

/// The report table's columns: 序号 / 工作要求 / 完成时限 / 进展情况 / 状态.
pub const TABLE_HEADER: [&str; 5] = ["序号", "工作要求", "完成时限", "进展情况", "状态"];

impl SummaryItem {
    /// The title, and for continued work since which meeting it has been pressed, after `sep`.
    pub fn title_with_origin(&self, sep: &str) -> String {
        let title = self.title_with_continuation(sep);
        match &self.source {
            Some(source) => format!("{title}{sep}（{source}）"),
            None => title,
        }
    }

    fn title_with_continuation(&self, sep: &str) -> String {
        match self.first_meeting.as_deref() {
            Some(m) => match crate::model::short_meeting(m) {
                Some(short) => format!("{}{sep}（自{short}会议起持续督办）", self.title),
                None => format!("{}{sep}（自{m}起持续督办）", self.title),
            },
            None => self.title.clone(),
        }
    }

    /// The row of the report table (Word and PDF), dates short within the report's year;
    /// an overdue status gets a second line 逾期N天.
    pub fn table_cells(&self, report_date: NaiveDate) -> [String; 5] {
        let short = |d| crate::report::short_chinese_date(d, report_date);
        let mut progress = match &self.latest {
            Some((on, text)) => format!("{}：{text}", short(*on)),
            // The offices' own feedback follows in the 督办情况.
            None if self.reported_on.is_some() => String::new(),
            None => "暂无进展".to_owned(),
        };
        if self.evidence > 0 {
            progress.push_str(&format!("（附材料{}份）", self.evidence));
        }
        if let Some(note) = &self.loop_note {
            if !progress.is_empty() {
                progress.push('\n');
            }
            progress.push_str(note);
        }
        let mut status = match self.days_overdue {
            Some(n) => format!("{}\n逾期{n}天", self.state_label),
            None => self.state_label.to_owned(),
        };
        if self.unbacked {
            status.push_str("\n无佐证");
        }
        let title = self.title_with_origin("\n");
        [self.number.clone(), title, self.deadline.map_or("无".to_owned(), short), progress, status]
    }
}

/// 单位 — one office's directives, overdue first.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeBlock {
    pub office: OfficeId,
    pub name: String,
    pub group: OfficeGroup,
    pub items: Vec<SummaryItem>,
    pub totals: Totals,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// 关于2022年第10次办公会议工作要求落实情况的汇报
    pub title: String,
    /// 2022年第10次办公会议 / 全部未办结工作要求
    pub scope_label: String,
    pub issuer: Option<String>,
    pub report_date: NaiveDate,
    pub totals: Totals,
    /// 机关处室 in roster order, then 支队.
    pub blocks: Vec<OfficeBlock>,
    /// 佐证材料清单 to append (Word), when asked for (`report::gather_evidence`); empty: none.
    pub evidence_list: Option<Vec<super::ListedEvidence>>,
}

impl OfficeBlock {
    /// （共7项，已完成0项，逾期7项）
    pub fn counts_text(&self) -> String {
        let t = &self.totals;
        let overdue = if t.overdue > 0 { format!("，逾期{}项", t.overdue) } else { String::new() };
        format!("（共{}项，已完成{}项{overdue}）", t.directives, t.done)
    }
}

impl Summary {
    /// The blocks by group, 机关处室 then 支队, leaving out empty groups.
    pub fn groups(&self) -> Vec<(OfficeGroup, Vec<&OfficeBlock>)> {
        [OfficeGroup::Hq, OfficeGroup::Detachment]
            .into_iter()
            .map(|g| (g, self.blocks.iter().filter(|b| b.group == g).collect::<Vec<_>>()))
            .filter(|(_, blocks)| !blocks.is_empty())
            .collect()
    }

    /// Builds the report from a board snapshot. Pure: the same board and request give the
    /// same summary.
    pub fn build(board: &Board, request: &SummaryRequest) -> Summary {
        let today = request.report_date;
        let wanted = |id: OfficeId| request.offices.as_ref().is_none_or(|list| list.contains(&id));
        let chosen: Vec<&crate::model::Office> = [OfficeGroup::Hq, OfficeGroup::Detachment]
            .into_iter()
            .flat_map(|g| board.offices_in(g))
            .filter(|o| wanted(o.id))
            .collect();
        // A directive is reported when it is in scope and concerns a chosen office.
        let in_scope: Vec<&DirectiveRow> = board
            .directives
            .iter()
            .filter(|d| match request.scope {
                Scope::Notice(id) => d.notice_id == id,
                Scope::AllOpen => !d.status.is_finished(),
            })
            .filter(|d| request.offices.is_none() || chosen.iter().any(|o| d.concerns(o)))
            .collect();
        let mut totals = Totals::default();
        for d in &in_scope {
            totals.add(d.status, d.urgency(today, request.due_soon_days));
        }
        let notice = match request.scope {
            Scope::Notice(id) => board.notice(id),
            Scope::AllOpen => None,
        };
        let scope_label = notice.map_or_else(|| "全部未办结工作要求".to_owned(), |n| n.label().to_owned());
        let title = match notice {
            Some(n) => format!("关于{}工作要求落实情况的汇报", n.label()),
            None => "关于未办结工作要求落实情况的汇报".to_owned(),
        };
        // Reporting on every office, a directive for 各处室 / 各支队 is listed once, under that
        // collective name, not again under each office it covers (16 directives were five pages).
        let group_collectives = request.offices.is_none();
        let collectives: Vec<&crate::model::Office> = if group_collectives {
            board
                .offices
                .iter()
                .filter(|o| matches!(o.kind, crate::model::UnitKind::Collective { .. }))
                .collect()
        } else {
            Vec::new()
        };
        // 接续 chains are followed by id: one map, not a search of the board per step (at
        // 100,000 directives the searches took 7 s of an export).
        let by_id: HashMap<DirectiveId, &DirectiveRow> = if in_scope.iter().any(|d| d.continues.is_some()) {
            board.directives.iter().map(|d| (d.id, d)).collect()
        } else {
            HashMap::new()
        };
        let block =
            |id: OfficeId, name: &str, group: OfficeGroup, concerns: &dyn Fn(&DirectiveRow) -> bool| {
                let mut items: Vec<(usize, SummaryItem)> = in_scope
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| concerns(d))
                    .map(|(order, d)| (order, item(&by_id, d, today, request.due_soon_days)))
                    .collect();
                if items.is_empty() {
                    return None;
                }
                // Overdue first, the longest overdue at the top; then notice order.
                items.sort_by_key(|(order, it)| (std::cmp::Reverse(it.days_overdue.unwrap_or(-1)), *order));
                let mut block_totals = Totals::default();
                for (_, it) in &items {
                    block_totals.add(it.status, it.urgency);
                }
                Some(OfficeBlock {
                    office: id,
                    name: name.to_owned(),
                    group,
                    items: items.into_iter().map(|(_, it)| it).collect(),
                    totals: block_totals,
                })
            };
        let mut blocks: Vec<OfficeBlock> = collectives
            .iter()
            .filter_map(|c| {
                let group = match c.kind {
                    crate::model::UnitKind::Collective { hq: false, detachments: true } => {
                        OfficeGroup::Detachment
                    }
                    _ => OfficeGroup::Hq,
                };
                block(c.id, &c.name, group, &|d: &DirectiveRow| {
                    d.assignments.iter().any(|a| a.office == c.id)
                })
            })
            .collect();
        blocks.extend(chosen.into_iter().filter_map(|office| {
            let concerns = |d: &DirectiveRow| {
                if group_collectives {
                    d.assignments.iter().any(|a| a.office == office.id)
                } else {
                    d.concerns(office)
                }
            };
            block(office.id, &office.name, office.group().unwrap_or(OfficeGroup::Hq), &concerns)
        }));
        Summary {
            title,
            scope_label,
            issuer: notice.and_then(|n| n.issuer.clone()),
            report_date: today,
            totals,
            blocks,
            evidence_list: None,
        }
    }

    /// The totals as one sentence for the report's opening paragraph.
    pub fn totals_sentence(&self) -> String {
        let t = &self.totals;
        let date = crate::report::chinese_date(self.report_date);
        let closed =
            if t.closed > 0 { format!("（其中已销号{}项）", t.closed) } else { String::new() };
        format!(
            "截至{date}，{}共{}项：已完成{}项{closed}，推进中{}项，未开始{}项；逾期{}项；完成率{}。",
            self.scope_label,
            t.directives,
            t.done,
            t.in_progress,
            t.not_started,
            t.overdue,
            t.completion_percent()
        )
    }
}

fn item(
    by_id: &HashMap<DirectiveId, &DirectiveRow>,
    d: &DirectiveRow,
    today: NaiveDate,
    due_soon_days: i64,
) -> SummaryItem {
    let urgency = d.urgency(today, due_soon_days);
    // The start of the 接续 chain (cut at 50 steps: a register never gets near it).
    // Its own latest progress, else the newest reported on the work at an earlier meeting.
    let mut first = None;
    let mut latest = d.last_note.clone();
    let mut at = d.continues;
    for _ in 0..50 {
        let Some(earlier) = at.and_then(|id| by_id.get(&id).copied()) else { break };
        first = Some(earlier);
        if latest.is_none()
            && let Some((on, text)) = &earlier.last_note
        {
            let meeting = earlier.meeting.as_deref().map(|m| crate::model::short_meeting(m).unwrap_or(m));
            latest = Some((*on, format!("{text}（{}会议时）", meeting.unwrap_or("此前"))));
        }
        at = earlier.continues;
    }
    SummaryItem {
        id: d.id,
        number: d.number.clone(),
        title: d.title.clone(),
        deadline: d.deadline,
        status: d.status,
        urgency,
        loop_note: loop_note(d),
        state_label: match d.loop_state() {
            LoopState::PartlyFinished | LoopState::AwaitingReview => d.loop_state().label(),
            _ => d.status.label(),
        },
        days_overdue: match (urgency, d.effective_deadline()) {
            (Urgency::Overdue, Some(deadline)) => Some(-days_left(deadline, today)),
            _ => None,
        },
        latest,
        reported_on: d.assignments.iter().filter_map(|a| a.track.last_feedback).max(),
        evidence: d.evidence,
        first_meeting: first.and_then(|f| f.meeting.as_deref().map(str::to_owned)),
        unbacked: (d.status.is_finished() || d.loop_state() == LoopState::Finished)
            && d.evidence_after_notice == 0,
        source: d.source.as_deref().map(crate::model::Source::note),
    }
}

/// 督办情况 of a directive, once any office has a loop record: a line per office that said
/// something (防火监督处3月22日反馈：已检查…), then 防火监督处：已办结；新闻宣传处：推进中；
/// 新闻宣传处延期：原定3月20日，经…同意延至4月30日；尚未反馈：… . `None` while all is silent.
pub fn loop_note(d: &DirectiveRow) -> Option<String> {
    let active = d
        .assignments
        .iter()
        .any(|a| a.track.state != OfficeState::Unreported || a.track.extensions > 0 || a.track.reminders > 0);
    if !active {
        return None;
    }
    let leads: Vec<_> = d.assignments.iter().filter(|a| a.role == Role::Lead).collect();
    let mut parts = Vec::new();
    if leads.len() > 1 {
        parts.extend(leads.iter().map(|a| format!("{}：{}", a.name, a.track.state.label())));
    }
    for a in &d.assignments {
        if let Some(x) = a.track.extension() {
            parts.push(format!("{}延期：{}", a.name, x.text()));
        }
    }
    let silent = d.unreported_leads();
    if !silent.is_empty() {
        parts.push(format!("尚未反馈：{}", silent.join("、")));
    }
    let mut lines: Vec<String> =
        d.assignments.iter().filter_map(|a| Some(a.track.last_report.as_ref()?.line(&a.name))).collect();
    if !parts.is_empty() {
        lines.push(parts.join("；"));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}
