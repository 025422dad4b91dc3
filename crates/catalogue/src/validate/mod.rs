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
//!
//! This module holds the public API, the problem types and the `Checker` core that reads
//! generic values; `taxonomy` and `resource` add the checks for each part of the document.

mod collections;
mod comments;
mod resource;
mod synonyms;
mod taxonomy;
mod translated;

use rustc_hash::FxHashSet as IdSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::model::{Catalogue, Facet, Taxonomy};
use crate::rules::is_slug;

/// The catalogue format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Earliest and latest publication years accepted as plausible.
pub const YEAR_RANGE: std::ops::RangeInclusive<u16> = 1850..=2100;

/// The fields of a resource record, in the order they are written.
pub const RESOURCE_FIELDS: [&str; 17] = [
    "id",
    "title",
    "authors",
    "et_al",
    "publisher",
    "year",
    "type",
    "approaches",
    "subjects",
    "country",
    "sector",
    "summary",
    "evidence",
    "standard",
    "evidence_basis",
    "url",
    "added",
];

const TERM_FIELDS: [&str; 5] = ["id", "label", "description", "aliases", "cy"];
/// A kind of evidence's fields: a term's, and the standards it may stand at.
const EVIDENCE_TERM_FIELDS: [&str; 6] =
    ["id", "label", "description", "aliases", "standards", "cy"];
/// The language besides English that the catalogue's own words may be given in: Welsh.
pub const WELSH: &str = "cy";
const TAXONOMY_FIELDS: [&str; 5] = ["approaches", "types", "standards", "evidence", "subjects"];
const DOCUMENT_FIELDS: [&str; 6] = [
    "format",
    "taxonomy",
    "resources",
    "synonyms",
    "collections",
    "comments",
];

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
    /// A group of synonyms, by position (0-based).
    Synonyms { index: usize },
    /// A collection, by position (0-based) with the id as written.
    Collection { index: usize, id: String },
    /// A published comment, by position (0-based) with the id as written.
    Comment { index: usize, id: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, index, id) = match self {
            Location::Document => return f.write_str("catalogue"),
            Location::Term { facet, index, id } => (facet.noun(), index, id),
            Location::Resource { index, id } => ("resource", index, id),
            Location::Collection { index, id } => ("collection", index, id),
            Location::Comment { index, id } => ("comment", index, id),
            Location::Synonyms { index } => return write!(f, "synonym group #{}", index + 1),
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

    /// Checks a record's id (`id` as [`written_id`] reads it): a slug, and not in `seen`, the ids
    /// of the records before it (borrowed from the document, not copied).
    fn id<'v>(&mut self, location: &Location, id: &'v str, seen: &mut IdSet<&'v str>) {
        if id.is_empty() {
            return; // Already reported as missing or empty.
        }
        if !is_slug(id) {
            self.report(
                location,
                "id",
                format!("\"{id}\" must use only lowercase letters, digits and single hyphens (like \"case-study\")"),
            );
        } else if !seen.insert(id) {
            self.report(
                location,
                "id",
                format!("\"{id}\" is used by an earlier entry"),
            );
        }
    }
}

/// A record's id, trimmed as [`Checker::text`] reads it, borrowed from the document; empty if
/// missing or not text (reported by `text`).
fn written_id(object: &Map<String, Value>) -> &str {
    object
        .get("id")
        .and_then(Value::as_str)
        .map_or("", str::trim)
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
    let mut seen = IdSet::default();
    let items = checker.list(&root, "resources", object.get("resources"));
    let resources = items
        .iter()
        .enumerate()
        .filter_map(|(index, r)| checker.resource(index, r, &taxonomy, &mut seen))
        .collect();
    let synonyms = checker.synonyms(object.get("synonyms"));
    let collections = checker.collections(object.get("collections"), &seen);
    let comments = checker.comments(object.get("comments"), &seen);
    checker.finish(Catalogue {
        taxonomy,
        resources,
        synonyms,
        collections,
        comments,
    })
}
