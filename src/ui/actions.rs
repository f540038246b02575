//! 菜单与快捷键 — one table of the window's actions: each with its label, tooltip, shortcut
//! and the command it gives. The top bar draws from it and the shortcut handler reads the same
//! table, so a label, a tooltip and a key can never disagree (as in Rerun's `UICommand`).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, Dialog, Field};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Import,
    /// 新建工作要求… (领导批示 / 临时交办)
    ByHand,
    Export,
    Forms,
    Search,
    Note,
    Settings,
    Roster,
    Trash,
    Backup,
    Move,
    Check,
    About,
}

impl Action {
    /// Left of the top bar, in order.
    pub const MAIN: [Action; 4] = [Action::Import, Action::ByHand, Action::Export, Action::Forms];
    /// Right of the top bar, right to left.
    pub const RIGHT: [Action; 4] = [Action::About, Action::Settings, Action::Roster, Action::Trash];
    /// The 数据 menu.
    pub const DATA_MENU: [Action; 3] = [Action::Backup, Action::Move, Action::Check];
    pub const ALL: [Action; 13] = [
        Action::Import,
        Action::ByHand,
        Action::Export,
        Action::Forms,
        Action::Search,
        Action::Note,
        Action::Settings,
        Action::Roster,
        Action::Trash,
        Action::Backup,
        Action::Move,
        Action::Check,
        Action::About,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::Import => "导入通知…",
            Action::ByHand => "新建工作要求…",
            Action::Export => "导出汇总…",
            Action::Forms => "督办单…",
            Action::Search => "搜索",
            Action::Note => "添加进展",
            Action::Settings => "设置…",
            Action::Roster => "名册…",
            Action::Trash => "回收站…",
            Action::Backup => "备份与恢复…",
            Action::Move => "迁移数据目录…",
            Action::Check => "检查数据…",
            Action::About => "关于…",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Action::Import => "粘贴或打开办公会议工作要求通知",
            Action::ByHand => "录入领导批示或临时交办的工作要求",
            Action::Export => "生成会议汇报：Word、Excel、PDF 或 CSV",
            Action::Forms => "为各单位生成督办通知单和反馈单；读取报回的反馈单",
            Action::Search => "按文字查找工作要求、进展和材料",
            Action::Note => "为选中的工作要求填写进展",
            Action::Settings => "填报人、即将到期提醒天数、下次会议、主题",
            Action::Roster => "新增单位，设置单位别名",
            Action::Trash => "移出的材料：恢复或清空",
            Action::Backup => "备份到U盘，或从备份恢复",
            Action::Move => "把全部数据复制并校验到另一个文件夹后改用它",
            Action::Check => "检查数据库、变更记录和全部材料文件是否完好",
            Action::About => "版本、数据目录和许可",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = match self {
            Action::Import => Key::I,
            Action::Export => Key::E,
            Action::Search => Key::F,
            Action::Note => Key::N,
            _ => return None,
        };
        Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }

    /// The tooltip with the shortcut, as the top bar shows it.
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(s) => format!("{}（{}）", self.tooltip(), ctx.format_shortcut(&s)),
            None => self.tooltip().to_owned(),
        }
    }

    pub fn command(self) -> Command {
        match self {
            Action::Import => Command::Open(Dialog::Import),
            Action::ByHand => Command::Open(Dialog::ByHand),
            Action::Export => Command::Open(Dialog::Export),
            Action::Forms => Command::Open(Dialog::Forms),
            Action::Search => Command::Focus(Field::Search),
            Action::Note => Command::Focus(Field::Note),
            Action::Settings => Command::Open(Dialog::Settings),
            Action::Roster => Command::Open(Dialog::Roster),
            Action::Trash => Command::Open(Dialog::Trash),
            Action::Backup => Command::Open(Dialog::Backup),
            Action::Move => Command::Open(Dialog::Move),
            Action::Check => Command::Open(Dialog::Check),
            Action::About => Command::Open(Dialog::About),
        }
    }

    /// A button for the action; its command when clicked.
    pub fn button(self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if ui.button(self.label()).on_hover_text(self.hover_text(ui.ctx())).clicked() {
            commands.push(self.command());
        }
    }
}
