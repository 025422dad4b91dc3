//! Settings given once for every language or per language (`"title": {"en": …, "cy": …}`).

use messages::Lang;
use serde_json::{Map, Value};

use super::text;

/// A text setting given once for every language (`"title": "Toolkit"`) or per language
/// (`"title": {"en": "Toolkit", "cy": "Pecyn Cymorth"}`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Texts(pub(crate) Vec<(Option<Lang>, String)>);

impl Texts {
    /// The text for `lang`: its own, or the text given for every language; empty if neither.
    pub(crate) fn get(&self, lang: Lang) -> &str {
        let own = self.0.iter().find(|(l, _)| *l == Some(lang));
        let any = self.0.iter().find(|(l, _)| l.is_none());
        own.or(any).map_or("", |(_, text)| text.as_str())
    }
}

/// A text setting given once or per language: `{"en": "…", "cy": "…"}`, each key a language
/// offered. A language offered but not given takes the language's default.
pub(crate) fn texts(
    object: &Map<String, Value>,
    field: &str,
    languages: &[Lang],
    warn: &mut impl FnMut(&str, String),
) -> Texts {
    match object.get(field) {
        Some(Value::Object(per_language)) => {
            let mut texts = Vec::new();
            for (code, value) in per_language {
                let lang = Lang::from_code(code).filter(|l| languages.contains(l));
                match (lang, value.as_str()) {
                    (Some(lang), Some(text)) => texts.push((Some(lang), text.trim().to_owned())),
                    (None, _) => warn(
                        &format!("{field}.{code}"),
                        "is not a language this site offers (see \"languages\"); it is left out"
                            .to_owned(),
                    ),
                    (Some(_), None) => warn(
                        &format!("{field}.{code}"),
                        "must be text; using the default".to_owned(),
                    ),
                }
            }
            Texts(texts)
        }
        _ => Texts(
            text(object, field, warn)
                .map(|t| (None, t))
                .into_iter()
                .collect(),
        ),
    }
}
