//! The store as a state machine: random sequences of imports (the seed and the corpus),
//! status, deadline and responsible-office changes, progress notes (blank ones must be
//! refused), evidence attached, captioned, trashed, restored and purged, offices renamed,
//! 督办 records per office (feedback, 申请办结, 审核通过, 退回), restores of a fresh snapshot
//! (undoing a 督办 write made after it) and reopenings of the database — 14 kinds of step,
//! picking among all directives, files and offices there are — checked after every step
//! against a small in-memory model, with SQLite's `integrity_check` and `foreign_key_check`.
//! The model keeps each directive's offices as (name, role, 督办 state) — imports start them
//! 未反馈, responsible-office changes keep the state of units that stay and start new ones
//! 未反馈, renames follow everywhere — and predicts which loop actions are refused and the
//! stored status that follows the lead offices' states (销号 stays; a status set by hand stays
//! until the next loop write). 32 sequences of up to 30 steps by default; more with
//! `PROPTEST_CASES=500 cargo test --test core model_based`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Days, NaiveDate, NaiveDateTime};
use duban::evidence::{BlobHash, BlobState, BlobStore, attach_file, hash_stream};
use duban::model::{
    Channel, DirectiveId, DirectiveRow, EvidenceId, LoopAction, LoopEdit, LoopState, NewFeedback,
    OfficeState, Role, Status,
};
use duban::notice::{decode_text, parse_notice};
use duban::store::{Actor, Store};
use proptest::prelude::*;

use crate::support::{SEED, dump};

/// Progress texts; the blank ones (empty, spaces, a tab and a line break, an ideographic
/// space) must be refused.
const TEXTS: [&str; 9] = [
    "已检查在建工地46处。",
    "开展夜查行动，发现隐患12处",
    "整改完成",
    "  约谈物业负责人  ",
    "宿舍通道已清理",
    "",
    "   ",
    "\t\n",
    "\u{3000}",
];

const BASE: &str = "2026-11-28";

fn date(day: u8) -> NaiveDate {
    BASE.parse::<NaiveDate>().expect("date") + Days::new(u64::from(day))
}

fn at(day: u8) -> NaiveDateTime {
    date(day).and_hms_opt(9, 30, 0).expect("time")
}

fn actor() -> Actor<'static> {
    Actor { author: "张伟", at: at(0) }
}

/// The notices an import may pick: the seed, then every corpus notice, as text.
fn notices() -> &'static [(String, String)] {
    static NOTICES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    NOTICES.get_or_init(|| {
        let seed = decode_text(SEED).expect("seed").text;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/notices");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let mut all = vec![("seed-notice".to_owned(), seed)];
        for path in paths {
            let text = decode_text(&std::fs::read(&path).expect("read")).expect("decode").text;
            all.push((path.file_stem().expect("stem").to_string_lossy().into_owned(), text));
        }
        assert!(all.len() >= 13, "the seed and the twelve corpus notices");
        all
    })
}

/// Which element of a list an operation picks: `n` modulo the list's length (none of an
/// empty list).
#[derive(Debug, Clone, Copy)]
struct Pick(usize);

impl Pick {
    fn of<T: Copy>(self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.0 % items.len()])
    }
}

fn pick() -> impl Strategy<Value = Pick> {
    any::<u32>().prop_map(|n| Pick(n as usize))
}

/// Which progress note an attached file points to.
#[derive(Debug, Clone, Copy)]
enum NoteChoice {
    None,
    /// The directive's newest note, if it has one.
    Own,
    /// A note of another directive, if there is one: must be refused.
    Foreign,
}

/// One step; `Loop` is a 督办 action on one office: 0 feedback, 1 申请办结, 2 审核通过, 3 退回
/// (see `World::loop_step`).
#[derive(Debug, Clone)]
enum Op {
    Import { notice: Pick, day: u8 },
    SetStatus { directive: Pick, status: Status },
    AddProgress { directive: Pick, text: usize, day: u8 },
    Attach { directive: Pick, content: u8, note: NoteChoice },
    Trash { evidence: Pick },
    Restore { evidence: Pick },
    EmptyTrash,
    Reopen,
    SetDeadline { directive: Pick, day: Option<u8> },
    SetOffices { directive: Pick, names: Vec<Pick> },
    Caption { evidence: Pick, text: usize },
    RenameOffice { office: Pick },
    RestoreSnapshot,
    Loop { directive: Pick, office: Pick, action: u8 },
}

/// Names `SetOffices` (and a 督办 record on a directive naming no office) draws from; never
/// renamed, so never an alias of another office.
const OFFICE_POOL: [&str; 4] = ["甲处", "乙处", "丙处", "丁处"];
const CAPTIONS: [&str; 4] = ["现场照片", "整改前", "", "  整改后  "];

fn import() -> impl Strategy<Value = Op> {
    (pick(), 0u8..30).prop_map(|(notice, day)| Op::Import { notice, day })
}

