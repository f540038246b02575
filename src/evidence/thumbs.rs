//! 缩略图 — a derived cache `<data>/thumbs/<hash>.jpg`, 256 px on the long side, made once per
//! content. Decoding runs under `image::Limits` so a hostile file yields [`PreviewError`]
//! ("无法预览…"), never a panic or an unbounded allocation. A failure is remembered next to the
//! cache (`<hash>.none`) so a broken file is not decoded again on every frame.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use super::hash::BlobHash;
use crate::fsutil::write_atomically;

/// The cache's folder inside a data directory.
pub const THUMBS_DIR: &str = "thumbs";
/// The long side of a thumbnail.
pub const THUMB_SIZE: u32 = 256;
/// Largest image side duban decodes.
pub const MAX_SIDE: u32 = 20_000;
/// Largest allocation one decode may make.
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// Largest file duban tries to preview (decoders read their whole input into memory).
pub const MAX_PREVIEW_FILE: u64 = 100 * 1024 * 1024;

/// Why a file has no preview. Shown under the placeholder as it reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    #[error("无法预览：图片超出解码限制（{0}）")]
    Limit(String),
    #[error("无法预览：不是可识别的图片格式")]
    NotImage,
    /// The decoder's own (English) words are kept for the log, not shown.
    #[error("无法预览：图片已损坏或不完整")]
    Damaged { detail: String },
    /// An earlier attempt failed; its message, as remembered in the cache.
    #[error("{0}")]
    Remembered(String),
    #[error("无法预览：无法读取文件（{0}）")]
    Io(String),
}

/// The thumbnail cache of one data directory.
#[derive(Debug, Clone)]
pub struct ThumbCache {
    root: PathBuf,
}

impl ThumbCache {
    pub fn in_data_dir(data_dir: &Path) -> ThumbCache {
        ThumbCache { root: data_dir.join(THUMBS_DIR) }
    }

    pub fn path_of(&self, hash: &BlobHash) -> PathBuf {
        self.root.join(format!("{hash}.jpg"))
    }

    fn failure_path(&self, hash: &BlobHash) -> PathBuf {
        self.root.join(format!("{hash}.none"))
    }

    /// The cached thumbnail of the blob at `blob`, made now if needed.
    pub fn thumbnail(&self, hash: &BlobHash, blob: &Path) -> Result<PathBuf, PreviewError> {
        let path = self.path_of(hash);
        if path.is_file() {
            return Ok(path);
        }
        if let Ok(reason) = std::fs::read_to_string(self.failure_path(hash)) {
            return Err(PreviewError::Remembered(reason));
        }
        let result = make_thumbnail(blob);
        let io = |e: crate::fsutil::WriteError| PreviewError::Io(e.to_string());
        std::fs::create_dir_all(&self.root).map_err(|e| PreviewError::Io(crate::fsutil::io_reason(&e)))?;
        match result {
            Ok(jpeg) => write_atomically(&path, &jpeg).map_err(io).map(|()| path),
            Err(e @ PreviewError::Io(_)) => Err(e),
            Err(e) => {
                let _ = write_atomically(&self.failure_path(hash), e.to_string().as_bytes());
                Err(e)
            }
        }
    }
}

/// The decoding limits for any file duban previews.
pub fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// Decodes the image at `path` under [`limits`] and encodes a JPEG thumbnail of it.
pub fn make_thumbnail(path: &Path) -> Result<Vec<u8>, PreviewError> {
    let image = decode_limited(path)?;
    let thumb = image.thumbnail(THUMB_SIZE, THUMB_SIZE).into_rgb8();
    let mut jpeg = Cursor::new(Vec::new());
    thumb
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .map_err(|e| PreviewError::Damaged { detail: e.to_string() })?;
    Ok(jpeg.into_inner())
}

/// Decodes a whole image (the large in-app viewer) under the same limits; the format comes
/// from the content, never from the name.
pub fn decode_limited(path: &Path) -> Result<DynamicImage, PreviewError> {
    let io = |e: std::io::Error| PreviewError::Io(crate::fsutil::io_reason(&e));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_PREVIEW_FILE {
        return Err(PreviewError::Limit(format!("文件超过 {} MB", MAX_PREVIEW_FILE >> 20)));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let mut reader = ImageReader::new(Cursor::new(bytes.as_slice())).with_guessed_format().map_err(io)?;
    match reader.format() {
        None => return Err(PreviewError::NotImage),
        Some(ImageFormat::Jpeg) if !super::jpeg::is_complete(&bytes) => {
            return Err(PreviewError::Damaged { detail: "JPEG ends before its EOI marker".into() });
        }
        Some(_) => {}
    }
    reader.limits(limits());
    // The decoders are not ours: a panic on hostile input becomes "无法预览", not a crash.
    let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reader.decode()));
    match decoded {
        Ok(Ok(image)) => Ok(image),
        Ok(Err(e)) => Err(classify(e)),
        Err(_) => Err(PreviewError::Damaged { detail: "decoder panicked".into() }),
    }
}

fn classify(e: image::ImageError) -> PreviewError {
    use image::ImageError::*;
    use image::error::LimitErrorKind;
    match e {
        Limits(l) => match l.kind() {
            LimitErrorKind::DimensionError => PreviewError::Limit(format!("边长超过 {MAX_SIDE} 像素")),
            LimitErrorKind::InsufficientMemory => PreviewError::Limit("所需内存过大".into()),
            _ => PreviewError::Limit(l.to_string()),
        },
        Unsupported(_) => PreviewError::NotImage,
        other => PreviewError::Damaged { detail: other.to_string() },
    }
}
