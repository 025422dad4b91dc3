//! Fixtures shared by the catalogue's test files: the small valid catalogue and the checks the
//! validation tests make on it, and the proptest settings and text strategy the property tests
//! share. Each test file includes this module, and not every file uses every item.

#![allow(dead_code)]

use catalogue::{Catalogue, LoadError, parse_json};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

/// The small valid catalogue that the validation tests break one thing at a time.
pub fn valid() -> Value {
    json!({
        "format": 1,
        "taxonomy": {
            "approaches": [
                {"id": "emotional-control", "label": "Emotional control", "description": "d"},
                {"id": "self-management", "label": "Self-management"}
            ],
            "types": [{"id": "case-study", "label": "Case study"}],
            "standards": [
                {"id": "causal", "label": "Causal (Type 3)"},
                {"id": "not-impact", "label": "Not an impact study"}
            ],
            "evidence": [
                {"id": "trial", "label": "Randomised controlled trial", "standards": ["causal"]},
                {"id": "survey", "label": "Survey", "standards": ["not-impact"]}
            ],
            "subjects": [{"id": "careers", "label": "Careers"}]
        },
        "resources": [
            {
                "id": "first", "title": "First", "authors": ["A Person"], "publisher": "Org",
                "year": 2017, "type": "case-study", "approaches": ["self-management"],
                "subjects": ["careers"], "country": "UK", "sector": "Higher education",
                "summary": "A summary.", "evidence": "trial", "standard": "causal",
                "evidence_basis": "Abstract: 200 students randomised.",
                "url": "https://example.org/first", "added": "2026-11-23"
            },
            {
                "id": "second", "title": "Second", "publisher": "Org", "type": "case-study",
                "approaches": ["emotional-control"], "summary": "Another.", "evidence": "survey",
                "standard": "not-impact", "evidence_basis": "Publisher's page: a survey.",
                "url": null, "added": "2026-11-23"
            }
        ]
    })
}

/// Breaks the valid catalogue with `mutate` and checks that loading it reports exactly the
/// `expected` lines.
#[track_caller]
pub fn check(mutate: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut doc = valid();
    mutate(&mut doc);
    check_text(&doc.to_string(), expected);
}

/// The catalogue in `text`, as the CLI and the static pages read it.
pub fn parse_catalogue(text: &str) -> Result<Catalogue, LoadError> {
    Catalogue::from_value(&parse_json(text)?)
}

#[track_caller]
pub fn check_text(text: &str, expected: &[&str]) {
    match parse_catalogue(text) {
        Ok(_) => panic!("expected {expected:?}, but the catalogue loaded"),
        Err(e) => assert_eq!(e.lines(), expected, "errors for {text}"),
    }
}

pub fn resource(doc: &mut Value, index: usize) -> &mut Value {
    &mut doc["resources"][index]
}

pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// Text values that reach the deeper checks (ids, dates, links) as well as odd ones.
pub const SAMPLE_TEXTS: &[&str] = &[
    "case-study",
    "self-management",
    "emotional-control",
    "careers",
    "first",
    "Case study",
    "2026-11-23",
    "2024-02-29",
    "2025-02-29",
    "2026-13-01",
    "https://example.org/x",
    "http://[::1]:8080/",
    "https://",
    "https:///path",
    "javascript:alert(1)",
    "https://exa mple.org",
    "https://é.example/ü",
    "A--b",
    "-a",
    "   ",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "😀",
];

/// Text: arbitrary Unicode, empty, samples that pass or nearly pass the rules, and very long.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just(String::new()),
        3 => select(SAMPLE_TEXTS).prop_map(str::to_owned),
        2 => "[a-z0-9-]{1,12}",
        1 => (any::<String>(), 1usize..400).prop_map(|(s, n)| format!("x{s}").repeat(n)),
    ]
}
