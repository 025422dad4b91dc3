//! The Resilience Toolkit's domain: the catalogue model, its validation, the search and facet
//! engine, browse-query URL state, citations and the deployment's settings.
//!
//! This crate knows nothing of the DOM, the network or storage. It does no I/O, so everything
//! in it is tested natively with `cargo test` and runs unchanged inside the WebAssembly app.

pub mod cite;
pub mod config;
pub mod contribute;
pub mod load;
pub mod model;
pub mod query;
pub mod search;
pub mod text;
pub mod validate;

pub use cite::citation;
pub use config::{Channel, SiteConfig, config_from_json, parse_config};
pub use load::{LoadError, catalogue_from_json, parse_catalogue, parse_json};
pub use model::{Catalogue, Date, Facet, Resource, Taxonomy, Term};
pub use query::{BrowseQuery, Sort};
pub use search::{Engine, Outcome, Relaxation};
pub use validate::{Location, Problem, validate, validate_taxonomy};
