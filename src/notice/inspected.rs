//! 检查组所做 — what an inspection team did on its visit (`一是实地查看小区电动自行车停放…`,
//! `二是现场通报检查发现的问题`, `四是现场查阅相关台账资料,督促物业公司加强管理`): a bulletin
//! tells it, and asks no one anything by it. Only such a step that names no unit and holds no
//! modal (要, 应, 须) is left out; what the team then asks of the units stays.

use crate::model::SectionDraft;

/// The words an inspection's own steps open with.
const STEPS: [&str; 9] =
    ["实地查看", "实地察看", "现场查看", "现场察看", "现场查阅", "现场通报", "现场检查", "听取", "查阅"];

/// Whether `text` (an item, its ordinal 一是 aside) tells a step of the inspection itself.
pub fn is_inspection_step(text: &str) -> bool {
    let t = crate::notice::text::clean_line(text);
    let Some(t) = crate::notice::text::after_spoken_ordinal(t, &['是']) else { return false };
    (STEPS.iter().any(|s| t.starts_with(s)) || t.starts_with("通报《"))
        && !crate::notice::report_list::has_modal(t)
}

/// The directives without the inspection's own steps.
pub fn drop_steps(sections: &mut [SectionDraft]) {
    for s in sections.iter_mut() {
        s.directives.retain(|d| {
            !(d.offices.is_empty() && d.support_offices.is_empty() && is_inspection_step(&d.text))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspections_own_steps_are_told_not_asked() {
        assert!(is_inspection_step("一是实地查看小区电动自行车停放及充电情况、消防通道是否畅通;"));
        assert!(is_inspection_step("三是通报《南京2.23火灾事故调查报告》,传达系列文件精神;"));
        assert!(is_inspection_step("四是现场查阅相关台账资料,督促物业公司加强管理。"));
        assert!(!is_inspection_step("一是要实地查看隐患整改情况。"), "asked with 要");
        assert!(!is_inspection_step("实地查看小区消防通道。"), "no ordinal: not a told list");
        assert!(!is_inspection_step("二是强化问题整改。"));
    }
}
