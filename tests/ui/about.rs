//! 关于… in the top bar: the version and schema version (as `duban --version` says them), the
//! data folder this window works on, and the licenses; and the window icon is a real image.

use egui_kittest::kittest::Queryable as _;

use crate::common::{click_button, harness, prepare_store, settle};

#[test]
fn about_names_the_version_the_schema_the_data_folder_and_the_licenses() {
    let dir = tempfile::tempdir().unwrap();
    let store = prepare_store(dir.path(), Some("李娜"), false);
    let mut h = harness(store, dir.path(), "2022-03-18");
    assert!(h.query_by_label("关于督办台").is_none(), "closed until asked for");
    // The status bar names the data folder too: the dialog adds a second.
    let folder = format!("数据目录：{}", dir.path().display());
    assert_eq!(h.query_all_by_label(&folder).count(), 1);
    click_button(&mut h, "关于…");

    h.get_by_label("关于督办台");
    h.get_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label(&format!("数据库结构版本 {}", duban::store::SCHEMA_VERSION));
    assert_eq!(h.query_all_by_label(&folder).count(), 2, "the dialog names the data folder");
    h.get_by_label_contains("MIT 许可证");
    h.get_by_label_contains("SIL Open Font License 1.1");

    click_button(&mut h, "关闭");
    settle(&mut h);
    assert!(h.query_by_label("关于督办台").is_none(), "关闭 closes it");
}

#[test]
fn the_window_icon_decodes_as_a_square_image() {
    let icon = eframe::icon_data::from_png_bytes(duban::ui::WINDOW_ICON).expect("the icon is a PNG");
    assert_eq!((icon.width, icon.height), (256, 256));
    // Not blank: the red square and the white glyph are both there.
    let pixels: Vec<&[u8]> = icon.rgba.chunks(4).collect();
    assert!(pixels.iter().any(|p| p[0] > 150 && p[1] < 60 && p[3] == 255), "red");
    assert!(pixels.iter().any(|p| p[0] > 240 && p[1] > 240 && p[2] > 240 && p[3] == 255), "white");
}
