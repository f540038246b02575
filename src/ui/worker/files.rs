//! 材料后台 — a second worker for evidence files: copying and hashing (which can take minutes
//! for a folder of photos) and thumbnails. It has its own database connection, so the main
//! worker keeps answering while files are copied. Progress comes back per file and, within a
//! large file, every few megabytes; 取消 stops mid-copy (a file is either fully stored and
//! recorded, or not at all). Requests and replies travel on a [`Line`] that says who asked.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::line::{Asker, Job, Line, Outbox, line};
use crate::clock::Clock;
use crate::evidence::{
    BlobHash, BlobStore, CheckReport, DEFAULT_GRACE, ThumbCache, Watched, attach_file_via, viewing_copy,
};
use crate::model::{DirectiveId, Evidence};
use crate::store::IntegrityReport;
use crate::store::{Actor, Store};
use crate::ui::command::AttachTarget;

pub enum FileRequest {
    /// Into the directive (and the note or 反馈) of `target`.
    Attach {
        target: AttachTarget,
        paths: Vec<PathBuf>,
    },
    Thumbnail {
        hash: String,
    },
    /// A viewing copy under the original name, for the system viewer.
    Open(Box<Evidence>),
    /// A photo at up to 1600 px, for the in-app viewer.
    Picture {
        hash: String,
    },
    /// Re-hash every stored file (duban check).
    Check,
}

pub enum FileReply {
    /// `done` of `total` files handled; `name` is the one just finished; not an answer.
    Progress { done: usize, total: usize, name: String },
    /// An attach run ended: how many stored, the failures (name: reason), cancelled or not.
    Attached { directive: DirectiveId, stored: usize, failed: Vec<String>, cancelled: bool },
    /// A thumbnail as RGBA pixels, or why there is none.
    Thumbnail { hash: String, image: Result<egui::ColorImage, String> },
    /// The viewing copy to hand to the system viewer, or why there is none.
    Opened(Result<PathBuf, String>),
    /// A photo for the in-app viewer, or why there is none.
    Picture { hash: String, image: Result<egui::ColorImage, String> },
    /// `copied` of `size` bytes of file number `file` (of `files`) are in; not an answer.
    Bytes { file: usize, files: usize, copied: u64, size: u64 },
    /// `done` of `total` stored files re-hashed; not an answer.
    CheckProgress { done: usize, total: usize },
    /// The check's report, or why it could not run.
    Checked(Result<FullCheck, String>),
    /// The worker could not take the request at all.
    Failed(String),
    /// At start: partial copies an interrupted attach had left were removed (files, bytes).
    Cleaned { files: usize, bytes: u64 },
}

/// 检查数据: the database (pages, references, the change log's chain), then every file.
#[derive(Debug, Clone)]
pub struct FullCheck {
    pub database: IntegrityReport,
    pub files: CheckReport,
}

pub struct FileWorker {
    line: Line<FileRequest, FileReply>,
    cancel: Arc<AtomicBool>,
}

impl FileWorker {
    /// Starts the thread on the database at `db_path` and the blob store in `data_dir`.
    pub fn spawn(db_path: &Path, data_dir: &Path, clock: Clock) -> FileWorker {
        let (mut line, inbox, outbox) = line::<FileRequest, FileReply>();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let (db_path, data_dir) = (db_path.to_path_buf(), data_dir.to_path_buf());
        let spawned = std::thread::Builder::new().name("duban-files".into()).spawn(move || {
            let mut store = Store::open(&db_path).map_err(|e| format!("无法打开数据库：{e}"));
            // An attach cut off last time (window closed, machine stopped) left a partial copy.
            let blobs = BlobStore::in_data_dir(&data_dir);
            if let Ok((files, bytes)) = blobs.clean_incoming(std::time::SystemTime::now(), STALE_COPY)
                && files > 0
            {
                outbox.tell(Asker::Attach, FileReply::Cleaned { files, bytes });
            }
            while let Ok(job) = inbox.recv() {
                let reply = match store.as_mut() {
                    Ok(store) => work(store, &data_dir, clock, &job, &stop, &outbox),
                    Err(why) => match &job.request {
                        FileRequest::Attach { target, .. } => FileReply::Attached {
                            directive: target.directive,
                            stored: 0,
                            failed: vec![format!("{why}，材料未保存")],
                            cancelled: false,
                        },
                        _ => FileReply::Failed(why.clone()),
                    },
                };
                if !outbox.answer(&job, reply) {
                    break;
                }
            }
        });
        if let Err(e) = spawned {
            line.mark_dead(format!("无法启动材料后台线程：{e}"));
        }
        FileWorker { line, cancel }
    }

    pub fn attach(&self, ctx: &egui::Context) {
        self.line.attach(ctx);
    }

    pub fn send(&mut self, asker: Asker, request: FileRequest) {
        self.line.send(asker, request);
    }

    /// 取消: stop the file being copied and the rest.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    pub fn poll(&mut self) -> Vec<(Asker, FileReply)> {
        self.line.poll(FileReply::Failed)
    }

    pub fn line(&self) -> &Line<FileRequest, FileReply> {
        &self.line
    }
}

