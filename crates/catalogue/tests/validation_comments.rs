//! Published comments in a catalogue document: a valid one is read with every field, listed
//! newest first on its resource and counted by the engine; every way one can be broken gives a
//! clear error naming the comment and field. Also the text rules themselves: `clean_text`
//! keeps right-to-left scripts and emoji, is idempotent and leaves no unsafe character.

mod common;

use catalogue::comment::{TEXT_MAX, clean_line, clean_text, is_unsafe_char};
use catalogue::{Engine, validate};
use common::{check, config, text, valid};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

const KEY: &str = "0f8c1f5e-3c1a-4d2b-9e4f-5a6b7c8d9e0f";

/// A valid comment on the resource "first", with `id`.
fn comment(id: &str) -> Value {
    json!({
        "id": id, "resource": "first", "name": "Sam P.", "role": "Wellbeing adviser",
        "institution": "Example University", "written": "2026-11-23", "published": "2026-11-24",
        "text": "We ran this in halls.\n\nIt needed two staff.", "key": KEY
    })
}

/// Gives the document the one comment `c`, changed by `change`.
fn with_comment(change: impl FnOnce(&mut Value)) -> impl FnOnce(&mut Value) {
    move |doc| {
        let mut c = comment("c");
        change(&mut c);
        doc["comments"] = json!([c]);
    }
}

