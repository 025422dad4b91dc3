//! The validated catalogue: taxonomy terms and resources, as the rest of the toolkit sees them.
//!
//! Values of these types only come out of [`validate`](mod@crate::validate), so code that holds a
//! [`Catalogue`] can rely on the invariants listed on each type without checking again.

use serde::Serialize;

use crate::comment::Comment;

/// One of the ways the catalogue is faceted: the toolkit's three approaches, the resource
/// types and subjects, and the evidence behind each resource (its kind, and where it stands on
/// the Office for Students' standards of evidence).
///
/// The order of [`Facet::ALL`] is the order facets appear in the interface and in URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Approach,
    Type,
    Standard,
    Evidence,
    Subject,
}

/// How many facets there are: the length of every per-facet array.
pub const FACETS: usize = 5;

impl Facet {
    pub const ALL: [Facet; FACETS] = [
        Facet::Approach,
        Facet::Type,
        Facet::Standard,
        Facet::Evidence,
        Facet::Subject,
    ];

    /// The URL query key for this facet (`?approach=…&type=…&subject=…`).
    pub const fn key(self) -> &'static str {
        match self {
            Facet::Approach => "approach",
            Facet::Type => "type",
            Facet::Standard => "standard",
            Facet::Evidence => "evidence",
            Facet::Subject => "subject",
        }
    }

    /// The heading shown above this facet's options.
    pub const fn label(self) -> &'static str {
        match self {
            Facet::Approach => "Approach",
            Facet::Type => "Resource type",
            Facet::Standard => "Standard of evidence",
            Facet::Evidence => "Kind of evidence",
            Facet::Subject => "Subject",
        }
    }

    /// The field naming this facet's terms in a resource record.
    pub const fn record_key(self) -> &'static str {
        match self {
            Facet::Approach => "approaches",
            Facet::Type => "type",
            Facet::Standard => "standard",
            Facet::Evidence => "evidence",
            Facet::Subject => "subjects",
        }
    }

    /// The list of this facet's terms in the taxonomy (and the first segment of their pages'
    /// paths).
    pub const fn list_key(self) -> &'static str {
        match self {
            Facet::Approach => "approaches",
            Facet::Type => "types",
            Facet::Standard => "standards",
            Facet::Evidence => "evidence",
            Facet::Subject => "subjects",
        }
    }

    /// One term of this facet, in a sentence: "an unknown *resource type*".
    pub const fn noun(self) -> &'static str {
        match self {
            Facet::Approach => "approach",
            Facet::Type => "resource type",
            Facet::Standard => "standard of evidence",
            Facet::Evidence => "kind of evidence",
            Facet::Subject => "subject",
        }
    }

    /// Several terms of this facet, in a sentence: "5 more *kinds of evidence*".
    pub const fn plural(self) -> &'static str {
        match self {
            Facet::Approach => "approaches",
            Facet::Type => "resource types",
            Facet::Standard => "standards of evidence",
            Facet::Evidence => "kinds of evidence",
            Facet::Subject => "subjects",
        }
    }

    /// Whether a search finds this facet's terms by their labels as well as their aliases. Not
    /// for standards: "Not an impact study" must not be what a search for "impact" finds, so a
    /// standard is found by its aliases alone ("causal", "Type 3").
    pub const fn found_by_label(self) -> bool {
        !matches!(self, Facet::Standard)
    }

    pub const fn index(self) -> usize {
        self as usize
    }
}

/// A taxonomy term: an approach, a resource type, a standard or kind of evidence, or a subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// Stable slug used in resources and URLs; unique within its facet.
    pub id: String,
    /// Short human label; never empty.
    pub label: String,
    /// One or two sentences explaining the term; may be empty.
    pub description: String,
    /// Other names people search for it by ("PGR" for postgraduate researchers); searching one
    /// finds the term and its resources. Unique within the facet, none equal to a label.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A kind of evidence only: the standards of evidence (ids of [`Facet::Standard`] terms) a
    /// resource of this kind may stand at, the usual one first. Empty for every other facet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
    /// Its label and description in Welsh (`cy`), when the catalogue gives them (the toolkit's
    /// own seeds give them for every term). Searching the Welsh label finds the term, as an
    /// alias does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cy: Option<TermText>,
}

/// A term's words in one more language: its label (never empty) and description (empty exactly
/// when the English one is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermText {
    pub label: String,
    pub description: String,
}

/// The term lists, in the order the catalogue gives them (which is display order). Standards
/// and kinds of evidence are listed strongest first: "Strongest evidence first" follows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Taxonomy {
    pub approaches: Vec<Term>,
    pub types: Vec<Term>,
    pub standards: Vec<Term>,
    pub evidence: Vec<Term>,
    pub subjects: Vec<Term>,
}

impl Taxonomy {
    pub fn terms(&self, facet: Facet) -> &[Term] {
        match facet {
            Facet::Approach => &self.approaches,
            Facet::Type => &self.types,
            Facet::Standard => &self.standards,
            Facet::Evidence => &self.evidence,
            Facet::Subject => &self.subjects,
        }
    }

    /// Position of a term id within its facet, if it exists.
    pub fn position(&self, facet: Facet, id: &str) -> Option<usize> {
        self.terms(facet).iter().position(|t| t.id == id)
    }

    pub fn term(&self, facet: Facet, id: &str) -> Option<&Term> {
        self.terms(facet).iter().find(|t| t.id == id)
    }

