//! Matching one piece of the search text against the index: the resources it finds, how well
//! (exactly, as a synonym, as a word beginning, or despite a typo) and with what score.

use fixedbitset::FixedBitSet;

use super::index::{Index, MAX_LENGTH_BUCKET, phrase_fields};
use super::parse::Piece;
use super::typo::{allowed_edits, distance};
use crate::model::Catalogue;
use crate::text::for_each_word;

/// How a word of the catalogue matched a word of the query, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    Typo = 1,
    Prefix = 2,
    Synonym = 3,
    Exact = 4,
}

impl Tier {
    /// How much of a full match's score a match of this tier earns.
    fn factor(self) -> f32 {
        match self {
            Tier::Exact => 1.0,
            Tier::Synonym => 0.8,
            Tier::Prefix => 0.6,
            Tier::Typo => 0.4,
        }
    }
}

/// Query words shorter than this are matched whole only; one letter would match half the index.
const MIN_PREFIX_CHARS: usize = 2;

/// BM25's term-frequency saturation: repeated mentions help, with diminishing returns.
const SATURATION: f32 = 1.2;

/// One piece of the query and what it matched.
pub(super) struct Unit {
    /// The piece as the notices name it.
    pub text: String,
    pub docs: FixedBitSet,
    /// Score per resource position (0 where the piece does not match).
    pub scores: Vec<f32>,
    /// Best [`Tier`] per resource position, as a number (0 where the piece does not match).
    pub tiers: Vec<u8>,
    /// The catalogue's words it matched.
    pub words: Vec<u32>,
    /// For a word found neither exactly nor as a beginning: the closest word of the catalogue.
    pub suggestion: Option<u32>,
}

impl Unit {
    fn empty(text: String, n: usize) -> Unit {
        Unit {
            text,
            docs: FixedBitSet::with_capacity(n),
            scores: vec![0.0; n],
            tiers: vec![0; n],
            words: Vec::new(),
            suggestion: None,
        }
    }

    /// Adds every resource holding `word`, matched at `tier` (its score shared by `edits` + 1).
    fn add(&mut self, index: &Index, word: u32, tier: Tier, edits: usize) {
        let factor = tier.factor() / (edits + 1) as f32;
        for &(doc, weight) in &index.postings[word as usize] {
            let doc = doc as usize;
            self.docs.insert(doc);
            self.scores[doc] += weight * factor;
            self.tiers[doc] = self.tiers[doc].max(tier as u8);
        }
        self.words.push(word);
    }

    /// Turns the weighted frequencies into BM25-style scores: rarer words count more, and
    /// repeated mentions with diminishing returns.
    fn finish(mut self) -> Unit {
        let n = self.scores.len() as f32;
        let df = self.docs.count_ones(..) as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for doc in self.docs.ones() {
            let f = self.scores[doc];
            self.scores[doc] = idf * f * (SATURATION + 1.0) / (f + SATURATION);
        }
        self
    }

    /// This unit and `other` as alternatives: a resource matches if either matches, with the
    /// better score and tier.
    fn or(mut self, other: Unit) -> Unit {
        self.docs.union_with(&other.docs);
        for doc in other.docs.ones() {
            self.scores[doc] = self.scores[doc].max(other.scores[doc]);
            self.tiers[doc] = self.tiers[doc].max(other.tiers[doc]);
        }
        self.words.extend(other.words);
        self
    }
}

/// Matches query pieces against one catalogue's index.
pub(super) struct Matcher<'a> {
    pub index: &'a Index,
    pub catalogue: &'a Catalogue,
}

