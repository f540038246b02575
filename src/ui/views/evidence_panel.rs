//! 材料 — the detail pane's evidence: 添加材料… (or drop files on the window), a progress bar
//! with 取消 while files are copied, photo thumbnails in a grid, other files as rows; 打开 hands
//! a file to the system viewer (never an executable), 移到回收站 keeps it restorable.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, TextureHandle, Ui, vec2};

use super::DetailContext;
use crate::evidence::taken_before_notice;
use crate::model::DirectiveEdit;
use crate::model::{DirectiveDetail, DirectiveId, Evidence, EvidenceId, NoteId};
use crate::ui::command::{AttachTarget, Command};
use crate::ui::theme;
use crate::ui::widgets::{Pick, PickKind, Picker, typed_paths_ui};

/// Textures of thumbnails, by blob hash; `Err` when the file cannot be previewed.
pub type Thumbnails = HashMap<String, Result<TextureHandle, String>>;

/// An attach run in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachProgress {
    pub done: usize,
    pub total: usize,
    pub name: String,
    /// Within a large file being copied: bytes copied of its size.
    pub bytes: Option<(u64, u64)>,
}

#[derive(Default)]
pub struct EvidencePanel {
    /// The system file dialog, and the directive (and maybe the progress note) it picks for.
    picker: Picker,
    picking_for: Option<AttachTarget>,
    /// After a file dialog that chose nothing (or could not be shown): a path to type, for
    /// this directive and note.
    typed: Option<(AttachTarget, String)>,
    /// The caption being typed, for which file.
    caption: Option<(EvidenceId, String)>,
    /// Put the cursor in the caption field on the next frame.
    focus_caption: bool,
}

const THUMB: f32 = 120.0;

impl EvidencePanel {
    /// The files of `detail`'s directive; thumbnails and attach progress come from `cx`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        detail: &DirectiveDetail,
        cx: &DetailContext,
        commands: &mut Vec<Command>,
    ) {
        let (directive, files, notice_issued_on) =
            (detail.row.id, &detail.evidence[..], detail.notice_issued_on);
        let (thumbs, progress) = (cx.thumbs, cx.progress);
        self.poll_dialog(commands);
        ui.horizontal(|ui| {
            ui.strong(format!("材料（{}）", files.len()));
            let idle = !self.picker.is_open() && progress.is_none();
            if ui
                .add_enabled(idle, egui::Button::new("添加材料…"))
                .on_hover_text("也可以把文件拖到窗口上")
                .clicked()
            {
                self.pick(directive, None, ui.ctx());
            }
        });
        self.typed_path_ui(ui, directive, commands);
        if let Some(p) = progress {
            ui.horizontal(|ui| {
                let (fraction, text) = match p.bytes {
                    Some((copied, size)) if size > 0 => (
                        copied as f32 / size as f32,
                        format!(
                            "第 {}/{} 个：{} / {}",
                            p.done + 1,
                            p.total,
                            crate::model::human_size(copied),
                            crate::model::human_size(size)
                        ),
                    ),
                    _ => (
                        if p.total == 0 { 0.0 } else { p.done as f32 / p.total as f32 },
                        format!("{}/{} {}", p.done, p.total, p.name),
                    ),
                };
                ui.add(egui::ProgressBar::new(fraction).text(text).desired_width(220.0));
                if ui.button("取消").clicked() {
                    commands.push(Command::CancelAttach);
                }
            });
        }
        if files.is_empty() && progress.is_none() {
            ui.weak("尚无材料。可添加检查照片、整改通知、PDF、Word、Excel 等文件。");
        }
        let (photos, others): (Vec<&Evidence>, Vec<&Evidence>) = files.iter().partition(|e| e.is_image());
        let album: Vec<Evidence> = photos.iter().map(|e| (*e).clone()).collect();
        ui.horizontal_wrapped(|ui| {
            for (index, e) in photos.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(THUMB);
                    match thumbs.get(&e.hash) {
                        Some(Ok(texture)) => {
                            let size = texture.size_vec2();
                            let scale = THUMB / size.x.max(size.y).max(1.0);
                            let image = egui::Image::new(texture)
                                .fit_to_exact_size(size * scale)
                                .alt_text(format!("照片 {}", e.original_name))
                                .sense(egui::Sense::click());
                            if ui.add(image).on_hover_text("点击看大图").clicked() {
                                commands.push(Command::ViewPhoto { photos: album.clone(), index });
                            }
                        }
                        Some(Err(reason)) => {
                            ui.add_sized(
                                vec2(THUMB, THUMB * 0.75),
                                egui::Label::new(RichText::new("无法预览").weak()),
                            )
                            .on_hover_text(reason);
                        }
                        None => {
                            if ui.is_rect_visible(ui.cursor()) {
                                commands.push(Command::LoadThumbnail(e.hash.clone()));
                            }
                            ui.add_sized(vec2(THUMB, THUMB * 0.75), egui::Spinner::new());
                        }
                    }
                    ui.add(egui::Label::new(RichText::new(&e.original_name).small()).truncate());
                    file_meta(ui, e, notice_issued_on);
                    self.caption_ui(ui, directive, e, commands);
                    file_buttons(ui, directive, e, commands);
                });
            }
        });
        for e in &others {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&e.original_name));
                ui.label(
                    RichText::new(format!(
                        "{} · {}",
                        crate::model::human_size(e.size),
                        e.added_at.format("%Y-%m-%d")
                    ))
                    .weak(),
                );
                if e.never_launch() {
                    ui.label(RichText::new("可执行文件，不会打开").small().color(theme::DUE_SOON));
                }
                self.caption_ui(ui, directive, e, commands);
                file_buttons(ui, directive, e, commands);
            });
        }
    }

    /// Opens the file dialog for files supporting one progress note.
    pub fn pick_for_note(&mut self, directive: DirectiveId, note: NoteId, ctx: &egui::Context) {
        self.pick(directive, Some(note), ctx);
    }

    fn pick(&mut self, directive: DirectiveId, note: Option<NoteId>, ctx: &egui::Context) {
        if !self.picker.is_open() {
            self.picking_for = Some(AttachTarget { directive, note, feedback: None });
            self.picker.open(ctx, Pick::new("添加材料", PickKind::Files));
        }
    }

    fn poll_dialog(&mut self, commands: &mut Vec<Command>) {
        if let Some(paths) = self.picker.poll()
            && let Some(target) = self.picking_for.take()
        {
            if paths.is_empty() {
                // Nothing chosen — or no desktop file dialog here: offer a path field.
                self.typed = Some((target, String::new()));
            } else {
                self.typed = None;
                commands.push(Command::AttachFiles(target, paths));
            }
        }
    }

    /// 文件路径: where no file dialog appears, the officer types (or pastes) the path.
    fn typed_path_ui(&mut self, ui: &mut Ui, shown: DirectiveId, commands: &mut Vec<Command>) {
        let Some((target, path)) = &mut self.typed else { return };
        if target.directive != shown {
            self.typed = None;
            return;
        }
        if let Some(paths) = typed_paths_ui(ui, path) {
            commands.push(Command::AttachFiles(*target, paths));
            self.typed = None;
        }
    }
}