/// One request, with the store open.
fn work(
    store: &mut Store,
    data_dir: &Path,
    clock: Clock,
    job: &Job<FileRequest>,
    stop: &AtomicBool,
    outbox: &Outbox<FileReply>,
) -> FileReply {
    let send = |reply: FileReply| outbox.progress(job, reply);
    match &job.request {
        FileRequest::Attach { target, paths } => {
            stop.store(false, Ordering::SeqCst);
            attach_all(store, data_dir, clock, *target, paths, stop, &send)
        }
        FileRequest::Check => {
            let result = store.check_integrity().map_err(|e| e.to_string()).and_then(|database| {
                let files = crate::backup::check_evidence(
                    store,
                    data_dir,
                    std::time::SystemTime::now(),
                    DEFAULT_GRACE,
                    &mut |done, total| send(FileReply::CheckProgress { done, total }),
                )
                .map_err(|e| e.to_string())?;
                Ok(FullCheck { database, files })
            });
            FileReply::Checked(result)
        }
        FileRequest::Picture { hash } => {
            FileReply::Picture { hash: hash.clone(), image: picture(data_dir, hash) }
        }
        FileRequest::Open(file) => FileReply::Opened(viewing_copy(data_dir, file).map_err(|e| e.to_string())),
        FileRequest::Thumbnail { hash } => {
            FileReply::Thumbnail { hash: hash.clone(), image: thumbnail(data_dir, hash) }
        }
    }
}

/// A partial copy untouched this long is left over from an attach that was cut off (a copy
/// under way, in this or another window, writes every moment).
const STALE_COPY: std::time::Duration = std::time::Duration::from_secs(120);

/// How often a large file's copy reports its bytes.
const BYTES_EVERY: u64 = 4 << 20;

fn attach_all(
    store: &mut Store,
    data_dir: &Path,
    clock: Clock,
    target: AttachTarget,
    paths: &[PathBuf],
    stop: &AtomicBool,
    send: &dyn Fn(FileReply),
) -> FileReply {
    let directive = target.directive;
    let author = match store.signing_author() {
        Ok(author) => author,
        Err(e) => {
            let failed = vec![format!("无法读取填报人，材料未保存：{e}")];
            return FileReply::Attached { directive, stored: 0, failed, cancelled: false };
        }
    };
    let (mut stored, mut failed) = (0, Vec::new());
    for (i, path) in paths.iter().enumerate() {
        if stop.load(Ordering::SeqCst) {
            return FileReply::Attached { directive, stored, failed, cancelled: true };
        }
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let actor = Actor { author: &author, at: clock.now() };
        // Within one large file: bytes as they are copied, and 取消 takes effect mid-copy.
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let (file_no, count) = (i, paths.len());
        let mut wrap = |file: std::fs::File| -> Box<dyn std::io::Write + '_> {
            let report = Box::new(move |copied: u64| {
                send(FileReply::Bytes { file: file_no, files: count, copied, size });
            });
            Box::new(Watched::new(file, BYTES_EVERY, stop, report))
        };
        match attach_file_via(store, data_dir, directive, target.note, path, &actor, &mut wrap) {
            // Files that came with a 反馈 are linked to it (logged like the attach itself).
            Ok(done) => {
                match target.feedback.map(|fb| store.link_evidence_to_feedback(done.id, fb, &actor)) {
                    Some(Err(e)) => failed.push(format!("{name}：已添加，但未能关联到反馈：{e}")),
                    _ => stored += 1,
                }
            }
            Err(crate::evidence::EvidenceError::Cancelled { .. }) => {
                return FileReply::Attached { directive, stored, failed, cancelled: true };
            }
            Err(e) => failed.push(format!("{name}：{e}")),
        }
        send(FileReply::Progress { done: i + 1, total: paths.len(), name });
    }
    FileReply::Attached { directive, stored, failed, cancelled: false }
}

/// A stored photo decoded under the preview limits, scaled down to at most 1600 px (never up).
fn picture(data_dir: &Path, hash: &str) -> Result<egui::ColorImage, String> {
    let hash = BlobHash::parse(hash).ok_or("材料编号无效")?;
    let blob = BlobStore::in_data_dir(data_dir).path_of(&hash);
    let image = crate::evidence::decode_limited(&blob).map_err(|e| e.to_string())?;
    // Only ever smaller: `thumbnail` would blow a small photo up to 1600 px.
    let image =
        if image.width() > 1600 || image.height() > 1600 { image.thumbnail(1600, 1600) } else { image };
    let image = image.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}

/// The cached 256 px thumbnail of a stored blob, decoded for a texture.
fn thumbnail(data_dir: &Path, hash: &str) -> Result<egui::ColorImage, String> {
    let hash = BlobHash::parse(hash).ok_or("材料编号无效")?;
    let blob = BlobStore::in_data_dir(data_dir).path_of(&hash);
    let thumb = ThumbCache::in_data_dir(data_dir).thumbnail(&hash, &blob).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(&thumb).map_err(|e| crate::fsutil::io_reason(&e))?;
    let image = image::load_from_memory(&bytes).map_err(|e| e.to_string())?.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}
