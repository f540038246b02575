//! 文本表格 — a task table copied as text (cells between `|`, or tabs as Word and web pages
//! give when a table is copied): 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限. Its rows become
//! the numbered task lines a .docx table becomes (docx_table.rs). A row shorter than the
//! header (merged cells) is aligned from the right, skipping a time cell that is not a time
//! (it then keeps the time of the row above, when the row names units) and a unit cell that
//! names no unit.

use super::docx_table::{Columns, columns, table_lines};

pub(super) fn cells(line: &str) -> Option<Vec<String>> {
    let sep = if line.contains('|') {
        '|'
    } else if line.contains('\t') {
        '\t'
    } else {
        return None;
    };
    let mut cells: Vec<String> = line.split(sep).map(|c| c.trim().to_owned()).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    while cells.first().is_some_and(String::is_empty) {
        cells.remove(0);
    }
    (!cells.is_empty()).then_some(cells)
}

fn is_task_header(row: &[String]) -> bool {
    let c = columns(row);
    row.len() >= 2
        && c.task.is_some()
        && (c.lead.is_some() || c.responsible.is_some() || c.deadline.is_some())
}

/// A cell that reads as a time: 6月底前, 2024年, 长期, 每季度, 4月.
pub(super) fn time_like(cell: &str) -> bool {
    cell.chars().count() <= 20
        && ["月", "年", "日", "前", "季度", "长期", "持续", "常态", "每"].iter().any(|w| cell.contains(w))
}

/// A cell that reads as unit names: short names, no sentence.
fn units_like(cell: &str) -> bool {
    !cell.is_empty()
        && !cell.contains(['，', ',', '。', '；', ';', '《'])
        && cell.split(|c: char| c.is_whitespace() || c == '、').all(|n| n.chars().count() <= 14)
}

/// Puts a short row's cells under the right columns.
fn align(row: Vec<String>, width: usize, c: &Columns, above_time: &str) -> Vec<String> {
    if row.len() >= width || row.len() <= 1 {
        return row;
    }
    let mut out = vec![String::new(); width];
    let mut cells = row.into_iter().rev().peekable();
    let mut col = width;
    let mut had_units = false;
    while col > 0 {
        col -= 1;
        let Some(cell) = cells.peek() else { break };
        if Some(col) == c.deadline && !time_like(cell) {
            continue;
        }
        if (Some(col) == c.responsible || Some(col) == c.lead) && !units_like(cell) {
            continue;
        }
        if Some(col) == c.responsible || Some(col) == c.lead {
            had_units = true;
        }
        out[col] = cells.next().unwrap_or_default();
    }
    if let Some(d) = c.deadline
        && out[d].is_empty()
        && had_units
    {
        out[d] = above_time.to_owned();
    }
    out
}

/// The lines with every task table replaced by its task lines; `None` when there is none.
pub fn expand(lines: &[&str]) -> Option<Vec<String>> {
    if !lines.iter().any(|l| l.contains('|') || l.contains('\t')) {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut found = false;
    let mut i = 0;
    while i < lines.len() {
        // A findings table's header names its hazards (隐患) or problems (问题): other lines skip it.
        let may_find = lines[i].contains("隐患") || lines[i].contains("问题");
        if let Some(rows) = may_find
            .then(|| cells(lines[i]))
            .flatten()
            .and_then(|h| super::findings_table::read(&h, &lines[i + 1..]))
        {
            found = true;
            i += rows.len();
            out.extend(table_lines(&rows));
            continue;
        }
        let Some(header) = cells(lines[i]).filter(|h| is_task_header(h)) else {
            out.push(lines[i].to_owned());
            i += 1;
            continue;
        };
        found = true;
        let c = columns(&header);
        let width = header.len();
        let mut rows = vec![header];
        let mut above_time = String::new();
        i += 1;
        while let Some(row) = lines.get(i).and_then(|l| cells(l)) {
            let row = align(row, width, &c, &above_time);
            if let Some(d) = c.deadline.and_then(|d| row.get(d)).filter(|d| !d.is_empty()) {
                above_time = d.clone();
            }
            rows.push(row);
            i += 1;
        }
        out.extend(table_lines(&rows));
    }
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_copied_as_text_becomes_task_lines() {
        let lines = [
            "关于印发任务分工的通知",
            "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |",
            "1 | 开展高层建筑专项治理 | 防火监督处 | 各支队 | 2024年6月底前 |",
            "2\t完善预案\t\t作战训练处、指挥中心\t长期坚持",
            "特此通知。",
        ];
        assert_eq!(
            expand(&lines).unwrap(),
            [
                "关于印发任务分工的通知",
                "1. 开展高层建筑专项治理，完成时限：2024年6月底前。（牵头单位：防火监督处；责任单位：各支队）",
                "2. 完善预案，完成时限：长期坚持。（责任单位：作战训练处、指挥中心）",
                "特此通知。",
            ]
        );
        assert_eq!(expand(&["一、加强检查。"]), None);
    }

    #[test]
    fn merged_cells_are_aligned_from_the_right() {
        let lines = [
            "建设任务 | 工作事项 | 任务清单 | 责任清单 | 时限清单 |",
            "体系 | 机构 | 落实责任制 | 党政办 应消站 | 4月 |",
            "明确联络员 | 应消站 | 5月 |",
            "补充设置巡查员 | 农村办 国土所 |",
            "机制 | 制定《指挥机制》,",
        ];
        let got = expand(&lines).unwrap();
        assert_eq!(got[0], "1. 落实责任制，完成时限：4月。（责任单位：党政办 应消站）");
        assert_eq!(got[1], "2. 明确联络员，完成时限：5月。（责任单位：应消站）");
        assert_eq!(got[2], "3. 补充设置巡查员，完成时限：5月。（责任单位：农村办 国土所）");
        assert_eq!(got[3], "4. 制定《指挥机制》,。");
    }
}
