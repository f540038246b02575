//! 督查通报 in the 导出 dialog — which month or quarter: the twelve months before this one and
//! this month, then this quarter and the four before it; the month just ended is chosen first
//! (a monthly bulletin is written early in the next month).

use chrono::{Datelike, NaiveDate};
use egui::{ComboBox, Ui};

use crate::model::BulletinSpan;

pub struct BulletinChoice {
    spans: Vec<BulletinSpan>,
    chosen: usize,
}

impl BulletinChoice {
    pub fn new(today: NaiveDate) -> BulletinChoice {
        let mut spans = Vec::new();
        let (mut y, mut m) = (today.year(), today.month());
        for _ in 0..13 {
            spans.extend(BulletinSpan::month(y, m));
            (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        }
        let (mut y, mut q) = (today.year(), (today.month() - 1) / 3 + 1);
        for _ in 0..5 {
            spans.extend(BulletinSpan::quarter(y, q));
            (y, q) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
        }
        // The month just ended (second in the list), unless there is none.
        BulletinChoice { chosen: usize::from(spans.len() > 1), spans }
    }

    pub fn span(&self) -> Option<&BulletinSpan> {
        self.spans.get(self.chosen)
    }

    /// A file name for the chosen period: 督查通报-2022年3月.docx.
    pub fn file_name(&self) -> String {
        format!("督查通报-{}.docx", self.span().map_or("", |s| s.label.as_str()))
    }

    /// The period picker; true when the choice changed.
    pub fn ui(&mut self, ui: &mut Ui) -> bool {
        let before = self.chosen;
        let label = ui.label("通报期间");
        let selected = self.span().map_or_else(String::new, |s| s.label.clone());
        ComboBox::from_id_salt("bulletin-span")
            .selected_text(selected)
            .width(200.0)
            .show_ui(ui, |ui| {
                for (i, s) in self.spans.iter().enumerate() {
                    ui.selectable_value(&mut self.chosen, i, &s.label);
                }
            })
            .response
            .labelled_by(label.id);
        self.chosen != before
    }
}
