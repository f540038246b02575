//! Why a store operation failed. Messages are Chinese; a path, where there is one, comes last.

use std::path::PathBuf;

use crate::model::{DirectiveId, EvidenceId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "数据库由更新版本的督办台创建（结构版本 {found}，本程序支持到 {supported}），请升级督办台后再打开：{path}"
    )]
    NewerSchema { found: i64, supported: i64, path: PathBuf },
    /// The file is damaged or not a duban database: never used, only restored over.
    #[error("数据库文件已损坏（{detail}），已停止使用，请从备份恢复：{path}")]
    Corrupt { detail: String, path: PathBuf },
    #[error("无法写入数据库备份（{}）：{path}", crate::fsutil::io_reason(.source))]
    Snapshot { source: std::io::Error, path: PathBuf },
    #[error("无法读取文件夹（{}）：{path}", crate::fsutil::io_reason(.source))]
    ReadFolder { source: std::io::Error, path: PathBuf },
    #[error("无法打开数据库：{source}：{path}")]
    Open { source: rusqlite::Error, path: PathBuf },
    #[error("无法创建数据目录（{}）：{path}", crate::fsutil::io_reason(.source))]
    CreateDir { source: std::io::Error, path: PathBuf },
    #[error("找不到编号为 {0} 的工作要求")]
    DirectiveNotFound(DirectiveId),
    #[error("找不到编号为 {0} 的材料")]
    EvidenceNotFound(EvidenceId),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
