//! The lines before the first section: title (possibly over several lines), issuer,
//! recipients (主送), meeting and preamble (导语).

use std::sync::LazyLock;

use regex::Regex;

use super::names::split_top_level;
use super::page_title;

/// What the header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    pub issuer: Option<String>,
    pub recipients: Vec<String>,
    pub meeting: Option<String>,
    pub doc_number: Option<String>,
    pub preamble: String,
}

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4}年)?第[0-9一二三四五六七八九十]+次(?:[^\s，。、的]{0,6}?)(?:办公会议|办公会|党委会议|党委会|局务会议|局务会|常务会议|会议)")
        .expect("meeting regex")
});

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{0,12}[〔\[［【(（]\d{4}[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号期]$")
        .expect("doc number regex")
});

/// A recipients line: short, ends with a colon, names units (各支队、机关各处室：).
fn is_recipients_line(line: &str) -> bool {
    (line.ends_with('：') || line.ends_with(':'))
        && line.chars().count() <= 80
        && !line.contains('。')
        && !line.contains("责任")
        && !line.contains("如下")
}

/// A page copied without line breaks: the addressee and the first words on one line
/// (`区应急管理局: 《关于…的请示》收悉`). The addressee when every name before the colon is a unit.
pub(super) fn inline_recipients(line: &str) -> Option<(Vec<String>, &str)> {
    let colon = line.find(['：', ':'])?;
    let rest = line[colon..].trim_start_matches(['：', ':']).trim_start();
    let names = line[..colon].trim();
    if names.chars().count() > 40 {
        return None;
    }
    // 各科室,各站所,各村: names listed with commas, as a recipients line lists them.
    let mut units = Vec::new();
    for part in split_top_level(names, &['，', ',']) {
        units.extend(super::subject::subject_units(part.trim())?);
    }
    (!units.is_empty()).then_some((units, rest))
}

/// Letterhead (辽宁省消防救援总队文件), urgency or secrecy marks: not part of the title.
fn is_letterhead(line: &str) -> bool {
    (line.ends_with("文件") && line.chars().count() <= 30)
        || ["特急", "加急", "平急", "机密", "秘密", "内部"].contains(&line)
        || line.starts_with("签发人")
}

/// A line of running text: sentences, longer than any title.
fn is_paragraph(line: &str) -> bool {
    line.chars().count() > 60 && line.contains('。')
}

/// A title as a government page's metadata table gives it: 关于…的通知 inside 文件名称 | … |
/// 索引号: … cells, or run on into 时间:2023-06-14 信息来源:….
static TITLE_CORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[^|｜:：\s•>\]\d\-]{0,30}关于(?:[^|｜:：•>关]|关[^于]){2,120}",
        r"(?:通知|纪要|意见|方案|要求|安排|通报|清单|决定|批复|函|报告|办法|规划|预案)"
    ))
    .expect("title core regex")
});

/// Signs that the lines before the recipients are a page's metadata, not only the title.
const TITLE_NOISE: [&str; 8] = ["|", "索引号", "位置", "发布", "•", "> ", "公开", "时间:"];

/// The title with a page's metadata cut away: the 关于…通知 span, or the one cell that ends
/// with a document kind. A clean title is kept as it is.
fn tidy_title(raw: String) -> String {
    if !TITLE_NOISE.iter().any(|n| raw.contains(n)) {
        return raw;
    }
    if let Some(m) = TITLE_CORE.find(&raw) {
        let core = m.as_str().trim();
        // 政府信息公开…, 新闻中心网上办事…走进…: a page's menu run into the issuer.
        let core = ["政府信息公开", "走进", "公文", "时效性有效", "面向全社会"]
            .iter()
            .filter_map(|w| {
                core.rfind(w)
                    .filter(|&at| at < core.find("关于").unwrap_or(0))
                    .map(|at| &core[at + w.len()..])
            })
            .min_by_key(|c| c.len())
            .unwrap_or(core);
        return core.to_owned();
    }
    let cell = raw
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|cell| page_title::DOCUMENT_KINDS.iter().any(|e| cell.ends_with(e)))
        .max_by_key(|cell| cell.len())
        .map(str::to_owned);
    cell.unwrap_or(raw)
}

