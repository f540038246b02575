//! 汇报稿 in the 导出 dialog — on screen: since which meeting (the newest by default), then
//! office by office what changed (反馈, 催办, 延期, 办结 and 退回, files) and who sent nothing; the
//! same as Word with 导出汇报稿. The brief comes from the worker (model::MeetingBrief).

use egui::{ComboBox, RichText, ScrollArea, Ui};

use crate::model::{Board, MeetingBrief, NoticeId};
use crate::report::BriefSince;
use crate::ui::widgets::format_date;

pub struct BriefPanel {
    /// The meeting it counts from.
    pub since: Option<NoticeId>,
    /// Loaded for `since`; `None` while the worker reads it.
    pub brief: Option<MeetingBrief>,
}

/// What the panel asks for.
pub enum BriefAsk {
    Load(BriefSince),
}

impl BriefPanel {
    pub fn new(board: &Board, today: chrono::NaiveDate) -> BriefPanel {
        BriefPanel { since: board.notices.iter().find(|n| n.issued_on <= today).map(|n| n.id), brief: None }
    }

    pub fn since(&self) -> BriefSince {
        self.since.map_or(BriefSince::Latest, BriefSince::Notice)
    }

    pub fn ui(&mut self, ui: &mut Ui, board: &Board) -> Option<BriefAsk> {
        let mut ask = None;
        ui.horizontal(|ui| {
            let label = ui.label("自哪次会议以来");
            let selected = self
                .since
                .and_then(|id| board.notice(id))
                .map_or("（无）".to_owned(), |n| n.label().to_owned());
            let before = self.since;
            ComboBox::from_id_salt("brief-since")
                .selected_text(selected)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for n in &board.notices {
                        let text = format!("{}（{}印发）", n.label(), format_date(n.issued_on));
                        ui.selectable_value(&mut self.since, Some(n.id), text);
                    }
                })
                .response
                .labelled_by(label.id);
            if self.since != before {
                self.brief = None;
                ask = Some(BriefAsk::Load(self.since()));
            }
        });
        let Some(brief) = &self.brief else {
            ui.spinner();
            return ask;
        };
        ui.label(crate::report::brief_sentence(brief));
        ScrollArea::vertical().max_height(300.0).id_salt("brief-list").show(ui, |ui| {
            for o in &brief.offices {
                ui.label(RichText::new(format!("{}：{}", o.name, o.counts_text())).strong());
                for item in &o.items {
                    ui.label(
                        RichText::new(format!("{} {}：{}", item.number, item.title, item.lines.join("；")))
                            .small(),
                    );
                }
            }
            if !brief.silent.is_empty() {
                ui.label(
                    RichText::new(format!("未报送任何情况：{}", brief.silent.join("、")))
                        .color(crate::ui::theme::DUE_SOON),
                );
            }
        });
        ask
    }
}
