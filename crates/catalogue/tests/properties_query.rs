//! Properties of the browse URL that hold for any query: the round trip through the URL is
//! stable.
//!
//! Case counts are kept modest so the whole file runs in seconds in a debug build; failures are
//! not written to disk (the shrunk case is printed instead).

mod common;

use catalogue::{BrowseQuery, Facet, Sort};
use common::{config, text};
use proptest::prelude::*;
use proptest::sample::select;

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

proptest! {
    #![proptest_config(config(256))]

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
}
