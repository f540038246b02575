//! 督办看板 — the snapshot of all directives the main window reads, and the pure
//! functions that filter and count it. Views never query the database; they read this.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{
    DirectiveId, NoticeId, OfficeGroup, OfficeId, OfficeIndex, OfficeTrack, SetAside, Source, Status,
    UnitKind, Urgency,
};

/// 通知 — a stored notice, as lists and report titles need it.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeInfo {
    pub id: NoticeId,
    pub title: String,
    pub issuer: Option<String>,
    /// 会议 — e.g. 2022年第10次办公会议.
    pub meeting: Option<String>,
    pub issued_on: NaiveDate,
    /// 反馈周期 — this notice asks for feedback every N days (`None`: the default setting).
    pub feedback_days: Option<i64>,
    /// 来源 — for a 领导批示 or 临时交办 entered by hand (`None`: an imported notice).
    pub source: Option<Source>,
}

/// 第11次 from 2022年第11次办公会议 (or 第11次党委会…), for a narrow column.
pub fn short_meeting(meeting: &str) -> Option<&str> {
    let start = meeting.find('第')?;
    let end = start + meeting[start..].find('次')? + '次'.len_utf8();
    let inner = &meeting[start + '第'.len_utf8()..end - '次'.len_utf8()];
    (!inner.is_empty() && inner.chars().count() <= 4).then(|| &meeting[start..end])
}

impl NoticeInfo {
    /// How the notice is named in lists and reports: its meeting, else its title.
    pub fn label(&self) -> &str {
        self.meeting.as_deref().unwrap_or(&self.title)
    }
}

/// 单位 — one roster entry (an office, a detachment, or a collective name).
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub id: OfficeId,
    pub name: String,
    pub kind: UnitKind,
}

impl Office {
    /// The sidebar group of a single unit; `None` for collectives.
    pub fn group(&self) -> Option<OfficeGroup> {
        match self.kind {
            UnitKind::Office(g) => Some(g),
            UnitKind::Collective { .. } => None,
        }
    }
}

/// 牵头/责任 or 配合.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// 责任/牵头单位
    Lead,
    /// 配合单位
    Support,
}

impl Role {
    pub fn as_db(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Support => "support",
        }
    }

    pub fn from_db(s: &str) -> Option<Role> {
        match s {
            "lead" => Some(Role::Lead),
            "support" => Some(Role::Support),
            _ => None,
        }
    }
}

/// A unit a directive is addressed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub office: OfficeId,
    /// The office's name, shared by every assignment of the office (a register of 100,000
    /// directives holds ~185,000 assignments and a few dozen names).
    pub name: Arc<str>,
    pub kind: UnitKind,
    pub role: Role,
    /// 督办进度 — this office's state, deadlines, feedback and counts.
    pub track: OfficeTrack,
}

/// 最新进展 of a row: the duty officer's note, or an office's last report as one line.
#[derive(Debug, Clone, PartialEq)]
pub enum Latest<'a> {
    Note { on: NaiveDate, text: &'a str },
    Office { on: NaiveDate, line: String },
}

/// One row of the board table.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveRow {
    pub id: DirectiveId,
    pub notice_id: NoticeId,
    /// The notice's 会议, shared by its directives.
    pub meeting: Option<Arc<str>>,
    /// 一.2
    pub number: String,
    pub title: String,
    /// 正文 — the directive's full text. Empty in the window's board (`Store::load_window_board`):
    /// the table shows the title, and the detail pane the text its detail carries.
    pub text: String,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub assignments: Vec<Assignment>,
    /// 最新进展: date and text of the newest progress note.
    pub last_note: Option<(NaiveDate, String)>,
    /// 材料: attached files, the 回收站 excluded.
    pub evidence: u32,
    /// 佐证 — of those, the files dated on or after the notice's issue date (a photo by its EXIF
    /// time, any other file by the day it was added): what backs a 销号 (see `Evidence::dated_on`).
    pub evidence_after_notice: u32,
    /// 接续 — the earlier directive this one carries on.
    pub continues: Option<DirectiveId>,
    /// 周期报送 — the rule and end of a recurring directive (每月25日前…), if it recurs. Boxed,
    /// as `source`: few rows have one, and every row would carry its size.
    pub recurrence: Option<Box<super::Recurrence>>,
    /// 来源 — the 批示 or 交办 it was entered from by hand (`None`: from an imported notice).
    pub source: Option<Box<Source>>,
}

