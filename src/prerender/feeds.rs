//! The Atom feeds: `feed.xml` with the newest additions, one per collection beside its page
//! (`collections/<id>.xml`), and `comments.xml` with the newest published comments. Written only when the site's address is known: a feed's ids
//! and links must be absolute.

use crate::text::{Msg, collection_intro, collection_title, fill, label_of, t};
use catalogue::comment::by_latest_published;
use catalogue::recent::newest_first;
use catalogue::{Collection, Comment, Facet, Resource};
use seo::SiteUrl;
use seo::comment_feed::{CommentEntry, comments_atom};
use seo::feed::{Feed, FeedEntry, atom};
use seo::structured;

use super::File;
use super::inputs::Site;

/// How many of the newest additions `feed.xml` carries (feed readers keep what they have seen).
pub(super) const FEED_MAX: usize = 50;

/// A feed's title: the newest additions' ("Resilience Toolkit: new resources"), or a
/// collection's. The feed itself and every page's autodiscovery link carry it.
pub(super) fn title(site: &str, collection: Option<&Collection>) -> String {
    match collection {
        Some(c) => fill(
            Msg::FeedCollection,
            &[("site", site), ("collection", collection_title(c))],
        ),
        None => fill(Msg::FeedNew, &[("site", site)]),
    }
}

/// The comments feed's title ("Resilience Toolkit: comments").
pub(super) fn comments_title(site: &str) -> String {
    fill(Msg::FeedComments, &[("site", site)])
}

/// Every feed's file, or none without the site's address.
pub(super) fn feeds(site: &Site) -> Vec<File> {
    let Some(url) = &site.url else {
        return Vec::new();
    };
    let catalogue = site.engine.catalogue();
    let config = &site.settings.config;
    let author = match config.organisation.is_empty() {
        true => config.title.as_str(),
        false => config.organisation.as_str(),
    };
    // An empty feed is dated by the catalogue's newest addition (or the toolkit's launch).
    let newest = structured::newest(catalogue.resources.iter());
    let fallback = newest.map_or("2018-02-01", |d| d.as_str());
    let feed = |title: String, subtitle: &str, file: String, page: String, entries| {
        let xml = atom(&Feed {
            title: &title,
            subtitle,
            self_url: &url.page(&file),
            page_url: &url.page(&page),
            author,
            fallback_updated: fallback,
            entries,
        });
        (site.base.file_of(&file), xml)
    };
    let newest: Vec<FeedEntry> = newest_first(catalogue)
        .into_iter()
        .take(FEED_MAX)
        .map(|p| entry(site, url, site.engine.resource(p), None))
        .collect();
    let mut files = vec![feed(
        title(&config.title, None),
        t(Msg::FeedNewSubtitle),
        site.base.feed(),
        site.base.whats_new(),
        newest,
    )];
    for c in &catalogue.collections {
        let entries = c
            .items
            .iter()
            .filter_map(|item| {
                let r = catalogue.resource(&item.id)?;
                Some(entry(
                    site,
                    url,
                    r,
                    Some(item.note.as_str()).filter(|n| !n.is_empty()),
                ))
            })
            .collect();
        files.push(feed(
            title(&config.title, Some(c)),
            collection_intro(c),
            site.base.collection_feed(&c.id),
            site.base.collection(&c.id),
            entries,
        ));
    }
    files.push(comments(site, url, author, fallback));
    files
}

/// The feed of the newest published comments, each linked to where it is on its resource's
/// page.
fn comments(site: &Site, url: &SiteUrl, author: &str, fallback: &str) -> File {
    let catalogue = site.engine.catalogue();
    let mut comments: Vec<&Comment> = catalogue.comments.iter().collect();
    comments.sort_by(|a, b| by_latest_published(a, b));
    let entries: Vec<CommentEntry> = comments
        .into_iter()
        .take(FEED_MAX)
        .filter_map(|c| {
            let r = catalogue.resource(&c.resource)?;
            let page = url.page(&site.base.resource(&r.id));
            Some(CommentEntry {
                comment: c,
                resource_title: &r.title,
                url: format!("{page}#{}", c.anchor()),
            })
        })
        .collect();
    let file = site.base.comments_feed();
    let xml = comments_atom(
        &Feed {
            title: &comments_title(&site.settings.config.title),
            subtitle: t(Msg::FeedCommentsSubtitle),
            self_url: &url.page(&file),
            page_url: &url.page(&site.base.home()),
            author,
            fallback_updated: fallback,
            entries: Vec::new(),
        },
        &entries,
    );
    (site.base.file_of(&file), xml)
}

/// One resource as a feed entry, with its evidence in words, and its terms (type, approaches,
/// evidence, subjects) as categories.
fn entry<'a>(
    site: &'a Site,
    url: &SiteUrl,
    r: &'a Resource,
    note: Option<&'a str>,
) -> FeedEntry<'a> {
    let taxonomy = &site.engine.catalogue().taxonomy;
    let categories = Facet::ALL
        .iter()
        .flat_map(|&f| r.terms(f).iter().map(move |id| label_of(taxonomy, f, id)))
        .collect();
    FeedEntry {
        resource: r,
        page_url: url.page(&site.base.resource(&r.id)),
        note,
        // The evidence note in the feed's language (the basis is the catalogue's words).
        evidence: fill(
            Msg::FeedEvidenceNote,
            &[
                ("kind", label_of(taxonomy, Facet::Evidence, &r.evidence)),
                ("standard", label_of(taxonomy, Facet::Standard, &r.standard)),
                ("basis", &r.evidence_basis),
            ],
        ),
        categories,
    }
}
