//! `duban forms` (督办通知单 + 反馈单 per office), `duban urge-forms` (催办通知, recording a 催办)
//! and `duban read-forms FILE… [--json] [--apply]` (returned 反馈单: report what was found;
//! with --apply write every row without a conflict, in one transaction, and report the rest).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::args::{Args, Verb};
use crate::clock::Clock;
use crate::forms::{
    Review, apply_review, generate_forms, generate_urges, offices_with_open_work, review_files,
};
use crate::model::{Board, OfficeId};
use crate::store::{Actor, Store};

pub const FORMS_VERBS: [&str; 3] = ["forms", "urge-forms", "read-forms"];

pub const FORMS_USAGE: &str = "表单往来（Word / Excel）：
  duban forms (--office 单位 | --all) -o 目录 [--date 日期] [--author 姓名]
                                              生成督办通知单和反馈单（.docx、.xlsx），每单位一个编号
  duban urge-forms [--office 单位] -o 目录 [--date 日期]
                                              为逾期或逾期未反馈的事项生成催办通知，并记录一次书面催办
  duban read-forms 文件... [--json] [--apply] [--approved-by 批准人] [--date 收到日期]
                                              读取报回的反馈单；--apply 写入没有冲突的各行，其余列出";

/// Parses the arguments after one of [`FORMS_VERBS`].
pub fn parse_forms(verb: &str, rest: Vec<String>) -> Result<Args, String> {
    let (mut data, mut date, mut author, mut office, mut output, mut approver) =
        (None, None, None, None, None, None);
    let (mut all, mut json, mut apply) = (false, false, false);
    let mut files = Vec::new();
    let mut it = rest.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("选项 {name} 缺少取值"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Args { verb: Verb::Help, data_dir: None, date: None }),
            "--data" => data = Some(PathBuf::from(value("--data")?)),
            "--date" => {
                let v = value("--date")?;
                date = Some(v.parse().map_err(|_| format!("日期格式不正确（应为 YYYY-MM-DD）：{v}"))?);
            }
            "--author" => author = Some(value("--author")?),
            "--office" => office = Some(value("--office")?),
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--approved-by" => approver = Some(value("--approved-by")?),
            "--all" => all = true,
            "--json" => json = true,
            "--apply" => apply = true,
            s if s.starts_with("--") => return Err(format!("未知选项：{s}")),
            s => files.push(PathBuf::from(s)),
        }
    }
    let verb = match verb {
        "forms" => {
            if office.is_some() == all {
                return Err(
                    "forms 需要 --office 单位 或 --all（二选一），如：duban forms --all -o 督办单".into()
                );
            }
            let output = output.ok_or("forms 需要用 -o 指定输出目录，如：duban forms --all -o 督办单")?;
            Verb::Forms { office, output, author }
        }
        "urge-forms" => {
            let output = output.ok_or("urge-forms 需要用 -o 指定输出目录，如：duban urge-forms -o 催办")?;
            Verb::UrgeForms { office, output, author }
        }
        _ => {
            if files.is_empty() {
                return Err("read-forms 需要报回的文件，如：duban read-forms 反馈单.docx".into());
            }
            return Ok(Args {
                verb: Verb::ReadForms { files, json, apply, approver, author },
                data_dir: data,
                date,
            });
        }
    };
    if !files.is_empty() {
        return Err(format!(
            "多余的参数：{}",
            files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(" ")
        ));
    }
    Ok(Args { verb, data_dir: data, date })
}

fn office_id(board: &Board, name: &str) -> anyhow::Result<OfficeId> {
    if let Some(o) = board.offices.iter().find(|o| o.name == name) {
        return Ok(o.id);
    }
    match board.aliases.iter().find(|(a, _)| a == name) {
        Some((_, id)) => Ok(*id),
        None => bail!("名册中没有这个单位：{name}"),
    }
}

pub fn run_forms(
    data: &Path,
    office: Option<&str>,
    output: &Path,
    author: Option<&str>,
    urge: bool,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let board = store.load_board()?;
    let author = super::author_of(&store, author)?;
    let actor = Actor { author: &author, at: clock.now() };
    let only = office.map(|n| office_id(&board, n)).transpose()?;
    let made = if urge {
        generate_urges(&mut store, &board, only, output, &author, &actor)?
    } else {
        let offices = match only {
            Some(o) => vec![o],
            None => offices_with_open_work(&board),
        };
        generate_forms(&mut store, &board, &offices, output, &author, &actor)?
    };
    for g in &made {
        writeln!(out, "{} {}（{} 项）", g.serial, g.office, g.directives)?;
        for f in &g.files {
            writeln!(out, "  {}", f.display())?;
        }
    }
    match (made.is_empty(), urge) {
        (true, false) => writeln!(out, "没有需要督办的工作要求，未生成文件")?,
        (true, true) => writeln!(out, "今天没有需要催办的事项，未生成文件")?,
        (false, _) => writeln!(out, "共 {} 个单位，文件在 {}", made.len(), output.display())?,
    }
    Ok(())
}

