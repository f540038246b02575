//! Design tokens in one place: the urgency colours, spacing, and the embedded CJK font.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::model::{Status, Urgency};

pub use crate::fonts::{CJK_FONT, CJK_FONT_NAME};

/// 已逾期 — red.
pub const OVERDUE: Color32 = Color32::from_rgb(0xC6, 0x28, 0x28);
/// 即将到期 — amber.
pub const DUE_SOON: Color32 = Color32::from_rgb(0xB2, 0x6A, 0x00);
/// 今日待催办 — an office to press today.
pub const PRESS: Color32 = Color32::from_rgb(0x6A, 0x1B, 0x9A);
/// 已完成 / 已销号 — green.
pub const FINISHED: Color32 = Color32::from_rgb(0x2E, 0x7D, 0x32);
/// Light tints behind rows and badges of each class.
pub const OVERDUE_BG: Color32 = Color32::from_rgb(0xFD, 0xEC, 0xEA);
pub const DUE_SOON_BG: Color32 = Color32::from_rgb(0xFF, 0xF4, 0xDE);
pub const FINISHED_BG: Color32 = Color32::from_rgb(0xE8, 0xF5, 0xE9);
/// Behind search matches.
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x82);
/// The headquarters' red for the title bar accent.
pub const ACCENT: Color32 = Color32::from_rgb(0xB7, 0x1C, 0x1C);

/// Text colour for an urgency class; `None` keeps the normal text colour.
pub fn urgency_color(u: Urgency) -> Option<Color32> {
    match u {
        Urgency::Overdue => Some(OVERDUE),
        Urgency::DueSoon => Some(DUE_SOON),
        Urgency::Finished => Some(FINISHED),
        Urgency::OnTrack => None,
    }
}

/// Background tint for an urgency class.
pub fn urgency_fill(u: Urgency) -> Option<Color32> {
    match u {
        Urgency::Overdue => Some(OVERDUE_BG),
        Urgency::DueSoon => Some(DUE_SOON_BG),
        Urgency::Finished => Some(FINISHED_BG),
        Urgency::OnTrack => None,
    }
}

/// Colour of a status chip.
pub fn status_color(s: Status) -> Color32 {
    match s {
        Status::NotStarted => Color32::from_rgb(0x61, 0x61, 0x61),
        Status::InProgress => Color32::from_rgb(0x15, 0x65, 0xC0),
        Status::Done | Status::Closed => FINISHED,
    }
}

/// Font definitions with the CJK font first for proportional and monospace text; egui's own
/// fonts stay as fallbacks (emoji, symbols).
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(CJK_FONT_NAME.to_owned(), FontData::from_static(CJK_FONT).into());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, CJK_FONT_NAME.to_owned());
    }
    fonts
}

/// Installs fonts and the light style. Call once per context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        // A steady cursor: a blinking one repaints the window twice a second while a field has
        // the focus, which kept an idle window at ~10 % of a core.
        style.visuals.text_cursor.blink = false;
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        for (text_style, size) in [
            (egui::TextStyle::Body, 15.0),
            (egui::TextStyle::Button, 15.0),
            (egui::TextStyle::Monospace, 14.0),
            (egui::TextStyle::Small, 12.0),
            (egui::TextStyle::Heading, 20.0),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
    });
}
