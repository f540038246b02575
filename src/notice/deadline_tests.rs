//! Tests of the deadlines and recurrences reader (deadline.rs).

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn date_of(text: &str, issued: &str) -> Option<NaiveDate> {
    find_deadline(text, d(issued)).and_then(|dl| dl.date)
}

#[test]
fn reads_the_usual_forms() {
    let issued = "2022-03-16";
    assert_eq!(date_of("确保年底交上合格答卷", issued), Some(d("2022-12-31")));
    assert_eq!(date_of("6月底前完成整改", issued), Some(d("2022-06-30")));
    assert_eq!(date_of("于2024年3月15日前上报", issued), Some(d("2024-03-15")));
    assert_eq!(date_of("9月20日前报送", issued), Some(d("2022-09-20")));
    assert_eq!(date_of("1月10日前报送", "2022-12-20"), Some(d("2023-01-10")));
    assert_eq!(date_of("本周内完成", issued), Some(d("2022-03-20")));
    assert_eq!(date_of("本月底前", issued), Some(d("2022-03-31")));
    assert_eq!(date_of("二季度末前完成", issued), Some(d("2022-06-30")));
    assert_eq!(date_of("持续加强监督执法", issued), None);
    assert_eq!(date_of("截至3月15日前", issued), None);
    assert_eq!(date_of("对照截至3月底的统计", issued), None);
    assert_eq!(date_of("２０２４年５月３１日前", issued), Some(d("2024-05-31")));
    assert_eq!(date_of("2023年底前", issued), Some(d("2023-12-31")));
    assert_eq!(date_of("上报资料至县住建局301室,截止时间为2024年9月30日", issued), Some(d("2024-09-30")));
    assert_eq!(date_of("报名截止日期:4月15日", issued), Some(d("2022-04-15")));
    assert_eq!(date_of("2011年年底前", issued), Some(d("2011-12-31")));
    assert_eq!(date_of("到明年年底,基本建成", issued), Some(d("2023-12-31")));
    assert_eq!(date_of("要求10月份前完成整治", issued), Some(d("2022-10-31")));
    assert_eq!(date_of("一季度前完成", "2024-02-28"), Some(d("2024-03-31")));
    assert_eq!(date_of("完成时限：2024年6月30日", issued), Some(d("2024-06-30")));
    assert_eq!(date_of("关于一季度火灾形势", issued), None);
    assert_eq!(date_of("2024年3月12日，会议召开", issued), None);
    assert_eq!(date_of("确保年底交账", issued), None);
    assert_eq!(date_of("每年底前报送", issued), None);
    assert_eq!(date_of("力争三年内建成", issued), None);
    assert_eq!(date_of("各地在春节前组织一次督察", "2006-01-27"), Some(d("2006-01-28")));
    assert_eq!(date_of("春节前完成", "2026-11-28"), Some(d("2027-02-05")));
    assert_eq!(date_of("抓好春节前后安全生产", issued), None);
    assert_eq!(date_of("争取“十一”之前公示完毕", "2018-09-17"), Some(d("2018-09-30")));
    assert_eq!(date_of("元旦前完成", issued), Some(d("2022-12-31")));
    assert_eq!(date_of("2024年6月至12月,开展专项整治", issued), Some(d("2024-12-31")));
    assert_eq!(date_of("2024年5-6月开展检查", issued), Some(d("2024-06-30")));
    assert_eq!(date_of("五月底前完成", issued), Some(d("2022-05-31")));
    assert_eq!(date_of("十月三十一日前报送", issued), Some(d("2022-10-31")));
    assert_eq!(date_of("完成时限：2024年6月", issued), Some(d("2024-06-30")));
    assert_eq!(date_of("统一月底前", issued), Some(d("2022-03-31")));
}

