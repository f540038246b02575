//! The embedded CJK font covers what duban shows, on a machine with no Chinese fonts.

use egui::{FontData, FontDefinitions, FontFamily, FontId};

use duban::ui::theme::{CJK_FONT, CJK_FONT_NAME, font_definitions};

/// Characters in `text` that the fonts of `defs` cannot draw.
fn missing(defs: FontDefinitions, family: FontFamily, text: &str) -> Vec<char> {
    let ctx = egui::Context::default();
    ctx.set_fonts(defs);
    let mut output = ctx.run_ui(Default::default(), |_| {});
    output.textures_delta.clear();
    let font = FontId::new(14.0, family);
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    chars.sort_unstable();
    chars.dedup();
    let missing = ctx.fonts_mut(|f| chars.into_iter().filter(|c| !f.has_glyph(&font, *c)).collect());
    let mut output = ctx.run_ui(Default::default(), |_| {});
    output.textures_delta.clear();
    missing
}

/// Font definitions with the embedded CJK font alone, as the family returned.
fn cjk_only() -> (FontDefinitions, FontFamily) {
    let mut defs = FontDefinitions::empty();
    defs.font_data.insert(CJK_FONT_NAME.into(), FontData::from_static(CJK_FONT).into());
    let family = FontFamily::Name("cjk-only".into());
    defs.families.insert(family.clone(), vec![CJK_FONT_NAME.into()]);
    (defs, family)
}

#[test]
fn the_embedded_font_alone_covers_every_character_of_the_seed_notice() {
    let seed = std::fs::read_to_string("tests/fixtures/seed-notice.txt").unwrap();
    let (defs, family) = cjk_only();
    assert_eq!(missing(defs, family, &seed), Vec::<char>::new());
    // Given-name characters a GB2312 subset would miss.
    let (defs, family) = cjk_only();
    assert_eq!(missing(defs, family, "堃喆昇玥珺璟"), Vec::<char>::new());
}

#[test]
fn every_character_written_in_the_ui_code_has_a_glyph() {
    let mut text = String::new();
    let mut stack = vec![std::path::PathBuf::from("src/ui")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                text.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let non_ascii: String = text.chars().filter(|c| !c.is_ascii()).collect();
    assert!(non_ascii.chars().count() > 500, "the UI code is in Chinese");
    assert_eq!(missing(font_definitions(), FontFamily::Proportional, &non_ascii), Vec::<char>::new());
    // The check itself can fail: a private-use character has no glyph anywhere.
    assert_eq!(missing(font_definitions(), FontFamily::Proportional, "中\u{F0000}"), vec!['\u{F0000}']);
}
