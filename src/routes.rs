//! The app's URLs, named once: route segments and the links that lead to them.
//!
//! Links are built here, already prefixed with the base path the site is served under, because
//! the router resolves absolute `href`s without its base.

use std::sync::Arc;

use catalogue::{BrowseQuery, Facet};
use leptos_router::NavigateOptions;
use messages::Lang;

pub const BROWSE: &str = "browse";
pub const RESOURCES: &str = "resources";
pub const ABOUT: &str = "about";
pub const CONTRIBUTE: &str = "contribute";
pub const SUBSCRIBE: &str = "subscribe";
pub const COLLECTIONS: &str = "collections";
pub const WHATS_NEW: &str = "new";
/// How to read the evidence: the standards and kinds of evidence explained, with their counts.
pub const EVIDENCE_GUIDE: &str = "reading-the-evidence";
/// My list: the resources a visitor saved, kept in their browser. (`src/js/controls.js` finds
/// the header's link to it by this path, to add the count.)
pub const MY_LIST: &str = "list";
/// The Atom feed of the newest additions, beside the pages (each collection's is
/// `collections/<id>.xml`).
pub const FEED: &str = "feed.xml";
/// The Atom feed of published comments, beside the pages.
pub const COMMENTS_FEED: &str = "comments.xml";
/// The element id of the "Get updates" section on the What's new page.
pub const UPDATES_ID: &str = "get-updates";
/// The element id of the list of collections on the What's new page.
pub const COLLECTIONS_ID: &str = "collections";
/// Route parameter holding a resource's or a term's id.
pub const ID_PARAM: &str = "id";
/// Route parameter holding the first segment of a term's page: its facet's (see
/// [`facet_of_segment`]).
pub const FACET_PARAM: &str = "facet";

/// The first path segment of a facet's term pages: `/approaches/<id>`, `/types/<id>`,
/// `/standards/<id>`, `/evidence/<id>`, `/subjects/<id>` (the taxonomy's own list names).
pub const fn term_segment(facet: Facet) -> &'static str {
    facet.list_key()
}

/// The facet whose term pages start with `segment`, if one does.
pub fn facet_of_segment(segment: &str) -> Option<Facet> {
    Facet::ALL.into_iter().find(|f| term_segment(*f) == segment)
}

/// Where the pages of one language are: the path the site is served under, without a trailing
/// slash ("" at the root of a domain), and the language's prefix under it ("" for the default
/// language, "/cy" for Welsh beside English). Every link built here stays in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base {
    /// The site's path and the language's prefix: where this language's pages start.
    pages: Arc<str>,
    /// The site's path alone (where its files are: the catalogue, the scripts).
    root: Arc<str>,
}

impl Base {
    /// Takes the path of `<base href>` ("/", "/toolkit/") as Trunk's `--public-url` wrote it:
    /// the default language's pages.
    pub fn from_base_path(path: &str) -> Base {
        let root: Arc<str> = path.trim_end_matches('/').into();
        Base {
            pages: root.clone(),
            root,
        }
    }

    /// The same site's pages in the language whose prefix is `prefix` ("" or "/cy").
    pub fn in_language(&self, prefix: &str) -> Base {
        Base {
            pages: [&*self.root, prefix].concat().into(),
            root: self.root.clone(),
        }
    }

    /// Where the router's paths start: this language's pages.
    pub fn router_base(&self) -> String {
        self.pages.to_string()
    }

    /// The path the site is served under, whatever the language ("" at the root).
    pub fn site_root(&self) -> &str {
        &self.root
    }

    /// The same page in the language whose prefix is `prefix`: `path` (one of this base's) with
    /// this language's prefix exchanged for that one, its query and fragment kept.
    pub fn counterpart(&self, path: &str, prefix: &str) -> String {
        let rest = path.strip_prefix(&*self.pages).unwrap_or(path);
        let rest = if rest.is_empty() { "/" } else { rest };
        [&*self.root, prefix, rest].concat()
    }

    pub fn home(&self) -> String {
        format!("{}/", self.pages)
    }

