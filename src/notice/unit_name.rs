//! 单位名称 — whether a name reads as a unit (县应急局, 各乡镇, 市消防救援支队主要领导): by its
//! ending, by 各/有关/相关 or a place before a collective ending (各地, 县领导), never a pronoun
//! or a connective. The subject reader (subject.rs) and the unit lines (units.rs) ask it.

/// Endings that make a name a unit whatever precedes it.
const ENDS: [&str; 76] = [
    // 消防救援机构, 本级消防救援机构, 校外培训机构: a body named by its kind.
    "机构",
    "公司",
    "机关",
    "林场",
    "开发区",
    // 广汉市工业集中发展区, 示范区各部门: a zone with its own administration.
    "发展区",
    "示范区",
    "高新区",
    "试验区",
    "合作区",
    // 高新区、经开区: an economic zone by its short name, and resorts and bonded zones.
    "经开区",
    "保税区",
    "度假区",
    "园区",
    // 区旅游委要求景区要…, 相关寺庙要…: a venue run by its own management.
    "景区",
    "寺庙",
    // 各农贸市场负责人: a market run by its operator (not 各农贸市, a city).
    "市场",
    "新区",
    "协会",
    "商会",
    "工会",
    "联合会",
    "红十字会",
    "妇联",
    "残联",
    "科协",
    "小组",
    "部门",
    "单位",
    "政府",
    "管委会",
    "委员会",
    "居委会",
    "村委会",
    // 镇安委会, 各村居安委会: a 安全生产委员会 by its short name.
    "安委会",
    // 物业与业委会之间要加强沟通: a property manager and the owners' committee (业主委员会).
    "业委会",
    "物业",
    "中心",
    "社区",
    "街道",
    "乡镇",
    "镇办",
    "队站",
    // 各类森林消防队伍, 专业扑火队伍: a service's teams.
    "队伍",
    "集团",
    "企业",
    "学校",
    // 瑞隆矿要进一步压实…, 各煤矿: a mine; 各热电厂: a plant.
    "矿",
    "厂",
    // 系部填写表中如下序号, 各系部请于…: a college's departments by their kind.
    "系部",
    // 中小学及幼儿园要…: schools by their kind.
    "中学",
    "小学",
    "幼儿园",
    "高校",
    "医院",
    "办事处",
    "指挥部",
    "工作组",
    "督查组",
    "专班",
    "局",
    "委",
    "办",
    "处",
    "科",
    "室",
    "队",
    "站",
    "所",
    "厅",
    "院",
    "组",
    "部",
    "村",
    "镇",
    "乡",
];
/// Endings that make a unit only after 各 (各地, 各级, 各县) or a place (县领导).
/// 各院系: a university's schools and departments.
const COLLECTIVE_ENDS: [&str; 20] = [
    "地",
    "级",
    "县",
    "区",
    "市",
    "领导",
    "专班",
    "方面",
    "行业",
    "地方",
    "镇街",
    "乡镇场",
    "乡镇场街",
    "院系",
    // 各村居: each village's and neighbourhood's committee.
    "村居",
    // 各校: each school, in a school authority's words.
    "校",
    // 要求各商户在12月15日前自查自改: each shop of a market, addressed as a unit.
    "商户",
    "经营户",
    // 各责任主体要高度警惕: each party that answers for safety.
    "责任主体",
    // 请各系将附件…填写完成: a college's departments.
    "系",
];
/// Subjects that are not units.
const NOT_UNITS: [&str; 22] = [
    "同时",
    "特别",
    "会议",
    "我们",
    "大家",
    "全体",
    "这",
    "那",
    "其",
    "他",
    "她",
    "并",
    "还",
    "都",
    "也",
    "一把手",
    // 领导干部 are people; 指挥部下设办公室 tells how a body is made up.
    "干部",
    "下设",
    // 市政府将适时组织检查组: an adverb of when, in no name.
    "适时",
    // 四季度处于秋冬季节: a time, and what it is in.
    "季度",
    "处于",
    // 要求该单位继续…: the unit just named, told again (a reference, no name).
    "该",
];

/// Whether `s` holds a word of [`NOT_UNITS`]. Read character by character: a word is looked
/// for only where its first character stands (this runs for every name a subject is read for).
fn holds_no_name_word(s: &str) -> bool {
    static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut firsts: Vec<char> = NOT_UNITS.iter().filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    });
    s.char_indices().any(|(i, c)| {
        FIRSTS.binary_search(&c).is_ok()
            && NOT_UNITS.iter().any(|w| s[i..].starts_with(w))
            && !(c == '都' && in_place_name(s, i))
    })
}

