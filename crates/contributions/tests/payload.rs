//! What a submission becomes: the catalogue record, the webhook JSON, the mailto link,
//! idempotency keys, ids from titles and timestamps.

mod common;

use catalogue::rules::slug;
use catalogue::validate;
use catalogue::validate::RESOURCE_FIELDS;
use common::*;
use contributions::*;
use serde_json::{Value, json};

#[test]
fn the_proposed_record_passes_catalogue_validation_as_it_is() {
    let record: Value = serde_json::from_str(&suggestion().record().unwrap()).unwrap();
    assert_eq!(
        record["id"],
        "peer-mentoring-for-commuter-students-a-toolkit"
    );
    assert_eq!(record["added"], "2026-11-23");
    let catalogue =
        validate(&json!({ "format": 1, "taxonomy": taxonomy_json(), "resources": [record] }))
            .unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(
        catalogue.resources[0].title,
        "Peer mentoring for commuter students: a toolkit"
    );
}

#[test]
fn the_record_keeps_the_seed_files_field_order() {
    let record = suggestion().record().unwrap();
    let order: Vec<_> = record
        .lines()
        .skip(1)
        .filter_map(|l| l.trim().split('"').nth(1))
        .collect();
    // The validator's field order, without the optional fields the form does not ask for.
    let expected: Vec<&str> = RESOURCE_FIELDS
        .into_iter()
        .filter(|f| !["et_al", "country", "sector"].contains(f))
        .collect();
    assert_eq!(order, expected);
}

#[test]
fn the_webhook_payload_carries_version_key_time_and_record() {
    let payload: Value = serde_json::from_str(&suggestion().to_json("Example Toolkit")).unwrap();
    assert_eq!(payload["schema_version"], SCHEMA_VERSION);
    assert_eq!(payload["kind"], "resource-suggestion");
    assert_eq!(payload["idempotency_key"], KEY);
    assert_eq!(payload["submitted_at"], NOW);
    assert_eq!(payload["site"], "Example Toolkit");
    assert_eq!(
        payload["resource"],
        serde_json::from_str::<Value>(&suggestion().record().unwrap()).unwrap()
    );
    assert_eq!(
        payload["why_it_helps"],
        "Builds networks for students who are rarely on campus."
    );
    assert_eq!(
        payload["contributor"],
        json!({ "name": "Sam Patel", "email": "sam.patel@example.ac.uk", "organisation": "Example University", "consent_to_contact": true })
    );
}

#[test]
fn feedback_payload_names_the_resource() {
    let Checked::Valid(feedback) = (FeedbackForm {
        topic: "broken-link".into(),
        ..Default::default()
    })
    .check() else {
        panic!()
    };
    let submission = Submission::feedback(
        KEY.into(),
        Timestamp::parse(NOW).unwrap(),
        feedback,
        &resource(),
    );
    assert_eq!(
        submission.label(&english),
        "Broken link: The invisible problem?"
    );
    let payload: Value = serde_json::from_str(&submission.to_json("Resilience Toolkit")).unwrap();
    assert_eq!(payload["kind"], "resource-feedback");
    assert_eq!(
        payload["feedback"],
        json!({ "resource_id": "hepi-invisible-problem", "resource_title": "The invisible problem?",
                "resource_url": "https://www.hepi.ac.uk/x", "topic": "broken-link", "message": "" })
    );
    assert!(payload.get("resource").is_none());
}

