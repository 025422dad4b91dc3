//! Validation of catalogue JSON into a [`Catalogue`].
//!
//! The JSON is first read as a generic value, then checked field by field here: each field's
//! type and each catalogue rule. Every broken rule is reported at once, each naming the entry and
//! field, so one run tells an editor everything to fix.
//!
//! Reading fields by hand rather than deriving `Deserialize` is deliberate: it gives messages in
//! the catalogue's own terms ("must be a whole number or null") for every field, and it is about
//! half the wasm size of derived deserializers (which also generate code for reading records
//! written as arrays, which this format never uses).

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::model::{Catalogue, Date, Facet, Resource, Taxonomy, Term};
use crate::rules::{WebLink, is_slug};

/// The catalogue format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Earliest and latest publication years accepted as plausible.
pub const YEAR_RANGE: std::ops::RangeInclusive<u16> = 1850..=2100;

/// The fields of a resource record, in the order they are written.
pub const RESOURCE_FIELDS: [&str; 13] = [
    "id",
    "title",
    "authors",
    "publisher",
    "year",
    "type",
    "approaches",
    "subjects",
    "country",
    "sector",
    "summary",
    "url",
    "added",
];

const TERM_FIELDS: [&str; 3] = ["id", "label", "description"];
const TAXONOMY_FIELDS: [&str; 3] = ["approaches", "types", "subjects"];
const DOCUMENT_FIELDS: [&str; 3] = ["format", "taxonomy", "resources"];

/// Where in the catalogue a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The document (or file) as a whole.
    Document,
    /// A taxonomy term, by facet and position (0-based) with the id as written.
    Term {
        facet: Facet,
        index: usize,
        id: String,
    },
    /// A resource, by position (0-based) with the id as written.
    Resource { index: usize, id: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, index, id) = match self {
            Location::Document => return f.write_str("catalogue"),
            Location::Term { facet, index, id } => (facet.noun(), index, id),
            Location::Resource { index, id } => ("resource", index, id),
        };
        write!(f, "{what} #{}", index + 1)?;
        if !id.is_empty() {
            write!(f, " (\"{id}\")")?;
        }
        Ok(())
    }
}

/// One broken rule: which entry, which field, and what is wrong in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location != Location::Document {
            write!(f, "{}, ", self.location)?;
        }
        if !self.field.is_empty() {
            write!(f, "field \"{}\": ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// What a JSON value is, in words, for "must be text, not a number".
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value as an editor wrote it, for messages: `"2017"`, `17`, or its kind ("a list").
/// (Formatting arbitrary JSON would pull a serializer and float printing into the app.)
fn written(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.to_string(),
            (_, Some(u)) => u.to_string(),
            _ => "a decimal number".to_owned(),
        },
        other => kind(other).to_owned(),
    }
}

