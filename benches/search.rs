//! Search over a generated register of 100,000 directives: 3+ character words through the
//! trigram index, 1-2 character words through the LIKE scan.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{DeadlineDraft, DirectiveDraft, NoticeDraft, SectionDraft};
use duban::notice::{parse_notice, split_clauses};
use duban::store::Store;

const SEED: &str = include_str!("../tests/fixtures/seed-notice.txt");

/// `count` directives whose texts are the seed's sentences, varied by a running number.
fn register(count: usize) -> Store {
    let issued: NaiveDate = "2022-03-16".parse().expect("date");
    let seed = parse_notice(SEED, issued).expect("seed parses");
    let sentences: Vec<String> = seed
        .directives()
        .flat_map(|d| split_clauses(&d.text).into_iter().map(|c| c.trimmed().to_owned()).collect::<Vec<_>>())
        .filter(|s| s.chars().count() > 8)
        .collect();
    let mut store = Store::open_in_memory().expect("store");
    let per_notice = 1000;
    for n in 0..count.div_ceil(per_notice) {
        let directives = (0..per_notice)
            .map(|i| {
                let k = n * per_notice + i;
                let text = format!(
                    "{}{}（第{k}号）",
                    sentences[k % sentences.len()],
                    sentences[(k * 7 + 3) % sentences.len()]
                );
                DirectiveDraft {
                    number: format!("一.{}", i + 1),
                    title: sentences[k % sentences.len()].chars().take(12).collect(),
                    text,
                    offices: vec!["防火监督处".into()],
                    support_offices: Vec::new(),
                    deadline: DeadlineDraft::default(),
                    ..seed.sections[0].directives[0].clone()
                }
            })
            .collect();
        let draft = NoticeDraft {
            title: format!("基准通知{n}"),
            sections: vec![SectionDraft {
                number: "一".into(),
                title: "基准".into(),
                text: String::new(),
                offices: vec![],
                directives,
            }],
            ..seed.clone()
        };
        store.import_notice(&draft, "", "基准", issued.and_hms_opt(9, 0, 0).expect("time")).expect("import");
    }
    store
}

fn search(c: &mut Criterion) {
    let store = register(100_000);
    let mut group = c.benchmark_group("search 100k directives");
    group.sample_size(20);
    for query in ["森林火灾", "员工宿舍 专项检查", "员工", "宿舍 检查", "防"] {
        let hits = store.search(query).expect("search").map_or(0, |h| h.len());
        group.bench_function(format!("{query} ({hits} hits)"), |b| b.iter(|| store.search(query)));
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
