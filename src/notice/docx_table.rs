//! Task tables (序号 / 工作任务 / 牵头单位 / 责任单位 / 完成时限) → one numbered line per
//! task, written the way the text parser reads a task:
//! `1. 任务，完成时限：6月底前。（牵头单位：X；责任单位：Y）`.
//! Other tables are read row by row.

use std::borrow::Cow;

use super::text::{chinese_number, strip_end_mark};

/// Which column holds what, by the header row's words.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub number: Option<usize>,
    pub task: Option<usize>,
    pub lead: Option<usize>,
    pub responsible: Option<usize>,
    /// The responsible column says 配合 (supporting units).
    pub responsible_supports: bool,
    pub deadline: Option<usize>,
}

pub fn columns(header: &[String]) -> Columns {
    let find = |words: &[&str]| header.iter().position(|h| words.iter().any(|w| h.contains(w)));
    let lead = find(&["牵头"]);
    // 牵头责任单位 | 责任单位: the responsible column is the one that is not the lead's.
    let responsible = (0..header.len())
        .find(|&i| Some(i) != lead && ["责任", "配合", "参与"].iter().any(|w| header[i].contains(w)));
    let number = find(&["序号", "编号"]);
    let deadline = find(&["时限", "完成时间", "时间"]);
    // 专项整治行业名称 | 时间安排 | 责任单位: with units and a time known, the first other
    // column names the work.
    let first_other = || {
        let known = [number, lead, responsible, deadline];
        (deadline.is_some() && (lead.is_some() || responsible.is_some()))
            .then(|| (0..header.len()).find(|i| !known.contains(&Some(*i))))
            .flatten()
    };
    Columns {
        number,
        task: find(&[
            "任务清单",
            "工作任务",
            "具体任务",
            "重点任务",
            "主要任务",
            "任务内容",
            "工作内容",
            "具体措施",
        ])
        .or_else(|| find(&["任务", "内容", "措施", "事项"]))
        .or_else(first_other),
        lead,
        responsible,
        responsible_supports: responsible
            .is_some_and(|i| header[i].contains("配合") || header[i].contains("参与")),
        deadline,
    }
}

fn cell(row: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| row.get(i)).map_or("", |c| c.trim())
}

/// A row that only repeats one text (a merged heading row such as 一、火灾防控).
fn heading_row(row: &[String]) -> Option<&str> {
    let mut texts = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let first = texts.next()?;
    texts.all(|t| t == first).then_some(first)
}

fn task_line(row: &[String], c: &Columns, index: usize) -> String {
    let number = cell(row, c.number);
    let prefix = if number.chars().all(|ch| ch.is_ascii_digit()) && !number.is_empty() {
        format!("{number}. ")
    } else if chinese_number(number).is_some() {
        format!("{number}、")
    } else {
        format!("{index}. ")
    };
    // Built by pushing (a task table may have thousands of rows).
    let task = cell(row, c.task);
    let task = if task.contains('\n') { Cow::Owned(task.replace('\n', "")) } else { Cow::Borrowed(task) };
    let mut line = prefix;
    // A task written as a sentence keeps its full stop, its limit goes in the bracket after
    // it (新建2座人行天桥。（责任单位：县住建局；完成时限：9月投入使用）).
    let sentence = task.ends_with('。');
    line.push_str(if sentence { &task } else { strip_end_mark(&task) });
    let deadline = cell(row, c.deadline);
    if !deadline.is_empty() && !sentence {
        line.push_str("，完成时限：");
        line.push_str(deadline);
    }
    if !sentence {
        line.push('。');
    }
    let limit = if sentence && !deadline.is_empty() { deadline } else { "" };
    let lead = cell(row, c.lead);
    let responsible = cell(row, c.responsible);
    let label = if c.responsible_supports { "配合单位" } else { "责任单位" };
    let parts: &[&str] = match (lead.is_empty(), responsible.is_empty()) {
        (false, false) => &["（牵头单位：", lead, "；", label, "：", responsible],
        (false, true) => &["（牵头单位：", lead],
        (true, false) => &["（", label, "：", responsible],
        (true, true) if limit.is_empty() => &[],
        (true, true) => &["（"],
    };
    parts.iter().for_each(|p| line.push_str(p));
    if !limit.is_empty() {
        line.push_str(if parts.len() > 1 { "；完成时限：" } else { "完成时限：" });
        line.push_str(limit);
    }
    if !parts.is_empty() {
        line.push('）');
    }
    line
}

/// The lines a table stands for.
pub fn table_lines(rows: &[Vec<String>]) -> Vec<String> {
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let c = columns(header);
    if c.task.is_none() || (c.lead.is_none() && c.responsible.is_none() && c.deadline.is_none()) {
        return rows
            .iter()
            .map(|r| r.iter().map(|c| c.replace('\n', " ")).collect::<Vec<_>>().join(" "))
            .filter(|l| !l.trim().is_empty())
            .collect();
    }
    let mut index = 0;
    rows[1..]
        .iter()
        .filter_map(|row| {
            if let Some(text) = heading_row(row) {
                return Some(text.to_owned());
            }
            if cell(row, c.task).is_empty() {
                return None;
            }
            index += 1;
            Some(task_line(row, &c, index))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn maps_the_usual_task_grid() {
        let rows = vec![
            row(&["序号", "工作任务", "牵头单位", "责任单位", "完成时限"]),
            row(&["一、火灾防控", "一、火灾防控", "一、火灾防控", "一、火灾防控", "一、火灾防控"]),
            row(&["1", "开展高层建筑专项治理。", "防火监督处", "各支队", "2024年6月底前"]),
            row(&["2", "完善预案", "", "作战训练处、指挥中心", "长期坚持"]),
        ];
        assert_eq!(
            table_lines(&rows),
            [
                "一、火灾防控",
                // The task's own full stop stays.
                "1. 开展高层建筑专项治理。（牵头单位：防火监督处；责任单位：各支队；完成时限：2024年6月底前）",
                "2. 完善预案，完成时限：长期坚持。（责任单位：作战训练处、指挥中心）",
            ]
        );
    }

    #[test]
    fn a_lead_column_named_responsible_too_leaves_the_next_for_the_responsible() {
        let c = columns(&row(&["演练科目", "情景构建", "牵头责任单位", "责任单位", "时限要求"]));
        assert_eq!((c.task, c.lead, c.responsible, c.deadline), (Some(0), Some(2), Some(3), Some(4)));
    }

    #[test]
    fn other_tables_are_read_row_by_row() {
        let rows = vec![row(&["姓名", "电话"]), row(&["张某", "1234"])];
        assert_eq!(table_lines(&rows), ["姓名 电话", "张某 1234"]);
    }
}
