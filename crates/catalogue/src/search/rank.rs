//! Ordering: results by the requested sort (relevance first by names, then by how many pieces
//! and how well they matched, then by score), and related resources.

use fixedbitset::FixedBitSet;

use super::Engine;
use super::units::Unit;
use crate::model::{Catalogue, Facet};
use crate::query::{BrowseQuery, Sort};
use crate::text::{fold, searched};

/// What results are ordered by: smaller sorts first. Every ordering is expressed as this one key
/// type, so the app carries one sort routine instead of one per ordering.
type SortKey = (i64, i64, u32, usize);

/// Each resource's place in alphabetical order of folded titles.
pub(super) fn title_ranks(catalogue: &Catalogue) -> Vec<u32> {
    // (String, usize) pairs are sorted here and in `related`, so the app carries one sort.
    let mut by_title: Vec<(String, usize)> = catalogue
        .resources
        .iter()
        .map(|r| fold(&r.title))
        .zip(0..)
        .collect();
    by_title.sort_unstable();
    let mut ranks = vec![0; by_title.len()];
    for (rank, (_, doc)) in by_title.into_iter().enumerate() {
        ranks[doc] = rank as u32;
    }
    ranks
}

impl Engine {
    /// Orders hits. Whatever the sort, resources matching more pieces come first (which only
    /// matters for partial matches). By relevance: resources by an author or publisher the
    /// search text names come first, then those matching more pieces at better tiers (exact,
    /// synonym, beginning, typo), then by score.
    pub(super) fn order(&self, hits: &mut [usize], query: &BrowseQuery, units: &[Unit]) {
        let named = match query.sort {
            Sort::Relevance if !units.is_empty() => self.named(query.text()),
            _ => FixedBitSet::new(),
        };
        let key = |p: usize| -> SortKey {
            let matched = units.iter().filter(|u| u.docs.contains(p)).count() as i64;
            let (first, second) = match query.sort {
                Sort::Relevance => {
                    let tiers: i64 = units.iter().map(|u| i64::from(u.tiers[p])).sum();
                    let name = i64::from(named.contains(p));
                    let score: f32 = units.iter().map(|u| u.scores[p]).sum();
                    // Scores are compared to a millionth, finer than any weight difference.
                    ((name << 40) | (matched << 20) | tiers, (score * 1e6) as i64)
                }
                Sort::Title => (matched, 0),
                Sort::Newest => (matched, i64::from(self.resource(p).added.ordinal())),
                Sort::Year => (matched, -self.year_key(p)),
                Sort::Evidence => (matched, -self.strength_key(p)),
            };
            (-first, -second, self.title_rank[p], p)
        };
        let mut keyed: Vec<SortKey> = hits.iter().map(|&p| key(p)).collect();
        keyed.sort_unstable();
        for (slot, key) in hits.iter_mut().zip(keyed) {
            *slot = key.3;
        }
    }

    /// Resources credited to a name the search text is, or begins (at least the first two
    /// words of a longer name, so "student" alone does not favour "Student Minds").
    fn named(&self, text: &str) -> FixedBitSet {
        let mut out = FixedBitSet::with_capacity(self.len());
        let key = searched(text);
        if key.len() < 3 {
            return out;
        }
        let query_words = key.split(' ').count();
        let names = &self.index.names;
        let start = names.partition_point(|(name, _)| name.as_str() < key.as_str());
        for (name, docs) in names[start..]
            .iter()
            .take_while(|(name, _)| name.starts_with(&key))
        {
            let name_words = name.split(' ').count();
            if *name == key || query_words >= name_words.min(2) {
                out.extend(docs.iter().map(|&d| d as usize));
            }
        }
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

    /// Orders by publication year, newest first, undated last.
    fn year_key(&self, p: usize) -> i64 {
        self.resource(p).year.map_or(1, |y| -i64::from(y))
    }

    /// Orders by the strength of evidence: the standard's place in the taxonomy (strongest
    /// first), then the kind's, then by publication year, newest first, undated last.
    fn strength_key(&self, p: usize) -> i64 {
        let r = self.resource(p);
        let taxonomy = &self.catalogue.taxonomy;
        let place = |facet, id| taxonomy.position(facet, id).map_or(0xFFFF, |p| p as i64);
        let standard = place(Facet::Standard, &r.standard);
        let kind = place(Facet::Evidence, &r.evidence);
        // A year fits in 16 bits and a kind's place in 16 more.
        (((standard << 16) | kind) << 16) + self.year_key(p) + (1 << 15)
    }
}
