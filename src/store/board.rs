//! Reads the board snapshot and the detail of one directive.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::roster::{ROSTER_ORDER, kind_from_db};
use super::{Result, Store, StoreError};
use crate::model::{
    Assignment, Board, ChangeEntry, DirectiveDetail, DirectiveId, DirectiveRow, Note, NoticeId, NoticeInfo,
    Office, OfficeId, OfficeTrack, Role, Source, SourceKind, Status,
};

/// How much of each directive's text a board carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Texts {
    /// 正文 with every row: reports, the command line, the 接续 suggestions read it.
    Full,
    /// Titles only, `text` left empty: the window's board (the table shows titles, and the
    /// detail pane reads the full text with the detail). A 100,000-directive register's texts
    /// are ~30 MB the window would hold for nothing.
    Titles,
}

impl Store {
    /// Everything the main window shows, in a handful of queries.
    pub fn load_board(&self) -> Result<Board> {
        self.load_board_with(None, Texts::Full)
    }

    /// The board as the window keeps it: every row's `text` left empty (the table shows the
    /// title; the detail pane reads the text with [`Store::load_detail`], and a changed row
    /// comes with its detail). Everything else as [`Store::load_board`].
    pub fn load_window_board(&self) -> Result<Board> {
        self.load_board_with(None, Texts::Titles)
    }

    /// The board with each office's track as it stood at the end of `as_of` (records dated on
    /// or before it; `None`: everything): what a 督查通报 for a month or quarter counts. The
    /// directives' stored status (销号) is taken as it is now.
    pub fn load_board_as_of(&self, as_of: Option<NaiveDate>) -> Result<Board> {
        self.load_board_with(as_of, Texts::Full)
    }