impl EvidencePanel {
    /// The caption, a 说明… button, or the field being typed into.
    fn caption_ui(&mut self, ui: &mut Ui, directive: DirectiveId, e: &Evidence, commands: &mut Vec<Command>) {
        match &mut self.caption {
            Some((id, text)) if *id == e.id => {
                let edit = ui.add(TextEdit::singleline(text).desired_width(THUMB).hint_text("材料说明"));
                if std::mem::take(&mut self.focus_caption) {
                    edit.request_focus();
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.small_button("保存说明").clicked() || enter {
                    commands
                        .push(Command::Edit(directive, DirectiveEdit::Caption(e.id, text.trim().to_owned())));
                    self.caption = None;
                }
            }
            _ => {
                if !e.caption.is_empty() {
                    ui.label(RichText::new(&e.caption).small());
                }
                if ui.small_button("说明…").on_hover_text(format!("为“{}”写说明", e.original_name)).clicked()
                {
                    self.caption = Some((e.id, e.caption.clone()));
                    self.focus_caption = true;
                }
            }
        }
    }
}

/// Size, when taken and where, and a warning for photos older than the notice.
fn file_meta(ui: &mut Ui, e: &Evidence, notice_issued_on: NaiveDate) {
    let mut line = crate::model::human_size(e.size);
    if let Some(taken) = e.photo.taken_at {
        line = format!("{} 拍摄", taken.format("%Y-%m-%d %H:%M"));
    }
    ui.label(RichText::new(line).small());
    if let (Some(lat), Some(lon)) = (e.photo.lat, e.photo.lon) {
        ui.label(RichText::new(format!("{lat:.4}, {lon:.4}")).small().weak());
    }
    if taken_before_notice(e.photo.taken_at, notice_issued_on) {
        ui.label(RichText::new("早于通知印发，可能是旧照片").small().color(theme::DUE_SOON));
    }
}

fn file_buttons(ui: &mut Ui, directive: DirectiveId, e: &Evidence, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        if !e.never_launch() && ui.small_button("打开").on_hover_text(&e.original_name).clicked() {
            commands.push(Command::OpenEvidence(Box::new(e.clone())));
        }
        if ui.small_button("移到回收站").on_hover_text("可从回收站恢复").clicked() {
            commands.push(Command::Edit(directive, DirectiveEdit::TrashFile(e.id)));
        }
    });
}
