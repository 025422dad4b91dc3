//! Building the inverted index: every word of every resource, numbered, stemmed once, with the
//! resources that hold it; the facets' resource sets; the names of authors and publishers; and
//! the synonym groups.

use fixedbitset::FixedBitSet;
use rustc_hash::FxHashMap as HashMap;

use crate::model::{Catalogue, FACETS, Facet, Resource};
use crate::text::{Analyzer, IndexWords, fold, searched};

/// How much a word counts depending on where it appears. Titles say most about a resource;
/// taxonomy labels and credits are short and deliberate; summaries are longer and looser.
const TITLE_WEIGHT: f32 = 5.0;
const TAXONOMY_WEIGHT: f32 = 3.0;
const CREDIT_WEIGHT: f32 = 3.0;
const SUMMARY_WEIGHT: f32 = 1.0;
const PLACE_WEIGHT: f32 = 1.0;

/// Words longer than this many characters share the last length bucket of [`Index::by_length`].
pub(super) const MAX_LENGTH_BUCKET: usize = 32;

/// The catalogue's words and where they are.
pub(super) struct Index {
    pub analyzer: Analyzer,
    /// Word number → the (folded) word.
    pub words: Vec<String>,
    /// Word → word number.
    pub numbers: HashMap<String, u32>,
    /// Word numbers in alphabetical order of their words, for prefix scans.
    pub alphabetical: Vec<u32>,
    /// Word length in characters (capped at [`MAX_LENGTH_BUCKET`]) → word numbers, for typo scans
    /// (words with digits are left out).
    pub by_length: Vec<Vec<u32>>,
    /// Word number → (resource position, weighted frequency), by resource position.
    pub postings: Vec<Vec<(u32, f32)>>,
    /// Stem → word numbers sharing it.
    pub stems: HashMap<String, Vec<u32>>,
    /// Stem → the synonym groups (positions in `synonym_groups`) that have it.
    pub synonyms: HashMap<String, Vec<u32>>,
    /// Each synonym group's stems.
    pub synonym_groups: Vec<Vec<String>>,
    /// Facet → term position → resources carrying that term.
    pub facet_sets: [Vec<FixedBitSet>; FACETS],
    /// Facet → term position → the word numbers of its labels, English and Welsh (see
    /// [`Facet::found_by_label`]), and aliases.
    pub term_words: [Vec<Vec<u32>>; FACETS],
    /// Authors' and publishers' names (folded words, one space apart), sorted, each with the
    /// resources crediting it.
    pub names: Vec<(String, Vec<u32>)>,
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Index {
        let mut index = Index {
            analyzer: Analyzer::default(),
            words: Vec::new(),
            numbers: HashMap::default(),
            alphabetical: Vec::new(),
            by_length: vec![Vec::new(); MAX_LENGTH_BUCKET + 1],
            postings: Vec::new(),
            stems: HashMap::default(),
            synonyms: HashMap::default(),
            synonym_groups: Vec::new(),
            facet_sets: Default::default(),
            term_words: Default::default(),
            names: names(catalogue),
        };
        let mut splitter = IndexWords::default();
        index.term_words = Facet::ALL.map(|facet| {
            let terms = catalogue.taxonomy.terms(facet);
            let by_label = facet.found_by_label();
            // A term is found by its Welsh label wherever its English one finds it.
            let texts = terms.iter().map(|t| {
                let welsh = t.cy.as_ref().map(|cy| &cy.label);
                let labels = [Some(&t.label), welsh].into_iter().flatten();
                (labels.filter(move |_| by_label), &t.aliases)
            });
            texts
                .map(|(labels, aliases)| {
                    let mut ids = Vec::new();
                    for text in labels.chain(aliases) {
                        splitter.each(text, |w| ids.push(index.number(w)));
                    }
                    ids
                })
                .collect()
        });
        index.index_resources(catalogue, &mut splitter);
        // Sorted as (String, usize) pairs, like the titles, so the app carries one sort for both.
        let mut words: Vec<(String, usize)> = index.words.iter().cloned().zip(0..).collect();
        words.sort_unstable();
        index.alphabetical = words.into_iter().map(|(_, id)| id as u32).collect();
        for group in &catalogue.synonyms {
            let number = index.synonym_groups.len() as u32;
            let stems: Vec<String> = group
                .iter()
                .map(|w| index.analyzer.stem(&fold(w)))
                .collect();
            for stem in &stems {
                index.synonyms.entry(stem.clone()).or_default().push(number);
            }
            index.synonym_groups.push(stems);
        }
        index
    }

