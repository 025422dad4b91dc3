//! What a visitor asked for on the browse page, and its round trip through the URL query string.
//!
//! The URL is the only place browse state lives, so parsing must accept anything a person or a
//! link checker might type: unknown keys and malformed values are ignored, never an error.

use crate::model::{FACETS, Facet};
use crate::rules::is_slug;

/// Query-string key for the search text.
pub const TEXT_KEY: &str = "q";
/// Query-string key for the sort order.
pub const SORT_KEY: &str = "sort";

/// Query-string key that starts the app in embed mode (`?embed=1`) or out of it (`?embed=0`).
pub const EMBED_KEY: &str = "embed";

/// The values a yes/no flag in a URL takes for yes, and for no. (The page's embed check,
/// which runs before the app, is given them by the build: see `src/contract.rs`.)
pub const FLAG_ON: [&str; 3] = ["1", "true", "yes"];
pub const FLAG_OFF: [&str; 3] = ["0", "false", "no"];

/// Reads a yes/no flag from a raw query string: one of [`FLAG_ON`] or [`FLAG_OFF`]; anything
/// else, or no such key, is `None`. The last value given counts.
pub fn flag(query_string: &str, key: &str) -> Option<bool> {
    let qs = query_string.strip_prefix('?').unwrap_or(query_string);
    form_urlencoded::parse(qs.as_bytes())
        .filter(|(k, _)| k == key)
        .filter_map(|(_, v)| match v.as_ref() {
            v if FLAG_ON.contains(&v) => Some(true),
            v if FLAG_OFF.contains(&v) => Some(false),
            _ => None,
        })
        .last()
}

/// Longest search text kept from a URL or the search box, in characters. Longer text is cut,
/// which keeps a pasted paragraph from making every keystroke slow.
pub const MAX_TEXT_CHARS: usize = 200;

/// Result orderings offered on the browse page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    /// Best match first when there is search text; alphabetical by title otherwise.
    #[default]
    Relevance,
    /// Most recently added to the toolkit first.
    Newest,
    /// Alphabetical by title.
    Title,
    /// Most recently published first; undated resources last.
    Year,
    /// The strongest standard of evidence first, then the kinds of evidence in the taxonomy's
    /// order (strongest first), then the most recently published.
    Evidence,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::Newest,
        Sort::Title,
        Sort::Year,
        Sort::Evidence,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Title => "title",
            Sort::Year => "year",
            Sort::Evidence => "evidence",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Newest => "Newest added",
            Sort::Title => "Title (A–Z)",
            Sort::Year => "Publication year (newest)",
            Sort::Evidence => "Strongest evidence first",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The browse page's state: search text, selected facet terms and sort order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct BrowseQuery {
    text: String,
    selected: [Vec<String>; FACETS],
    pub sort: Sort,
}

