//! The pages of the site and how each is rendered: the app's `Shell` at the page's path, with
//! the contexts the app provides, and the page's head.

use catalogue::{BrowseQuery, Facet};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use seo::sitemap::Entry;
use seo::structured::{self, DatasetInfo};
use seo::{Head, PageKind};
use serde_json::Value;

use super::inputs::Site;
use super::{NOT_FOUND, PREVIEW_IMAGE, feeds, is_remote};
use crate::app::Shell;
use crate::components::share::PageAddress;
use crate::courier::Courier;
use crate::deployment::CatalogueState;
use crate::pages::{Navigated, RenderedTitle, document_title};
use crate::text::{
    Count, Msg, collection_intro, collection_title, counted, counted_with, fill, t,
    term_description, term_label,
};

/// One page to render.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Page {
    Home,
    Browse,
    About,
    Contribute,
    Subscribe,
    Resource(usize),
    Term(Facet, usize),
    Collection(usize),
    WhatsNew,
    EvidenceGuide,
    MyList,
    NotFound,
}

/// When the app takes a static page over (see `src/js/start.js`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Start {
    /// When the visitor is there: a page whose controls are the app's (browse, a resource,
    /// the forms).
    WhenWanted,
    /// Only when the catalogue or the settings have changed since the page was written: a
    /// page of its own, text and links, with no control but plain HTML.
    WhenStale,
    /// At once: a page only the app can draw (My list, which is the visitor's own).
    AtOnce,
}

impl Page {
    pub(super) fn start(&self) -> Start {
        match self {
            Page::Home
            | Page::Term(..)
            | Page::Collection(_)
            | Page::WhatsNew
            | Page::About
            | Page::EvidenceGuide => Start::WhenStale,
            Page::MyList => Start::AtOnce,
            _ => Start::WhenWanted,
        }
    }
}

/// One page's rendered body and the title it set.
pub(super) struct Rendered {
    pub(super) body: String,
    pub(super) title: String,
}

impl Site {
    pub(super) fn pages(&self) -> Vec<Page> {
        let taxonomy = &self.engine.catalogue().taxonomy;
        let mut pages = vec![
            Page::Home,
            Page::Browse,
            Page::WhatsNew,
            Page::About,
            Page::EvidenceGuide,
            Page::Contribute,
            Page::Subscribe,
            Page::MyList,
        ];
        pages.extend((0..self.engine.len()).map(Page::Resource));
        for facet in Facet::ALL {
            pages.extend((0..taxonomy.terms(facet).len()).map(|i| Page::Term(facet, i)));
        }
        let collections = self.engine.catalogue().collections.len();
        pages.extend((0..collections).map(Page::Collection));
        pages.push(Page::NotFound);
        pages
    }

    /// The page's path, as the app links to it.
    pub(super) fn path(&self, page: &Page) -> String {
        let taxonomy = &self.engine.catalogue().taxonomy;
        match page {
            Page::Home => self.base.home(),
            Page::Browse => self.base.browse(&BrowseQuery::default()),
            Page::About => self.base.about(),
            Page::Contribute => self.base.contribute(),
            Page::Subscribe => self.base.subscribe(),
            Page::Resource(position) => self.base.resource(&self.engine.resource(*position).id),
            Page::Term(facet, i) => self.base.term(*facet, &taxonomy.terms(*facet)[*i].id),
            Page::Collection(i) => self.base.collection(&self.collection(*i).id),
            Page::WhatsNew => self.base.whats_new(),
            Page::EvidenceGuide => self.base.evidence_guide(""),
            Page::MyList => self.base.my_list(),
            // Any path the route table does not know.
            Page::NotFound => self.base.unknown(),
        }
    }

    /// The file that answers the page's path on a static host.
    pub(super) fn file(&self, page: &Page, path: &str) -> String {
        match page {
            // Static hosts answer any unknown path with the 404 page at the site's root (some
            // with the one nearest to it: each language's).
            Page::NotFound => self.base.folder_file(NOT_FOUND),
            _ => self.base.static_file(path),
        }
    }

    /// Renders the app at `path`, as it renders in the browser with this catalogue and config.
    pub(super) fn render(&self, path: &str) -> Result<Rendered, String> {
        let owner = Owner::new();
        let (body, title) = owner.with(|| {
            provide_context(RequestUrl::new(path));
            provide_context(self.base.clone());
            provide_context(CatalogueState::new(
                self.settings.config.catalogue_url.clone(),
                Ok(self.engine.clone()),
            ));
            provide_context(Courier::inert(&self.settings.config));
            provide_context(self.settings.clone());
            if let Some(url) = &self.url {
                provide_context(PageAddress(url.page(path)));
            }
            Navigated::provide();
            let title = RenderedTitle::default();
            provide_context(title.clone());
            let body = view! { <Shell/> }.to_html();
            let title = title.0.lock().unwrap_or_else(|e| e.into_inner()).take();
            (body, title)
        });
        drop(owner);
        let title = title.ok_or_else(|| format!("the page at {path} set no title"))?;
        Ok(Rendered { body, title })
    }

