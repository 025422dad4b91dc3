//! `mailto:` links (RFC 6068) that open the visitor's mail program with a submission filled in,
//! kept short enough for mail programs to accept.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The longest mailto link the app builds. Some mail programs (and Windows' hand-off to them)
/// cut links near 2,000 characters, so longer messages are shortened with a note.
pub const MAILTO_LIMIT: usize = 2000;

/// Introduces the catalogue record in an email's text.
pub const RECORD_HEADING: &str = "\nCatalogue record (for seeds/resources/):\n";
/// Introduces a comment's record in an email's text.
pub const COMMENT_HEADING: &str = "\nComment record (for seeds/comments/):\n";
/// Ends an email's text.
pub const REFERENCE: &str = "\nReference: ";

/// Said at the end of a text shortened to fit.
pub const NOTE: &str = "\n[…shortened to fit an email link. The full text is in the toolkit: Copy it from \"Your submissions\".]\n";

/// A `mailto:` link with the subject and text filled in, at most [`MAILTO_LIMIT`] characters:
/// if the whole text does not fit, the catalogue record (or comment record) is left out first, then the text is
/// shortened, with a note saying so; a subject too long to leave room for that is shortened
/// too. (Only an address longer than the limit itself gives a longer link.)
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let head_with = |subject: &str| {
        format!(
            "mailto:{}?subject={}&body=",
            encode(address, ADDRESS),
            encode(subject, TEXT)
        )
    };
    let room_for_note =
        |subject: &str| head_with(subject).len() + encode(NOTE, TEXT).len() <= MAILTO_LIMIT;
    let head = if room_for_note(subject) {
        head_with(subject)
    } else {
        head_with(&cut_to_fit(subject, "…", &room_for_note))
    };
    let room = MAILTO_LIMIT.saturating_sub(head.len());
    let fits = |body: &str| encode(body, TEXT).len() <= room;
    if fits(body) {
        return head + &encode(body, TEXT);
    }
    // The last heading is the record's: text typed into the form may hold a heading's words
    // too, but always before the record, and the record itself (JSON, with its line breaks
    // escaped) cannot hold one.
    let record = body.rfind(RECORD_HEADING).max(body.rfind(COMMENT_HEADING));
    let short = match (record, body.rfind(REFERENCE)) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &body[..start], &body[end..]),
        _ => body.to_owned(),
    };
    if fits(&short) {
        return head + &encode(&short, TEXT);
    }
    head + &encode(&cut_to_fit(&short, NOTE, &fits), TEXT)
}

/// The longest start of `text` (whole characters) that `fits` with `ending` after it, with the
/// ending; just the ending if no start does.
/// (`fits` is a trait object: one copy of this in the wasm serves both callers.)
fn cut_to_fit(text: &str, ending: &str, fits: &dyn Fn(&str) -> bool) -> String {
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let cut = |n: usize| ends.get(n).map_or(text.len(), |&i| i);
    let with_ending = |n: usize| format!("{}{ending}", &text[..cut(n)]);
    // Binary search on the number of characters kept.
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&with_ending(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    with_ending(lo)
}

/// RFC 6068: everything but unreserved characters is escaped; spaces are `%20`, never `+`.
const TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// An address keeps its `@` readable.
const ADDRESS: &AsciiSet = &TEXT.remove(b'@');

/// Percent-encodes text for a mailto link, with line breaks as CRLF as RFC 6068 asks.
fn encode(text: &str, set: &'static AsciiSet) -> String {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    utf8_percent_encode(&text, set).to_string()
}
