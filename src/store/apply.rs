//! One entry point for every directive edit: the window's worker and the command line hand a
//! [`DirectiveEdit`] here and get back what to tell the officer. Each arm is one of the logged,
//! single-transaction changes in `edit.rs`, `evidence.rs` and `continuation.rs`.

use super::{Actor, Result, Store};
use crate::model::{DirectiveEdit, DirectiveId, RosterEdit};

impl Store {
    /// Applies `edit` to directive `id`; returns the confirmation to show (in Chinese).
    pub fn apply_edit(&mut self, id: DirectiveId, edit: &DirectiveEdit, actor: &Actor) -> Result<String> {
        self.refuse_if_set_aside(id)?;
        Ok(match edit {
            DirectiveEdit::Status(s) => {
                self.set_status(id, *s, actor)?;
                format!("状态已改为“{s}”")
            }
            DirectiveEdit::Deadline(d) => {
                self.set_deadline(id, *d, actor)?;
                d.map_or_else(|| "已清除完成时限".to_owned(), |d| format!("完成时限已改为 {d}"))
            }
            DirectiveEdit::Offices(names) => {
                self.set_offices(id, names, actor)?;
                "责任单位已更新".to_owned()
            }
            DirectiveEdit::Note { on, text } => {
                self.add_note(id, *on, text, actor)?;
                "已添加进展".to_owned()
            }
            DirectiveEdit::Continues(earlier) => {
                self.set_continues(id, *earlier, actor)?;
                if earlier.is_some() { "已接续" } else { "已取消接续" }.to_owned()
            }
            DirectiveEdit::Caption(file, caption) => {
                self.set_evidence_caption(*file, caption, actor)?;
                "已保存说明".to_owned()
            }
            DirectiveEdit::TrashFile(file) => {
                self.trash_evidence(*file, actor)?;
                "已移到回收站（可恢复）".to_owned()
            }
            DirectiveEdit::RestoreFile(file) => {
                self.restore_evidence(*file, actor)?;
                "已从回收站恢复".to_owned()
            }
            DirectiveEdit::Loop(edit) => self.apply_loop_edit(id, edit, actor)?,
        })
    }

    /// Applies `edit` to the roster; returns the confirmation to show (in Chinese).
    pub fn apply_roster_edit(&mut self, edit: &RosterEdit, actor: &Actor) -> Result<String> {
        Ok(match edit {
            RosterEdit::Add(name, group) => {
                self.add_office(name, *group, actor)?;
                format!("已添加单位：{name}")
            }
            RosterEdit::Aliases(office, aliases) => {
                self.set_aliases(*office, aliases, actor)?;
                "别名已保存".to_owned()
            }
            RosterEdit::Rename(office, name) => {
                self.rename_office(*office, name, actor)?;
                format!("已改名为“{name}”，原名保留为别名")
            }
            RosterEdit::Move(office, group) => {
                self.set_office_group(*office, *group, actor)?;
                format!("已移到{}", group.label())
            }
            RosterEdit::Merge(from, into) => {
                self.merge_office(*from, *into, actor)?;
                "已并入".to_owned()
            }
            RosterEdit::Remove(office) => {
                self.remove_office(*office, actor)?;
                "已从名册删除".to_owned()
            }
        })
    }
}
