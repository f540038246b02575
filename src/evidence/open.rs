//! 打开 — handing a stored file to the system viewer. Blobs are named `<hash>.bin`, which no
//! viewer understands, so a copy under the original name goes into `<data>/open/`; its
//! extension is fixed to match the content. Executables and scripts are refused here, in the
//! core, so no caller can launch one by mistake.

use std::path::{Path, PathBuf};

use super::blobs::BlobStore;
use super::error::{EvidenceError, Result};
use super::hash::BlobHash;
use crate::model::{Evidence, is_bidi_control};

/// The folder of viewing copies inside a data directory (a cache: safe to delete).
pub const OPEN_DIR: &str = "open";

/// Extensions that suit each media type; the first is added when the name has none of them.
const EXTENSIONS: &[(&str, &[&str])] = &[
    ("image/jpeg", &["jpg", "jpeg", "jpe", "jfif"]),
    ("image/png", &["png"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("image/tiff", &["tif", "tiff"]),
    ("image/bmp", &["bmp"]),
    ("image/heic", &["heic", "heif"]),
    ("application/pdf", &["pdf"]),
    ("video/mp4", &["mp4", "m4v"]),
    ("video/quicktime", &["mov"]),
    ("application/msword", &["doc"]),
    ("application/vnd.ms-excel", &["xls"]),
    ("application/vnd.ms-powerpoint", &["ppt"]),
    ("application/rtf", &["rtf"]),
];

/// A copy of `evidence`'s content that the system viewer can open, made if needed.
pub fn viewing_copy(data_dir: &Path, evidence: &Evidence) -> Result<PathBuf> {
    let name = viewing_name(&evidence.original_name, &evidence.media_type);
    if evidence.never_launch() {
        return Err(EvidenceError::NeverLaunch { path: PathBuf::from(name) });
    }
    let hash =
        BlobHash::parse(&evidence.hash).ok_or_else(|| EvidenceError::Verify { path: name.clone().into() })?;
    let blob = BlobStore::in_data_dir(data_dir).path_of(&hash);
    let folder = data_dir.join(OPEN_DIR).join(&hash.as_str()[..16]);
    let copy = folder.join(&name);
    if std::fs::metadata(&copy).is_ok_and(|m| m.len() == evidence.size) {
        return Ok(copy);
    }
    let write_err = |source| EvidenceError::Write { source, path: copy.clone() };
    std::fs::create_dir_all(&folder).map_err(write_err)?;
    std::fs::copy(&blob, &copy).map_err(|source| EvidenceError::Read { source, path: blob.clone() })?;
    Ok(copy)
}

/// The original name reduced to a safe file name, with an extension that fits the content.
pub fn viewing_name(original: &str, media_type: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or_default();
    // Bidirectional controls go: a viewer would show `照片\u{202E}gpj.exe` as `照片exe.jpg`.
    let mut name: String = base
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() || r#":*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    let name_trimmed = name.trim_matches(['.', ' ']);
    if name_trimmed.is_empty() {
        name = "材料".into();
    }
    let ext = Path::new(&name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if let Some((_, fits)) = EXTENSIONS.iter().find(|(t, _)| *t == media_type)
        && !fits.contains(&ext.as_str())
    {
        name = format!("{name}.{}", fits[0]);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::viewing_name;

    #[test]
    fn names_are_safe_and_extensions_fit_the_content() {
        assert_eq!(viewing_name("现场.JPG", "image/jpeg"), "现场.JPG");
        assert_eq!(viewing_name("照片\u{202E}gpj.pdf", "application/pdf"), "照片gpj.pdf");
        assert_eq!(viewing_name("\u{2067}报告\u{2069}.pdf", "application/pdf"), "报告.pdf");
        assert_eq!(viewing_name("扫描件.pdf", "image/jpeg"), "扫描件.pdf.jpg");
        assert_eq!(viewing_name("整改通知", "application/pdf"), "整改通知.pdf");
        assert_eq!(viewing_name("..\\..\\evil:name?.docx", "application/zip"), "evil_name_.docx");
        assert_eq!(viewing_name("..", "text/plain"), "材料");
    }
}
