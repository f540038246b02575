//! 标题 — the headline of a text copied from a web page, where the page's own lines stand
//! before it (打印页面, 工作动态, 中华网 china.com, 您当前的位置：首页 > …, 设为首页, an
//! advertisement). The review screen and the notice list show the title, so a column's name or
//! a site's menu there hides what the text is. A line is a headline when it reads as one:
//! long enough, no sentence in it, none of a page's words; a page's tags and stamps around it
//! (【建设平安岳池】, 字体大小[ ] 打印, 2016-03-23作者:…) are cut away.

use std::sync::LazyLock;

use regex::Regex;

/// Words only a page's own lines have (menus, counters, stamps, forums, advertisements).
const PAGE_WORDS: [&str; 40] = [
    "首页",
    "位置",
    "欢迎",
    "登录",
    "注册",
    "无障碍",
    "设为",
    "收藏",
    "电话",
    "官网",
    "官方网站",
    "投注",
    "论坛",
    "楼主",
    "来源",
    "时间",
    "日期",
    "浏览",
    "阅读",
    "分享",
    "打印",
    "http",
    "www",
    "ICP",
    "索引号",
    "版权",
    "微信",
    "QQ",
    "公众号",
    "联系我们",
    "播报",
    "作者",
    "编辑",
    "字体",
    "字号",
    "人气",
    "点击",
    "china.com",
    "访问量",
    "签到",
];

/// Kinds of document a title ends with (the header's title ends at the first line that ends so).
pub const DOCUMENT_KINDS: [&str; 16] = [
    "通知", "纪要", "意见", "方案", "要求", "安排", "通报", "清单", "决定", "批复", "公告", "通告", "办法",
    "规定", "预案", "规划",
];

/// Openings of a body's first sentence, not of a headline.
const BODY_OPENINGS: [&str; 12] =
    ["为", "根据", "按照", "近日", "日前", "据", "今年", "目前", "随着", "当前", "自", "会上"];

/// A page's tag before a headline: 【建设平安岳池】, 关怀版, 信息名称, 名称：, 返回上一级打印.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:【[^】]{1,12}】|关怀版|无障碍|信息名称[：:]?|名称[：:]|返回上一级|打印页面|打印|",
        // A column's or an agency's name run into the headline: 工作动态, 图文回放:, 媒体关注|,
        // 原标题丨, 东平吧讯:, 养老信息关于…, 政策解读.
        r"工作动态|最新信息|热门信息|政策解读|文件通知|(?:图文回放|媒体关注|原标题|图片新闻|视频新闻)[：:|｜丨]|\p{Han}{1,4}讯[：:]|",
        r"\p{Han}{2,4}信息关于|",
        // A site's name before it: 法搜网--…搜索网, 梅州市人民政府门户网站.
        r"[^\s关]{2,30}?(?:门户网站|网站|搜索网|门户网)(?:\s|-|—)*|\s)+"
    ))
    .expect("headline tag regex")
});

/// A page's stamp after a headline: 字体大小[ ] 打印, 大 中小, 2016-03-23作者:…, (东府办〔2010〕91号).
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:字体大小.*|大\s*中\s*小.*|\.(?:docx?|wps|pdf)|_\p{Han}{1,6}网|\d{4}-\d{1,2}-\d{1,2}.*|",
        r"[（(]\p{Han}{1,6}[〔\[［]\d{4}[〕\]］]\d{1,4}号[）)]|\s)+$"
    ))
    .expect("headline stamp regex")
});

/// A numbered item's start (一、 (五) 1.): a piece of the body, never a headline.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
        .expect("item regex")
});

/// A date or a day's time leading a line (12月1日, 2019年12月2日, 4月16日下午): the body's.
static LEADING_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日").expect("leading day regex"));

/// The line without a page's tag before it and stamp after it.
pub fn cleaned(line: &str) -> &str {
    let line = line.trim();
    // 养老信息关于…: the tag ends where the title's 关于 begins.
    let start = TAG.find(line).map_or(0, |m| {
        let tag = m.as_str();
        if tag.ends_with("关于") { m.end() - "关于".len() } else { m.end() }
    });
    let line = &line[start..];
    let end = STAMP.find(line).map_or(line.len(), |m| m.start());
    let mut line = once(line[..end].trim());
    // 梅州市应急管理局 文件通知 梅州市安委办关于…的通知: a page's path, then the title.
    if let Some((_, last)) = line.rsplit_once(char::is_whitespace)
        && last.contains("关于")
        && names_a_document(last)
    {
        line = &last[TAG.find(last).map_or(0, |m| m.end())..];
    }
    line
}

