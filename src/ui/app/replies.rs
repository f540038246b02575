//! Applying what the workers answer: new snapshots, results, progress.

use super::{DubanApp, StatusMessage};
use crate::model::BoardFilter;
use crate::ui::file_worker::FileReply;
use crate::ui::views::AttachProgress;
use crate::ui::worker::{Area, DoneKind, Reply, Request};

impl DubanApp {
    pub(super) fn on_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Snapshot(s) => self.take_snapshot(*s),
            Reply::Detail(d) => {
                if Some(d.row.id) == self.selected {
                    self.detail = Some(*d);
                }
            }
            Reply::Parsed(result) => {
                if let Some(dialog) = &mut self.import {
                    dialog.on_parsed(result);
                }
            }
            Reply::Done { message, kind, snapshot } => {
                self.take_snapshot(*snapshot);
                if let Some(dialog) = self.backup_dialog.as_mut().filter(|d| d.is_working()) {
                    // The restore finished: the dialog says so.
                    dialog.on_finished(Ok(message.clone()));
                }
                match kind {
                    DoneKind::Imported => {
                        self.import = None;
                        self.overview_shown = false;
                        self.filter = BoardFilter::All;
                        self.derived_for = None;
                    }
                    DoneKind::ProgressAdded => self.detail_view.clear_note(),
                    DoneKind::Roster => {
                        if let Some(dialog) = &mut self.roster_dialog {
                            dialog.refresh(&self.board);
                        }
                    }
                    DoneKind::Edited | DoneKind::AuthorSet => {}
                }
                self.status = Some(StatusMessage { text: message, is_error: false });
            }
            Reply::Found { query, hits } => {
                if query == self.search.text() {
                    match hits {
                        Ok(hits) => self.search_hits = hits,
                        Err(message) => self.status = Some(StatusMessage { text: message, is_error: true }),
                    }
                    self.derived_for = None;
                }
            }
            Reply::Trash(result) => match (result, &mut self.trash_dialog) {
                (Ok(files), Some(dialog)) => dialog.on_loaded(files),
                (Err(text), _) => self.status = Some(StatusMessage { text, is_error: true }),
                (Ok(_), None) => {}
            },
            Reply::BackedUp(result) => match (self.backup_dialog.as_mut().filter(|d| d.is_working()), result)
            {
                (Some(dialog), result) => dialog.on_finished(result),
                (None, Ok(text)) => self.status = Some(StatusMessage { text, is_error: false }),
                (None, Err(text)) => self.status = Some(StatusMessage { text, is_error: true }),
            },
            Reply::Backups(list) => {
                if let Some(dialog) = &mut self.backup_dialog {
                    dialog.on_snapshots(list);
                }
            }
            Reply::LastBackup(at) => self.last_backup = at,
            Reply::Relocated(Ok(dir)) => {
                self.status = Some(StatusMessage {
                    text: format!("数据已迁移到 {}", dir.display()),
                    is_error: false,
                });
                self.reopen = Some(dir);
            }
            Reply::Relocated(Err(message)) => match &mut self.move_dialog {
                Some(dialog) => dialog.on_failed(message),
                None => self.status = Some(StatusMessage { text: message, is_error: true }),
            },
            Reply::ChangedElsewhere => self.worker.send(Request::Refresh { detail: self.selected }),
            Reply::Progress { fraction, step } => {
                if let Some(dialog) = self.move_dialog.as_mut().filter(|d| d.is_moving()) {
                    dialog.on_progress(fraction);
                }
                if let Some(dialog) = self.backup_dialog.as_mut().filter(|d| d.is_working()) {
                    dialog.on_progress(fraction, step.clone());
                }
                if let Some(dialog) = &mut self.export {
                    dialog.on_progress(fraction, step);
                }
            }
            Reply::Exported(result) => {
                if let Ok(path) = &result {
                    self.status = Some(StatusMessage {
                        text: format!("已导出：{}", path.display()),
                        is_error: false,
                    });
                }
                match &mut self.export {
                    Some(dialog) => dialog.on_finished(result),
                    None => {
                        if let Err(message) = result {
                            self.status = Some(StatusMessage { text: message, is_error: true });
                        }
                    }
                }
            }
            Reply::Failed { message, area } => match (&mut self.import, area) {
                (Some(dialog), Area::Import) => dialog.on_failed(message),
                _ if self.backup_dialog.as_ref().is_some_and(|d| d.is_working()) => {
                    if let Some(dialog) = &mut self.backup_dialog {
                        dialog.on_finished(Err(message));
                    }
                }
                _ => self.status = Some(StatusMessage { text: message, is_error: true }),
            },
        }
    }

    pub(super) fn on_file_reply(&mut self, ctx: &egui::Context, reply: FileReply) {
        match reply {
            FileReply::Progress { done, total, name } => {
                self.attach_progress = Some(AttachProgress { done, total, name, bytes: None });
            }
            FileReply::Bytes { file, files, copied, size } => {
                let progress = self.attach_progress.get_or_insert_with(|| AttachProgress {
                    done: file,
                    total: files,
                    name: String::new(),
                    bytes: None,
                });
                progress.bytes = Some((copied, size));
            }
            FileReply::Attached { directive, stored, failed, cancelled } => {
                self.attach_progress = None;
                let mut text = format!("已添加 {stored} 个材料");
                if cancelled {
                    text.push_str("（已取消其余文件）");
                }
                if !failed.is_empty() {
                    text = format!("{text}；{} 个未能添加：{}", failed.len(), failed.join("；"));
                }
                self.status = Some(StatusMessage { text, is_error: !failed.is_empty() });
                let detail = (self.selected == Some(directive)).then_some(directive);
                self.worker.send(Request::Refresh { detail });
            }
            FileReply::CheckProgress { done, total } => {
                if let Some(dialog) = &mut self.check_dialog {
                    dialog.on_progress(done, total);
                }
            }
            FileReply::Checked(result) => {
                if let Some(dialog) = &mut self.check_dialog {
                    dialog.on_finished(result);
                }
            }
            FileReply::Picture { hash, image } => {
                if let Some(viewer) = &mut self.viewer {
                    let texture =
                        image.map(|img| ctx.load_texture(format!("photo-{hash}"), img, Default::default()));
                    viewer.picture = Some((hash, texture));
                }
            }
            FileReply::Thumbnail { hash, image } => {
                let texture =
                    image.map(|img| ctx.load_texture(format!("thumb-{hash}"), img, Default::default()));
                self.thumbs.insert(hash, texture);
            }
            FileReply::Opened(result) => match result {
                Ok(path) => {
                    if let Err(e) = open::that_detached(&path) {
                        let text =
                            format!("无法打开（{}）：{}", crate::fsutil::io_reason(&e), path.display());
                        self.status = Some(StatusMessage { text, is_error: true });
                    }
                }
                Err(text) => self.status = Some(StatusMessage { text, is_error: true }),
            },
        }
    }
}
