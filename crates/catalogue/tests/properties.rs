//! Properties that hold for any input, not just the examples in the other tests: validation and
//! parsing never panic. (The browse URL round trip is in `properties_query.rs`; folding, word
//! splitting and slugs are in `properties_text.rs`.)
//!
//! Case counts are kept modest so the whole file runs in seconds in a debug build; failures are
//! not written to disk (the shrunk case is printed instead).

mod common;

use catalogue::rules::is_slug;
use catalogue::{Catalogue, LoadError, parse_json, validate_taxonomy};
use common::{config, text, valid};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value};

/// Every key the catalogue format names, so generated objects often look like real records.
const FIELD_NAMES: &[&str] = &[
    "format",
    "taxonomy",
    "resources",
    "approaches",
    "types",
    "subjects",
    "id",
    "label",
    "description",
    "title",
    "authors",
    "publisher",
    "year",
    "type",
    "country",
    "sector",
    "summary",
    "url",
    "added",
];

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..4).prop_map(Value::from),
        (1840u64..2110).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // NaN and infinities have no JSON form; `Value::from` makes them null.
        any::<f64>().prop_map(Value::from),
        (-3000.0f64..3000.0).prop_map(Value::from),
    ]
}

/// An object key: mostly the format's own field names, sometimes anything.
fn key(names: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(names).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value, nested a few levels, with object keys drawn mostly from `names`.
fn json_value(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(names), inner), 0..10)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The JSON pointer of every value inside `value` (the root is "").
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(object) => {
            for (k, item) in object {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// One change to a document: the value at a place replaced, removed, or a key added beside it.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(Index, Value),
    Remove(Index),
    Insert(Index, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), json_value(FIELD_NAMES)).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => (any::<Index>(), key(FIELD_NAMES), json_value(FIELD_NAMES))
            .prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
    ]
}

/// The valid catalogue with one mutation applied.
fn mutated(mutation: &Mutation) -> Value {
    let mut doc = valid();
    let mut places = Vec::new();
    pointers(&doc, String::new(), &mut places);
    match mutation {
        Mutation::Replace(i, value) => {
            *doc.pointer_mut(i.get(&places).as_str()).unwrap() = value.clone()
        }
        Mutation::Remove(i) => {
            let place = i.get(&places).as_str();
            if let Some((parent, last)) = place.rsplit_once('/') {
                let last = last.replace("~1", "/").replace("~0", "~");
                match doc.pointer_mut(parent).unwrap() {
                    Value::Object(object) => _ = object.remove(&last),
                    Value::Array(items) => _ = items.remove(last.parse::<usize>().unwrap()),
                    _ => unreachable!(),
                }
            }
        }
        Mutation::Insert(i, key, value) => {
            let place = i.get(&places).as_str();
            if let Some(Value::Object(object)) = doc.pointer_mut(place) {
                object.insert(key.clone(), value.clone());
            } else if let Some(Value::Array(items)) = doc.pointer_mut(place) {
                items.push(value.clone());
            }
        }
    }
    doc
}

/// Checks what validation says about `doc`: it returns, and every problem can be read.
fn check_validation(doc: &Value) -> Result<(), TestCaseError> {
    match Catalogue::from_value(doc) {
        Ok(catalogue) => {
            for r in &catalogue.resources {
                prop_assert!(is_slug(&r.id), "{r:?}");
                prop_assert!(!r.title.is_empty() && !r.summary.is_empty(), "{r:?}");
            }
        }
        Err(LoadError::Invalid(problems)) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(!p.to_string().is_empty(), "{p:?}");
            }
        }
        Err(other) => prop_assert!(false, "validation gave a syntax error: {other:?}"),
    }
    if let Err(problems) = validate_taxonomy(doc) {
        prop_assert!(!problems.is_empty());
        for p in &problems {
            prop_assert!(!p.to_string().is_empty(), "{p:?}");
        }
    }
    Ok(())
}

