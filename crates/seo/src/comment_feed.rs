//! The Atom feed of published comments (`comments.xml`), for the editors and for anyone who
//! follows the conversation: the newest first, each entry the comment's text under its
//! author's name, linked to the comment on its resource's page. Comments are plain text and
//! are written as text (escaped, characters XML forbids dropped), never as markup.

use catalogue::Comment;
use catalogue::comment::by_latest_published;

use crate::feed::{Feed, element, escape_into, head, indent, link, person, timestamp};

/// One published comment in the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentEntry<'a> {
    pub comment: &'a Comment,
    /// The title of the resource it is on.
    pub resource_title: &'a str,
    /// The absolute URL of the comment on its resource's page (`…/resources/x#comment-id`):
    /// the entry's id and link.
    pub url: String,
}

/// The feed of comments as an Atom document; `feed.entries` is not read (the comments are
/// `entries`, written newest published first).
pub fn comments_atom(feed: &Feed, entries: &[CommentEntry]) -> String {
    let mut sorted: Vec<&CommentEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| by_latest_published(a.comment, b.comment));
    let updated = sorted
        .first()
        .map_or(feed.fallback_updated, |e| e.comment.published.as_str());
    let mut xml = head(feed, updated);
    for entry in sorted {
        let c = entry.comment;
        xml.push_str("  <entry>\n");
        element(&mut xml, 2, "id", &entry.url);
        let title = format!("Comment by {} on {}", c.name, entry.resource_title);
        element(&mut xml, 2, "title", &title);
        element(&mut xml, 2, "updated", &timestamp(c.published.as_str()));
        element(&mut xml, 2, "published", &timestamp(c.written.as_str()));
        link(&mut xml, 2, "alternate", Some("text/html"), &entry.url);
        person(&mut xml, 2, &c.name);
        indent(&mut xml, 2);
        xml.push_str("<content type=\"text\">");
        escape_into(&mut xml, &format!("{}\n\n{}", c.byline(), c.text), false);
        xml.push_str("</content>\n  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
