//! 选择文件 — the system's file and folder dialogs without blocking the window. A native dialog
//! blocks its thread until it closes, so on Linux and Windows it runs on a thread of its own and
//! the answer is polled each frame; macOS allows its dialogs only on the main thread, so there
//! the dialog runs there (its own modal loop keeps the window drawn). Every place that picks a
//! file or folder uses this one helper.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// No system dialogs: every pick answers "nothing chosen" at once and the path fields take
/// over. Set by `DUBAN_NO_FILE_DIALOG=1` (a desktop whose dialog hangs) and by the tests.
static NO_SYSTEM_DIALOGS: AtomicBool = AtomicBool::new(false);

/// From now on, file and folder picks use the typed-path fields only.
pub fn without_system_dialogs() {
    NO_SYSTEM_DIALOGS.store(true, Ordering::SeqCst);
}

/// What to ask the system for.
#[derive(Debug, Clone)]
pub struct Pick {
    pub title: &'static str,
    pub kind: PickKind,
    /// (filter name, extensions)
    pub filter: Option<(String, Vec<&'static str>)>,
    /// The folder to start in.
    pub folder: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PickKind {
    File,
    Files,
    Folder,
    /// 另存为, with the file name proposed.
    Save(String),
}

impl Pick {
    pub fn new(title: &'static str, kind: PickKind) -> Pick {
        Pick { title, kind, filter: None, folder: None }
    }

    pub fn filter(mut self, name: impl Into<String>, extensions: &[&'static str]) -> Pick {
        self.filter = Some((name.into(), extensions.to_vec()));
        self
    }

    /// Starts in `folder` when it exists.
    pub fn folder(mut self, folder: Option<PathBuf>) -> Pick {
        self.folder = folder.filter(|f| f.is_dir());
        self
    }

    /// Runs the dialog here (blocking): the chosen paths, empty when cancelled.
    fn run(self) -> Vec<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(self.title);
        if let Some((name, extensions)) = &self.filter {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Some(folder) = &self.folder {
            dialog = dialog.set_directory(folder);
        }
        match self.kind {
            PickKind::File => dialog.pick_file().into_iter().collect(),
            PickKind::Files => dialog.pick_files().unwrap_or_default(),
            PickKind::Folder => dialog.pick_folder().into_iter().collect(),
            PickKind::Save(name) => dialog.set_file_name(name).save_file().into_iter().collect(),
        }
    }
}

/// One dialog at a time for the view that owns this.
#[derive(Default)]
pub struct Picker {
    waiting: Option<Receiver<Vec<PathBuf>>>,
    /// The answer of a dialog that ran on this thread (macOS), for the next poll.
    ready: Option<Vec<PathBuf>>,
}

impl Picker {
    /// A dialog is open.
    pub fn is_open(&self) -> bool {
        self.waiting.is_some()
    }

    /// Opens the dialog (ignored while one is open).
    pub fn open(&mut self, ctx: &egui::Context, pick: Pick) {
        if self.is_open() {
            return;
        }
        if NO_SYSTEM_DIALOGS.load(Ordering::SeqCst) {
            self.ready = Some(Vec::new());
            ctx.request_repaint();
            return;
        }
        if cfg!(target_os = "macos") {
            self.ready = Some(pick.run());
            ctx.request_repaint();
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("duban-picker".into()).spawn(move || {
            let _ = tx.send(pick.run());
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => self.waiting = Some(rx),
            // No thread, no dialog: the same as a cancelled one (the path field remains).
            Err(_) => self.ready = Some(Vec::new()),
        }
    }

    /// The dialog's answer once it closed: the chosen paths, empty when cancelled (or when no
    /// desktop dialog could be shown). `None` while it is open or none was opened.
    pub fn poll(&mut self) -> Option<Vec<PathBuf>> {
        if let Some(ready) = self.ready.take() {
            return Some(ready);
        }
        let rx = self.waiting.as_ref()?;
        match rx.try_recv() {
            Ok(paths) => {
                self.waiting = None;
                Some(paths)
            }
            Err(TryRecvError::Disconnected) => {
                self.waiting = None;
                Some(Vec::new())
            }
            Err(TryRecvError::Empty) => None,
        }
    }
}

/// 文件路径: where no file dialog appeared, the officer types (or pastes) the paths, several
/// separated by ;. Returns them once 添加 (or Enter) is pressed.
pub fn typed_paths_ui(ui: &mut egui::Ui, path: &mut String) -> Option<Vec<PathBuf>> {
    let hint = "未选择文件。若系统文件对话框没有出现，请输入文件路径（多个用 ; 分隔），或把文件拖到窗口上。";
    ui.label(egui::RichText::new(hint).small().color(crate::ui::theme::DUE_SOON));
    let mut add = false;
    ui.horizontal(|ui| {
        let label = ui.label("文件路径：");
        let width = (ui.available_width() - 60.0).max(80.0);
        let field = ui.add(egui::TextEdit::singleline(path).desired_width(width)).labelled_by(label.id);
        add = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        add |= ui.add_enabled(!path.trim().is_empty(), egui::Button::new("添加")).clicked();
    });
    let paths: Vec<PathBuf> =
        path.split(';').map(str::trim).filter(|p| !p.is_empty()).map(PathBuf::from).collect();
    (add && !paths.is_empty()).then_some(paths)
}
