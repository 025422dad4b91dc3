//! Properties that hold for any input, not just the examples in the other tests: validation and
//! parsing never panic, the browse URL round trip is stable, and text folding, word splitting and
//! slugs are idempotent.
//!
//! Case counts are kept modest so the whole file runs in seconds in a debug build; failures are
//! not written to disk (the shrunk case is printed instead).

use catalogue::rules::{is_slug, slug};
use catalogue::text::{fold, index_words, words};
use catalogue::{BrowseQuery, Catalogue, Facet, LoadError, Sort, parse_json, validate_taxonomy};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value, json};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

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

/// Text values that reach the deeper checks (ids, dates, links) as well as odd ones.
const SAMPLE_TEXTS: &[&str] = &[
    "case-study",
    "self-management",
    "emotional-control",
    "careers",
    "first",
    "Case study",
    "2026-11-23",
    "2024-02-29",
    "2025-02-29",
    "2026-13-01",
    "https://example.org/x",
    "http://[::1]:8080/",
    "https://",
    "https:///path",
    "javascript:alert(1)",
    "https://exa mple.org",
    "https://é.example/ü",
    "A--b",
    "-a",
    "   ",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "😀",
];

/// Text: arbitrary Unicode, empty, samples that pass or nearly pass the rules, and very long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just(String::new()),
        3 => select(SAMPLE_TEXTS).prop_map(str::to_owned),
        2 => "[a-z0-9-]{1,12}",
        1 => (any::<String>(), 1usize..400).prop_map(|(s, n)| format!("x{s}").repeat(n)),
    ]
}

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

/// The small valid catalogue of `tests/validation.rs`.
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
fn too_deep_message() -> String {
    match LoadError::too_deep() {
        LoadError::Syntax { message, .. } => message,
        other => panic!("{other:?}"),
    }
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
];

fn nearly_json() -> impl Strategy<Value = String> {
    prop::collection::vec(select(JSON_PIECES), 0..60).prop_map(|pieces| pieces.concat())
}

/// A term id as the query accepts it, or something close to one.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}",
        1 => "[a-zA-Z0-9 ,&=%+#?-]{0,10}",
        1 => any::<String>(),
    ]
}

fn slug_id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}"
}

fn facet() -> impl Strategy<Value = Facet> {
    select(Facet::ALL.to_vec())
}

fn sort() -> impl Strategy<Value = Sort> {
    select(Sort::ALL.to_vec())
}

/// A query as the browse page builds one: search text, toggled terms and a sort.
fn browse_query(ids: impl Strategy<Value = String>) -> impl Strategy<Value = BrowseQuery> {
    (
        prop_oneof![any::<String>(), text()],
        prop::collection::vec((facet(), ids), 0..8),
        sort(),
    )
        .prop_map(|(text, toggles, sort)| {
            let mut q = BrowseQuery::default();
            q.set_text(&text);
            for (facet, id) in &toggles {
                q.toggle(*facet, id);
            }
            q.sort = sort;
            q
        })
}

/// Query-string pieces: separators, escapes (some broken) and values.
const QUERY_PIECES: &[&str] = &[
    "=",
    "&",
    ",",
    "+",
    "?",
    "%",
    "%2",
    "%2C",
    "%26",
    "%3D",
    "%20",
    "%FF",
    "%C3%A9",
    "%00",
    "case-study",
    "careers",
    "a",
    "-a",
    "A",
    "newest",
    "year",
    "title",
    "relevance",
    " ",
    "é",
    "😀",
];

const QUERY_KEYS: &[&str] = &[
    "q",
    "sort",
    "approach",
    "type",
    "subject",
    "embed",
    "utm_source",
    "typ%65",
    "Q",
    "",
];

fn query_pieces(most: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(QUERY_PIECES), 0..most).prop_map(|pieces| pieces.concat())
}

