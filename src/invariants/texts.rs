//! Every word a visitor reads comes from the message catalogues (`messages/<code>/`), never from
//! a string written in a view or a script: a string literal in the views, the layout, the static
//! pages' heads or the page's scripts that reads as prose (a capitalised word, or words with
//! sentence punctuation) fails, unless its line says why it is not interface text
//! (`// not interface text: …`). The scripts' words come from the catalogues through the
//! contract; what they write to the console is for developers, not visitors.

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

/// The string literals of a line of Rust (quoted `"`), outside its comment.
fn literals(line: &str) -> Vec<String> {
    literals_quoted(line, &['"'])
}

/// The string literals of a line, each between one of `quotes`, outside its `//` comment.
fn literals_quoted(line: &str, quotes: &[char]) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = line.chars().peekable();
    let mut current: Option<(char, String)> = None;
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '/') if chars.peek() == Some(&'/') => break,
            // A Rust char literal such as '"' is not the start of a string.
            (None, q) if quotes.contains(&q) && !(q == '"' && previous == '\'') => {
                current = Some((q, String::new()));
            }
            (Some((_, text)), '\\') => {
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            (Some((q, _)), c) if c == *q => found.extend(current.take().map(|(_, t)| t)),
            (Some((_, text)), c) => text.push(c),
            (None, _) => {}
        }
        previous = c;
    }
    found
}

/// Whether a literal reads as words for a person: a capitalised word ("Search", "Not found"),
/// or several words ending or joined by sentence punctuation.
fn is_prose(text: &str) -> bool {
    // Placeholders (`{name}`, a script's `${name}`) are not words.
    let mut words_only = String::new();
    let mut depth = 0_u32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => words_only.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = words_only
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let capitalised = words.iter().any(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    });
    let trimmed = words_only.trim_end();
    let sentence = words.len() >= 2
        && (["? ", ": ", "…"].iter().any(|p| words_only.contains(p))
            || words_only.contains(". ")
            || [".", "?", ":"].iter().any(|p| trimmed.ends_with(p)));
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
fn the_scripts_write_no_interface_text() {
    let mut found = Vec::new();
    for (path, code) in sources("js") {
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            let skip = trimmed.starts_with("//")
                || trimmed.starts_with('*')
                || trimmed.starts_with("/*")
                || line.contains("console.")
                || line.contains("not interface text");
            if skip {
                continue;
            }
            for text in literals_quoted(line, &['"', '\'', '`']) {
                if is_prose(&text) {
                    found.push(format!("{}:{}: {text:?}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "take these from the message catalogues through the contract (src/contract.rs, text):\n{}",
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