/// Collects problems while reading values.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    fn report(&mut self, location: &Location, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.clone(),
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// The value as an object, or a problem naming what it is instead.
    fn object<'v>(
        &mut self,
        location: &Location,
        field: &str,
        value: &'v Value,
    ) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.report(
                location,
                field,
                format!("must be an object {{ … }}, not {}", kind(value)),
            );
        }
        object
    }

    /// The value as a list, or a problem; a missing list reads as empty.
    fn list<'v>(
        &mut self,
        location: &Location,
        field: &str,
        value: Option<&'v Value>,
    ) -> &'v [Value] {
        match value {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report(
                    location,
                    field,
                    format!("must be a list [ … ], not {}", kind(other)),
                );
                &[]
            }
        }
    }

    /// Reports keys a record does not define, so a misspelt key ("sumary") is not silently
    /// ignored along with what was written under it.
    fn unknown_keys(&mut self, location: &Location, object: &Map<String, Value>, known: &[&str]) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            self.report(
                location,
                key,
                format!("is not a known field (known: {})", known.join(", ")),
            );
        }
    }

    /// A text field, trimmed. Missing or null reads as empty; `required` reports empty.
    fn text(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        field: &str,
        required: bool,
    ) -> String {
        let text = match object.get(field) {
            None | Some(Value::Null) => "",
            Some(Value::String(s)) => s.trim(),
            Some(other) => {
                self.report(
                    location,
                    field,
                    format!("must be text, not {}", kind(other)),
                );
                return String::new();
            }
        };
        if required && text.is_empty() {
            self.report(location, field, "must not be empty");
        }
        text.to_owned()
    }

    /// A list of text, each item trimmed, blank items dropped.
    fn texts(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        field: &str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for item in self.list(location, field, object.get(field)) {
            match item.as_str().map(str::trim) {
                Some("") => {}
                Some(text) => out.push(text.to_owned()),
                None => self.report(
                    location,
                    field,
                    format!("must be a list of text, but has {}", kind(item)),
                ),
            }
        }
        out
    }

    fn year(&mut self, location: &Location, object: &Map<String, Value>) -> Option<u16> {
        let value = object.get("year").filter(|v| !v.is_null())?;
        let year = value
            .as_u64()
            .and_then(|y| u16::try_from(y).ok())
            .filter(|y| YEAR_RANGE.contains(y));
        if year.is_none() {
            self.report(
                location,
                "year",
                format!(
                    "{} is not a plausible publication year: use a whole number from {} to {}, or null when unknown",
                    written(value),
                    YEAR_RANGE.start(),
                    YEAR_RANGE.end()
                ),
            );
        }
        year
    }

    fn id(&mut self, location: &Location, id: &str, seen: &mut BTreeSet<String>) {
        if id.is_empty() {
            return; // Already reported as missing or empty.
        }
        if !is_slug(id) {
            self.report(
                location,
                "id",
                format!("\"{id}\" must use only lowercase letters, digits and single hyphens (like \"case-study\")"),
            );
        } else if !seen.insert(id.to_owned()) {
            self.report(
                location,
                "id",
                format!("\"{id}\" is used by an earlier entry"),
            );
        }
    }

    fn taxonomy(&mut self, value: &Value) -> Taxonomy {
        let Some(object) = self.object(&Location::Document, "taxonomy", value) else {
            return Taxonomy::default();
        };
        self.unknown_keys(&Location::Document, object, &TAXONOMY_FIELDS);
        let [approaches, types, subjects] = Facet::ALL.map(|facet| self.terms(object, facet));
        Taxonomy {
            approaches,
            types,
            subjects,
        }
    }

    fn terms(&mut self, taxonomy: &Map<String, Value>, facet: Facet) -> Vec<Term> {
        let items = self.list(
            &Location::Document,
            facet.list_key(),
            taxonomy.get(facet.list_key()),
        );
        if items.is_empty() {
            self.report(
                &Location::Document,
                facet.list_key(),
                format!("the taxonomy needs at least one {}", facet.noun()),
            );
        }
        let mut seen = BTreeSet::new();
        let mut terms = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let id = item
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let location = Location::Term { facet, index, id };
            let Some(object) = self.object(&location, "", item) else {
                continue;
            };
            self.unknown_keys(&location, object, &TERM_FIELDS);
            let id = self.text(&location, object, "id", true);
            self.id(&location, &id, &mut seen);
            terms.push(Term {
                id,
                label: self.text(&location, object, "label", true),
                description: self.text(&location, object, "description", false),
            });
        }
        terms
    }

    /// Checks term references: each known, none repeated, and (if `required`) at least one.
    fn references(
        &mut self,
        location: &Location,
        taxonomy: &Taxonomy,
        facet: Facet,
        ids: Vec<String>,
        required: bool,
    ) -> Vec<String> {
        let field = facet.record_key();
        if required && ids.is_empty() {
            self.report(
                location,
                field,
                format!("needs at least one {}", facet.noun()),
            );
        }
        let mut out: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            if taxonomy.position(facet, &id).is_none() {
                let known: Vec<&str> = taxonomy
                    .terms(facet)
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect();
                self.report(
                    location,
                    field,
                    format!(
                        "\"{id}\" is not a known {} (known: {})",
                        facet.noun(),
                        known.join(", ")
                    ),
                );
            } else if out.contains(&id) {
                self.report(location, field, format!("\"{id}\" is listed twice"));
            } else {
                out.push(id);
            }
        }
        out
    }

    fn resource(
        &mut self,
        index: usize,
        value: &Value,
        taxonomy: &Taxonomy,
        seen: &mut BTreeSet<String>,
    ) -> Option<Resource> {
        let id = value
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let location = Location::Resource { index, id };
        let object = self.object(&location, "", value)?;
        self.unknown_keys(&location, object, &RESOURCE_FIELDS);
        let id = self.text(&location, object, "id", true);
        self.id(&location, &id, seen);
        let title = self.text(&location, object, "title", true);
        let authors = self.texts(&location, object, "authors");
        let publisher = self.text(&location, object, "publisher", false);
        if authors.is_empty() && publisher.is_empty() {
            self.report(
                &location,
                "authors",
                "give at least one author or a publisher",
            );
        }
        let year = self.year(&location, object);
        let kind = self.text(&location, object, "type", true);
        let kind = if kind.is_empty() {
            kind
        } else {
            self.references(&location, taxonomy, Facet::Type, vec![kind], false)
                .pop()
                .unwrap_or_default()
        };
        let approaches = self.texts(&location, object, "approaches");
        let approaches = self.references(&location, taxonomy, Facet::Approach, approaches, true);
        let subjects = self.texts(&location, object, "subjects");
        let subjects = self.references(&location, taxonomy, Facet::Subject, subjects, false);
        let country = self.text(&location, object, "country", false);
        let sector = self.text(&location, object, "sector", false);
        let summary = self.text(&location, object, "summary", true);
        let url = self.text(&location, object, "url", false);
        if !url.is_empty()
            && let Err(message) = WebLink::parse(&url)
        {
            self.report(&location, "url", message);
        }
        let added_text = self.text(&location, object, "added", true);
        let added = Date::parse(&added_text);
        if added.is_none() && !added_text.is_empty() {
            self.report(
                &location,
                "added",
                format!("\"{added_text}\" is not a date written YYYY-MM-DD"),
            );
        }
        Some(Resource {
            id,
            title,
            authors,
            publisher,
            year,
            kind,
            approaches,
            subjects,
            country,
            sector,
            summary,
            url: (!url.is_empty()).then_some(url),
            added: added?,
        })
    }
}

