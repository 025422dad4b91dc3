//! Every way a resource record can be broken gives a clear error naming the entry and field
//! (syntax, document and taxonomy problems are in `validation.rs`).
//!
//! Each test starts from a small valid catalogue, breaks one thing, and checks the message.

mod common;

use common::{check, resource};
use serde_json::json;

#[test]
fn record_that_is_not_an_object() {
    check(
        |d| d["resources"][1] = json!(["second"]),
        &[r#"resource #2, must be an object { … }, not a list"#],
    );
}

#[test]
fn wrong_type_names_the_resource_and_field() {
    check(
        |d| resource(d, 1)["title"] = json!(2017),
        &[r#"resource #2 ("second"), field "title": must be text, not a number"#],
    );
}

#[test]
fn year_written_as_text() {
    check(
        |d| resource(d, 1)["year"] = json!("2017"),
        &[
            r#"resource #2 ("second"), field "year": "2017" is not a plausible publication year: use a whole number from 1850 to 2100, or null when unknown"#,
        ],
    );
}

#[test]
fn misspelt_field_is_refused_not_ignored() {
    check(
        |d| {
            let r = resource(d, 0).as_object_mut().unwrap();
            let summary = r.remove("summary").unwrap();
            r.insert("sumary".into(), summary);
        },
        &[
            r#"resource #1 ("first"), field "sumary": is not a known field (known: id, title, authors, et_al, publisher, year, type, approaches, subjects, country, sector, summary, evidence, standard, evidence_basis, url, added)"#,
            r#"resource #1 ("first"), field "summary": must not be empty"#,
        ],
    );
}

#[test]
fn an_unknown_kind_of_evidence_is_refused() {
    check(
        |d| resource(d, 0)["evidence"] = json!("anecdote"),
        &[
            r#"resource #1 ("first"), field "evidence": "anecdote" is not a known kind of evidence (known: trial, survey)"#,
        ],
    );
}

#[test]
fn evidence_standard_and_basis_are_required() {
    check(
        |d| {
            let r = resource(d, 1).as_object_mut().unwrap();
            r.remove("evidence");
            r.remove("standard");
            r.insert("evidence_basis".into(), json!("  "));
        },
        &[
            r#"resource #2 ("second"), field "evidence": must not be empty"#,
            r#"resource #2 ("second"), field "standard": must not be empty"#,
            r#"resource #2 ("second"), field "evidence_basis": must not be empty"#,
        ],
    );
}

#[test]
fn a_standard_the_kind_of_evidence_cannot_meet_is_refused() {
    // A survey describes; it cannot be causal evidence, whatever a record claims.
    check(
        |d| resource(d, 1)["standard"] = json!("causal"),
        &[
            r#"resource #2 ("second"), field "standard": "causal" does not fit the kind of evidence "survey" (it may be: not-impact)"#,
        ],
    );
    check(
        |d| resource(d, 1)["standard"] = json!("type-4"),
        &[
            r#"resource #2 ("second"), field "standard": "type-4" is not a known standard of evidence (known: causal, not-impact)"#,
        ],
    );
}

#[test]
fn an_evidence_basis_longer_than_a_sentence_is_refused() {
    check(
        |d| resource(d, 0)["evidence_basis"] = json!("Abstract: ".repeat(21)),
        &[
            r#"resource #1 ("first"), field "evidence_basis": is 209 characters long: say in one sentence of at most 200 what the classification rests on"#,
        ],
    );
}

#[test]
fn missing_required_field() {
    check(
        |d| {
            resource(d, 0).as_object_mut().unwrap().remove("title");
        },
        &[r#"resource #1 ("first"), field "title": must not be empty"#],
    );
}

#[test]
fn list_field_written_as_text() {
    check(
        |d| resource(d, 1)["approaches"] = json!("self-management"),
        &[
            r#"resource #2 ("second"), field "approaches": must be a list [ … ], not text"#,
            r#"resource #2 ("second"), field "approaches": needs at least one approach"#,
        ],
    );
}

#[test]
fn list_with_an_item_that_is_not_text() {
    check(
        |d| resource(d, 0)["authors"] = json!(["A Person", 7]),
        &[r#"resource #1 ("first"), field "authors": must be a list of text, but has a number"#],
    );
}

#[test]
fn duplicate_ids() {
    check(
        |d| resource(d, 1)["id"] = json!("first"),
        &[r#"resource #2 ("first"), field "id": "first" is used by an earlier entry"#],
    );
}

#[test]
fn id_that_is_not_a_slug() {
    check(
        |d| resource(d, 1)["id"] = json!("Second Entry"),
        &[
            r#"resource #2 ("Second Entry"), field "id": "Second Entry" must use only lowercase letters, digits and single hyphens (like "case-study")"#,
        ],
    );
}

#[test]
fn empty_title() {
    check(
        |d| resource(d, 0)["title"] = json!("   "),
        &[r#"resource #1 ("first"), field "title": must not be empty"#],
    );
}

#[test]
fn empty_summary() {
    check(
        |d| resource(d, 0)["summary"] = json!(""),
        &[r#"resource #1 ("first"), field "summary": must not be empty"#],
    );
}

#[test]
fn no_author_and_no_publisher() {
    check(
        |d| {
            resource(d, 0)["authors"] = json!([" "]);
            resource(d, 0)["publisher"] = json!("");
        },
        &[r#"resource #1 ("first"), field "authors": give at least one author or a publisher"#],
    );
}

#[test]
fn unknown_approach() {
    check(
        |d| resource(d, 0)["approaches"] = json!(["social"]),
        &[
            r#"resource #1 ("first"), field "approaches": "social" is not a known approach (known: emotional-control, self-management)"#,
        ],
    );
}

#[test]
fn unknown_type() {
    check(
        |d| resource(d, 0)["type"] = json!("podcast"),
        &[
            r#"resource #1 ("first"), field "type": "podcast" is not a known resource type (known: case-study)"#,
        ],
    );
}

#[test]
fn unknown_subject() {
    check(
        |d| resource(d, 0)["subjects"] = json!(["careers", "housing"]),
        &[
            r#"resource #1 ("first"), field "subjects": "housing" is not a known subject (known: careers)"#,
        ],
    );
}

#[test]
fn no_approach() {
    check(
        |d| resource(d, 0)["approaches"] = json!([]),
        &[r#"resource #1 ("first"), field "approaches": needs at least one approach"#],
    );
}

#[test]
fn approach_listed_twice() {
    check(
        |d| resource(d, 0)["approaches"] = json!(["self-management", "self-management"]),
        &[r#"resource #1 ("first"), field "approaches": "self-management" is listed twice"#],
    );
}

#[test]
fn link_that_is_not_http() {
    check(
        |d| resource(d, 0)["url"] = json!("javascript:alert(1)"),
        &[
            r#"resource #1 ("first"), field "url": must be a web link starting with https:// or http:// (got "javascript:alert(1)")"#,
        ],
    );
    check(
        |d| resource(d, 0)["url"] = json!("ftp://example.org/x"),
        &[
            r#"resource #1 ("first"), field "url": must be a web link starting with https:// or http:// (got "ftp://example.org/x")"#,
        ],
    );
}

#[test]
fn link_with_spaces() {
    check(
        |d| resource(d, 0)["url"] = json!("https://example.org/a b"),
        &[
            r#"resource #1 ("first"), field "url": must not contain spaces (got "https://example.org/a b")"#,
        ],
    );
}

#[test]
fn link_without_host() {
    check(
        |d| resource(d, 0)["url"] = json!("https:///path"),
        &[r#"resource #1 ("first"), field "url": has no host name (got "https:///path")"#],
    );
}

#[test]
fn implausible_year() {
    for (year, written) in [
        (json!(17), "17"),
        (json!(-1), "-1"),
        (json!(2017.5), "a decimal number"),
        (json!(99999), "99999"),
        (json!([2017]), "a list"),
    ] {
        check(
            |d| resource(d, 0)["year"] = year.clone(),
            &[&format!(
                r#"resource #1 ("first"), field "year": {written} is not a plausible publication year: use a whole number from 1850 to 2100, or null when unknown"#
            )],
        );
    }
}

#[test]
fn date_added_that_is_not_a_date() {
    check(
        |d| resource(d, 0)["added"] = json!("23/11/2026"),
        &[r#"resource #1 ("first"), field "added": "23/11/2026" is not a date written YYYY-MM-DD"#],
    );
}

#[test]
fn et_al_is_true_or_false_and_follows_a_named_author() {
    check(
        |d| {
            resource(d, 0)["et_al"] = json!("yes");
            resource(d, 1)["et_al"] = json!(true);
        },
        &[
            r#"resource #1 ("first"), field "et_al": must be true or false, not text"#,
            r#"resource #2 ("second"), field "et_al": needs at least one author named first"#,
        ],
    );
}
