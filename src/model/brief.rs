//! 汇报稿 — what changed office by office since the previous meeting, for the next one: each
//! office's 反馈, 催办, 延期, 申请办结, 审核通过 / 退回 (its state changes) and files added, item by
//! item, and the offices with open work that sent nothing. Pure: the store hands in the records
//! of the span (`Store::activity_between`, `files_added_between`).

use chrono::{Datelike, NaiveDate};

use super::{Board, DirectiveId, LoopEvent, LoopEventKind, Role, Status};

/// Files added to a directive within the span: how many, and the office whose feedback they
/// came with (`None`: attached to the directive itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilesAdded {
    pub directive: DirectiveId,
    pub office: Option<String>,
    pub count: usize,
    pub first_on: NaiveDate,
}

/// One directive's changes for one office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefItem {
    pub directive: DirectiveId,
    pub number: String,
    pub title: String,
    /// 3月24日 反馈：… — oldest first.
    pub lines: Vec<String>,
}

/// One office's part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BriefOffice {
    pub name: String,
    pub feedback: usize,
    pub reminders: usize,
    pub extensions: usize,
    pub requested: usize,
    pub finished: usize,
    pub returned: usize,
    pub files: usize,
    pub items: Vec<BriefItem>,
}

impl BriefOffice {
    /// 反馈2次、催办1次、延期1项、申请办结1项、办结1项、退回1次、材料3份.
    pub fn counts_text(&self) -> String {
        let parts = [
            (self.feedback, "反馈", "次"),
            (self.reminders, "催办", "次"),
            (self.extensions, "延期", "项"),
            (self.requested, "申请办结", "项"),
            (self.finished, "审核办结", "项"),
            (self.returned, "退回重办", "次"),
            (self.files, "新增材料", "份"),
        ];
        let said: Vec<String> =
            parts.iter().filter(|(n, ..)| *n > 0).map(|(n, what, unit)| format!("{what}{n}{unit}")).collect();
        said.join("、")
    }
}

/// The whole brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingBrief {
    /// From (the previous meeting's day) …
    pub since: NaiveDate,
    /// … to (the day the brief is made).
    pub until: NaiveDate,
    /// 第10次办公会议 — what `since` is.
    pub since_label: String,
    /// Offices with something new, in roster order.
    pub offices: Vec<BriefOffice>,
    /// Offices with open lead work and nothing new (未报送任何情况).
    pub silent: Vec<String>,
}

fn day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

fn line(e: &LoopEvent) -> String {
    // One page: a long report is cut at 30 characters (the 督办记录 keeps it whole).
    let text = |t: &str| match t.trim() {
        "" => String::new(),
        t if t.chars().count() > 30 => format!("：{}…", t.chars().take(30).collect::<String>()),
        t => format!("：{t}"),
    };
    match &e.kind {
        LoopEventKind::Feedback => format!("{} 反馈{}", day(e.on), text(&e.text)),
        LoopEventKind::Reminder(step) => format!("{} {}{}", day(e.on), step.label(), text(&e.text)),
        LoopEventKind::Extension { to, late_request, .. } => {
            let by = e.by.as_deref().map(|b| format!("，{b}同意")).unwrap_or_default();
            let late = if *late_request { "（超期申请）" } else { "" };
            format!("{} 延期至{}{by}{late}", day(e.on), day(*to))
        }
        LoopEventKind::CompletionReport => format!("{} 申请办结{}", day(e.on), text(&e.text)),
        LoopEventKind::Accepted => format!("{} 审核通过，已办结", day(e.on)),
        LoopEventKind::Returned => format!("{} 退回重办{}", day(e.on), text(&e.text)),
    }
}

/// The index of `name`'s part, added at the end when the roster does not have it.
fn office_at(offices: &mut Vec<BriefOffice>, name: &str) -> usize {
    match offices.iter().position(|o| o.name == name) {
        Some(i) => i,
        None => {
            offices.push(BriefOffice { name: name.to_owned(), ..BriefOffice::default() });
            offices.len() - 1
        }
    }
}

impl MeetingBrief {
    pub fn build(
        board: &Board,
        events: &[(DirectiveId, LoopEvent)],
        files: &[FilesAdded],
        (since, until, since_label): (NaiveDate, NaiveDate, String),
    ) -> MeetingBrief {
        let mut offices: Vec<BriefOffice> = board
            .offices
            .iter()
            .map(|o| BriefOffice { name: o.name.clone(), ..BriefOffice::default() })
            .collect();
        let push = |office: usize, offices: &mut Vec<BriefOffice>, id: DirectiveId, text: String| {
            let o = &mut offices[office];
            if let Some(item) = o.items.iter_mut().find(|i| i.directive == id) {
                item.lines.push(text);
                return;
            }
            let (number, title) = board
                .directive(id)
                .map_or((String::new(), String::new()), |d| (d.number.clone(), d.title.clone()));
            o.items.push(BriefItem { directive: id, number, title, lines: vec![text] });
        };
        for (id, e) in events.iter().filter(|(_, e)| since <= e.on && e.on <= until) {
            let i = office_at(&mut offices, &e.office);
            let o = &mut offices[i];
            match e.kind {
                LoopEventKind::Feedback => o.feedback += 1,
                LoopEventKind::Reminder(_) => o.reminders += 1,
                LoopEventKind::Extension { .. } => o.extensions += 1,
                LoopEventKind::CompletionReport => o.requested += 1,
                LoopEventKind::Accepted => o.finished += 1,
                LoopEventKind::Returned => o.returned += 1,
            }
            push(i, &mut offices, *id, line(e));
        }
        for f in files {
            // Files not sent with a feedback belong to the directive's lead offices.
            let names: Vec<String> = match &f.office {
                Some(name) => vec![name.clone()],
                None => board
                    .directive(f.directive)
                    .map(|d| d.names_with(Role::Lead).into_iter().map(str::to_owned).collect())
                    .unwrap_or_default(),
            };
            for name in names {
                let i = office_at(&mut offices, &name);
                offices[i].files += f.count;
                push(i, &mut offices, f.directive, format!("{} 新增材料{}份", day(f.first_on), f.count));
            }
        }
        let busy = |name: &str| offices.iter().any(|o| o.name == name && !o.items.is_empty());
        let mut silent: Vec<String> = Vec::new();
        for d in board.directives.iter().filter(|d| d.status != Status::Closed) {
            if board.notice(d.notice_id).is_none_or(|n| n.issued_on > until) {
                continue;
            }
            for a in d.assignments.iter().filter(|a| a.role == Role::Lead && !a.track.is_finished()) {
                if !busy(&a.name) && !silent.iter().any(|s| **s == *a.name) {
                    silent.push(a.name.to_string());
                }
            }
        }
        offices.retain(|o| !o.items.is_empty());
        MeetingBrief { since, until, since_label, offices, silent }
    }
}
