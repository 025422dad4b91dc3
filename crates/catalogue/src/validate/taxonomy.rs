//! Checks for the taxonomy: its facets and their terms, and the standards each kind of
//! evidence may stand at.

use rustc_hash::FxHashSet as IdSet;

use serde_json::{Map, Value};

use super::{Checker, EVIDENCE_TERM_FIELDS, Location, TAXONOMY_FIELDS, TERM_FIELDS, written_id};
use crate::model::{Facet, Taxonomy, Term, TermText};
use crate::text::searched;

impl Checker {
    pub(super) fn taxonomy(&mut self, value: &Value) -> Taxonomy {
        let Some(object) = self.object(&Location::Document, "taxonomy", value) else {
            return Taxonomy::default();
        };
        self.unknown_keys(&Location::Document, object, &TAXONOMY_FIELDS);
        let [approaches, types, standards, evidence, subjects] =
            Facet::ALL.map(|facet| self.terms(object, facet));
        self.evidence_standards(&evidence, &standards);
        Taxonomy {
            approaches,
            types,
            standards,
            evidence,
            subjects,
        }
    }

    /// Each kind of evidence names at least one standard it may stand at, each a known
    /// standard, none twice.
    fn evidence_standards(&mut self, evidence: &[Term], standards: &[Term]) {
        for (index, term) in evidence.iter().enumerate() {
            let location = Location::Term {
                facet: Facet::Evidence,
                index,
                id: term.id.clone(),
            };
            if term.standards.is_empty() {
                let message =
                    "needs the standards of evidence this kind may stand at, the usual one first";
                self.report(&location, "standards", message);
            }
            for (i, id) in term.standards.iter().enumerate() {
                let message = if term.standards[..i].contains(id) {
                    format!("\"{id}\" is listed twice")
                } else if !standards.iter().any(|s| s.id == *id) {
                    let known: Vec<&str> = standards.iter().map(|s| s.id.as_str()).collect();
                    format!(
                        "\"{id}\" is not a known standard of evidence (known: {})",
                        known.join(", ")
                    )
                } else {
                    continue;
                };
                self.report(&location, "standards", message);
            }
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
        let mut seen = IdSet::default();
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
            let fields: &[&str] = match facet {
                Facet::Evidence => &EVIDENCE_TERM_FIELDS,
                _ => &TERM_FIELDS,
            };
            self.unknown_keys(&location, object, fields);
            let id = self.text(&location, object, "id", true);
            self.id(&location, written_id(object), &mut seen);
            let description = self.text(&location, object, "description", false);
            let cy = self
                .translated(
                    &location,
                    object,
                    ["label", "description"],
                    !description.is_empty(),
                )
                .map(|[label, description]| TermText { label, description });
            terms.push(Term {
                id,
                label: self.text(&location, object, "label", true),
                description,
                aliases: self.texts(&location, object, "aliases"),
                standards: self.texts(&location, object, "standards"),
                cy,
            });
        }
        self.names_unique(facet, &terms);
        terms
    }

    /// Reports an alias that repeats a label or alias of its facet (compared as searched:
    /// ignoring case, accents and punctuation), naming the term that has it first.
    fn names_unique(&mut self, facet: Facet, terms: &[Term]) {
        // Each name as searched, with the term that has it first. A list: there are few.
        let mut owners: Vec<(String, &str)> = Vec::new();
        for term in terms {
            owners.push((searched(&term.label), &term.id));
        }
        for (index, term) in terms.iter().enumerate() {
            let location = Location::Term {
                facet,
                index,
                id: term.id.clone(),
            };
            for alias in &term.aliases {
                let key = searched(alias);
                let owner = owners.iter().find(|(name, _)| *name == key).map(|o| o.1);
                let message = match owner {
                    None if key.is_empty() => {
                        format!("\"{alias}\" has no letters or digits to search for")
                    }
                    None => {
                        owners.push((key, &term.id));
                        continue;
                    }
                    Some(owner) if owner == term.id => {
                        format!("\"{alias}\" repeats this term's label or another of its aliases")
                    }
                    Some(owner) => format!(
                        "\"{alias}\" is already a name of the {} \"{owner}\"",
                        facet.noun()
                    ),
                };
                self.report(&location, "aliases", message);
            }
        }
    }
}
