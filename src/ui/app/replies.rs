//! Applying what the workers answer. Each reply comes with the [`Asker`] that sent its
//! request, so it goes back to exactly that place: a failure of the import to the import
//! dialog, a restore's result to the backup dialog, progress to whoever is waiting for it.

use super::{DubanApp, StatusMessage};
use crate::model::BoardFilter;
use crate::ui::views::AttachProgress;
use crate::ui::worker::files::FileReply;
use crate::ui::worker::line::Asker;
use crate::ui::worker::{Reply, Request};

impl DubanApp {
    fn say(&mut self, text: String, is_error: bool) {
        self.status = Some(StatusMessage { text, is_error });
    }

    pub(super) fn on_reply(&mut self, asker: Asker, reply: Reply) {
        match reply {
            Reply::Snapshot(s) => self.take_snapshot(*s),
            Reply::Detail(d) => {
                if Some(d.row.id) == self.selected {
                    self.detail = Some(*d);
                }
            }
            Reply::Parsed(parsed) => {
                if let Some(dialog) = &mut self.dialogs.import {
                    dialog.on_parsed(parsed);
                }
            }
            Reply::Changed { message, snapshot } => {
                self.take_snapshot(*snapshot);
                if asker == Asker::Forms
                    && let Some(dialog) = &mut self.dialogs.forms
                {
                    dialog.on_applied(message.clone());
                }
                self.on_changed(asker);
                self.say(message, false);
            }
            Reply::RowChanged { message, row, detail } => {
                self.take_row(*row, *detail);
                self.on_changed(asker);
                self.say(message, false);
            }
            Reply::Registered { message, snapshot, id, subject } => {
                if let Some(subject) = subject {
                    self.detail_view.close_register_form(subject);
                }
                if asker == Asker::ByHand {
                    self.dialogs.by_hand = None;
                }
                self.on_registered(*snapshot, id);
                self.say(message, false);
            }
            Reply::SettingsSaved(snapshot) => {
                self.take_snapshot(*snapshot);
                self.say("设置已保存".into(), false);
            }
            Reply::Restored { message, snapshot } => {
                self.take_snapshot(*snapshot);
                if let Some(dialog) = &mut self.dialogs.backup {
                    dialog.on_finished(Ok(message.clone()));
                }
                self.say(message, false);
            }
            Reply::Failed(message) => self.on_failed(asker, message),
            Reply::Progress { fraction, step } => match asker {
                Asker::Move => {
                    if let Some(dialog) = &mut self.dialogs.moving {
                        dialog.on_progress(fraction);
                    }
                }
                Asker::Backup | Asker::Restore => {
                    if let Some(dialog) = &mut self.dialogs.backup {
                        dialog.on_progress(fraction, step);
                    }
                }
                Asker::Export => {
                    if let Some(dialog) = &mut self.dialogs.export {
                        dialog.on_progress(fraction, step);
                    }
                }
                Asker::Forms => {
                    if let Some(dialog) = &mut self.dialogs.forms {
                        dialog.on_progress(fraction, step);
                    }
                }
                _ => {}
            },
            Reply::Found { query, hits } => {
                if query == self.search.text() {
                    // The detail shows only what the table shows.
                    if let (Some(hits), Some(id)) = (&hits, self.selected)
                        && !hits.contains(&id)
                    {
                        self.selected = None;
                        self.detail = None;
                    }
                    self.search_hits = hits;
                    self.rows_changed();
                }
            }
            Reply::Trash(files) => {
                if let Some(dialog) = &mut self.dialogs.trash {
                    dialog.on_loaded(files);
                }
            }
            Reply::BackedUp(text) => match &mut self.dialogs.backup {
                Some(dialog) => dialog.on_finished(Ok(text)),
                None => self.say(text, false),
            },
            Reply::Backups(list) => {
                if let Some(dialog) = &mut self.dialogs.backup {
                    dialog.on_snapshots(Ok(list));
                }
            }
            Reply::LastBackup(at) => self.last_backup = at,
            Reply::FormsGenerated(text) => match &mut self.dialogs.forms {
                Some(dialog) => dialog.on_generated(text),
                None => self.say(text, false),
            },
            Reply::FormsReviewed(review) => {
                if let Some(dialog) = &mut self.dialogs.forms {
                    dialog.on_reviewed(*review);
                }
            }
            Reply::MovedAway(target) => self.moved_away = Some(target),
            Reply::Relocated(dir) => {
                self.say(format!("数据已迁移到 {}", dir.display()), false);
                self.reopen = Some(dir);
            }
            Reply::ChangedElsewhere => {
                self.worker.send(Asker::Board, Request::Refresh { detail: self.selected })
            }
            Reply::Brief(brief) => {
                if let Some(dialog) = &mut self.dialogs.export {
                    dialog.on_brief(*brief);
                }
            }
            Reply::Exported(path) => {
                self.export_folder = path.parent().map(std::path::Path::to_path_buf);
                self.say(format!("已导出：{}", path.display()), false);
                if let Some(dialog) = &mut self.dialogs.export {
                    dialog.on_finished(Ok(path));
                }
            }
        }
    }