    pub fn browse(&self, query: &BrowseQuery) -> String {
        let qs = query.to_query_string();
        if qs.is_empty() {
            format!("{}/{BROWSE}", self.pages)
        } else {
            format!("{}/{BROWSE}?{qs}", self.pages)
        }
    }

    pub fn resource(&self, id: &str) -> String {
        format!("{}/{RESOURCES}/{id}", self.pages)
    }

    /// A term's own page, listing its resources.
    pub fn term(&self, facet: Facet, id: &str) -> String {
        format!("{}/{}/{id}", self.pages, term_segment(facet))
    }

    /// How to read the evidence, at the section on one standard or kind of evidence (by its
    /// id, which is also the section's element id), or at the top for an empty `section`.
    pub fn evidence_guide(&self, section: &str) -> String {
        match section {
            "" => format!("{}/{EVIDENCE_GUIDE}", self.pages),
            _ => format!("{}/{EVIDENCE_GUIDE}#{section}", self.pages),
        }
    }

    /// A section of the home page, by its element id.
    #[cfg(feature = "ssr")]
    pub fn home_section(&self, id: &str) -> String {
        format!("{}/#{id}", self.pages)
    }

    /// A path no route matches, at which the router shows the not-found page (the static
    /// `404.html` is rendered from it).
    #[cfg(feature = "ssr")]
    pub fn unknown(&self) -> String {
        format!("{}/404", self.pages)
    }