/// Validates a taxonomy on its own (the CLI checks `seeds/taxonomy.json` this way).
pub fn validate_taxonomy(value: &Value) -> Result<Taxonomy, Vec<Problem>> {
    let mut checker = Checker::default();
    let taxonomy = checker.taxonomy(value);
    checker.finish(taxonomy)
}

/// Validates a whole catalogue document, reporting every problem found.
pub fn validate(document: &Value) -> Result<Catalogue, Vec<Problem>> {
    let mut checker = Checker::default();
    let root = Location::Document;
    let Some(object) = checker.object(&root, "", document) else {
        return Err(checker.problems);
    };
    checker.unknown_keys(&root, object, &DOCUMENT_FIELDS);
    match object.get("format") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => checker.report(
            &root,
            "format",
            format!(
                "format {} is not supported; this version of the toolkit reads format {FORMAT_VERSION}",
                written(v)
            ),
        ),
        None => checker.report(&root, "format", format!("is missing (use {FORMAT_VERSION})")),
    }
    let taxonomy = match object.get("taxonomy") {
        Some(value) => checker.taxonomy(value),
        None => {
            checker.report(&root, "taxonomy", "is missing");
            Taxonomy::default()
        }
    };
    if !object.contains_key("resources") {
        checker.report(&root, "resources", "is missing");
    }
    let mut seen = BTreeSet::new();
    let items = checker.list(&root, "resources", object.get("resources"));
    let resources = items
        .iter()
        .enumerate()
        .filter_map(|(index, r)| checker.resource(index, r, &taxonomy, &mut seen))
        .collect();
    checker.finish(Catalogue {
        taxonomy,
        resources,
    })
}
