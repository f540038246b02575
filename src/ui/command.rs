//! 操作 — everything a view can ask for. Views return commands; the app applies them at the
//! end of the frame, so no view changes state or touches the database while drawing.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{
    BoardFilter, DirectiveId, Evidence, EvidenceId, NoticeDraft, OfficeGroup, OfficeId, Settings, Status,
};
use crate::report::{Format, SummaryRequest};

/// Where the text of a notice to import comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportSource {
    /// Pasted into the dialog.
    Text(String),
    /// A .txt file chosen in the file dialog or typed as a path.
    File(PathBuf),
}

/// 名册维护 — a change to one roster office.
#[derive(Debug, Clone, PartialEq)]
pub enum RosterEdit {
    Rename(OfficeId, String),
    Move(OfficeId, OfficeGroup),
    /// The first (a duplicate) into the second.
    Merge(OfficeId, OfficeId),
    Remove(OfficeId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show 全部, 已逾期, or one office's directives.
    SetFilter(BoardFilter),
    SelectDirective(DirectiveId),
    /// 总览 in the sidebar: the start screen.
    ShowOverview,
    /// From the overview: show the directive in the table, selected.
    OpenDirective(DirectiveId),
    /// Move the table selection up (-1) or down (+1).
    MoveSelection(i32),
    /// 导入通知… opens the import dialog.
    OpenImport,
    CloseImport,
    /// Read and parse a notice for review; nothing is stored.
    /// `encoding` overrides the detected one for text files.
    ParseNotice {
        source: ImportSource,
        issued_on: NaiveDate,
        encoding: Option<&'static str>,
    },
    /// 确认导入: store the reviewed draft in one transaction.
    ConfirmImport {
        draft: Box<NoticeDraft>,
        source_text: String,
    },
    SetStatus(DirectiveId, Status),
    SetDeadline(DirectiveId, Option<NaiveDate>),
    SetOffices(DirectiveId, Vec<String>),
    /// 接续: link a directive to the earlier one it carries on (`None`: unlink).
    SetContinues(DirectiveId, Option<DirectiveId>),
    AddProgress {
        id: DirectiveId,
        on: NaiveDate,
        text: String,
    },
    /// The officer's name for notes and the change log.
    SetAuthor(String),
    /// Close the name dialog without changing the name.
    CancelAuthor,
    /// 设置… opens the settings dialog.
    OpenSettings,
    CloseSettings,
    SaveSettings(Settings),
    /// 导出汇总… opens the export dialog.
    OpenExport,
    CloseExport,
    /// Write the meeting report (on the worker).
    Export {
        request: SummaryRequest,
        format: Format,
        path: PathBuf,
    },
    /// Open a file or folder in the system's viewer.
    OpenPath(PathBuf),
    /// Show only directives matching this text (empty: all).
    Search(String),
    /// 添加材料 (dialog or dropped files): copy, hash and record on the file worker.
    /// The optional id is the progress note (进展) the files support.
    AttachFiles(DirectiveId, Option<i64>, Vec<PathBuf>),
    /// 说明 — a file's caption.
    SetCaption(DirectiveId, EvidenceId, String),
    /// 取消 the running attach after the current file.
    CancelAttach,
    /// Make (or load) the thumbnail of a stored photo.
    LoadThumbnail(String),
    /// 打开 a stored file in the system viewer.
    OpenEvidence(Box<Evidence>),
    /// 移到回收站.
    TrashEvidence(DirectiveId, EvidenceId),
    /// 看大图: the photos of the shown directive, from this one.
    ViewPhoto {
        photos: Vec<(String, String)>,
        index: usize,
    },
    ClosePhoto,
    /// 检查材料… re-hashes every stored file on the file worker.
    CheckEvidence,
    CloseCheck,
    /// 名册… opens the roster.
    OpenRoster,
    CloseRoster,
    AddOffice(String, OfficeGroup),
    SetAliases(OfficeId, Vec<String>),
    /// Rename, move, merge or remove a roster office.
    EditRoster(RosterEdit),
    /// 回收站… opens the trash dialog.
    OpenTrash,
    CloseTrash,
    RestoreEvidence(DirectiveId, EvidenceId),
    /// 清空回收站, after the officer confirmed.
    EmptyTrash,
    /// 备份与恢复… opens the backup dialog.
    OpenBackup,
    CloseBackup,
    /// Write the single-file backup here (on the worker).
    Backup(PathBuf),
    /// Restore this archive or snapshot over the database (confirmed in the dialog).
    Restore(PathBuf),
    /// 迁移数据目录… opens the move dialog.
    OpenMove,
    CloseMove,
    /// Copy, verify and switch to this (empty) folder.
    MoveData(PathBuf),
}
