//! What the worker does with each request: one function per kind of work, each answering
//! with exactly one [`Reply`] (long tasks also send progress). Failures are `Reply::Failed`;
//! the line routes them to whoever asked.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{ContinuationOption, Listing, ParsedImport, Reply, Request, Snapshot};
use crate::clock::Clock;
use crate::model::{DirectiveEdit, DirectiveId};
use crate::notice::{
    candidate_decodings, decode_bytes, decode_with, is_word_file, parse_notice, read_notice_bytes,
};
use crate::report::{self, Format, Summary, SummaryRequest};
use crate::store::{Actor, Store};
use crate::ui::command::ImportSource;

/// What a request is handled with.
pub(super) struct Context<'a> {
    pub store: &'a mut Store,
    pub clock: Clock,
    /// The data folder the store lives in (backups, evidence, moves).
    pub data_dir: &'a Path,
    pub progress: &'a dyn Fn(f32, &str),
    /// How much of the register the window's board lists (the worker keeps it between requests).
    pub listing: &'a mut Listing,
}

/// What a snapshot lists, and the day its left-out figures count for.
#[derive(Debug, Clone, Copy)]
struct View {
    listing: Listing,
    today: NaiveDate,
}

fn snapshot(store: &Store, view: View, detail: Option<DirectiveId>) -> Result<Snapshot, String> {
    // The window keeps no directive texts: the detail carries the selected one's.
    let mut board = store.load_window_board().map_err(|e| e.to_string())?;
    let detail = match detail {
        Some(id) => store.load_detail(id).ok(),
        None => None,
    };
    let settings = store.settings().map_err(|e| e.to_string())?;
    // A large register: the finished directives stay in the database, their figures kept.
    if !view.listing.finished && board.directives.len() > view.listing.whole_up_to {
        board.leave_out_finished(view.today, settings.feedback_days);
    }
    Ok(Snapshot { board, detail, settings })
}

/// A change was stored: `message` and a fresh snapshot with `detail`.
fn changed(store: &Store, view: View, message: Result<String, String>, detail: Option<DirectiveId>) -> Reply {
    match message.and_then(|message| Ok((message, snapshot(store, view, detail)?))) {
        Ok((message, s)) => Reply::Changed { message, snapshot: Box::new(s) },
        Err(e) => Reply::Failed(e),
    }
}

/// The officer's name for the change log, or why it cannot be read.
fn author(store: &Store) -> Result<String, String> {
    store.signing_author().map_err(|e| e.to_string())
}

fn or_failed<T>(result: Result<T, String>, ok: impl FnOnce(T) -> Reply) -> Reply {
    result.map_or_else(Reply::Failed, ok)
}