/// The message for the comment "c" (the first) and `field`.
fn problem(field: &str, message: &str) -> String {
    format!(r#"comment #1 ("c"), field "{field}": {message}"#)
}

#[test]
fn a_valid_comment_is_read_with_every_field() {
    let mut doc = valid();
    doc["comments"] = json!([comment("2026-11-23-0f8c1f5e")]);
    let catalogue = validate(&doc).unwrap_or_else(|p| panic!("{p:?}"));
    let c = &catalogue.comments[0];
    assert_eq!(c.id, "2026-11-23-0f8c1f5e");
    assert_eq!(c.resource, "first");
    assert_eq!(
        (c.name.as_str(), c.role.as_str(), c.institution.as_str()),
        ("Sam P.", "Wellbeing adviser", "Example University")
    );
    assert_eq!(
        (c.written.as_str(), c.published.as_str()),
        ("2026-11-23", "2026-11-24")
    );
    assert_eq!(c.text, "We ran this in halls.\n\nIt needed two staff.");
    assert_eq!(c.key, KEY);
    assert_eq!(c.anchor(), "comment-2026-11-23-0f8c1f5e");
    assert_eq!(c.byline(), "Sam P., Wellbeing adviser, Example University");
    let paragraphs: Vec<&str> = c.paragraphs().collect();
    assert_eq!(
        paragraphs,
        ["We ran this in halls.", "It needed two staff."]
    );
}

#[test]
fn comments_are_listed_newest_first_and_counted_per_resource() {
    let mut doc = valid();
    let at = |id: &str, written: &str, resource: &str| {
        let mut c = comment(id);
        c["written"] = json!(written);
        c["published"] = json!("2026-12-01");
        c["resource"] = json!(resource);
        c["key"] = json!(format!("key-{id}"));
        c
    };
    doc["comments"] = json!([
        at("a", "2026-11-02", "first"),
        at("b", "2026-11-20", "first"),
        at("c", "2026-11-02", "first"),
        at("d", "2026-11-30", "second"),
    ]);
    let catalogue = validate(&doc).unwrap_or_else(|p| panic!("{p:?}"));
    let ids = |resource: &str| -> Vec<String> {
        let list = catalogue.comments_on(resource);
        list.iter().map(|c| c.id.clone()).collect()
    };
    // By the day written, then the later id first.
    assert_eq!(ids("first"), ["b", "c", "a"]);
    assert_eq!(ids("second"), ["d"]);
    assert!(ids("nowhere").is_empty());
    let engine = Engine::new(catalogue);
    let count = |id: &str| engine.comment_count(engine.position(id).unwrap());
    assert_eq!((count("first"), count("second")), (3, 1));
    assert_eq!(
        engine.comment_count(99),
        0,
        "no resource there, no comments"
    );
}

#[test]
fn a_document_without_comments_has_none() {
    let catalogue = validate(&valid()).unwrap();
    assert!(catalogue.comments.is_empty());
    let engine = Engine::new(catalogue);
    assert_eq!(engine.comment_count(0), 0);
}

#[test]
fn a_comment_on_an_unknown_resource_is_refused() {
    check(
        with_comment(|c| c["resource"] = json!("nowhere")),
        &[&problem(
            "resource",
            r#""nowhere" is not the id of a resource"#,
        )],
    );
}

#[test]
fn a_comment_needs_a_name_and_a_text() {
    check(
        with_comment(|c| {
            c["name"] = json!("  ");
            c.as_object_mut().unwrap().remove("text");
        }),
        &[
            &problem("name", "must not be empty"),
            &problem("text", "must not be empty"),
        ],
    );
}

#[test]
fn a_text_one_character_too_long_is_refused() {
    let at_limit = "é".repeat(TEXT_MAX);
    let mut doc = valid();
    doc["comments"] = json!([comment("c")]);
    doc["comments"][0]["text"] = json!(at_limit);
    assert!(validate(&doc).is_ok(), "the limit itself is allowed");
    check(
        with_comment(|c| c["text"] = json!(format!("{at_limit}a"))),
        &[&problem(
            "text",
            &format!("is too long: at most {TEXT_MAX} characters (2001 now)"),
        )],
    );
}

#[test]
fn a_name_must_be_one_line() {
    check(
        with_comment(|c| c["name"] = json!("Sam\nPatel")),
        &[&problem(
            "name",
            "must be one line, without control characters or text-direction controls",
        )],
    );
}

#[test]
fn a_text_with_a_direction_override_or_a_control_character_is_refused() {
    let message = "must have no control characters, text-direction controls, spaces at the ends of lines or more than one blank line in a row";
    for text in [
        "Safe \u{202E}txet desrever",
        "Bell\u{7} here",
        "Isolate \u{2067}x\u{2069}",
        "Trailing space \nthen more",
        "Three\n\n\nlines",
    ] {
        check(
            with_comment(|c| c["text"] = json!(text)),
            &[&problem("text", message)],
        );
    }
    check(
        with_comment(|c| c["role"] = json!("Adviser\u{202E}")),
        &[&problem(
            "role",
            "must be one line, without control characters or text-direction controls",
        )],
    );
}

#[test]
fn dates_must_be_real_days_written_yyyy_mm_dd() {
    check(
        with_comment(|c| {
            c["written"] = json!("2026-02-30");
            c["published"] = json!("24/11/2026");
        }),
        &[
            &problem(
                "written",
                r#""2026-02-30" is not a date written YYYY-MM-DD"#,
            ),
            &problem(
                "published",
                r#""24/11/2026" is not a date written YYYY-MM-DD"#,
            ),
        ],
    );
    check(
        with_comment(|c| c["published"] = Value::Null),
        &[&problem("published", "must not be empty")],
    );
}

#[test]
fn a_comment_is_not_published_before_it_was_written() {
    check(
        with_comment(|c| c["published"] = json!("2026-11-22")),
        &[&problem(
            "published",
            "must not be before the day it was written",
        )],
    );
}

#[test]
fn repeated_ids_and_keys_are_refused() {
    check(
        |doc| {
            let mut other = comment("d");
            other["key"] = json!("another-key");
            let mut again = comment("d");
            again["key"] = json!("a-third-key");
            doc["comments"] = json!([comment("c"), other, comment("e"), again]);
        },
        &[
            r#"comment #3 ("e"), field "key": is the key of an earlier comment: the same submission is published twice"#,
            r#"comment #4 ("d"), field "id": "d" is used by an earlier entry"#,
        ],
    );
}

#[test]
fn a_key_that_is_not_text_is_refused() {
    check(
        with_comment(|c| c["key"] = json!(42)),
        &[&problem(
            "key",
            "must be text (the submission's idempotency key)",
        )],
    );
}

#[test]
fn unknown_fields_are_refused() {
    check(
        with_comment(|c| c["email"] = json!("sam@example.org")),
        &[&problem(
            "email",
            "is not a known field (known: id, resource, name, role, institution, written, published, text, key)",
        )],
    );
}

#[test]
fn clean_text_keeps_right_to_left_scripts_and_emoji() {
    for text in [
        "مرحبا بالعالم 👋🏽",
        "שלום, זה עזר לנו מאוד",
        "Mixed: English then العربية then 🇬🇧 and 👩‍👩‍👧",
    ] {
        assert_eq!(clean_text(text), text);
        assert_eq!(clean_line(text), text);
    }
    assert_eq!(clean_text("\u{202B}مرحبا\u{202C} 👋"), "مرحبا 👋");
}

/// Text weighted towards what `clean_text` handles: line breaks, spaces, controls and the
/// direction controls, among ordinary and right-to-left letters and emoji.
fn messy_text() -> impl Strategy<Value = String> {
    let special = vec![
        '\n',
        '\r',
        ' ',
        '\t',
        '\u{0}',
        '\u{7}',
        '\u{85}',
        '\u{A0}',
        '\u{200E}',
        '\u{202A}',
        '\u{202E}',
        '\u{2066}',
        '\u{2069}',
        '\u{2028}',
        '\u{3000}',
        '\u{FEFF}',
        '\u{FFF9}',
        'ا',
        '👋',
        '\u{1F3FD}',
    ];
    let c = prop_oneof![
        3 => prop::char::range('a', 'e'),
        3 => select(special),
        1 => any::<char>(),
    ];
    prop::collection::vec(c, 0..80).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(config(512))]

    /// Cleaning cleaned text changes nothing, and leaves no character a comment never keeps,
    /// nor a carriage return, nor blank space at either end.
    #[test]
    fn clean_text_is_idempotent_and_leaves_nothing_unsafe(s in prop_oneof![messy_text(), text()]) {
        let once = clean_text(&s);
        prop_assert_eq!(&clean_text(&once), &once);
        prop_assert!(!once.chars().any(is_unsafe_char), "{:?}", once);
        prop_assert!(!once.contains('\r') && !once.contains("\n\n\n"), "{:?}", once);
        prop_assert_eq!(once.trim(), once.as_str());
    }

    /// The one-line rule likewise, with no line break at all.
    #[test]
    fn clean_line_is_idempotent_and_one_line(s in prop_oneof![messy_text(), text()]) {
        let once = clean_line(&s);
        prop_assert_eq!(&clean_line(&once), &once);
        prop_assert!(!once.chars().any(|c| is_unsafe_char(c) || c == '\n'), "{:?}", once);
    }
}
