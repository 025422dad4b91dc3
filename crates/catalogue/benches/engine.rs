//! Engine benchmark: index build, then filter + search + facet counts, on generated catalogues of
//! 1k, 10k and 100k resources. Prints the median and worst time of each query.
//!
//!   cargo bench -p catalogue --bench engine [-- --quick]
//!
//! `--quick` stops at 10k resources. The catalogues are generated from a fixed seed, so runs are
//! comparable.

use std::hint::black_box;
use std::time::{Duration, Instant};

use catalogue::{BrowseQuery, Catalogue, Engine, parse_json};
use serde_json::json;

const APPROACHES: [&str; 3] = ["emotional-control", "self-management", "social-integration"];
/// Kinds of evidence, all at one standard (the benchmark measures the engine, not the rules).
const EVIDENCE: [&str; 6] = [
    "systematic-review",
    "randomised-controlled-trial",
    "survey-or-cohort",
    "qualitative-study",
    "practice-description",
    "guidance-or-framework",
];

const TYPES: [&str; 4] = [
    "case-study",
    "research-report",
    "intervention-tool",
    "learning-material",
];
const SUBJECTS: [&str; 24] = [
    "mental-health",
    "wellbeing",
    "careers",
    "accommodation",
    "belonging",
    "loneliness",
    "transition",
    "peer-support",
    "curriculum",
    "staff",
    "strategy",
    "international-students",
    "postgraduate-research",
    "commuter-students",
    "money",
    "physical-activity",
    "sleep",
    "mindfulness",
    "stress",
    "help-seeking",
    "suicide-prevention",
    "retention",
    "learning-analytics",
    "extra-curricular",
];
const WORDS: &[&str] = &[
    "student",
    "students",
    "university",
    "support",
    "service",
    "services",
    "mental",
    "health",
    "wellbeing",
    "resilience",
    "peer",
    "mentoring",
    "accommodation",
    "halls",
    "residential",
    "belonging",
    "community",
    "transition",
    "first",
    "year",
    "curriculum",
    "teaching",
    "staff",
    "academic",
    "tutor",
    "strategy",
    "whole",
    "approach",
    "international",
    "postgraduate",
    "research",
    "survey",
    "report",
    "evaluation",
    "trial",
    "randomised",
    "mindfulness",
    "sleep",
    "stress",
    "anxiety",
    "exam",
    "careers",
    "employability",
    "money",
    "debt",
    "cost",
    "living",
    "sport",
    "activity",
    "volunteering",
    "union",
    "society",
    "retention",
    "success",
    "data",
    "analytics",
    "framework",
    "charter",
    "toolkit",
    "guide",
    "handbook",
    "training",
    "workshop",
    "programme",
    "intervention",
    "study",
    "studies",
    "case",
    "practice",
    "policy",
    "leaders",
];

/// A small deterministic generator (xorshift), so every run benchmarks the same catalogue.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
    /// Between `min` and `min + spread - 1` words.
    fn sentence(&mut self, min: usize, spread: usize) -> String {
        let words = min + self.next() % spread;
        (0..words)
            .map(|_| self.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn generate(n: usize) -> String {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let term = |id: &str| json!({"id": id, "label": id.replace('-', " ")});
    let resources: Vec<_> = (0..n)
        .map(|i| {
            let approaches: Vec<&str> = APPROACHES.iter().copied().filter(|_| rng.next().is_multiple_of(2)).collect();
            let approaches = if approaches.is_empty() { vec![rng.pick(&APPROACHES)] } else { approaches };
            let mut subjects: Vec<&str> = (0..1 + rng.next() % 4).map(|_| rng.pick(&SUBJECTS)).collect();
            subjects.sort();
            subjects.dedup();
            json!({
                "id": format!("r{i}"),
                "title": rng.sentence(4, 8),
                "authors": [format!("Author {}", rng.next() % 5000)],
                "publisher": format!("Publisher {}", rng.next() % 300),
                "year": 1990 + rng.next() % 36,
                "type": rng.pick(&TYPES),
                "approaches": approaches,
                "subjects": subjects,
                "country": "UK",
                "sector": "Higher education",
                "summary": rng.sentence(40, 30),
                "evidence": rng.pick(&EVIDENCE),
                "standard": "not-impact",
                "evidence_basis": rng.sentence(8, 10),
                "url": format!("https://example.org/{i}"),
                "added": format!("20{:02}-{:02}-{:02}", 18 + rng.next() % 9, 1 + rng.next() % 12, 1 + rng.next() % 28),
            })
        })
        .collect();
    json!({
        "format": 1,
        "taxonomy": {
            "approaches": APPROACHES.map(term),
            "types": TYPES.map(term),
            "standards": [term("not-impact")],
            "evidence": EVIDENCE.map(|id| json!({"id": id, "label": id.replace('-', " "), "standards": ["not-impact"]})),
            "subjects": SUBJECTS.map(term),
        },
        "resources": resources,
    })
    .to_string()
}

/// Runs `f` repeatedly for about `budget` (at least 5 times); returns (median, worst).
fn time(budget: Duration, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 5 || (start.elapsed() < budget && samples.len() < 1000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    (samples[samples.len() / 2], samples[samples.len() - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let sizes: &[usize] = if quick {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    let queries = [
        ("everything (facet counts only)", ""),
        (
            "two facets",
            "type=case-study,research-report&subject=accommodation",
        ),
        ("three words", "q=case+study+accommodation"),
        ("prefix while typing", "q=accom"),
        (
            "words + facets + sort",
            "q=peer+support&approach=social-integration&subject=belonging,transition&sort=newest",
        ),
        ("no results", "q=zebra&type=case-study"),
    ];
    println!(
        "{:<36} {:>9} {:>14} {:>14} {:>9}",
        "query", "resources", "median", "worst", "results"
    );
    for &n in sizes {
        let json = generate(n);
        let t = Instant::now();
        let catalogue = parse_json(&json)
            .and_then(|value| Catalogue::from_value(&value))
            .expect("generated catalogue is valid");
        let parsed = t.elapsed();
        let t = Instant::now();
        let engine = Engine::new(catalogue);
        let built = t.elapsed();
        println!(
            "{:<36} {n:>9} {:>14} {:>14}",
            "parse + validate JSON",
            ms(parsed),
            ""
        );
        println!("{:<36} {n:>9} {:>14} {:>14}", "build index", ms(built), "");
        for (name, qs) in queries {
            let mut query = BrowseQuery::parse(qs);
            engine.sanitize(&mut query);
            let results = engine.search(&query).hits.len();
            let (median, worst) = time(Duration::from_millis(300), || {
                black_box(engine.search(black_box(&query)));
            });
            println!(
                "{name:<36} {n:>9} {:>14} {:>14} {results:>9}",
                ms(median),
                ms(worst)
            );
        }
    }
}
