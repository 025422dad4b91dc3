//! The message catalogues in `messages/`: each valid, Welsh complete against English, and the
//! checks that hold them so (a missing key, a lost placeholder, a missing plural form) each
//! reported.

use std::path::Path;

use messages::{Lang, Messages, Plural};

#[path = "../folder.rs"]
mod folder;

/// A language's catalogue: every file of `messages/<code>/`.
fn read(lang: Lang) -> Messages {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../messages");
    folder::read_catalogue(&root, lang).unwrap_or_else(|e| panic!("{}: {e:#?}", lang.code()))
}

#[test]
fn every_language_has_every_english_message_with_its_placeholders() {
    let english = read(Lang::En);
    for lang in Lang::ALL {
        let messages = read(lang);
        assert_eq!(messages.lang, lang);
        assert_eq!(
            messages.check_against(&english),
            Vec::<String>::new(),
            "{}",
            lang.code()
        );
    }
}

#[test]
fn counts_take_each_languages_plural_forms() {
    let (en, cy) = (read(Lang::En), read(Lang::Cy));
    assert_eq!(en.count("count.resources", 1, &[]), "1 resource");
    assert_eq!(en.count("count.resources", 0, &[]), "0 resources");
    assert_eq!(cy.count("count.resources", 0, &[]), "Dim adnoddau");
    assert_eq!(cy.count("count.comments", 3, &[]), "3 sylw");
    // A name after "gan" would need a soft mutation (Prifysgol > Brifysgol), which a filled-in
    // name cannot take: the Welsh message is built so that the name stands as it is written.
    assert_eq!(
        cy.fill(
            "layout.provided-by",
            &[("organisation", "Prifysgol Bangor")]
        ),
        "Darparwr: Prifysgol Bangor."
    );
    // CLDR's Welsh rules: 0 zero, 1 one, 2 two, 3 few, 6 many, everything else other.
    let forms: Vec<&str> = [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 100]
        .iter()
        .map(|&n| Plural::of(Lang::Cy, n).name())
        .collect();
    assert_eq!(
        forms,
        [
            "zero", "one", "two", "few", "other", "other", "many", "other", "other", "other",
            "other"
        ]
    );
}

#[test]
fn gaps_and_mistakes_are_each_reported() {
    let english = Messages::parse(r#"{"language": "en", "messages": {
        "a.text": "Provided by {organisation}.", "b.count": {"one": "{n} thing", "other": "{n} things"},
        "c.gone": "Here in English only"}}"#).unwrap();
    let welsh = Messages::parse(r#"{"language": "cy", "messages": {
        "a.text": "Darperir gan {sefydliad}.",
        "b.count": {"zero": "Dim", "one": "{n} peth", "two": "{n} peth", "few": "{n} peth", "many": "{n} peth", "other": "{n} peth"},
        "d.extra": "Ychwanegol"}}"#).unwrap();
    assert_eq!(
        welsh.check_against(&english),
        [
            r#""a.text": must have the placeholders ["organisation"], as in English"#,
            r#""c.gone" is missing"#,
            r#""d.extra" is not an English message"#,
        ]
    );
    let problems = Messages::parse(r#"{"language": "cy", "messages": {"Bad Key": "x", "b.count": {"one": "{n}", "other": "{n}"}}}"#).unwrap_err();
    assert_eq!(
        problems,
        [
            r#""Bad Key": a key is lowercase words joined by dots and hyphens"#,
            r#""b.count": needs the form "zero" (a count gives zero, one, two, few, many, other)"#,
        ]
    );
    assert!(Messages::parse(r#"{"language": "fr", "messages": {}}"#).is_err());
}
