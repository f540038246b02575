//! 文件类别 — which stored files may be handed to the system viewer and which are images duban
//! can preview. Pure rules over a media type (sniffed from the content) and the original name,
//! so the model, the evidence store and the window all ask the same question.

/// Media types of content that runs code when "opened".
const EXECUTABLE_TYPES: &[&str] = &[
    "application/x-msdownload",
    "application/x-executable",
    "application/x-mach-binary",
    "text/x-shellscript",
];

/// Names that Windows (or a desktop) would run rather than show, whatever the content.
const EXECUTABLE_EXTENSIONS: &[&str] = &[
    "exe",
    "com",
    "scr",
    "pif",
    "cpl",
    "msi",
    "msp",
    "msc",
    "bat",
    "cmd",
    "sh",
    "bash",
    "zsh",
    "csh",
    "ksh",
    "command",
    "js",
    "jse",
    "vbs",
    "vbe",
    "wsf",
    "wsh",
    "ws",
    "hta",
    "ps1",
    "psm1",
    "psd1",
    "ps1xml",
    "reg",
    "lnk",
    "url",
    "inf",
    "scf",
    "jar",
    "app",
    "appimage",
    "run",
    "py",
    "pyw",
    "pl",
    "rb",
    "php",
    "dll",
    "sys",
    "drv",
    "ocx",
    "gadget",
    "application",
    "appref-ms",
    "desktop",
    "deb",
    "rpm",
    // Opened by a browser or a help viewer that runs their scripts, mounted as a drive, or
    // installed: each can run code.
    "html",
    "htm",
    "xhtml",
    "mht",
    "mhtml",
    "svg",
    "chm",
    "iso",
    "img",
    "vhd",
    "vhdx",
    "msix",
    "msixbundle",
    "appx",
    "appxbundle",
    // Office files with macros.
    "docm",
    "dotm",
    "xlsm",
    "xltm",
    "xlam",
    "pptm",
    "potm",
    "ppsm",
];

/// Whether duban must refuse to hand this file to the system to open.
pub fn never_launch(media_type: &str, original_name: &str) -> bool {
    EXECUTABLE_TYPES.contains(&media_type)
        || EXECUTABLE_EXTENSIONS.contains(&extension(original_name).as_str())
}

/// Whether the content is a raster image duban can try to preview.
pub fn is_image(media_type: &str) -> bool {
    matches!(media_type, "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "image/tiff" | "image/bmp")
}

/// Bidirectional-text controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin): they make
/// `照片\u{202E}gpj.exe` display as `照片exe.jpg`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `name` without bidirectional-text controls.
pub fn without_bidi_controls(name: &str) -> String {
    name.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// The extension Windows would act on: trailing dots and spaces, which it drops, and
/// bidirectional controls do not hide it.
fn extension(name: &str) -> String {
    let name = without_bidi_controls(name);
    match name.trim_end_matches([' ', '.']).rsplit_once('.') {
        Some((_, ext)) if !ext.contains(['/', '\\']) => ext.to_lowercase(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::never_launch;

    #[test]
    fn pages_images_of_drives_installers_and_macro_documents_are_never_launched() {
        for name in [
            "通知.html",
            "a.HTM",
            "图.svg",
            "帮助.chm",
            "盘.iso",
            "盘.img",
            "盘.vhd",
            "宏.docm",
            "宏.xlsm",
            "宏.pptm",
            "包.msix",
            "包.appx",
        ] {
            assert!(never_launch("application/octet-stream", name), "{name}");
        }
        assert!(never_launch("image/jpeg", "照片\u{202E}gpj.exe"));
        assert!(never_launch("image/jpeg", "照片.exe. "));
        assert!(!never_launch("application/pdf", "整改通知书.pdf"));
        assert!(!never_launch("image/jpeg", "现场.jpg"));
    }
}
