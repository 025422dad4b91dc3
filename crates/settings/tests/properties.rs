//! Properties of reading `config.json` that hold for any file a deployer might write: reading
//! never panics, and whatever is kept is safe to use (a title to show, a readable brand colour, a
//! webhook that keeps people's details off plain http).
//!
//! Failures are not written to disk (the shrunk case is printed instead).

use catalogue::rules::{WebLink, is_email};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value};
use settings::{Channel, Colour, SiteConfig};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// Every key the settings file names, at any level, so generated objects often look like real
/// settings.
const SETTING_NAMES: &[&str] = &[
    "title",
    "organisation",
    "catalogue",
    "contribute",
    "mailto",
    "webhook",
    "theme",
    "brand",
    "highlight",
    "embed",
];

/// Values that pass or nearly pass the settings' checks: colours light and dark, addresses,
/// links secure, plain, local and broken, paths.
const SAMPLE_TEXTS: &[&str] = &[
    "#000",
    "#fff",
    "#0B3D91",
    "#767676",
    "#777777",
    "#fafafa",
    "#12345",
    "#ggg",
    " #1f5f5b ",
    "orange",
    "toolkit@example.ac.uk",
    "sam@localhost",
    "a b@example.org",
    "https://hooks.example.org/toolkit",
    "http://127.0.0.1:8787/contributions",
    "http://localhost/x",
    "http://[::1]:8787/hook",
    "http://localhost.example.org/x",
    "http://example.org/hook",
    "HTTPS://EXAMPLE.ORG",
    "https://",
    "https:///x",
    "ftp://example.org",
    "javascript:alert(1)",
    "//example.org/catalogue.json",
    "data/catalogue.json",
    "",
    "   ",
    "\u{0}",
    "é",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        4 => select(SAMPLE_TEXTS).prop_map(str::to_owned),
        2 => "#[0-9a-fA-F]{3,6}",
        1 => "https?://[a-z0-9.:@\\[\\]-]{0,20}(/[a-z]{0,5})?",
        1 => (any::<String>(), 1usize..200).prop_map(|(s, n)| format!("x{s}").repeat(n)),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..3).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(SETTING_NAMES).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value, nested a few levels, with object keys drawn mostly from the settings' names.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A value for a setting: usually text (which every setting but `embed` expects), sometimes
/// anything.
fn setting_value() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => text().prop_map(Value::String),
        1 => json_value(),
    ]
    .boxed()
}

/// An object with some of `names` (each with a value from `value`) and maybe a stray key.
fn object_of(
    names: &'static [&'static str],
    value: impl Strategy<Value = Value> + Clone,
) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((select(names), value.clone()), 0..names.len() + 1),
        prop::option::weighted(0.2, (key(), value)),
    )
        .prop_map(|(pairs, stray)| {
            let mut object: Map<String, Value> =
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            if let Some((k, v)) = stray {
                object.insert(k, v);
            }
            Value::Object(object)
        })
}

/// A value for one setting: usually one written for it (`like`), sometimes any value.
fn like(written: impl Strategy<Value = String> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![
        3 => written.prop_map(Value::String),
        1 => setting_value(),
    ]
    .boxed()
}

/// Colours of every lightness (dark ones are the ones kept as a brand colour), and near misses.
fn colour_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "#[0-9a-fA-F]{3}",
        "#[0-9a-f]{6}",
        "#([0-6][0-9a-f]){3}",
        " ?#[0-9a-fA-F]{2,7} ?",
    ]
}

fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z.+]{1,8}@[a-z]{1,8}\\.(ac\\.uk|org)",
        "[a-z@. <>,;]{0,12}",
        select(SAMPLE_TEXTS).prop_map(str::to_owned),
    ]
}

fn link() -> impl Strategy<Value = String> {
    prop_oneof![
        "(https?|HTTP|ftp)://(localhost|127\\.0\\.0\\.1|\\[::1\\]|[a-z]{1,8}\\.org|)(:[0-9]{1,4})?(/[a-z ]{0,5})?",
        select(SAMPLE_TEXTS).prop_map(str::to_owned),
    ]
}

