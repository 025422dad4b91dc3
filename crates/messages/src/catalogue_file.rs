//! One language's message catalogue: read from its JSON file, checked against the English one,
//! and its messages filled in.
//!
//! ```json
//! { "language": "cy",
//!   "messages": {
//!     "layout.provided-by": "Darperir gan {organisation}.",
//!     "count.resources": { "zero": "Dim adnoddau", "one": "{n} adnodd", "two": "{n} adnodd",
//!                          "few": "{n} adnodd", "many": "{n} adnodd", "other": "{n} adnodd" } } }
//! ```

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use serde_json::Value;

use crate::{Lang, Plural};

/// One message: a text, or one text per plural form of its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Text(String),
    Count(Vec<(Plural, String)>),
}

/// A language's messages by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messages {
    pub lang: Lang,
    messages: BTreeMap<String, Message>,
}

impl Messages {
    /// Reads a catalogue file, reporting every problem: JSON syntax, an unknown language, a key
    /// that is not lowercase words joined by dots and hyphens, a message that is neither text
    /// nor an object of plural forms, and a count without exactly its language's forms.
    pub fn parse(text: &str) -> Result<Messages, Vec<String>> {
        let value = catalogue::parse_json(text).map_err(|e| vec![e.to_string()])?;
        let mut problems = Vec::new();
        let code = value["language"].as_str().unwrap_or_default();
        let Some(lang) = Lang::from_code(code) else {
            return Err(vec![format!(
                "\"language\": \"{code}\" is not one of en, cy"
            )]);
        };
        let Some(entries) = value["messages"].as_object() else {
            return Err(vec![
                "\"messages\" must be an object { \"key\": … }".to_owned(),
            ]);
        };
        let mut messages = BTreeMap::new();
        for (key, value) in entries {
            if !is_key(key) {
                problems.push(format!(
                    "\"{key}\": a key is lowercase words joined by dots and hyphens"
                ));
            }
            match message(lang, value) {
                Ok(message) => _ = messages.insert(key.clone(), message),
                Err(problem) => problems.push(format!("\"{key}\": {problem}")),
            }
        }
        match problems.is_empty() {
            true => Ok(Messages { lang, messages }),
            false => Err(problems),
        }
    }

    /// How this catalogue differs from the English one, which it must match key for key: each
    /// message of the same kind (text or count), with the same placeholders (a count's forms
    /// may leave out `{n}`, as Welsh "Dim adnoddau" does).
    pub fn check_against(&self, english: &Messages) -> Vec<String> {
        let mut problems = Vec::new();
        for (key, theirs) in &english.messages {
            let Some(mine) = self.messages.get(key) else {
                problems.push(format!("\"{key}\" is missing"));
                continue;
            };
            let wanted = names(theirs);
            let problem = match (theirs, mine) {
                (Message::Text(_), Message::Count(_)) => Some("must be a text, as in English".to_owned()),
                (Message::Count(_), Message::Text(_)) => Some("must give each plural form, as in English".to_owned()),
                (Message::Text(_), Message::Text(text)) if placeholders(text) != wanted => {
                    Some(format!("must have the placeholders {wanted:?}, as in English"))
                }
                (Message::Count(_), Message::Count(forms)) => forms
                    .iter()
                    .find(|(_, text)| {
                        let have = placeholders(text);
                        have.iter().any(|p| !wanted.contains(p))
                            || wanted.iter().any(|p| p != "n" && !have.contains(p))
                    })
                    .map(|(form, _)| format!("its \"{}\" form must have the placeholders {wanted:?} (\"n\" may be left out)", form.name())),
                _ => None,
            };
            if let Some(problem) = problem {
                problems.push(format!("\"{key}\": {problem}"));
            }
        }
        for key in self
            .messages
            .keys()
            .filter(|k| !english.messages.contains_key(*k))
        {
            problems.push(format!("\"{key}\" is not an English message"));
        }
        problems
    }

