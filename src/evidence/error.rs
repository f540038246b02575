//! Why a file could not be stored as evidence. Messages are Chinese; the path comes last.

use std::path::PathBuf;

use crate::fsutil::io_reason;

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// The source could not be opened or read (gone, no permission, a folder…).
    #[error("无法读取文件（{}）：{path}", io_reason(.source))]
    Read { source: std::io::Error, path: PathBuf },
    /// The source changed size while it was copied (still being written, or replaced).
    #[error("文件在复制过程中发生了变化，请确认文件已保存完毕后重试：{path}")]
    Changed { path: PathBuf },
    #[error("文件为空（0 字节），未添加：{path}")]
    Empty { path: PathBuf },
    #[error("这是一个文件夹，请选择其中的文件：{path}")]
    Folder { path: PathBuf },
    /// The evidence store could not be written (read-only, full, no permission…).
    #[error("无法保存到材料库（{}）：{path}", io_reason(.source))]
    Write { source: std::io::Error, path: PathBuf },
    /// The stored copy does not hash to what was read: storage is failing.
    #[error("保存后校验失败（存储的副本与原文件不一致），未添加：{path}")]
    Verify { path: PathBuf },
    /// Executables and scripts are stored but never handed to the system to open.
    #[error("这是可执行文件或脚本，为安全起见督办台不会打开它（如确需查看，请交信息通信部门处理）：{path}")]
    NeverLaunch { path: PathBuf },
    /// The officer cancelled while the file was being copied; nothing was kept.
    #[error("已取消：{path}")]
    Cancelled { path: PathBuf },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

pub type Result<T, E = EvidenceError> = std::result::Result<T, E>;