/// A title told twice (a page's headline, then the document's own, with its issuer or a blank
/// between: 关于…的通知( )关于…的通知): once.
fn once(title: &str) -> &str {
    DOCUMENT_KINDS
        .iter()
        .filter_map(|k| title.match_indices(k).map(|(at, _)| at + k.len()).find(|&end| end < title.len()))
        // The second telling may drop the first's 关于 (…的通知文安乡人民政府关于…的通知 holds it).
        .filter(|&end| title[end..].contains(title[..end].trim_start_matches("关于")))
        .min()
        .map_or(title, |end| &title[..end])
}

/// A site's menu (首   页 走进西乡 新闻中心…, 今日日照 今日五莲 今日莒县): short words set apart.
fn is_menu(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3 && words.iter().filter(|w| w.chars().count() <= 6).count() * 3 >= words.len() * 2
}

/// Verbs a news headline tells its event by.
const EVENTS: [&str; 16] = [
    "召开", "开展", "启动", "部署", "推进", "调研", "检查", "督导", "督查", "巡查", "举行", "组织", "印发",
    "出台", "主持", "视察",
];

/// Whether a (cleaned) line reads as a document's title or an article's headline.
pub fn is_headline(line: &str) -> bool {
    let han = line.chars().filter(|&c| crate::notice::text::is_han(c)).count();
    let page_table = line.contains(['|', '｜', '>', '＞', '•']);
    // 关于调整作息时间的通知: a document's title may hold a page's word.
    if names_a_document(line) && (6..=120).contains(&han) && !page_table {
        return !line.contains(['。', '，', ',']) && !ITEM.is_match(line);
    }
    (8..=80).contains(&han)
        && line.chars().count() <= 90
        && !line.contains(['。', '；', ';', '|', '｜', '>', '＞', '•'])
        && !line.ends_with(['：', ':', '，', ','])
        && !PAGE_WORDS.iter().any(|w| line.contains(w))
        && !BODY_OPENINGS.iter().any(|w| line.starts_with(w))
        && !ITEM.is_match(line)
        && !LEADING_DAY.is_match(line)
        && !is_menu(line)
}

/// The first line that reads as a headline, cleaned of a page's tags and stamps: one that
/// names a document or an event before one that only reads as a headline (a shop's slogan,
/// a column's name on a page of ads).
pub fn headline(lines: &[&str]) -> Option<String> {
    let cleaned: Vec<&str> = lines.iter().map(|l| cleaned(l)).collect();
    let mut candidates: Vec<String> = Vec::new();
    for (i, line) in cleaned.iter().enumerate() {
        // 关于集中组织开展电动自行车 / 夜查行动的公告: a title over two lines.
        if let Some(next) = cleaned.get(i + 1)
            && line.contains("关于")
            && !names_a_document(line)
            && names_a_document(next)
            && next.chars().count() <= 40
        {
            candidates.push(self::cleaned(&format!("{line}{next}")).to_owned());
        }
        candidates.push((*line).to_owned());
    }
    candidates.retain(|c| is_headline(c));
    let event = |c: &&String| EVENTS.iter().any(|v| c.contains(v));
    candidates
        .iter()
        .find(|c| names_a_document(c))
        .or_else(|| candidates.iter().find(event))
        .or(candidates.first())
        .cloned()
}

