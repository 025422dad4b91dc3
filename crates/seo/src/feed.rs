//! Atom 1.0 feeds (RFC 4287) of resources: the newest additions to the catalogue, or the
//! resources in one collection, so that readers can follow them in a feed reader.
//!
//! Identity: the feed's `<id>` is its own address (`self_url`) and each entry's `<id>` is the
//! absolute URL of the resource's page in the toolkit. Both stay the same from one build to the
//! next, which is what RFC 4287 asks of an id; a site that moves to a new address gets new ids,
//! just as its pages get new canonical URLs, and readers subscribed to the old address would be
//! following a feed that no longer exists anyway.
//!
//! Dates: the catalogue records only the day a resource was added, so `updated` and `published`
//! are midnight UTC of that day (`2026-11-28T00:00:00Z`).

use catalogue::Resource;
use catalogue::text::fold;

/// The Atom namespace.
pub const NAMESPACE: &str = "http://www.w3.org/2005/Atom";
/// The media type of an Atom feed, for `<link rel="alternate">` tags pointing at one.
pub const MEDIA_TYPE: &str = "application/atom+xml";
/// What the feed's `<generator>` names.
pub const GENERATOR: &str = "Resilience Toolkit";
/// The language of the feed's text.
const LANGUAGE: &str = "en-GB";

/// A feed: what it is, where it and the page it mirrors live, and its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed<'a> {
    /// "Resilience Toolkit: new resources", "Resilience Toolkit: Careers and employability".
    pub title: &'a str,
    /// One line on what the feed holds (left out when empty).
    pub subtitle: &'a str,
    /// The absolute URL of this feed file: its `rel="self"` link, and its id.
    pub self_url: &'a str,
    /// The absolute URL of the HTML page the feed mirrors (`rel="alternate"`).
    pub page_url: &'a str,
    /// The site's name or publisher: the feed's author, which stands for every entry that
    /// names no author of its own. [`GENERATOR`] when empty, since a feed needs one.
    pub author: &'a str,
    /// The feed's `updated` date (`YYYY-MM-DD`) when it has no entries; otherwise it is the
    /// newest entry's date.
    pub fallback_updated: &'a str,
    /// The entries, in any order (they are written newest first), already limited to as many
    /// as the feed should hold.
    pub entries: Vec<FeedEntry<'a>>,
}

/// One resource in a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry<'a> {
    pub resource: &'a Resource,
    /// The absolute URL of the resource's page in the toolkit: the entry's id and link.
    pub page_url: String,
    /// Why a curator put the resource in a collection, added to the summary.
    pub note: Option<&'a str>,
    /// The evidence behind the resource, in words ([`catalogue::evidence::note`]), added to
    /// the summary.
    pub evidence: String,
    /// The labels of the resource's terms: type, approaches, evidence and subjects.
    pub categories: Vec<&'a str>,
}

/// The feed as an Atom document.
///
/// ```
/// use seo::feed::{self, Feed, FeedEntry};
/// # let document = serde_json::json!({ "format": 1,
/// #     "taxonomy": { "approaches": [{ "id": "peer", "label": "Peer support" }],
/// #                   "types": [{ "id": "guide", "label": "Guide" }],
/// #                   "standards": [{ "id": "narrative", "label": "Narrative (Type 1)" }],
/// #                   "evidence": [{ "id": "practice", "label": "Practice description",
/// #                                  "standards": ["narrative"] }],
/// #                   "subjects": [{ "id": "careers", "label": "Careers" }] },
/// #     "resources": [{ "id": "mentoring", "title": "Peer mentoring & belonging",
/// #         "authors": [], "publisher": "Student Minds", "year": 2024, "type": "guide",
/// #         "approaches": ["peer"], "subjects": ["careers"], "country": "UK",
/// #         "summary": "How peer mentors help.", "evidence": "practice", "standard": "narrative",
/// #         "evidence_basis": "Publisher's page.", "url": null, "added": "2026-11-28" }] });
/// # let catalogue = catalogue::Catalogue::from_value(&document).unwrap();
/// let resource = &catalogue.resources[0];
/// let xml = feed::atom(&Feed {
///     title: "Resilience Toolkit: new resources",
///     subtitle: "The latest additions to the toolkit",
///     self_url: "https://toolkit.example.ac.uk/feeds/new.xml",
///     page_url: "https://toolkit.example.ac.uk/browse?sort=newest",
///     author: "Resilience Toolkit",
///     fallback_updated: "2026-01-01",
///     entries: vec![FeedEntry {
///         resource,
///         page_url: format!("https://toolkit.example.ac.uk/resources/{}", resource.id),
///         note: None,
///         evidence: "Evidence: Practice description; Narrative (Type 1). Publisher's page.".into(),
///         categories: vec!["Guide", "Peer support", "Careers"],
///     }],
/// });
/// assert!(xml.contains("<updated>2026-11-28T00:00:00Z</updated>"));
/// assert!(xml.contains("<title>Peer mentoring &amp; belonging</title>"));
/// ```
pub fn atom(feed: &Feed) -> String {
    debug_assert!(
        catalogue::Date::parse(feed.fallback_updated).is_some(),
        "fallback_updated {:?} is not YYYY-MM-DD",
        feed.fallback_updated
    );
    let entries = newest_first(&feed.entries);
    let updated = entries
        .first()
        .map_or(feed.fallback_updated, |e| e.resource.added.as_str());
    let mut xml = head(feed, updated);
    for entry in entries {
        write_entry(&mut xml, entry);
    }
    xml.push_str("</feed>\n");
    xml
}

