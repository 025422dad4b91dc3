//! Collections: curated, ordered lists of resources. Every way one can be broken gives a clear
//! error naming the collection and field; a valid one keeps its order and notes.

mod common;

use catalogue::validate;
use common::{check, valid};
use serde_json::json;

fn with_collections(collections: serde_json::Value) -> impl FnOnce(&mut serde_json::Value) {
    move |d| d["collections"] = collections
}

#[test]
fn a_valid_collection_keeps_its_order_and_notes() {
    let mut doc = valid();
    doc["collections"] = json!([{
        "id": "starting-out", "title": "Starting out", "intro": "Why these.",
        "resources": [{"id": "second", "note": "Read this first."}, {"id": "first"}]
    }]);
    let catalogue = validate(&doc).unwrap();
    let c = catalogue.collection("starting-out").unwrap();
    let ids: Vec<_> = c
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.note.as_str()))
        .collect();
    assert_eq!(ids, [("second", "Read this first."), ("first", "")]);
}

#[test]
fn unknown_and_repeated_resources_are_named_by_position() {
    check(
        with_collections(json!([{
            "id": "c", "title": "C", "intro": "I.",
            "resources": [{"id": "first"}, {"id": "nowhere"}, {"id": "first"}]
        }])),
        &[
            r#"collection #1 ("c"), field "resources #2": "nowhere" is not the id of a resource"#,
            r#"collection #1 ("c"), field "resources #3": "first" is already listed as #1"#,
        ],
    );
}

#[test]
fn an_empty_collection_and_missing_texts_are_refused() {
    check(
        with_collections(json!([{"id": "c", "title": " ", "resources": []}])),
        &[
            r#"collection #1 ("c"), field "title": must not be empty"#,
            r#"collection #1 ("c"), field "intro": must not be empty"#,
            r#"collection #1 ("c"), field "resources": must list at least one resource"#,
        ],
    );
}

#[test]
fn unknown_fields_bad_entries_and_repeated_ids_are_refused() {
    check(
        with_collections(json!([
            {"id": "c", "title": "C", "intro": "I.", "colour": "red",
             "resources": ["first", {"id": "second", "why": "x"}, {"note": "no id"}]},
            {"id": "c", "title": "Again", "intro": "I.", "resources": [{"id": "first"}]}
        ])),
        &[
            r#"collection #1 ("c"), field "colour": is not a known field (known: id, title, intro, resources, cy)"#,
            r#"collection #1 ("c"), field "resources #1": must be an object { … }, not text"#,
            r#"collection #1 ("c"), field "resources #2": has an unknown field "why" (known: id, note)"#,
            r#"collection #1 ("c"), field "resources #3": needs the "id" of a resource"#,
            r#"collection #2 ("c"), field "id": "c" is used by an earlier entry"#,
        ],
    );
}

#[test]
fn whats_new_groups_by_month_newest_first() {
    let mut doc = valid();
    let resources = doc["resources"].as_array_mut().unwrap();
    let mut third = resources[0].clone();
    third["id"] = json!("third");
    third["title"] = json!("A third");
    resources.push(third);
    doc["resources"][0]["added"] = json!("2026-10-05");
    doc["resources"][1]["added"] = json!("2026-11-02");
    doc["resources"][2]["added"] = json!("2026-10-05");
    let catalogue = validate(&doc).unwrap();
    let months = catalogue::recent::by_month(&catalogue);
    let got: Vec<_> = months
        .iter()
        .map(|m| (m.label.as_str(), m.key.as_str(), m.positions.clone()))
        .collect();
    // Same day: by title ("A third" before "First").
    assert_eq!(
        got,
        [
            ("November 2026", "2026-11", vec![1]),
            ("October 2026", "2026-10", vec![2, 0])
        ]
    );
}
