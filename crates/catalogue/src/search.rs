//! The search and facet engine: an inverted index over a [`Catalogue`], keyword search with
//! stemming, prefix matching and relevance ranking, and disjunctive facet counts.
//!
//! Facet semantics: terms selected within one facet are alternatives (OR); facets combine with
//! AND. The count shown beside a term is the number of results the visitor would get by adding
//! that term to the current selection of its facet, so counts in one facet reflect the
//! selections in the *other* facets and the search text, but not their own facet's selection.

use std::collections::HashMap;

use fixedbitset::FixedBitSet;

use crate::model::{Catalogue, Facet, Resource};
use crate::query::{BrowseQuery, Sort};
use crate::text::{Analyzer, fold, for_each_word};

/// How much a word counts depending on where it appears. Titles say most about a resource;
/// taxonomy labels and credits are short and deliberate; summaries are longer and looser.
const TITLE_WEIGHT: f32 = 5.0;
const TAXONOMY_WEIGHT: f32 = 3.0;
const CREDIT_WEIGHT: f32 = 3.0;
const SUMMARY_WEIGHT: f32 = 1.0;
const PLACE_WEIGHT: f32 = 1.0;

/// A word that only starts like the query word ("accom" → "accommodation") scores this much of
/// a full match: typing is rewarded, finished words still rank first.
const PREFIX_FACTOR: f32 = 0.6;

/// Query words shorter than this are matched whole only; one letter would match half the index.
const MIN_PREFIX_CHARS: usize = 2;

/// Query words beyond this many are ignored.
const MAX_QUERY_WORDS: usize = 16;

/// BM25's term-frequency saturation: repeated mentions help, with diminishing returns.
const SATURATION: f32 = 1.2;

/// An immutable, query-ready view of a catalogue.
pub struct Engine {
    catalogue: Catalogue,
    analyzer: Analyzer,
    /// Every indexed (folded) word with its word number, in alphabetical order for prefix scans.
    vocabulary: Vec<(String, usize)>,
    /// Word number → (resource position, weighted frequency), by resource position.
    postings: Vec<Vec<(u32, f32)>>,
    /// Stem → word numbers sharing it.
    stems: HashMap<String, Vec<u32>>,
    /// Facet → term position → resources carrying that term.
    facet_sets: [Vec<FixedBitSet>; 3],
    /// Each resource's place in alphabetical order of folded titles (ignoring case and accents).
    title_rank: Vec<u32>,
}

/// What results are ordered by: smaller sorts first. Every ordering is expressed as this one key
/// type, so the app carries one sort routine instead of one per ordering.
type SortKey = (i64, i64, u32, usize);

/// The answer to a [`BrowseQuery`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    /// Positions of matching resources, in the requested order.
    pub hits: Vec<usize>,
    /// Facet → term position → disjunctive count (see the module docs).
    pub counts: [Vec<usize>; 3],
    /// Search words that match no resource at all, whatever the filters.
    pub unknown_words: Vec<String>,
}

/// One way to widen a query that found nothing, with how many results it would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relaxation {
    RemoveText,
    RemoveTerm(Facet, String),
}

/// One analysed query word and the resources it matches, with scores.
struct WordMatch {
    word: String,
    docs: FixedBitSet,
    /// Score per resource position (0 where the word does not match).
    scores: Vec<f32>,
}

impl Engine {
    pub fn new(catalogue: Catalogue) -> Engine {
        let analyzer = Analyzer::default();
        let n = catalogue.resources.len();
        let (numbers, postings, stems) = build_postings(&catalogue, &analyzer);
        let facet_sets = build_facet_sets(&catalogue);
        // (String, usize) pairs are sorted twice here, so the app carries one sort for both.
        let mut vocabulary: Vec<(String, usize)> = numbers
            .into_iter()
            .map(|(w, id)| (w, id as usize))
            .collect();
        vocabulary.sort_unstable();
        let mut by_title: Vec<(String, usize)> = catalogue
            .resources
            .iter()
            .map(|r| fold(&r.title))
            .zip(0..)
            .collect();
        by_title.sort_unstable();
        let mut title_rank = vec![0; n];
        for (rank, (_, doc)) in by_title.into_iter().enumerate() {
            title_rank[doc] = rank as u32;
        }

        Engine {
            catalogue,
            analyzer,
            vocabulary,
            postings,
            stems,
            facet_sets,
            title_rank,
        }
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
        self.facet_sets[facet.index()]
            .iter()
            .map(|set| set.count_ones(..))
            .collect()
    }