#[test]
fn a_period_ends_on_its_last_day() {
    let issued = "2015-08-17";
    assert_eq!(date_of("从8月17日起至9月底,要全面开展大检查", issued), Some(d("2015-09-30")));
    assert_eq!(date_of("检查整改阶段(2008年11月21日至2009年1月31日)", issued), Some(d("2009-01-31")));
    assert_eq!(date_of("集中整治阶段(5月1日至6月30日)", "2024-04-01"), Some(d("2024-06-30")));
    assert_eq!(date_of("排查阶段(6月15日-7月15日)", "2024-04-01"), Some(d("2024-07-15")));
    assert_eq!(date_of("7月17日下班前将纸质版报市政府督查室", "2024-04-01"), Some(d("2024-07-17")));
    assert_eq!(
        date_of("于6月18日(星期二)上午下班前,将修改意见反馈至市防汛办", "2024-04-01"),
        Some(d("2024-06-18"))
    );
    assert_eq!(date_of("争取8月份将问题整改到位", "2013-08-12"), Some(d("2013-08-31")));
    assert_eq!(date_of("于2024年3月5日17时前报送", issued), Some(d("2024-03-05")));
    assert_eq!(date_of("验收阶段(11月16日—12月31日)", "2024-04-01"), Some(d("2024-12-31")));
    assert_eq!(date_of("2024年3月1日-20日,组织验收", issued), Some(d("2024-03-20")));
    assert_eq!(date_of("7月1日至20日,组织验收", "2024-04-01"), Some(d("2024-07-20")));
    assert_eq!(date_of("2008年11月中旬至2008年11月20日", issued), Some(d("2008-11-20")));
    assert_eq!(date_of("总结验收阶段(2012年2月7日至2月29日)", issued), Some(d("2012-02-29")));
    assert_eq!(date_of("从通告之日起至四月三十日止", "2009-04-09"), Some(d("2009-04-30")));
    assert_eq!(date_of("请各单位在“119”消防宣传月活动期间开展", "2013-11-07"), Some(d("2013-11-30")));
    assert_eq!(date_of("安全生产月期间组织一次演练", "2024-12-01"), Some(d("2025-06-30")), "the next June");
    assert_eq!(date_of("119消防宣传月活动取得实效", "2013-11-07"), None, "the month named, not its period");
    assert_eq!(date_of("1月中旬前完成整改", "2017-01-05"), Some(d("2017-01-20")));
    assert_eq!(date_of("于5月上旬前报送", "2017-01-05"), Some(d("2017-05-10")));
    assert_eq!(date_of("11月中旬至12月底开展", "2017-01-05"), Some(d("2017-12-31")), "a span's end");
}

/// A tripwire for new rules: each must hold a character `may_date` looks for (国庆 and
/// “十一” both do, through 国 and 十一).
#[test]
fn every_rule_holds_a_character_the_prefilter_looks_for() {
    for rule in RULES.iter() {
        let re = rule.re.as_str();
        let holds = ['月', '年', '周', '季', '春', '元', '国'].iter().any(|c| re.contains(*c));
        assert!(holds || re.contains("十一"), "{re}");
    }
}

#[test]
fn ongoing_work_has_no_date_but_says_why() {
    let dl = find_deadline("长期坚持“首战用我”理念，常态化开展练兵", d("2024-04-01")).unwrap();
    assert_eq!((dl.date, dl.phrase.as_deref()), (None, Some("长期坚持")));
    assert_eq!(
        find_deadline("6月底前摸排，常态化开展", d("2024-04-01")).and_then(|d| d.date),
        Some(d("2024-06-30"))
    );
    assert_eq!(find_deadline("持续推进初战机制改革", d("2024-04-01")), None);
    // A limit counted from receipt has no date of its own, but its words stand.
    let dl = find_deadline("要求存在隐患的单位于3日内整改到位", d("2024-04-01")).unwrap();
    assert_eq!((dl.date, dl.phrase.as_deref()), (None, Some("3日内")));
}

#[test]
fn the_first_phrase_wins_and_is_kept() {
    let dl = find_deadline("6月底前摸排，年底前整改", d("2022-03-16")).unwrap();
    assert_eq!(dl.phrase.as_deref(), Some("6月底前"));
}

#[test]
fn week_focus_in_the_preamble_is_an_inferred_week_end() {
    let dl = notice_default("作为机关各处室、各支队本周工作重点", d("2022-03-16")).unwrap();
    assert_eq!(dl.date, Some(d("2022-03-20")));
    assert!(dl.inferred);
    assert_eq!(week_end(d("2022-03-20")), d("2022-03-20"));
}

#[test]
fn recurrences_are_kept_as_written() {
    assert_eq!(find_recurrence("每月25日前报送进展").as_deref(), Some("每月25日前"));
    assert_eq!(find_recurrence("每季度通报一次").as_deref(), Some("每季度"));
    assert_eq!(find_recurrence("年底前完成"), None);
    assert_eq!(find_recurrence("每月２５日前报送").as_deref(), Some("每月２５日前"));
}

