//! What the contribution tests share: valid forms and what they become, stored entries, the
//! real taxonomy, and mailto decoding.
#![allow(dead_code)] // each test file uses some of these

pub mod strategies;

use catalogue::{Taxonomy, validate, validate_taxonomy};
use contributions::*;
use serde_json::{Value, json};

/// Stored text as the app reads it: parsed, or nothing (`null`) when it is not JSON.
pub fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

pub fn stored_entry(stored: &str) -> Option<Entry> {
    Entry::from_value(&value(stored))
}

pub fn taxonomy_json() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/taxonomy.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

pub fn taxonomy() -> Taxonomy {
    validate_taxonomy(&taxonomy_json()).unwrap()
}

pub const NOW: &str = "2026-11-23T10:15:30.123Z";

pub const KEY: &str = "0f8c1f5e-3c1a-4d2b-9e4f-5a6b7c8d9e0f";

pub fn good_form() -> SuggestionForm {
    SuggestionForm {
        title: "  Peer mentoring for commuter students: a toolkit ".into(),
        link: "https://www.example.ac.uk/peer-mentoring".into(),
        authors: "Ada Lovelace; Mary Somerville\n".into(),
        publisher: "Example University".into(),
        year: "2024".into(),
        kind: "intervention-tool".into(),
        approaches: vec!["social-integration".into(), "self-management".into()],
        subjects: vec!["peer-support".into(), "commuter-students".into()],
        evidence: "programme-evaluation".into(),
        summary: "How one university trained second-year commuters to mentor new ones.".into(),
        why: "Builds networks for students who are rarely on campus.".into(),
        contributor: Contributor {
            name: "Sam Patel".into(),
            email: "sam.patel@example.ac.uk".into(),
            organisation: "Example University".into(),
            consent: true,
        },
        website: String::new(),
    }
}

pub fn errors(form: &SuggestionForm) -> Vec<(&'static str, String)> {
    invalid(form.check(&taxonomy(), 2026))
}

/// The problems a form's check found, as (field name, problem written as Rust writes it:
/// `NoTitle`, `TooLong { max: 300, n: 301 }`); panics when it found none.
pub fn invalid<T: std::fmt::Debug>(checked: Checked<T>) -> Vec<(&'static str, String)> {
    match checked {
        Checked::Invalid(errors) => errors
            .into_iter()
            .map(|e| (e.field.name(), format!("{:?}", e.problem)))
            .collect(),
        other => panic!("expected errors, got {other:?}"),
    }
}

#[track_caller]
pub fn assert_error(form: SuggestionForm, field: &str, message: &str) {
    let got = errors(&form);
    assert!(
        got.iter().any(|(f, m)| *f == field && m.contains(message)),
        "expected {field}: {message}, got {got:?}"
    );
    assert_eq!(got.len(), 1, "only one error expected: {got:?}");
}

pub fn proposal() -> Proposal {
    match good_form().check(&taxonomy(), 2026) {
        Checked::Valid(p) => p,
        other => panic!("{other:?}"),
    }
}

pub fn suggestion() -> Submission {
    Submission::suggestion(
        KEY.into(),
        Timestamp::parse(NOW).unwrap(),
        proposal(),
        &taxonomy(),
    )
}

pub fn resource() -> catalogue::Resource {
    let catalogue = validate(&json!({ "format": 1, "taxonomy": taxonomy_json(), "resources": [{
        "id": "hepi-invisible-problem", "title": "The invisible problem?", "publisher": "HEPI", "year": 2016,
        "type": "research-report", "approaches": ["self-management"], "summary": "s",
        "evidence": "policy-report", "standard": "not-impact", "evidence_basis": "Publisher's page.",
        "url": "https://www.hepi.ac.uk/x", "added": "2026-11-01" }] }))
    .unwrap();
    catalogue.resources[0].clone()
}

/// Decodes a mailto query value (percent-escapes to UTF-8).
pub fn decode(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

pub fn mailto_parts(url: &str) -> (String, String, String) {
    let rest = url.strip_prefix("mailto:").unwrap();
    let (address, query) = rest.split_once('?').unwrap();
    let mut subject = None;
    let mut body = None;
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap();
        match k {
            "subject" => subject = Some(decode(v)),
            "body" => body = Some(decode(v)),
            _ => panic!("unexpected {k}"),
        }
    }
    (decode(address), subject.unwrap(), body.unwrap())
}

pub fn entry(key: &str, created: &str) -> Entry {
    Entry {
        key: key.into(),
        label: format!("Suggested resource: {key}"),
        created: created.into(),
        payload: format!("{{\"idempotency_key\":\"{key}\"}}"),
        mail_subject: "s".into(),
        mail_body: "b".into(),
        delivery: Delivery::Mailed { at: 0 },
        version: 0,
    }
}

/// The outbox's keys in list order.
pub fn keys(outbox: &Outbox) -> Vec<&str> {
    outbox.entries().iter().map(|e| e.key.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Update emails

pub const SITE: &str = "Resilience Toolkit";

/// The catalogue's collections as the subscription form is given them: (id, title).
pub fn collections() -> Vec<(String, String)> {
    [
        ("exam-stress", "Coping with exam stress"),
        ("commuter-students", "Commuter students"),
    ]
    .map(|(id, title)| (id.to_owned(), title.to_owned()))
    .to_vec()
}

pub fn good_subscribe() -> SubscribeForm {
    SubscribeForm {
        email: " sam.patel@example.ac.uk ".into(),
        name: " Sam Patel".into(),
        feed: "exam-stress".into(),
        consent: true,
        website: String::new(),
    }
}

/// What a form that must be valid becomes.
#[track_caller]
pub fn subscription(form: &SubscribeForm) -> Subscription {
    match form.check(&collections()) {
        Checked::Valid(s) => s,
        other => panic!("expected a valid subscription, got {other:?}"),
    }
}

pub fn update_emails(subscription: Subscription) -> Submission {
    Submission::subscription(KEY.into(), Timestamp::parse(NOW).unwrap(), subscription)
}

#[path = "../../../messages/folder.rs"]
mod folder;

/// The interface's English words (every file of `messages/en/`), as the app gives a
/// submission's label and email in English.
pub fn english(word: Word, args: &[(&str, &str)]) -> String {
    static ENGLISH: std::sync::OnceLock<messages::Messages> = std::sync::OnceLock::new();
    let messages = ENGLISH.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../messages");
        folder::read_catalogue(&root, messages::Lang::En).unwrap()
    });
    messages.fill(word.key(), args)
}
