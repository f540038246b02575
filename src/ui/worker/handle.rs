//! What the worker does with each request: one function per kind of work, each answering
//! with exactly one [`Reply`] (long tasks also send progress).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Area, DoneKind, Edit, ParsedImport, Reply, Request, Snapshot};
use crate::clock::Clock;
use crate::model::DirectiveId;
use crate::notice::{
    candidate_decodings, decode_bytes, decode_with, is_word_file, parse_notice, read_notice_bytes,
};
use crate::report::{self, Format, Summary, SummaryRequest};
use crate::store::{Actor, Store};
use crate::ui::command::ImportSource;

fn snapshot(store: &Store, detail: Option<DirectiveId>) -> Result<Snapshot, String> {
    let board = store.load_board().map_err(|e| e.to_string())?;
    let detail = match detail {
        Some(id) => store.load_detail(id).ok(),
        None => None,
    };
    let settings = store.settings().map_err(|e| e.to_string())?;
    Ok(Snapshot { board, detail, settings })
}

/// A roster change (or a restore) was stored: a fresh snapshot (no detail) with `message`.
fn done(store: &Store, message: String) -> Reply {
    match snapshot(store, None) {
        Ok(s) => Reply::Done { message, kind: DoneKind::Roster, snapshot: Box::new(s) },
        Err(e) => Reply::Failed { message: e, area: Area::General },
    }
}