    /// The label of a term, falling back to its id (which validation makes unreachable for
    /// ids held by a resource).
    pub fn label<'a>(&'a self, facet: Facet, id: &'a str) -> &'a str {
        self.term(facet, id).map_or(id, |t| t.label.as_str())
    }
}

/// A calendar date written `YYYY-MM-DD`, checked to be a real date.
///
/// Its string form sorts chronologically, which is why it is kept as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub(crate) String);

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b.get(r.clone())
                .filter(|s| s.iter().all(u8::is_ascii_digit))
                .map(|_| text[r].parse().ok())?
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then(|| Date(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date as a number that orders like the date: 2026-11-23 → 20261123.
    pub fn ordinal(&self) -> u32 {
        self.0
            .bytes()
            .filter(u8::is_ascii_digit)
            .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    }

    /// The date as people read it in the UK: "23 November 2026".
    pub fn long_form(&self) -> String {
        let day: u32 = self.0[8..10].parse().unwrap_or(1);
        format!("{day} {}", self.month_form())
    }

    /// The date's month as people read it: "November 2026".
    pub fn month_form(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month: usize = self.0[5..7].parse().unwrap_or(1);
        format!("{} {}", MONTHS[month - 1], &self.0[..4])
    }
}

/// One resource in the catalogue.
///
/// Invariants (established by validation): `id` is a slug unique in the catalogue; `title` and
/// `summary` are non-empty; at least one of `authors`/`publisher` is given; `kind`,
/// `approaches`, `subjects`, `evidence` and `standard` name existing terms, with at least one
/// approach, and `standard` is one its kind of evidence allows; `evidence_basis` is a sentence
/// of at most [`MAX_BASIS_CHARS`] characters; `url`, when present, is an http(s) link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resource {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    /// The author list is partial: the work has more authors than `authors` names ("et al.").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    pub publisher: String,
    pub year: Option<u16>,
    #[serde(rename = "type")]
    pub kind: String,
    pub approaches: Vec<String>,
    pub subjects: Vec<String>,
    pub country: String,
    pub sector: String,
    pub summary: String,
    /// The kind of evidence the resource presents (a [`Facet::Evidence`] term).
    pub evidence: String,
    /// Where it stands on the Office for Students' standards of evidence (a [`Facet::Standard`]
    /// term), or that it is not an impact study.
    pub standard: String,
    /// What the classification rests on, in a sentence: "Abstract: randomised trial, 616
    /// students, wait-list control."
    pub evidence_basis: String,
    pub url: Option<String>,
    pub added: Date,
}

/// The longest `evidence_basis`, in characters: one sentence.
pub const MAX_BASIS_CHARS: usize = 200;

impl Resource {
    /// The term ids this resource carries for a facet.
    pub fn terms(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Approach => &self.approaches,
            Facet::Type => std::slice::from_ref(&self.kind),
            Facet::Standard => std::slice::from_ref(&self.standard),
            Facet::Evidence => std::slice::from_ref(&self.evidence),
            Facet::Subject => &self.subjects,
        }
    }

    /// Authors and publisher as one line: "Craig Thorley; IPPR", or "A Ng; B Roe et al.; IPPR"
    /// when the author list is partial.
    pub fn credit(&self) -> String {
        let mut line = self.authors.join("; ");
        if self.et_al {
            line.push_str(" et al.");
        }
        if !self.publisher.is_empty() {
            if !line.is_empty() {
                line.push_str("; ");
            }
            line.push_str(&self.publisher);
        }
        line
    }
}

/// A validated catalogue. Resources keep the order they were given in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Catalogue {
    pub taxonomy: Taxonomy,
    pub resources: Vec<Resource>,
    /// Groups of single words that mean the same in a search ("uni", "university"): searching
    /// one also finds the others. No word is in two groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    /// Curated, ordered lists of resources ("areas of expertise"), each with an introduction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub collections: Vec<Collection>,
    /// Published comments on resources, in the order the seeds list them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// A curated list: an area of expertise with an introduction and its resources in the order a
/// reader should meet them.
///
/// Invariants (established by validation): `id` is a slug unique among collections; `title`
/// and `intro` are non-empty; `items` is non-empty, and each names an existing resource once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collection {
    pub id: String,
    pub title: String,
    pub intro: String,
    #[serde(rename = "resources")]
    pub items: Vec<CollectionItem>,
    /// Its title and introduction in Welsh (`cy`), when the catalogue gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cy: Option<CollectionText>,
}

/// A collection's words in one more language: title and introduction, neither empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectionText {
    pub title: String,
    pub intro: String,
}

/// One resource in a collection, with the curator's optional one-line note on why it is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectionItem {
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Catalogue {
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }

    pub fn collection(&self, id: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.id == id)
    }

    /// The collections that hold the resource `id`, in the catalogue's order.
    pub fn collections_holding<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Collection> {
        self.collections
            .iter()
            .filter(move |c| c.items.iter().any(|item| item.id == id))
    }

    /// The published comments on the resource `id`, newest first.
    pub fn comments_on(&self, id: &str) -> Vec<&Comment> {
        crate::comment::newest_first(self.comments.iter().filter(|c| c.resource == id))
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_must_exist() {
        for ok in ["2026-11-23", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(Date::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-1",
            "26-11-23",
            "2026/11/23",
            "2026-11-23T00:00",
            "２０２６-11-23",
            "",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn long_form_reads_naturally() {
        assert_eq!(
            Date::parse("2018-02-01").unwrap().long_form(),
            "1 February 2018"
        );
    }
}
