//! 操作 — everything a view can ask for. Views return commands; the app applies them at the
//! end of the frame, so no view changes state or touches the database while drawing. Every
//! change to a directive is one variant, [`Command::Edit`], carrying a [`DirectiveEdit`].

use std::path::PathBuf;

use chrono::NaiveDate;

pub use crate::model::RosterEdit;
use crate::model::{
    BoardFilter, DirectiveEdit, DirectiveId, Evidence, NoteId, NoticeDraft, NoticeId, RegisterEdit, Settings,
};
use crate::report::{Format, SummaryRequest};

/// Where the text of a notice to import comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportSource {
    /// Pasted into the dialog.
    Text(String),
    /// A .txt or .docx file chosen in the file dialog or typed as a path.
    File(PathBuf),
}

/// Where files being added go: a directive, and maybe one of its progress notes or one office's
/// 反馈 (by its record id) they support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachTarget {
    pub directive: DirectiveId,
    pub note: Option<NoteId>,
    pub feedback: Option<i64>,
}

impl AttachTarget {
    pub fn directive(directive: DirectiveId) -> AttachTarget {
        AttachTarget { directive, note: None, feedback: None }
    }
}

/// The dialogs and overlays; at most one shows at a time, and shortcuts rest while it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// 导入通知…
    Import,
    /// 导出汇总…
    Export,
    /// 新建工作要求… (or 新增工作要求 for a notice, opened by [`Command::AddDirective`]).
    ByHand,
    /// The officer's name, asked at first start.
    Author,
    /// 设置…
    Settings,
    /// 回收站…
    Trash,
    /// 名册…
    Roster,
    /// 检查数据… (opening it starts the check).
    Check,
    /// 备份与恢复…
    Backup,
    /// 迁移数据目录…
    Move,
    /// 关于…: version, data folder, licenses.
    About,
    /// The large photo viewer (opened by [`Command::ViewPhoto`]).
    Photo,
    /// 督办单…: forms out to the offices, returns read back.
    Forms,
}

/// A text field a shortcut puts the cursor in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// 搜索 above the table.
    Search,
    /// 进展 in the detail pane.
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(Dialog),
    Close(Dialog),
    Focus(Field),
    /// 隐藏详情 / 显示详情: fold the detail pane away, or bring it back.
    ToggleDetail,
    /// Show 全部, 已逾期, or one office's directives.
    SetFilter(BoardFilter),
    SelectDirective(DirectiveId),
    /// 总览 in the sidebar: the start screen.
    ShowOverview,
    /// From the overview: show the directive in the table, selected.
    OpenDirective(DirectiveId),
    /// 列出全部 (`true`) or 只列在办的: whether a large register's table lists its finished
    /// directives too.
    ListFinished(bool),
    /// 排序: a click on this column's header.
    SortBy(crate::ui::views::Col),
    /// Move the table selection up (-1) or down (+1).
    MoveSelection(i32),
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
    /// Any change to one directive or its files.
    Edit(DirectiveId, DirectiveEdit),
    /// 新建, 新增, 拆分, 合并, 删除 or 恢复 a directive (the board changes).
    Register(RegisterEdit),
    /// 新增工作要求…: the dialog, for this notice (named by its label).
    AddDirective(NoticeId, String),
    /// The officer's name for notes and the change log.
    SetAuthor(String),
    SaveSettings(Settings),
    /// 反馈周期 of one notice (`None`: the default from 设置).
    SetNoticeCadence(crate::model::NoticeId, Option<i64>),
    /// Write the meeting report (on the worker).
    Export {
        request: SummaryRequest,
        format: Format,
        path: PathBuf,
        /// 附佐证材料清单 (Word, PDF, Excel).
        evidence_list: bool,
    },
    /// Write the 督查通报 for a month or quarter (on the worker), dated `issued_on`.
    ExportBulletin {
        span: crate::model::BulletinSpan,
        issued_on: chrono::NaiveDate,
        path: PathBuf,
    },
    /// Read the 汇报稿 (on the worker) for the 导出 dialog.
    LoadBrief(crate::report::BriefSince),
    /// Write the 汇报稿 as Word (on the worker).
    ExportBrief {
        since: crate::report::BriefSince,
        path: PathBuf,
    },
    /// Open a file or folder in the system's viewer.
    OpenPath(PathBuf),
    /// Show only directives matching this text (empty: all).
    Search(String),
    /// 添加材料 (dialog or dropped files): copy, hash and record on the file worker.
    AttachFiles(AttachTarget, Vec<PathBuf>),
    /// 取消 the running attach.
    CancelAttach,
    /// Make (or load) the thumbnail of a stored photo.
    LoadThumbnail(String),
    /// 打开 a stored file in the system viewer.
    OpenEvidence(Box<Evidence>),
    /// 看大图: the photos of the shown directive, from this one.
    ViewPhoto {
        photos: Vec<Evidence>,
        index: usize,
    },
    /// Add, rename, move, merge or remove a roster office, or set its aliases.
    Roster(RosterEdit),
    /// 清空回收站, after the officer confirmed.
    EmptyTrash,
    /// Write the single-file backup here (on the worker).
    Backup(PathBuf),
    /// Restore this archive or snapshot over the database (confirmed in the dialog).
    Restore(PathBuf),
    /// Copy, verify and switch to this (empty) folder.
    MoveData(PathBuf),
    /// 督办单: every office's 督办通知单 and 反馈单 into this folder (on the worker).
    GenerateForms(PathBuf),
    /// 催办通知 for every office with items due a reminder today, into this folder; records a
    /// 书面催办 on each (on the worker).
    GenerateUrges(PathBuf),
    /// Read returned 反馈单 for review (on the worker); nothing is stored.
    ReadForms(Vec<PathBuf>),
    /// Write the accepted rows of a review (one transaction, on the worker).
    ApplyForms {
        review: Box<crate::forms::Review>,
        approver: Option<String>,
    },
}