impl Assignment {
    /// 牵头 — a lead assignment with nothing recorded yet.
    pub fn lead(office: OfficeId, name: &str, kind: UnitKind) -> Self {
        Assignment { office, name: name.into(), kind, role: Role::Lead, track: OfficeTrack::default() }
    }
}

impl DirectiveRow {
    /// A directive of notice `notice_id` with no deadline, offices, notes or files yet, 未开始
    /// (for tests, benches and generators, which set what they need over it).
    pub fn new(id: DirectiveId, notice_id: NoticeId, number: String, title: &str) -> Self {
        DirectiveRow {
            id,
            notice_id,
            meeting: None,
            number,
            title: title.to_owned(),
            text: title.to_owned(),
            deadline: None,
            status: Status::NotStarted,
            assignments: Vec::new(),
            last_note: None,
            evidence: 0,
            evidence_after_notice: 0,
            continues: None,
            recurrence: None,
            source: None,
        }
    }

    /// 最新进展 — the newer of the duty officer's last note and what an office last reported
    /// (防火监督处3月22日反馈：…, as the meeting report quotes it); the note wins a tie.
    pub fn latest(&self) -> Option<Latest<'_>> {
        let office = self
            .assignments
            .iter()
            .filter_map(|a| a.track.last_report.as_ref().map(|r| (r, a)))
            .max_by_key(|(r, _)| r.on);
        match (&self.last_note, office) {
            (Some((on, text)), Some((r, _))) if *on >= r.on => Some(Latest::Note { on: *on, text }),
            (_, Some((r, a))) => Some(Latest::Office { on: r.on, line: r.line(&a.name) }),
            (Some((on, text)), None) => Some(Latest::Note { on: *on, text }),
            (None, None) => None,
        }
    }

    /// The date of [`Self::latest`], cheaply (for sorting).
    pub fn latest_on(&self) -> Option<NaiveDate> {
        let office = self.assignments.iter().filter_map(|a| a.track.last_report.as_ref().map(|r| r.on)).max();
        self.last_note.as_ref().map(|n| n.0).max(office)
    }

    pub fn urgency(&self, today: NaiveDate, due_soon_days: i64) -> Urgency {
        Urgency::of(self.effective_deadline(), self.status, today, due_soon_days)
    }

    /// Lead units joined with 、 as a notice writes them.
    pub fn offices_text(&self) -> String {
        self.names_with(Role::Lead).join("、")
    }

    pub fn names_with(&self, role: Role) -> Vec<&str> {
        self.assignments.iter().filter(|a| a.role == role).map(|a| &*a.name).collect()
    }

    /// Whether this directive is the business of `office`: named directly, or through a
    /// collective (各处室 concerns every HQ office).
    pub fn concerns(&self, office: &Office) -> bool {
        self.assignments
            .iter()
            .any(|a| a.office == office.id || office.group().is_some_and(|g| a.kind.covers_group(g)))
    }
}

/// What the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BoardFilter {
    /// 全部
    #[default]
    All,
    /// 已逾期
    Overdue,
    Office(OfficeId),
}

/// Open and overdue counts for the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OfficeCounts {
    /// Not done and not closed.
    pub open: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

/// Everything the main window shows, loaded in one go after each change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    /// Stored notices, newest first.
    pub notices: Vec<NoticeInfo>,
    /// The roster, in roster order (HQ offices, then detachments; collectives last).
    pub offices: Vec<Office>,
    /// In notice order: newest notice first, then section and directive order.
    pub directives: Vec<DirectiveRow>,
    /// 别名 — other names of roster offices, alphabetically.
    pub aliases: Vec<(String, OfficeId)>,
    /// Directives deleted or merged away, newest first (the 回收站 lists them to restore).
    pub set_aside: Vec<SetAside>,
    /// 已办结未载入 — a large register's window leaves its finished directives out of
    /// `directives` and keeps what they count for here (`None`: every directive is listed).
    pub finished_apart: Option<Box<super::FinishedApart>>,
}

