//! Facet counts, filtering, keyword search, ranking and ordering, on a small hand-made catalogue.

use catalogue::{BrowseQuery, Catalogue, Engine, Facet, Relaxation, Sort};
use serde_json::json;

/// (id, title, type, approaches, subjects, summary, year, added)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    Option<u16>,
    &'static str,
);

const ROWS: &[Row] = &[
    (
        "halls",
        "Support to stay in halls",
        "case-study",
        &["social-integration"],
        &["accommodation", "belonging"],
        "How an accommodation provider and a university worked together on welfare in halls.",
        Some(2023),
        "2026-01-10",
    ),
    (
        "commuters",
        "Homeward bound",
        "research-report",
        &["social-integration"],
        &["accommodation", "commuter-students"],
        "A report on students who live at home, and how accommodation shapes their belonging.",
        Some(2018),
        "2026-02-01",
    ),
    (
        "mindful",
        "The Mindful Student Study",
        "research-report",
        &["emotional-control", "self-management"],
        &["mindfulness", "stress"],
        "A randomised trial of a mindfulness course run by Géraldine Dufour's counselling service.",
        Some(2018),
        "2026-03-01",
    ),
    (
        "careers-case",
        "Careers resilience at a northern university",
        "case-study",
        &["self-management"],
        &["careers"],
        "A careers service case study: what changed when guidance was built into the curriculum.",
        None,
        "2026-03-02",
    ),
    (
        "peer",
        "Look after your mate",
        "learning-material",
        &["social-integration", "emotional-control"],
        &["peer-support"],
        "Workshop material for students supporting a friend; studies of its use are linked.",
        Some(2014),
        "2025-12-01",
    ),
    (
        "flat-study",
        "Studying together: flat-based study groups",
        "intervention-tool",
        &["social-integration"],
        &["accommodation", "belonging"],
        "A programme that turns shared flats into study groups.",
        Some(2020),
        "2026-04-01",
    ),
];

/// Each row's kind of evidence and standard, by id.
fn evidence(id: &str) -> (&'static str, &'static str) {
    match id {
        "halls" => ("practice-description", "narrative"),
        "commuters" => ("policy-report", "not-impact"),
        "mindful" => ("randomised-controlled-trial", "causal"),
        "careers-case" => ("practice-description", "not-impact"),
        "peer" => ("learning-material", "empirical"),
        _ => ("quasi-experimental", "causal"),
    }
}

fn engine() -> Engine {
    let term = |id: &str, label: &str| json!({"id": id, "label": label});
    let kind = |id: &str, label: &str, standards: &[&str]| json!({"id": id, "label": label, "standards": standards});
    let resources: Vec<_> = ROWS
        .iter()
        .map(
            |(id, title, kind, approaches, subjects, summary, year, added)| {
                let (evidence, standard) = evidence(id);
                json!({
                    "id": id, "title": title, "publisher": "Publisher", "type": kind,
                    "approaches": approaches, "subjects": subjects, "summary": summary,
                    "evidence": evidence, "standard": standard, "evidence_basis": "Abstract.",
                    "year": year, "added": added, "country": "UK", "sector": "Higher education"
                })
            },
        )
        .collect();
    let doc = json!({
        "format": 1,
        "taxonomy": {
            "approaches": [
                term("emotional-control", "Emotional control"),
                term("self-management", "Self-management"),
                term("social-integration", "Social integration, networks and relationships"),
            ],
            "types": [
                term("case-study", "Case study"),
                term("research-report", "Research report"),
                term("intervention-tool", "Intervention tool"),
                term("learning-material", "Learning material"),
            ],
            "standards": [
                term("causal", "Causal (Type 3)"),
                term("empirical", "Empirical (Type 2)"),
                term("narrative", "Narrative (Type 1)"),
                term("not-impact", "Not an impact study"),
            ],
            "evidence": [
                kind("randomised-controlled-trial", "Randomised controlled trial", &["causal"]),
                kind("quasi-experimental", "Quasi-experimental study", &["causal"]),
                kind("learning-material", "Learning material", &["not-impact", "empirical", "causal"]),
                kind("practice-description", "Practice description", &["narrative", "not-impact"]),
                kind("policy-report", "Policy report", &["not-impact"]),
            ],
            "subjects": [
                term("accommodation", "Accommodation and residential life"),
                term("belonging", "Belonging and community"),
                term("careers", "Careers and employability"),
                term("commuter-students", "Commuter students"),
                term("mindfulness", "Mindfulness"),
                term("peer-support", "Peer support and mentoring"),
                term("stress", "Stress and anxiety"),
            ]
        },
        "resources": resources,
    });
    Engine::new(Catalogue::from_value(&doc).unwrap())
}

