//! Why a backup or a restore failed. Messages are Chinese; the path comes last.

use std::path::PathBuf;

use crate::fsutil::io_reason;

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
    /// The data moved (`moved-to.txt` in `from`) to a folder that holds no database now.
    #[error(
        "数据已迁移到“{}”，但那里现在找不到数据库（移动硬盘或网络盘未连接？）。为免在旧数据上继续工作，未打开任何数据；请连接该位置后重试。原数据目录：{from}",
        .target.display()
    )]
    Unreachable { from: PathBuf, target: PathBuf },
    /// Not enough free space for what a restore must unpack.
    #[error("磁盘空间不足（需要 {needed} 字节，可用 {free} 字节），未恢复：{path}")]
    NoSpace { needed: u64, free: u64, path: PathBuf },
    /// Not a duban backup, or a damaged one.
    #[error("不是有效的督办台备份（{reason}）：{path}")]
    NotABackup { reason: String, path: PathBuf },
}

pub type Result<T, E = BackupError> = std::result::Result<T, E>;