    /// Builds the board without slack: each vector is allocated at its final length (a
    /// vector grown by pushing keeps up to twice its length, and one collected in place keeps
    /// the larger element's allocation — 40 MB of empty assignment slots at 100,000), and the
    /// temporaries are few large blocks the allocator can give back.
    fn load_board_with(&self, as_of: Option<NaiveDate>, texts: Texts) -> Result<Board> {
        let offices = self
            .conn
            .prepare(&format!("SELECT id, name, kind FROM office ORDER BY {ROSTER_ORDER}"))?
            .query_map([], |r| {
                Ok(Office {
                    id: OfficeId(r.get(0)?),
                    name: r.get(1)?,
                    kind: kind_from_db(&r.get::<_, String>(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let notices = self.notice_infos()?;
        let mut directives = self.directive_rows(&notices, texts)?;
        self.put_assignments(&offices, &mut directives)?;

        let mut last_note: HashMap<i64, (NaiveDate, String)> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT directive_id, on_date, text FROM (
                 SELECT directive_id, on_date, text,
                        row_number() OVER (PARTITION BY directive_id ORDER BY on_date DESC, id DESC) AS rank
                 FROM progress)
             WHERE rank = 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            last_note.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let mut tracks = super::loop_read::load_tracks_as_of(&self.conn, None, as_of)?;
        let mut plans = super::periods::load_plans(&self.conn, None)?;
        let mut evidence = self.evidence_counts()?;
        let mut backed = self.evidence_after_notice(None)?;
        for d in &mut directives {
            super::loop_read::fill_tracks(d, &mut tracks);
            d.recurrence = plans.remove(&d.id.0).map(Box::new);
            d.last_note = last_note.remove(&d.id.0);
            d.evidence = evidence.remove(&d.id).unwrap_or(0);
            d.evidence_after_notice = backed.remove(&d.id).unwrap_or(0);
        }
        let aliases = self.aliases()?;
        let set_aside = self.set_aside()?;
        Ok(Board { notices, offices, directives, aliases, set_aside, finished_apart: None })
    }

    /// The rows of every directive not set aside, newest notice first, then as in the notice,
    /// with no assignments yet. Read in storage order and sorted here: ORDER BY on the joined
    /// rows made SQLite sort every directive's text, spilling to disk.
    fn directive_rows(&self, notices: &[NoticeInfo], texts: Texts) -> Result<Vec<DirectiveRow>> {
        // Each notice's 会议 once, shared by its directives.
        let meetings: HashMap<i64, Option<Arc<str>>> =
            notices.iter().map(|n| (n.id.0, n.meeting.as_deref().map(Arc::from))).collect();
        let text = match texts {
            Texts::Full => "d.text",
            Texts::Titles => "''",
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT d.id, n.id, n.meeting, d.number, d.title, {text}, d.deadline, d.status, d.continues_id,
                    n.source_kind, n.source_by, n.source_ref, n.issued_on, s.ordinal, d.ordinal
             FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id
             WHERE d.deleted_at IS NULL"
        ))?;
        let mut keyed = stmt
            .query_map([], |r| {
                let key: (NaiveDate, i64, i64, i64) = (r.get(12)?, r.get(1)?, r.get(13)?, r.get(14)?);
                Ok((key, directive_row_sharing(r, Some(&meetings))?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        keyed.sort_by(|(a, _), (b, _)| {
            b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3))
        });
        let mut rows = Vec::with_capacity(keyed.len());
        rows.extend(keyed.into_iter().map(|(_, d)| d));
        Ok(rows)
    }

    /// Each directive's assignments, lead before support, each in the notice's order (as the
    /// single-directive read has them), every vector at its exact length. Read in the table's
    /// order (PRIMARY KEY directive_id, office_id) and ordered here: an ORDER BY over every
    /// assignment made SQLite sort them all, spilling to disk at scale.
    fn put_assignments(&self, offices: &[Office], directives: &mut [DirectiveRow]) -> Result<()> {
        // Each office's name once, shared by its assignments (Arc): a few dozen names for the
        // ~185,000 assignments of a 100,000-directive register.
        let units: HashMap<i64, (Arc<str>, crate::model::UnitKind)> =
            offices.iter().map(|o| (o.id.0, (Arc::from(o.name.as_str()), o.kind))).collect();
        let position: HashMap<i64, u32> =
            directives.iter().enumerate().map(|(i, d)| (d.id.0, i as u32)).collect();
        // (row position, rank of the role, ordinal, order read, assignment), in one vector; the
        // order read keeps ties as they were read.
        let mut all: Vec<(u32, u8, i64, u32, Assignment)> = Vec::new();
        let mut stmt = self.conn.prepare("SELECT directive_id, office_id, role, ordinal FROM assignment")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(at) = position.get(&r.get::<_, i64>(0)?) else { continue };
            let Some((name, kind)) = units.get(&r.get::<_, i64>(1)?) else { continue };
            let role_text = r.get_ref(2)?.as_str().unwrap_or_default();
            // ORDER BY role, ordinal as the single-directive read has it ('lead' < 'support').
            let rank = match role_text {
                "lead" => 0,
                "support" => 1,
                _ => 2,
            };
            let assignment = Assignment {
                office: OfficeId(r.get(1)?),
                name: Arc::clone(name),
                kind: *kind,
                role: Role::from_db(role_text).unwrap_or(Role::Lead),
                track: OfficeTrack::default(),
            };
            all.push((*at, rank, r.get(3)?, all.len() as u32, assignment));
        }
        all.sort_unstable_by_key(|(at, rank, ordinal, read, _)| (*at, *rank, *ordinal, *read));
        let mut counts = vec![0usize; directives.len()];
        for (at, ..) in &all {
            counts[*at as usize] += 1;
        }
        for (d, n) in directives.iter_mut().zip(counts) {
            d.assignments = Vec::with_capacity(n);
        }
        for (at, _, _, _, a) in all {
            directives[at as usize].assignments.push(a);
        }
        Ok(())
    }

    /// One directive's row without its tracks (see `directive_row`), assignments included.
    pub(super) fn board_row(&self, id: DirectiveId) -> Result<DirectiveRow> {
        let mut row = self
            .conn
            .query_row(&format!("{DIRECTIVE_ROW_SELECT} WHERE d.id = ?1"), [id.0], directive_row)
            .optional()?
            .ok_or(StoreError::DirectiveNotFound(id))?;
        row.assignments = self.assignments_of(id)?;
        row.last_note = self.notes_of(id)?.first().map(|p| (p.on, p.text.clone()));
        row.evidence = self.conn.query_row(
            "SELECT count(*) FROM evidence WHERE directive_id = ?1 AND trashed_at IS NULL",
            [id.0],
            |r| r.get(0),
        )?;
        row.evidence_after_notice = self.evidence_after_notice(Some(id))?.remove(&id).unwrap_or(0);
        Ok(row)
    }

    fn assignments_of(&self, id: DirectiveId) -> Result<Vec<Assignment>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT a.office_id, o.name, o.kind, a.role FROM assignment a JOIN office o ON o.id = a.office_id
                 WHERE a.directive_id = ?1 ORDER BY a.role, a.ordinal",
            )?
            .query_map([id.0], |r| assignment_at(r, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The detail pane's content for one directive.
    pub fn load_detail(&self, id: DirectiveId) -> Result<DirectiveDetail> {
        let board_row = self
            .conn
            .query_row(&format!("{DIRECTIVE_ROW_SELECT} WHERE d.id = ?1"), [id.0], directive_row)
            .optional()?
            .ok_or(StoreError::DirectiveNotFound(id))?;
        let (notice_title, section_title, section_text, deadline_phrase, deadline_inferred, recurrence) =
            self.conn.query_row(
                "SELECT n.title, s.number || '、' || s.title, s.text, d.deadline_phrase, d.deadline_inferred, d.recurrence
                 FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id
                 WHERE d.id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )?;
        let assignments = self.assignments_of(id)?;
        let progress = self.notes_of(id)?;
        let changes = self
            .conn
            .prepare(
                "SELECT at, author, field, old_value, new_value FROM change_log
                 WHERE directive_id = ?1 ORDER BY id DESC",
            )?
            .query_map([id.0], |r| {
                Ok(ChangeEntry {
                    at: r.get(0)?,
                    author: r.get(1)?,
                    field: r.get(2)?,
                    old_value: r.get(3)?,
                    new_value: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let support_offices =
            assignments.iter().filter(|a| a.role == Role::Support).map(|a| a.name.to_string()).collect();
        let evidence = self.conn.query_row(
            "SELECT count(*) FROM evidence WHERE directive_id = ?1 AND trashed_at IS NULL",
            [id.0],
            |r| r.get(0),
        )?;
        let mut row = DirectiveRow {
            assignments,
            evidence,
            evidence_after_notice: self.evidence_after_notice(Some(id))?.remove(&id).unwrap_or(0),
            recurrence: super::periods::load_plans(&self.conn, Some(id))?.remove(&id.0).map(Box::new),
            last_note: progress.first().map(|p: &Note| (p.on, p.text.clone())),
            ..board_row
        };
        super::loop_read::fill_tracks(&mut row, &mut super::loop_read::load_tracks(&self.conn, Some(id))?);
        let evidence = self.evidence_for(id)?;
        let notice_issued_on: chrono::NaiveDate = self.conn.query_row(
            "SELECT n.issued_on FROM directive d JOIN section s ON s.id = d.section_id
             JOIN notice n ON n.id = s.notice_id WHERE d.id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        Ok(DirectiveDetail {
            notice_id: row.notice_id,
            row,
            notice_title,
            section_title,
            section_text,
            deadline_phrase,
            deadline_inferred,
            recurrence,
            support_offices,
            notes: progress,
            changes,
            evidence,
            notice_issued_on,
            earlier: self.earlier_steps(id)?,
            continued_by: self.continued_by(id)?,
            loop_events: self.loop_history(id)?,
            source_words: self.source_words(id)?,
            split_from: self.split_origin(id)?,
            merged: self.merged_into_this(id)?,
        })
    }

    /// How many notices, sections and directives are stored (for the status bar and tests).
    pub fn counts(&self) -> Result<(i64, i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM notice), (SELECT count(*) FROM section), (SELECT count(*) FROM directive)",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    }

    /// Every notice, newest first (as the board lists them).
    pub(super) fn notice_infos(&self) -> Result<Vec<NoticeInfo>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, title, issuer, meeting, issued_on, feedback_days, source_kind, source_by, source_ref
                 FROM notice ORDER BY issued_on DESC, id DESC",
            )?
            .query_map([], |r| {
                Ok(NoticeInfo {
                    id: NoticeId(r.get(0)?),
                    title: r.get(1)?,
                    issuer: r.get(2)?,
                    meeting: r.get(3)?,
                    issued_on: r.get(4)?,
                    feedback_days: r.get(5)?,
                    source: source_at(r, 6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// 进展 of one directive, newest first.
    pub(super) fn notes_of(&self, id: DirectiveId) -> Result<Vec<Note>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, on_date, author, text, recorded_at FROM progress WHERE directive_id = ?1
                 ORDER BY on_date DESC, id DESC",
            )?
            .query_map([id.0], |r| {
                Ok(Note {
                    id: crate::model::NoteId(r.get(0)?),
                    on: r.get(1)?,
                    author: r.get(2)?,
                    text: r.get(3)?,
                    recorded_at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

const DIRECTIVE_ROW_SELECT: &str =
    "SELECT d.id, n.id, n.meeting, d.number, d.title, d.text, d.deadline, d.status, d.continues_id,
            n.source_kind, n.source_by, n.source_ref
     FROM directive d JOIN section s ON s.id = d.section_id JOIN notice n ON n.id = s.notice_id";

/// 来源 from columns source_kind, source_by, source_ref starting at column `at`.
pub(super) fn source_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<Source>> {
    let Some(kind) = SourceKind::from_db(&r.get::<_, String>(at)?) else { return Ok(None) };
    Ok(Some(Source { kind, by: r.get(at + 1)?, reference: r.get(at + 2)? }))
}

/// An assignment from columns office_id, name, kind, role starting at column `at`.
fn assignment_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Assignment> {
    Ok(Assignment {
        office: OfficeId(r.get(at)?),
        name: Arc::from(r.get_ref(at + 1)?.as_str()?),
        kind: kind_from_db(&r.get::<_, String>(at + 2)?),
        role: Role::from_db(&r.get::<_, String>(at + 3)?).unwrap_or(Role::Lead),
        track: OfficeTrack::default(),
    })
}

fn directive_row(r: &rusqlite::Row) -> rusqlite::Result<DirectiveRow> {
    directive_row_sharing(r, None)
}

/// [`directive_row`] taking the notice's 会议 from `meetings` (by notice id) when given, so
/// that a board's directives share one copy per notice.
fn directive_row_sharing(
    r: &rusqlite::Row,
    meetings: Option<&HashMap<i64, Option<Arc<str>>>>,
) -> rusqlite::Result<DirectiveRow> {
    let notice: i64 = r.get(1)?;
    let meeting = match meetings.and_then(|m| m.get(&notice)) {
        Some(shared) => shared.clone(),
        None => r.get_ref(2)?.as_str_or_null()?.map(Arc::from),
    };
    let status = Status::from_db(r.get_ref(7)?.as_str()?).unwrap_or_default();
    Ok(DirectiveRow {
        id: DirectiveId(r.get(0)?),
        notice_id: NoticeId(notice),
        meeting,
        number: r.get(3)?,
        title: r.get(4)?,
        text: r.get(5)?,
        deadline: r.get(6)?,
        status,
        assignments: Vec::new(),
        last_note: None,
        evidence: 0,
        evidence_after_notice: 0,
        continues: r.get::<_, Option<i64>>(8)?.map(DirectiveId),
        recurrence: None,
        source: source_at(r, 9)?.map(Box::new),
    })
}
