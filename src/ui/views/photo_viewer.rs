//! 看大图 — a photo of a directive large: fit to the window or zoomed (放大 / 缩小 / 适合窗口,
//! Ctrl + wheel, +/−), scrolled when larger than the window; with its caption, when and where
//! it was taken (EXIF), 上一张 / 下一张 (←/→) and 关闭 (Esc). The picture is decoded on the file
//! worker, scaled to at most 1600 px.

use egui::{Key, Modal, RichText, TextureHandle, Ui};

use crate::model::Evidence;
use crate::ui::command::{Command, Dialog};

/// Zoom steps beyond fitting the window.
const ZOOM_STEP: f32 = 1.25;
const ZOOM_MAX: f32 = 4.0;

/// The photos being browsed and which one is shown.
pub struct PhotoViewer {
    pub photos: Vec<Evidence>,
    pub index: usize,
    /// The picture of `photos[index]` once decoded, or why not.
    pub picture: Option<(String, Result<TextureHandle, String>)>,
    /// `None`: fit to the window; else pixels shown per picture pixel.
    zoom: Option<f32>,
}

impl PhotoViewer {
    pub fn new(photos: Vec<Evidence>, index: usize) -> PhotoViewer {
        PhotoViewer { photos, index, picture: None, zoom: None }
    }

    /// The hash whose picture the viewer needs now, if it is not loaded yet.
    pub fn wanted(&self) -> Option<&str> {
        let hash = &self.photos.get(self.index)?.hash;
        match &self.picture {
            Some((h, _)) if h == hash => None,
            _ => Some(hash),
        }
    }

    fn go(&mut self, index: usize) {
        if index < self.photos.len() && index != self.index {
            self.index = index;
            self.zoom = None;
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let (left, right, escape, zoom_in, zoom_out, wheel) = ui.input(|i| {
            let wheel = if i.modifiers.command { i.smooth_scroll_delta.y } else { 0.0 };
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
                wheel,
            )
        });
        if left && self.index > 0 {
            self.go(self.index - 1);
        }
        if right {
            self.go(self.index + 1);
        }
        let count = self.photos.len();
        let screen = ui.ctx().content_rect();
        let max = egui::vec2(screen.width() - 120.0, screen.height() - 200.0);
        let modal = Modal::new(egui::Id::unique("photo-viewer")).show(ui.ctx(), |ui| {
            let Some(photo) = self.photos.get(self.index).cloned() else { return };
            ui.label(
                RichText::new(format!("{}（{}/{count}）", photo.original_name, self.index + 1)).strong(),
            );
            facts(ui, &photo);
            match &self.picture {
                Some((hash, Ok(texture))) if *hash == photo.hash => {
                    let texture = texture.clone();
                    let size = texture.size_vec2();
                    let fit = (max.x / size.x).min(max.y / size.y).min(1.0);
                    let mut zoom = self.zoom.unwrap_or(fit);
                    if zoom_in || wheel > 0.0 {
                        zoom = (zoom * ZOOM_STEP).min(ZOOM_MAX);
                    }
                    if zoom_out || wheel < 0.0 {
                        zoom = (zoom / ZOOM_STEP).max(fit.min(1.0) / 4.0);
                    }
                    if self.zoom.is_some() || zoom != fit {
                        self.zoom = Some(zoom);
                    }
                    egui::ScrollArea::both().max_width(max.x).max_height(max.y).show(ui, |ui| {
                        ui.add(egui::Image::new(&texture).fit_to_exact_size(size * zoom));
                    });
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("{:.0}%", zoom * 100.0)).small().weak());
                        if ui.small_button("放大").on_hover_text("+ 或 Ctrl+滚轮").clicked() {
                            self.zoom = Some((zoom * ZOOM_STEP).min(ZOOM_MAX));
                        }
                        if ui.small_button("缩小").on_hover_text("− 或 Ctrl+滚轮").clicked() {
                            self.zoom = Some((zoom / ZOOM_STEP).max(fit.min(1.0) / 4.0));
                        }
                        if ui
                            .add_enabled(self.zoom.is_some(), egui::Button::new("适合窗口").small())
                            .clicked()
                        {
                            self.zoom = None;
                        }
                        if ui.small_button("原始大小").clicked() {
                            self.zoom = Some(1.0);
                        }
                    });
                }
                Some((hash, Err(reason))) if *hash == photo.hash => {
                    ui.label(format!("无法预览：{reason}"));
                }
                _ => {
                    ui.add_sized(egui::vec2(max.x.min(640.0), max.y.min(480.0)), egui::Spinner::new());
                }
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(self.index > 0, egui::Button::new("上一张")).clicked() {
                    self.go(self.index - 1);
                }
                if ui.add_enabled(self.index + 1 < count, egui::Button::new("下一张")).clicked() {
                    self.go(self.index + 1);
                }
                if ui.button("关闭").clicked() {
                    commands.push(Command::Close(Dialog::Photo));
                }
            });
        });
        if escape || modal.should_close() {
            commands.push(Command::Close(Dialog::Photo));
        }
    }
}

/// 说明, 拍摄时间 and 拍摄地点 (EXIF) on one or two lines.
fn facts(ui: &mut Ui, photo: &Evidence) {
    if !photo.caption.is_empty() {
        ui.label(&photo.caption);
    }
    let mut line = Vec::new();
    if let Some(taken) = photo.photo.taken_at {
        line.push(format!("拍摄于 {}", taken.format("%Y-%m-%d %H:%M")));
    }
    if let (Some(lat), Some(lon)) = (photo.photo.lat, photo.photo.lon) {
        line.push(format!("位置 {lat:.5}, {lon:.5}"));
    }
    line.push(format!("{} 由 {} 添加", photo.added_at.format("%Y-%m-%d %H:%M"), photo.added_by));
    ui.label(RichText::new(line.join(" · ")).small().weak());
}
