//! The catalogue's own words in Welsh: a term's and a collection's `cy`, optional in the format
//! but complete when given, and a term found by its Welsh label (Welsh diacritics folded as other
//! accents are), but a standard of evidence, like its English label, only by its aliases.

mod common;

use catalogue::{BrowseQuery, Catalogue, Engine, Facet};
use common::{check, valid};
use serde_json::json;

fn engine(change: impl FnOnce(&mut serde_json::Value)) -> Engine {
    let mut doc = valid();
    change(&mut doc);
    Engine::new(Catalogue::from_value(&doc).unwrap())
}

fn found(engine: &Engine, text: &str) -> Vec<String> {
    let mut query = BrowseQuery::default();
    query.set_text(text);
    let result = engine.search(&query);
    result
        .hits
        .iter()
        .map(|&p| engine.resource(p).id.clone())
        .collect()
}

#[test]
fn a_term_and_a_collection_keep_their_welsh() {
    let engine = engine(|doc| {
        doc["taxonomy"]["subjects"][0]["cy"] = json!({"label": "Gyrfaoedd", "description": ""});
        doc["collections"] = json!([{"id": "c", "title": "T", "intro": "I", "resources": [{"id": "first"}],
            "cy": {"title": "Teitl", "intro": "Cyflwyniad"}}]);
    });
    let catalogue = engine.catalogue();
    let careers = catalogue.taxonomy.term(Facet::Subject, "careers").unwrap();
    assert_eq!(careers.cy.as_ref().unwrap().label, "Gyrfaoedd");
    assert_eq!(
        catalogue.collections[0].cy.as_ref().unwrap().intro,
        "Cyflwyniad"
    );
    // A term without Welsh is still valid (a copy of the toolkit may be English only).
    assert!(catalogue.taxonomy.approaches[0].cy.is_none());
}

#[test]
fn welsh_given_must_be_complete() {
    check(
        |doc| {
            doc["taxonomy"]["approaches"][0]["cy"] = json!({"label": " ", "disgrifiad": "x"});
            doc["taxonomy"]["approaches"][1]["cy"] = json!("Hunanreoli");
            doc["collections"] = json!([{"id": "c", "title": "T", "intro": "I",
                "resources": [{"id": "first"}], "cy": {"title": "Teitl"}}]);
        },
        &[
            r#"approach #1 ("emotional-control"), field "cy": has an unknown field "disgrifiad" (known: label, description)"#,
            r#"approach #1 ("emotional-control"), field "cy": needs its Welsh label ("label" under "cy")"#,
            r#"approach #1 ("emotional-control"), field "cy": needs its Welsh description ("description" under "cy")"#,
            r#"approach #2 ("self-management"), field "cy": must be an object { … }, not text"#,
            r#"collection #1 ("c"), field "cy": needs its Welsh intro ("intro" under "cy")"#,
        ],
    );
}

#[test]
fn a_welsh_label_finds_the_term_and_its_resources_with_its_diacritics_folded() {
    let engine = engine(|doc| {
        doc["taxonomy"]["subjects"][0]["cy"] =
            json!({"label": "Gyrfaoedd a gŵyl", "description": ""});
        doc["taxonomy"]["approaches"][1]["cy"] = json!({"label": "Hunanreoli", "description": ""});
    });
    assert_eq!(found(&engine, "gyrfaoedd"), ["first"]);
    assert_eq!(found(&engine, "gwyl"), ["first"]);
    assert_eq!(found(&engine, "GŴYL"), ["first"]);
    assert_eq!(found(&engine, "hunanreoli"), ["first"]);
    // The search names the term, as it does for an English label.
    let mut query = BrowseQuery::default();
    query.set_text("Hunanreoli");
    let named = engine.search(&query).terms;
    assert!(named.contains(&(Facet::Approach, 1)), "{named:?}");
}

#[test]
fn a_standard_is_found_by_its_aliases_only_in_welsh_too() {
    let engine = engine(|doc| {
        doc["taxonomy"]["standards"][1]["cy"] =
            json!({"label": "Nid astudiaeth effaith", "description": ""});
    });
    assert!(found(&engine, "effaith").is_empty());
}
