//! The seed catalogue's wording: summaries in the toolkit's own words, never its sources'
//! notes reworded, and no deficit wording about students.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::text::Analyzer;
use catalogue_cli::load_seeds;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A summary may share fewer than this many consecutive words with its source's note.
const COPIED_RUN: usize = 8;

/// A summary may reuse less than this share, in percent, of its source note's content words
/// (distinct stems, stop words left out): more reads as the note reworded clause by clause.
const MAX_REUSED_PERCENT: usize = 80;

/// Each seeded resource's source note (resource id, tab, note), copied from the shared
/// `catalogue-sources.tsv` so the wording check runs where that file is absent (CI).
const SOURCE_NOTES: &str = "tests/fixtures/source-notes.tsv";

/// Deficit wording the toolkit's stance rules out.
const DEFICIT_PHRASES: &[&str] = &[
    "resilient students",
    "vulnerable students",
    "fragile",
    "snowflake",
    "lack resilience",
    "lacking resilience",
    "fix students",
];

#[test]
fn seed_wording_respects_the_stance() {
    let catalogue = load_seeds(&seeds()).unwrap();
    for r in &catalogue.resources {
        let text = format!("{} {}", r.title, r.summary).to_lowercase();
        for phrase in DEFICIT_PHRASES {
            assert!(!text.contains(phrase), "{}: summary says {phrase:?}", r.id);
        }
    }
}

/// A text's words, lowercased, with punctuation as a break: "Peer-to-peer, UK." → peer to peer uk.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first run of `n` consecutive words that `text` shares with `source`, if there is one.
fn shared_run(text: &str, source: &str, n: usize) -> Option<String> {
    let source = words(source);
    let runs: HashSet<&[String]> = source.windows(n).collect();
    words(text)
        .windows(n)
        .find(|run| runs.contains(run))
        .map(|run| run.join(" "))
}

/// The fixture's (resource id, note) pairs.
fn source_notes() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCE_NOTES);
    let text = fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (id, note) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: no tab in {line:?}", path.display()));
            (id.to_owned(), note.to_owned())
        })
        .collect()
}

/// A text's content words as distinct stems: folded, stop words and stray letters left out
/// (as the search index reads text), each stemmed.
fn content_stems(text: &str, analyzer: &Analyzer) -> HashSet<String> {
    let mut stems = HashSet::new();
    catalogue::text::for_each_word(text, |w| {
        stems.insert(analyzer.stem(w));
    });
    stems
}

/// The share, in percent, of the note's content words that the summary uses too.
fn reused_percent(summary: &str, note: &str, analyzer: &Analyzer) -> usize {
    let note = content_stems(note, analyzer);
    let summary = content_stems(summary, analyzer);
    note.iter().filter(|w| summary.contains(*w)).count() * 100 / note.len().max(1)
}

#[test]
fn shared_runs_ignore_case_and_punctuation() {
    let source = "Trial of 3,755 students with insomnia: digital CBT reduced insomnia.";
    let close = "A TRIAL of 3,755 students (with insomnia) - digital CBT helped.";
    assert_eq!(
        shared_run(close, source, 8).as_deref(),
        Some("trial of 3 755 students with insomnia digital")
    );
    assert_eq!(
        shared_run("Digital CBT helped students sleep.", source, 8),
        None
    );
}

#[test]
fn reuse_counts_the_notes_content_words_in_any_form() {
    let analyzer = Analyzer::default();
    let note = "Survey of students' wellbeing, with recommendations for universities.";
    // survey, student, wellbe, recommend, univers: every one reused, in other forms.
    let reworded = "Surveyed student wellbeing and recommended what universities do.";
    assert_eq!(reused_percent(reworded, note, &analyzer), 100);
    let own = "What 3,000 students told us about feeling well, and what a university can change.";
    assert!(reused_percent(own, note, &analyzer) < MAX_REUSED_PERCENT);
}

#[test]
fn seed_summaries_are_in_our_own_words() {
    let catalogue = load_seeds(&seeds()).unwrap();
    let analyzer = Analyzer::default();
    let notes = source_notes();
    let mut problems = Vec::new();
    for r in &catalogue.resources {
        // Every resource has its note: a new one without a line here would go unchecked.
        let Some((_, note)) = notes.iter().find(|(id, _)| *id == r.id) else {
            problems.push(format!("{}: no source note in {SOURCE_NOTES}", r.id));
            continue;
        };
        if let Some(run) = shared_run(&r.summary, note, COPIED_RUN) {
            problems.push(format!("{}: summary repeats {run:?} from its source", r.id));
        }
        let reused = reused_percent(&r.summary, note, &analyzer);
        if reused >= MAX_REUSED_PERCENT {
            problems.push(format!(
                "{}: summary reuses {reused}% of its source note's content words (the note reworded?)",
                r.id
            ));
        }
    }
    for (id, _) in &notes {
        if catalogue.resource(id).is_none() {
            problems.push(format!("{SOURCE_NOTES}: no resource {id}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
