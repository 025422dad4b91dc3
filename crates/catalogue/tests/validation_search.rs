//! The search data in a catalogue: taxonomy terms' aliases and the synonym groups, each broken
//! one way at a time, with the message an editor sees.

mod common;

use common::{check, parse_catalogue, valid};
use serde_json::json;

#[test]
fn aliases_and_synonyms_are_read() {
    let mut doc = valid();
    doc["taxonomy"]["subjects"][0]["aliases"] = json!(["Employability", " jobs "]);
    doc["synonyms"] = json!([["uni", "University"], ["halls", "residences"]]);
    let catalogue = parse_catalogue(&doc.to_string()).unwrap();
    assert_eq!(
        catalogue.taxonomy.subjects[0].aliases,
        ["Employability", "jobs"]
    );
    assert_eq!(catalogue.synonyms[0], ["uni", "University"]);
}

#[test]
fn an_alias_repeating_a_name_of_its_facet_is_refused() {
    check(
        |d| {
            d["taxonomy"]["approaches"][0]["aliases"] = json!(["Self management", "calm"]);
            d["taxonomy"]["approaches"][1]["aliases"] = json!(["CALM", "self-management"]);
        },
        &[
            r#"approach #1 ("emotional-control"), field "aliases": "Self management" is already a name of the approach "self-management""#,
            r#"approach #2 ("self-management"), field "aliases": "CALM" is already a name of the approach "emotional-control""#,
            r#"approach #2 ("self-management"), field "aliases": "self-management" repeats this term's label or another of its aliases"#,
        ],
    );
}

#[test]
fn an_alias_must_be_text_with_something_to_search_for() {
    check(
        |d| d["taxonomy"]["subjects"][0]["aliases"] = json!(["!!", 3]),
        &[
            r#"subject #1 ("careers"), field "aliases": must be a list of text, but has a number"#,
            r#"subject #1 ("careers"), field "aliases": "!!" has no letters or digits to search for"#,
        ],
    );
}

#[test]
fn unknown_fields_in_terms_are_still_refused() {
    check(
        |d| d["taxonomy"]["subjects"][0]["alias"] = json!(["jobs"]),
        &[
            r#"subject #1 ("careers"), field "alias": is not a known field (known: id, label, description, aliases, cy)"#,
        ],
    );
}

#[test]
fn synonym_groups_are_checked_word_by_word() {
    check(
        |d| {
            d["synonyms"] = json!([
                ["uni", "university", "Uni"],
                ["university", "college"],
                ["cost of living", "money"],
                ["the", "a"],
                ["alone"],
                "halls"
            ])
        },
        &[
            r#"synonym group #1, "Uni" is in this group twice"#,
            r#"synonym group #2, "university" is already in synonym group #1"#,
            r#"synonym group #3, "cost of living" must be a single word (a phrase belongs in a taxonomy term's aliases)"#,
            r#"synonym group #4, "the" is too common to search for (a stop word or a single letter)"#,
            r#"synonym group #4, "a" is too common to search for (a stop word or a single letter)"#,
            r#"synonym group #5, needs at least two words that mean the same"#,
            r#"synonym group #6, must be a list of words, not text"#,
        ],
    );
}