/// The feed's opening and everything before its entries, `updated` on that day; the caller
/// appends entries and `</feed>`.
pub(crate) fn head(feed: &Feed, updated: &str) -> String {
    let author = match feed.author.trim() {
        "" => GENERATOR,
        name => name,
    };
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"{NAMESPACE}\" xml:lang=\"{LANGUAGE}\">\n"
    );
    element(&mut xml, 1, "id", feed.self_url);
    element(&mut xml, 1, "title", feed.title);
    if !feed.subtitle.trim().is_empty() {
        element(&mut xml, 1, "subtitle", feed.subtitle);
    }
    element(&mut xml, 1, "updated", &timestamp(updated));
    link(&mut xml, 1, "self", Some(MEDIA_TYPE), feed.self_url);
    link(&mut xml, 1, "alternate", Some("text/html"), feed.page_url);
    person(&mut xml, 1, author);
    element(&mut xml, 1, "generator", GENERATOR);
    xml
}

/// The entries newest first, then in alphabetical order of title as the app sorts titles (then
/// by page, so the order never depends on the order given).
fn newest_first<'e, 'a>(entries: &'e [FeedEntry<'a>]) -> Vec<&'e FeedEntry<'a>> {
    let mut sorted: Vec<(String, &FeedEntry)> = entries
        .iter()
        .map(|e| (fold(&e.resource.title), e))
        .collect();
    sorted.sort_by(|(a_title, a), (b_title, b)| {
        (b.resource.added.cmp(&a.resource.added))
            .then_with(|| a_title.cmp(b_title))
            .then_with(|| a.resource.title.cmp(&b.resource.title))
            .then_with(|| a.page_url.cmp(&b.page_url))
    });
    sorted.into_iter().map(|(_, e)| e).collect()
}

fn write_entry(xml: &mut String, entry: &FeedEntry) {
    let r = entry.resource;
    let date = timestamp(r.added.as_str());
    xml.push_str("  <entry>\n");
    element(xml, 2, "id", &entry.page_url);
    element(xml, 2, "title", &r.title);
    element(xml, 2, "updated", &date);
    element(xml, 2, "published", &date);
    link(xml, 2, "alternate", Some("text/html"), &entry.page_url);
    if let Some(url) = r.url.as_deref().filter(|u| !u.trim().is_empty()) {
        link(xml, 2, "related", None, url);
    }
    for name in authors(r) {
        person(xml, 2, name);
    }
    let mut seen: Vec<&str> = Vec::new();
    for &label in &entry.categories {
        let label = label.trim();
        if label.is_empty() || seen.contains(&label) {
            continue;
        }
        seen.push(label);
        indent(xml, 2);
        xml.push_str("<category term=\"");
        escape_into(xml, label, true);
        xml.push_str("\" label=\"");
        escape_into(xml, label, true);
        xml.push_str("\"/>\n");
    }
    indent(xml, 2);
    xml.push_str("<summary type=\"text\">");
    escape_into(xml, &summary(entry), false);
    xml.push_str("</summary>\n  </entry>\n");
}

