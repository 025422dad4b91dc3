//! The seed catalogue answers the searches Student Services staff actually type (issue #11's
//! examples): misspellings, compounds, acronyms, a word the catalogue lacks, and a publisher.

use std::path::Path;

use catalogue::{BrowseQuery, Engine, Facet, SearchResult};
use catalogue_cli::load_seeds;

fn engine() -> Engine {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    Engine::new(load_seeds(&seeds).expect("valid seeds"))
}

fn search(engine: &Engine, text: &str) -> SearchResult {
    let mut query = BrowseQuery::default();
    query.set_text(text);
    engine.search(&query)
}

#[test]
fn misspellings_find_what_was_meant() {
    let engine = engine();
    for (typed, meant) in [
        ("accomodation", "accommodation"),
        ("resilence", "resilience"),
    ] {
        let result = search(&engine, typed);
        let exact = search(&engine, meant);
        assert!(!result.hits.is_empty(), "{typed} finds nothing");
        // Every resource the right spelling finds, the misspelling finds too.
        assert!(
            exact.hits.iter().all(|h| result.hits.contains(h)),
            "{typed}"
        );
        assert_eq!(result.did_you_mean.as_deref(), Some(meant), "{typed}");
    }
}

#[test]
fn wellbeing_is_one_word_however_it_is_written() {
    let engine = engine();
    let joined = search(&engine, "wellbeing").hits;
    assert!(joined.len() >= 30, "{}", joined.len());
    assert_eq!(search(&engine, "well-being").hits, joined);
    assert_eq!(search(&engine, "well being").hits, joined);
}

#[test]
fn an_acronym_finds_its_term() {
    let engine = engine();
    let pgr = engine
        .catalogue()
        .taxonomy
        .position(Facet::Subject, "postgraduate-research")
        .unwrap();
    for typed in ["PGR", "pgrs"] {
        let result = search(&engine, typed);
        assert_eq!(result.terms, [(Facet::Subject, pgr)], "{typed}");
        let tagged = engine.term_totals(Facet::Subject)[pgr];
        assert_eq!(result.hits.len(), tagged, "{typed}");
    }
}

#[test]
fn a_word_the_catalogue_lacks_does_not_empty_the_page() {
    let engine = engine();
    let result = search(&engine, "money headaches");
    assert!(result.partial);
    assert_eq!(result.unknown_words, ["headaches"]);
    assert_eq!(result.hits, search(&engine, "money").hits);
}

#[test]
fn a_publishers_name_ranks_its_resources_first() {
    let engine = engine();
    let result = search(&engine, "Student Minds");
    let credited = |p: usize| {
        let r = engine.resource(p);
        r.publisher.contains("Student Minds") || r.authors.iter().any(|a| a == "Student Minds")
    };
    let count = result.hits.iter().filter(|&&p| credited(p)).count();
    assert!(count >= 2, "{count}");
    assert!(result.hits[..count].iter().all(|&p| credited(p)));
}