fn op() -> impl Strategy<Value = Op> {
    let note = prop_oneof![Just(NoteChoice::None), Just(NoteChoice::Own), Just(NoteChoice::Foreign)];
    prop_oneof![
        2 => import(),
        3 => (pick(), prop::sample::select(Status::ALL.to_vec()))
            .prop_map(|(directive, status)| Op::SetStatus { directive, status }),
        3 => (pick(), 0..TEXTS.len(), 0u8..30)
            .prop_map(|(directive, text, day)| Op::AddProgress { directive, text, day }),
        5 => (pick(), 0u8..4, note).prop_map(|(directive, content, note)| Op::Attach { directive, content, note }),
        2 => pick().prop_map(|evidence| Op::Trash { evidence }),
        2 => pick().prop_map(|evidence| Op::Restore { evidence }),
        1 => Just(Op::EmptyTrash),
        1 => Just(Op::Reopen),
        2 => (pick(), prop::option::of(0u8..60)).prop_map(|(directive, day)| Op::SetDeadline { directive, day }),
        2 => (pick(), prop::collection::vec(pick(), 0..4))
            .prop_map(|(directive, names)| Op::SetOffices { directive, names }),
        2 => (pick(), 0..CAPTIONS.len()).prop_map(|(evidence, text)| Op::Caption { evidence, text }),
        1 => pick().prop_map(|office| Op::RenameOffice { office }),
        1 => Just(Op::RestoreSnapshot),
        4 => (pick(), pick(), 0u8..4).prop_map(|(directive, office, action)| Op::Loop { directive, office, action }),
    ]
}

#[derive(Debug, Clone)]
struct Note {
    id: i64,
    on: NaiveDate,
    text: String,
}

#[derive(Debug, Default)]
struct Directive {
    status: Status,
    notes: Vec<Note>,
    deadline: Option<NaiveDate>,
    /// Its offices as the board lists them (leads, then supporting units, each in order):
    /// name, role, 督办 state.
    offices: Vec<(String, Role, OfficeState)>,
}

impl Directive {
    /// The responsible (lead) units' names, in order.
    fn leads(&self) -> Vec<String> {
        self.offices.iter().filter(|o| o.1 == Role::Lead).map(|o| o.0.clone()).collect()
    }

    /// The status a loop write leaves: the one derived from the lead offices (销号 stays).
    fn followed_status(&self) -> Status {
        let leads: Vec<OfficeState> =
            self.offices.iter().filter(|o| o.1 == Role::Lead).map(|o| o.2).collect();
        LoopState::derive(&leads, self.status).status()
    }
}

#[derive(Debug)]
struct Row {
    directive: DirectiveId,
    hash: BlobHash,
    progress: Option<i64>,
    trashed: bool,
    caption: String,
}

/// What the store should hold.
#[derive(Debug, Default)]
struct Model {
    notices: i64,
    directives: BTreeMap<DirectiveId, Directive>,
    evidence: BTreeMap<EvidenceId, Row>,
    /// Blobs written to the store (rows or not: an attach refused after copying leaves one).
    blobs: BTreeSet<BlobHash>,
    /// Rows of the append-only change log.
    log: i64,
    /// Offices renamed so far (for fresh names).
    renamed: usize,
}

impl Model {
    fn pick_directive(&self, p: Pick) -> Option<DirectiveId> {
        p.of(&self.directives.keys().copied().collect::<Vec<_>>())
    }

    fn pick_evidence(&self, p: Pick) -> Option<EvidenceId> {
        p.of(&self.evidence.keys().copied().collect::<Vec<_>>())
    }

    fn notes_of(&self, d: DirectiveId) -> Vec<i64> {
        self.directives.get(&d).map(|x| x.notes.iter().map(|n| n.id).collect()).unwrap_or_default()
    }

    fn live(&self, directive: DirectiveId) -> Vec<EvidenceId> {
        self.evidence
            .iter()
            .filter(|(_, r)| r.directive == directive && !r.trashed)
            .map(|(id, _)| *id)
            .collect()
    }
}

/// Ids that never exist, for operations on an empty store.
const NO_DIRECTIVE: DirectiveId = DirectiveId(1_000_000);
const NO_EVIDENCE: EvidenceId = EvidenceId(1_000_000);

/// The content attached for `content`: small, and the same bytes each time.
fn content_bytes(content: u8) -> Vec<u8> {
    format!("现场检查记录 第{content}份\n").repeat(usize::from(content) + 1).into_bytes()
}

