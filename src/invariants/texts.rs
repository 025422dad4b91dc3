//! Every word a visitor reads comes from the message catalogues (`messages/<code>/`), never from
//! a string written in a view: a string literal in the views, the layout or the static pages'
//! heads that reads as prose (a capitalised word, or words with sentence punctuation) fails,
//! unless its line says why it is not interface text (`// not interface text: …`).

use std::path::Path;

use super::{in_invariants, named, sources};

/// The folders and files whose strings reach the page.
fn shows_text(path: &Path) -> bool {
    let in_dir = |dir: &str| path.components().any(|c| c.as_os_str() == dir);
    (in_dir("components") || in_dir("pages"))
        || ["app.rs", "site.rs", "feeds.rs"]
            .iter()
            .any(|name| named(path, name))
}

/// The string literals of a line of Rust, outside its comment.
fn literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = line.chars().peekable();
    let mut current: Option<String> = None;
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '/') if chars.peek() == Some(&'/') => break,
            // A char literal such as '"' is not the start of a string.
            (None, '"') if previous != '\'' => current = Some(String::new()),
            (Some(text), '\\') => {
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            (Some(_), '"') => found.extend(current.take()),
            (Some(text), c) => text.push(c),
            (None, _) => {}
        }
        previous = c;
    }
    found
}

/// Whether a literal reads as words for a person: a capitalised word ("Search", "Not found"),
/// or several words ending or joined by sentence punctuation.
fn is_prose(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let capitalised = words.iter().any(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    });
    let sentence = words.len() >= 2
        && text.contains(' ')
        && [". ", ", ", "? ", ": ", "…"]
            .iter()
            .any(|p| text.contains(p) || text.trim_end().ends_with(p.trim_end()));
    capitalised || sentence
}

#[test]
fn interface_text_is_written_only_in_the_message_catalogues() {
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        if !shows_text(&path) || in_invariants(&path) {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            let skip = trimmed.starts_with("//")
                || trimmed.starts_with("#[")
                || line.contains("not interface text");
            if skip {
                continue;
            }
            for text in literals(line).into_iter().filter(|t| is_prose(t)) {
                found.push(format!("{}:{}: {text:?}", path.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "write these in messages/en/ and messages/cy/ and name them with t(Msg::…):\n{}",
        found.join("\n")
    );
}

#[test]
fn prose_is_told_from_names_and_classes() {
    for prose in [
        "Search",
        "Not found",
        "Saved to My list.",
        "Try again…",
        "a, b and c. Then",
    ] {
        assert!(is_prose(prose), "{prose}");
    }
    for name in [
        "button primary",
        "data-save",
        "application/atom+xml",
        "{}/{}",
        "utf-8",
        "#main",
        "en-GB",
        "CSV",
    ] {
        assert!(!is_prose(name), "{name}");
    }
    assert_eq!(
        literals(r#"let x = ("a \"b\"", '"', "c"); // "d""#),
        ["a \"b\"", "c"]
    );
}
