//! Evidence speed: attaching 100 camera-sized (5 MB) JPEGs, making one thumbnail from a
//! full-size photo, and answering from the thumbnail cache. Prints the peak RSS at the end.

use std::hint::black_box;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use duban::evidence::{BlobStore, ThumbCache, attach_file, make_thumbnail};
use duban::model::DirectiveId;
use duban::notice::parse_notice;
use duban::store::{Actor, Store};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");
const PHOTOS: usize = 100;

/// A 4000×3000 photo-like JPEG of about 5 MB: gradients plus sensor-like noise.
fn camera_jpeg() -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let img = RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state % 20) as u32;
        let c = |base: u32| ((base + noise) % 256) as u8;
        Rgb([c(x / 16), c(y / 12), c((x + y) / 28)])
    });
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img).expect("encode");
    out.into_inner()
}

/// `jpeg` with a comment segment after SOI: a distinct file with the same picture.
fn variant(jpeg: &[u8], n: usize) -> Vec<u8> {
    let comment = format!("duban bench photo {n}");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&(comment.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(comment.as_bytes());
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn photo_folder(dir: &Path) -> Vec<PathBuf> {
    let jpeg = camera_jpeg();
    eprintln!("each photo: {:.1} MB", jpeg.len() as f64 / 1_048_576.0);
    (0..PHOTOS)
        .map(|n| {
            let path = dir.join(format!("IMG_{n:04}.jpg"));
            std::fs::write(&path, variant(&jpeg, n)).expect("write photo");
            path
        })
        .collect()
}

fn fresh_data() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    let issued = NaiveDate::from_ymd_opt(2022, 3, 16).expect("date");
    let draft = parse_notice(SEED, issued).expect("seed");
    store.import_notice(&draft, SEED, "张伟", issued.and_hms_opt(9, 0, 0).expect("time")).expect("import");
    (dir, store)
}

fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
}

fn evidence(c: &mut Criterion) {
    let camera = tempfile::tempdir().expect("tempdir");
    let photos = photo_folder(camera.path());
    let at = NaiveDate::from_ymd_opt(2022, 3, 18).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("time");
    let actor = Actor { author: "张伟", at };

    let mut group = c.benchmark_group("evidence");
    group.sample_size(10).measurement_time(Duration::from_secs(60)).warm_up_time(Duration::from_secs(1));
    group.throughput(Throughput::Elements(PHOTOS as u64));
    group.bench_function("attach 100 × 5 MB JPEG", |b| {
        b.iter_batched(
            fresh_data,
            |(dir, mut store)| {
                for photo in &photos {
                    black_box(
                        attach_file(&mut store, dir.path(), DirectiveId(2), None, photo, &actor)
                            .expect("attach"),
                    );
                }
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("evidence");
    group.sample_size(10);
    group.bench_function("thumbnail of one 12 MP photo", |b| {
        b.iter(|| make_thumbnail(&photos[0]).expect("thumb"))
    });
    let (dir, mut store) = fresh_data();
    let done = attach_file(&mut store, dir.path(), DirectiveId(2), None, &photos[0], &actor).expect("attach");
    let blob = BlobStore::in_data_dir(dir.path()).path_of(&done.hash);
    let cache = ThumbCache::in_data_dir(dir.path());
    cache.thumbnail(&done.hash, &blob).expect("thumb");
    group.sample_size(100);
    group.bench_function("thumbnail from the cache", |b| {
        b.iter(|| cache.thumbnail(&done.hash, &blob).expect("cached"))
    });
    group.finish();
    if let Some(mib) = peak_rss_mib() {
        eprintln!("peak RSS of the whole bench: {mib} MiB");
    }
}

criterion_group!(benches, evidence);
criterion_main!(benches);