pub(super) fn handle(
    store: &mut Store,
    clock: Clock,
    request: Request,
    progress: &dyn Fn(f32, &str),
) -> Reply {
    let general = |message: String| Reply::Failed { message, area: Area::General };
    match request {
        Request::Refresh { detail } => match snapshot(store, detail) {
            Ok(s) => Reply::Snapshot(Box::new(s)),
            Err(e) => general(e),
        },
        Request::LoadDetail(id) => match store.load_detail(id) {
            Ok(d) => Reply::Detail(Box::new(d)),
            Err(e) => general(e.to_string()),
        },
        Request::Parse { source, issued_on, encoding } => {
            let parsed = parse(source, issued_on, encoding).and_then(|mut parsed| {
                offer_links(store, &mut parsed)?;
                Ok(parsed)
            });
            Reply::Parsed(parsed.map(Box::new))
        }
        Request::Import { draft, source_text, detail } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            match store.import_notice(&draft, &source_text, &author, clock.now()) {
                Ok(_) => match snapshot(store, detail) {
                    Ok(s) => Reply::Done {
                        message: format!("已导入：{}（{} 条工作要求）", draft.title, draft.directive_count()),
                        kind: DoneKind::Imported,
                        snapshot: Box::new(s),
                    },
                    Err(e) => general(e),
                },
                Err(e) => Reply::Failed {
                    message: format!("导入失败，未保存任何内容：{e}"),
                    area: Area::Import,
                },
            }
        }
        Request::Edit { id, edit } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            let kind = if matches!(edit, Edit::Progress { .. }) {
                DoneKind::ProgressAdded
            } else {
                DoneKind::Edited
            };
            let result = match &edit {
                Edit::Status(s) => store.set_status(id, *s, &actor).map(|_| format!("状态已改为“{s}”")),
                Edit::Deadline(d) => store
                    .set_deadline(id, *d, &actor)
                    .map(|_| d.map_or("已清除完成时限".into(), |d| format!("完成时限已改为 {d}"))),
                Edit::Offices(names) => store.set_offices(id, names, &actor).map(|_| "责任单位已更新".into()),
                Edit::Progress { on, text } => {
                    store.add_progress(id, *on, text, &actor).map(|_| "已添加进展".into())
                }
                Edit::TrashEvidence(file) => {
                    store.trash_evidence(*file, &actor).map(|_| "已移到回收站（可恢复）".into())
                }
                Edit::Caption(file, caption) => {
                    store.set_evidence_caption(*file, caption, &actor).map(|_| "已保存说明".into())
                }
                Edit::RestoreEvidence(file) => {
                    store.restore_evidence(*file, &actor).map(|_| "已从回收站恢复".into())
                }
                Edit::Continues(earlier) => store
                    .set_continues(id, *earlier, &actor)
                    .map(|_| if earlier.is_some() { "已接续" } else { "已取消接续" }.into()),
            };
            match result.map_err(|e| e.to_string()).and_then(|m| Ok((m, snapshot(store, Some(id))?))) {
                Ok((message, s)) => Reply::Done { message, kind, snapshot: Box::new(s) },
                Err(e) => general(format!("保存失败：{e}")),
            }
        }
        Request::SaveSettings { settings, detail } => {
            match store
                .save_settings(&settings)
                .map_err(|e| e.to_string())
                .and_then(|_| snapshot(store, detail))
            {
                Ok(s) => Reply::Done {
                    message: "设置已保存".into(),
                    kind: DoneKind::AuthorSet,
                    snapshot: Box::new(s),
                },
                Err(e) => general(format!("保存设置失败：{e}")),
            }
        }
        Request::AddOffice { name, group } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            match store.add_office(&name, group, &actor) {
                Ok(_) => done(store, format!("已添加单位：{name}")),
                Err(e) => general(e.to_string()),
            }
        }
        Request::EditRoster(edit) => {
            use crate::ui::command::RosterEdit;
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            let result = match &edit {
                RosterEdit::Rename(office, name) => store
                    .rename_office(*office, name, &actor)
                    .map(|()| format!("已改名为“{name}”，原名保留为别名")),
                RosterEdit::Move(office, group) => store
                    .set_office_group(*office, *group, &actor)
                    .map(|()| format!("已移到{}", group.label())),
                RosterEdit::Merge(from, into) => {
                    store.merge_office(*from, *into, &actor).map(|()| "已并入".to_owned())
                }
                RosterEdit::Remove(office) => {
                    store.remove_office(*office, &actor).map(|()| "已从名册删除".to_owned())
                }
            };
            match result {
                Ok(message) => done(store, message),
                Err(e) => general(e.to_string()),
            }
        }
        Request::SetAliases { office, aliases } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            match store.set_aliases(office, &aliases, &actor) {
                Ok(()) => done(store, "别名已保存".into()),
                Err(e) => general(e.to_string()),
            }
        }
        Request::LoadTrash => Reply::Trash(store.evidence_trash().map_err(|e| e.to_string())),
        Request::EmptyTrash { detail } => {
            let author = store.author().ok().flatten().unwrap_or_else(|| "值班员".into());
            let actor = Actor { author: &author, at: clock.now() };
            match store
                .empty_evidence_trash(&actor)
                .map_err(|e| e.to_string())
                .and_then(|n| Ok((n, snapshot(store, detail)?)))
            {
                Ok((n, s)) => Reply::Done {
                    message: format!("已清空回收站（{n} 个材料）"),
                    kind: DoneKind::Edited,
                    snapshot: Box::new(s),
                },
                Err(e) => general(format!("清空回收站失败：{e}")),
            }
        }
        Request::AutoBackup { data_dir } => {
            let taken = crate::backup::auto_backup(store, &data_dir, clock.today())
                .and_then(|_| crate::backup::list_snapshots(&data_dir));
            match taken {
                Ok(list) => {
                    let newest = list.iter().find(|s| s.kind == crate::backup::SnapshotKind::Daily);
                    Reply::LastBackup(
                        newest.map(|s| chrono::DateTime::<chrono::Local>::from(s.modified).naive_local()),
                    )
                }
                Err(e) => Reply::BackedUp(Err(format!("自动备份失败：{e}"))),
            }
        }
        Request::Relocate { from, to } => {
            let mut report = |done: usize, total: usize| {
                progress(if total == 0 { 1.0 } else { done as f32 / total as f32 }, "正在复制材料文件…");
            };
            Reply::Relocated(
                crate::backup::relocate(store, &from, &to, &mut report)
                    .map(|r| r.to)
                    .map_err(|e| e.to_string()),
            )
        }
        Request::ListBackups { data_dir } => {
            Reply::Backups(crate::backup::list_snapshots(&data_dir).map_err(|e| e.to_string()))
        }
        Request::Backup { data_dir, path } => Reply::BackedUp(backup(store, &data_dir, &path, progress)),
        Request::Restore { data_dir, path } => match restore(store, &data_dir, &path, progress) {
            Ok(message) => done(store, message),
            Err(e) => general(e),
        },
        Request::Search(query) => {
            let hits = store.search(&query).map_err(|e| e.to_string());
            Reply::Found { query, hits }
        }
        Request::Export { request, format, path } => {
            Reply::Exported(export(store, &request, format, &path, progress))
        }
        Request::SetAuthor { name, detail } => {
            match store.set_author(&name).map_err(|e| e.to_string()).and_then(|_| snapshot(store, detail)) {
                Ok(s) => Reply::Done {
                    message: format!("填报人：{}", name.trim()),
                    kind: DoneKind::AuthorSet,
                    snapshot: Box::new(s),
                },
                Err(e) => general(e),
            }
        }
    }
}

