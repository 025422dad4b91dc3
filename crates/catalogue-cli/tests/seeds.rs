//! The seed catalogue in `seeds/` is valid and meets the editorial rules, and broken seed files
//! are reported by file and field.

use std::fs;
use std::path::{Path, PathBuf};

use catalogue::Facet;
use catalogue_cli::{load_seeds, to_catalogue_json};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

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
        catalogue.resources.len() >= 60,
        "only {} resources",
        catalogue.resources.len()
    );
    for facet in [Facet::Approach, Facet::Type] {
        for term in catalogue.taxonomy.terms(facet) {
            assert!(
                catalogue
                    .resources
                    .iter()
                    .any(|r| r.terms(facet).contains(&term.id)),
                "no resource has {} {:?}",
                facet.noun(),
                term.id
            );
        }
    }
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
    let got: Vec<String> = errors
        .iter()
        .map(|e| e.to_string().replace(&dir.display().to_string(), "SEEDS"))
        .collect();
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
    let got: Vec<String> = errors
        .iter()
        .map(|e| e.to_string().replace(&dir.display().to_string(), "SEEDS"))
        .collect();
    assert_eq!(
        got,
        [r#"SEEDS/synonyms.json: synonym group #2, "uni" is already in synonym group #1"#]
    );
    fs::remove_dir_all(dir).unwrap();
}