#[test]
fn the_day_a_report_is_handed_in_is_its_deadline() {
    let on = |t| find_deadline(t, d("2025-06-24")).and_then(|dl| dl.date);
    assert_eq!(on("请各镇于2025年6月30日将工作情况报送市安办"), Some(d("2025-06-30")));
    assert_eq!(on("请于7月5日报送自查报告"), Some(d("2025-07-05")));
    assert_eq!(
        on("并于2025年6月30日和12月20日分别将半年度和全年工作情况报送市安办"),
        Some(d("2025-12-20")),
        "two days for two reports: the last"
    );
    assert_eq!(on("定于2025年6月30日召开全市安全生产工作会议"), None, "a meeting's day asks nothing");
}

/// The rules are run from a little before the first character they look for; a rule that
/// matched farther back (or looked behind) would be missed, so none may.
#[test]
fn no_rule_is_anchored_or_looks_behind() {
    for rule in RULES.iter() {
        let re = rule.re.as_str();
        assert!(!re.contains('^') && !re.contains(r"\b") && !re.contains(r"\B"), "{re}");
    }
}

fn unwindowed(text: &str, issued: NaiveDate) -> Option<DeadlineDraft> {
    let norm = Norm::new(text);
    let start = may_date(&norm.text).then_some(0);
    deadline_from(text, &norm, issued, start)
}

/// Every line of every real text in the genre fixtures reads the same deadline with the
/// search started near the first date character as from the text's start.
#[test]
fn the_search_window_finds_what_the_whole_text_does_on_real_texts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/genres");
    let mut lines = 0;
    let sets = std::fs::read_dir(&root).expect("genre fixtures").flatten().map(|e| e.path());
    for dir in sets.filter(|p| p.is_dir()).chain([root.clone()]) {
        for file in std::fs::read_dir(&dir).expect("a set").flatten().map(|e| e.path()) {
            if file.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for line in text.lines().filter(|l| may_date(l)) {
                lines += 1;
                let issued = d("2022-03-16");
                assert_eq!(
                    find_deadline(line, issued),
                    unwindowed(line, issued),
                    "{}: {line}",
                    file.display()
                );
            }
        }
    }
    assert!(lines > 1000, "only {lines} dated lines read");
}

proptest::proptest! {
    /// Texts made of the rules' own words, whitespace and other words read the same deadline
    /// with the search window as without it.
    #[test]
    fn the_search_window_finds_what_the_whole_text_does(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "完成时限：", "办结时限：", "时限：", "完成时间：", " ", "\u{3000}", "\t", "2024", "12", "3",
                "年", "月", "日", "底", "末", "前", "之前", "至", "到", "起", "—", "-", "于", "第", "一", "十",
                "十一", "季度", "上半年", "“", "”", "消防宣传", "安全生产", "期间", "春节", "元旦", "国庆",
                "本周", "本月", "今年", "明年", "争取", "力争", "中旬", "份", "将", "报送", "每月", "截至",
                // Whole phrases of the rules with the longest words before their date.
                "完成时限：2024年3月", "时限：  第二季度", "“119”消防宣传月期间", "安全生产月活动期间",
                "于2024年6月30日报送", "争取在8月份", "日—2024年5月1日", "至十一月三十日止", "国庆节前",
                "，", "。", "开展检查", "各单位要", "（", "）", "下班", "8时",
            ]),
            0..24,
        )
    ) {
        let text: String = parts.concat();
        let issued = d("2022-03-16");
        proptest::prop_assert_eq!(find_deadline(&text, issued), unwindowed(&text, issued));
    }
}

#[test]
fn a_limit_set_by_an_event_keeps_its_words_without_a_day() {
    let dl = find_deadline("学期结束前应开展一次安全检查", d("2023-01-10")).unwrap();
    assert_eq!((dl.date, dl.phrase.as_deref()), (None, Some("学期结束前")));
    let dl = find_deadline("各乡镇在节假日来临前要及早安排", d("2023-01-10")).unwrap();
    assert_eq!(dl.phrase.as_deref(), Some("节假日来临前"));
    // A day written beside it wins.
    let dl = find_deadline("放假前开展检查，并于1月15日前报送", d("2023-01-10")).unwrap();
    assert_eq!(dl.date, Some(d("2023-01-15")));
}

#[test]
fn a_day_that_lost_its_ri_is_still_read() {
    let dl = find_deadline("并于4月5前将清单上报至市局", d("2020-03-25")).unwrap();
    assert_eq!(dl.date, Some(d("2020-04-05")));
}

#[test]
fn a_yearly_limit_recurs_and_is_no_one_off_day() {
    let text = "请各单位于每年1月15日前,以纸质和电子文档将上年相关情况报送";
    assert_eq!(find_recurrence(text).as_deref(), Some("每年1月15日前"));
    assert_eq!(find_deadline(text, d("2009-12-14")).and_then(|d| d.date), None);
}
