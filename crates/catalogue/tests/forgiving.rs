//! Search that forgives: typos, word forms and compounds, synonyms and aliases, partial
//! matches, phrases, names, "did you mean", highlighting, and the terms a search names. One
//! test per rule, each asserting the order of the results.

use catalogue::highlight::mark;
use catalogue::{BrowseQuery, Catalogue, Engine, Facet, SearchResult};
use serde_json::json;

/// (id, title, publisher, subjects, summary)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
);

const ROWS: &[Row] = &[
    (
        "joined",
        "Student wellbeing at work",
        "Org",
        &["general"],
        "Plain.",
    ),
    (
        "hyphen",
        "Well-being in halls",
        "Org",
        &["accommodation"],
        "Plain.",
    ),
    (
        "spaced",
        "Well being explained",
        "Org",
        &["general"],
        "Plain.",
    ),
    ("apart", "Being well", "Org", &["general"], "Plain."),
    ("care", "A duty of care", "Org", &["general"], "Plain."),
    ("careers", "Careers guidance", "Org", &["careers"], "Plain."),
    ("core", "Core values", "Org", &["general"], "Plain."),
    (
        "resilience",
        "Building resilience",
        "Org",
        &["general"],
        "Plain.",
    ),
    (
        "money",
        "Money advice for students",
        "Org",
        &["money"],
        "Help with money.",
    ),
    (
        "budget",
        "Budgeting skills",
        "Org",
        &["money"],
        "Finance made plain.",
    ),
    (
        "minds",
        "Peer support guide",
        "Student Minds",
        &["general"],
        "Plain.",
    ),
    (
        "mindful1",
        "Mindful students",
        "Org",
        &["general"],
        "Mindfulness for students.",
    ),
    (
        "mindful2",
        "Minds at ease: student mindfulness",
        "Org",
        &["general"],
        "Plain.",
    ),
    (
        "pgr",
        "Doctoral wellbeing",
        "Org",
        &["postgraduate-research"],
        "Plain.",
    ),
    (
        "peer-adjacent",
        "Peer mentoring schemes",
        "Org",
        &["general"],
        "Plain.",
    ),
    (
        "peer-apart",
        "Mentoring by peer groups",
        "Org",
        &["general"],
        "Plain.",
    ),
];

fn engine() -> Engine {
    let term = |id: &str, label: &str| json!({"id": id, "label": label});
    let resources: Vec<_> = ROWS
        .iter()
        .map(|(id, title, publisher, subjects, summary)| {
            json!({
                "id": id, "title": title, "publisher": publisher, "type": "case-study",
                "approaches": ["self-management"], "subjects": subjects, "summary": summary,
                "evidence": "unclear", "standard": "not-impact", "evidence_basis": "Not stated.",
                "added": "2026-11-01"
            })
        })
        .collect();
    let doc = json!({
        "format": 1,
        "taxonomy": {
            "approaches": [term("self-management", "Self-management")],
            "types": [term("case-study", "Study")],
            "standards": [term("not-impact", "Not an impact study")],
            "evidence": [{"id": "unclear", "label": "Unclear", "standards": ["not-impact"]}],
            "subjects": [
                {"id": "accommodation", "label": "Accommodation", "aliases": ["residences"]},
                term("careers", "Careers"),
                term("money", "Money"),
                {"id": "postgraduate-research", "label": "Postgraduate researchers",
                 "aliases": ["PGR", "PGRs"]},
                term("general", "General"),
            ]
        },
        "resources": resources,
        "synonyms": [["money", "finance"], ["uni", "university"]],
    });
    Engine::new(Catalogue::from_value(&doc).unwrap())
}

fn run(text: &str) -> (Engine, SearchResult) {
    let engine = engine();
    let mut query = BrowseQuery::default();
    query.set_text(text);
    let result = engine.search(&query);
    (engine, result)
}

/// The ids of the results of a search, in order.
fn results(text: &str) -> Vec<String> {
    let (engine, result) = run(text);
    let ids = result.hits.iter().map(|&p| engine.resource(p).id.clone());
    ids.collect()
}

#[test]
fn a_misspelt_long_word_matches_within_two_edits() {
    // 12 letters: two edits allowed.
    assert_eq!(results("accomodaton"), ["hyphen"]);
    // One edit from "resilience", two from the alias "residences": fewer edits rank first.
    assert_eq!(results("resilence"), ["resilience", "hyphen"]);
}

#[test]
fn a_misspelt_word_of_four_to_seven_letters_matches_within_one_edit() {
    assert_eq!(results("monye"), ["money", "budget"]); // a swap is one edit
    assert!(results("mnoye").is_empty()); // two edits: too far for five letters
}

