//! Unit tests of text handling (folding, words, stop words, stems), beside the code in
//! `text.rs` so they can reach its private tables.

use super::*;

/// The folding tables agree with Unicode's canonical decomposition for every letter they
/// cover: fold(c) == lowercase(NFD(c) without combining marks).
#[test]
fn folding_tables_match_unicode_decomposition() {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let ranges = [
        (0x00C0u32, LATIN.as_slice()),
        (0x1E00, LATIN_ADDITIONAL.as_slice()),
    ];
    for (start, table) in ranges {
        for (i, &base) in table.iter().enumerate() {
            let c = char::from_u32(start + i as u32).unwrap();
            let expected: String = c
                .nfd()
                .filter(|m| !is_combining_mark(*m))
                .flat_map(char::to_lowercase)
                .collect();
            if base != b'.' {
                assert_eq!(fold(&c.to_string()), expected, "U+{:04X} {c}", c as u32);
            } else {
                assert!(
                    expected.chars().count() != 1 || !expected.is_ascii(),
                    "U+{:04X} {c} decomposes to {expected:?}; add it to the table",
                    c as u32
                );
            }
        }
    }
    // Decomposed input folds like composed input.
    assert_eq!(fold("Ge\u{301}raldine"), fold("Géraldine"));
}

/// The stop words, as a list.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "into", "is",
    "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "what",
    "which", "with",
];

/// `is_stop_word` holds exactly the list: each word, and no word one letter away from one
/// (a letter changed, added or removed) unless the list has it too.
#[test]
fn stop_words_are_exactly_the_list() {
    for word in STOP_WORDS {
        assert!(is_stop_word(word), "{word}");
        let near = (0..=word.len()).flat_map(|i| {
            ('a'..='z').flat_map(move |c| {
                let changed =
                    (i < word.len()).then(|| format!("{}{c}{}", &word[..i], &word[i + 1..]));
                let added = format!("{}{c}{}", &word[..i], &word[i..]);
                changed.into_iter().chain([added])
            })
        });
        let removed = (0..word.len()).map(|i| format!("{}{}", &word[..i], &word[i + 1..]));
        for other in near.chain(removed) {
            assert_eq!(
                is_stop_word(&other),
                STOP_WORDS.contains(&other.as_str()),
                "{other}"
            );
        }
    }
}

#[track_caller]
fn check(text: &str, expected: &[(&str, &str)]) {
    let analyzer = Analyzer::default();
    let got: Vec<(String, String)> = index_words(text)
        .into_iter()
        .map(|word| (word.clone(), analyzer.stem(&word)))
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(w, s)| (w.to_string(), s.to_string()))
        .collect();
    assert_eq!(got, expected, "tokens of {text:?}");
}

#[test]
fn folds_case_and_accents() {
    check(
        "Géraldine Dufour",
        &[("geraldine", "geraldin"), ("dufour", "dufour")],
    );
    check("ZOË Allman", &[("zoe", "zoe"), ("allman", "allman")]);
    check(
        "Straße Øresund",
        &[("strasse", "strass"), ("oresund", "oresund")],
    );
    check(
        "Łódź Þórr ĲSSEL",
        &[("lodz", "lodz"), ("thorr", "thorr"), ("ijssel", "ijssel")],
    );
    check("Ŵyn ỳ ΕΛΛΑΔΑ", &[("wyn", "wyn"), ("ελλαδα", "ελλαδα")]);
    check("МОСКВА Ёлка", &[("москва", "москва"), ("ёлка", "ёлка")]);
}

#[test]
fn splits_on_punctuation_and_drops_stop_words() {
    check(
        "#stepchange: mental health in higher education",
        &[
            ("stepchange", "stepchang"),
            ("mental", "mental"),
            ("health", "health"),
            ("higher", "higher"),
            ("education", "educ"),
        ],
    );
    check(
        "self-management",
        &[("self", "self"), ("management", "manag")],
    );
}

#[test]
fn possessives_match_the_plain_word() {
    check(
        "students' union",
        &[("students", "student"), ("union", "union")],
    );
    check("student’s", &[("students", "student")]);
}

#[test]
fn stems_variants_together() {
    let a = Analyzer::default();
    assert_eq!(a.stem("studies"), a.stem("study"));
    assert_eq!(a.stem("accommodation"), a.stem("accommodations"));
    assert_eq!(a.stem("relationships"), a.stem("relationship"));
}

#[test]
fn keeps_numbers_and_drops_stray_letters() {
    check(
        "Report 88 (part B)",
        &[("report", "report"), ("88", "88"), ("part", "part")],
    );
}

#[test]
fn hyphens_are_the_three_joining_ones() {
    for hyphen in ["-", "\u{2010}", "\u{2011}"] {
        assert!(is_hyphen(hyphen), "{hyphen:?}");
    }
    for other in ["", " ", "--", "- ", "\u{2012}", "\u{2013}", "\u{2212}", "_"] {
        assert!(!is_hyphen(other), "{other:?}");
    }
}

proptest::proptest! {
    /// The fast paths agree with the plain definitions on any text: folding is each character
    /// folded on its own, words are the runs of letters and digits, and names and the index's
    /// words (each built in one pass) are made of those words.
    #[test]
    fn folding_and_words_agree_with_their_definitions(
        text in "(\\PC|[a-zA-Z0-9' \\-\u{2010}\u{2011}]){0,40}",
    ) {
        let one_by_one: String = text.chars().map(|c| fold(&c.to_string())).collect();
        proptest::prop_assert_eq!(fold(&text), one_by_one);
        let split: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), split);
        // A name as compared: the folded text's words, one space apart.
        let folded = fold(&text);
        let spaced = words(&folded).collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(searched(&text), spaced);
        // The index's words in one pass: each run's kept words, then the run joined if it has
        // several words.
        let mut expected = Vec::new();
        for_each_run(&folded, |run| {
            expected.extend(run.iter().filter(|w| is_kept(w)).map(|w| w.to_string()));
            if run.len() > 1 {
                expected.push(run.concat());
            }
        });
        let mut indexed = Vec::new();
        IndexWords::default().each(&text, |w| indexed.push(w.to_owned()));
        proptest::prop_assert_eq!(indexed, expected);
    }
}
