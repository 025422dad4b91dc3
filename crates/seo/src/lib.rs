//! What search engines and link previews read about the Resilience Toolkit's static pages:
//!
//! - [`SiteUrl`]: the site's public address (the `SITE_URL` build setting), which turns the
//!   app's paths into absolute URLs;
//! - [`Head`]: a page's `<head>` tags: title, meta description, canonical link, Open Graph and
//!   Twitter card tags, and its schema.org JSON-LD blocks;
//! - [`structured`]: the schema.org descriptions of a resource, a term's page and the
//!   catalogue as a dataset;
//! - [`sitemap`]: `sitemap.xml` and `robots.txt`;
//! - [`feed`]: Atom feeds of the newest resources and of each collection, and
//!   [`comment_feed`], of the published comments.
//!
//! The pages themselves are rendered from the app's own Leptos components by the app crate's
//! `prerender` binary; this crate only writes text. It does no I/O and knows nothing of Leptos,
//! so it is tested natively like the domain crate.

pub mod comment_feed;
pub mod feed;
mod head;
mod site_url;
pub mod sitemap;
pub mod structured;

pub use head::{Head, PageKind, shorten};
pub use site_url::SiteUrl;