struct World {
    dir: tempfile::TempDir,
    store: Option<Store>,
    model: Model,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open_dir(dir.path()).expect("store");
        World { dir, store: Some(store), model: Model::default() }
    }

    fn store(&mut self) -> &mut Store {
        self.store.as_mut().expect("open")
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Applies `op` to the store and the model; returns the directive it touched, if any.
    fn apply(&mut self, op: &Op) -> Option<DirectiveId> {
        match op {
            Op::Import { notice, day } => {
                let (name, text) = &notices()[notice.0 % notices().len()];
                let draft = parse_notice(text, date(*day)).unwrap_or_else(|e| panic!("{name}: {e}"));
                let before: BTreeSet<DirectiveId> = self.board_ids();
                let id = self.store().import_notice(&draft, text, "张伟", at(*day)).expect("import");
                let board = self.store().load_board().expect("board");
                let new: Vec<DirectiveId> =
                    board.directives.iter().filter(|d| !before.contains(&d.id)).map(|d| d.id).collect();
                assert_eq!(new.len(), draft.directive_count(), "{name}");
                assert!(board.directives.iter().filter(|d| new.contains(&d.id)).all(|d| d.notice_id == id));
                for row in board.directives.iter().filter(|d| new.contains(&d.id)) {
                    // Every office starts 未反馈 (the check compares the states with the board).
                    let offices = row
                        .assignments
                        .iter()
                        .map(|a| (a.name.to_string(), a.role, OfficeState::Unreported))
                        .collect();
                    let fresh = Directive { deadline: row.deadline, offices, ..Directive::default() };
                    assert!(self.model.directives.insert(row.id, fresh).is_none(), "id {} reused", row.id);
                }
                self.model.notices += 1;
                self.model.log += 1;
                None
            }
            Op::SetStatus { directive, status } => {
                let Some(d) = self.model.pick_directive(*directive) else {
                    self.refused(
                        |s| s.set_status(NO_DIRECTIVE, *status, &actor()).map(|_| ()),
                        "找不到编号为",
                    );
                    return None;
                };
                let changed = self.store().set_status(d, *status, &actor()).expect("set_status");
                let model = self.model.directives.get_mut(&d).expect("model");
                assert_eq!(changed, model.status != *status, "{d}: {:?} → {status:?}", model.status);
                model.status = *status;
                self.model.log += i64::from(changed);
                Some(d)
            }
            Op::AddProgress { directive, text, day } => {
                let text = TEXTS[*text];
                let d = self.model.pick_directive(*directive);
                if text.trim().is_empty() {
                    let target = d.unwrap_or(NO_DIRECTIVE);
                    self.refused(
                        |s| s.add_note(target, date(*day), text, &actor()).map(|_| ()),
                        "进展内容不能为空",
                    );
                    return d;
                }
                let Some(d) = d else {
                    self.refused(
                        |s| s.add_note(NO_DIRECTIVE, date(*day), text, &actor()).map(|_| ()),
                        "找不到编号为",
                    );
                    return None;
                };
                let id = self.store().add_note(d, date(*day), text, &actor()).expect("add_note");
                let newest = self.model.directives.values().flat_map(|m| &m.notes).map(|n| n.id).max();
                assert!(newest.is_none_or(|n| id > n), "note ids only grow: {id} after {newest:?}");
                let note = Note { id, on: date(*day), text: text.trim().to_owned() };
                self.model.directives.get_mut(&d).expect("model").notes.push(note);
                self.model.log += 1;
                Some(d)
            }
            Op::Attach { directive, content, note } => self.attach(*directive, *content, *note),
            Op::Trash { evidence } | Op::Restore { evidence } => {
                let trash = matches!(op, Op::Trash { .. });
                let Some(e) = self.model.pick_evidence(*evidence) else {
                    let message = "找不到编号为";
                    if trash {
                        self.refused(|s| s.trash_evidence(NO_EVIDENCE, &actor()).map(|_| ()), message);
                    } else {
                        self.refused(|s| s.restore_evidence(NO_EVIDENCE, &actor()).map(|_| ()), message);
                    }
                    return None;
                };
                let changed = if trash {
                    self.store().trash_evidence(e, &actor()).expect("trash")
                } else {
                    self.store().restore_evidence(e, &actor()).expect("restore")
                };
                let row = self.model.evidence.get_mut(&e).expect("model");
                assert_eq!(changed, row.trashed != trash, "{e}: trashed {} → {trash}", row.trashed);
                row.trashed = trash;
                self.model.log += i64::from(changed);
                Some(row.directive)
            }
            Op::EmptyTrash => {
                let removed = self.store().empty_evidence_trash(&actor()).expect("empty");
                let before = self.model.evidence.len();
                self.model.evidence.retain(|_, r| !r.trashed);
                assert_eq!(removed, before - self.model.evidence.len());
                self.model.log += removed as i64;
                None
            }
            Op::SetDeadline { directive, day } => {
                let deadline = day.map(date);
                let Some(d) = self.model.pick_directive(*directive) else {
                    self.refused(
                        |s| s.set_deadline(NO_DIRECTIVE, deadline, &actor()).map(|_| ()),
                        "找不到编号为",
                    );
                    return None;
                };
                let changed = self.store().set_deadline(d, deadline, &actor()).expect("set_deadline");
                let model = self.model.directives.get_mut(&d).expect("model");
                assert_eq!(changed, model.deadline != deadline, "{d}");
                model.deadline = deadline;
                self.model.log += i64::from(changed);
                Some(d)
            }
            Op::SetOffices { directive, names } => {
                let mut wanted: Vec<String> = Vec::new();
                for name in names.iter().map(|p| OFFICE_POOL[p.0 % OFFICE_POOL.len()].to_owned()) {
                    if !wanted.contains(&name) {
                        wanted.push(name);
                    }
                }
                let Some(d) = self.model.pick_directive(*directive) else {
                    self.refused(
                        |s| s.set_offices(NO_DIRECTIVE, &wanted, &actor()).map(|_| ()),
                        "找不到编号为",
                    );
                    return None;
                };
                let changed = self.store().set_offices(d, &wanted, &actor()).expect("set_offices");
                let model = self.model.directives.get_mut(&d).expect("model");
                assert_eq!(changed, model.leads() != wanted, "{d}: {:?} → {wanted:?}", model.leads());
                // The wanted units lead, in order, each keeping its state if it was on the
                // directive (a supporting unit moves up); new ones start 未反馈. Supporting
                // units stay. The stored status is not a loop write's: it stays.
                let state_of = |name: &str| {
                    model.offices.iter().find(|o| o.0 == name).map_or(OfficeState::Unreported, |o| o.2)
                };
                let mut offices: Vec<(String, Role, OfficeState)> =
                    wanted.iter().map(|n| (n.clone(), Role::Lead, state_of(n))).collect();
                offices.extend(
                    model.offices.iter().filter(|o| o.1 == Role::Support && !wanted.contains(&o.0)).cloned(),
                );
                model.offices = offices;
                self.model.log += i64::from(changed);
                Some(d)
            }
            Op::Caption { evidence, text } => {
                let caption = CAPTIONS[*text];
                let Some(e) = self.model.pick_evidence(*evidence) else {
                    self.refused(
                        |s| s.set_evidence_caption(NO_EVIDENCE, caption, &actor()).map(|_| ()),
                        "找不到编号为",
                    );
                    return None;
                };
                let changed = self.store().set_evidence_caption(e, caption, &actor()).expect("caption");
                let row = self.model.evidence.get_mut(&e).expect("model");
                assert_eq!(changed, row.caption != caption.trim(), "{e}");
                row.caption = caption.trim().to_owned();
                self.model.log += i64::from(changed);
                Some(row.directive)
            }
            Op::RenameOffice { office } => {
                let board = self.store().load_board().expect("board");
                let offices: Vec<(duban::model::OfficeId, String)> = board
                    .offices
                    .iter()
                    .filter(|o| !OFFICE_POOL.contains(&o.name.as_str()))
                    .map(|o| (o.id, o.name.clone()))
                    .collect();
                let i = office.of(&(0..offices.len()).collect::<Vec<_>>())?;
                let (id, old) = offices[i].clone();
                self.model.renamed += 1;
                let new = format!("改名{}", self.model.renamed);
                self.store().rename_office(id, &new, &actor()).expect("rename");
                // The new name everywhere, with each assignment's role and state.
                for d in self.model.directives.values_mut() {
                    d.offices.iter_mut().filter(|o| o.0 == old).for_each(|o| o.0.clone_from(&new));
                }
                self.model.log += 1;
                None
            }
            Op::RestoreSnapshot => {
                let before = dump(self.store());
                let snapshot = self.path().join("快照.sqlite3");
                self.store().snapshot_to(&snapshot).expect("snapshot");
                // A 督办 write after the snapshot (a feedback, preferably taking an office from
                // 未反馈 to 推进中), which the restore must undo with the office's state.
                let offices =
                    self.model.directives.iter().flat_map(|(d, m)| m.offices.iter().map(move |o| (*d, o)));
                let target =
                    offices.clone().find(|(_, o)| o.2 == OfficeState::Unreported).or(offices.clone().next());
                if let Some((d, (name, _, _))) = target.map(|(d, o)| (d, o.clone())) {
                    let edit = LoopEdit { office: name, action: LoopAction::Feedback(feedback()) };
                    self.store().apply_loop_edit(d, &edit, &loop_actor()).expect("feedback");
                    assert_ne!(dump(self.store()), before, "the feedback after the snapshot wrote nothing");
                }
                let dir = self.path().to_path_buf();
                duban::backup::restore(self.store(), &dir, &snapshot, &mut |_, _| {}).expect("restore");
                assert_eq!(dump(self.store()), before, "a restore of a fresh snapshot changed the database");
                None
            }
            Op::Loop { directive, office, action } => self.loop_step(*directive, *office, *action),
            Op::Reopen => {
                let before = dump(self.store());
                drop(self.store.take());
                self.store = Some(Store::open_dir(self.dir.path()).expect("reopen"));
                assert_eq!(dump(self.store()), before, "reopening changed the database");
                None
            }
        }
    }

    fn attach(&mut self, directive: Pick, content: u8, note: NoteChoice) -> Option<DirectiveId> {
        let bytes = content_bytes(content);
        let hash = hash_stream(&mut bytes.as_slice()).expect("hash").hash;
        let folder = self.path().join("相机");
        std::fs::create_dir_all(&folder).expect("folder");
        let source = folder.join(format!("记录{content}.txt"));
        std::fs::write(&source, &bytes).expect("source");
        let dir = self.path().to_path_buf();
        let Some(d) = self.model.pick_directive(directive) else {
            // Refused before anything is copied.
            let blobs_before = self.model.blobs.clone();
            self.refused(
                |s| attach_file(s, &dir, NO_DIRECTIVE, None, &source, &actor()).map(|_| ()),
                "找不到编号为",
            );
            assert_eq!(self.model.blobs, blobs_before);
            return None;
        };
        let progress = match note {
            NoteChoice::None => None,
            NoteChoice::Own => self.model.notes_of(d).last().copied(),
            NoteChoice::Foreign => {
                let foreign = self
                    .model
                    .directives
                    .iter()
                    .filter(|(id, _)| **id != d)
                    .flat_map(|(_, x)| x.notes.iter().map(|n| n.id))
                    .next();
                if let Some(other) = foreign {
                    // The file is copied first (the blob may stay as an orphan), no row is written.
                    let message = format!("进展 {other} 不属于工作要求 {d}");
                    self.refused(
                        |s| {
                            attach_file(s, &dir, d, Some(duban::model::NoteId(other)), &source, &actor())
                                .map(|_| ())
                        },
                        &message,
                    );
                    self.model.blobs.insert(hash);
                    return Some(d);
                }
                None
            }
        };
        let done = attach_file(self.store(), &dir, d, progress.map(duban::model::NoteId), &source, &actor())
            .expect("attach");
        assert_eq!(done.hash, hash);
        assert_eq!(done.deduplicated, self.model.blobs.contains(&hash), "{hash}");
        let same: Vec<EvidenceId> =
            self.model.live(d).into_iter().filter(|e| self.model.evidence[e].hash == hash).collect();
        assert_eq!(done.already_attached, !same.is_empty(), "{d}: {same:?}");
        if done.already_attached {
            assert!(same.contains(&done.id), "{:?} not among {same:?}", done.id);
        } else {
            let row =
                Row { directive: d, hash: hash.clone(), progress, trashed: false, caption: String::new() };
            assert!(self.model.evidence.insert(done.id, row).is_none(), "evidence id {} reused", done.id);
            self.model.log += 1;
        }
        self.model.blobs.insert(hash);
        Some(d)
    }

    /// `f` fails with a message containing `what` and the database is as it was.
    fn refused<E: std::fmt::Display>(&mut self, f: impl FnOnce(&mut Store) -> Result<(), E>, what: &str) {
        let before = dump(self.store());
        let message = match f(self.store()) {
            Ok(()) => panic!("accepted; expected “{what}”"),
            Err(e) => e.to_string(),
        };
        assert!(message.contains(what), "{message}");
        assert_eq!(dump(self.store()), before, "a refused operation changed the database: {message}");
    }

    fn board_ids(&mut self) -> BTreeSet<DirectiveId> {
        self.store().load_board().expect("board").directives.iter().map(|d| d.id).collect()
    }

    /// The store agrees with the model, and SQLite finds the file sound.
    fn check(&mut self, touched: Option<DirectiveId>) {
        let store = self.store.as_ref().expect("open");
        let model = &self.model;
        let counts = store.counts().expect("counts");
        assert_eq!((counts.0, counts.2), (model.notices, model.directives.len() as i64));
        let board = store.load_board().expect("board");
        assert_eq!(board.notices.len() as i64, model.notices);
        let ids: Vec<DirectiveId> =
            board.directives.iter().map(|d| d.id).collect::<BTreeSet<_>>().into_iter().collect();
        assert_eq!(ids, model.directives.keys().copied().collect::<Vec<_>>());
        for row in &board.directives {
            let m = &model.directives[&row.id];
            assert_eq!(row.status, m.status, "{}", row.id);
            assert_eq!(row.evidence as usize, model.live(row.id).len(), "{}", row.id);
            let last = m.notes.iter().max_by_key(|n| (n.on, n.id)).map(|n| (n.on, n.text.clone()));
            assert_eq!(row.last_note, last, "{}", row.id);
            assert_eq!(row.deadline, m.deadline, "{}", row.id);
            check_offices(row, m);
        }
        // Every note, in id order.
        let notes: Vec<(i64, i64, NaiveDate, String)> = store
            .connection()
            .prepare("SELECT id, directive_id, on_date, text FROM progress ORDER BY id")
            .expect("notes")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("notes")
            .collect::<rusqlite::Result<_>>()
            .expect("notes");
        let mut expected: Vec<(i64, i64, NaiveDate, String)> = model
            .directives
            .iter()
            .flat_map(|(d, m)| m.notes.iter().map(move |n| (n.id, d.0, n.on, n.text.clone())))
            .collect();
        expected.sort();
        assert_eq!(notes, expected);
        // Evidence: every row, the 回收站, and each directive's list.
        type EvidenceRow = (i64, i64, String, Option<i64>, bool, String);
        let rows: Vec<EvidenceRow> = store
            .connection()
            .prepare("SELECT id, directive_id, hash, progress_id, trashed_at IS NOT NULL, caption FROM evidence ORDER BY id")
            .expect("evidence")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .expect("evidence")
            .collect::<rusqlite::Result<_>>()
            .expect("evidence");
        let expected: Vec<EvidenceRow> = model
            .evidence
            .iter()
            .map(|(id, r)| {
                (id.0, r.directive.0, r.hash.to_string(), r.progress, r.trashed, r.caption.clone())
            })
            .collect();
        assert_eq!(rows, expected);
        let mut trash: Vec<EvidenceId> =
            store.evidence_trash().expect("trash").iter().map(|e| e.id).collect();
        trash.sort();
        let model_trash: Vec<EvidenceId> =
            model.evidence.iter().filter(|(_, r)| r.trashed).map(|(id, _)| *id).collect();
        assert_eq!(trash, model_trash);
        let with_rows: BTreeSet<DirectiveId> = model.evidence.values().map(|r| r.directive).collect();
        for d in with_rows.iter().copied().chain(touched) {
            let listed: Vec<EvidenceId> =
                store.evidence_for(d).expect("evidence_for").iter().map(|e| e.id).collect();
            assert_eq!(listed, model.live(d), "{d}");
        }
        // The directive the step touched, in full.
        if let Some(d) = touched.filter(|d| model.directives.contains_key(d)) {
            let detail = store.load_detail(d).expect("detail");
            let m = &model.directives[&d];
            assert_eq!(detail.row.status, m.status);
            check_offices(&detail.row, m);
            // The row a window patches its board with after a change.
            let row = store.directive_row(d).expect("directive_row");
            assert_eq!(row.status, m.status, "{d}");
            assert_eq!(row.deadline, m.deadline, "{d}");
            check_offices(&row, m);
            let mut notes = m.notes.clone();
            notes.sort_by_key(|n| std::cmp::Reverse((n.on, n.id)));
            let got: Vec<(i64, NaiveDate, &str)> =
                detail.notes.iter().map(|p| (p.id.0, p.on, p.text.as_str())).collect();
            let want: Vec<(i64, NaiveDate, &str)> =
                notes.iter().map(|n| (n.id, n.on, n.text.as_str())).collect();
            assert_eq!(got, want, "{d}");
            assert_eq!(detail.evidence.iter().map(|e| e.id).collect::<Vec<_>>(), model.live(d));
            assert_eq!(detail.row.evidence as usize, model.live(d).len());
        }
        let log: i64 =
            store.connection().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).expect("log");
        assert_eq!(log, model.log, "change log rows");
        // Blobs: exactly those written, each whole, and no partial copy left behind.
        let blobs = BlobStore::in_data_dir(self.dir.path());
        for hash in &model.blobs {
            assert_eq!(blobs.verify(hash).expect("verify"), BlobState::Intact, "{hash}");
        }
        let mut on_disk = Vec::new();
        if let Ok(folders) = std::fs::read_dir(blobs.root()) {
            for folder in folders {
                let folder = folder.expect("entry").path();
                assert!(folder.is_dir(), "a file at the top of the store: {folder:?}");
                for file in std::fs::read_dir(&folder).expect("folder") {
                    on_disk.push(file.expect("entry").file_name().to_string_lossy().into_owned());
                }
            }
        }
        on_disk.sort();
        let expected: Vec<String> = model.blobs.iter().map(|h| format!("{h}.bin")).collect();
        assert_eq!(on_disk, expected);
        // SQLite's own checks.
        let integrity: Vec<String> = store
            .connection()
            .prepare("PRAGMA integrity_check")
            .expect("integrity")
            .query_map([], |r| r.get(0))
            .expect("integrity")
            .collect::<rusqlite::Result<_>>()
            .expect("integrity");
        assert_eq!(integrity, ["ok"]);
        let mut fk = store.connection().prepare("PRAGMA foreign_key_check").expect("fk");
        let violations: Vec<String> = fk
            .query_map([], |r| Ok(format!("{:?} {:?}", r.get_ref(0)?, r.get_ref(1)?)))
            .expect("fk")
            .collect::<rusqlite::Result<_>>()
            .expect("fk");
        assert!(violations.is_empty(), "{violations:?}");
    }
}

