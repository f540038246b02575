//! Excel .xlsx: sheet 督办明细 (one row per directive × office, real dates, frozen header,
//! autofilter, red/amber/green rows), sheet 分单位统计 (per-office counts and rate), and when
//! asked for, sheet 佐证材料清单 (one row per file: size in bytes, the whole SHA-256 in one cell
//! to copy, EXIF time and added-at as real dates).
//! Column widths are set by hand: `autofit` undersizes Chinese text by about half.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::Summary;
use super::table::{COLUMNS, rows};
use crate::model::Urgency;

const FONT: &str = "宋体";

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Display width of text in Excel's character units: CJK characters count double.
fn text_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.1 } else { 2.1 }).sum()
}

/// The workbook's bytes.
pub fn render(summary: &Summary) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    detail_sheet(book.add_worksheet(), summary)?;
    stats_sheet(book.add_worksheet(), summary)?;
    if let Some(list) = &summary.evidence_list {
        evidence_sheet(book.add_worksheet(), list)?;
    }
    book.save_to_buffer()
}

/// Bold, grey, centred header cells.
fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_font_name(FONT)
        .set_background_color(Color::RGB(0xEEEEEE))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
}

fn detail_sheet(sheet: &mut Worksheet, summary: &Summary) -> Result<(), XlsxError> {
    sheet.set_name("督办明细")?;
    let header = header_format();
    let cell = Format::new().set_font_name(FONT).set_border(FormatBorder::Thin).set_text_wrap();
    let date = cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let number = cell.clone().set_align(FormatAlign::Right);
    let mut widths: Vec<f64> = COLUMNS.iter().map(|c| text_width(c) + 2.0).collect();
    for (col, title) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &header)?;
    }
    let mut last_row = 0u32;
    for (i, row) in rows(summary).enumerate() {
        let r = i as u32 + 1;
        last_row = r;
        let texts = row.cells_iso();
        for col in [0usize, 1, 2, 3, 5, 8] {
            sheet.write_string_with_format(r, col as u16, &texts[col], &cell)?;
            widths[col] = widths[col].max(text_width(&texts[col]) + 2.0);
        }
        for (col, value) in [(4u16, row.deadline()), (7, row.latest_date())] {
            match value {
                Some(d) => sheet.write_datetime_with_format(r, col, excel_date(d)?, &date)?,
                None => sheet.write_string_with_format(r, col, "", &cell)?,
            };
        }
        match row.item.days_overdue {
            Some(n) => sheet.write_number_with_format(r, 6, n as f64, &number)?,
            None => sheet.write_string_with_format(r, 6, "", &number)?,
        };
        // Hidden helper column: the urgency class the row colours come from.
        let class = match row.item.urgency {
            Urgency::Overdue => "逾期",
            Urgency::DueSoon => "临期",
            Urgency::Finished => "完成",
            Urgency::OnTrack => "",
        };
        sheet.write_number_with_format(r, 9, f64::from(row.item.evidence), &number)?;
        sheet.write_string(r, 10, class)?;
    }
    widths[4] = widths[4].max(16.0);
    widths[7] = widths[7].max(16.0);
    for (col, w) in widths.iter().enumerate() {
        // Long texts wrap rather than make the sheet unreadably wide.
        let cap = if matches!(col, 3 | 8) { 44.0 } else { 24.0 };
        sheet.set_column_width(col as u16, w.min(cap))?;
    }
    sheet.write_string_with_format(0, 10, "标记", &header)?;
    sheet.set_column_hidden(10)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row.max(1), 9)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    if last_row > 0 {
        for (class, font, fill) in
            [("逾期", 0xC62828, 0xFDECEA), ("临期", 0xB26A00, 0xFFF4DE), ("完成", 0x2E7D32, 0xE8F5E9)]
        {
            let format =
                Format::new().set_font_color(Color::RGB(font)).set_background_color(Color::RGB(fill));
            let rule = ConditionalFormatFormula::new()
                .set_rule(format!("=$K2=\"{class}\"").as_str())
                .set_format(format);
            sheet.add_conditional_format(1, 0, last_row, 9, &rule)?;
        }
    }
    Ok(())
}