#[test]
fn mailto_is_encoded_per_rfc_6068() {
    let mut form = good_form();
    form.summary = "Café & “quotes”, 100% useful + more? #1 😀".into();
    form.why = String::new();
    // Short enough for the record to fit in the link, which this test reads back.
    form.title = "Peer mentoring".into();
    form.authors = "Ada Lovelace".into();
    form.subjects.truncate(1);
    form.contributor.organisation = String::new();
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let submission =
        Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let url = submission.mailto(
        "toolkit+ideas@example.ac.uk",
        "Resilience Toolkit",
        &english,
    );
    assert!(url.starts_with("mailto:toolkit%2Bideas@example.ac.uk?subject=Resilience%20Toolkit%3A%20Suggested%20resource%3A%20"));
    assert!(
        !url.contains('+') && !url.contains(' ') && !url.contains('#'),
        "{url}"
    );
    assert!(url.contains("%0D%0A"), "line breaks are CRLF");
    assert!(url.len() <= MAILTO_LIMIT);
    let (address, subject, body) = mailto_parts(&url);
    assert_eq!(address, "toolkit+ideas@example.ac.uk");
    assert_eq!(
        subject,
        "Resilience Toolkit: Suggested resource: Peer mentoring"
    );
    assert_eq!(body.replace("\r\n", "\n"), submission.mail_body(&english));
    assert!(body.contains("Café & “quotes”, 100% useful + more? #1 😀"));
    assert!(
        body.contains("Type: Intervention tool"),
        "labels, not ids, for people: {body}"
    );
    assert!(
        body.contains("Catalogue record (for seeds/resources/):\r\n{"),
        "{body}"
    );
}

#[test]
fn a_long_mailto_drops_the_record_then_shortens_with_a_note() {
    let mut form = good_form();
    form.summary = "Långt ".repeat(80); // fits without the record only
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let s = Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let url = s.mailto("toolkit@example.ac.uk", "Resilience Toolkit", &english);
    assert!(url.len() <= MAILTO_LIMIT, "{}", url.len());
    let (_, _, body) = mailto_parts(&url);
    assert!(!body.contains("Catalogue record"));
    assert!(body.contains(&"Långt ".repeat(80).trim_end().to_owned()));

    form.summary = "é".repeat(3000);
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let s = Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let url = s.mailto("toolkit@example.ac.uk", "Resilience Toolkit", &english);
    assert!(
        url.len() <= MAILTO_LIMIT && url.len() > MAILTO_LIMIT - 40,
        "{}",
        url.len()
    );
    let (_, _, body) = mailto_parts(&url); // decodes as UTF-8: no character was cut in half
    assert!(body.contains("shortened to fit an email link"));
    assert!(body.starts_with("Title: Peer mentoring"));
}

#[test]
fn keys_are_version_4_uuids() {
    let key = new_key([0xff; 16]);
    assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(new_key([0; 16]), "00000000-0000-4000-8000-000000000000");
}

#[test]
fn slugs_fold_and_stop_between_words() {
    assert_eq!(
        slug("Students’ Union: ‘Résilience’ & Belonging (2024)"),
        "students-union-resilience-belonging-2024"
    );
    let long = slug(&"wellbeing ".repeat(20));
    assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    assert_eq!(slug("心理健康"), "");
    // A title with no Latin letters still gets a valid id.
    let mut form = good_form();
    form.title = "心理健康".into();
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let s = Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let record: Value = serde_json::from_str(&s.record().unwrap()).unwrap();
    assert_eq!(record["id"], "suggested-0f8c1f5e");
}

#[test]
fn timestamps_are_checked() {
    let t = Timestamp::parse(NOW).unwrap();
    assert_eq!((t.date(), t.year()), ("2026-11-23", 2026));
    assert!(Timestamp::parse("23/11/2026").is_none());
    assert!(Timestamp::parse("2026-11-23").is_none());
}

#[test]
fn stored_entries_reopen_the_same_mailto() {
    let s = suggestion();
    let entry = s.to_entry("Resilience Toolkit", &english);
    assert_eq!((entry.key.as_str(), entry.created.as_str()), (KEY, NOW));
    assert_eq!(entry.label, s.label(&english));
    assert_eq!(entry.payload, s.to_json("Resilience Toolkit"));
    assert_eq!(entry.status(), Status::Waiting);
    assert_eq!(
        entry.mailto("toolkit@example.ac.uk"),
        s.mailto("toolkit@example.ac.uk", "Resilience Toolkit", &english)
    );
    assert!(
        entry
            .as_text()
            .starts_with("Subject: Resilience Toolkit: Suggested resource: Peer mentoring")
    );
}
