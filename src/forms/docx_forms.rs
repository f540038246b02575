//! The three Word forms: 督办通知单 (portrait, red title, the office's directives and
//! deadlines), 反馈单 (landscape: a table the office fills, 办理状态 a choice list) and 催办通知
//! (the overdue or unreported items, the escalation step and what was done before). Each
//! carries the form identifier in its custom document properties and, printed small at the
//! end, its 表单识别码 (for a copy whose properties were stripped).

use super::content::{FormRow, OfficeForms, chinese_date, deadline_text, month_day};
use super::docx_package::{
    BODY_FONT, HEADING_FONT, Page, TITLE_FONT, cell, choice_control, esc, package, para, row, run, table,
};
use crate::model::{IssuedForm, Role};

/// Half-points: 2号 title, 3号 body, 小四 table, 五号 small print.
const TITLE: u32 = 44;
const BODY: u32 = 32;
const TABLE: u32 = 24;
const SMALL: u32 = 21;
const LINE: u32 = 579;
const INDENT: u32 = 640;
const RED: &str = "C62828";
const HEADER_FILL: &str = "EEEEEE";

/// The state an office may ask for in a 反馈单.
pub const STATE_CHOICES: [&str; 2] = ["推进中", "申请办结"];
/// The columns of the 反馈单, in order (the reader finds them by these words).
pub const FEEDBACK_HEADER: [&str; 8] =
    ["编号", "工作要求", "完成时限", "办理状态", "进展情况", "申请延期至", "延期理由", "联系人/电话"];
/// The property names the identifier is kept under.
pub const PROP_FORM_ID: &str = "duban-form-id";
pub const PROP_FORM: &str = "duban-form";
pub const PROP_PART: &str = "duban-form-part";
/// What precedes the printed code.
pub const CODE_LABEL: &str = "表单识别码：";

/// The custom properties every file of `form` carries.
pub fn properties(form: &IssuedForm, part: &str) -> Vec<(&'static str, String)> {
    let ids: Vec<String> = form.directives.iter().map(|d| d.0.to_string()).collect();
    vec![
        (PROP_FORM_ID, form.form_id.clone()),
        (
            PROP_FORM,
            format!(
                "kind={};serial={};office={};directives={};generated={}",
                form.kind.as_db(),
                form.serial_text(),
                form.office_name,
                ids.join(","),
                form.generated_at.format("%Y-%m-%dT%H:%M:%S")
            ),
        ),
        (PROP_PART, part.to_owned()),
    ]
}

fn body(text: &str) -> String {
    para(&run(text, BODY_FONT, BODY, None), "both", INDENT, Some(LINE))
}

fn red_title(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"{RED}\"/></w:pBdr><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
        run(text, TITLE_FONT, TITLE, Some(RED))
    )
}

fn code_line(form: &IssuedForm) -> String {
    para(
        &run(
            &format!("{CODE_LABEL}{}（用于自动识别，请勿删除）", form.short_code()),
            BODY_FONT,
            SMALL,
            Some("808080"),
        ),
        "left",
        0,
        None,
    )
}

fn text_cell(text: &str, width: u32, header: bool, align: &str) -> String {
    let font = if header { HEADING_FONT } else { BODY_FONT };
    let paragraphs: String = text.lines().map(|l| para(&run(l, font, TABLE, None), align, 0, None)).collect();
    let paragraphs = if paragraphs.is_empty() { para("", align, 0, None) } else { paragraphs };
    cell(&paragraphs, width, header.then_some(HEADER_FILL))
}

fn header_row(names: &[&str], widths: &[u32]) -> String {
    names.iter().zip(widths).map(|(n, w)| text_cell(n, *w, true, "center")).collect()
}

fn requirement(r: &FormRow) -> String {
    let role = if r.role == Role::Support { "（配合）" } else { "" };
    let meeting = r.meeting.as_deref().map(|m| format!("{m} ")).unwrap_or_default();
    format!("{meeting}{} {}{role}", r.number, r.title)
}

fn signature(forms: &OfficeForms) -> String {
    format!(
        "{}{}",
        para(
            &run(&format!("联系人：{}（督办台）", forms.contact), BODY_FONT, BODY, None),
            "left",
            INDENT,
            Some(LINE)
        ),
        para(&run(&chinese_date(forms.today), BODY_FONT, BODY, None), "right", 0, Some(LINE))
    )
}

fn cadence_sentence(forms: &OfficeForms) -> String {
    match forms.cadence {
        Some(7) => "每周报送一次进展".to_owned(),
        Some(n) => format!("每{n}日报送一次进展"),
        None => "按时报送进展".to_owned(),
    }
}

/// 督办通知单
pub fn notice_docx(forms: &OfficeForms, form: &IssuedForm) -> zip::result::ZipResult<Vec<u8>> {
    const W: [u32; 4] = [800, 4745, 900, 2400];
    let rows: String = forms
        .rows
        .iter()
        .map(|r| {
            row(&[
                text_cell(&r.id.0.to_string(), W[0], false, "center"),
                text_cell(&requirement(r), W[1], false, "left"),
                text_cell(if r.role == Role::Lead { "牵头" } else { "配合" }, W[2], false, "center"),
                text_cell(&deadline_text(r, forms.today), W[3], false, "center"),
            ]
            .concat())
        })
        .collect();
    let body_xml = [
        red_title("督办通知单"),
        para(&run(&form.serial_text(), BODY_FONT, BODY, None), "center", 0, Some(LINE)),
        para(&run(&format!("{}：", forms.office_name), BODY_FONT, BODY, None), "left", 0, Some(LINE)),
        body(&format!(
            "现将你单位承担的以下{}项工作要求交办督办。请按完成时限抓好落实，{}，填写随附的《督办事项反馈单》（Word 或 Excel 均可）报回；已完成的，请在“办理状态”中选择“申请办结”并附相关材料；确需延期的，请填写“申请延期至”和“延期理由”。",
            forms.rows.len(),
            cadence_sentence(forms)
        )),
        table(&W, &header_row(&["编号", "工作要求", "责任", "完成时限"], &W), &rows),
        para("", "left", 0, Some(LINE)),
        signature(forms),
        code_line(form),
    ]
    .concat();
    package(
        &body_xml,
        Page::Portrait,
        &format!("督办通知单 {}", form.serial_text()),
        &properties(form, "督办通知单"),
    )
}