/// 成都市应急中心, 都江堰市: 都 inside a place's name, not the adverb (各单位都要…).
fn in_place_name(s: &str, at: usize) -> bool {
    ["成", "首", "京"].iter().any(|p| s[..at].ends_with(p))
        || ["都江堰", "都匀"].iter().any(|p| s[at..].starts_with(p))
}

pub fn is_name_char(c: char) -> bool {
    super::text::is_han(c) || matches!(c, '（' | '）' | '(' | ')' | '〔' | '〕')
}

/// Who in a unit answers for it: `各责任单位的主要负责同志`, `X支队主要领导` are the unit's.
const HEADS: [&str; 28] = [
    // 社区全体班子成员, 各居民小组班子成员: a unit's leading body answers for it.
    "全体班子成员",
    "班子成员",
    "领导班子",
    // 各学校(单位)分管领导要带队…: the head in charge of the work answers for the unit.
    "分管领导",
    "分管负责同志",
    "分管负责人",
    // Its people: 政府各组成部门广大干部要… is a requirement of the departments.
    "广大干部",
    "全体干部",
    "干部职工",
    "党员干部",
    "的主要负责同志",
    "主要负责同志",
    "的负责同志",
    "负责同志",
    "的主要负责人",
    "主要负责人",
    "负责人",
    // 单位消防责任人 / 消防安全管理人: the people a unit names to answer for its fire safety.
    "消防安全责任人",
    "消防安全管理人",
    "消防责任人",
    "安全责任人",
    // 镇政府防灾责任人, 各村防汛责任人: the one a unit names for a hazard.
    "防灾责任人",
    "防汛责任人",
    "防火责任人",
    // 居委会、物业责任人要…: the one answering for each of the units.
    "责任人",
    // 各处室检查人员要按要求检查: the people a unit sends to inspect.
    "检查人员",
    "主要领导",
    // 各专班组长 → 各专班 (村民小组长 leaves 村民小, no unit: people, as before).
    "组长",
];

/// A head named with no unit at the start of `s` (`主要领导要亲自负责`): its length. Such a
/// subject is the unit spoken of just before.
pub fn bare_head(s: &str) -> Option<usize> {
    HEADS.iter().filter(|h| !h.starts_with('的')).find(|h| s.starts_with(**h)).map(|h| h.len())
}

/// An official's post (副县长, 县委书记, 局长): a person, who may speak for a unit but is none.
pub const POSTS: [&str; 9] = ["县长", "市长", "区长", "镇长", "乡长", "省长", "书记", "局长", "主任"];

/// Words for the whole of a place before its units (全县各级各部门, 全市公安机关).
pub const WHOLE: [&str; 6] = ["全县", "全市", "全区", "全省", "全镇", "全乡"];

/// `全市100个乡镇`, `12个支队`: the units after their count (and the place they are counted
/// in); how many there are is no part of the name.
pub fn without_count(s: &str) -> Option<&str> {
    let t = WHOLE.iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s);
    // 参会的40家物业公司: which of them, then how many.
    let t =
        t.split_once('的').filter(|(_, r)| r.starts_with(|c: char| c.is_ascii_digit())).map_or(t, |(_, r)| r);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &t[digits..];
    let rest = after.strip_prefix(['个', '家'])?;
    // (911家未取得消防审验手续的养老机构: a class of bodies told by a clause, no named unit;
    // 100个有森林防灭火工作任务的乡镇 are the townships.)
    let class = after.starts_with('家') && rest.contains('的');
    (digits > 0 && !rest.is_empty() && !class).then_some(rest)
}

/// The unit a name stands for: `X支队主要领导` → `X支队`, `各单位负责人` → `各单位` (督办 tracks
/// units, and the head of a unit answers for it); any other name as it is.
pub fn unit_of(name: &str) -> &str {
    HEADS
        .iter()
        .find_map(|h| name.strip_suffix(h))
        .filter(|base| !base.is_empty() && is_unit_name(base))
        .unwrap_or(name)
}

/// Whether `s` reads as one unit's name.
pub fn is_unit(s: &str) -> bool {
    if let Some(base) = HEADS.iter().find_map(|h| s.strip_suffix(h)).filter(|b| !b.is_empty()) {
        return is_unit_name(base);
    }
    is_unit_name(s)
}

/// Every character a name's, a bracket's inside excepted (各县〔市、区〕政府).
fn name_chars(s: &str) -> bool {
    let mut depth = 0u32;
    s.chars().all(|c| match c {
        '（' | '(' | '〔' => {
            depth += 1;
            true
        }
        '）' | ')' | '〕' => {
            depth = depth.saturating_sub(1);
            true
        }
        c => depth > 0 || is_name_char(c),
    })
}

