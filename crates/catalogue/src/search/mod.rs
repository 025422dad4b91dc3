//! The search and facet engine: an inverted index over a [`Catalogue`], keyword search that
//! forgives (word forms, compounds, synonyms and aliases, word beginnings, typos), relevance
//! ranking, and disjunctive facet counts.
//!
//! Matching: each word of the search text (or quoted phrase, or hyphenated compound) is a
//! *piece*. A resource matches a word through another form of it (same stem), a synonym, a word
//! it begins, or a word one or two typos away (by the word's length), ranked in that order.
//! A compound matches written joined, hyphenated or spaced (`wellbeing`, `well-being`,
//! `well being`); a phrase matches its words next to each other, in order. Results must match
//! every piece; when no resource does, the results are those matching the most pieces, best
//! first, and the answer says so ([`SearchResult::partial`]).
//!
//! Facet semantics: terms selected within one facet are alternatives (OR); facets combine with
//! AND. The count shown beside a term is the number of results the visitor would get by adding
//! that term to the current selection of its facet, so counts in one facet reflect the
//! selections in the *other* facets and the search text, but not their own facet's selection.

mod index;
mod parse;
mod rank;
mod typo;
mod units;

use fixedbitset::FixedBitSet;

use crate::highlight::replace_words;
use crate::model::{Catalogue, FACETS, Facet, Resource};
use crate::query::BrowseQuery;
use index::Index;
use parse::{Piece, pieces};
use units::{Matcher, Unit};

/// Query pieces beyond this many are ignored.
const MAX_QUERY_PIECES: usize = 16;

/// An immutable, query-ready view of a catalogue.
pub struct Engine {
    catalogue: Catalogue,
    index: Index,
    /// Each resource's place in alphabetical order of folded titles (ignoring case and accents).
    title_rank: Vec<u32>,
    /// How many published comments each resource has, by position.
    comment_counts: Vec<u32>,
}

/// The answer to a [`BrowseQuery`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResult {
    /// Positions of matching resources, in the requested order.
    pub hits: Vec<usize>,
    /// Facet → term position → disjunctive count (see the module docs).
    pub counts: [Vec<usize>; FACETS],
    /// Search words (or phrases) that match no resource at all, whatever the filters.
    pub unknown_words: Vec<String>,
    /// No resource matches every search word: `hits` are the resources that match the most of
    /// them, best first.
    pub partial: bool,
    /// Search words (or phrases) that match some resource.
    pub matched_words: Vec<String>,
    /// The search text with each word found neither exactly nor as a beginning replaced by the
    /// closest word in the catalogue, when there is one.
    pub did_you_mean: Option<String>,
    /// Taxonomy terms the search text names, by label or alias: facet and term position.
    pub terms: Vec<(Facet, usize)>,
    /// The catalogue's words the search matched (folded, sorted): what to mark in results.
    pub marks: Vec<String>,
}

/// One way to widen a query that found nothing, with how many results it would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relaxation {
    RemoveText,
    RemoveTerm(Facet, String),
}

impl Engine {
    pub fn new(catalogue: Catalogue) -> Engine {
        let index = Index::new(&catalogue);
        let title_rank = rank::title_ranks(&catalogue);
        let comment_counts = comment_counts(&catalogue);
        Engine {
            catalogue,
            index,
            title_rank,
            comment_counts,
        }
    }

