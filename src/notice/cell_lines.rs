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
//!
//! A table with no row numbers whose every cell line ends in `|` (`危化品泄漏 |`) is read by
//! its width: the header's cells, then rows of as many cells, while whole rows last.

use super::docx_table::{columns, table_lines};
use super::unit_name::is_unit;

/// A line with the `|` of an empty cell beside it dropped (`林业发展岗 | |`).
pub(super) fn cell_text(line: &str) -> &str {
    line.trim().trim_end_matches(['|', ' ', '\t']).trim_start_matches(['|', ' ', '\t']).trim()
}

fn is_header_cell(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n) && s.chars().all(super::text::is_han)
}

/// The number alone on a line that opens row `n`.
fn opens_row(line: &str, n: usize) -> bool {
    line.parse::<usize>().is_ok_and(|k| k == n)
}

/// A cell that reads as a time (12月底前, 5月底前动工, 长期), as a `|` table's time cell does,
/// and not a task's sentence.
pub(super) fn time_like(s: &str) -> bool {
    !s.ends_with('。') && super::text_table::time_like(s)
}

/// A cell of unit names: 县住建局, 林业发展岗、应急管理岗.
pub(super) fn units_cell(s: &str) -> bool {
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
    let Some((start, width)) = header_at(lines) else {
        return by_width(lines).or_else(|| super::marked_rows::expand(lines));
    };
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

/// A cell line of a table whose cells each end in `|`, its spaces dropped (`牵头责任 单 位 |`).
fn barred(line: &str) -> Option<String> {
    let t = line.trim_end();
    t.ends_with('|').then(|| cell_text(t).replace([' ', '\u{3000}'], ""))
}

/// The table of [`expand`] with no row numbers: a header of barred cells naming a unit or
/// time column, then whole rows of as many barred cells (at least two).
fn by_width(lines: &[&str]) -> Option<Vec<String>> {
    let (start, header) = barred_header(lines)?;
    by_width_from(lines, start, header)
}

/// Where a header of barred cells starts, and its cells up to its last named column: a unit
/// column, a time column and a task column.
pub(super) fn barred_header(lines: &[&str]) -> Option<(usize, Vec<String>)> {
    (0..lines.len()).find_map(|start| {
        let mut header: Vec<String> =
            lines[start..].iter().map_while(|l| barred(l).filter(|c| is_header_cell(c))).take(8).collect();
        // 时限要求 | 危化品泄漏: the header ends at its last named column, before the first row.
        let c = columns(&header);
        let last = [c.number, c.lead, c.responsible, c.deadline].into_iter().flatten().max()?;
        header.truncate(last + 1);
        let c = columns(&header);
        let named = (c.responsible.is_some() || c.lead.is_some()) && c.deadline.is_some() && c.task.is_some();
        (header.len() >= 3 && named).then_some((start, header))
    })
}

/// Continues [`by_width`] from its header.
fn by_width_from(lines: &[&str], start: usize, header: Vec<String>) -> Option<Vec<String>> {
    let width = header.len();
    let mut rows = vec![header];
    let mut i = start + width;
    // Every cell of a row holds words: an empty one (`||||`) means the rows do not keep the width.
    let cell = |l: &&str| barred(l).filter(|c| !c.is_empty());
    while let Some(row) = lines.get(i..i + width).and_then(|cells| cells.iter().map(cell).collect()) {
        rows.push(row);
        i += width;
    }
    if rows.len() < 3 {
        return None;
    }
    let mut out: Vec<String> = lines[..start].iter().map(|l| (*l).to_owned()).collect();
    out.extend(table_lines(&rows));
    // 各镇乡人民政府…组织开展应急演练…备案。 | — a row whose cells were merged into one
    // sentence: a task line of its own (a row of one text would read as a heading).
    let mut n = rows.len() - 1;
    while let Some(merged) =
        lines.get(i).and_then(|l| barred(l)).filter(|c| c.ends_with('。') && c.chars().count() > 12)
    {
        n += 1;
        out.push(format!("{n}. {merged}"));
        i += 1;
    }
    // The lines after the table, a last merged cell among them, without its bar.
    out.extend(lines[i..].iter().map(|l| l.trim_end().trim_end_matches('|').trim_end().to_owned()));
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

    #[test]
    fn a_barred_table_with_no_row_numbers_is_read_by_its_width() {
        let lines = [
            "演练科目 |",
            "情景构建 |",
            "牵头责任 单 位 |",
            "责任单位 |",
            "时限要求 |",
            "危化品泄漏 |",
            "某化工厂危险化学品发生泄漏并燃烧。 |",
            "县安委办、县应急办 |",
            "县环保局、县公安局等 |",
            "4月底前完成方案 |",
            "防汛 |",
            "自行构建演练情景 |",
            "县防汛办 |",
            "县水务局 |",
            "5月底前完成方案 |",
            "各镇乡人民政府自行选择演练科目,组织开展应急演练。 |",
            "抄送:县委办公室。",
        ];
        let got = expand(&lines).unwrap();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("1. 危化品泄漏"), "{}", got[0]);
        assert!(
            got[0].contains("牵头单位：县安委办、县应急办；责任单位：县环保局、县公安局等"),
            "{}",
            got[0]
        );
        assert!(got[1].contains("完成时限：5月底前完成方案"), "{}", got[1]);
        assert_eq!(got[2], "3. 各镇乡人民政府自行选择演练科目,组织开展应急演练。", "a merged row");
        assert_eq!(got[3], "抄送:县委办公室。");
        let ragged = ["主要任务 |", "责任单位 |", "完成时限 |", "一、加强部署 |", "||||", "1.制定清单。 |"];
        assert_eq!(expand(&ragged), None, "an empty cell: the rows do not keep the width");
    }
}
