//! 设置 — the officer's name, the due-soon window, the next meeting, the feedback cadence
//! (反馈周期) and the theme.

use egui::{DragValue, Modal, TextEdit, Ui};

use crate::model::Settings;
use crate::ui::command::{Command, Dialog};

pub struct SettingsDialog {
    draft: Settings,
    name: String,
}

impl SettingsDialog {
    pub fn new(current: &Settings) -> SettingsDialog {
        SettingsDialog { draft: current.clone(), name: current.author.clone().unwrap_or_default() }
    }

    pub fn ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate, commands: &mut Vec<Command>) {
        let modal = Modal::new(egui::Id::unique("settings-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(380.0);
            ui.heading("设置");
            ui.separator();
            egui::Grid::new("settings-form").num_columns(2).spacing([12.0, 10.0]).show(ui, |ui| {
                let label = ui.label("填报人");
                ui.add(TextEdit::singleline(&mut self.name).hint_text("您的姓名")).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("即将到期提醒");
                ui.horizontal(|ui| {
                    ui.add(
                        DragValue::new(&mut self.draft.due_soon_days)
                            .range(Settings::DUE_SOON_RANGE)
                            .suffix(" 天"),
                    )
                    .labelled_by(label.id);
                    ui.weak("内到期的标为琥珀色");
                });
                ui.end_row();
                ui.label("下次办公会议");
                crate::ui::widgets::optional_date_picker(
                    ui,
                    "next-meeting",
                    &mut self.draft.next_meeting,
                    today,
                );
                ui.end_row();
                let label = ui.label("反馈周期");
                ui.horizontal(|ui| {
                    let mut on = self.draft.feedback_days.is_some();
                    if ui.checkbox(&mut on, "每").changed() {
                        self.draft.feedback_days = on.then_some(crate::model::DEFAULT_FEEDBACK_DAYS);
                    }
                    if let Some(days) = &mut self.draft.feedback_days {
                        ui.add(DragValue::new(days).range(Settings::FEEDBACK_RANGE).suffix(" 天"))
                            .labelled_by(label.id);
                        ui.weak("至少反馈一次，否则为逾期未反馈");
                    } else {
                        ui.weak("不设反馈周期");
                    }
                });
                ui.end_row();
                ui.label("主题");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.draft.dark, false, "浅色");
                    ui.radio_value(&mut self.draft.dark, true, "深色");
                });
                ui.end_row();
                ui.label("督查通报");
                ui.checkbox(&mut self.draft.rank_offices, "列出各单位按期办结率排名")
                    .on_hover_text("默认不排名；打开后通报末尾按按期办结率列出各单位名次");
                ui.end_row();
            });
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !self.name.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("保存")).clicked() {
                    let settings =
                        Settings { author: Some(self.name.trim().to_owned()), ..self.draft.clone() };
                    commands.push(Command::SaveSettings(settings));
                }
                if ui.button("取消").clicked() {
                    commands.push(Command::Close(Dialog::Settings));
                }
            });
        });
        if modal.should_close() {
            commands.push(Command::Close(Dialog::Settings));
        }
    }
}
