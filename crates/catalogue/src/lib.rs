//! The Resilience Toolkit's catalogue: its model, validation, text analysis, the search and facet
//! engine, browse-query URL state, citations and exports, the evidence behind each resource in
//! words, and the text rules other crates share (slugs,
//! email addresses, web links). The deployment's settings and the contributions subsystem are
//! crates of their own (`settings`, `contributions`), built on this one.
//!
//! This crate knows nothing of the DOM, the network or storage. It does no I/O, so everything
//! in it is tested natively with `cargo test` and runs unchanged inside the WebAssembly app.

pub mod cite;
pub mod comment;
pub mod evidence;
pub mod export;
pub mod highlight;
pub mod json;
pub mod load;
pub mod model;
pub mod query;
pub mod recent;
pub mod rules;
pub mod search;
pub mod text;
pub mod validate;

pub use cite::citation;
pub use comment::Comment;
pub use load::{LoadError, parse_json};
pub use model::{
    Catalogue, Collection, CollectionItem, CollectionText, Date, FACETS, Facet, MAX_BASIS_CHARS,
    Resource, Taxonomy, Term, TermText,
};
pub use query::{BrowseQuery, Sort};
pub use search::{Engine, Relaxation, SearchResult};
pub use validate::{Location, Problem, validate, validate_taxonomy};
