//! 检查结果表 — a 督查通报's table of what an inspection found, copied as text:
//! `校区、建筑、房间 | 消防隐患问题 | 备注` with one row per hazard and the unit that answers
//! for it in a cell of its own. Each hazard found is a rectification the duty desk tracks
//! (整改), so each row becomes a task line: the place and the hazard, with the unit named in
//! the row as its responsible unit (none when the row names none: `已通知周边单位…`).

use super::text_table::cells;
use super::unit_name::is_unit;

/// The header of a findings table: a column of hazards or problems, and no column the task
/// table reader knows (工作任务, 责任单位, 完成时限), which text_table.rs reads instead.
fn problem_column(header: &[String]) -> Option<usize> {
    let c = super::docx_table::columns(header);
    if header.len() < 2 || c.task.is_some() || c.responsible.is_some() || c.lead.is_some() {
        return None;
    }
    // Header cells are short labels: a row of findings is no header.
    if header.iter().any(|h| h.chars().count() > 10) {
        return None;
    }
    header.iter().position(|h| h.contains("隐患") || h.contains("问题"))
}

/// A cell naming the unit that answers for a row: 艺术设计学院, 智能感知与仪器学院(…).
fn unit_cell(cell: &str) -> bool {
    let parts: Vec<&str> = cell.split('、').collect();
    !cell.is_empty() && parts.iter().all(|p| is_unit(p.trim()))
}

/// The table's rows as task rows (序号 | 工作任务 | 责任单位), header first, when `header` opens
/// a findings table followed by two rows or more; the rows read are `rows.len() - 1` lines.
pub fn read(header: &[String], after: &[&str]) -> Option<Vec<Vec<String>>> {
    let problem = problem_column(header)?;
    let mut rows = vec![["序号", "工作任务", "责任单位"].map(String::from).to_vec()];
    for line in after {
        let Some(row) = cells(line) else { break };
        let Some(found) = row.get(problem).filter(|p| !p.is_empty()) else { break };
        let place = (problem > 0).then(|| row[0].as_str()).filter(|p| !p.is_empty());
        let task = match place {
            Some(place) => format!("{place}：{found}"),
            None => found.clone(),
        };
        let unit = row.iter().enumerate().find(|&(k, c)| k != problem && k != 0 && unit_cell(c));
        rows.push(vec![(rows.len()).to_string(), task, unit.map(|(_, c)| c.clone()).unwrap_or_default()]);
    }
    (rows.len() >= 3).then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn each_hazard_found_is_a_row_of_its_unit() {
        let header = row(&["校区、建筑、房间", "消防隐患问题", "备注"]);
        let rows = read(
            &header,
            &[
                "南苑9号宿舍楼643 | 使用应急照明插座引线 | 智能感知与仪器学院 |",
                "南苑2号宿舍楼219 | 空调插座引线 | 艺术设计学院 |",
                "2号实验楼五楼楼梯 | 摆放杂物 | 已通知周边单位,近期将统一组织清理 |",
                "特此通报。",
            ],
        )
        .expect("a findings table");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1], row(&["1", "南苑9号宿舍楼643：使用应急照明插座引线", "智能感知与仪器学院"]));
        assert_eq!(rows[3][2], "");
        assert_eq!(read(&row(&["序号", "工作任务", "责任单位"]), &["1 | 排查 | 县应急局 |"; 2]), None);
    }
}