fn stats_sheet(sheet: &mut Worksheet, summary: &Summary) -> Result<(), XlsxError> {
    sheet.set_name("分单位统计")?;
    let header = header_format();
    let cell = Format::new().set_font_name(FONT).set_border(FormatBorder::Thin);
    let percent = cell.clone().set_num_format("0.0%");
    let red = cell.clone().set_font_color(Color::RGB(0xC62828)).set_bold();
    let titles = ["单位", "类别", "工作要求", "已完成", "推进中", "未开始", "逾期", "完成率"];
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &header)?;
    }
    let mut name_width = text_width("单位") + 2.0;
    let all = std::iter::once(("合计".to_owned(), "", &summary.totals));
    let blocks = summary.blocks.iter().map(|b| (b.name.clone(), b.group.label(), &b.totals));
    for (i, (name, group, t)) in blocks.chain(all).enumerate() {
        let r = i as u32 + 1;
        name_width = name_width.max(text_width(&name) + 2.0);
        sheet.write_string_with_format(r, 0, &name, &cell)?;
        sheet.write_string_with_format(r, 1, group, &cell)?;
        for (col, n) in [(2u16, t.directives), (3, t.done), (4, t.in_progress), (5, t.not_started)] {
            sheet.write_number_with_format(r, col, n as f64, &cell)?;
        }
        sheet.write_number_with_format(r, 6, t.overdue as f64, if t.overdue > 0 { &red } else { &cell })?;
        sheet.write_number_with_format(r, 7, t.completion_rate(), &percent)?;
    }
    sheet.set_column_width(0, name_width)?;
    sheet.set_column_width(1, 10.0)?;
    for col in 2..8u16 {
        sheet.set_column_width(col, 10.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn excel_time(t: chrono::NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Timelike;
    excel_date(t.date())?.and_hms(t.hour() as u16, t.minute() as u8, f64::from(t.second()))
}

/// 佐证材料清单: every file backing the listed directives (see report::evidence_list).
fn evidence_sheet(sheet: &mut Worksheet, list: &[super::ListedEvidence]) -> Result<(), XlsxError> {
    sheet.set_name("佐证材料清单")?;
    let header = header_format();
    let cell = Format::new()
        .set_font_name(FONT)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let bytes = cell.clone().set_num_format("#,##0").set_align(FormatAlign::Right);
    let time = cell.clone().set_num_format("yyyy-mm-dd hh:mm");
    let hash = cell.clone().set_font_name("Consolas");
    let titles =
        ["工作要求", "文件", "大小", "字节数", "SHA-256", "拍摄时间", "拍摄地点", "添加人", "添加时间"];
    // The SHA-256 wraps onto two lines of 32 digits: the sheet prints on one page's width.
    let widths = [9.0, 24.0, 9.0, 10.0, 38.0, 17.0, 20.0, 8.0, 17.0];
    for (col, (title, width)) in titles.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &header)?;
        sheet.set_column_width(col as u16, width)?;
    }
    if list.is_empty() {
        sheet.write_string(1, 0, super::evidence_list::NONE)?;
    }
    for (i, l) in list.iter().enumerate() {
        let (r, e) = (i as u32 + 1, &l.file);
        // Two lines: the SHA-256 wraps (neither Excel nor LibreOffice grows the row by itself).
        sheet.set_row_height(r, 30.0)?;
        sheet.write_string_with_format(r, 0, &l.number, &cell)?;
        sheet.write_string_with_format(r, 1, &e.original_name, &cell)?;
        sheet.write_string_with_format(r, 2, crate::model::human_size(e.size), &cell)?;
        sheet.write_number_with_format(r, 3, e.size as f64, &bytes)?;
        sheet.write_string_with_format(r, 4, &e.hash, &hash)?;
        match e.photo.taken_at {
            Some(t) => sheet.write_datetime_with_format(r, 5, excel_time(t)?, &time)?,
            None => sheet.write_string_with_format(r, 5, "", &cell)?,
        };
        let place = match (e.photo.lat, e.photo.lon) {
            (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5}"),
            _ => String::new(),
        };
        sheet.write_string_with_format(r, 6, &place, &cell)?;
        sheet.write_string_with_format(r, 7, &e.added_by, &cell)?;
        sheet.write_datetime_with_format(r, 8, excel_time(e.added_at)?, &time)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}