/// 反馈单 (Word): the table the office fills.
pub fn feedback_docx(forms: &OfficeForms, form: &IssuedForm) -> zip::result::ZipResult<Vec<u8>> {
    const W: [u32; 8] = [700, 2700, 1700, 1250, 2800, 1250, 1300, 1056];
    let rows: String = forms
        .rows
        .iter()
        .map(|r| {
            row(&[
                text_cell(&r.id.0.to_string(), W[0], false, "center"),
                text_cell(&requirement(r), W[1], false, "left"),
                text_cell(&deadline_text(r, forms.today), W[2], false, "center"),
                cell(&choice_control("duban-state", "办理状态", &STATE_CHOICES, "请选择", TABLE), W[3], None),
                text_cell("", W[4], false, "left"),
                text_cell("", W[5], false, "center"),
                text_cell("", W[6], false, "left"),
                text_cell("", W[7], false, "left"),
            ]
            .concat())
        })
        .collect();
    let line =
        format!("{}　　反馈单位：{}　　填报日期：　　年　　月　　日", form.serial_text(), forms.office_name);
    let body_xml = [
        red_title("督办事项反馈单"),
        para(&run(&line, BODY_FONT, 28, None), "center", 0, None),
        para("", "left", 0, None),
        table(&W, &header_row(&FEEDBACK_HEADER, &W), &rows),
        para(&run("填表说明：", HEADING_FONT, SMALL, None), "left", 0, None),
        para(&run(&format!("1. 请勿改动“编号”“工作要求”“完成时限”三列；没有新进展的事项可留空。2. “办理状态”选择“推进中”或“申请办结”；申请办结的请在“进展情况”中写明完成情况，照片可直接插入该行。3. 确需延期的填写“申请延期至”（如 {}）和“延期理由”，经批准后生效。4. 填好后保存（可用 WPS 或 Word，文件名可改），报回督办台。", chinese_date(forms.today + chrono::Days::new(30))), BODY_FONT, SMALL, None), "both", 0, None),
        code_line(form),
    ]
    .concat();
    package(
        &body_xml,
        Page::Landscape,
        &format!("督办事项反馈单 {}", form.serial_text()),
        &properties(form, "反馈单"),
    )
}

/// One line of a 催办通知: why the item is pressed and what was done before.
#[derive(Debug, Clone, PartialEq)]
pub struct UrgeLine {
    pub row: FormRow,
    /// 逾期5天 / 逾期未反馈（上次反馈3月10日）
    pub why: String,
    /// 已于3月18日电话催办；已于3月21日书面提醒
    pub history: String,
}

/// 催办通知
pub fn urge_docx(
    forms: &OfficeForms,
    form: &IssuedForm,
    lines: &[UrgeLine],
    step: &str,
    answer_by: chrono::NaiveDate,
) -> zip::result::ZipResult<Vec<u8>> {
    const W: [u32; 5] = [800, 3445, 1500, 1500, 1600];
    let rows: String = lines
        .iter()
        .map(|l| {
            row(&[
                text_cell(&l.row.id.0.to_string(), W[0], false, "center"),
                text_cell(&requirement(&l.row), W[1], false, "left"),
                text_cell(&deadline_text(&l.row, forms.today), W[2], false, "center"),
                text_cell(&l.why, W[3], false, "center"),
                text_cell(if l.history.is_empty() { "首次催办" } else { &l.history }, W[4], false, "left"),
            ]
            .concat())
        })
        .collect();
    let body_xml = [
        red_title("催办通知"),
        para(&run(&form.serial_text(), BODY_FONT, BODY, None), "center", 0, Some(LINE)),
        para(&run(&format!("{}：", forms.office_name), BODY_FONT, BODY, None), "left", 0, Some(LINE)),
        body(&format!(
            "你单位承担的以下{}项工作要求已超过完成时限或逾期未反馈进展，现予{}。请抓紧办理，于{}前通过《督办事项反馈单》书面反馈办理情况；确需延期的，请说明理由并提出延期申请。",
            lines.len(),
            esc_step(step),
            month_day(answer_by)
        )),
        table(&W, &header_row(&["编号", "工作要求", "完成时限", "情况", "督办记录"], &W), &rows),
        para("", "left", 0, Some(LINE)),
        signature(forms),
        code_line(form),
    ]
    .concat();
    package(
        &body_xml,
        Page::Portrait,
        &format!("催办通知 {}", form.serial_text()),
        &properties(form, "催办通知"),
    )
}

/// 提醒 → 书面提醒, 催办 → 书面催办, 专函督办 and 报分管领导 as they are.
fn esc_step(step: &str) -> String {
    let _ = esc;
    match step {
        "提醒" => "书面提醒".to_owned(),
        "催办" => "书面催办".to_owned(),
        other => other.to_owned(),
    }
}
