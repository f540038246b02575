//! A 2 GB file is streamed through one fixed buffer: attached, verified, and never read whole
//! into memory. Alone in its own test binary so the process's peak memory is this test's.

#[path = "core/support.rs"]
mod support;

use std::fs::File;
use std::io::Write;
use std::time::Instant;

use duban::evidence::{BlobStore, COPY_BUFFER, make_thumbnail};
use duban::model::DirectiveId;
use support::Data;

const SIZE: u64 = 2 << 30;

/// The process's peak resident memory in KiB (Linux); `None` elsewhere.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A sparse file of `SIZE` bytes starting with `head` (takes no disk space of its own).
fn sparse(path: &std::path::Path, head: &[u8]) {
    let mut file = File::create(path).unwrap();
    file.write_all(head).unwrap();
    file.set_len(SIZE).unwrap();
}

#[test]
fn a_2_gb_file_is_streamed_with_flat_memory() {
    // The copy goes through one small fixed buffer by design.
    const { assert!(COPY_BUFFER <= 1 << 20) };
    let mut data = Data::new();
    let source = data.path().join("消防演练录像.mp4");
    sparse(&source, b"\0\0\0\x18ftypmp42");
    let before = peak_rss_kib();
    let started = Instant::now();
    let done = data.attach(DirectiveId(2), None, &source).unwrap();
    let took = started.elapsed();
    let after = peak_rss_kib();
    assert_eq!((done.size, done.media_type), (SIZE, "video/mp4"));
    let blob = BlobStore::in_data_dir(data.path()).path_of(&done.hash);
    assert_eq!(std::fs::metadata(&blob).unwrap().len(), SIZE);
    eprintln!("2 GB attached (copy, fsync, verify) in {took:.1?}: {:.0} MB/s", 2048.0 / took.as_secs_f64());
    if let (Some(before), Some(after)) = (before, after) {
        let grew_mib = (after.saturating_sub(before)) / 1024;
        eprintln!("peak RSS {before} KiB → {after} KiB");
        assert!(grew_mib < 32, "peak memory grew by {grew_mib} MiB while streaming 2 GB");
    }
    // Nothing of 2 GB stays behind.
    std::fs::remove_file(&blob).unwrap();
    std::fs::remove_file(&source).unwrap();
}

#[test]
fn a_2_gb_file_claiming_to_be_a_jpeg_is_not_read_to_preview_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("巨大.jpg");
    sparse(&path, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0");
    // The refusal names the size limit: it was decided from the file's length, before decoding.
    let err = make_thumbnail(&path).unwrap_err().to_string();
    assert!(err.starts_with("无法预览：图片超出解码限制（文件超过 100 MB）"), "{err}");
}
