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
    /// 督办: the office named is not assigned to the directive.
    #[error("“{office}”不是工作要求 {number} 的责任单位，请改为其中之一：{assigned}")]
    NotAssigned { office: String, number: String, assigned: String },
    /// 督办: a date outside what the action allows (in the future, before the notice…).
    #[error("{0}")]
    BadLoopDate(String),
    /// 延期: the new deadline is not after the current one (or before the notice).
    #[error("延期后的时限 {to} 须晚于{than}，请选择更晚的日期")]
    ExtensionTooEarly { to: chrono::NaiveDate, than: String },
    /// 退回、延期: a reason (or approver) is required.
    #[error("{0}不能为空，请填写后再保存")]
    Missing(&'static str),
    /// 催办 for a directive already closed.
    #[error("工作要求 {0} 已销号，无需再催办；如需继续督办，请先将状态改回推进中")]
    ClosedDirective(String),
    /// The office's state does not allow the action.
    #[error("{office}目前为“{state}”，{hint}")]
    WrongState { office: String, state: &'static str, hint: &'static str },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