/// Up to 30 steps; most sequences start with an import, so that most steps have directives to
/// work on (the others try every step on an empty store first).
fn sequence() -> impl Strategy<Value = Vec<Op>> {
    (prop::option::weighted(0.8, import()), prop::collection::vec(op(), 1..30))
        .prop_map(|(first, rest)| first.into_iter().chain(rest).collect())
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_store_agrees_with_a_simple_model_after_every_step(ops in sequence()) {
        let mut world = World::new();
        world.check(None);
        for op in &ops {
            let touched = world.apply(op);
            world.check(touched);
        }
    }
}

/// The machine's pieces on fixed sequences, so a plain run shows each kind of step works
/// (the random sequences may, in principle, miss one): this one every step but `Loop`, the
/// next the 督办 loop, the last the loop mixed with office changes, renames and a restore.
#[test]
fn a_fixed_sequence_exercises_every_step() {
    let i = Pick;
    let ops = [
        Op::SetStatus { directive: i(0), status: Status::Done },
        Op::Attach { directive: i(0), content: 0, note: NoteChoice::None },
        Op::Import { notice: i(0), day: 0 },
        Op::Import { notice: i(5), day: 3 },
        Op::SetStatus { directive: i(1), status: Status::InProgress },
        Op::SetStatus { directive: i(1), status: Status::InProgress },
        Op::AddProgress { directive: i(1), text: 0, day: 2 },
        Op::AddProgress { directive: i(1), text: 3, day: 1 },
        Op::AddProgress { directive: i(1), text: 6, day: 1 },
        Op::AddProgress { directive: i(2), text: 8, day: 1 },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::Own },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::None },
        Op::Attach { directive: i(2), content: 1, note: NoteChoice::Foreign },
        Op::Attach { directive: i(3), content: 2, note: NoteChoice::Foreign },
        Op::Trash { evidence: i(0) },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::None },
        Op::Reopen,
        Op::Restore { evidence: i(0) },
        Op::Trash { evidence: i(1) },
        Op::Trash { evidence: i(1) },
        Op::EmptyTrash,
        Op::Reopen,
        Op::Attach { directive: i(2), content: 1, note: NoteChoice::None },
        Op::SetDeadline { directive: i(1), day: Some(40) },
        Op::SetDeadline { directive: i(1), day: None },
        Op::SetOffices { directive: i(1), names: vec![i(1), i(0), i(1)] },
        Op::SetOffices { directive: i(1), names: vec![i(1), i(0)] },
        Op::Caption { evidence: i(0), text: 3 },
        Op::Caption { evidence: i(0), text: 3 },
        Op::RenameOffice { office: i(0) },
        Op::RestoreSnapshot,
        Op::SetDeadline { directive: i(70), day: Some(1) },
    ];
    let mut world = World::new();
    for op in &ops {
        let touched = world.apply(op);
        world.check(touched);
    }
    let m = &world.model;
    assert_eq!(m.notices, 2);
    assert_eq!(m.evidence.len(), 2, "{:#?}", m.evidence);
    assert!(m.evidence.values().all(|r| !r.trashed));
    assert_eq!(m.blobs.len(), 2);
    assert_eq!(m.directives.values().map(|d| d.notes.len()).sum::<usize>(), 2);
}

