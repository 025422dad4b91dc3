//! What the static pages are made from: the base path, the settings, the catalogue (as an
//! engine), the site's address and description. Apart from how pages are rendered
//! (`site.rs`) and what else is written from the same inputs (`feeds.rs`), so
//! that each of those depends on this alone.

use std::sync::Arc;

use catalogue::Engine;
use seo::SiteUrl;

use messages::Lang;

use crate::deployment::Settings;
use crate::routes::Base;

pub(super) struct Site {
    /// Where this language's pages are.
    pub(super) base: Base,
    /// The language the pages are written in.
    pub(super) lang: Lang,
    /// Every language the site offers, the default first, with its pages' path prefix (empty
    /// for the default, else the language's code after a slash): where each page's
    /// counterparts are.
    pub(super) languages: Vec<(Lang, String)>,
    pub(super) settings: Settings,
    pub(super) engine: Arc<Engine>,
    pub(super) url: Option<SiteUrl>,
    /// The site's own description, from the template's meta description.
    pub(super) description: String,
    /// Whether the pages link `theme.css`.
    pub(super) theme: bool,
    /// What the pages record of the data they were written from, for `start.js` to tell when
    /// the site's live data differs.
    pub(super) written_from: WrittenFrom,
}

/// The settings and the catalogue the pages were written from: each file's SHA-256 (lowercase
/// hex of the bytes as served; empty for a settings file that is not there), and where the
/// catalogue is, as the settings name it.
#[derive(Debug, Clone, Default)]
pub(super) struct WrittenFrom {
    pub(super) config_digest: String,
    pub(super) catalogue_digest: String,
    pub(super) catalogue_url: String,
}

/// SHA-256 of `bytes`, in lowercase hex: what the browser's `crypto.subtle.digest` gives, as
/// `start.js` writes it out.
pub(super) fn digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