impl Board {
    /// 跨会 — how many later meetings (notices issued after this one) a directive of notice
    /// `id` has been carried over to while still open. A 批示 or 交办 is not a meeting.
    pub fn meetings_since(&self, id: NoticeId) -> usize {
        match self.notice(id) {
            Some(n) => self.meetings().filter(|m| m.issued_on > n.issued_on).count(),
            None => 0,
        }
    }

    /// The imported notices (meetings), newest first: not the 批示 and 交办 entered by hand.
    pub fn meetings(&self) -> impl Iterator<Item = &NoticeInfo> {
        self.notices.iter().filter(|n| n.source.is_none())
    }

    pub fn notice(&self, id: NoticeId) -> Option<&NoticeInfo> {
        self.notices.iter().find(|n| n.id == id)
    }

    pub fn office(&self, id: OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| o.id == id)
    }

    pub fn directive(&self, id: DirectiveId) -> Option<&DirectiveRow> {
        self.directives.iter().find(|d| d.id == id)
    }

    /// Offices of one sidebar group, in roster order.
    pub fn offices_in(&self, group: OfficeGroup) -> impl Iterator<Item = &Office> {
        self.offices.iter().filter(move |o| o.group() == Some(group))
    }

    /// Indices into `directives` that pass `filter` on `today`.
    pub fn filtered(&self, filter: BoardFilter, today: NaiveDate, due_soon_days: i64) -> Vec<usize> {
        let index = match filter {
            BoardFilter::Office(_) => OfficeIndex::build(self),
            _ => OfficeIndex::default(),
        };
        self.filtered_with(&index, filter, today, due_soon_days)
    }

    /// [`Board::filtered`] with the board's [`OfficeIndex`] already built (the window keeps one).
    pub fn filtered_with(
        &self,
        index: &OfficeIndex,
        filter: BoardFilter,
        today: NaiveDate,
        due_soon_days: i64,
    ) -> Vec<usize> {
        match filter {
            BoardFilter::All => (0..self.directives.len()).collect(),
            BoardFilter::Overdue => (0..self.directives.len())
                .filter(|i| self.directives[*i].urgency(today, due_soon_days) == Urgency::Overdue)
                .collect(),
            BoardFilter::Office(id) => match index.position(id) {
                Some(p) => index.directives_of(p).iter().map(|i| *i as usize).collect(),
                None => Vec::new(),
            },
        }
    }

    /// Counts per roster office, plus the totals for 全部 under `None`.
    pub fn counts(&self, today: NaiveDate, due_soon_days: i64) -> HashMap<Option<OfficeId>, OfficeCounts> {
        self.counts_with(&OfficeIndex::build(self), today, due_soon_days)
    }

    /// [`Board::counts`] with the board's [`OfficeIndex`] already built.
    pub fn counts_with(
        &self,
        index: &OfficeIndex,
        today: NaiveDate,
        due_soon_days: i64,
    ) -> HashMap<Option<OfficeId>, OfficeCounts> {
        // By roster position first (only offices of a group count), keyed by id at the end.
        let member: Vec<bool> = self.offices.iter().map(|o| o.group().is_some()).collect();
        let mut by_position = vec![OfficeCounts::default(); self.offices.len()];
        let mut all = OfficeCounts::default();
        let mut seen = vec![false; self.offices.len()];
        for (i, d) in self.directives.iter().enumerate() {
            let urgency = d.urgency(today, due_soon_days);
            if urgency == Urgency::Finished {
                continue;
            }
            all.add(urgency);
            for p in index.offices_of(i).iter().map(|p| *p as usize).filter(|p| member[*p]) {
                by_position[p].add(urgency);
                seen[p] = true;
            }
        }
        let mut counts: HashMap<Option<OfficeId>, OfficeCounts> = HashMap::new();
        if all != OfficeCounts::default() {
            counts.insert(None, all);
        }
        for (p, o) in self.offices.iter().enumerate().filter(|(p, _)| seen[*p]) {
            counts.insert(Some(o.id), by_position[p]);
        }
        counts
    }
}

impl OfficeCounts {
    /// One more open directive of `urgency`.
    fn add(&mut self, urgency: Urgency) {
        self.open += 1;
        self.overdue += usize::from(urgency == Urgency::Overdue);
        self.due_soon += usize::from(urgency == Urgency::DueSoon);
    }
}

#[cfg(test)]
#[path = "board_tests.rs"]
mod tests;