    /// How many published comments the resource at `position` has.
    pub fn comment_count(&self, position: usize) -> usize {
        self.comment_counts.get(position).map_or(0, |&n| n as usize)
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn len(&self) -> usize {
        self.catalogue.resources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.catalogue.resources.is_empty()
    }

    pub fn resource(&self, position: usize) -> &Resource {
        &self.catalogue.resources[position]
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.catalogue.resources.iter().position(|r| r.id == id)
    }

    /// Drops selected terms this catalogue does not have (from old or hand-edited links) and
    /// puts the rest in taxonomy order.
    pub fn sanitize(&self, query: &mut BrowseQuery) {
        for facet in Facet::ALL {
            let known = self.catalogue.taxonomy.terms(facet).iter();
            let ids = known
                .filter(|t| query.is_selected(facet, &t.id))
                .map(|t| t.id.clone())
                .collect();
            query.set_selected(facet, ids);
        }
    }

    /// How many resources carry each term of a facet (the counts with nothing selected).
    pub fn term_totals(&self, facet: Facet) -> Vec<usize> {
        self.index.facet_sets[facet.index()]
            .iter()
            .map(|set| set.count_ones(..))
            .collect()
    }

    /// Runs a query: text match, facet filtering, disjunctive counts and ordering.
    pub fn search(&self, query: &BrowseQuery) -> SearchResult {
        let units = self.match_text(query.text());
        let (base, partial) = self.text_matches(&units);
        let selections: [Option<FixedBitSet>; FACETS] =
            Facet::ALL.map(|f| self.selection_set(query, f));
        let mut results = base.clone();
        for set in selections.iter().flatten() {
            results.intersect_with(set);
        }
        let counts = Facet::ALL.map(|facet| {
            let mut others = base.clone();
            for (g, set) in Facet::ALL.iter().zip(&selections) {
                if let (true, Some(set)) = (*g != facet, set) {
                    others.intersect_with(set);
                }
            }
            self.index.facet_sets[facet.index()]
                .iter()
                .map(|term_docs| others.intersection_count(term_docs))
                .collect()
        });
        let mut hits: Vec<usize> = results.ones().collect();
        self.order(&mut hits, query, &units);
        let (unknown, matched): (Vec<&Unit>, Vec<&Unit>) =
            units.iter().partition(|u| u.docs.is_clear());
        SearchResult {
            hits,
            counts,
            unknown_words: unknown.iter().map(|u| u.text.clone()).collect(),
            partial,
            matched_words: matched.iter().map(|u| u.text.clone()).collect(),
            did_you_mean: self.did_you_mean(query.text(), &units),
            terms: self.named_terms(&units),
            marks: self.marks(&units),
        }
    }

    /// For a query with no results: each single change that would give some, with its count.
    pub fn relaxations(&self, query: &BrowseQuery) -> Vec<(Relaxation, usize)> {
        let mut out = Vec::new();
        if !query.text().is_empty() {
            let mut q = query.clone();
            q.set_text("");
            out.push((Relaxation::RemoveText, self.search(&q).hits.len()));
        }
        for (facet, id) in query.selections() {
            let mut q = query.clone();
            q.deselect(facet, id);
            out.push((
                Relaxation::RemoveTerm(facet, id.to_owned()),
                self.search(&q).hits.len(),
            ));
        }
        out.retain(|(_, count)| *count > 0);
        out
    }

    fn selection_set(&self, query: &BrowseQuery, facet: Facet) -> Option<FixedBitSet> {
        let selected = query.selected(facet);
        if selected.is_empty() {
            return None;
        }
        let mut set = FixedBitSet::with_capacity(self.len());
        for id in selected {
            if let Some(p) = self.catalogue.taxonomy.position(facet, id) {
                set.union_with(&self.index.facet_sets[facet.index()][p]);
            }
        }
        Some(set)
    }

    /// Reads the search text into pieces and matches each. Two words that the catalogue has
    /// written as one ("well being" → "wellbeing") are one piece, and so is a word the
    /// catalogue has as two words in a row ("wellbeing" → "well being"), so every way of
    /// writing a compound finds the same resources.
    fn match_text(&self, text: &str) -> Vec<Unit> {
        let matcher = Matcher {
            index: &self.index,
            catalogue: &self.catalogue,
        };
        let mut units: Vec<Unit> = Vec::new();
        for piece in self.compounds(pieces(text)) {
            if units.len() == MAX_QUERY_PIECES {
                break;
            }
            let unit = matcher.unit(&piece);
            // "study studies" asks for one thing, not the same thing twice.
            if !units
                .iter()
                .any(|u| u.words == unit.words && u.docs == unit.docs)
            {
                units.push(unit);
            }
        }
        units
    }

    /// Joins neighbouring words the catalogue writes as one, and splits a word the catalogue
    /// also writes as two (see [`Engine::match_text`]).
    fn compounds(&self, pieces: Vec<Piece>) -> Vec<Piece> {
        let known = |w: &str| self.index.numbers.contains_key(w);
        let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            if let (Some(Piece::Word(a)), Piece::Word(b)) = (out.last(), &piece) {
                let joined = [a.as_str(), b].concat();
                if known(&joined) {
                    let parts = vec![a.clone(), b.clone()];
                    let last = out.len() - 1;
                    out[last] = Piece::Words {
                        parts,
                        joined: Some(joined),
                    };
                    continue;
                }
            }
            out.push(piece);
        }
        for piece in &mut out {
            let Piece::Word(word) = piece else { continue };
            let split = (2..word.len().saturating_sub(1))
                .filter(|&i| word.is_char_boundary(i))
                .map(|i| word.split_at(i))
                .find(|(a, b)| known(a) && known(b));
            if let Some((a, b)) = split {
                let parts = vec![a.to_owned(), b.to_owned()];
                let joined = Some(std::mem::take(word));
                *piece = Piece::Words { parts, joined };
            }
        }
        out
    }