    /// The file a static host answers a path built here with (the static pages are written
    /// to it): `{base}/browse` → `browse.html`, `{base}/resources/x` → `resources/x.html`,
    /// the home page → `index.html`; in Welsh beside English, `cy/browse.html`, `cy/index.html`.
    #[cfg(feature = "ssr")]
    pub fn static_file(&self, path: &str) -> String {
        let relative = path.strip_prefix(&*self.root).unwrap_or(path);
        let relative = relative.trim_start_matches('/');
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            format!("{relative}.html")
        }
    }

    /// The file `name` in this language's folder, relative to the site's directory: `404.html`
    /// at the root for the default language, `cy/404.html` for Welsh beside English.
    #[cfg(feature = "ssr")]
    pub fn folder_file(&self, name: &str) -> String {
        let folder = self.pages.strip_prefix(&*self.root).unwrap_or_default();
        match folder.trim_matches('/') {
            "" => name.to_owned(),
            folder => [folder, "/", name].concat(),
        }
    }

    /// The file a path built here names as it is, relative to the site's directory (a feed:
    /// `{base}/collections/x.xml` → `collections/x.xml`).
    #[cfg(feature = "ssr")]
    pub fn file_of(&self, path: &str) -> String {
        let relative = path.strip_prefix(&*self.root).unwrap_or(path);
        relative.trim_start_matches('/').to_owned()
    }

    /// Hand-written HTML (the About text) with its links to this site's pages filled in:
    /// `{browse}`, `{feed}`, `{subscribe}`, `{reading-the-evidence}`, `{collection:<id>}` and
    /// a term's page, `{approach:<id>}`, `{type:<id>}`, `{subject:<id>}`… (by `Facet::key`).
    /// Anything else in braces is left as it is. (Only the static pages have such text.)
    pub fn expand_links(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let inner = &rest[start + 1..];
            let end = inner.find('}').unwrap_or(inner.len());
            match self.link(&inner[..end]) {
                Some(path) => out.push_str(&path),
                None => out.push_str(&rest[start..(start + end + 2).min(rest.len())]),
            }
            rest = inner.get(end + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    fn link(&self, name: &str) -> Option<String> {
        match name {
            BROWSE => return Some(self.browse(&BrowseQuery::default())),
            EVIDENCE_GUIDE => return Some(self.evidence_guide("")),
            "feed" => return Some(self.feed()),
            SUBSCRIBE => return Some(self.subscribe()),
            _ => {}
        }
        let (key, id) = name.split_once(':')?;
        if key == "collection" {
            return Some(self.collection(id));
        }
        let facet = Facet::ALL.into_iter().find(|f| f.key() == key)?;
        Some(self.term(facet, id))
    }

    /// A collection's page: its introduction and its resources in order.
    pub fn collection(&self, id: &str) -> String {
        format!("{}/{COLLECTIONS}/{id}", self.pages)
    }

    /// A collection's Atom feed, beside its static page.
    pub fn collection_feed(&self, id: &str) -> String {
        format!("{}/{COLLECTIONS}/{id}.xml", self.pages)
    }

    pub fn whats_new(&self) -> String {
        format!("{}/{WHATS_NEW}", self.pages)
    }

    /// The "Get updates" section of the What's new page.
    pub fn updates(&self) -> String {
        format!("{}/{WHATS_NEW}#{UPDATES_ID}", self.pages)
    }

    /// The list of collections, on the What's new page.
    pub fn collections(&self) -> String {
        format!("{}/{WHATS_NEW}#{COLLECTIONS_ID}", self.pages)
    }

    /// The Atom feed of the newest additions.
    pub fn feed(&self) -> String {
        format!("{}/{FEED}", self.pages)
    }

    pub fn comments_feed(&self) -> String {
        format!("{}/{COMMENTS_FEED}", self.pages)
    }

    pub fn about(&self) -> String {
        format!("{}/{ABOUT}", self.pages)
    }

    pub fn contribute(&self) -> String {
        format!("{}/{CONTRIBUTE}", self.pages)
    }

    /// The form that asks for update emails.
    pub fn subscribe(&self) -> String {
        format!("{}/{SUBSCRIBE}", self.pages)
    }

    /// My list (a list shared as a link adds `?ids=a,b,c`).
    pub fn my_list(&self) -> String {
        format!("{}/{MY_LIST}", self.pages)
    }
}

/// The languages a site offers, the default first, each with its pages' path prefix ("" for
/// the default, "/cy" for Welsh beside English).
pub fn languages(config: &settings::SiteConfig) -> Vec<(Lang, String)> {
    let languages = config.languages.iter();
    languages
        .map(|l| (*l, config.language_prefix(*l)))
        .collect()
}

/// The language of the page at `path` on the site at `site`: the one whose prefix it is under,
/// or the default language.
pub fn language_at(path: &str, site: &Base, languages: &[(Lang, String)]) -> Lang {
    let rest = path.strip_prefix(site.site_root()).unwrap_or(path);
    let under = |prefix: &str| {
        !prefix.is_empty()
            && rest
                .strip_prefix(prefix)
                .is_some_and(|after| after.is_empty() || after.starts_with('/'))
    };
    let found = languages.iter().find(|(_, prefix)| under(prefix));
    let default = languages.first().map_or(Lang::En, |(lang, _)| *lang);
    found.map_or(default, |(lang, _)| *lang)
}

/// Whether a navigation adds an entry to the browser's history or replaces the current one
/// (while typing a search, so that Back does not step through each letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

/// Whether the window scrolls to the top after a navigation (a new page) or stays (the same
/// page, filtered differently).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    ToTop,
    Stay,
}