/// The 督办 loop on one office, through every action and refusal, to 已办结.
#[test]
fn a_fixed_sequence_runs_the_loop() {
    let i = Pick;
    let ops = [
        Op::SetStatus { directive: i(0), status: Status::Done },
        Op::Attach { directive: i(0), content: 0, note: NoteChoice::None },
        Op::Import { notice: i(0), day: 0 },
        Op::Import { notice: i(5), day: 3 },
        Op::SetStatus { directive: i(1), status: Status::InProgress },
        Op::SetStatus { directive: i(1), status: Status::InProgress },
        Op::AddProgress { directive: i(1), text: 0, day: 2 },
        Op::AddProgress { directive: i(1), text: 3, day: 1 },
        Op::AddProgress { directive: i(1), text: 6, day: 1 },
        Op::AddProgress { directive: i(2), text: 8, day: 1 },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::Own },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::None },
        Op::Attach { directive: i(2), content: 1, note: NoteChoice::Foreign },
        Op::Attach { directive: i(3), content: 2, note: NoteChoice::Foreign },
        Op::Trash { evidence: i(0) },
        Op::Attach { directive: i(1), content: 1, note: NoteChoice::None },
        Op::Reopen,
        Op::Restore { evidence: i(0) },
        Op::Trash { evidence: i(1) },
        Op::Trash { evidence: i(1) },
        Op::EmptyTrash,
        Op::Reopen,
        Op::Attach { directive: i(2), content: 1, note: NoteChoice::None },
        Op::Loop { directive: i(0), office: i(0), action: 2 },
        Op::Loop { directive: i(0), office: i(0), action: 0 },
        Op::Loop { directive: i(0), office: i(0), action: 1 },
        Op::Loop { directive: i(0), office: i(0), action: 1 },
        Op::Loop { directive: i(0), office: i(0), action: 3 },
        Op::Loop { directive: i(0), office: i(0), action: 1 },
        Op::Reopen,
        Op::Loop { directive: i(0), office: i(0), action: 2 },
        Op::Loop { directive: i(0), office: i(1), action: 1 },
    ];
    let mut world = World::new();
    for op in &ops {
        let touched = world.apply(op);
        world.check(touched);
    }
    let m = &world.model;
    assert_eq!(m.notices, 2);
    assert_eq!(m.evidence.len(), 2, "{:#?}", m.evidence);
    assert!(m.evidence.values().all(|r| !r.trashed));
    assert_eq!(m.blobs.len(), 2);
    assert_eq!(m.directives.values().map(|d| d.notes.len()).sum::<usize>(), 2);
    assert!(
        m.directives.values().any(|d| d.offices.iter().any(|o| o.2 == OfficeState::Finished)),
        "the loop ran to 已办结"
    );
}