    /// What follows a stored change, for the place that asked for it.
    fn on_changed(&mut self, asker: Asker) {
        match asker {
            Asker::Import => {
                self.dialogs.import = None;
                self.overview_shown = false;
                self.filter = BoardFilter::All;
                self.rows_changed();
            }
            Asker::Note(id) => self.detail_view.clear_note(id),
            Asker::Loop(id) => self.detail_view.close_loop_form(id),
            Asker::Roster => {
                if let Some(dialog) = &mut self.dialogs.roster {
                    dialog.refresh(&self.board);
                }
            }
            Asker::Trash if self.dialogs.trash.is_some() => {
                self.worker.send(Asker::Trash, Request::LoadTrash);
            }
            _ => {}
        }
    }

    /// A directive was created, added, split, merged, deleted or restored (the dialog or the form
    /// that asked has closed): the directive it concerns is shown (none when it was set aside).
    fn on_registered(&mut self, snapshot: crate::ui::worker::Snapshot, id: crate::model::DirectiveId) {
        let shown = snapshot.board.directive(id).is_some();
        if shown {
            self.overview_shown = false;
            self.filter = BoardFilter::All;
            self.selected = Some(id);
            self.table.scroll_to_selected = true;
        } else if self.selected == Some(id) {
            self.selected = None;
            self.detail = None;
        }
        self.take_snapshot(snapshot);
    }

    /// A failure goes to the dialog that asked, if it is still open; else to the status bar.
    fn on_failed(&mut self, asker: Asker, message: String) {
        let d = &mut self.dialogs;
        match asker {
            Asker::ByHand if d.by_hand.is_some() => {
                if let Some(dialog) = &mut d.by_hand {
                    dialog.on_failed(message);
                }
            }
            Asker::Import if d.import.is_some() => {
                if let Some(dialog) = &mut d.import {
                    dialog.on_failed(message);
                }
            }
            Asker::Export if d.export.is_some() => {
                if let Some(dialog) = &mut d.export {
                    dialog.on_finished(Err(message));
                }
            }
            Asker::Backup | Asker::Restore if d.backup.is_some() => {
                if let Some(dialog) = &mut d.backup {
                    dialog.on_finished(Err(message));
                }
            }
            Asker::Move if d.moving.is_some() => {
                if let Some(dialog) = &mut d.moving {
                    dialog.on_failed(message);
                }
            }
            Asker::Forms if d.forms.is_some() => {
                if let Some(dialog) = &mut d.forms {
                    dialog.on_failed(message);
                }
            }
            Asker::Check if d.check.is_some() => {
                if let Some(dialog) = &mut d.check {
                    dialog.on_finished(Err(message));
                }
            }
            Asker::Attach => {
                self.attach_progress = None;
                self.say(message, true);
            }
            _ => self.say(message, true),
        }
    }

    pub(super) fn on_file_reply(&mut self, ctx: &egui::Context, asker: Asker, reply: FileReply) {
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
                self.say(text, !failed.is_empty());
                let detail = (self.selected == Some(directive)).then_some(directive);
                self.worker.send(Asker::Board, Request::Refresh { detail });
            }
            FileReply::CheckProgress { done, total } => {
                if let Some(dialog) = &mut self.dialogs.check {
                    dialog.on_progress(done, total);
                }
            }
            FileReply::Checked(result) => {
                if let Some(dialog) = &mut self.dialogs.check {
                    dialog.on_finished(result);
                }
            }
            FileReply::Picture { hash, image } => {
                if let Some(viewer) = &mut self.dialogs.photo {
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
            FileReply::Opened(Ok(path)) => match open::that_detached(&path) {
                // The system takes it from here; if no program shows it, the copy is where it says.
                Ok(()) => self.say(
                    format!("已交给系统程序打开；若没有打开，可在此找到副本：{}", path.display()),
                    false,
                ),
                Err(e) => {
                    let text = format!("无法打开（{}）：{}", crate::fsutil::io_reason(&e), path.display());
                    self.say(text, true);
                }
            },
            FileReply::Opened(Err(text)) => self.say(text, true),
            FileReply::Failed(message) => self.on_failed(asker, message),
            FileReply::Cleaned { files, bytes } => {
                let size = crate::model::human_size(bytes);
                let text = format!(
                    "上次退出时有材料没有添加完：已清理 {files} 个未完成的临时文件（{size}），请重新添加这些材料"
                );
                self.say(text, true);
            }
        }
    }
}