pub(super) fn handle(cx: Context, request: &Request) -> Reply {
    let Context { store, clock, data_dir, progress, listing } = cx;
    if let Request::Listing { listing: asked, .. } = request {
        *listing = *asked;
    }
    let view = View { listing: *listing, today: clock.today() };
    match request {
        Request::Refresh { detail } | Request::Listing { detail, .. } => {
            or_failed(snapshot(store, view, *detail), |s| Reply::Snapshot(Box::new(s)))
        }
        Request::LoadDetail(id) => {
            or_failed(store.load_detail(*id).map_err(|e| e.to_string()), |d| Reply::Detail(Box::new(d)))
        }
        Request::Parse { source, issued_on, encoding } => {
            let parsed = parse(source, *issued_on, *encoding).and_then(|mut parsed| {
                offer_continuations(store, &mut parsed)?;
                Ok(parsed)
            });
            or_failed(parsed, |p| Reply::Parsed(Box::new(p)))
        }
        Request::Import { draft, source_text, detail } => {
            let stored = author(store).and_then(|author| {
                store
                    .import_notice(draft, source_text, &author, clock.now())
                    .map_err(|e| format!("导入失败，未保存任何内容：{e}"))
            });
            let message =
                stored.map(|_| format!("已导入：{}（{} 条工作要求）", draft.title, draft.directive_count()));
            changed(store, view, message, *detail)
        }
        Request::Edit { id, edit } => {
            let message = author(store).and_then(|author| {
                let actor = Actor { author: &author, at: clock.now() };
                store.apply_edit(*id, edit, &actor).map_err(|e| format!("保存失败：{e}"))
            });
            // New office names join the roster: the whole board. Any other edit changes one row.
            if matches!(edit, DirectiveEdit::Offices(_)) {
                return changed(store, view, message, Some(*id));
            }
            let row = message.and_then(|message| {
                let mut row = store.directive_row(*id).map_err(|e| e.to_string())?;
                // As in the window's board (`Store::load_window_board`): the text is in the detail.
                row.text = String::new();
                let detail = store.load_detail(*id).map_err(|e| e.to_string())?;
                Ok((message, row, detail))
            });
            or_failed(row, |(message, row, detail)| Reply::RowChanged {
                message,
                row: Box::new(row),
                detail: Box::new(detail),
            })
        }
        Request::Register(edit) => {
            let stored = author(store).and_then(|author| {
                let actor = Actor { author: &author, at: clock.now() };
                store.apply_register_edit(edit, &actor).map_err(|e| format!("保存失败：{e}"))
            });
            let reply = stored.and_then(|(message, id)| Ok((message, snapshot(store, view, Some(id))?, id)));
            let subject = edit.subject();
            or_failed(reply, |(message, s, id)| Reply::Registered {
                message,
                snapshot: Box::new(s),
                id,
                subject,
            })
        }
        Request::SaveSettings { settings, detail } => {
            let saved = store.save_settings(settings).map_err(|e| format!("保存设置失败：{e}"));
            or_failed(saved.and_then(|_| snapshot(store, view, *detail)), |s| {
                Reply::SettingsSaved(Box::new(s))
            })
        }
        Request::NoticeCadence { notice, days, detail } => {
            let message = author(store).and_then(|author| {
                let actor = Actor { author: &author, at: clock.now() };
                let shown = days.map_or_else(|| "跟随设置".to_owned(), |d| format!("每{d}天"));
                store
                    .set_notice_feedback_days(*notice, *days, &actor)
                    .map(|()| format!("反馈周期：{shown}"))
                    .map_err(|e| e.to_string())
            });
            changed(store, view, message, *detail)
        }
        Request::SetAuthor { name, detail } => {
            let message =
                store.set_author(name).map_err(|e| e.to_string()).map(|_| format!("填报人：{}", name.trim()));
            changed(store, view, message, *detail)
        }
        Request::Roster(edit) => {
            let message = author(store).and_then(|author| {
                let actor = Actor { author: &author, at: clock.now() };
                store.apply_roster_edit(edit, &actor).map_err(|e| e.to_string())
            });
            changed(store, view, message, None)
        }
        Request::LoadTrash => or_failed(store.evidence_trash().map_err(|e| e.to_string()), Reply::Trash),
        Request::EmptyTrash { detail } => {
            let message = author(store).and_then(|author| {
                let actor = Actor { author: &author, at: clock.now() };
                store
                    .empty_evidence_trash(&actor)
                    .map(|n| format!("已清空回收站（{n} 个材料）"))
                    .map_err(|e| format!("清空回收站失败：{e}"))
            });
            changed(store, view, message, *detail)
        }
        Request::AutoBackup => {
            let taken = crate::backup::auto_backup(store, data_dir, clock.today())
                .and_then(|_| crate::backup::list_snapshots(data_dir));
            match taken {
                Ok(list) => {
                    let newest = list.iter().find(|s| s.kind == crate::backup::SnapshotKind::Daily);
                    Reply::LastBackup(
                        newest.map(|s| chrono::DateTime::<chrono::Local>::from(s.modified).naive_local()),
                    )
                }
                Err(e) => Reply::Failed(format!("自动备份失败：{e}")),
            }
        }
        Request::Relocate(to) => {
            let mut report = |done: usize, total: usize| {
                progress(if total == 0 { 1.0 } else { done as f32 / total as f32 }, "正在复制材料文件…");
            };
            let moved = crate::backup::relocate(store, data_dir, to, &mut report);
            or_failed(moved.map(|r| r.to).map_err(|e| e.to_string()), Reply::Relocated)
        }
        Request::ListBackups => {
            or_failed(crate::backup::list_snapshots(data_dir).map_err(|e| e.to_string()), Reply::Backups)
        }
        Request::Backup(path) => or_failed(backup(store, data_dir, path, progress), Reply::BackedUp),
        Request::Restore(path) => {
            let restored = restore(store, data_dir, path, progress)
                .and_then(|message| Ok((message, snapshot(store, view, None)?)));
            or_failed(restored, |(message, s)| Reply::Restored { message, snapshot: Box::new(s) })
        }
        Request::Search(query) => {
            let hits = store.search(query).map_err(|e| e.to_string());
            or_failed(hits, |hits| Reply::Found { query: query.clone(), hits })
        }
        Request::Export { request, format, path, evidence_list } => {
            or_failed(export(store, request, (*format, *evidence_list), path, progress), Reply::Exported)
        }
        Request::LoadBrief(since) => {
            let brief = report::meeting_brief(store, *since, clock.today()).map_err(|e| e.to_string());
            or_failed(brief, |b| Reply::Brief(Box::new(b)))
        }
        Request::ExportBrief { since, path } => {
            let written = report::meeting_brief(store, *since, clock.today())
                .map_err(|e| e.to_string())
                .and_then(|b| report::export_brief(&b, path).map_err(|e| e.to_string()));
            or_failed(written.map(|_| path.clone()), Reply::Exported)
        }
        Request::ExportBulletin { span, issued_on, path } => {
            progress(0.2, "按期末统计各单位情况…");
            let written = report::write_bulletin(store, span.clone(), *issued_on, false, path);
            or_failed(written.map(|_| path.clone()).map_err(|e| e.to_string()), Reply::Exported)
        }
        Request::GenerateForms(dir) => {
            or_failed(super::forms::generate(store, clock, dir, progress), Reply::FormsGenerated)
        }
        Request::GenerateUrges { dir, detail } => {
            let message = super::forms::urge(store, clock, dir, progress);
            changed(store, view, message, *detail)
        }
        Request::ReadForms(paths) => or_failed(super::forms::read(store, clock, paths, progress), |r| {
            Reply::FormsReviewed(Box::new(r))
        }),
        Request::ApplyForms { review, approver, detail } => {
            let message = super::forms::apply(store, clock, data_dir, review, approver.as_deref(), progress);
            changed(store, view, message, *detail)
        }
    }
}