fn review_json(review: &Review) -> serde_json::Value {
    let files: Vec<_> = review
        .files
        .iter()
        .map(|f| {
            let rows: Vec<_> = f
                .proposals
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "line": p.line,
                        "directive": p.directive.map(|d| d.0),
                        "title": p.title,
                        "number_as_written": p.row.number,
                        "feedback": p.feedback,
                        "complete": p.complete,
                        "extend_to": p.extend_to.map(|d| d.to_string()),
                        "extend_reason": p.extend_reason,
                        "by": p.by,
                        "phone": p.phone,
                        "photos": p.row.photos.iter().map(|x| &x.name).collect::<Vec<_>>(),
                        "notes": p.row.notes,
                        "conflicts": p.conflicts.iter().map(|c| c.message()).collect::<Vec<_>>(),
                        "accepted": p.accepted,
                    })
                })
                .collect();
            serde_json::json!({
                "file": f.name,
                "format": f.format,
                "office": f.office.as_ref().map(|o| &o.1),
                "serial": f.form.as_ref().map(|x| x.serial_text()),
                "form_id": f.form.as_ref().map(|x| &x.form_id),
                "matched": f.matched.label(),
                "error": f.error,
                "notes": f.notes,
                "blank_rows": f.blank_rows,
                "rows": rows,
            })
        })
        .collect();
    serde_json::json!({ "files": files })
}

fn print_review(review: &Review, out: &mut dyn Write) -> anyhow::Result<()> {
    for f in &review.files {
        writeln!(out, "{}", f.name)?;
        if let Some(e) = &f.error {
            writeln!(out, "  无法读取：{e}")?;
            continue;
        }
        let office = f.office.as_ref().map_or("（未识别）", |o| o.1.as_str());
        let serial = f.form.as_ref().map(|x| x.serial_text()).unwrap_or_default();
        writeln!(out, "  {office} {serial}，{}", f.matched.label())?;
        for n in &f.notes {
            writeln!(out, "  注意：{n}")?;
        }
        for p in &f.proposals {
            let id = p.directive.map_or("?".to_owned(), |d| d.0.to_string());
            let mark = if p.accepted { "✓" } else { "✗" };
            writeln!(
                out,
                "  {mark} 第{}行 编号 {id} {}：{}",
                p.line,
                p.title.as_deref().unwrap_or(""),
                p.summary()
            )?;
            for n in &p.row.notes {
                writeln!(out, "      注意：{n}")?;
            }
            for c in &p.conflicts {
                writeln!(out, "      冲突：{}", c.message())?;
            }
        }
        if f.blank_rows > 0 {
            writeln!(out, "  另有 {} 行未填写", f.blank_rows)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn run_read(
    data: &Path,
    files: &[PathBuf],
    json: bool,
    apply: bool,
    approver: Option<&str>,
    author: Option<&str>,
    clock: Clock,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_dir(data)?;
    let board = store.load_board()?;
    let total = files.len();
    let mut progress = |done: usize, n: usize| {
        if total > 1 {
            eprint!("\r读取 {done}/{n}");
            if done == n {
                eprintln!();
            }
        }
    };
    let review = review_files(&store, &board, files, clock.today(), &mut progress)?;
    let outcome = if apply {
        let author = super::author_of(&store, author)?;
        let actor = Actor { author: &author, at: clock.now() };
        Some(apply_review(&mut store, data, &review, approver, &actor, &mut |_, _| {})?)
    } else {
        None
    };
    if json {
        let mut v = review_json(&review);
        if let Some(o) = &outcome {
            v["applied"] = serde_json::json!({ "written": o.written, "left": o.left, "files": o.files, "photos": o.photos });
        }
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    print_review(&review, out)?;
    match outcome {
        None => writeln!(
            out,
            "共 {} 个文件，{} 行可写入（加 --apply 写入）",
            review.files.len(),
            review.accepted()
        )?,
        Some(o) => {
            for w in &o.written {
                writeln!(out, "已写入 {w}")?;
            }
            for l in &o.left {
                writeln!(out, "未写入 {l}")?;
            }
            writeln!(
                out,
                "已写入 {} 条记录（{} 个文件，照片 {} 张），{} 项未写入",
                o.written.len(),
                o.files,
                o.photos,
                o.left.len()
            )?;
        }
    }
    Ok(())
}