/// Office states through responsible-office changes (units that stay keep theirs, new ones
/// start 未反馈, the stored status waits for the next loop write), 销号, a rename, a restore
/// and a reopening.
#[test]
fn a_fixed_sequence_keeps_office_states_through_office_changes() {
    let i = Pick;
    let ops = [
        Op::Loop { directive: i(0), office: i(0), action: 0 },
        Op::Import { notice: i(0), day: 0 },
        Op::SetOffices { directive: i(0), names: vec![i(0), i(1)] },
        Op::Loop { directive: i(0), office: i(0), action: 0 },
        Op::Loop { directive: i(0), office: i(0), action: 1 },
        Op::Loop { directive: i(0), office: i(0), action: 2 },
        Op::SetOffices { directive: i(0), names: vec![i(2), i(0)] },
        Op::Loop { directive: i(0), office: i(0), action: 1 },
        Op::Loop { directive: i(0), office: i(0), action: 2 },
        Op::SetOffices { directive: i(0), names: vec![i(0), i(3)] },
        Op::Loop { directive: i(0), office: i(1), action: 0 },
        Op::SetStatus { directive: i(0), status: Status::Closed },
        Op::Loop { directive: i(0), office: i(0), action: 3 },
        Op::Loop { directive: i(0), office: i(1), action: 1 },
        Op::RenameOffice { office: i(0) },
        Op::Loop { directive: i(1), office: i(0), action: 0 },
        Op::RestoreSnapshot,
        Op::SetOffices { directive: i(2), names: vec![] },
        Op::Reopen,
    ];
    let mut world = World::new();
    for op in &ops {
        let touched = world.apply(op);
        world.check(touched);
    }
    let m = &world.model;
    let first = &m.directives[&DirectiveId(1)];
    assert_eq!(first.status, Status::Closed);
    let want = [("甲处", Role::Lead, OfficeState::Finished), ("丁处", Role::Lead, OfficeState::Requested)];
    assert_eq!(first.offices, want.map(|(n, r, s)| (n.to_owned(), r, s)));
    let second = &m.directives[&DirectiveId(2)];
    assert!(second.offices[0].0.starts_with("改名"), "{:?}", second.offices);
    assert_eq!(second.offices[0].2, OfficeState::InProgress);
    assert!(m.directives[&DirectiveId(3)].leads().is_empty());
}

