//! The seed catalogue in `seeds/` is valid and meets the editorial rules, and broken seed files
//! are reported by file and field.

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::Facet;
use catalogue_cli::{load_seeds, to_catalogue_json};
use common::printed;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The fewest resources the seed catalogue may hold.
const MIN_RESOURCES: usize = 115;

/// The smallest share of resources, in percent, that must carry a link; the rest are cited only.
const MIN_LINKED_PERCENT: usize = 85;

/// A summary may share fewer than this many consecutive words with its source's note.
const COPIED_RUN: usize = 8;

/// Each seeded resource's source note (title, tab, note), copied from the shared
/// `catalogue-sources.tsv` so the wording check runs where that file is absent (CI).
const SOURCE_NOTES: &str = "tests/fixtures/source-notes.tsv";

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

/// Deficit wording the toolkit's stance rules out.
const DEFICIT_PHRASES: &[&str] = &[
    "resilient students",
    "vulnerable students",
    "fragile",
    "snowflake",
    "lack resilience",
    "lacking resilience",
    "fix students",
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
fn seed_wording_respects_the_stance() {
    let catalogue = load_seeds(&seeds()).unwrap();
    for r in &catalogue.resources {
        let text = format!("{} {}", r.title, r.summary).to_lowercase();
        for phrase in DEFICIT_PHRASES {
            assert!(!text.contains(phrase), "{}: summary says {phrase:?}", r.id);
        }
    }
}

/// A text's words, lowercased, with punctuation as a break: "Peer-to-peer, UK." → peer to peer uk.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first run of `n` consecutive words that `text` shares with `source`, if there is one.
fn shared_run(text: &str, source: &str, n: usize) -> Option<String> {
    let source = words(source);
    let runs: HashSet<&[String]> = source.windows(n).collect();
    words(text)
        .windows(n)
        .find(|run| runs.contains(run))
        .map(|run| run.join(" "))
}

/// The fixture's (title, note) pairs.
fn source_notes() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCE_NOTES);
    let text = fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (title, note) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: no tab in {line:?}", path.display()));
            (title.to_owned(), note.to_owned())
        })
        .collect()
}

#[test]
fn shared_runs_ignore_case_and_punctuation() {
    let source = "Trial of 3,755 students with insomnia: digital CBT reduced insomnia.";
    let close = "A TRIAL of 3,755 students (with insomnia) - digital CBT helped.";
    assert_eq!(
        shared_run(close, source, 8).as_deref(),
        Some("trial of 3 755 students with insomnia digital")
    );
    assert_eq!(
        shared_run("Digital CBT helped students sleep.", source, 8),
        None
    );
}

#[test]
fn seed_summaries_are_in_our_own_words() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let mut problems = Vec::new();
    for (title, note) in source_notes() {
        // Matched by title: a renamed resource must have its fixture line renamed too, or the
        // check would silently stop covering it.
        let Some(r) = catalogue.resources.iter().find(|r| r.title == title) else {
            problems.push(format!("{SOURCE_NOTES}: no resource is titled {title:?}"));
            continue;
        };
        if let Some(run) = shared_run(&r.summary, &note, COPIED_RUN) {
            problems.push(format!("{}: summary repeats {run:?} from its source", r.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
    "approaches": ["self-management"], "summary": "Fine.", "added": "2026-11-23"}"#;

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