fn export(
    store: &Store,
    request: &SummaryRequest,
    format: Format,
    path: &std::path::Path,
    progress: &dyn Fn(f32, &str),
) -> Result<PathBuf, String> {
    progress(0.1, "读取数据…");
    let board = store.load_board().map_err(|e| e.to_string())?;
    progress(0.3, "汇总各单位情况…");
    let summary = Summary::build(&board, request);
    progress(0.5, "生成文件…");
    let bytes = report::render(&summary, format).map_err(|e| e.to_string())?;
    progress(0.8, "写入磁盘…");
    crate::fsutil::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
    progress(1.0, "完成");
    Ok(path.to_path_buf())
}

fn parse(source: ImportSource, issued_on: NaiveDate, encoding: Option<&str>) -> Result<ParsedImport, String> {
    let (text, encoding, candidates) = match source {
        ImportSource::Text(text) => (text, None, Vec::new()),
        ImportSource::File(path) => {
            let bytes = read_notice_bytes(&path).map_err(|e| e.to_string())?;
            let decoded = match encoding {
                Some(enc) if !is_word_file(&bytes) => decode_with(&bytes, enc),
                _ => decode_bytes(&bytes),
            }
            .map_err(|e| e.in_file(&path).to_string())?;
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
        links: Vec::new(),
        already_imported: None,
    })
}

/// Finds the stored directives each new one may continue, and chooses the strong matches.
fn offer_links(store: &Store, parsed: &mut ParsedImport) -> Result<(), String> {
    let board = store.load_board().map_err(|e| e.to_string())?;
    parsed.already_imported = crate::model::already_imported(&parsed.draft, &board).map(|n| {
        let count = board.directives.iter().filter(|d| d.notice_id == n.id).count();
        format!("这份通知似乎已经导入过：{}（{}印发，{count} 条工作要求）", n.title, n.issued_on)
    });
    let found = crate::model::suggest(&parsed.draft, &board);
    crate::model::preselect(&mut parsed.draft, &found);
    let mut found = found.into_iter();
    parsed.links = parsed
        .draft
        .sections
        .iter()
        .map(|s| {
            s.directives
                .iter()
                .map(|_| {
                    let candidates = found.next().unwrap_or_default();
                    candidates
                        .into_iter()
                        .filter_map(|c| {
                            let d = board.directive(c.id)?;
                            let meeting = d.meeting.as_deref().unwrap_or("此前会议");
                            let percent = (c.score * 100.0).round();
                            let label = format!("{} {}（{meeting}，相似 {percent}%）", d.number, d.title);
                            Some(super::LinkOption { id: c.id, label })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
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
