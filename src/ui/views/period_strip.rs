//! 报送期次 — under a recurring directive's office row, its latest periods at a glance:
//! 3月 已报 · 4月 未报 · 5月 待报（截止05-25）, the missed ones in red. The periods come from the
//! board row (model/periods.rs); nothing is asked of the store.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::{Assignment, DirectiveRow, PeriodItem};
use crate::ui::format::short_date;
use crate::ui::theme;

/// How many periods the strip shows (the newest, the open one included).
const SHOWN: usize = 4;

/// One period in words, and whether it is missed (red).
pub fn period_words(p: &PeriodItem, today: NaiveDate) -> (String, bool) {
    let name = p.label();
    match p.received_on {
        Some(on) if on <= p.span.due => (format!("{name} 已报"), false),
        Some(_) => (format!("{name} 逾期报"), false),
        None if p.missed(today) => (format!("{name} 未报"), true),
        None => (format!("{name} 待报（截止{}）", short_date(p.span.due, today)), false),
    }
}

/// The strip for office `a` of `row`; nothing when the directive does not recur.
pub fn periods_ui(ui: &mut Ui, row: &DirectiveRow, a: &Assignment, today: NaiveDate) {
    let (Some(plan), Some(rule)) = (&row.recurrence, row.recurrence.as_ref().and_then(|r| r.rule())) else {
        return;
    };
    let items = row.office_periods(a, today, true);
    if items.is_empty() {
        return;
    }
    let missed = items.iter().filter(|p| p.missed(today)).count();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let end = plan.ends_on.map(|e| format!("，至{}", short_date(e, today))).unwrap_or_default();
        ui.label(RichText::new(format!("{}{end}", rule.label())).small().weak());
        for p in items.iter().skip(items.len().saturating_sub(SHOWN)) {
            let (words, red) = period_words(p, today);
            let text = RichText::new(words).small();
            ui.label(if red { text.color(theme::OVERDUE) } else { text });
        }
        if missed > 0 {
            ui.label(RichText::new(format!("共漏报{missed}期")).small().strong().color(theme::OVERDUE));
        }
    });
}
