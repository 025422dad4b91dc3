//! Every way a catalogue can be broken gives a clear error naming the entry and field.
//!
//! Each test starts from a small valid catalogue, breaks one thing, and checks the message.

use catalogue::{Catalogue, LoadError, parse_json};
use serde_json::{Value, json};

fn valid() -> Value {
    json!({
        "format": 1,
        "taxonomy": {
            "approaches": [
                {"id": "emotional-control", "label": "Emotional control", "description": "d"},
                {"id": "self-management", "label": "Self-management"}
            ],
            "types": [{"id": "case-study", "label": "Case study"}],
            "subjects": [{"id": "careers", "label": "Careers"}]
        },
        "resources": [
            {
                "id": "first", "title": "First", "authors": ["A Person"], "publisher": "Org",
                "year": 2017, "type": "case-study", "approaches": ["self-management"],
                "subjects": ["careers"], "country": "UK", "sector": "Higher education",
                "summary": "A summary.", "url": "https://example.org/first", "added": "2026-11-23"
            },
            {
                "id": "second", "title": "Second", "publisher": "Org", "type": "case-study",
                "approaches": ["emotional-control"], "summary": "Another.", "url": null,
                "added": "2026-11-23"
            }
        ]
    })
}

/// Breaks the valid catalogue with `mutate` and checks that loading it reports exactly the
/// `expected` lines.
#[track_caller]
fn check(mutate: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut doc = valid();
    mutate(&mut doc);
    check_text(&doc.to_string(), expected);
}

/// The catalogue in `text`, as the CLI and the static pages read it.
fn parse_catalogue(text: &str) -> Result<Catalogue, LoadError> {
    Catalogue::from_value(&parse_json(text)?)
}

#[track_caller]
fn check_text(text: &str, expected: &[&str]) {
    match parse_catalogue(text) {
        Ok(_) => panic!("expected {expected:?}, but the catalogue loaded"),
        Err(e) => assert_eq!(e.lines(), expected, "errors for {text}"),
    }
}

fn resource(doc: &mut Value, index: usize) -> &mut Value {
    &mut doc["resources"][index]
}

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
            message: "key must be a string".to_owned(),
            at: Some((2, 16)),
        }
    );
    assert_eq!(
        err.to_string(),
        "not valid JSON: key must be a string (line 2, column 16)"
    );
}

#[test]
fn syntax_errors_from_browsers_keep_their_position() {
    // The app parses with the browser's JSON.parse; these are its messages.
    let cases = [
        (
            "Expected double-quoted property name in JSON at position 37 (line 3 column 16)",
            "Expected double-quoted property name",
            Some((3, 16)),
        ),
        (
            "JSON.parse: expected double-quoted property name at line 3 column 16 of the JSON data",
            "expected double-quoted property name",
            Some((3, 16)),
        ),
        (
            "Unexpected non-whitespace character after JSON at position 9 (line 1 column 10)",
            "Unexpected non-whitespace character after JSON",
            Some((1, 10)),
        ),
        (
            "Unexpected token '<', \"<html>an e\"... is not valid JSON",
            "Unexpected token '<', \"<html>an e\"... is not valid JSON",
            None,
        ),
        (
            "JSON Parse error: Expected '}'",
            "JSON Parse error: Expected '}'",
            None,
        ),
        (
            "Unexpected end of JSON input",
            "Unexpected end of JSON input",
            None,
        ),
    ];
    for (browser, message, at) in cases {
        let err = LoadError::from_parser_message(browser);
        assert_eq!(
            err,
            LoadError::Syntax {
                message: message.to_owned(),
                at
            },
            "{browser}"
        );
    }
    assert_eq!(
        LoadError::from_parser_message("Unexpected end of JSON input").to_string(),
        "not valid JSON: Unexpected end of JSON input"
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
            r#"resource #1 ("first"), field "sumary": is not a known field (known: id, title, authors, publisher, year, type, approaches, subjects, country, sector, summary, url, added)"#,
            r#"resource #1 ("first"), field "summary": must not be empty"#,
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
