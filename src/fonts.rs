//! 字体 — the embedded CJK font, shared by the window and the PDF export.

/// Noto Sans SC Regular (SIL OFL 1.1): every character of 通用规范汉字表, so duban renders and
/// prints Chinese on a machine with no Chinese fonts. Kept whole: subsets miss given-name
/// characters.
pub static CJK_FONT: &[u8] = include_bytes!("../fonts/NotoSansSC-Regular.ttf");
pub const CJK_FONT_NAME: &str = "NotoSansSC-Regular";