impl Matcher<'_> {
    pub fn unit(&self, piece: &Piece) -> Unit {
        match piece {
            Piece::Word(word) => self.word(word),
            Piece::Words { parts, joined } => {
                let phrase = self.phrase(piece.text(), parts);
                match joined {
                    Some(joined) => phrase.or(self.word(joined)),
                    None => phrase,
                }
            }
        }
    }

    /// A word: the words sharing its stem, its synonyms, the words it begins, and the words a
    /// typo or two away (by its length), each at its tier.
    fn word(&self, word: &str) -> Unit {
        let index = self.index;
        let n = self.catalogue.resources.len();
        let mut unit = Unit::empty(word.to_owned(), n);
        // Each word of the catalogue is counted once, at the best tier it matches.
        let mut seen = FixedBitSet::with_capacity(index.words.len());
        let add = |unit: &mut Unit, seen: &mut FixedBitSet, id: u32, tier: Tier, edits| {
            if !seen.put(id as usize) {
                unit.add(index, id, tier, edits);
            }
        };
        let stem = index.analyzer.stem(word);
        for &id in index.stems.get(&stem).into_iter().flatten() {
            add(&mut unit, &mut seen, id, Tier::Exact, 0);
        }
        for &group in index.synonyms.get(&stem).into_iter().flatten() {
            for other in &index.synonym_groups[group as usize] {
                for &id in index.stems.get(other).into_iter().flatten() {
                    add(&mut unit, &mut seen, id, Tier::Synonym, 0);
                }
            }
        }
        let chars = word.chars().count();
        if chars >= MIN_PREFIX_CHARS {
            let words = &index.words;
            let start = index
                .alphabetical
                .partition_point(|&id| words[id as usize].as_str() < word);
            let prefixed = index.alphabetical[start..]
                .iter()
                .take_while(|&&id| words[id as usize].starts_with(word));
            for &id in prefixed {
                add(&mut unit, &mut seen, id, Tier::Prefix, 0);
            }
        }
        let found = !unit.words.is_empty();
        // A word too short for typos needs the scan only for a suggestion.
        let typos = match found && allowed_edits(chars) == 0 {
            true => Vec::new(),
            false => self.typos(word, chars, &seen),
        };
        if !found {
            unit.suggestion = self.closest(&typos);
        }
        for (id, edits) in typos {
            if edits <= allowed_edits(chars) {
                add(&mut unit, &mut seen, id, Tier::Typo, edits);
            }
        }
        unit.finish()
    }

    /// Words of the catalogue not yet matched within the edits allowed for a word this long (or
    /// one edit for a three-letter word, for suggestions only), with their distance.
    fn typos(&self, word: &str, chars: usize, seen: &FixedBitSet) -> Vec<(u32, usize)> {
        let max = allowed_edits(chars).max(usize::from(chars >= 3));
        if max == 0 || word.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let lengths = chars.saturating_sub(max)..=(chars + max).min(MAX_LENGTH_BUCKET);
        let mut out = Vec::new();
        for length in lengths {
            for &id in &self.index.by_length[length] {
                if seen.contains(id as usize) {
                    continue;
                }
                if let Some(d) = distance(word, self.index.word(id), max) {
                    out.push((id, d));
                }
            }
        }
        out
    }

    /// The candidate a visitor most likely meant: fewest edits, then most resources.
    fn closest(&self, candidates: &[(u32, usize)]) -> Option<u32> {
        let postings = &self.index.postings;
        candidates
            .iter()
            .min_by_key(|&&(id, d)| (d, usize::MAX - postings[id as usize].len(), id))
            .map(|&(id, _)| id)
    }

    /// Words that must stand next to each other, in order, in one field: each matched exactly
    /// (by stem), then the candidates read again to check the order.
    fn phrase(&self, text: String, parts: &[String]) -> Unit {
        let index = self.index;
        let n = self.catalogue.resources.len();
        let mut unit = Unit::empty(text, n);
        let mut candidates = FixedBitSet::with_capacity(n);
        candidates.insert_range(..);
        let mut sets: Vec<Vec<u32>> = Vec::with_capacity(parts.len());
        for part in parts {
            // In ascending order: words are numbered as they are first met.
            let ids = index
                .stems
                .get(&index.analyzer.stem(part))
                .cloned()
                .unwrap_or_default();
            let mut docs = FixedBitSet::with_capacity(n);
            for &id in &ids {
                docs.extend(index.postings[id as usize].iter().map(|&(d, _)| d as usize));
            }
            candidates.intersect_with(&docs);
            sets.push(ids);
        }
        for doc in candidates.ones() {
            if self.has_phrase(doc, &sets) {
                for ids in &sets {
                    for &id in ids {
                        add_one(&mut unit, index, id, doc);
                    }
                }
            }
        }
        for ids in &sets {
            unit.words.extend(ids);
        }
        unit.finish()
    }

    /// Whether one field of the resource has a word of each set, in a row.
    fn has_phrase(&self, doc: usize, sets: &[Vec<u32>]) -> bool {
        let resource = &self.catalogue.resources[doc];
        let mut ids: Vec<u32> = Vec::new();
        phrase_fields(resource).any(|text| {
            ids.clear();
            for_each_word(text, |w| {
                ids.push(self.index.numbers.get(w).copied().unwrap_or(u32::MAX));
            });
            ids.windows(sets.len()).any(|window| {
                window
                    .iter()
                    .zip(sets)
                    .all(|(id, set)| set.binary_search(id).is_ok())
            })
        })
    }
}

/// Adds one resource's entry of `word` to a phrase's unit, as an exact match.
fn add_one(unit: &mut Unit, index: &Index, word: u32, doc: usize) {
    let postings = &index.postings[word as usize];
    if let Ok(i) = postings.binary_search_by_key(&(doc as u32), |&(d, _)| d) {
        unit.docs.insert(doc);
        unit.scores[doc] += postings[i].1;
        unit.tiers[doc] = Tier::Exact as u8;
    }
}