fn is_unit_name(s: &str) -> bool {
    // 各县（市、区）, 村(社区): the name before its bracket decides.
    let s = match s.rfind(['（', '(', '〔']) {
        // 村(社区), 镇(街道): a one-character place with its other form in brackets is that
        // form's unit.
        Some(open) if s.ends_with(['）', ')', '〕']) && s[..open].chars().count() == 1 => {
            let from = open + s[open..].chars().next().map_or(0, char::len_utf8);
            let to = s.len() - s.chars().next_back().map_or(0, char::len_utf8);
            let inside = s.get(from..to).unwrap_or("");
            return ["村", "镇", "乡", "街"].contains(&&s[..open]) && is_unit_name(inside);
        }
        Some(open) if s.ends_with(['）', ')', '〕']) && open > 0 => &s[..open],
        // 村(居)委会: a bracket inside the name offers another form; the name around it decides.
        Some(open) if open > 0 => {
            let close = s[open..].find(['）', ')', '〕']).map(|k| open + k);
            return close.is_some_and(|close| {
                let after = close + s[close..].chars().next().map_or(0, char::len_utf8);
                !s[after..].contains(['（', '(', '〔'])
                    && is_unit_name(&format!("{}{}", &s[..open], &s[after..]))
            });
        }
        _ => s,
    };
    let n = s.chars().count();
    if !(2..=24).contains(&n) || !name_chars(s) || holds_no_name_word(s) {
        return false;
    }
    // 要加快推进…专班, 提请政府: a name never opens with what is asked of it, or of others.
    // 督促各单位要…: nor with a verb by which one unit acts on another.
    if s.starts_with('要') || ["提请", "督促"].iter().any(|w| s.starts_with(w)) {
        return false;
    }
    // 各网格一定要对域内场所…排查: each grid of a street's management (相关网格员 are people).
    if s == "各网格" {
        return true;
    }
    // 市场监管局从…: 市场 alone is what a bureau oversees, a name cut short; 公共场所 are
    // places, whoever runs them.
    if s == "市场" || s == "公共场所" {
        return false;
    }
    // 县政府分线领导要站在…: a name holds no modal (主要, 重要 and 需要 are words of their own).
    if s.match_indices('要').any(|(at, _)| !s[..at].ends_with(['主', '重', '需', '纲'])) {
        return false;
    }
    // 请广大市民…: 广大 and one character is the public cut short (广大民营企业 stays).
    if s.starts_with("广大") && n <= 3 {
        return false;
    }
    // 熊伟副县长、朱万军副县长牵头: an official by name and post is a person, no unit.
    if POSTS.iter().any(|p| s.ends_with(p)) {
        return false;
    }
    // 逐村开展演练, 逐户排查: one by one, how the work is done, not who does it.
    if s.starts_with('逐') {
        return false;
    }
    let collective = s.starts_with('各') || s.starts_with("有关") || s.starts_with("相关");
    let placed = ["县", "市", "区", "省", "乡", "镇"].iter().any(|p| s.starts_with(p));
    // 各领导, 县领导 stand for the leadership; 相关领导, 各县级包抓领导 are people.
    if s.ends_with("领导") && !(s == "各领导" || (placed && n <= 4)) {
        return false;
    }
    // 要求属地和行业部门督促企业…: 属地, the local authority a site answers to.
    s == "属地"
        || ENDS.iter().any(|e| s.ends_with(e))
        || ((collective || (placed && n <= 4)) && COLLECTIVE_ENDS.iter().any(|e| s.ends_with(e)))
        || is_place(s, n)
}

/// Departments named by what they do (公安、市场监管、综合执法要…): units only in a list of them.
#[rustfmt::skip]
pub const DEPARTMENT_STEMS: [&str; 24] = [
    "公安", "市场监管", "综合执法", "城管", "应急", "住建", "消防", "交通", "交警", "教育", "民政", "卫健",
    "文旅", "商务", "自然资源", "生态环境", "农业农村", "水利", "林业", "气象", "人社", "财政", "发改", "工信",
];

/// 德州市, 南陵县, 甘孜州: a place's own name as the subject is its government (德州市要完成…);
/// 城市, 超市 and the issuer itself (我市, 本县) are not.
fn is_place(s: &str, n: usize) -> bool {
    (3..=4).contains(&n)
        && s.ends_with(['市', '县', '省', '州'])
        && !s.contains('城')
        && !s.starts_with(['我', '本', '该', '全', '各', '此', '两', '三', '一'])
}