fn names_a_document(line: &str) -> bool {
    DOCUMENT_KINDS.iter().any(|k| line.ends_with(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_lines_before_the_headline_are_passed_over() {
        let page =
            ["打印页面", "首页 > 新闻中心福建漳州新闻 漳州年内建成一批消防站", "漳州年内建成一批消防站"];
        assert_eq!(headline(&page).as_deref(), Some("漳州年内建成一批消防站"));
        let page = [
            "中华网 china.com",
            "河南",
            "当前位置:新闻 > 驻马店 > 正文",
            "平舆县老王岗乡召开燃气安全集中排查工作部署会",
        ];
        assert_eq!(headline(&page).as_deref(), Some("平舆县老王岗乡召开燃气安全集中排查工作部署会"));
        let page = [
            "工作动态",
            "凤阳召开监控消防设施大排查大整治专项行动部署会",
            "发布时间:2023-03-10 15:48阅读次数:",
        ];
        assert_eq!(headline(&page).as_deref(), Some("凤阳召开监控消防设施大排查大整治专项行动部署会"));
    }

    #[test]
    fn a_pages_tags_and_stamps_are_cut_from_the_headline() {
        assert_eq!(cleaned("【建设平安岳池】我县召开安全生产工作部署会议"), "我县召开安全生产工作部署会议");
        assert_eq!(
            cleaned("副县长石伟深入乡镇调研“一队一中心”建设工作字体大小[ ] 打印"),
            "副县长石伟深入乡镇调研“一队一中心”建设工作"
        );
        assert_eq!(cleaned("博白:多部门协作联动构建校园安全屏障"), "博白:多部门协作联动构建校园安全屏障");
        assert_eq!(cleaned("媒体关注|专项检查启动!中山加强火灾防控"), "专项检查启动!中山加强火灾防控");
        assert_eq!(cleaned("东平吧讯:东平县开展消防安全专项督查活动"), "东平县开展消防安全专项督查活动");
        assert_eq!(
            cleaned("养老信息关于开展全市养老机构安全摸底排查工作的通知"),
            "关于开展全市养老机构安全摸底排查工作的通知"
        );
        assert_eq!(cleaned("加强森林防火通知.docx"), "加强森林防火通知");
        assert_eq!(
            cleaned("福建启动文物消防安全专项检查 持续至1月中旬_闽商网"),
            "福建启动文物消防安全专项检查 持续至1月中旬"
        );
        assert_eq!(
            cleaned("梅州市人民政府门户网站 梅州市应急管理局 文件通知 梅州市安委办关于印发《清单》的通知"),
            "梅州市安委办关于印发《清单》的通知"
        );
        assert_eq!(
            cleaned("下载文字版 下载图片版 政策解读政策解读重庆市綦江区人民政府办公室关于印发方案的通知"),
            "重庆市綦江区人民政府办公室关于印发方案的通知"
        );
        assert_eq!(cleaned("首页 > 通知公告 > 关于做好防汛工作的通知"), "关于做好防汛工作的通知");
        assert_eq!(cleaned("关于开展大检查的通知( )关于开展大检查的通知"), "关于开展大检查的通知");
        assert_eq!(cleaned("关于明确责任人的通知文安乡人民政府关于明确责任人的通知"), "关于明确责任人的通知");
        assert_eq!(
            cleaned("关怀版关于加强对水库河道巡查及防溺水工作的通知"),
            "关于加强对水库河道巡查及防溺水工作的通知"
        );
        assert_eq!(
            cleaned("祁阳:召开一季度安全生产形势分析会2016-03-23作者:蒋周捷"),
            "祁阳:召开一季度安全生产形势分析会"
        );
        assert_eq!(
            cleaned("图文回放:历下区政府召开第19届81次常务会议大 中小"),
            "历下区政府召开第19届81次常务会议"
        );
        assert_eq!(
            cleaned("东莞市人民政府办公室关于印发实施方案的通知(东府办〔2010〕91号)"),
            "东莞市人民政府办公室关于印发实施方案的通知"
        );
    }

    #[test]
    fn a_title_over_two_lines_is_joined_and_a_document_comes_first() {
        let page = ["其他", "今晚起,合肥全市夜查!", "关于集中组织开展电动自行车", "夜查行动的公告"];
        assert_eq!(headline(&page).as_deref(), Some("关于集中组织开展电动自行车夜查行动的公告"));
        let page = ["西门子消防产品之签约分销商", "行业动态", "第二届家庭消防安全知识竞赛开展"];
        assert_eq!(
            headline(&page).as_deref(),
            Some("第二届家庭消防安全知识竞赛开展"),
            "an event before a slogan"
        );
    }

    #[test]
    fn a_documents_title_may_hold_a_pages_word() {
        assert!(is_headline("关于调整夏季作息时间的通知"));
        assert!(!is_headline("发布时间:2023-03-10 15:48"));
    }

    #[test]
    fn a_bodys_lines_are_no_headline() {
        for line in [
            "各单位:",
            "12月1日",
            "2019年12月2日",
            "近日",
            "为进一步加强出租屋安全管理工作",
            "(五)负责组织实施各类学校校舍安全工程的监督检查",
            "1. 危化品泄漏",
            "工作动态",
            "华为怎么进BT365_365bet外围投注_365完美体育app官网",
            "12月19日从山东省危险化学品安全生产电视会议上获悉",
            "会议要求,各单位要提高认识。",
            "今日日照 今日五莲 今日莒县",
            "首   页 走进西乡 新闻中心 政府信息公开 政务服务",
            "题会暨部署会,会议传达学习市、县两级关于冬春火灾防控工作的文件精神和相关会议要求",
        ] {
            assert!(!is_headline(cleaned(line)), "{line}");
        }
    }
}
