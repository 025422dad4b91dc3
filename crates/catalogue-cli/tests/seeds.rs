//! The seed catalogue in `seeds/` is valid and meets the editorial rules (size, links, subjects,
//! the evidence behind every resource, every term and collection in Welsh too), and broken seed files are reported by file and field.
//! Its wording is checked in `seed_wording.rs`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use catalogue::Facet;
use catalogue_cli::{load_seeds, to_catalogue_json};
use common::printed;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The fewest resources the seed catalogue may hold.
const MIN_RESOURCES: usize = 160;

/// The fewest resources each subject may have, so that no subject's page is a token one.
const MIN_PER_SUBJECT: usize = 8;

/// The smallest share of resources, in percent, that must carry a link; the rest are cited only.
const MIN_LINKED_PERCENT: usize = 85;

/// The kinds of evidence the taxonomy must always offer (the evidence issue's list), each a
/// kind's id.
const REQUIRED_KINDS: &[&str] = &[
    "randomised-controlled-trial",
    "quasi-experimental",
    "systematic-review",
    "programme-evaluation",
    "survey-or-cohort",
    "qualitative-study",
    "practice-description",
    "guidance-or-framework",
    "policy-report",
    "learning-material",
    "measurement-instrument",
    "unclear",
];

/// The standards of evidence, strongest first: the Office for Students' three types for claims
/// of impact, then the resources that make none.
const STANDARDS: &[&str] = &["causal", "empirical", "narrative", "not-impact"];

/// The collection of every resource tested with a comparison group (the causal standard).
const CAUSAL_COLLECTION: &str = "tested-with-a-comparison-group";

// Link rules for seed resources, in order of preference:
// 1. the publisher's own page, or a https://doi.org/ link when the DOI is known for certain;
// 2. an institutional open-access repository (a university's eprints or research portal holding
//    its own staff's work) when the publisher has no page for it: unlike mirrors, these are
//    legitimate, lasting open-access copies kept by the authors' institution;
// 3. otherwise no link at all (`"url": null`): the citation stands on its own.
// Never a third-party mirror of the document (the hosts below), whatever else is missing.

/// Third-party copies of documents: never the link for a resource.
const MIRROR_HOSTS: &[&str] = &[
    "vdocument",
    "vdocuments",
    "docslib",
    "issuu",
    "scribd",
    "readkong",
    "yunzhan",
    "pdfslide",
    "fdocuments",
    "ouci.dntb",
    "distantreader",
    "wikipedia",
];

#[test]
fn the_seed_catalogue_is_valid_and_complete() {
    let catalogue = load_seeds(&seeds()).unwrap_or_else(|errors| {
        panic!(
            "seed problems:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(
        catalogue.resources.len() >= MIN_RESOURCES,
        "only {} resources",
        catalogue.resources.len()
    );
    // Every pairing of an approach with a type has something to show, so no combination of the
    // two filters leads to an empty page.
    let mut empty = Vec::new();
    for approach in catalogue.taxonomy.terms(Facet::Approach) {
        for kind in catalogue.taxonomy.terms(Facet::Type) {
            if !catalogue
                .resources
                .iter()
                .any(|r| r.kind == kind.id && r.approaches.contains(&approach.id))
            {
                empty.push(format!("{} × {}", approach.id, kind.id));
            }
        }
    }
    assert!(empty.is_empty(), "no resource for: {}", empty.join(", "));
}

#[test]
fn every_subject_has_enough_resources() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let thin: Vec<String> = catalogue
        .taxonomy
        .terms(Facet::Subject)
        .iter()
        .map(|t| {
            let n = catalogue
                .resources
                .iter()
                .filter(|r| r.subjects.contains(&t.id));
            (t.id.as_str(), n.count())
        })
        .filter(|(_, n)| *n < MIN_PER_SUBJECT)
        .map(|(id, n)| format!("{id} ({n})"))
        .collect();
    assert!(
        thin.is_empty(),
        "fewer than {MIN_PER_SUBJECT} resources: {}",
        thin.join(", ")
    );
}

#[test]
fn the_evidence_taxonomy_has_every_kind_and_the_standards_strongest_first() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let taxonomy = &catalogue.taxonomy;
    for kind in REQUIRED_KINDS {
        assert!(
            taxonomy.term(Facet::Evidence, kind).is_some(),
            "no kind {kind}"
        );
    }
    let standards: Vec<&str> = taxonomy.standards.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(standards, STANDARDS);
    // Only designs with a comparison group can be causal evidence.
    for kind in ["randomised-controlled-trial", "quasi-experimental"] {
        assert_eq!(
            taxonomy.term(Facet::Evidence, kind).unwrap().standards,
            ["causal"]
        );
    }
    for kind in [
        "survey-or-cohort",
        "guidance-or-framework",
        "measurement-instrument",
        "unclear",
    ] {
        let allowed = &taxonomy.term(Facet::Evidence, kind).unwrap().standards;
        assert!(
            !allowed.iter().any(|s| s == "causal"),
            "{kind} may be causal"
        );
    }
}

