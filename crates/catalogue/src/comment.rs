//! Public comments on resources: what practitioners made of a resource, published with the site
//! once an editor has read them. The record, its limits and the text rules every place that
//! takes a comment in (the form, `catalogue comments add`, validation) applies the same way.
//!
//! A comment is plain text. Nothing in it is ever read as markup: every place it is shown
//! escapes it (HTML, XML, JSON-LD, CSV), links stay text, and the characters that could make
//! it look like something else are taken out before it is stored ([`clean_text`]): control
//! characters, and the Unicode controls that reorder text (a right-to-left override could make
//! a comment show words other than the ones it holds). Right-to-left scripts and emoji stay as
//! written; pages show each comment with its direction taken from its own text.

use serde::Serialize;

use crate::model::Date;

/// The longest comment, in characters: a few paragraphs.
pub const TEXT_MAX: usize = 2000;
/// The longest display name, in characters.
pub const NAME_MAX: usize = 80;
/// The longest role or institution, in characters.
pub const AFFILIATION_MAX: usize = 120;

/// A published comment on one resource.
///
/// Invariants (established by validation): `id` is a slug unique among comments; `resource` is
/// the id of a resource in the catalogue; `name` and `text` are non-empty; every text is
/// within its limit and as [`clean_text`] or [`clean_line`] leaves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub id: String,
    pub resource: String,
    /// The name or initials the person chose to be published with.
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub institution: String,
    /// When the person wrote it.
    pub written: Date,
    /// When an editor published it.
    pub published: Date,
    pub text: String,
    /// The idempotency key of the submission it came from, which keeps one submission from being
    /// published twice; kept in the seed file, never published.
    #[serde(skip)]
    pub key: String,
}

/// The fields of a comment's record, in the order they are written.
pub const COMMENT_FIELDS: [&str; 9] = [
    "id",
    "resource",
    "name",
    "role",
    "institution",
    "written",
    "published",
    "text",
    "key",
];

impl Comment {
    /// Its element's id on its resource's page, which links to it end with (`#comment-<id>`).
    pub fn anchor(&self) -> String {
        format!("comment-{}", self.id)
    }

    /// Who wrote it, as pages show it: "name, role, institution", with whichever parts were
    /// given.
    pub fn byline(&self) -> String {
        let mut parts = vec![self.name.as_str()];
        parts.extend(
            [self.role.as_str(), self.institution.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty()),
        );
        parts.join(", ")
    }

    /// Its paragraphs (separated by blank lines), each with its line breaks.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split("\n\n").filter(|p| !p.is_empty())
    }
}

/// True for a character a comment never keeps: a control character other than a line break, a
/// Unicode control that embeds, overrides or isolates the direction of text, an interlinear
/// annotation control, or a noncharacter XML refuses (U+FFFE, U+FFFF).
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A comment's text as it is kept: line breaks as `\n` (at most one blank line in a row),
/// unsafe characters ([`is_unsafe_char`]) taken out, spaces at the ends of lines and of the
/// whole trimmed.
pub fn clean_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line: String = line.chars().filter(|&c| !is_unsafe_char(c)).collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(if out.is_empty() {
            line.trim_start()
        } else {
            line
        });
    }
    out
}

/// A one-line text (a name, a role, an institution) as it is kept: unsafe characters and line
/// breaks taken out, runs of spaces made one, trimmed.
pub fn clean_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || is_unsafe_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The order of a feed of comments: the most recently published first, then the latest id.
pub fn by_latest_published(a: &Comment, b: &Comment) -> std::cmp::Ordering {
    b.published.cmp(&a.published).then_with(|| b.id.cmp(&a.id))
}

/// The comments on one resource, newest first (by the day written, then the latest id).
pub fn newest_first<'c>(comments: impl IntoIterator<Item = &'c Comment>) -> Vec<&'c Comment> {
    let mut list: Vec<&Comment> = comments.into_iter().collect();
    list.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| b.id.cmp(&a.id)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_keeps_paragraphs_and_drops_controls() {
        let text =
            " We ran this in halls.\r\n\r\n\r\nIt needed two staff.\u{202E}\u{0007}\nNot one. ";
        assert_eq!(
            clean_text(text),
            "We ran this in halls.\n\nIt needed two staff.\nNot one."
        );
        assert_eq!(clean_text("مرحبا 👋🏽"), "مرحبا 👋🏽");
        assert_eq!(clean_text("\n \n"), "");
    }

    #[test]
    fn clean_line_is_one_line() {
        assert_eq!(
            clean_line("  Dr\tA.\n\u{2067}Smith\u{2069} "),
            "Dr A. Smith"
        );
    }

    #[test]
    fn newest_first_by_day_then_id() {
        let at = |id: &str, day: &str| Comment {
            id: id.into(),
            resource: "r".into(),
            name: "A".into(),
            role: String::new(),
            institution: "Uni".into(),
            written: Date::parse(day).unwrap(),
            published: Date::parse(day).unwrap(),
            text: "t".into(),
            key: String::new(),
        };
        let (a, b, c) = (
            at("a", "2026-01-02"),
            at("b", "2026-01-01"),
            at("c", "2026-01-02"),
        );
        let ids: Vec<&str> = newest_first([&a, &b, &c])
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(a.byline(), "A, Uni");
    }
}
