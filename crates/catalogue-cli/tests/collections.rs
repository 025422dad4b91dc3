//! Collection seed files (`seeds/collections/<id>.json`): loaded into the catalogue in order,
//! and their problems reported by file and field.

mod common;

use std::fs;
use std::path::PathBuf;

use catalogue_cli::load_seeds;
use common::{printed, real_seeds as seeds};

const GOOD: &str = r#"{"id": "good", "title": "Good", "publisher": "Org", "type": "case-study",
    "approaches": ["self-management"], "summary": "Fine.", "evidence": "practice-description",
    "standard": "narrative", "evidence_basis": "Publisher's page: describes it.", "added": "2026-11-23"}"#;

/// A throwaway seed folder with the real taxonomy, one resource and the given collections.
fn scratch(name: &str, collections: &[(&str, &str)]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("catalogue-cli-coll-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("resources")).unwrap();
    fs::create_dir_all(dir.join("collections")).unwrap();
    fs::copy(seeds().join("taxonomy.json"), dir.join("taxonomy.json")).unwrap();
    fs::write(dir.join("resources/good.json"), GOOD).unwrap();
    for (file, text) in collections {
        fs::write(dir.join("collections").join(file), text).unwrap();
    }
    dir
}

#[test]
fn collection_problems_name_the_file_and_field() {
    let dir = scratch(
        "bad",
        &[
            (
                "mixed.json",
                r#"{"id": "mixed", "title": "Mixed", "intro": "I.",
                "resources": [{"id": "good"}, {"id": "gone"}, {"id": "good"}]}"#,
            ),
            (
                "empty.json",
                r#"{"id": "empty", "title": "Empty", "intro": "I.", "resources": []}"#,
            ),
            (
                "named.json",
                r#"{"id": "other", "title": "T", "intro": "I.", "resources": [{"id": "good"}]}"#,
            ),
        ],
    );
    let errors = load_seeds(&dir).expect_err("should be invalid");
    assert_eq!(
        printed(&errors, &dir),
        [
            r#"SEEDS/collections/named.json: field "id": "other" must match the file name (rename the file to other.json)"#,
            r#"SEEDS/collections/empty.json: field "resources": must list at least one resource"#,
            r#"SEEDS/collections/mixed.json: field "resources #2": "gone" is not the id of a resource"#,
            r#"SEEDS/collections/mixed.json: field "resources #3": "good" is already listed as #1"#,
        ]
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_seed_collections_are_valid_and_large_enough() {
    let catalogue = load_seeds(&seeds()).unwrap();
    assert!(
        catalogue.collections.len() >= 4,
        "{} collections",
        catalogue.collections.len()
    );
    for required in ["resilience-in-accommodation", "careers-and-employability"] {
        assert!(catalogue.collection(required).is_some(), "no {required}");
    }
    for c in &catalogue.collections {
        assert!(
            c.items.len() >= 6,
            "{} has {} resources",
            c.id,
            c.items.len()
        );
    }
}

#[test]
fn a_resource_knows_the_collections_that_hold_it() {
    let catalogue = load_seeds(&seeds()).unwrap();
    for r in &catalogue.resources {
        let holding: Vec<&str> = catalogue
            .collections_holding(&r.id)
            .map(|c| c.id.as_str())
            .collect();
        let expected: Vec<&str> = catalogue
            .collections
            .iter()
            .filter(|c| c.items.iter().any(|item| item.id == r.id))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(holding, expected, "{}", r.id);
    }
    // Some resource is in more than one collection, and some in none.
    let counts: Vec<usize> = catalogue
        .resources
        .iter()
        .map(|r| catalogue.collections_holding(&r.id).count())
        .collect();
    assert!(counts.iter().any(|&n| n >= 2), "{counts:?}");
    assert!(counts.contains(&0));
}