fn export(
    store: &Store,
    request: &SummaryRequest,
    (format, evidence_list): (Format, bool),
    path: &std::path::Path,
    progress: &dyn Fn(f32, &str),
) -> Result<PathBuf, String> {
    progress(0.1, "读取数据…");
    let board = store.load_board().map_err(|e| e.to_string())?;
    progress(0.3, "汇总各单位情况…");
    let mut summary = Summary::build(&board, request);
    if evidence_list && format != Format::Csv {
        progress(0.35, "列出佐证材料…");
        summary.evidence_list = Some(report::gather_evidence(store, &summary).map_err(|e| e.to_string())?);
    }
    progress(0.4, "生成文件…");
    let mut rendering = |done: f32| progress(0.4 + 0.4 * done, "生成文件…");
    let bytes = report::render_with_progress(&summary, format, &mut rendering).map_err(|e| e.to_string())?;
    progress(0.8, "写入磁盘…");
    crate::fsutil::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
    progress(1.0, "完成");
    Ok(path.to_path_buf())
}

fn parse(
    source: &ImportSource,
    issued_on: NaiveDate,
    encoding: Option<&str>,
) -> Result<ParsedImport, String> {
    let (text, encoding, candidates) = match source {
        ImportSource::Text(text) => (text.clone(), None, Vec::new()),
        ImportSource::File(path) => {
            let bytes = read_notice_bytes(path).map_err(|e| e.to_string())?;
            let decoded = match encoding {
                Some(enc) if !is_word_file(&bytes) => decode_with(&bytes, enc),
                _ => decode_bytes(&bytes),
            }
            .map_err(|e| e.in_file(path).to_string())?;
            let candidates = if is_word_file(&bytes) {
                Vec::new()
            } else {
                candidate_decodings(&bytes).unwrap_or_default()
            };
            (decoded.text, Some(decoded.encoding), candidates)
        }
    };
    let draft = parse_notice(&text, issued_on).map_err(|e| e.to_string())?;
    Ok(ParsedImport {
        draft,
        source_text: text,
        encoding,
        candidates,
        continuations: Vec::new(),
        already_imported: None,
    })
}