#[test]
fn short_words_match_only_exactly_or_as_a_beginning() {
    assert_eq!(results("cor"), ["core"]);
    // "cre" is one edit from "care", but three letters get no typo allowance.
    assert!(results("cre").is_empty());
}

#[test]
fn exact_matches_rank_above_beginnings_above_typos() {
    // "care" exactly, "careers" as a beginning, "core" one edit away: all found, in that order.
    assert_eq!(results("care"), ["care", "careers", "core"]);
}

#[test]
fn a_typo_match_never_hides_an_exact_one() {
    let (_, result) = run("core");
    assert!(result.did_you_mean.is_none());
    assert_eq!(results("core")[0], "core");
}

#[test]
fn compounds_match_however_they_are_written() {
    let expected = ["hyphen", "joined", "spaced"];
    for text in ["wellbeing", "well-being", "well being", "Well‑being"] {
        let mut found = results(text);
        found.retain(|id| id != "pgr"); // "Doctoral wellbeing", and so on: checked below
        found.sort();
        assert!(
            expected.iter().all(|id| found.contains(&id.to_string())),
            "{text}: {found:?}"
        );
        // "Being well" has both words, but not as the compound.
        assert!(!found.contains(&"apart".to_owned()), "{text}: {found:?}");
    }
    assert_eq!(results("wellbeing"), results("well being"));
    assert_eq!(results("wellbeing"), results("well-being"));
}

#[test]
fn an_alias_finds_the_term_and_its_resources() {
    for alias in ["PGR", "pgrs"] {
        let (engine, result) = run(alias);
        let ids: Vec<&str> = result
            .hits
            .iter()
            .map(|&p| engine.resource(p).id.as_str())
            .collect();
        assert_eq!(ids, ["pgr"], "{alias}");
        assert_eq!(result.terms, [(Facet::Subject, 3)], "{alias}");
    }
    assert_eq!(results("residences"), ["hyphen"]);
}

#[test]
fn a_synonym_finds_the_same_resources_ranked_below_exact_matches() {
    // "finance" is in the budgeting summary; "money" is a synonym and in two other resources.
    assert_eq!(results("finance"), ["budget", "money"]);
}

#[test]
fn when_no_resource_has_every_word_the_best_matches_show_with_a_notice() {
    let (engine, result) = run("money worries");
    assert!(result.partial);
    assert_eq!(result.unknown_words, ["worries"]);
    assert_eq!(result.matched_words, ["money"]);
    let ids: Vec<&str> = result
        .hits
        .iter()
        .map(|&p| engine.resource(p).id.as_str())
        .collect();
    assert_eq!(ids, ["money", "budget"]);
    // More words matched rank first.
    assert_eq!(results("money students worries")[0], "money");
}

#[test]
fn a_quoted_phrase_matches_its_words_next_to_each_other_in_order() {
    assert_eq!(results("\"peer mentoring\""), ["peer-adjacent"]);
    let mut both = results("peer mentoring");
    both.sort();
    assert_eq!(both, ["peer-adjacent", "peer-apart"]);
}

#[test]
fn a_publishers_name_puts_its_resources_first() {
    // Mindfulness resources mention "minds" and "students" more, but the name ranks first.
    assert_eq!(results("Student Minds")[0], "minds");
    assert_eq!(results("student mi")[0], "minds");
    // One word of a two-word name is not the name.
    assert_ne!(results("student")[0], "minds");
}

#[test]
fn an_unknown_word_with_a_close_word_gets_did_you_mean() {
    let (_, result) = run("Accomodation in halls");
    assert_eq!(
        result.did_you_mean.as_deref(),
        Some("accommodation in halls")
    );
    let (_, result) = run("accommodation");
    assert!(result.did_you_mean.is_none());
}

#[test]
fn matched_words_are_marked_as_written() {
    let (_, result) = run("accomodation well being");
    let title = "Well-being and accommodation";
    let marked: Vec<&str> = mark(title, &result.marks)
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(r, _)| &title[r])
        .collect();
    assert_eq!(marked, ["Well-being", "accommodation"]);
}

#[test]
fn facet_counts_follow_the_forgiving_matching() {
    let (_, result) = run("accomodation");
    let subjects = &result.counts[Facet::Subject.index()];
    assert_eq!(
        subjects[0], 1,
        "accommodation resources found by a misspelling"
    );
    let (_, result) = run("money worries");
    assert_eq!(result.counts[Facet::Subject.index()][2], 2);
}