fn ids(engine: &Engine, hits: &[usize]) -> Vec<String> {
    hits.iter()
        .map(|&p| engine.resource(p).id.clone())
        .collect()
}

/// Runs the query given as a URL query string and checks the ids of the results, in order.
#[track_caller]
fn check(query: &str, expected: &[&str]) {
    let engine = engine();
    let mut q = BrowseQuery::parse(query);
    engine.sanitize(&mut q);
    let outcome = engine.search(&q);
    assert_eq!(ids(&engine, &outcome.hits), expected, "results of ?{query}");
}

/// Checks the counts shown beside each term of a facet for a query.
#[track_caller]
fn check_counts(query: &str, facet: Facet, expected: &[usize]) {
    let engine = engine();
    let outcome = engine.search(&BrowseQuery::parse(query));
    assert_eq!(
        outcome.counts[facet.index()],
        expected,
        "{facet:?} counts for ?{query}"
    );
}

/// Every fixture resource, in title order.
const ALL_BY_TITLE: &[&str] = &[
    "careers-case",
    "commuters",
    "peer",
    "flat-study",
    "halls",
    "mindful",
];

#[test]
fn no_query_lists_everything_by_title() {
    check("", ALL_BY_TITLE);
}

#[test]
fn terms_within_a_facet_are_alternatives() {
    check(
        "type=case-study,learning-material",
        &["careers-case", "peer", "halls"],
    );
}

#[test]
fn facets_combine_with_and() {
    check(
        "type=case-study,research-report&subject=accommodation",
        &["commuters", "halls"],
    );
    check("approach=self-management&subject=accommodation", &[]);
}

#[test]
fn counts_without_selection_are_totals() {
    check_counts("", Facet::Type, &[2, 2, 1, 1]);
    check_counts("", Facet::Subject, &[3, 2, 1, 1, 1, 1, 1]);
}

#[test]
fn counts_ignore_their_own_facet_but_respect_the_others() {
    // Selecting a type does not change the type counts: each says what adding it would give.
    check_counts("type=case-study", Facet::Type, &[2, 2, 1, 1]);
    // But it narrows the other facets to case studies.
    check_counts("type=case-study", Facet::Approach, &[0, 1, 1]);
    check_counts("type=case-study", Facet::Subject, &[1, 1, 1, 0, 0, 0, 0]);
    // And the search text narrows every facet.
    check_counts(
        "q=accommodation&type=case-study",
        Facet::Type,
        &[1, 1, 1, 0],
    );
}

#[test]
fn search_ignores_case_and_accents() {
    check("q=GERALDINE", &["mindful"]);
    check("q=g%C3%A9raldine", &["mindful"]);
}

#[test]
fn search_matches_other_forms_of_a_word() {
    // "studies" and "studying" share the stem of "study".
    check("q=studies&type=learning-material", &["peer"]);
    // "Studying" in a title outranks "study" in the type label "Case study".
    check("q=studying&subject=accommodation", &["flat-study", "halls"]);
}

#[test]
fn search_matches_word_beginnings() {
    check("q=accom&sort=title", &["commuters", "flat-study", "halls"]);
    check("q=mindf", &["mindful"]);
}