/// Each office's name, role and state on `row` (the board's, the detail's or `directive_row`'s)
/// are the model's.
fn check_offices(row: &DirectiveRow, m: &Directive) {
    let got: Vec<_> = row.assignments.iter().map(|a| (a.name.to_string(), a.role, a.track.state)).collect();
    assert_eq!(got, m.offices, "{}", row.id);
}

/// Loop records are dated day 30: on or after every import, and "today" for the store.
fn loop_actor() -> Actor<'static> {
    Actor { author: "张伟", at: at(30) }
}

fn feedback() -> NewFeedback {
    NewFeedback { on: date(30), channel: Channel::Phone, by: None, phone: None, text: "已部署".into() }
}

/// An office never on any directive (no import names it, `SetOffices` never picks it).
const NOT_ASSIGNED: &str = "戊处";

impl World {
    /// A 督办 action on the `office`-th office of one of the directives with offices. When
    /// none has any, on any directive: it names no office, so the record names one from
    /// `OFFICE_POOL`, which becomes its lead unit (logged as 责任处室); with no directive at
    /// all the store must refuse. The model predicts acceptance (or the refusal), the new
    /// state, the stored status that follows (销号 stays) and the change-log entries.
    fn loop_step(&mut self, directive: Pick, office: Pick, action: u8) -> Option<DirectiveId> {
        let with_offices: Vec<DirectiveId> =
            self.model.directives.iter().filter(|(_, m)| !m.offices.is_empty()).map(|(d, _)| *d).collect();
        let (d, i) = match (directive.of(&with_offices), self.model.pick_directive(directive)) {
            (Some(d), _) => (d, Some(office.0 % self.model.directives[&d].offices.len())),
            (None, Some(d)) => (d, None),
            (None, None) => {
                let edit = LoopEdit { office: NOT_ASSIGNED.into(), action: LoopAction::Feedback(feedback()) };
                self.refused(
                    |s| s.apply_loop_edit(NO_DIRECTIVE, &edit, &loop_actor()).map(|_| ()),
                    "找不到编号为",
                );
                return None;
            }
        };
        let (name, role, state) = match i {
            Some(i) => self.model.directives[&d].offices[i].clone(),
            None => {
                (OFFICE_POOL[office.0 % OFFICE_POOL.len()].to_owned(), Role::Lead, OfficeState::Unreported)
            }
        };
        let on = date(30);
        let pending = (state != OfficeState::Requested).then_some("没有待审核的办结申请");
        let (action, next, refusal) = match action {
            0 => {
                let next = if state == OfficeState::Unreported { OfficeState::InProgress } else { state };
                (LoopAction::Feedback(feedback()), next, None)
            }
            1 => {
                let refusal = match (role, state) {
                    (Role::Support, _) => Some("配合单位"),
                    (_, OfficeState::Requested | OfficeState::Finished) => Some("目前为"),
                    _ => None,
                };
                (LoopAction::Complete { on, report: "办结报告".into() }, OfficeState::Requested, refusal)
            }
            2 => (LoopAction::Accept { on }, OfficeState::Finished, pending),
            _ => (LoopAction::Return { on, reason: "材料不全".into() }, OfficeState::InProgress, pending),
        };
        let edit = LoopEdit { office: name.clone(), action };
        if let Some(what) = refusal {
            // Also when the directive named no office: the unit it would have taken is not kept.
            self.refused(|s| s.apply_loop_edit(d, &edit, &loop_actor()).map(|_| ()), what);
            return Some(d);
        }
        if i.is_some() && matches!(edit.action, LoopAction::Feedback(_)) {
            // An office not on the directive (and no alias of one) is refused, naming those that are.
            let stray = LoopEdit { office: NOT_ASSIGNED.into(), action: edit.action.clone() };
            self.refused(|s| s.apply_loop_edit(d, &stray, &loop_actor()).map(|_| ()), "不是工作要求");
        }
        self.store().apply_loop_edit(d, &edit, &loop_actor()).expect("loop edit");
        let m = self.model.directives.get_mut(&d).expect("model");
        match i {
            Some(i) => m.offices[i].2 = next,
            None => {
                m.offices.push((name, Role::Lead, next));
                self.model.log += 1;
            }
        }
        self.model.log += 1;
        let status = m.followed_status();
        if status != m.status {
            m.status = status;
            self.model.log += 1;
        }
        Some(d)
    }
}
