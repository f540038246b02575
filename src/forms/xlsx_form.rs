//! 反馈单 (Excel): the same table as the Word form on a protected sheet — 编号, 工作要求 and
//! 完成时限 locked, the columns to fill unlocked, 办理状态 a list (推进中 / 申请办结), 申请延期至 a
//! date after today — an instructions sheet (填表说明), and the form identifier in the custom
//! document properties and on a hidden sheet (either survives where the other is stripped).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, XlsxError,
};

use super::content::{OfficeForms, deadline_text};
use super::docx_forms::{FEEDBACK_HEADER, STATE_CHOICES, properties};
use crate::model::{IssuedForm, Role};
use chrono::Datelike;

/// The sheet the office fills, and the hidden one with the identifier.
pub const SHEET: &str = "反馈单";
pub const HIDDEN_SHEET: &str = "duban";
pub const HELP_SHEET: &str = "填表说明";
/// Rows above the table: title, serial line, header.
pub const HEADER_ROW: u32 = 2;

const WIDTHS: [f64; 8] = [7.0, 40.0, 16.0, 11.0, 40.0, 13.0, 20.0, 16.0];

fn date_of(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The workbook's bytes.
pub fn feedback_xlsx(forms: &OfficeForms, form: &IssuedForm) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut props = DocProperties::new().set_title(format!("督办事项反馈单 {}", form.serial_text()));
    for (name, value) in properties(form, "反馈单") {
        props = props.set_custom_property(name, value.as_str());
    }
    book.set_properties(&props);

    let border =
        Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter);
    let locked = border.clone().set_background_color("EEEEEE");
    let header = locked.clone().set_bold().set_align(FormatAlign::Center);
    let open = border.clone().set_unlocked();
    let open_date = open.clone().set_num_format("yyyy-mm-dd");
    let title =
        Format::new().set_bold().set_font_size(18).set_font_color("C62828").set_align(FormatAlign::Center);

    let sheet = book.add_worksheet().set_name(SHEET)?;
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    sheet.merge_range(0, 0, 0, 7, "督办事项反馈单", &title)?;
    sheet.merge_range(
        1,
        0,
        1,
        7,
        &format!(
            "{}　　反馈单位：{}　　表单识别码：{}",
            form.serial_text(),
            forms.office_name,
            form.short_code()
        ),
        &Format::new().set_align(FormatAlign::Center),
    )?;
    for (c, (h, w)) in FEEDBACK_HEADER.iter().zip(WIDTHS).enumerate() {
        sheet.set_column_width(c as u16, w)?;
        sheet.write_string_with_format(HEADER_ROW, c as u16, *h, &header)?;
    }
    for (i, r) in forms.rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let role = if r.role == Role::Support { "（配合）" } else { "" };
        sheet.write_number_with_format(row, 0, r.id.0 as f64, &locked)?;
        sheet.write_string_with_format(row, 1, format!("{} {}{role}", r.number, r.title), &locked)?;
        sheet.write_string_with_format(row, 2, deadline_text(r, forms.today), &locked)?;
        for c in [3u16, 4, 6, 7] {
            sheet.write_blank(row, c, &open)?;
        }
        sheet.write_blank(row, 5, &open_date)?;
        sheet.set_row_height(row, 48)?;
    }
    let last = HEADER_ROW + forms.rows.len().max(1) as u32;
    let states = DataValidation::new()
        .allow_list_strings(&STATE_CHOICES)?
        .set_input_message("请选择：推进中 或 申请办结")?
        .set_error_message("办理状态只能是“推进中”或“申请办结”")?;
    sheet.add_data_validation(HEADER_ROW + 1, 3, last, 3, &states)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::GreaterThan(date_of(forms.today)?))
        .set_input_message("申请延期至的日期，如 2022-04-30")?
        .set_error_message("请填写今天以后的日期，如 2022-04-30")?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(HEADER_ROW + 1, 5, last, 5, &dates)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 2)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.protect();

    let help = book.add_worksheet().set_name(HELP_SHEET)?;
    help.set_column_width(0, 100)?;
    let lines = [
        "填表说明".to_owned(),
        format!(
            "1. 本表为 {} 的反馈单，请在“{SHEET}”工作表中填写；灰色的编号、工作要求、完成时限三列不能修改。",
            form.serial_text()
        ),
        "2. “办理状态”从下拉列表中选择：推进中 / 申请办结；没有新进展的事项可留空。".to_owned(),
        "3. “进展情况”写明已做的工作；申请办结的写明完成情况，照片可插入到该行。".to_owned(),
        "4. 确需延期的，“申请延期至”填日期（如 2022-04-30），并填写“延期理由”；经批准后生效。".to_owned(),
        "5. 填好后保存（Excel 或 WPS 均可，文件名可改），报回督办台。请勿删除隐藏的工作表。".to_owned(),
    ];
    for (i, l) in lines.iter().enumerate() {
        help.write_string(i as u32, 0, l)?;
    }

    let hidden = book.add_worksheet().set_name(HIDDEN_SHEET)?;
    for (i, (name, value)) in properties(form, "反馈单").iter().enumerate() {
        hidden.write_string(i as u32, 0, *name)?;
        hidden.write_string(i as u32, 1, value)?;
    }
    hidden.set_hidden(true);
    book.save_to_buffer()
}