/// Finds the stored directives each new one may carry on (接续), and chooses the strong matches.
/// Read from the store without loading the board (an import at 100,000 directives).
fn offer_continuations(store: &Store, parsed: &mut ParsedImport) -> Result<(), String> {
    parsed.already_imported =
        store.already_imported(&parsed.draft).map_err(|e| e.to_string())?.map(|(n, count)| {
            format!("这份通知似乎已经导入过：{}（{}印发，{count} 条工作要求）", n.title, n.issued_on)
        });
    let found = store.suggest_continuations(&parsed.draft).map_err(|e| e.to_string())?;
    crate::model::preselect(&mut parsed.draft, &found);
    let mut found = found.into_iter();
    let mut continuations = Vec::new();
    for s in &parsed.draft.sections {
        let mut in_section = Vec::new();
        for _ in &s.directives {
            let mut options = Vec::new();
            for c in found.next().unwrap_or_default() {
                let d = match store.directive_row(c.id) {
                    Ok(d) => d,
                    Err(crate::store::StoreError::DirectiveNotFound(_)) => continue,
                    Err(e) => return Err(e.to_string()),
                };
                let meeting = d.meeting.as_deref().unwrap_or("此前会议");
                let percent = (c.score * 100.0).round();
                let label = format!("{} {}（{meeting}，相似 {percent}%）", d.number, d.title);
                options.push(ContinuationOption { id: c.id, label });
            }
            in_section.push(options);
        }
        continuations.push(in_section);
    }
    parsed.continuations = continuations;
    Ok(())
}

fn backup(
    store: &Store,
    dir: &std::path::Path,
    path: &std::path::Path,
    progress: &dyn Fn(f32, &str),
) -> Result<String, String> {
    progress(0.0, "正在备份数据库…");
    let mut report = |done: u64, total: u64| {
        let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
        progress(fraction, "正在备份材料文件…");
    };
    let done = crate::backup::write_archive(store, dir, path, &mut report).map_err(|e| e.to_string())?;
    let size = crate::model::human_size(done.bytes);
    let mut message = format!("已备份到 {}（{} 个材料文件，共 {size}）", done.path.display(), done.files);
    if !done.missing.is_empty() {
        message.push_str(&format!("；{} 个材料文件缺失或损坏，未能备份", done.missing.len()));
    }
    Ok(message)
}

fn restore(
    store: &mut Store,
    dir: &std::path::Path,
    path: &std::path::Path,
    progress: &dyn Fn(f32, &str),
) -> Result<String, String> {
    let mut report = |done: u64, total: u64| {
        let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
        progress(fraction, "正在恢复材料文件…");
    };
    let done = crate::backup::restore(store, dir, path, &mut report).map_err(|e| e.to_string())?;
    let mut message = format!("已从备份恢复（放回 {} 个材料文件）；恢复前的数据已另存", done.files_restored);
    if !done.missing.is_empty() {
        message.push_str(&format!("；仍缺 {} 个材料文件", done.missing.len()));
    }
    Ok(message)
}
