//! Properties of the mailto links that hold for any input: a link stays within the length mail
//! programs accept and carries the text it was built from (or a start of it and a note).
//!
//! Failures are not written to disk (the shrunk case is printed instead).

use contributions::mailto::{RECORD_HEADING, REFERENCE};
use contributions::{MAILTO_LIMIT, mailto};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use proptest::prelude::*;
use proptest::sample::select;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

// ---------------------------------------------------------------------------------------------
// Mailto links

/// RFC 6068's unreserved characters, the only ones a mailto link leaves unescaped (an address
/// also keeps its `@`): the test's own account of how long a link must be.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
const ADDRESS: &AsciiSet = &UNRESERVED.remove(b'@');

/// Line breaks as a mailto link carries them: every line break is CRLF.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// Line breaks as the text was typed: CRLF read back as "\n".
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}

fn encoded_len(text: &str, set: &'static AsciiSet) -> usize {
    utf8_percent_encode(&crlf(text), set).to_string().len()
}

/// The length of the link holding all of `body`.
fn whole_len(address: &str, subject: &str, body: &str) -> usize {
    "mailto:?subject=&body=".len()
        + encoded_len(address, ADDRESS)
        + encoded_len(subject, UNRESERVED)
        + encoded_len(body, UNRESERVED)
}

/// The email text without its catalogue record, as the link leaves it out first.
fn without_record(body: &str) -> String {
    match (body.find(RECORD_HEADING), body.rfind(REFERENCE)) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &body[..start], &body[end..]),
        _ => body.to_owned(),
    }
}

fn decode(value: &str) -> Result<String, TestCaseError> {
    match percent_decode_str(value).decode_utf8() {
        Ok(text) => Ok(text.into_owned()),
        Err(e) => Err(TestCaseError::fail(format!(
            "{value:?} is not UTF-8 once decoded: {e}"
        ))),
    }
}

/// The address, subject and body a link carries, decoded (CRLF kept).
fn link_parts(link: &str) -> Result<(String, String, String), TestCaseError> {
    let rest = link
        .strip_prefix("mailto:")
        .ok_or_else(|| TestCaseError::fail(format!("{link:.40} does not start with mailto:")))?;
    let (address, query) = rest
        .split_once('?')
        .ok_or_else(|| TestCaseError::fail("no query"))?;
    let (mut subject, mut body) = (None, None);
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("subject", v)) if subject.is_none() => subject = Some(decode(v)?),
            Some(("body", v)) if body.is_none() => body = Some(decode(v)?),
            _ => return Err(TestCaseError::fail(format!("unexpected {pair:.40}"))),
        }
    }
    match (subject, body) {
        (Some(subject), Some(body)) => Ok((decode(address)?, subject, body)),
        _ => Err(TestCaseError::fail("subject or body missing")),
    }
}

/// Text people type: any characters, weighted towards line breaks, accents, emoji and the
/// characters a link must escape.
fn typed(most: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => prop::char::range(' ', '~'),
        1 => select(vec!['\n', '\r', '&', '=', '%', '+', '#', '?', '@']),
        1 => select(vec!['é', 'ß', '“', '…', '😀', '心', '\u{301}']),
        1 => any::<char>(),
    ];
    prop::collection::vec(c, 0..most).prop_map(String::from_iter)
}

/// Long text in one character, as a pasted paragraph in one script is.
fn repeated(most: usize) -> impl Strategy<Value = String> {
    (
        select(vec!["a", "é", "😀", "心", "\n", "\r\n", " "]),
        0..most,
    )
        .prop_map(|(s, n)| s.repeat(n))
}

/// An email's text, shaped like the real one: words, then maybe a catalogue record, then maybe
/// the reference line, each part of any length.
fn mail_body() -> impl Strategy<Value = String> {
    (
        prop_oneof![typed(400), repeated(1500)],
        prop::option::of(prop_oneof![typed(200), repeated(800)]),
        prop::option::of(typed(60)),
        any::<bool>(),
    )
        .prop_map(|(text, record, reference, swapped)| {
            let record = record.map(|r| format!("{RECORD_HEADING}{r}\n"));
            let reference = reference.map(|r| format!("{REFERENCE}{r}\n"));
            let (first, second) = if swapped {
                (reference, record)
            } else {
                (record, reference)
            };
            format!(
                "{text}{}{}",
                first.unwrap_or_default(),
                second.unwrap_or_default()
            )
        })
}

fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z.+]{1,12}@[a-z]{1,10}\\.(ac\\.uk|org)",
        1 => typed(40),
    ]
}

/// A subject like the app's ("<site>: Suggested resource: <title>", the title at most 300
/// characters), in any script.
fn subject() -> impl Strategy<Value = String> {
    prop_oneof![typed(120), repeated(300)]
}

/// Checks the link built from an address, subject and text: within the limit, and carrying the
/// text as [`mailto`] promises.
fn check_link(address: &str, subject: &str, body: &str) -> Result<(), TestCaseError> {
    let link = mailto(address, subject, body);
    prop_assert!(link.starts_with("mailto:"));
    prop_assert!(
        link.chars().count() <= MAILTO_LIMIT,
        "{} characters",
        link.chars().count()
    );
    let (decoded_address, decoded_subject, decoded_body) = link_parts(&link)?;
    prop_assert_eq!(lf(&decoded_address), lf(address));
    // The subject is whole, unless it left no room for the note: then a start of it and "…".
    let subject = if lf(&decoded_subject) == lf(subject) {
        subject.to_owned()
    } else {
        prop_assert!(
            whole_len(address, subject, contributions::mailto::NOTE) > MAILTO_LIMIT,
            "a subject with room for the note was cut"
        );
        let kept = decoded_subject.strip_suffix('…');
        prop_assert!(
            // (Compared without CRs, as the text below: a cut may fall inside a CRLF.)
            kept.is_some_and(|k| subject.replace('\r', "").starts_with(&k.replace('\r', ""))),
            "{:?} is not a start of the subject",
            decoded_subject
        );
        decoded_subject.clone()
    };
    let subject = subject.as_str();
    if whole_len(address, subject, body) <= MAILTO_LIMIT {
        prop_assert_eq!(lf(&decoded_body), lf(body), "the whole text fits");
        return Ok(());
    }
    let short = without_record(body);
    if whole_len(address, subject, &short) <= MAILTO_LIMIT {
        prop_assert_eq!(
            lf(&decoded_body),
            lf(&short),
            "the text without its record fits"
        );
        return Ok(());
    }
    // Shortened: a prefix of the text, then the note. (Line breaks are compared without their
    // CR, which is all that CRLF conversion changes, even where the cut falls inside one.)
    let note = "\r\n[…shortened to fit an email link.";
    let cut = decoded_body.rfind(note);
    prop_assert!(cut.is_some(), "no note in {:?}", decoded_body);
    let kept = decoded_body[..cut.unwrap()].replace('\r', "");
    prop_assert!(
        short.replace('\r', "").starts_with(&kept),
        "{:?} is not the start of the text",
        kept
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    /// A link is always within the limit and always decodes to what it was built from: the
    /// whole text when it fits, the text without its record when that fits, otherwise a start
    /// of the text and a note (never a character cut in half). Addresses and subjects here are
    /// ones that leave room for the note; see the ignored test below for the others.
    #[test]
    fn a_mailto_link_fits_and_carries_its_text(
        address in address(),
        subject in subject(),
        body in mail_body(),
    ) {
        // Room for the note and a little text, whatever the body.
        prop_assume!(whole_len(&address, &subject, "") + 3 * 120 <= MAILTO_LIMIT);
        check_link(&address, &subject, &body)?;
    }

    /// The limit holds for any address an email address can be (at most 254 characters), and
    /// any subject and text, however long: a subject that leaves no room is shortened too.
    #[test]
    fn a_mailto_link_never_exceeds_the_limit(
        address in prop_oneof![address(), "[a-z]{60}@[a-z]{180}\\.org"],
        subject in prop_oneof![subject(), repeated(1000)],
        body in prop_oneof![mail_body(), typed(10)],
    ) {
        check_link(&address, &subject, &body)?;
    }
}

/// Found by the property above: a subject of 303 "é" (6 characters each once escaped) and a
/// text that does not fit once gave a 2,004-character link. (The app's subjects reach this:
/// "<site>: Suggested resource: " and a title of the 300 accented characters the form allows.)
#[test]
fn a_mailto_link_with_a_long_subject_stays_within_the_limit() {
    let link = mailto("", &"é".repeat(303), &"x".repeat(161));
    assert!(link.len() <= MAILTO_LIMIT, "{} characters", link.len());
}
