//! Every way a catalogue can be broken gives a clear error naming the entry and field: here,
//! syntax errors and problems with the document as a whole or its taxonomy (problems with
//! resource records are in `validation_resources.rs`).
//!
//! Each test starts from a small valid catalogue, breaks one thing, and checks the message.

mod common;

use catalogue::{LoadError, parse_json};
use common::{check, check_text, parse_catalogue, resource, valid};
use serde_json::json;

#[test]
fn the_fixture_itself_is_valid() {
    let catalogue = parse_catalogue(&valid().to_string()).unwrap();
    assert_eq!(catalogue.resources.len(), 2);
    assert_eq!(catalogue.resources[1].year, None);
    assert_eq!(catalogue.resources[1].url, None);
}

#[test]
fn malformed_json_names_line_and_column() {
    check_text(
        "{\n  \"format\": 1,\n  \"taxonomy\": {,\n}",
        &["not valid JSON: key must be a string (line 3, column 16)"],
    );
}

#[test]
fn truncated_json_is_a_syntax_error() {
    let text = valid().to_string();
    let err = parse_catalogue(&text[..text.len() / 2]).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
}

#[test]
fn trailing_text_after_the_document_is_a_syntax_error() {
    let err = parse_catalogue(&format!("{} extra", valid())).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let err = parse_catalogue("{\n  \"taxonomy\": {,}\n}").unwrap_err();
    assert_eq!(
        err,
        LoadError::Syntax {
            message: "key must be a string",
            at: (2, 16),
        }
    );
    assert_eq!(
        err.to_string(),
        "not valid JSON: key must be a string (line 2, column 16)"
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_readably() {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    check_text(
        &deep,
        &["not valid JSON: nested more than 127 arrays or objects deep (line 1, column 128)"],
    );
    let within = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(parse_json(&within).is_ok());
}

#[test]
fn document_that_is_not_an_object() {
    check_text("[1, 2]", &["must be an object { … }, not a list"]);
}

#[test]
fn duplicate_taxonomy_term() {
    check(
        |d| d["taxonomy"]["approaches"][1]["id"] = json!("emotional-control"),
        &[
            r#"approach #2 ("emotional-control"), field "id": "emotional-control" is used by an earlier entry"#,
            // The resource that used the now-missing term is reported too.
            r#"resource #1 ("first"), field "approaches": "self-management" is not a known approach (known: emotional-control, emotional-control)"#,
        ],
    );
}

#[test]
fn taxonomy_term_without_label() {
    check(
        |d| d["taxonomy"]["subjects"][0]["label"] = json!(""),
        &[r#"subject #1 ("careers"), field "label": must not be empty"#],
    );
}

#[test]
fn empty_taxonomy_facet() {
    check(
        |d| {
            d["taxonomy"]["subjects"] = json!([]);
            resource(d, 0)["subjects"] = json!([]);
        },
        &[r#"field "subjects": the taxonomy needs at least one subject"#],
    );
}

#[test]
fn a_kind_of_evidence_names_the_standards_it_may_meet() {
    check(
        |d| {
            let evidence = &mut d["taxonomy"]["evidence"];
            evidence[0]["standards"] = json!(["causal", "type-4", "causal"]);
            evidence[1].as_object_mut().unwrap().remove("standards");
            resource(d, 1)["standard"] = json!("causal");
        },
        &[
            r#"kind of evidence #1 ("trial"), field "standards": "type-4" is not a known standard of evidence (known: causal, not-impact)"#,
            r#"kind of evidence #1 ("trial"), field "standards": "causal" is listed twice"#,
            r#"kind of evidence #2 ("survey"), field "standards": needs the standards of evidence this kind may stand at, the usual one first"#,
            r#"resource #2 ("second"), field "standard": "causal" does not fit the kind of evidence "survey" (it may be: )"#,
        ],
    );
}

#[test]
fn only_a_kind_of_evidence_names_standards() {
    check(
        |d| d["taxonomy"]["subjects"][0]["standards"] = json!(["causal"]),
        &[
            r#"subject #1 ("careers"), field "standards": is not a known field (known: id, label, description, aliases, cy)"#,
        ],
    );
}

#[test]
fn unsupported_format_version() {
    check(
        |d| d["format"] = json!(2),
        &[
            r#"field "format": format 2 is not supported; this version of the toolkit reads format 1"#,
        ],
    );
}

#[test]
fn missing_sections() {
    check(
        |d| {
            let doc = d.as_object_mut().unwrap();
            doc.remove("format");
            doc.remove("resources");
        },
        &[
            r#"field "format": is missing (use 1)"#,
            r#"field "resources": is missing"#,
        ],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    check(
        |d| {
            resource(d, 0)["title"] = json!("");
            resource(d, 0)["url"] = json!("www.example.org");
            resource(d, 1)["type"] = json!("blog");
        },
        &[
            r#"resource #1 ("first"), field "title": must not be empty"#,
            r#"resource #1 ("first"), field "url": must be a web link starting with https:// or http:// (got "www.example.org")"#,
            r#"resource #2 ("second"), field "type": "blog" is not a known resource type (known: case-study)"#,
        ],
    );
}