    /// The page's `<head>`: its title, description, link preview and structured data.
    pub(super) fn head(&self, page: &Page, path: &str, title: &str, resources: &[usize]) -> Head {
        let config = &self.settings.config;
        let url = self.url.as_ref().map(|u| u.page(path));
        let kind = match page {
            Page::Resource(_) => PageKind::Article,
            Page::NotFound => PageKind::NotFound,
            Page::MyList => PageKind::Personal,
            _ => PageKind::Website,
        };
        let (description, mut structured) = self.describe(page, url.as_deref(), resources);
        // The page is in its language; a resource's work and the catalogue's data are in the
        // language they were published in.
        if !matches!(page, Page::Resource(_) | Page::Browse) {
            for block in &mut structured {
                block["inLanguage"] = self.lang.code().into();
            }
        }
        Head {
            title: title.to_owned(),
            document_title: document_title(title, &config.title),
            description,
            site_name: config.title.clone(),
            kind,
            url,
            image: self.url.as_ref().map(|u| u.file(PREVIEW_IMAGE)),
            structured,
            feeds: self.feeds_of(page),
            locale: self.lang.locale().to_owned(),
            alternates: self.alternates(path),
        }
    }

    /// The page at `path` in every language the site offers (language tag, absolute URL),
    /// when there is more than one and the site's address is known.
    fn alternates(&self, path: &str) -> Vec<(String, String)> {
        let Some(url) = self.url.as_ref().filter(|_| self.languages.len() > 1) else {
            return Vec::new();
        };
        self.languages
            .iter()
            .map(|(lang, prefix)| {
                let there = self.base.counterpart(path, prefix);
                (lang.code().to_owned(), url.page(&there))
            })
            .collect()
    }

    fn collection(&self, i: usize) -> &catalogue::Collection {
        &self.engine.catalogue().collections[i]
    }

    /// The feeds a page names for feed readers: the newest additions on every page, and a
    /// collection's own on its page. None without the site's address (no feeds are written).
    fn feeds_of(&self, page: &Page) -> Vec<(String, String)> {
        let Some(url) = &self.url else {
            return Vec::new();
        };
        let site = &self.settings.config.title;
        let mut feeds = vec![(feeds::title(site, None), url.page(&self.base.feed()))];
        if let Page::Collection(i) = page {
            let c = self.collection(*i);
            let href = url.page(&self.base.collection_feed(&c.id));
            feeds.push((feeds::title(site, Some(c)), href));
        }
        if let Page::Resource(_) = page {
            let href = url.page(&self.base.comments_feed());
            feeds.push((feeds::comments_title(site), href));
        }
        feeds
    }

    /// The page's description and its schema.org structured data.
    fn describe(
        &self,
        page: &Page,
        url: Option<&str>,
        resources: &[usize],
    ) -> (String, Vec<Value>) {
        let config = &self.settings.config;
        match page {
            Page::Home => (
                self.description.clone(),
                vec![structured::website(
                    &config.title,
                    &self.description,
                    url,
                    &config.organisation,
                )],
            ),
            Page::Browse => self.describe_browse(url),
            Page::Resource(position) => {
                let r = self.engine.resource(*position);
                let catalogue = self.engine.catalogue();
                let mut work = structured::resource(r, &catalogue.taxonomy, url);
                structured::with_comments(&mut work, &catalogue.comments_on(&r.id), url);
                (r.summary.clone(), vec![work])
            }
            Page::Term(facet, i) => self.describe_term(*facet, *i, url, resources),
            Page::Collection(i) => {
                let c = self.collection(*i);
                let items = self.list_items(resources);
                let (title, intro) = (collection_title(c), collection_intro(c));
                let list = structured::list_page(title, intro, url, None, &items);
                (intro.to_owned(), vec![list])
            }
            Page::WhatsNew => {
                let description = fill(Msg::DescribeWhatsNew, &[("site", &config.title)]);
                let items = self.list_items(resources);
                let name = t(Msg::DescribeWhatsNewName);
                let list = structured::list_page(name, &description, url, None, &items);
                (description, vec![list])
            }
            Page::About
            | Page::EvidenceGuide
            | Page::Contribute
            | Page::Subscribe
            | Page::MyList
            | Page::NotFound => (self.plain_description(page), Vec::new()),
        }
    }

    /// The description of a page with no structured data: text about the toolkit itself.
    fn plain_description(&self, page: &Page) -> String {
        let config = &self.settings.config;
        match page {
            Page::About => fill(Msg::DescribeAbout, &[("site", &config.title)]),
            Page::Contribute => t(Msg::DescribeContribute).to_owned(),
            Page::Subscribe => t(Msg::DescribeSubscribe).to_owned(),
            Page::EvidenceGuide => t(Msg::DescribeGuide).to_owned(),
            Page::MyList => t(Msg::DescribeMyList).to_owned(),
            Page::NotFound => t(Msg::DescribeNotFound).to_owned(),
            _ => String::new(),
        }
    }

