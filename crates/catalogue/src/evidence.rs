//! The evidence behind a resource in words: the short label on cards and in feeds ("Randomised
//! controlled trial · Causal (Type 3)") and the note that exports carry, with what the
//! classification rests on.

use crate::model::{Facet, Resource, Taxonomy};

/// The kind of evidence of a resource whose source does not say what it rests on: what a
/// suggestion whose contributor was not sure is recorded as, until an editor has read it.
pub const UNCLEAR: &str = "unclear";

/// The standard that goes with [`UNCLEAR`]: not an impact study, since nothing shows one.
pub const UNCLEAR_STANDARD: &str = "not-impact";

/// Between the kind of evidence and the standard in a label.
pub const SEPARATOR: &str = " · ";

/// The kind of evidence and the standard it stands at, as one short label.
pub fn label(r: &Resource, taxonomy: &Taxonomy) -> String {
    [
        taxonomy.label(Facet::Evidence, &r.evidence),
        SEPARATOR,
        taxonomy.label(Facet::Standard, &r.standard),
    ]
    .concat()
}

/// The kind, the standard and the basis as a note for a reference manager, in plain
/// punctuation that every reader keeps: "Evidence: Randomised controlled trial; Causal (Type
/// 3). Abstract: randomised trial, 616 students."
pub fn note(r: &Resource, taxonomy: &Taxonomy) -> String {
    [
        "Evidence: ",
        taxonomy.label(Facet::Evidence, &r.evidence),
        "; ",
        taxonomy.label(Facet::Standard, &r.standard),
        ". ",
        &r.evidence_basis,
    ]
    .concat()
}
