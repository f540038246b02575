//! 文件写入 — writing files so that a crash or a failure never leaves a half-written one:
//! write to a temporary file in the same folder, flush it to disk, then rename it into place.
//! Also the officer's wording of I/O failures ([`io_reason`]), used by every layer above, and
//! the free space on a disk ([`free_space`]).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be written. The path comes last in the message.
#[derive(Debug, thiserror::Error)]
#[error("无法写入文件（{}）：{path}", io_reason(.source))]
pub struct WriteError {
    pub source: std::io::Error,
    pub path: PathBuf,
}

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a part.
/// On failure the temporary file is removed and the old file (if any) is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let fail = |source| WriteError { source, path: path.to_path_buf() };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| fail(std::io::Error::other("不是文件路径")))?;
    let temp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = File::create_new(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(fail)
}

/// The common I/O failures in the officer's words; others as the system says them.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "文件不存在".into(),
        PermissionDenied => "没有访问权限".into(),
        IsADirectory => "这是一个文件夹".into(),
        StorageFull => "磁盘已满".into(),
        ReadOnlyFilesystem => "磁盘只读".into(),
        NotADirectory => "路径中的某一级是文件，不是文件夹".into(),
        _ => e.to_string(),
    }
}

/// Bytes free for an unprivileged writer on the file system holding `path`; `None` where
/// that cannot be asked (not Unix, or the call failed): callers then rely on the write
/// failing cleanly.
pub fn free_space(path: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        let stat = rustix::fs::statvfs(path).ok()?;
        Some(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Makes a rename durable (on Unix the directory entry must be flushed too).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("汇总.csv");
        write_atomically(&path, b"old").unwrap();
        write_atomically(&path, "新内容".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "新内容");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_says_why_with_the_path_last_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("汇总.docx");
        let err = write_atomically(&path, b"x").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("无法写入文件（文件不存在）"), "{message}");
        assert!(message.ends_with("汇总.docx"), "{message}");
        // A directory in the way of the target: the rename fails, the temp file is removed.
        let blocked = dir.path().join("目录");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("keep"), b"1").unwrap();
        assert!(write_atomically(&blocked, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }
}
