//! 回收的反馈单 — what a returned file holds, whatever program saved it: the identifier (from
//! the document properties, the hidden sheet or the printed code), and its rows read by their
//! column headings (so columns added, moved or reordered still read), each cell as text. The
//! reading says what it skipped or noticed (tracked changes, comments, merged cells, extra
//! columns) in `notes`; nothing is decided here.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A photo found in a row (or, for a spreadsheet, anchored on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// One row of a returned 反馈单.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReturnedRow {
    /// The row's place in the table (1 = first row under the header).
    pub line: usize,
    /// 编号 as written.
    pub number: String,
    /// 工作要求 as written.
    pub requirement: String,
    /// 办理状态 as written (empty or 请选择: not given).
    pub state: String,
    /// 进展情况
    pub progress: String,
    /// 申请延期至 as written.
    pub extend_to: String,
    /// 延期理由
    pub extend_reason: String,
    /// 联系人/电话
    pub contact: String,
    pub photos: Vec<Photo>,
    /// What the reader noticed in this row.
    pub notes: Vec<String>,
}

impl ReturnedRow {
    /// Nothing filled in.
    pub fn is_blank(&self) -> bool {
        state_asked(&self.state).is_none()
            && matches!(self.state.trim(), "" | "请选择")
            && self.progress.trim().is_empty()
            && self.extend_to.trim().is_empty()
            && self.extend_reason.trim().is_empty()
            && self.photos.is_empty()
    }
}

/// Which program's format the file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Docx,
    Xlsx,
}

/// A returned file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedFile {
    pub format: FileFormat,
    /// The identifier from the properties or the hidden sheet.
    pub form_id: Option<String>,
    /// The 表单识别码 printed in the text.
    pub code: Option<String>,
    /// 反馈单 / 督办通知单 / 催办通知 (from the properties).
    pub part: Option<String>,
    /// The serial line as printed (督办〔2022〕第3号), if found.
    pub serial: Option<String>,
    pub rows: Vec<ReturnedRow>,
    pub notes: Vec<String>,
}

/// The columns of a 反馈单 a reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    Requirement,
    Deadline,
    State,
    Progress,
    ExtendTo,
    ExtendReason,
    Contact,
}

/// The column a heading names (by its words: 状态, 进展, 延期至…), or none.
pub fn column_of(heading: &str) -> Option<Column> {
    let h: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
    Some(if h.contains("延期至") || h.contains("延期时限") || h.contains("延至") {
        Column::ExtendTo
    } else if h.contains("延期理由") || h.contains("延期原因") {
        Column::ExtendReason
    } else if h.contains("状态") {
        Column::State
    } else if h.contains("进展") || h.contains("落实情况") || h.contains("完成情况") {
        Column::Progress
    } else if h.contains("联系") || h.contains("电话") {
        Column::Contact
    } else if h.contains("时限") {
        Column::Deadline
    } else if h.contains("工作要求") || h.contains("事项") {
        Column::Requirement
    } else if h == "编号" || h == "序号" || h.contains("编号") {
        Column::Number
    } else {
        return None;
    })
}

/// The state an office asks for: 推进中 (false) or 申请办结 (true); `None` when not given.
/// Words people write instead (已完成, 完成, 办结; 进行中, 正在办理) count too.
pub fn state_asked(s: &str) -> Option<bool> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || s == "请选择" {
        return None;
    }
    if s.contains("办结") || s.contains("已完成") || s == "完成" {
        return Some(true);
    }
    if s.contains("推进") || s.contains("进行") || s.contains("办理中") || s.contains("正在") {
        return Some(false);
    }
    None
}

/// A date as people type it: 2022-04-30, 2022/4/30, 2022.4.30, 2022年4月30日, 4月30日 (in
/// `year`), or a spreadsheet serial number (44681).
pub fn parse_date(s: &str, year: i32) -> Option<NaiveDate> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    if let Ok(serial) = t.parse::<f64>()
        && (20_000.0..80_000.0).contains(&serial)
    {
        return NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64));
    }
    let t = t.trim_end_matches(['日', '号', '前']);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).filter(|p| !p.is_empty()).collect();
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    match n.as_slice() {
        [y, m, d] if *y > 1900 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        [m, d] => NaiveDate::from_ymd_opt(year, *m, *d),
        _ => None,
    }
    .filter(|d| d.year() > 1900)
}

/// The 编号 of a row: a number alone (14, 第14号, #14, or 14.0 as a spreadsheet keeps it); not
/// the section number 一.1.
pub fn number_of(s: &str) -> Option<i64> {
    let t = s.trim().trim_start_matches(['第', '#', '＃']).trim_end_matches('号').trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse().ok().filter(|n: &i64| *n > 0)
}

/// 联系人/电话 split: the last run of 7+ digits (with dashes) is the phone.
pub fn split_contact(s: &str) -> (Option<String>, Option<String>) {
    let s = s.trim();
    if s.is_empty() {
        return (None, None);
    }
    let phone_start = s.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).find(|&i| {
        s[i..].chars().take_while(|c| c.is_ascii_digit() || *c == '-').filter(char::is_ascii_digit).count()
            >= 7
    });
    match phone_start {
        Some(i) => {
            let phone: String = s[i..].chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
            let name = s[..i].trim().trim_end_matches(['/', '，', ',', '：', ':', ' ', '、']).trim();
            (Some(name.to_owned()).filter(|n| !n.is_empty()), Some(phone))
        }
        None => (Some(s.to_owned()), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_write_them() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(parse_date("2022-04-30", 2022), d("2022-04-30"));
        assert_eq!(parse_date("2022/4/30", 2022), d("2022-04-30"));
        assert_eq!(parse_date("2022年4月30日", 2022), d("2022-04-30"));
        assert_eq!(parse_date("4月30日前", 2022), d("2022-04-30"));
        assert_eq!(parse_date("44681", 2022), d("2022-04-30"));
        assert_eq!(parse_date("下个月", 2022), None);
        assert_eq!(parse_date("2022-02-30", 2022), None);
        assert_eq!(state_asked("申请办结"), Some(true));
        assert_eq!(state_asked(" 已完成 "), Some(true));
        assert_eq!(state_asked("推进中"), Some(false));
        assert_eq!(state_asked("请选择"), None);
        assert_eq!(state_asked("不清楚"), None);
        assert_eq!(number_of("第14号"), Some(14));
        assert_eq!(number_of("14.0"), Some(14));
        assert_eq!(number_of("一.1"), None);
        assert_eq!(split_contact("王芳 0571-87654321"), (Some("王芳".into()), Some("0571-87654321".into())));
        assert_eq!(split_contact("王芳/13800001111"), (Some("王芳".into()), Some("13800001111".into())));
        assert_eq!(split_contact("王芳"), (Some("王芳".into()), None));
        assert_eq!(column_of("申请延期至"), Some(Column::ExtendTo));
        assert_eq!(column_of("办理状态"), Some(Column::State));
        assert_eq!(column_of("完成时限"), Some(Column::Deadline));
        assert_eq!(column_of("联系人/电话"), Some(Column::Contact));
        assert_eq!(column_of("备注"), None);
    }
}
