//! Why a notice could not be read. Messages are Chinese: they reach the officer as written.

use std::path::PathBuf;

use crate::fsutil::io_reason;

#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    #[error("通知内容为空")]
    Empty,
    #[error(
        "内容不是文本（含有二进制数据或控制字符），请导入 Word（.docx）或文本（.txt）文件，或直接粘贴通知正文"
    )]
    NotText,
    #[error("无法识别文本编码（既不是 UTF-8，也不是 GBK/GB18030）")]
    UnknownEncoding,
    #[error("按 {encoding} 编码读取失败：内容含有该编码下无效的字节，请换一种编码")]
    WrongEncoding { encoding: String },
    #[error("文件过大（{size} 字节，上限 {limit} 字节），请确认选择的是通知文件")]
    TooLarge { size: u64, limit: u64 },
    #[error("未找到编号部分（“一、”“二、”……），无法识别为工作要求通知")]
    NoSections,
    #[error("文档已加密（或为旧版 .doc 格式），请在 Word 中取消密码并另存为 .docx 后再导入")]
    Encrypted,
    #[error("不是有效的 Word 文档（{reason}）")]
    BadDocx { reason: String },
    #[error(
        "PDF 没有文字层（可能是扫描件或图片），无法读取文字；请索取 Word 或可复制文字的 PDF，或把正文粘贴进来"
    )]
    ScannedPdf,
    #[error("PDF 已加密，请取消密码后再导入")]
    EncryptedPdf,
    #[error("不是有效的 PDF 文件（{reason}）")]
    BadPdf { reason: String },
    #[error("文档解压后超过 {limit} 字节，可能是恶意压缩文件，已拒绝")]
    Unpacked { limit: u64 },
    #[error("文档内含不安全的路径（{name}），已拒绝")]
    UnsafePath { name: String },
    #[error("无法读取文件（{}）：{path}", io_reason(.source))]
    Io { source: std::io::Error, path: PathBuf },
    /// A named pipe, a device or a socket: reading it could block or never end.
    #[error("不是普通文件（可能是管道或设备），无法作为通知读取：{path}")]
    NotRegular { path: PathBuf },
    #[error("{inner}：{path}")]
    InFile { inner: Box<NoticeError>, path: PathBuf },
}

impl NoticeError {
    /// Adds the file name (last, as every message here ends) to an error about its content.
    pub fn in_file(self, path: impl Into<PathBuf>) -> NoticeError {
        match self {
            e @ (NoticeError::Io { .. } | NoticeError::InFile { .. } | NoticeError::NotRegular { .. }) => e,
            e => NoticeError::InFile { inner: Box::new(e), path: path.into() },
        }
    }
}
