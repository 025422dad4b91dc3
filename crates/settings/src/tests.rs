//! `SiteConfig::read` on whole files: defaults, warnings, languages and channels.
use super::*;

#[track_caller]
fn check(json: &str, expected: SiteConfig, warnings: &[&str]) {
    let (config, got) = SiteConfig::read(catalogue::parse_json(json));
    assert_eq!(config, expected);
    assert_eq!(got, warnings);
}

#[test]
fn a_full_config_is_used_as_written() {
    let (config, warnings) = SiteConfig::read(catalogue::parse_json(
        r##"{"languages": ["cy", "en"], "title": "Student Support Toolkit", "organisation": "University of Example",
            "catalogue": "data/catalogue.json", "contribute": {"mailto": "toolkit@example.ac.uk"},
            "theme": {"brand": "#0B3D91", "highlight": "#fc0"}, "embed": true}"##,
    ));
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(config.languages, [Lang::Cy, Lang::En]);
    assert_eq!(config.title, "Student Support Toolkit");
    assert_eq!(config.organisation, "University of Example");
    assert_eq!(config.catalogue_url, "data/catalogue.json");
    assert_eq!(
        config.contribute,
        Some(Channel::Mailto("toolkit@example.ac.uk".into()))
    );
    assert_eq!(
        config.theme,
        Theme {
            brand: Colour::parse("#0b3d91"),
            highlight: Colour::parse("#ffcc00"),
        }
    );
    assert!(config.embed);
}

#[test]
fn languages_put_the_default_at_the_root_and_texts_may_be_given_per_language() {
    let (config, warnings) = SiteConfig::read(catalogue::parse_json(
        r#"{"languages": ["cy", "en", "fr", "cy"],
            "title": {"en": "Wellbeing Toolkit", "cy": "Pecyn Lles", "de": "x"},
            "organisation": "Prifysgol Enghraifft"}"#,
    ));
    assert_eq!(
        warnings,
        [
            r#""languages" "fr" is not one of "en", "cy"; it is left out"#,
            r#""languages" names "cy" twice"#,
            r#""title.de" is not a language this site offers (see "languages"); it is left out"#,
        ]
    );
    assert_eq!(config.default_language(), Lang::Cy);
    assert_eq!(config.language_prefix(Lang::Cy), "");
    assert_eq!(config.language_prefix(Lang::En), "/en");
    assert_eq!(config.title, "Pecyn Lles");
    let english = config.in_language(Lang::En);
    assert_eq!(english.title, "Wellbeing Toolkit");
    assert_eq!(english.organisation, "Prifysgol Enghraifft");
    // Unset: English at the root, Welsh under /cy/, each language's own name of the toolkit.
    let (config, _) = SiteConfig::read(catalogue::parse_json("{}"));
    assert_eq!(config.languages, [Lang::En, Lang::Cy]);
    assert_eq!(config.language_prefix(Lang::Cy), "/cy");
    assert_eq!(config.in_language(Lang::Cy).title, "");
    let (config, warnings) = SiteConfig::read(catalogue::parse_json(r#"{"languages": []}"#));
    assert_eq!(config.languages, [Lang::En, Lang::Cy]);
    assert_eq!(warnings.len(), 1);
}

#[test]
fn an_empty_object_means_the_defaults() {
    check("{}", SiteConfig::default(), &[]);
}

#[test]
fn malformed_json_gives_defaults_and_says_where() {
    check(
        "{\"title\": \"x\",}",
        SiteConfig::default(),
        &["config.json is not valid JSON: trailing comma (line 1, column 15); using the defaults"],
    );
}

#[test]
fn bad_values_fall_back_one_by_one() {
    let (config, warnings) = SiteConfig::read(catalogue::parse_json(
        r##"{"title": 7, "catalogue": "javascript:alert(1)", "contribute": {"webhook": "http://example.org/hook"},
            "theme": {"brand": "#fafafa", "highlight": "orange"}, "embed": "yes", "colour": "red"}"##,
    ));
    assert_eq!(config, SiteConfig::default());
    assert_eq!(
        warnings,
        [
            r#""colour" is not a setting (settings: languages, title, organisation, catalogue, contribute, theme, embed)"#,
            r#""title" must be text; using the default"#,
            r#""catalogue" must be a web link starting with https:// or http:// (got "javascript:alert(1)"); using catalogue.json"#,
            r#""contribute" "http://example.org/hook" must use https://; contributions are switched off"#,
            r#""theme.brand" #fafafa is too light for white text (contrast 1.0:1, needs 4.5:1); using the default"#,
            r#""theme.highlight" must be a colour written #rrggbb; using the default"#,
            r#""embed" must be true or false; using false"#,
        ]
    );
}

#[test]
fn webhooks_need_https_except_on_this_machine() {
    for (url, ok) in [
        ("https://hooks.example.org/toolkit", true),
        ("http://127.0.0.1:8787/contributions", true),
        ("http://localhost/x", true),
        ("http://localhost.example.org/x", false),
        ("ftp://example.org", false),
    ] {
        assert_eq!(check_webhook(url).is_ok(), ok, "{url}");
    }
}

#[test]
fn contrast_follows_wcag() {
    assert!((Colour::parse("#000").unwrap().contrast_with_white() - 21.0).abs() < 0.01);
    assert!(Colour::parse("#1f5f5b").unwrap().contrast_with_white() >= 4.5);
    assert!(Colour::parse("#767676").unwrap().contrast_with_white() >= 4.5);
    assert!(Colour::parse("#777777").unwrap().contrast_with_white() < 4.5);
}