#[test]
fn every_search_word_must_match() {
    check("q=careers+curriculum", &["careers-case"]);
    let outcome = engine().search(&BrowseQuery::parse("q=careers+curriculum"));
    assert!(!outcome.partial);
}

#[test]
fn without_a_resource_matching_every_word_the_best_partial_matches_show() {
    // No resource mentions both careers and mindfulness: those mentioning either show, flagged.
    let engine = engine();
    let outcome = engine.search(&BrowseQuery::parse("q=careers+mindfulness"));
    assert!(outcome.partial);
    assert_eq!(ids(&engine, &outcome.hits), ["careers-case", "mindful"]);
    assert!(outcome.unknown_words.is_empty());
}

#[test]
fn title_matches_rank_above_summary_matches() {
    // "study" is in one title ("Studying together…"), in one summary and in the label "Case
    // study"; the title match ranks first, the label-and-summary match next, the label alone last.
    check(
        "q=study&type=intervention-tool,case-study",
        &["flat-study", "careers-case", "halls"],
    );
}

#[test]
fn case_study_accommodation_finds_case_studies_about_accommodation_first() {
    let engine = engine();
    let outcome = engine.search(&BrowseQuery::parse("q=case+study+accommodation"));
    let top = engine.resource(outcome.hits[0]);
    assert_eq!(top.id, "halls");
    assert_eq!(top.kind, "case-study");
    assert!(top.subjects.contains(&"accommodation".to_owned()));
}

#[test]
fn words_found_nowhere_are_reported() {
    let engine = engine();
    let outcome = engine.search(&BrowseQuery::parse("q=halls+zebra"));
    assert_eq!(outcome.unknown_words, ["zebra"]);
    assert_eq!(outcome.matched_words, ["halls"]);
    // The resources matching the other word still show, marked as a partial match.
    assert!(outcome.partial);
    assert_eq!(ids(&engine, &outcome.hits), ["halls"]);
}

#[test]
fn sort_orders() {
    check(
        "sort=newest",
        &[
            "flat-study",
            "careers-case",
            "mindful",
            "commuters",
            "halls",
            "peer",
        ],
    );
    // Undated resources go last.
    check(
        "sort=year",
        &[
            "halls",
            "flat-study",
            "commuters",
            "mindful",
            "peer",
            "careers-case",
        ],
    );
    check(
        "sort=title&q=accommodation",
        &["commuters", "flat-study", "halls"],
    );
}

#[test]
fn unknown_terms_in_links_are_dropped() {
    check("type=podcast", ALL_BY_TITLE);
    let engine = engine();
    let mut q = BrowseQuery::parse("subject=stress,nonsense,accommodation");
    engine.sanitize(&mut q);
    // Kept in taxonomy order.
    assert_eq!(q.to_query_string(), "subject=accommodation,stress");
}

#[test]
fn relaxations_say_what_to_remove() {
    let engine = engine();
    // Two case studies ("halls", "careers-case"); one resource mentions mindfulness ("mindful").
    let q = BrowseQuery::parse("q=mindfulness&type=case-study");
    assert!(engine.search(&q).hits.is_empty());
    assert_eq!(
        engine.relaxations(&q),
        [
            (Relaxation::RemoveText, 2),
            (Relaxation::RemoveTerm(Facet::Type, "case-study".into()), 1),
        ]
    );
    // Removing the approach alone would still find nothing, so it is not offered.
    let q = BrowseQuery::parse("q=mindfulness&type=case-study&approach=social-integration");
    assert_eq!(engine.relaxations(&q), [(Relaxation::RemoveText, 1)]);
}

#[test]
fn related_resources_share_subjects_first() {
    let engine = engine();
    let halls = engine.position("halls").unwrap();
    let related = engine.related(halls, 3);
    assert_eq!(ids(&engine, &related), ["flat-study", "commuters", "peer"]);
}

#[test]
fn sort_default_is_not_written_to_urls() {
    let q = BrowseQuery::parse("sort=relevance");
    assert_eq!(q.sort, Sort::Relevance);
    assert_eq!(q.to_query_string(), "");
}
