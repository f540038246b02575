//! 看大图 — a photo of a directive large, fit to the window, with 上一张 / 下一张 (←/→) and 关闭
//! (Esc). The picture is decoded on the file worker, scaled to at most 1600 px.

use egui::{Key, Modal, RichText, TextureHandle, Ui};

use crate::ui::command::{Command, Dialog};

/// The photos being browsed and which one is shown.
pub struct PhotoViewer {
    /// (blob hash, original name) of each photo.
    pub photos: Vec<(String, String)>,
    pub index: usize,
    /// The picture of `photos[index]` once decoded, or why not.
    pub picture: Option<(String, Result<TextureHandle, String>)>,
}

impl PhotoViewer {
    pub fn new(photos: Vec<(String, String)>, index: usize) -> PhotoViewer {
        PhotoViewer { photos, index, picture: None }
    }

    /// The hash whose picture the viewer needs now, if it is not loaded yet.
    pub fn wanted(&self) -> Option<&str> {
        let (hash, _) = self.photos.get(self.index)?;
        match &self.picture {
            Some((h, _)) if h == hash => None,
            _ => Some(hash),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let (left, right, escape) = ui.input(|i| {
            (i.key_pressed(Key::ArrowLeft), i.key_pressed(Key::ArrowRight), i.key_pressed(Key::Escape))
        });
        let count = self.photos.len();
        if left && self.index > 0 {
            self.index -= 1;
        }
        if right && self.index + 1 < count {
            self.index += 1;
        }
        let screen = ui.ctx().content_rect();
        let modal = Modal::new(egui::Id::unique("photo-viewer")).show(ui.ctx(), |ui| {
            let max = egui::vec2(screen.width() - 120.0, screen.height() - 160.0);
            let name = self.photos.get(self.index).map_or("", |(_, n)| n.as_str());
            ui.label(RichText::new(format!("{name}（{}/{count}）", self.index + 1)).strong());
            match &self.picture {
                Some((hash, Ok(texture))) if Some(hash) == self.photos.get(self.index).map(|(h, _)| h) => {
                    let size = texture.size_vec2();
                    let scale = (max.x / size.x).min(max.y / size.y).min(1.0);
                    ui.add(egui::Image::new(texture).fit_to_exact_size(size * scale));
                }
                Some((hash, Err(reason))) if Some(hash) == self.photos.get(self.index).map(|(h, _)| h) => {
                    ui.label(format!("无法预览：{reason}"));
                }
                _ => {
                    ui.add_sized(egui::vec2(max.x.min(640.0), max.y.min(480.0)), egui::Spinner::new());
                }
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(self.index > 0, egui::Button::new("上一张")).clicked() {
                    self.index -= 1;
                }
                if ui.add_enabled(self.index + 1 < count, egui::Button::new("下一张")).clicked() {
                    self.index += 1;
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
