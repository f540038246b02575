//! 关于 — which duban this is and where its data lives: the version and the database schema it
//! writes (the same line as `duban --version`), the data folder (to back it up, or to tell IT
//! on a support call) with a button that opens it, and the licenses.

use std::path::{Path, PathBuf};

use egui::{Modal, RichText, Ui};

use crate::ui::command::{Command, Dialog};

/// The licenses, as the window says them (the texts are in the package's copyright file).
pub const LICENSE_TEXT: &str = "督办台以 MIT 许可证发布。内嵌字体 Noto Sans SC 以 SIL Open Font License 1.1 发布。\
     许可证全文随程序提供（Linux 安装包：/usr/share/doc/duban/）。";

pub struct AboutDialog {
    data_dir: PathBuf,
}

impl AboutDialog {
    pub fn new(data_dir: &Path) -> AboutDialog {
        AboutDialog { data_dir: data_dir.to_path_buf() }
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let modal = Modal::new(egui::Id::unique("about-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(520.0);
            ui.heading("关于督办台");
            ui.label("办公会议工作要求督办：通知导入、分单位督办、会议汇报");
            ui.separator();
            ui.label(RichText::new(format!("版本 {}", env!("CARGO_PKG_VERSION"))).strong());
            ui.label(format!("数据库结构版本 {}", crate::store::SCHEMA_VERSION));
            ui.add_space(6.0);
            ui.label(format!("数据目录：{}", self.data_dir.display()));
            ui.horizontal(|ui| {
                if ui.button("打开数据目录").clicked() {
                    commands.push(Command::OpenPath(self.data_dir.clone()));
                }
                ui.label(
                    RichText::new("备份：数据 → 备份与恢复…；每天启动时另有自动备份（backups 文件夹）")
                        .small(),
                );
            });
            ui.add_space(6.0);
            ui.label(RichText::new(LICENSE_TEXT).small());
            ui.separator();
            if ui.button("关闭").clicked() {
                commands.push(Command::Close(Dialog::About));
            }
        });
        if modal.should_close() {
            commands.push(Command::Close(Dialog::About));
        }
    }
}