    /// The browse page lists the whole catalogue, so it describes it as a dataset.
    fn describe_browse(&self, url: Option<&str>) -> (String, Vec<Value>) {
        let config = &self.settings.config;
        let description = self.browse_description();
        let location = &config.catalogue_url;
        let download = self.url.as_ref().map(|u| {
            if is_remote(location) {
                location.clone()
            } else {
                u.file(location.trim_start_matches("./"))
            }
        });
        let dataset = structured::dataset(
            self.engine.catalogue(),
            &DatasetInfo {
                name: &fill(Msg::DescribeDatasetName, &[("site", &config.title)]),
                description: &description,
                creator: &config.organisation,
                page: url,
                download: download.as_deref(),
            },
        );
        (description, vec![dataset])
    }

    /// A term's page: its description and a collection of its resources.
    fn describe_term(
        &self,
        facet: Facet,
        i: usize,
        url: Option<&str>,
        resources: &[usize],
    ) -> (String, Vec<Value>) {
        let config = &self.settings.config;
        let term = &self.engine.catalogue().taxonomy.terms(facet)[i];
        let count = counted(Count::Resources, resources.len());
        let site = ("site", config.title.as_str());
        let description = match term_description(term) {
            "" => fill(
                Msg::DescribeTermLabel,
                &[("label", term_label(term)), ("count", &count), site],
            ),
            text => fill(
                Msg::DescribeTerm,
                &[("description", text), ("count", &count), site],
            ),
        };
        let items = self.list_items(resources);
        // The term as the page names it, in the page's language.
        let mut in_words = term.clone();
        in_words.label = term_label(term).to_owned();
        in_words.description = term_description(term).to_owned();
        (
            description,
            vec![structured::term_page(facet, &in_words, url, &items)],
        )
    }

    /// Each resource's title and absolute page URL, for a list's structured data (none when
    /// the site's address is not known, since list items need URLs).
    fn list_items(&self, resources: &[usize]) -> Vec<(String, String)> {
        let Some(u) = &self.url else {
            return Vec::new();
        };
        resources
            .iter()
            .map(|&p| {
                let r = self.engine.resource(p);
                (r.title.clone(), u.page(&self.base.resource(&r.id)))
            })
            .collect()
    }

    /// "Browse all 66 resources: 20 research reports, 15 case studies, …".
    fn browse_description(&self) -> String {
        let taxonomy = &self.engine.catalogue().taxonomy;
        let kinds: Vec<String> = taxonomy
            .types
            .iter()
            .zip(self.engine.term_totals(Facet::Type))
            .filter(|(_, n)| *n > 0)
            .map(|(term, n)| {
                let kind = term_label(term).to_lowercase();
                counted_with(Count::OfKind, n, &[("kind", &kind)])
            })
            .collect();
        let kinds = match kinds.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => fill(
                Msg::DescribeListLast,
                &[("rest", &rest.join(", ")), ("last", last)],
            ),
        };
        let count = counted(Count::Resources, self.engine.len());
        fill(
            Msg::DescribeBrowse,
            &[
                ("count", &count),
                ("site", &self.settings.config.title),
                ("kinds", &kinds),
            ],
        )
    }

    /// The resources a page is about, in the order it lists them: every resource on the home
    /// and browse pages, one on a resource's page, a term's on its page, none elsewhere.
    pub(super) fn resources(&self, page: &Page) -> Vec<usize> {
        match page {
            Page::Home | Page::Browse => (0..self.engine.len()).collect(),
            Page::Resource(position) => vec![*position],
            Page::Term(facet, i) => {
                let id = &self.engine.catalogue().taxonomy.terms(*facet)[*i].id;
                self.engine.search(&BrowseQuery::selecting(*facet, id)).hits
            }
            Page::Collection(i) => self
                .collection(*i)
                .items
                .iter()
                .filter_map(|item| self.engine.position(&item.id))
                .collect(),
            Page::WhatsNew => catalogue::recent::newest_first(self.engine.catalogue()),
            // Its counts come from every resource, so it is as new as the newest.
            Page::EvidenceGuide => (0..self.engine.len()).collect(),
            Page::About | Page::Contribute | Page::Subscribe | Page::MyList | Page::NotFound => {
                Vec::new()
            }
        }
    }

    /// The page's sitemap entry: every page but the not-found page, My list and terms with no
    /// resources, dated by when its newest resource was added.
    pub(super) fn sitemap_entry(
        &self,
        page: &Page,
        path: &str,
        resources: &[usize],
    ) -> Option<Entry> {
        let listed = match page {
            Page::NotFound | Page::MyList => false,
            Page::Term(..) => !resources.is_empty(),
            _ => true,
        };
        let url = self.url.as_ref().filter(|_| listed)?;
        Some(Entry {
            url: url.page(path),
            alternates: self.alternates(path),
            modified: structured::newest(resources.iter().map(|&p| self.engine.resource(p)))
                .cloned(),
        })
    }
}