/// Parses header lines (already cleaned, no empty lines).
pub fn parse_header(all: &[&str]) -> Header {
    let doc_number = all.iter().find(|l| DOC_NUMBER.is_match(l)).map(|l| (*l).to_owned());
    let lines: Vec<&str> =
        all.iter().copied().filter(|l| !DOC_NUMBER.is_match(l) && !is_letterhead(l)).collect();
    let lines = lines.as_slice();
    let recipients_at = lines.iter().position(|l| is_recipients_line(l));
    let title_end = match recipients_at {
        Some(i) => i,
        None => lines
            .iter()
            .take(4)
            .position(|l| page_title::DOCUMENT_KINDS.iter().any(|e| l.ends_with(e)))
            .map_or(lines.len().min(1), |i| i + 1),
    };
    // A page that starts mid-document (a copy's later part): its first line is a paragraph
    // of the covering text, not a title.
    let title_end =
        if title_end == 1 && recipients_at.is_none() && is_paragraph(lines[0]) { 0 } else { title_end };
    let title = tidy_title(lines[..title_end].concat());
    // A page's lines before the headline (打印页面, 工作动态, a site's menu): the headline.
    let title = match page_title::cleaned(&title) {
        clean if page_title::is_headline(clean) => clean.to_owned(),
        _ => page_title::headline(lines).unwrap_or(title),
    };
    // (各市、州、县粮食局 is one collective: each city's, prefecture's and county's bureau.)
    let recipients = recipients_at
        .map(|i| {
            let mut names = Vec::new();
            super::names::push_names(&mut names, lines[i].trim_end_matches(['：', ':']));
            names
        })
        .or_else(|| lines.get(title_end).and_then(|l| inline_recipients(l)).map(|(units, _)| units))
        .unwrap_or_default();
    let preamble_start = recipients_at.map_or(title_end, |i| i + 1);
    let preamble = lines[preamble_start..].join("\n");
    let issuer = title
        .split_once("关于")
        .map(|(before, _)| before.trim())
        .filter(|s| !s.is_empty() && s.chars().count() <= 30)
        .map(str::to_owned);
    let meeting = [title.as_str(), preamble.as_str()]
        .iter()
        .find_map(|s| MEETING.find(s))
        .map(|m| m.as_str().to_owned());
    Header { title, issuer, recipients, meeting, doc_number, preamble }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_split_title_and_reads_the_seed_header() {
        let h = parse_header(&[
            "辽宁省消防救援总队关于2022年",
            "第10次办公会议工作要求的通知",
            "各支队、机关各处室：",
            "近日，消防救援局召开会议。",
        ]);
        assert_eq!(h.title, "辽宁省消防救援总队关于2022年第10次办公会议工作要求的通知");
        assert_eq!(h.issuer.as_deref(), Some("辽宁省消防救援总队"));
        assert_eq!(h.recipients, ["各支队", "机关各处室"]);
        assert_eq!(h.meeting.as_deref(), Some("2022年第10次办公会议"));
        assert_eq!(h.preamble, "近日，消防救援局召开会议。");
    }

    #[test]
    fn a_page_metadata_table_is_cut_from_the_title() {
        let h = parse_header(&[
            "文件名称 |",
            "安康市安委会办公室关于印发《工作任务清单》的通知 |",
            "||",
            "索引号: |",
            "ASAWBF/20213 |",
            "各县区安委会:",
        ]);
        assert_eq!(h.title, "安康市安委会办公室关于印发《工作任务清单》的通知");
        assert_eq!(h.issuer.as_deref(), Some("安康市安委会办公室"));
        let h =
            parse_header(&["夏县人民政府关于做好安全生产工作的通知时间:2023-06-14 信息来源: 夏县人民政府"]);
        assert_eq!(h.title, "夏县人民政府关于做好安全生产工作的通知");
        let h =
            parse_header(&["文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | || ||", "各乡镇:"]);
        assert_eq!(h.title, "2022年第八次县政府常务会议确定事项落实情况的通报");
    }

    #[test]
    fn without_recipients_the_title_ends_at_its_document_kind() {
        let h = parse_header(&["关于做好安全生产工作的通知", "为做好工作，现通知如下。"]);
        assert_eq!(h.title, "关于做好安全生产工作的通知");
        assert_eq!(h.issuer, None);
        assert_eq!(h.preamble, "为做好工作，现通知如下。");
    }

    #[test]
    fn letterhead_and_document_number_stay_out_of_the_title() {
        let h = parse_header(&[
            "辽宁省消防救援总队办公室文件",
            "辽消办〔2024〕12号",
            "辽宁省消防救援总队办公室关于规范公文处理的通知",
            "各县（市、区）消安委，总队机关各部门：",
            "现将有关事项通知如下：",
        ]);
        assert_eq!(h.title, "辽宁省消防救援总队办公室关于规范公文处理的通知");
        assert_eq!(h.doc_number.as_deref(), Some("辽消办〔2024〕12号"));
        assert_eq!(h.recipients, ["各县（市、区）消安委", "总队机关各部门"]);
        assert_eq!(h.preamble, "现将有关事项通知如下：");
    }
}