/// The entry's authors: the named authors, or else the publisher. With neither, the entry has
/// none of its own and the feed's author stands for it (RFC 4287, section 4.1.2).
fn authors(r: &Resource) -> Vec<&str> {
    let named: Vec<&str> = r
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    match r.publisher.trim() {
        _ if !named.is_empty() => named,
        "" => Vec::new(),
        publisher => vec![publisher],
    }
}

/// The summary, the curator's note when there is one, the evidence, and who published the
/// resource when.
fn summary(entry: &FeedEntry) -> String {
    let r = entry.resource;
    let mut text = r.summary.trim().to_owned();
    if let Some(note) = entry.note.map(str::trim).filter(|n| !n.is_empty()) {
        text.push_str("\n\nWhy it is in this collection: ");
        text.push_str(note);
    }
    if !entry.evidence.is_empty() {
        text.push_str("\n\n");
        text.push_str(&entry.evidence);
    }
    let published = match (r.publisher.trim(), r.year) {
        ("", None) => None,
        ("", Some(year)) => Some(format!("Published {year}")),
        (publisher, None) => Some(format!("Published by {publisher}")),
        (publisher, Some(year)) => Some(format!("Published by {publisher}, {year}")),
    };
    if let Some(line) = published {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&line);
    }
    text
}

/// A `YYYY-MM-DD` date as an RFC 3339 date-time: midnight UTC.
pub(crate) fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

pub(crate) fn indent(xml: &mut String, depth: usize) {
    xml.extend(std::iter::repeat_n("  ", depth));
}

/// `<name>text</name>` on its own line.
pub(crate) fn element(xml: &mut String, depth: usize, name: &str, text: &str) {
    indent(xml, depth);
    xml.push_str(&format!("<{name}>"));
    escape_into(xml, text, false);
    xml.push_str(&format!("</{name}>\n"));
}

pub(crate) fn link(
    xml: &mut String,
    depth: usize,
    rel: &str,
    media_type: Option<&str>,
    href: &str,
) {
    indent(xml, depth);
    xml.push_str(&format!("<link rel=\"{rel}\""));
    if let Some(media_type) = media_type {
        xml.push_str(&format!(" type=\"{media_type}\""));
    }
    xml.push_str(" href=\"");
    escape_into(xml, href, true);
    xml.push_str("\"/>\n");
}

pub(crate) fn person(xml: &mut String, depth: usize, name: &str) {
    indent(xml, depth);
    xml.push_str("<author><name>");
    escape_into(xml, name, false);
    xml.push_str("</name></author>\n");
}

/// Whether XML 1.0 allows a character at all: not the C0 controls other than tab, line feed
/// and carriage return, nor U+FFFE and U+FFFF (a Rust `char` is never a surrogate). No escape
/// can write the others, so they are dropped.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` escaped for XML character data, or for a double-quoted attribute value when
/// `attribute` is set. Characters a parser would normalise (a carriage return anywhere; tabs
/// and line breaks in attributes) are written as character references so they read back as
/// written; characters XML forbids are dropped.
pub(crate) fn escape_into(xml: &mut String, text: &str, attribute: bool) {
    for c in text.chars().filter(|&c| allowed_in_xml(c)) {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            // Only `]]>` needs it in text, but escaping every one costs nothing.
            '>' => xml.push_str("&gt;"),
            '\r' => xml.push_str("&#13;"),
            '"' if attribute => xml.push_str("&quot;"),
            '\t' if attribute => xml.push_str("&#9;"),
            '\n' if attribute => xml.push_str("&#10;"),
            c => xml.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        escape_into(&mut out, text, attribute);
        out
    }

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            escaped("a & <b> \"c\" 'd' ]]>", false),
            "a &amp; &lt;b&gt; \"c\" 'd' ]]&gt;"
        );
        assert_eq!(
            escaped("a & \"b\"\t<c>\n", true),
            "a &amp; &quot;b&quot;&#9;&lt;c&gt;&#10;"
        );
        assert_eq!(escaped("x\r\ny\n", false), "x&#13;\ny\n");
        assert_eq!(
            escaped("\u{0}a\u{1}\u{8}\u{B}\u{C}\u{1F}b\u{FFFE}\u{FFFF}", false),
            "ab"
        );
        assert_eq!(
            escaped("é – \u{7F}\u{85}\u{FFFD} 🌱", false),
            "é – \u{7F}\u{85}\u{FFFD} 🌱"
        );
    }

    #[test]
    fn dates_are_midnight_utc() {
        assert_eq!(timestamp("2026-11-28"), "2026-11-28T00:00:00Z");
    }
}
