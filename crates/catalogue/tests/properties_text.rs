//! Properties of text handling that hold for any input: text folding, word splitting and slugs
//! are idempotent, and the slug rule the page's scripts are given as a pattern
//! (`SLUG_PATTERN`) answers as `is_slug` does.
//!
//! Case counts are kept modest so the whole file runs in seconds in a debug build; failures are
//! not written to disk (the shrunk case is printed instead).

mod common;

use catalogue::rules::{SLUG_MAX, SLUG_PATTERN, is_slug, slug};
use catalogue::text::{fold, index_words, words};
use common::{config, text};
use proptest::prelude::*;
use proptest::sample::select;

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

/// Text near the slug rule: its letters, hyphens in every place, and what it refuses.
fn slug_like() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('0', '9'),
        3 => Just('-'),
        1 => select(vec!['A', 'Z', '_', ' ', '.', 'é', '\n']),
    ];
    prop::collection::vec(c, 0..90).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn the_scripts_slug_pattern_answers_as_is_slug(text in slug_like()) {
        let pattern = regex::Regex::new(SLUG_PATTERN).unwrap();
        let scripts = pattern.is_match(&text) && text.len() <= SLUG_MAX;
        prop_assert_eq!(scripts, is_slug(&text), "{:?}", text);
    }
}
