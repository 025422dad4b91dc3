//! Checks for the taxonomy: its three facets and their terms.

use rustc_hash::FxHashSet as IdSet;

use serde_json::{Map, Value};

use super::{Checker, Location, TAXONOMY_FIELDS, TERM_FIELDS, written_id};
use crate::model::{Facet, Taxonomy, Term};
use crate::text::searched;

impl Checker {
    pub(super) fn taxonomy(&mut self, value: &Value) -> Taxonomy {
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
            self.unknown_keys(&location, object, &TERM_FIELDS);
            let id = self.text(&location, object, "id", true);
            self.id(&location, written_id(object), &mut seen);
            terms.push(Term {
                id,
                label: self.text(&location, object, "label", true),
                description: self.text(&location, object, "description", false),
                aliases: self.texts(&location, object, "aliases"),
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