/// Options for the router's `navigate` with a path built by [`Base`]. The path is already
/// absolute and prefixed, so the router must not resolve it (it would add the base twice).
pub fn navigation(history: History, scroll: Scroll) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace: history == History::Replace,
        scroll: scroll == Scroll::ToTop,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn each_path_has_its_static_file() {
        for base in [
            Base::from_base_path("/"),
            Base::from_base_path("/intranet/toolkit/"),
        ] {
            assert_eq!(base.static_file(&base.home()), "index.html");
            assert_eq!(base.static_file(&base.about()), "about.html");
            assert_eq!(base.static_file(&base.resource("x")), "resources/x.html");
            assert_eq!(
                base.static_file(&base.collection("c")),
                "collections/c.html"
            );
            assert_eq!(base.static_file(&base.whats_new()), "new.html");
            assert_eq!(base.static_file(&base.subscribe()), "subscribe.html");
            assert_eq!(base.static_file(&base.my_list()), "list.html");
            assert_eq!(base.file_of(&base.feed()), "feed.xml");
            assert_eq!(
                base.file_of(&base.collection_feed("c")),
                "collections/c.xml"
            );
            assert_eq!(
                base.static_file(&base.term(Facet::Subject, "careers")),
                "subjects/careers.html"
            );
            assert_eq!(
                base.static_file(&base.term(Facet::Evidence, "unclear")),
                "evidence/unclear.html"
            );
            assert_eq!(
                base.static_file(&base.term(Facet::Standard, "causal")),
                "standards/causal.html"
            );
            assert_eq!(
                base.static_file(&base.evidence_guide("")),
                "reading-the-evidence.html"
            );
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn another_languages_pages_are_under_its_prefix_and_lead_to_their_counterparts() {
        let site = Base::from_base_path("/intranet/toolkit/");
        let welsh = site.in_language("/cy");
        assert_eq!(welsh.home(), "/intranet/toolkit/cy/");
        assert_eq!(welsh.static_file(&welsh.home()), "cy/index.html");
        assert_eq!(welsh.static_file(&welsh.about()), "cy/about.html");
        assert_eq!(welsh.file_of(&welsh.feed()), "cy/feed.xml");
        assert_eq!(welsh.folder_file("404.html"), "cy/404.html");
        assert_eq!(site.folder_file("404.html"), "404.html");
        assert_eq!(welsh.router_base(), "/intranet/toolkit/cy");
        assert_eq!(welsh.site_root(), "/intranet/toolkit");
        assert_eq!(
            welsh.counterpart("/intranet/toolkit/cy/browse?q=sleep&type=case-study", ""),
            "/intranet/toolkit/browse?q=sleep&type=case-study"
        );
        assert_eq!(
            site.counterpart("/intranet/toolkit/resources/x#comments", "/cy"),
            "/intranet/toolkit/cy/resources/x#comments"
        );
        assert_eq!(
            welsh.counterpart("/intranet/toolkit/cy/", ""),
            "/intranet/toolkit/"
        );
        assert_eq!(
            welsh.counterpart("/intranet/toolkit/cy", ""),
            "/intranet/toolkit/"
        );
    }

    #[test]
    fn a_pages_language_is_the_one_whose_prefix_it_is_under() {
        let site = Base::from_base_path("/toolkit/");
        let both = [(Lang::En, String::new()), (Lang::Cy, "/cy".to_owned())];
        for (path, lang) in [
            ("/toolkit/", Lang::En),
            ("/toolkit/cy", Lang::Cy),
            ("/toolkit/cy/", Lang::Cy),
            ("/toolkit/cy/resources/x", Lang::Cy),
            ("/toolkit/cycling", Lang::En),
            ("/toolkit/resources/cy", Lang::En),
        ] {
            assert_eq!(language_at(path, &site, &both), lang, "{path}");
        }
        let welsh_first = [(Lang::Cy, String::new()), (Lang::En, "/en".to_owned())];
        assert_eq!(
            language_at("/toolkit/browse", &site, &welsh_first),
            Lang::Cy
        );
        assert_eq!(
            language_at("/toolkit/en/browse", &site, &welsh_first),
            Lang::En
        );
    }

    #[test]
    fn links_in_hand_written_html_are_filled_in_under_the_base() {
        let base = Base::from_base_path("/intranet/toolkit/");
        assert_eq!(
            base.expand_links(
                r#"<a href="{approach:self-management}">x</a> <a href="{browse}">y</a>"#
            ),
            r#"<a href="/intranet/toolkit/approaches/self-management">x</a> <a href="/intranet/toolkit/browse">y</a>"#
        );
        assert_eq!(
            base.expand_links("{subject:careers} {type:case-study} {feed} {subscribe}"),
            "/intranet/toolkit/subjects/careers /intranet/toolkit/types/case-study /intranet/toolkit/feed.xml /intranet/toolkit/subscribe"
        );
        assert_eq!(
            base.expand_links("{evidence:unclear} {reading-the-evidence} {collection:c}"),
            "/intranet/toolkit/evidence/unclear /intranet/toolkit/reading-the-evidence /intranet/toolkit/collections/c"
        );
        // Anything else in braces stays as it was written.
        for text in ["{nothing}", "{colour:red}", "a { b", "ends {", "{}"] {
            assert_eq!(base.expand_links(text), text);
        }
    }
}
