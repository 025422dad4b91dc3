//! Checks for resource records and their references to taxonomy terms.

use rustc_hash::FxHashSet as IdSet;

use serde_json::{Map, Value};

use super::{Checker, Location, RESOURCE_FIELDS, YEAR_RANGE, written, written_id};
use crate::model::{Date, Facet, MAX_BASIS_CHARS, Resource, Taxonomy};
use crate::rules::WebLink;

impl Checker {
    /// A true/false field; missing or null reads as false.
    fn flag(&mut self, location: &Location, object: &Map<String, Value>, field: &str) -> bool {
        match object.get(field) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let message = format!("must be true or false, not {}", super::kind(other));
                self.report(location, field, message);
                false
            }
        }
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

    /// Whether `id` is a term of `facet`; reported (with the known ones) if not.
    fn known(&mut self, location: &Location, taxonomy: &Taxonomy, facet: Facet, id: &str) -> bool {
        if taxonomy.position(facet, id).is_some() {
            return true;
        }
        let known: Vec<&str> = taxonomy
            .terms(facet)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let message = format!(
            "\"{id}\" is not a known {} (known: {})",
            facet.noun(),
            known.join(", ")
        );
        self.report(location, facet.record_key(), message);
        false
    }

    /// Checks term references: each known, none repeated, and (if `required`) at least one.
    /// Returns the known ones, first mentions only, in their order (kept in `ids`' own space).
    fn references(
        &mut self,
        location: &Location,
        taxonomy: &Taxonomy,
        facet: Facet,
        mut ids: Vec<String>,
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
        let mut kept = 0;
        for i in 0..ids.len() {
            if !self.known(location, taxonomy, facet, &ids[i]) {
                continue;
            }
            if ids[..kept].contains(&ids[i]) {
                self.report(location, field, format!("\"{}\" is listed twice", ids[i]));
                continue;
            }
            ids.swap(kept, i);
            kept += 1;
        }
        ids.truncate(kept);
        ids
    }

    /// A required reference to one term of `facet` (the resource's type, kind of evidence or
    /// standard): the id, or empty when it is missing (reported) or unknown (reported).
    fn one_term(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        taxonomy: &Taxonomy,
        facet: Facet,
    ) -> String {
        let id = self.text(location, object, facet.record_key(), true);
        if id.is_empty() || self.known(location, taxonomy, facet, &id) {
            id
        } else {
            String::new()
        }
    }

    /// The kind of evidence and the standard, the standard one the kind allows.
    fn evidence(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        taxonomy: &Taxonomy,
    ) -> [String; 2] {
        let evidence = self.one_term(location, object, taxonomy, Facet::Evidence);
        let standard = self.one_term(location, object, taxonomy, Facet::Standard);
        if let Some(kind) = taxonomy.term(Facet::Evidence, &evidence)
            && !standard.is_empty()
            && !kind.standards.contains(&standard)
        {
            let message = format!(
                "\"{standard}\" does not fit the kind of evidence \"{evidence}\" (it may be: {})",
                kind.standards.join(", ")
            );
            self.report(location, Facet::Standard.record_key(), message);
        }
        [evidence, standard]
    }

    /// What the evidence classification rests on: required, one sentence.
    fn basis(&mut self, location: &Location, object: &Map<String, Value>) -> String {
        let basis = self.text(location, object, "evidence_basis", true);
        let chars = basis.chars().count();
        if chars > MAX_BASIS_CHARS {
            let message = format!(
                "is {chars} characters long: say in one sentence of at most {MAX_BASIS_CHARS} what the classification rests on"
            );
            self.report(location, "evidence_basis", message);
        }
        basis
    }

    pub(super) fn resource<'v>(
        &mut self,
        index: usize,
        value: &'v Value,
        taxonomy: &Taxonomy,
        seen: &mut IdSet<&'v str>,
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
        self.id(&location, written_id(object), seen);
        let title = self.text(&location, object, "title", true);
        let authors = self.texts(&location, object, "authors");
        let et_al = self.flag(&location, object, "et_al");
        if et_al && authors.is_empty() {
            self.report(&location, "et_al", "needs at least one author named first");
        }
        let publisher = self.text(&location, object, "publisher", false);
        if authors.is_empty() && publisher.is_empty() {
            self.report(
                &location,
                "authors",
                "give at least one author or a publisher",
            );
        }
        let year = self.year(&location, object);
        let kind = self.one_term(&location, object, taxonomy, Facet::Type);
        let approaches = self.texts(&location, object, "approaches");
        let approaches = self.references(&location, taxonomy, Facet::Approach, approaches, true);
        let subjects = self.texts(&location, object, "subjects");
        let subjects = self.references(&location, taxonomy, Facet::Subject, subjects, false);
        let country = self.text(&location, object, "country", false);
        let sector = self.text(&location, object, "sector", false);
        let summary = self.text(&location, object, "summary", true);
        let [evidence, standard] = self.evidence(&location, object, taxonomy);
        let evidence_basis = self.basis(&location, object);
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
            et_al,
            publisher,
            year,
            kind,
            approaches,
            subjects,
            country,
            sector,
            summary,
            evidence,
            standard,
            evidence_basis,
            url: (!url.is_empty()).then_some(url),
            added: added?,
        })
    }
}