/// A settings file shaped like the real one, with each value right, nearly right or wrong.
fn shaped_settings_file() -> impl Strategy<Value = Value> {
    let contribute = prop_oneof![
        2 => like(address()).prop_map(|v| Value::Object(Map::from_iter([("mailto".to_owned(), v)]))),
        2 => like(link()).prop_map(|v| Value::Object(Map::from_iter([("webhook".to_owned(), v)]))),
        1 => object_of(&["mailto", "webhook"], setting_value()),
        1 => setting_value(),
    ];
    let theme = prop_oneof![
        4 => (prop::option::of(like(colour_text())), prop::option::of(like(colour_text())))
            .prop_map(|(brand, highlight)| {
                let colours = [("brand", brand), ("highlight", highlight)];
                Value::Object(
                    colours
                        .into_iter()
                        .filter_map(|(k, v)| Some((k.to_owned(), v?)))
                        .collect(),
                )
            }),
        1 => object_of(&["brand", "highlight"], setting_value()),
        1 => setting_value(),
    ];
    let embed = prop_oneof![any::<bool>().prop_map(Value::Bool), json_value()];
    (
        prop::collection::vec(
            (select(&["title", "organisation"][..]), setting_value()),
            0..3,
        ),
        prop::option::of(like(prop_oneof![link(), "[a-z/.:]{0,12}"])),
        prop::option::of(contribute),
        prop::option::of(theme),
        prop::option::of(embed),
    )
        .prop_map(|(texts, catalogue, contribute, theme, embed)| {
            let mut object: Map<String, Value> =
                texts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            let settings = [
                ("catalogue", catalogue),
                ("contribute", contribute),
                ("theme", theme),
                ("embed", embed),
            ];
            for (k, v) in settings {
                if let Some(v) = v {
                    object.insert(k.to_owned(), v);
                }
            }
            Value::Object(object)
        })
}

/// A settings file: mostly shaped like the real one (so each setting's own check is reached),
/// sometimes an object of any settings, sometimes any JSON at all.
fn settings_file() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => json_value(),
        1 => prop::collection::vec((key(), json_value()), 0..8)
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        3 => shaped_settings_file(),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    /// A deployer edits `config.json` by hand and a bad value must never stop the site: reading
    /// any JSON gives settings the app can use as they are.
    #[test]
    fn reading_any_settings_file_gives_usable_settings(file in settings_file()) {
        let (config, warnings) = SiteConfig::read(Ok(file.clone()));
        // At least one language, and each language's title trimmed (empty: the language's own
        // name of the toolkit, which the app fills in).
        prop_assert!(!config.languages.is_empty());
        for lang in &config.languages {
            let title = config.in_language(*lang).title;
            prop_assert_eq!(title.trim(), title.as_str());
        }
        prop_assert!(!config.catalogue_url.is_empty());
        if let Some(brand) = &config.theme.brand {
            // White text on the header and buttons stays readable (WCAG AA).
            prop_assert!(brand.contrast_with_white() >= 4.5, "{brand:?}");
            prop_assert_eq!(Colour::parse(brand.as_str()), Some(brand.clone()));
        }
        if let Some(highlight) = &config.theme.highlight {
            prop_assert_eq!(Colour::parse(highlight.as_str()), Some(highlight.clone()));
        }
        match &config.contribute {
            // People's names and email addresses only travel over https (or to this machine).
            Some(Channel::Webhook(url, _)) => match WebLink::parse(url) {
                Ok(link) => prop_assert!(link.secure || link.is_loopback(), "{url}"),
                Err(why) => prop_assert!(false, "{url}: {why}"),
            },
            Some(Channel::Mailto(address)) => prop_assert!(is_email(address), "{address}"),
            None => {}
        }
        for w in &warnings {
            prop_assert!(!w.is_empty());
        }
        if file.as_object().is_some_and(Map::is_empty) {
            prop_assert_eq!(config, SiteConfig::default());
            prop_assert!(warnings.is_empty());
        }
    }
}