/// A raw query string: mostly `key=value` pairs with real keys and odd values, sometimes junk.
fn raw_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        4 => select(QUERY_KEYS).prop_map(str::to_owned),
        1 => query_pieces(3),
    ];
    let value = prop_oneof![
        select(&["newest", "year", "title", "relevance", "Year", "1"][..]).prop_map(str::to_owned),
        query_pieces(6),
        "[a-z0-9]{1,5}(-[a-z0-9]{1,5})?(,[ a-z0-9-]{0,6}){0,3}",
        any::<String>(),
    ];
    let pairs = prop::collection::vec((key, value), 0..6).prop_map(|pairs| {
        let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join("&")
    });
    prop_oneof![
        4 => (prop_oneof![Just(""), Just("?")], pairs).prop_map(|(q, p)| format!("{q}{p}")),
        1 => query_pieces(30),
        1 => any::<String>(),
    ]
}

/// Text for folding: any characters, weighted towards those the folding tables handle.
fn foldable_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        2 => any::<char>(),
        3 => prop::char::range(' ', '~'),
        2 => prop::char::range('\u{C0}', '\u{24F}'),
        1 => prop::char::range('\u{1E00}', '\u{1EFF}'),
        1 => prop::char::range('\u{300}', '\u{36F}'),
        1 => prop::char::range('\u{370}', '\u{4FF}'),
        1 => select(vec!['\'', '\u{2019}', 'ß', 'ẞ', 'Æ', 'œ', 'Ĳ', 'þ', 'Ø', 'ł', 'Đ', 'ı', 'İ']),
    ];
    prop::collection::vec(c, 0..60).prop_map(String::from_iter)
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

    /// The parser takes any text, including text that is nearly JSON.
    #[test]
    fn parse_json_never_panics_on_any_text(
        text in prop_oneof![any::<String>(), nearly_json()],
    ) {
        match parse_json(&text) {
            Ok(value) => prop_assert_eq!(Some(value), serde_json::from_str(&text).ok()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
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

    /// A query whose terms are all ids survives the URL exactly: a shared link opens the same
    /// search.
    #[test]
    fn browse_query_of_term_ids_survives_the_url(q in browse_query(slug_id())) {
        prop_assert_eq!(BrowseQuery::parse(&q.to_query_string()), q);
    }

    /// Whatever was toggled (the app only toggles known ids, but the type allows anything),
    /// reading the URL once gives a query whose URL reads back as itself.
    #[test]
    fn browse_query_is_stable_after_one_trip_through_the_url(q in browse_query(id())) {
        let once = BrowseQuery::parse(&q.to_query_string());
        prop_assert_eq!(BrowseQuery::parse(&once.to_query_string()), once);
    }

    /// Any query string a person types or a link checker sends reads as a query whose own URL
    /// reads back the same: the address bar settles after one redirect.
    #[test]
    fn any_query_string_reads_as_a_stable_query(s in raw_query()) {
        let q = BrowseQuery::parse(&s);
        let printed = q.to_query_string();
        prop_assert_eq!(&BrowseQuery::parse(&printed), &q, "printed as {:?}", printed);
        prop_assert_eq!(BrowseQuery::parse(&format!("?{printed}")), q);
    }

    /// Folding is applied to indexed text and to queries, sometimes to text already folded:
    /// folding twice must change nothing.
    #[test]
    fn folding_is_idempotent(s in foldable_text()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    /// The words of folded text, folded and split again, are the same words; and the indexed
    /// words of indexed words are those words (no word is split or dropped on a second pass).
    #[test]
    fn word_splitting_is_idempotent(s in foldable_text()) {
        let folded = fold(&s);
        let first: Vec<&str> = words(&folded).collect();
        let joined = fold(&first.join(" "));
        let second: Vec<&str> = words(&joined).collect();
        prop_assert_eq!(&second, &first);
        let indexed = index_words(&s);
        prop_assert_eq!(index_words(&indexed.join(" ")), indexed);
    }

    /// An id made from a title is either empty or a valid id, and making one from an id gives
    /// the id back.
    #[test]
    fn slugs_are_valid_and_idempotent(s in prop_oneof![foldable_text(), text()]) {
        let made = slug(&s);
        prop_assert!(made.is_empty() || is_slug(&made), "{:?} from {:?}", made, s);
        if !made.is_empty() {
            prop_assert_eq!(slug(&made), made);
        }
    }
}
