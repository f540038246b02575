//! 逐格成行的表格 — a task table a web page gave one cell per line (序号 / 民生实事 / 责任单位 /
//! 完成时限, then `1` / the task / its units, one per line / `12月底前`). Its rows become the
//! numbered task lines a .docx table becomes (docx_table.rs), as text_table.rs does for cells
//! between `|` on one line.
//!
//! The header is a run of short lines naming a unit or time column. A row opens at the next
//! number alone on its line; after its task, each line is placed by what it reads as: a time
//! (the limit), unit names (one cell may run over several lines), or a second sentence, which
//! is a second task of the row sharing its units (a merged cell). Anything else ends the table.
//! A heading (一、…) between rows stays a heading; a cut label of the first column is dropped.

use super::docx_table::{columns, table_lines};
use super::unit_name::is_unit;

/// A line with the `|` of an empty cell beside it dropped (`林业发展岗 | |`).
fn cell_text(line: &str) -> &str {
    line.trim().trim_end_matches(['|', ' ', '\t']).trim_start_matches(['|', ' ', '\t']).trim()
}

fn is_header_cell(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n) && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The number alone on a line that opens row `n`.
fn opens_row(line: &str, n: usize) -> bool {
    line.parse::<usize>().is_ok_and(|k| k == n)
}

/// A cell that reads as a time (12月底前, 5月底前动工, 长期), as a `|` table's time cell does,
/// and not a task's sentence.
fn time_like(s: &str) -> bool {
    !s.ends_with('。') && super::text_table::time_like(s)
}

/// A cell of unit names: 县住建局, 林业发展岗、应急管理岗.
fn units_cell(s: &str) -> bool {
    !s.is_empty() && s.split(['、', ' ']).filter(|p| !p.is_empty()).all(|p| p.ends_with('岗') || is_unit(p))
}

/// One row: its tasks, the units they share, and each task's limit.
struct Row {
    tasks: Vec<(String, String)>,
    units: Vec<String>,
}

/// The lines with a one-cell-per-line task table replaced by its task lines; `None` when
/// there is none.
pub fn expand(lines: &[&str]) -> Option<Vec<String>> {
    let (start, width) = header_at(lines)?;
    let mut out: Vec<String> = lines[..start].iter().map(|l| (*l).to_owned()).collect();
    let mut i = start + width;
    let mut rows: Vec<Vec<String>> =
        vec![["序号", "工作任务", "责任单位", "完成时限"].map(String::from).to_vec()];
    let mut next = 1;
    let mut tasks = 0;
    while i < lines.len() {
        let t = cell_text(lines[i]);
        if opens_row(t, next) {
            let (row, end) = read_row(lines, i + 1, next);
            i = end;
            next += 1;
            for (task, time) in row.tasks {
                tasks += 1;
                rows.push(vec![tasks.to_string(), task, row.units.join("、"), time]);
            }
            continue;
        }
        if crate::notice::numbering::marker_of(t).is_some() {
            rows.push(vec![t.to_owned(); 4]);
        } else if t.chars().count() > 6 || lines.get(i + 1).is_none_or(|l| !opens_row(cell_text(l), next)) {
            break;
        }
        i += 1;
    }
    if next <= 2 {
        return None;
    }
    out.extend(table_lines(&rows));
    out.extend(lines[i..].iter().map(|l| (*l).to_owned()));
    Some(out)
}

/// Where the header starts and how many lines it has: short lines, one of them a unit or
/// time column, followed by row 1.
fn header_at(lines: &[&str]) -> Option<(usize, usize)> {
    (0..lines.len()).find_map(|start| {
        // 附件 / 附件1 before the header is the attachment's label, no column.
        if cell_text(lines[start]).starts_with("附件") {
            return None;
        }
        let width = lines[start..].iter().take_while(|l| is_header_cell(cell_text(l))).count().min(6);
        if width < 2 {
            return None;
        }
        let header: Vec<String> =
            lines[start..start + width].iter().map(|l| cell_text(l).to_owned()).collect();
        let c = columns(&header);
        let named =
            (c.responsible.is_some() || c.lead.is_some()) && (c.deadline.is_some() || c.task.is_some());
        let first_row = lines[start + width..].iter().map(|l| cell_text(l)).find(|l| {
            crate::notice::numbering::marker_of(l).is_none()
                && !(l.chars().count() <= 6 && l.parse::<usize>().is_err())
        });
        (named && first_row.is_some_and(|l| opens_row(l, 1))).then_some((start, width))
    })
}

/// Row `number` from line `from`: its cells up to the next row, a heading or the table's end.
fn read_row(lines: &[&str], from: usize, number: usize) -> (Row, usize) {
    let mut row = Row { tasks: Vec::new(), units: Vec::new() };
    let mut i = from;
    while let Some(line) = lines.get(i) {
        let t = cell_text(line);
        if opens_row(t, number + 1)
            || crate::notice::numbering::marker_of(t).is_some() && !row.tasks.is_empty()
        {
            break;
        }
        if row.tasks.is_empty() {
            row.tasks.push((t.to_owned(), String::new()));
        } else if time_like(t) && row.tasks.last().is_some_and(|(_, time)| time.is_empty()) {
            if let Some(last) = row.tasks.last_mut() {
                last.1 = t.to_owned();
            }
        } else if units_cell(t) && row.tasks.len() == 1 {
            row.units.extend(t.split(['、', ' ']).filter(|p| !p.is_empty()).map(str::to_owned));
        } else if t.ends_with('。')
            && t.chars().count() > 4
            && !row.tasks.last().is_some_and(|(_, time)| time.is_empty())
        {
            row.tasks.push((t.to_owned(), String::new()));
        } else if t.chars().count() <= 6
            && lines.get(i + 1).is_some_and(|l| opens_row(cell_text(l), number + 1))
        {
            // 经营主 — the first column's label, cut, before the next row.
        } else {
            break;
        }
        i += 1;
    }
    (row, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_given_one_cell_per_line_becomes_task_lines() {
        let lines = [
            "附件",
            "序号",
            "民生实事",
            "责任单位",
            "完成时限",
            "1",
            "启动建设东湖湿地公园。",
            "县水务局",
            "县住建局",
            "12月底前",
            "2",
            "开工建设县老年养护楼。",
            "县民政局",
            "5月底前动工",
            "开工建设老年大学。",
            "12月底前",
            "经营主 |",
            "3 |",
            "新建1个农贸市场。 |",
            "县商务局 | |",
            "分享到:",
        ];
        let got = expand(&lines).unwrap();
        assert_eq!(
            got,
            [
                "附件",
                "1. 启动建设东湖湿地公园。（责任单位：县水务局、县住建局；完成时限：12月底前）",
                "2. 开工建设县老年养护楼。（责任单位：县民政局；完成时限：5月底前动工）",
                "3. 开工建设老年大学。（责任单位：县民政局；完成时限：12月底前）",
                "4. 新建1个农贸市场。（责任单位：县商务局）",
                "分享到:",
            ]
        );
        assert_eq!(expand(&["序号", "责任单位", "完成时限", "说明文字很长很长的一行。"]), None);
    }
}