    /// Runs a query: text match, facet filtering, disjunctive counts and ordering.
    pub fn search(&self, query: &BrowseQuery) -> SearchResult {
        let n = self.len();
        let words = self.match_words(query.text());
        let unknown_words = words
            .iter()
            .filter(|w| w.docs.is_clear())
            .map(|w| w.word.clone())
            .collect();

        let mut base = full_set(n);
        for w in &words {
            base.intersect_with(&w.docs);
        }
        let selections: [Option<FixedBitSet>; 3] = Facet::ALL.map(|f| self.selection_set(query, f));

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
            self.facet_sets[facet.index()]
                .iter()
                .map(|term_docs| others.intersection_count(term_docs))
                .collect()
        });

        let mut hits: Vec<usize> = results.ones().collect();
        self.order(&mut hits, query.sort, &words);
        SearchResult {
            hits,
            counts,
            unknown_words,
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

    /// Resources most like the one at `position`: sharing subjects counts most, then
    /// approaches, then type. Ties go to the most recently published.
    pub fn related(&self, position: usize, limit: usize) -> Vec<usize> {
        let this = self.resource(position);
        let shared = |a: &[String], b: &[String]| a.iter().filter(|x| b.contains(x)).count();
        let mut scored: Vec<SortKey> = self
            .catalogue
            .resources
            .iter()
            .enumerate()
            .filter(|(p, _)| *p != position)
            .filter_map(|(p, r)| {
                let score = 3 * shared(&this.subjects, &r.subjects)
                    + 2 * shared(&this.approaches, &r.approaches)
                    + usize::from(this.kind == r.kind);
                (score > 0).then(|| (-(score as i64), self.year_key(p), self.title_rank[p], p))
            })
            .collect();
        scored.sort_unstable();
        scored.into_iter().take(limit).map(|key| key.3).collect()
    }

    fn selection_set(&self, query: &BrowseQuery, facet: Facet) -> Option<FixedBitSet> {
        let selected = query.selected(facet);
        if selected.is_empty() {
            return None;
        }
        let mut set = FixedBitSet::with_capacity(self.len());
        for id in selected {
            if let Some(p) = self.catalogue.taxonomy.position(facet, id) {
                set.union_with(&self.facet_sets[facet.index()][p]);
            }
        }
        Some(set)
    }

    /// Analyses the search text and finds, for each word, the resources containing it (as the
    /// same stem, or as a word it begins) with a BM25-style score.
    fn match_words(&self, text: &str) -> Vec<WordMatch> {
        let n = self.len();
        let mut tokens = self.analyzer.tokens(text);
        // "study studies" asks for one thing, not the same thing twice.
        let mut seen: Vec<String> = Vec::new();
        tokens.retain(|t| {
            let new = !seen.contains(&t.stem);
            seen.push(t.stem.clone());
            new
        });
        tokens.truncate(MAX_QUERY_WORDS);
        tokens
            .into_iter()
            .map(|token| {
                // Weighted frequency per resource, dense: faster than a map at every size
                // measured (see benches/engine.rs).
                let mut tf = vec![0.0f32; n];
                let mut docs = FixedBitSet::with_capacity(n);
                let mut add = |word: u32, factor: f32| {
                    for &(doc, weight) in &self.postings[word as usize] {
                        docs.insert(doc as usize);
                        tf[doc as usize] += weight * factor;
                    }
                };
                let exact = self.stems.get(&token.stem).map_or(&[][..], Vec::as_slice);
                for &word in exact {
                    add(word, 1.0);
                }
                if token.word.chars().count() >= MIN_PREFIX_CHARS {
                    let start = self
                        .vocabulary
                        .partition_point(|(w, _)| w.as_str() < token.word.as_str());
                    let prefixed = self.vocabulary[start..]
                        .iter()
                        .take_while(|(w, _)| w.starts_with(&token.word))
                        .map(|&(_, id)| id as u32)
                        .filter(|id| !exact.contains(id));
                    for word in prefixed {
                        add(word, PREFIX_FACTOR);
                    }
                }
                let df = docs.count_ones(..) as f32;
                let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                for doc in docs.ones() {
                    let f = tf[doc];
                    tf[doc] = idf * f * (SATURATION + 1.0) / (f + SATURATION);
                }
                WordMatch {
                    word: token.word,
                    docs,
                    scores: tf,
                }
            })
            .collect()
    }

    fn order(&self, hits: &mut [usize], sort: Sort, words: &[WordMatch]) {
        let primary = |p: usize| -> i64 {
            match sort {
                // Scores are compared to a millionth, which is finer than any weight difference.
                Sort::Relevance => {
                    let score: f32 = words.iter().map(|w| w.scores[p]).sum();
                    -((score * 1e6) as i64)
                }
                Sort::Title => 0,
                Sort::Newest => -i64::from(self.resource(p).added.ordinal()),
                Sort::Year => self.year_key(p),
            }
        };
        let mut keyed: Vec<SortKey> = hits
            .iter()
            .map(|&p| (primary(p), 0, self.title_rank[p], p))
            .collect();
        keyed.sort_unstable();
        for (slot, key) in hits.iter_mut().zip(keyed) {
            *slot = key.3;
        }
    }

    /// Orders by publication year, newest first, undated last.
    fn year_key(&self, p: usize) -> i64 {
        self.resource(p).year.map_or(1, |y| -i64::from(y))
    }
}

