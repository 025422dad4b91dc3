//! The app's URLs, named once: route segments and the links that lead to them.
//!
//! Links are built here, already prefixed with the base path the site is served under, because
//! the router resolves absolute `href`s without its base.

use std::sync::Arc;

use catalogue::{BrowseQuery, Facet};
use leptos_router::NavigateOptions;

pub const BROWSE: &str = "browse";
pub const RESOURCES: &str = "resources";
pub const ABOUT: &str = "about";
pub const CONTRIBUTE: &str = "contribute";
/// Route parameter holding a resource's or a term's id.
pub const ID_PARAM: &str = "id";

/// The first path segment of a facet's term pages: `/approaches/<id>`, `/types/<id>`,
/// `/subjects/<id>` (the taxonomy's own list names).
pub const fn term_segment(facet: Facet) -> &'static str {
    facet.list_key()
}

/// The path the site is served under, without a trailing slash ("" at the root of a domain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base(Arc<str>);

impl Base {
    /// Takes the path of `<base href>` ("/", "/toolkit/") as Trunk's `--public-url` wrote it.
    pub fn from_base_path(path: &str) -> Base {
        Base(path.trim_end_matches('/').into())
    }

    pub fn router_base(&self) -> String {
        self.0.to_string()
    }

    pub fn home(&self) -> String {
        format!("{}/", self.0)
    }

    pub fn browse(&self, query: &BrowseQuery) -> String {
        let qs = query.to_query_string();
        if qs.is_empty() {
            format!("{}/{BROWSE}", self.0)
        } else {
            format!("{}/{BROWSE}?{qs}", self.0)
        }
    }

    pub fn resource(&self, id: &str) -> String {
        format!("{}/{RESOURCES}/{id}", self.0)
    }

    /// A term's own page, listing its resources.
    pub fn term(&self, facet: Facet, id: &str) -> String {
        format!("{}/{}/{id}", self.0, term_segment(facet))
    }

    pub fn about(&self) -> String {
        format!("{}/{ABOUT}", self.0)
    }

    pub fn contribute(&self) -> String {
        format!("{}/{CONTRIBUTE}", self.0)
    }
}

/// Options for the router's `navigate` with a path built by [`Base`]. The path is already
/// absolute and prefixed, so the router must not resolve it (it would add the base twice).
pub fn navigation(replace: bool, scroll: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        scroll,
        ..Default::default()
    }
}
