//! What is inside evidence files: hostile and broken files are stored and answer "无法预览"
//! (never a panic, never an unbounded allocation), the type comes from the content, EXIF time
//! and place are read, and thumbnails are made once at 256 px.

use crate::support::png_claiming;
use crate::support::{Data, date, exif_block, jpeg, png, with_exif};
use duban::evidence::{BlobStore, PreviewError, THUMB_SIZE, ThumbCache, taken_before_notice};
use duban::model::DirectiveId;

const D2: DirectiveId = DirectiveId(2);

/// Attaches `bytes` as `name` and asks for its thumbnail.
fn attach_and_preview(data: &mut Data, name: &str, bytes: &[u8]) -> (&'static str, Result<(), PreviewError>) {
    let source = data.source(name, bytes);
    let done = data.attach(D2, None, &source).unwrap_or_else(|e| panic!("{name}: {e}"));
    let blob = BlobStore::in_data_dir(data.path()).path_of(&done.hash);
    let preview = ThumbCache::in_data_dir(data.path()).thumbnail(&done.hash, &blob).map(|_| ());
    (done.media_type, preview)
}

#[test]
fn hostile_and_broken_files_are_stored_and_cannot_be_previewed() {
    let mut data = Data::new();
    let photo = jpeg(640, 480, 7);
    let mut truncated = photo[..photo.len() / 3].to_vec();
    truncated.truncate(truncated.len() - truncated.len() % 7);
    let mut malformed_exif = with_exif(&photo, b"MM\0*\0\0\0\x08\xFF\xFF garbage that claims 65535 entries");
    malformed_exif[40] ^= 0x55;
    let cases: [(&str, Vec<u8>, &str, &str); 6] = [
        ("截断.jpg", truncated, "image/jpeg", "无法预览：图片已损坏或不完整"),
        ("巨图.png", png_claiming(100_000, 100_000), "image/png", "无法预览：图片超出解码限制"),
        (
            "整改通知书.jpg",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n".to_vec(),
            "application/pdf",
            "无法预览：不是可识别的图片格式",
        ),
        (
            "照片.jpg",
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF".to_vec(),
            "application/x-msdownload",
            "无法预览：不是可识别的图片格式",
        ),
        ("乱码.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xde\xad\xbe\xef".to_vec(), "image/png", "无法预览"),
        (
            "随机.jpg",
            (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "application/octet-stream",
            "无法预览：不是可识别的图片格式",
        ),
    ];
    for (name, bytes, media, message) in cases {
        let (sniffed, preview) = attach_and_preview(&mut data, name, &bytes);
        assert_eq!(sniffed, media, "{name}");
        let err = preview.expect_err(name).to_string();
        assert!(err.starts_with(message), "{name}: {err}");
    }
    // Malformed EXIF is ignored: the photo is stored and previewed, with no time or place.
    let source = data.source("坏EXIF.jpg", &malformed_exif);
    let done = data.attach(D2, None, &source).unwrap();
    assert_eq!(done.photo, duban::model::PhotoMeta::default());
    let listed = data.store.evidence_for(D2).unwrap();
    assert_eq!(listed.len(), 7);
    assert!(listed.iter().find(|e| e.original_name == "照片.jpg").unwrap().never_launch());
    assert!(!listed.iter().find(|e| e.original_name == "截断.jpg").unwrap().never_launch());
    // A failure is remembered: the second ask answers the same without decoding again.
    let bad = listed.iter().find(|e| e.original_name == "巨图.png").unwrap();
    let hash = duban::evidence::BlobHash::parse(&bad.hash).unwrap();
    let again = ThumbCache::in_data_dir(data.path()).thumbnail(&hash, &data.path().join("nowhere"));
    assert!(again.unwrap_err().to_string().starts_with("无法预览：图片超出解码限制"));
}

#[test]
fn the_type_comes_from_the_content_not_the_name() {
    let mut data = Data::new();
    let (media, preview) = attach_and_preview(&mut data, "扫描件.pdf", &jpeg(300, 200, 1));
    assert_eq!(media, "image/jpeg");
    assert!(preview.is_ok(), "a photo with a wrong name still previews");
    let (media, _) = attach_and_preview(&mut data, "清理.sh", b"#!/bin/sh\necho hi\n");
    assert_eq!(media, "text/x-shellscript");
    let (media, _) = attach_and_preview(&mut data, "run.bat", b"@echo off\r\n");
    assert_eq!(media, "text/plain");
    let never: Vec<bool> = data.store.evidence_for(D2).unwrap().iter().map(|e| e.never_launch()).collect();
    assert_eq!(never, [false, true, true]);
}

#[test]
fn exif_time_and_place_are_read_and_old_photos_flagged() {
    let mut data = Data::new();
    let photo = with_exif(&jpeg(120, 90, 3), &exif_block("2022:03:10 08:15:30"));
    let source = data.source("IMG_0310.jpg", &photo);
    let done = data.attach(D2, None, &source).unwrap();
    let taken = done.photo.taken_at.expect("time taken");
    assert_eq!(taken.to_string(), "2022-03-10 08:15:30");
    let (lat, lon) = (done.photo.lat.unwrap(), done.photo.lon.unwrap());
    assert!((lat - 41.8).abs() < 1e-9, "{lat}");
    assert!((lon - (123.0 + 25.0 / 60.0 + 30.0 / 3600.0)).abs() < 1e-9, "{lon}");
    let row = &data.store.evidence_for(D2).unwrap()[0];
    assert_eq!(row.photo, done.photo, "stored in the row");
    let issued = data.store.load_board().unwrap().notices[0].issued_on;
    assert_eq!(issued, date("2022-03-16"));
    assert!(taken_before_notice(row.photo.taken_at, issued), "taken six days before the notice");
}

#[test]
fn thumbnails_are_256_on_the_long_side_and_made_once() {
    let mut data = Data::new();
    for (name, bytes, size) in
        [("横.jpg", jpeg(1024, 512, 5), (256, 128)), ("竖.png", png(300, 600), (128, 256))]
    {
        let source = data.source(name, &bytes);
        let done = data.attach(D2, None, &source).unwrap();
        let cache = ThumbCache::in_data_dir(data.path());
        let blob = BlobStore::in_data_dir(data.path()).path_of(&done.hash);
        let thumb = cache.thumbnail(&done.hash, &blob).unwrap();
        assert_eq!(thumb, cache.path_of(&done.hash));
        let decoded = image::open(&thumb).unwrap();
        assert_eq!((decoded.width(), decoded.height()), size, "{name}");
        assert!(size.0.max(size.1) == THUMB_SIZE);
        // Made once: the cache answers even when the blob is unreachable.
        assert_eq!(cache.thumbnail(&done.hash, &data.path().join("nowhere")).unwrap(), thumb);
    }
}

#[test]
fn viewing_copies_fit_the_content_and_executables_are_refused() {
    let mut data = Data::new();
    let pdf = b"%PDF-1.7\n%%EOF\n";
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF";
    for (name, bytes) in [("整改通知书.jpg", &pdf[..]), ("照片.jpg", &exe[..])] {
        let source = data.source(name, bytes);
        data.attach(D2, None, &source).unwrap();
    }
    let listed = data.store.evidence_for(D2).unwrap();
    let copy = duban::evidence::viewing_copy(data.path(), &listed[0]).unwrap();
    assert_eq!(copy.file_name().unwrap().to_string_lossy(), "整改通知书.jpg.pdf");
    assert_eq!(std::fs::read(&copy).unwrap(), pdf);
    assert!(copy.starts_with(data.path().join("open")));
    let refused = duban::evidence::viewing_copy(data.path(), &listed[1]).unwrap_err().to_string();
    assert!(refused.starts_with("这是可执行文件或脚本，为安全起见督办台不会打开它"), "{refused}");
    assert!(refused.ends_with("照片.jpg"), "{refused}");
    assert!(!data.path().join("open").join(&listed[1].hash[..16]).exists(), "no copy of it is made");
}