    /// The number of a word, numbering it (and stemming it, the costly step, once) if new.
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.numbers.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_owned());
        self.postings.push(Vec::new());
        let stem = self.analyzer.stem(word);
        self.stems.entry(stem).or_default().push(id);
        self.numbers.insert(word.to_owned(), id);
        // Numbers are never typos of each other: "2017" is not a misspelt "2018".
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            self.by_length[word.chars().count().min(MAX_LENGTH_BUCKET)].push(id);
        }
        id
    }

    /// Lists every resource under each of its words, with the word's weighted frequency, and
    /// in the sets of the terms it carries.
    fn index_resources(&mut self, catalogue: &Catalogue, splitter: &mut IndexWords) {
        let n = catalogue.resources.len();
        // Term id → position, per facet (a linear search per reference was 5% of the build).
        let mut positions: [HashMap<String, u32>; FACETS] = Default::default();
        for facet in Facet::ALL {
            let terms = catalogue.taxonomy.terms(facet);
            self.facet_sets[facet.index()] = vec![FixedBitSet::with_capacity(n); terms.len()];
            positions[facet.index()] = terms.iter().map(|t| t.id.clone()).zip(0..).collect();
        }
        // Word numbers and weights for one resource; sorted and merged per resource, which is
        // faster than a hash map for the few dozen words a resource has.
        let mut doc_words: Vec<(u32, f32)> = Vec::new();
        for (doc, resource) in catalogue.resources.iter().enumerate() {
            doc_words.clear();
            for (text, weight) in fields(resource) {
                splitter.each(text, |word| doc_words.push((self.number(word), weight)));
            }
            for facet in Facet::ALL {
                for id in resource.terms(facet) {
                    let Some(&p) = positions[facet.index()].get(id.as_str()) else {
                        continue;
                    };
                    self.facet_sets[facet.index()][p as usize].insert(doc);
                    let words = &self.term_words[facet.index()][p as usize];
                    doc_words.extend(words.iter().map(|&w| (w, TAXONOMY_WEIGHT)));
                }
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
                self.postings[word as usize].push((doc as u32, weight));
            }
        }
    }

    /// The word with this number.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }
}

/// The searchable text of a resource (besides its taxonomy terms), field by field, with each
/// field's weight.
fn fields(r: &Resource) -> impl Iterator<Item = (&str, f32)> {
    let credit = r.authors.iter().map(|a| (a.as_str(), CREDIT_WEIGHT));
    [(r.title.as_str(), TITLE_WEIGHT)]
        .into_iter()
        .chain(credit)
        .chain([
            (r.publisher.as_str(), CREDIT_WEIGHT),
            (r.summary.as_str(), SUMMARY_WEIGHT),
            (r.country.as_str(), PLACE_WEIGHT),
            (r.sector.as_str(), PLACE_WEIGHT),
        ])
}

/// The text fields of a resource in which a phrase may be found (its words in order).
pub(super) fn phrase_fields(r: &Resource) -> impl Iterator<Item = &str> {
    fields(r).map(|(text, _)| text)
}

/// Every author's and publisher's name, as compared with a query, with the resources crediting
/// it. A publisher field naming several ("Office for Students, Research England") gives each.
fn names(catalogue: &Catalogue) -> Vec<(String, Vec<u32>)> {
    // (String, usize) pairs, sorted like the titles (one sort in the app for both).
    let mut pairs: Vec<(String, usize)> = Vec::new();
    for (doc, r) in catalogue.resources.iter().enumerate() {
        let publishers = r.publisher.split([',', ';']);
        for name in r.authors.iter().map(String::as_str).chain(publishers) {
            let key = searched(name);
            if !key.is_empty() {
                pairs.push((key, doc));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out: Vec<(String, Vec<u32>)> = Vec::new();
    for (name, doc) in pairs {
        match out.last_mut() {
            Some((last, docs)) if *last == name => docs.push(doc as u32),
            _ => out.push((name, vec![doc as u32])),
        }
    }
    out
}