/// What [`build_postings`] gives: word number by (folded) word, word number → postings (see
/// [`Engine`]), and stem → word numbers sharing it.
type Postings = (
    HashMap<String, u32>,
    Vec<Vec<(u32, f32)>>,
    HashMap<String, Vec<u32>>,
);

/// Builds the inverted index: numbers each distinct word, stems it once, and lists the resources
/// containing it with the weighted frequency of each.
#[inline]
fn build_postings(catalogue: &Catalogue, analyzer: &Analyzer) -> Postings {
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
    let mut stems: HashMap<String, Vec<u32>> = HashMap::new();
    // Word numbers and weights for one resource; sorted and merged per resource, which is
    // faster than a hash map for the few dozen words a resource has.
    let mut doc_words: Vec<(u32, f32)> = Vec::new();

    for (doc, resource) in catalogue.resources.iter().enumerate() {
        doc_words.clear();
        for (text, weight) in fields(catalogue, resource) {
            for_each_word(&text, |word| {
                // Stemming is the costly step, so each distinct word is stemmed once.
                let id = match numbers.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        postings.push(Vec::new());
                        stems.entry(analyzer.stem(word)).or_default().push(id);
                        numbers.insert(word.to_owned(), id);
                        id
                    }
                };
                doc_words.push((id, weight));
            });
        }
        doc_words.sort_unstable_by_key(|&(word, _)| word);
        let mut i = 0;
        while i < doc_words.len() {
            let word = doc_words[i].0;
            let mut weight = 0.0;
            while i < doc_words.len() && doc_words[i].0 == word {
                weight += doc_words[i].1;
                i += 1;
            }
            postings[word as usize].push((doc as u32, weight));
        }
    }
    (numbers, postings, stems)
}

/// Facet → term position → resources carrying that term.
#[inline]
fn build_facet_sets(catalogue: &Catalogue) -> [Vec<FixedBitSet>; 3] {
    let n = catalogue.resources.len();
    Facet::ALL.map(|facet| {
        catalogue
            .taxonomy
            .terms(facet)
            .iter()
            .map(|term| {
                let mut set = FixedBitSet::with_capacity(n);
                for (doc, r) in catalogue.resources.iter().enumerate() {
                    if r.terms(facet).contains(&term.id) {
                        set.insert(doc);
                    }
                }
                set
            })
            .collect()
    })
}

fn full_set(n: usize) -> FixedBitSet {
    let mut set = FixedBitSet::with_capacity(n);
    set.insert_range(..);
    set
}

/// The searchable text of a resource, field by field, with each field's weight.
fn fields(catalogue: &Catalogue, r: &Resource) -> Vec<(String, f32)> {
    let taxonomy = &catalogue.taxonomy;
    let labels: Vec<&str> = Facet::ALL
        .into_iter()
        .flat_map(|f| r.terms(f).iter().map(move |id| taxonomy.label(f, id)))
        .collect();
    vec![
        (r.title.clone(), TITLE_WEIGHT),
        (labels.join(" "), TAXONOMY_WEIGHT),
        (r.credit(), CREDIT_WEIGHT),
        (r.summary.clone(), SUMMARY_WEIGHT),
        (format!("{} {}", r.country, r.sector), PLACE_WEIGHT),
    ]
}
