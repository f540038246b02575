//! Why a backup or a restore failed. Messages are Chinese; the path comes last.

use std::path::PathBuf;

use crate::notice::io_reason;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Evidence(#[from] crate::evidence::EvidenceError),
    #[error("无法读取备份（{}）：{path}", io_reason(.source))]
    Read { source: std::io::Error, path: PathBuf },
    #[error("无法写入备份（{}）：{path}", io_reason(.source))]
    Write { source: std::io::Error, path: PathBuf },
    /// The data folder cannot be moved there (or the copy did not verify); nothing moved.
    #[error("数据目录未迁移（{reason}）：{path}")]
    CannotMove { reason: String, path: PathBuf },
    /// Not a duban backup, or a damaged one.
    #[error("不是有效的督办台备份（{reason}）：{path}")]
    NotABackup { reason: String, path: PathBuf },
}

pub type Result<T, E = BackupError> = std::result::Result<T, E>;
