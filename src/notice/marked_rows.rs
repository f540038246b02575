//! 带序号的逐格表格 — a task table a web page gave one cell per line, each cell closed by `|`,
//! whose rows open with their own number inside the task cell (`1.制定…清单。 |` /
//! `市安委办 |` / `1月20日前 |` / `|`), under merged first-column cells that are headings
//! (`一、加强… |`, `(一)制定工作任务清单。 |`). cell_lines.rs reads such tables when the
//! number stands alone on its line or the rows keep the header's width; here the rows keep
//! neither (empty cells, merged ones), so a row is its numbered task and the unit and time
//! cells after it.

use super::cell_lines::{barred_header, cell_text, time_like, units_cell};
use super::docx_table::table_lines;
use super::numbering::{Kind, marker_of};

/// A numbered task row as it is read: its task, its units and its limit.
struct Row {
    task: String,
    units: Vec<String>,
    time: String,
}

/// The lines with such a table replaced by its task lines; `None` when there is none (fewer
/// than two rows name their units).
pub fn expand(lines: &[&str]) -> Option<Vec<String>> {
    let (start, header) = barred_header(lines)?;
    let mut rows: Vec<Vec<String>> =
        vec![["序号", "工作任务", "责任单位", "完成时限"].map(String::from).to_vec()];
    let mut open: Option<Row> = None;
    let mut with_units = 0;
    let mut flush = |open: &mut Option<Row>, rows: &mut Vec<Vec<String>>| {
        if let Some(row) = open.take() {
            with_units += usize::from(!row.units.is_empty());
            rows.push(vec![String::new(), row.task, row.units.join("、"), row.time]);
        }
    };
    let mut i = start + header.len();
    while let Some(line) = lines.get(i) {
        // Cells are barred: a line without its bar is past the table.
        if !line.trim_end().ends_with('|') {
            break;
        }
        let t = cell_text(line);
        let t = t.replace([' ', '\u{3000}'], "");
        if t.is_empty() {
            i += 1;
            continue;
        }
        match marker_of(&t) {
            Some(m) if matches!(m.kind, Kind::Arabic | Kind::ParenArabic) && t.chars().count() > 6 => {
                flush(&mut open, &mut rows);
                open = Some(Row { task: t[m.len..].to_owned(), units: Vec::new(), time: String::new() });
            }
            Some(_) => {
                flush(&mut open, &mut rows);
                rows.push(vec![t; 4]);
            }
            None => match open.as_mut() {
                Some(row) if row.units.is_empty() && units_cell(&t) => {
                    // 市安委办 (工作专班办公室): a note set off by a space is no part of the name.
                    let cell = cell_text(line);
                    let cell = cell.split_once([' ', '\u{3000}']).filter(|(_, note)| {
                        note.trim_start().starts_with(['(', '（']) && !note.contains('、')
                    });
                    let t = cell.map_or(t.clone(), |(name, _)| name.to_owned());
                    row.units = t.split('、').filter(|p| !p.is_empty()).map(str::to_owned).collect();
                }
                Some(row) if row.time.is_empty() && time_like(&t) => row.time = t,
                // A header cell past its last named column (完成进展) before the first row.
                None if rows.len() == 1 && t.chars().count() <= 8 => {}
                _ => break,
            },
        }
        i += 1;
    }
    flush(&mut open, &mut rows);
    if with_units < 2 {
        return None;
    }
    let mut out: Vec<String> = lines[..start].iter().map(|l| (*l).to_owned()).collect();
    out.extend(table_lines(&rows));
    out.extend(lines[i..].iter().map(|l| (*l).to_owned()));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_rows_take_the_unit_and_time_cells_after_them() {
        let lines = [
            "现将清单印发给你们。",
            "主要任务 |",
            "重点工作和要求 |",
            "责任单位 |",
            "完成时限 |",
            "完成进展 |",
            "一、加强安排部署 |",
            "||||",
            "(一)制定工作任务清单。 |",
            "1.制定全市工作任务清单,分解落实到县区、部门。 |",
            "市安委办 (工作专班办公室) |",
            "1月20日前 |",
            "|",
            "2.制定行业领域工作任务清单,并报市安委办。 |",
            "市级各专委会办公室、市生态环境局 |",
            "2月10日前 |",
            "|",
            "|",
            "附件下载",
        ];
        let got = expand(&lines).expect("a table");
        assert_eq!(got[0], "现将清单印发给你们。");
        assert_eq!(got[1], "一、加强安排部署");
        assert_eq!(got[2], "(一)制定工作任务清单。");
        assert!(got[3].starts_with("1. 制定全市工作任务清单"), "{got:?}");
        assert!(got[3].contains("责任单位：市安委办；") && got[3].contains("1月20日前"), "{got:?}");
        assert!(got[4].contains("市级各专委会办公室、市生态环境局"), "{got:?}");
        assert_eq!(got.last().map(String::as_str), Some("附件下载"));
    }

    #[test]
    fn rows_that_name_no_units_are_no_such_table() {
        let lines =
            ["工作任务 |", "责任单位 |", "完成时限 |", "1.开展一次全面排查整治行动。 |", "6月底前 |", "|"];
        assert_eq!(expand(&lines), None);
    }
}