impl BrowseQuery {
    /// Reads a query from decoded key/value pairs (as a router hands them over).
    ///
    /// Facet values may be repeated keys or comma-separated (`type=a,b`); values that are not
    /// slugs are dropped. Validity against the taxonomy is checked later by the engine, which
    /// knows the catalogue.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> BrowseQuery {
        let mut query = BrowseQuery::default();
        for (key, value) in pairs {
            if key == TEXT_KEY {
                query.set_text(value);
            } else if key == SORT_KEY {
                query.sort = Sort::from_key(value).unwrap_or_default();
            } else if let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == key) {
                for id in value.split(',').map(str::trim).filter(|id| is_slug(id)) {
                    query.select(facet, id);
                }
            }
        }
        query
    }

    /// A query selecting one term and nothing else: the link behind a term's name.
    pub fn selecting(facet: Facet, id: &str) -> BrowseQuery {
        let mut query = BrowseQuery::default();
        query.select(facet, id);
        query
    }

    /// Reads a raw (still percent-encoded) query string, with or without its leading `?`.
    pub fn parse(query_string: &str) -> BrowseQuery {
        let qs = query_string.strip_prefix('?').unwrap_or(query_string);
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(qs.as_bytes()).into_owned().collect();
        BrowseQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The query as a URL query string without the leading `?`; empty for the default query.
    /// Keys always come in the same order so equal queries give equal URLs.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push((
                TEXT_KEY,
                form_urlencoded::byte_serialize(self.text.as_bytes()).collect(),
            ));
        }
        for facet in Facet::ALL {
            let ids = self.selected(facet);
            if !ids.is_empty() {
                // Slugs need no escaping, and a bare comma keeps shared links readable.
                pairs.push((facet.key(), ids.join(",")));
            }
        }
        if self.sort != Sort::default() {
            pairs.push((SORT_KEY, self.sort.key().to_owned()));
        }
        let pairs: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join("&")
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Sets the search text, trimmed and cut to [`MAX_TEXT_CHARS`].
    pub fn set_text(&mut self, text: &str) {
        let text = text.trim();
        self.text = match text.char_indices().nth(MAX_TEXT_CHARS) {
            Some((cut, _)) => text[..cut].trim_end().to_owned(),
            None => text.to_owned(),
        };
    }

    pub fn selected(&self, facet: Facet) -> &[String] {
        &self.selected[facet.index()]
    }

    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.selected(facet).iter().any(|s| s == id)
    }

    pub fn select(&mut self, facet: Facet, id: &str) {
        if !self.is_selected(facet, id) {
            self.selected[facet.index()].push(id.to_owned());
        }
    }

    pub fn deselect(&mut self, facet: Facet, id: &str) {
        self.selected[facet.index()].retain(|s| s != id);
    }

    pub fn toggle(&mut self, facet: Facet, id: &str) {
        if self.is_selected(facet, id) {
            self.deselect(facet, id);
        } else {
            self.select(facet, id);
        }
    }

    /// Replaces the selection of one facet (the engine uses this to drop unknown ids and put
    /// the rest in taxonomy order).
    pub fn set_selected(&mut self, facet: Facet, ids: Vec<String>) {
        self.selected[facet.index()] = ids;
    }

    /// True when any facet term or search text narrows the results.
    pub fn is_filtered(&self) -> bool {
        !self.text.is_empty() || self.selected.iter().any(|s| !s.is_empty())
    }

    /// Removes the search text and every facet selection, keeping the sort order.
    pub fn clear_filters(&mut self) {
        self.text.clear();
        self.selected = Default::default();
    }

    /// Every selected (facet, id) pair, facets in display order.
    pub fn selections(&self) -> impl Iterator<Item = (Facet, &str)> {
        Facet::ALL
            .into_iter()
            .flat_map(move |f| self.selected(f).iter().map(move |id| (f, id.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn round_trip(qs: &str, canonical: &str) {
        let q = BrowseQuery::parse(qs);
        assert_eq!(q.to_query_string(), canonical, "canonical form of {qs:?}");
        assert_eq!(
            BrowseQuery::parse(canonical),
            q,
            "re-parse of {canonical:?}"
        );
    }

    #[test]
    fn empty_query_is_empty_string() {
        round_trip("", "");
        round_trip("?", "");
    }

    #[test]
    fn text_is_encoded_and_decoded() {
        round_trip(
            "?q=case+study+%26+accommodation",
            "q=case+study+%26+accommodation",
        );
        round_trip("q=caf%C3%A9", "q=caf%C3%A9");
        round_trip("q=++padded++", "q=padded");
    }

    #[test]
    fn facets_accept_commas_and_repeats_and_drop_duplicates() {
        round_trip(
            "type=case-study&approach=self-management,emotional-control&type=case-study,research-report",
            "approach=self-management,emotional-control&type=case-study,research-report",
        );
    }

    #[test]
    fn malformed_values_and_unknown_keys_are_ignored() {
        round_trip(
            "approach=Not%20A%20Slug,,-bad,ok&sort=sideways&utm_source=x&subject=%FF",
            "approach=ok",
        );
        round_trip("sort=newest&sort=bogus", "");
        round_trip("sort=year", "sort=year");
    }

    #[test]
    fn very_long_text_is_cut() {
        let long = "é".repeat(MAX_TEXT_CHARS + 50);
        let q = BrowseQuery::parse(&format!("q={long}"));
        assert_eq!(q.text().chars().count(), MAX_TEXT_CHARS);
    }

    #[test]
    fn toggling_twice_restores_the_query() {
        let mut q = BrowseQuery::parse("approach=self-management");
        let before = q.clone();
        q.toggle(Facet::Subject, "careers");
        assert_eq!(
            q.to_query_string(),
            "approach=self-management&subject=careers"
        );
        q.toggle(Facet::Subject, "careers");
        assert_eq!(q, before);
    }

    #[test]
    fn flags_read_yes_and_no_and_ignore_the_rest() {
        assert_eq!(flag("?embed=1", EMBED_KEY), Some(true));
        assert_eq!(flag("q=x&embed=true", EMBED_KEY), Some(true));
        assert_eq!(flag("embed=0", EMBED_KEY), Some(false));
        assert_eq!(flag("embed=maybe", EMBED_KEY), None);
        assert_eq!(flag("", EMBED_KEY), None);
    }

    #[test]
    fn clearing_keeps_the_sort() {
        let mut q = BrowseQuery::parse("q=x&type=case-study&sort=title");
        assert!(q.is_filtered());
        q.clear_filters();
        assert!(!q.is_filtered());
        assert_eq!(q.to_query_string(), "sort=title");
    }
}