#[test]
fn every_resource_says_where_its_evidence_was_read_and_none_is_left_unchecked() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let unchecked = [
        contributions::SUGGESTED_BASIS,
        catalogue_cli::add::UNCLASSIFIED_BASIS,
    ];
    for r in &catalogue.resources {
        // "Abstract: randomised trial, 616 students": the source read, then what it shows.
        let source = r.evidence_basis.split_once(": ").map(|(source, _)| source);
        assert!(
            source.is_some_and(|s| s.split_whitespace().count() <= 6),
            "{}: the basis should start with where it was read (\"Abstract: …\"): {:?}",
            r.id,
            r.evidence_basis
        );
        assert!(
            !unchecked.contains(&r.evidence_basis.as_str()),
            "{}: its evidence has not been checked against the source",
            r.id
        );
    }
}

#[test]
fn the_comparison_group_collection_holds_exactly_the_causal_evidence() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let collection = catalogue
        .collection(CAUSAL_COLLECTION)
        .expect("the collection of causal evidence");
    let mut listed: Vec<&str> = collection.items.iter().map(|i| i.id.as_str()).collect();
    let mut causal: Vec<&str> = catalogue
        .resources
        .iter()
        .filter(|r| r.standard == "causal")
        .map(|r| r.id.as_str())
        .collect();
    listed.sort_unstable();
    causal.sort_unstable();
    assert_eq!(listed, causal);
}

#[test]
fn every_term_and_collection_has_its_welsh() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let mut missing: Vec<String> = Vec::new();
    for facet in Facet::ALL {
        for term in catalogue.taxonomy.terms(facet) {
            if term.cy.is_none() {
                missing.push(format!("{} {}", facet.noun(), term.id));
            }
        }
    }
    for c in catalogue.collections.iter().filter(|c| c.cy.is_none()) {
        missing.push(format!("collection {}", c.id));
    }
    assert!(missing.is_empty(), "no Welsh for: {missing:?}");
}

#[test]
fn most_seed_resources_have_a_link() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let total = catalogue.resources.len();
    let linked = catalogue
        .resources
        .iter()
        .filter(|r| r.url.is_some())
        .count();
    assert!(
        linked * 100 >= total * MIN_LINKED_PERCENT,
        "only {linked} of {total} resources have a link; at least {MIN_LINKED_PERCENT}% must"
    );
}

#[test]
fn seed_links_are_never_mirrors() {
    let catalogue = load_seeds(&seeds()).unwrap();
    for r in &catalogue.resources {
        if let Some(url) = &r.url {
            let host = catalogue::rules::WebLink::parse(url).unwrap().host();
            assert!(
                !MIRROR_HOSTS.iter().any(|m| host.contains(m)),
                "{}: {url} is a mirror",
                r.id
            );
        }
    }
}

#[test]
fn the_built_catalogue_reads_back_identically() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let json = to_catalogue_json(&catalogue);
    assert_eq!(
        catalogue::parse_json(&json)
            .and_then(|v| catalogue::Catalogue::from_value(&v))
            .unwrap(),
        catalogue
    );
}

/// A throwaway seed folder with the real taxonomy and the given resource files.
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalogue-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("resources")).unwrap();
    fs::copy(seeds().join("taxonomy.json"), dir.join("taxonomy.json")).unwrap();
    for (file, text) in files {
        fs::write(dir.join("resources").join(file), text).unwrap();
    }
    dir
}

const GOOD: &str = r#"{"id": "good", "title": "Good", "publisher": "Org", "type": "case-study",
    "approaches": ["self-management"], "summary": "Fine.", "evidence": "practice-description",
    "standard": "narrative", "evidence_basis": "Publisher's page: describes it.", "added": "2026-11-23"}"#;

#[track_caller]
fn check(name: &str, files: &[(&str, &str)], expected: &[&str]) {
    let dir = scratch(name, files);
    let errors = load_seeds(&dir).expect_err("should be invalid");
    let got = printed(&errors, &dir);
    assert_eq!(got, expected);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn broken_json_names_the_file_line_and_column() {
    check(
        "syntax",
        &[
            ("good.json", GOOD),
            ("bad.json", "{\"id\": \"bad\",\n  \"title\" \"x\"}"),
        ],
        &["SEEDS/resources/bad.json: not valid JSON: expected `:` (line 2, column 11)"],
    );
}

#[test]
fn rule_breaks_name_the_file_and_field() {
    check(
        "rules",
        &[
            ("good.json", GOOD),
            (
                "other.json",
                &GOOD
                    .replace("\"good\"", "\"other\"")
                    .replace("case-study", "blog"),
            ),
        ],
        &[
            "SEEDS/resources/other.json: field \"type\": \"blog\" is not a known resource type (known: case-study, research-report, intervention-tool, learning-material)",
        ],
    );
}

#[test]
fn file_name_must_match_the_id() {
    check(
        "names",
        &[("renamed.json", GOOD)],
        &[
            "SEEDS/resources/renamed.json: field \"id\": \"good\" must match the file name (rename the file to good.json)",
        ],
    );
}

#[test]
fn broken_synonyms_name_the_synonyms_file_and_group() {
    let dir = scratch("synonyms", &[("good.json", GOOD)]);
    fs::write(
        dir.join("synonyms.json"),
        r#"[["uni", "university"], ["uni", "college"]]"#,
    )
    .unwrap();
    let errors = load_seeds(&dir).expect_err("should be invalid");
    let got = printed(&errors, &dir);
    assert_eq!(
        got,
        [r#"SEEDS/synonyms.json: synonym group #2, "uni" is already in synonym group #1"#]
    );
    fs::remove_dir_all(dir).unwrap();
}