    /// `lang`'s catalogue from its parts, each `(name, text)` a file of `messages/<code>/`:
    /// a `.json` file holds messages (its `"language"` must be `lang`); an `.html` file is one
    /// message, hand-written HTML for a page's long text, whose key is the file's name without
    /// `.html` (`about-text.html` is the message `about-text`). No key may be in two files.
    /// Every problem is reported, named by its file.
    pub fn from_parts<'a>(
        lang: Lang,
        parts: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Messages, Vec<String>> {
        let mut whole = Messages {
            lang,
            messages: BTreeMap::new(),
        };
        let mut problems = Vec::new();
        for (name, text) in parts {
            let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
            let part = match file.strip_suffix(".html") {
                Some(key) if is_key(key) => Ok(Messages {
                    lang,
                    messages: BTreeMap::from([(key.to_owned(), Message::Text(text.to_owned()))]),
                }),
                Some(key) => Err(vec![format!(
                    "\"{key}\": a key is lowercase words joined by dots and hyphens"
                )]),
                None => Messages::parse(text),
            };
            match part.and_then(|part| whole.clone().merge(part)) {
                Ok(merged) => whole = merged,
                Err(list) => problems.extend(list.into_iter().map(|p| format!("{name}: {p}"))),
            }
        }
        match problems.is_empty() {
            true => Ok(whole),
            false => Err(problems),
        }
    }

    /// This catalogue with `other`'s messages added (a language's catalogue is kept in one file
    /// per part of the interface, `messages/<code>/<part>.json`): both must be the same
    /// language, and a key given twice is reported.
    pub fn merge(mut self, other: Messages) -> Result<Messages, Vec<String>> {
        if other.lang != self.lang {
            return Err(vec![format!(
                "\"language\": \"{}\" among the messages of \"{}\"",
                other.lang.code(),
                self.lang.code()
            )]);
        }
        let mut problems = Vec::new();
        for (key, message) in other.messages {
            match self.messages.entry(key) {
                Entry::Occupied(taken) => {
                    problems.push(format!("\"{}\" is given twice", taken.key()));
                }
                Entry::Vacant(free) => _ = free.insert(message),
            }
        }
        match problems.is_empty() {
            true => Ok(self),
            false => Err(problems),
        }
    }

    /// The message `key`, if the catalogue has it.
    pub fn get(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The message `key` with its placeholders filled from `args` (the key itself when the
    /// catalogue has no such message, so a gap shows rather than hides).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.messages.get(key) {
            Some(Message::Text(text)) => fill(text, args),
            Some(Message::Count(forms)) => {
                forms.first().map_or(key.to_owned(), |(_, t)| fill(t, args))
            }
            None => key.to_owned(),
        }
    }

    /// The count message `key` in the form `n` takes, `{n}` filled with `n`.
    pub fn count(&self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        match self.messages.get(key) {
            Some(Message::Count(forms)) => {
                let form = Plural::of(self.lang, n);
                let text = forms
                    .iter()
                    .find(|(f, _)| *f == form)
                    .map_or(key, |(_, t)| t.as_str());
                fill(text, &all)
            }
            _ => self.fill(key, &all),
        }
    }
}

/// A value as a message of `lang`: text, or an object of exactly the language's plural forms.
fn message(lang: Lang, value: &Value) -> Result<Message, String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Ok(Message::Text(text.clone())),
        Value::Object(forms) => {
            let wanted = Plural::forms(lang);
            let names: Vec<&str> = wanted.iter().map(|f| f.name()).collect();
            let mut out = Vec::new();
            for form in wanted {
                match forms.get(form.name()).and_then(Value::as_str) {
                    Some(text) if !text.trim().is_empty() => out.push((*form, text.to_owned())),
                    _ => {
                        return Err(format!(
                            "needs the form \"{}\" (a count gives {})",
                            form.name(),
                            names.join(", ")
                        ));
                    }
                }
            }
            if let Some(extra) = forms.keys().find(|k| !names.contains(&k.as_str())) {
                return Err(format!(
                    "\"{extra}\" is not a plural form of this language ({})",
                    names.join(", ")
                ));
            }
            Ok(Message::Count(out))
        }
        _ => Err("must be text that is not empty, or an object of plural forms".to_owned()),
    }
}

fn is_key(key: &str) -> bool {
    !key.is_empty() && key.split('.').all(catalogue::rules::is_slug)
}

/// The names of the `{placeholders}` in a text, sorted, each once.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The placeholders of a message: all its forms' together.
fn names(message: &Message) -> Vec<String> {
    match message {
        Message::Text(text) => placeholders(text),
        Message::Count(forms) => {
            let mut all: Vec<String> = forms.iter().flat_map(|(_, t)| placeholders(t)).collect();
            all.sort();
            all.dedup();
            all
        }
    }
}

/// `text` with its `{placeholders}` filled from `args` (name, value); a placeholder not named
/// stays as it is.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