    /// The resources matching every piece, or (when none does) any piece; and whether it is
    /// the latter.
    fn text_matches(&self, units: &[Unit]) -> (FixedBitSet, bool) {
        let mut all = FixedBitSet::with_capacity(self.len());
        all.insert_range(..);
        for unit in units {
            all.intersect_with(&unit.docs);
        }
        if !all.is_clear() || units.is_empty() {
            return (all, false);
        }
        let mut any = FixedBitSet::with_capacity(self.len());
        for unit in units {
            any.union_with(&unit.docs);
        }
        let partial = !any.is_clear();
        (if partial { any } else { all }, partial)
    }

    /// The search text with misspelt words replaced (see [`SearchResult::did_you_mean`]).
    fn did_you_mean(&self, text: &str, units: &[Unit]) -> Option<String> {
        let replacements: Vec<(String, String)> = units
            .iter()
            .filter_map(|u| Some((u.text.clone(), self.index.word(u.suggestion?).to_owned())))
            .collect();
        (!replacements.is_empty()).then(|| replace_words(text, &replacements))
    }

    /// Terms whose label or aliases hold a word matched by every piece.
    fn named_terms(&self, units: &[Unit]) -> Vec<(Facet, usize)> {
        if units.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for facet in Facet::ALL {
            for (p, words) in self.index.term_words[facet.index()].iter().enumerate() {
                if units
                    .iter()
                    .all(|u| u.words.iter().any(|w| words.contains(w)))
                {
                    out.push((facet, p));
                }
            }
        }
        out
    }

    fn marks(&self, units: &[Unit]) -> Vec<String> {
        // (String, usize) pairs: the sort the app already has for titles.
        let mut out: Vec<(String, usize)> = units
            .iter()
            .flat_map(|u| &u.words)
            .map(|&w| (self.index.word(w).to_owned(), 0))
            .collect();
        out.sort_unstable();
        out.dedup();
        out.into_iter().map(|(word, _)| word).collect()
    }
}

/// How many comments each resource has, by position.
fn comment_counts(catalogue: &Catalogue) -> Vec<u32> {
    let mut counts = vec![0; catalogue.resources.len()];
    if catalogue.comments.is_empty() {
        return counts;
    }
    let positions: rustc_hash::FxHashMap<&str, usize> = catalogue
        .resources
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for comment in &catalogue.comments {
        if let Some(&i) = positions.get(comment.resource.as_str()) {
            counts[i] += 1;
        }
    }
    counts
}