/// The message of the too-deep error, whatever its position.
fn too_deep_message() -> &'static str {
    catalogue::json::TOO_DEEP
}

/// JSON-ish pieces, so generated text is often nearly JSON and reaches the parser's inner errors.
const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"a\"",
    "\"format\"",
    "1",
    "-",
    "0.5e",
    "1e400",
    "-0",
    "true",
    "null",
    "nul",
    " ",
    "\n",
    "\\u",
    "\\ud800",
    "\\",
    "é",
    "\u{0}",
    "\\udc00",
    "\\u00e9",
    "\\n",
    "01",
    "0",
    "\t",
    "x",
    "tru",
    "1.",
    "E+2",
    "18446744073709551616",
];

fn nearly_json() -> impl Strategy<Value = String> {
    prop::collection::vec(select(JSON_PIECES), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config(256))]

    /// A catalogue is read from whatever a person or a broken tool wrote: no document may crash
    /// the app or the CLI, only give problems.
    #[test]
    fn validation_never_panics_on_any_json(doc in json_value(FIELD_NAMES)) {
        check_validation(&doc)?;
    }

    /// The same, for documents that are valid but for one field: these reach every rule, where
    /// random documents mostly stop at the first wrong type.
    #[test]
    fn validation_never_panics_on_a_valid_catalogue_with_one_field_changed(m in mutation()) {
        check_validation(&mutated(&m))?;
    }

    /// Nesting deeper than the limit is refused with the readable error instead of exhausting
    /// the stack, whether the text is arrays, objects or both, closed or cut short.
    #[test]
    fn parse_json_refuses_deep_nesting_rather_than_overflowing(
        depth in prop_oneof![1usize..200, 1usize..5000],
        objects in prop::collection::vec(any::<bool>(), 1..16),
        closed in any::<bool>(),
    ) {
        let kinds: Vec<bool> = (0..depth).map(|level| objects[level % objects.len()]).collect();
        let open: String = kinds.iter().map(|&o| if o { "{\"a\":" } else { "[" }).collect();
        let close: String = kinds.iter().rev().map(|&o| if o { '}' } else { ']' }).collect();
        let text = if closed { format!("{open}1{close}") } else { open };
        match parse_json(&text) {
            Err(LoadError::Syntax { message, .. }) if depth > catalogue::load::MAX_DEPTH => {
                prop_assert_eq!(message, too_deep_message());
            }
            Ok(_) => prop_assert!(closed && depth <= catalogue::load::MAX_DEPTH),
            Err(LoadError::Syntax { message, .. }) => {
                prop_assert!(!closed, "depth {depth}: {message}");
                prop_assert_ne!(message, too_deep_message());
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}

/// What serde_json makes of `text`: the value, or its message and position.
fn serde_json_reading(text: &str) -> Result<serde_json::Value, (String, (usize, usize))> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        (message.to_owned(), (e.line(), e.column()))
    })
}

proptest! {
    #![proptest_config(config(4096))]

    /// The parser reads any text exactly as serde_json does: the same values from the same
    /// documents, and the same errors at the same places (serde_json counts columns in bytes,
    /// the parser in characters, so positions are compared on ASCII text; and serde_json places
    /// a number out of range where its exponent overflowed, the parser at the number's end).
    #[test]
    fn parse_json_reads_any_text_as_serde_json_does(
        text in prop_oneof![any::<String>(), nearly_json()],
    ) {
        match (parse_json(&text), serde_json_reading(&text)) {
            (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs),
            (Err(LoadError::Syntax { message, at }), Err((theirs, their_at))) => {
                if message == too_deep_message() {
                    prop_assert_eq!(theirs.as_str(), "recursion limit exceeded");
                } else {
                    prop_assert_eq!(message, theirs.as_str());
                }
                if text.is_ascii() && message != "number out of range" {
                    prop_assert_eq!(at, their_at);
                }
            }
            (ours, theirs) => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
}
