//! Contributions: form validation (one test per kind of bad input), the webhook payload, the
//! mailto link, drafts and the outbox's state machine.

use catalogue::contribute::outbox::{MAX_ATTEMPTS, STALE_SENDING_MS, backoff_ms};
use catalogue::contribute::*;
use catalogue::validate::RESOURCE_FIELDS;
use catalogue::{Taxonomy, validate, validate_taxonomy};
use serde_json::{Value, json};

fn taxonomy_json() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/taxonomy.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn taxonomy() -> Taxonomy {
    validate_taxonomy(&taxonomy_json()).unwrap()
}

const NOW: &str = "2026-11-23T10:15:30.123Z";
const KEY: &str = "0f8c1f5e-3c1a-4d2b-9e4f-5a6b7c8d9e0f";

fn good_form() -> SuggestionForm {
    SuggestionForm {
        title: "  Peer mentoring for commuter students: a toolkit ".into(),
        link: "https://www.example.ac.uk/peer-mentoring".into(),
        authors: "Ada Lovelace; Mary Somerville\n".into(),
        publisher: "Example University".into(),
        year: "2024".into(),
        kind: "intervention-tool".into(),
        approaches: vec!["social-integration".into(), "self-management".into()],
        subjects: vec!["peer-support".into(), "commuter-students".into()],
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

fn errors(form: &SuggestionForm) -> Vec<(&'static str, String)> {
    match form.check(&taxonomy(), 2026) {
        Checked::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected errors, got {other:?}"),
    }
}

#[track_caller]
fn assert_error(form: SuggestionForm, field: &str, message: &str) {
    let got = errors(&form);
    assert!(
        got.iter().any(|(f, m)| *f == field && m.contains(message)),
        "expected {field}: {message}, got {got:?}"
    );
    assert_eq!(got.len(), 1, "only one error expected: {got:?}");
}

fn proposal() -> Proposal {
    match good_form().check(&taxonomy(), 2026) {
        Checked::Valid(p) => p,
        other => panic!("{other:?}"),
    }
}

fn suggestion() -> Submission {
    Submission::suggestion(
        KEY.into(),
        Timestamp::parse(NOW).unwrap(),
        proposal(),
        &taxonomy(),
    )
}

#[test]
fn a_complete_suggestion_is_valid_and_trimmed() {
    let p = proposal();
    assert_eq!(p.title, "Peer mentoring for commuter students: a toolkit");
    assert_eq!(p.authors, ["Ada Lovelace", "Mary Somerville"]);
    assert_eq!(p.year, Some(2024));
    // Taxonomy order, whatever order they were ticked in.
    assert_eq!(p.approaches, ["self-management", "social-integration"]);
}

#[test]
fn title_is_required() {
    assert_error(
        SuggestionForm {
            title: "   ".into(),
            ..good_form()
        },
        "title",
        "Enter the resource's title",
    );
}

#[test]
fn title_has_a_length_limit() {
    assert_error(
        SuggestionForm {
            title: "x".repeat(301),
            ..good_form()
        },
        "title",
        "at most 300 characters (301 now)",
    );
}

#[test]
fn link_is_required() {
    assert_error(
        SuggestionForm {
            link: String::new(),
            ..good_form()
        },
        "link",
        "Enter a link",
    );
}

#[test]
fn link_must_be_http() {
    for link in [
        "javascript:alert(1)",
        "ftp://example.org/x",
        "www.example.org/report",
    ] {
        assert_error(
            SuggestionForm {
                link: link.into(),
                ..good_form()
            },
            "link",
            "starting with https://",
        );
    }
}

#[test]
fn link_must_name_a_real_host() {
    for link in [
        "https://intranet/report",
        "https://localhost:8080/",
        "https://example.",
    ] {
        assert_error(
            SuggestionForm {
                link: link.into(),
                ..good_form()
            },
            "link",
            "full address",
        );
    }
}

#[test]
fn authors_or_publisher_is_required() {
    assert_error(
        SuggestionForm {
            authors: " ; \n".into(),
            publisher: String::new(),
            ..good_form()
        },
        "authors",
        "at least one author",
    );
    // Either alone is enough.
    let publisher_only = SuggestionForm {
        authors: String::new(),
        ..good_form()
    };
    assert!(matches!(
        publisher_only.check(&taxonomy(), 2026),
        Checked::Valid(_)
    ));
}

#[test]
fn year_must_be_plausible() {
    for year in ["1849", "2027", "twenty", "20 24", "-5"] {
        assert_error(
            SuggestionForm {
                year: year.into(),
                ..good_form()
            },
            "year",
            "from 1850 to 2026",
        );
    }
    let unknown = SuggestionForm {
        year: " ".into(),
        ..good_form()
    };
    assert!(matches!(
        unknown.check(&taxonomy(), 2026),
        Checked::Valid(Proposal { year: None, .. })
    ));
}

#[test]
fn type_is_required_and_known() {
    assert_error(
        SuggestionForm {
            kind: String::new(),
            ..good_form()
        },
        "type",
        "Choose the type",
    );
    assert_error(
        SuggestionForm {
            kind: "podcast".into(),
            ..good_form()
        },
        "type",
        "listed types",
    );
}

#[test]
fn an_approach_is_required() {
    assert_error(
        SuggestionForm {
            approaches: vec![],
            ..good_form()
        },
        "approaches",
        "at least one approach",
    );
    // An id that no longer exists (an old draft) does not count.
    assert_error(
        SuggestionForm {
            approaches: vec!["grit".into()],
            ..good_form()
        },
        "approaches",
        "at least one",
    );
}

#[test]
fn summary_is_required() {
    assert_error(
        SuggestionForm {
            summary: "\n".into(),
            ..good_form()
        },
        "summary",
        "Describe the resource",
    );
}

#[test]
fn email_must_look_like_one() {
    let mut form = good_form();
    form.contributor.email = "sam at example".into();
    assert_error(form, "email", "like name@example.ac.uk");
}

#[test]
fn consent_needs_an_email_address() {
    let mut form = good_form();
    form.contributor.email = String::new();
    assert_error(form.clone(), "email", "so we can contact you");
    form.contributor.consent = false;
    assert!(matches!(form.check(&taxonomy(), 2026), Checked::Valid(_)));
}

#[test]
fn every_problem_is_reported_in_form_order() {
    let fields: Vec<_> = errors(&SuggestionForm::default())
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        fields,
        ["title", "link", "authors", "type", "approaches", "summary"]
    );
}

#[test]
fn the_honeypot_drops_bots() {
    let bot = SuggestionForm {
        website: "http://spam.example".into(),
        ..good_form()
    };
    assert_eq!(bot.check(&taxonomy(), 2026), Checked::Bot);
    let bot = FeedbackForm {
        website: "x".into(),
        ..FeedbackForm::default()
    };
    assert_eq!(bot.check(), Checked::Bot);
}

#[test]
fn feedback_needs_a_topic_and_usually_a_message() {
    let check = |topic: &str, message: &str| match (FeedbackForm {
        topic: topic.into(),
        message: message.into(),
        ..Default::default()
    })
    .check()
    {
        Checked::Invalid(errors) => errors.into_iter().map(|e| e.field).collect::<Vec<_>>(),
        Checked::Valid(_) => vec![],
        Checked::Bot => panic!(),
    };
    assert_eq!(check("", "hello"), ["topic"]);
    assert_eq!(check("comment", " "), ["message"]);
    assert_eq!(check("edit", ""), ["message"]);
    assert!(
        check("broken-link", "").is_empty(),
        "a broken link speaks for itself"
    );
    assert!(check("comment", "Useful in our induction week.").is_empty());
}

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
    // The validator's field order, without the two optional fields the form does not ask for.
    let expected: Vec<&str> = RESOURCE_FIELDS
        .into_iter()
        .filter(|f| !["country", "sector"].contains(f))
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

fn resource() -> catalogue::Resource {
    let catalogue = validate(&json!({ "format": 1, "taxonomy": taxonomy_json(), "resources": [{
        "id": "hepi-invisible-problem", "title": "The invisible problem?", "publisher": "HEPI", "year": 2016,
        "type": "research-report", "approaches": ["self-management"], "summary": "s",
        "url": "https://www.hepi.ac.uk/x", "added": "2026-11-01" }] }))
    .unwrap();
    catalogue.resources[0].clone()
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
    assert_eq!(submission.label(), "Broken link: The invisible problem?");
    let payload: Value = serde_json::from_str(&submission.to_json("Resilience Toolkit")).unwrap();
    assert_eq!(payload["kind"], "resource-feedback");
    assert_eq!(
        payload["feedback"],
        json!({ "resource_id": "hepi-invisible-problem", "resource_title": "The invisible problem?",
                "resource_url": "https://www.hepi.ac.uk/x", "topic": "broken-link", "message": "" })
    );
    assert!(payload.get("resource").is_none());
}

/// Decodes a mailto query value (percent-escapes to UTF-8).
fn decode(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

fn mailto_parts(url: &str) -> (String, String, String) {
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

#[test]
fn mailto_is_encoded_per_rfc_6068() {
    let mut form = good_form();
    form.summary = "Café & “quotes”, 100% useful + more? #1 😀".into();
    form.why = String::new();
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let submission =
        Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let url = submission.mailto("toolkit+ideas@example.ac.uk", "Resilience Toolkit");
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
        "Resilience Toolkit: Suggested resource: Peer mentoring for commuter students: a toolkit"
    );
    assert_eq!(body.replace("\r\n", "\n"), submission.mail_body());
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
    let url = s.mailto("toolkit@example.ac.uk", "Resilience Toolkit");
    assert!(url.len() <= MAILTO_LIMIT, "{}", url.len());
    let (_, _, body) = mailto_parts(&url);
    assert!(!body.contains("Catalogue record"));
    assert!(body.contains(&"Långt ".repeat(80).trim_end().to_owned()));

    form.summary = "é".repeat(3000);
    let Checked::Valid(p) = form.check(&taxonomy(), 2026) else {
        panic!()
    };
    let s = Submission::suggestion(KEY.into(), Timestamp::parse(NOW).unwrap(), p, &taxonomy());
    let url = s.mailto("toolkit@example.ac.uk", "Resilience Toolkit");
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
fn drafts_round_trip_and_survive_damage() {
    let pairs: Vec<(String, String)> = [
        ("title", "Half-written"),
        ("approaches", "self-management"),
        ("approaches", "emotional-control"),
        ("year", ""),
        ("website", "bots only"),
        ("consent", "yes"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .to_vec();
    let json = draft_json(&pairs).unwrap();
    let form = SuggestionForm::from_pairs(draft_pairs(&json));
    assert_eq!(form.title, "Half-written");
    assert_eq!(form.approaches, ["self-management", "emotional-control"]);
    assert!(form.contributor.consent);
    assert_eq!(form.website, "", "the honeypot is never saved");
    // Nothing typed, nothing saved.
    assert_eq!(draft_json(&[("title".to_owned(), " ".to_owned())]), None);
    for damaged in ["not json", "{}", r#"[["title"], 5, ["a", 1]]"#] {
        assert!(draft_pairs(damaged).is_empty(), "{damaged}");
    }
    let feedback = FeedbackForm::from_pairs(draft_pairs(
        r#"[["topic","edit"],["message","Year is 2017"]]"#,
    ));
    assert_eq!(
        (feedback.topic.as_str(), feedback.message.as_str()),
        ("edit", "Year is 2017")
    );
}

fn entry(key: &str, created: &str) -> Entry {
    Entry {
        key: key.into(),
        label: format!("Suggested resource: {key}"),
        created: created.into(),
        payload: format!("{{\"idempotency_key\":\"{key}\"}}"),
        mail_subject: "s".into(),
        mail_body: "b".into(),
        delivery: Delivery::Mailed { at: 0 },
    }
}

#[test]
fn outbox_delivers_and_retries_with_backoff_until_it_gives_up() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 1_000);
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 1_000);
    assert_eq!(outbox.entries().len(), 1, "the same key is one submission");
    assert_eq!(outbox.entries()[0].status(), "Waiting to be sent");
    assert_eq!(outbox.due(1_000), ["a"]);

    let mut now = 1_000;
    for attempt in 1..=MAX_ATTEMPTS {
        let sending = outbox.start("a", now).expect("due");
        assert_eq!(
            sending.delivery,
            Delivery::Sending {
                attempts: attempt,
                since: now
            }
        );
        assert!(outbox.start("a", now).is_none(), "never sent twice at once");
        outbox.finish("a", Outcome::from_status(503), now);
        if attempt < MAX_ATTEMPTS {
            let wait = backoff_ms(attempt);
            assert_eq!(outbox.next_due(), Some(now + wait));
            assert!(outbox.due(now + wait - 1).is_empty());
            assert_eq!(
                outbox.entries()[0].status(),
                "Waiting to retry: the receiver answered 503, a temporary error"
            );
            now += wait;
        }
    }
    assert_eq!(
        outbox.entries()[0].delivery,
        Delivery::Failed {
            attempts: 10,
            reason: "the receiver answered 503, a temporary error (gave up after 10 tries)".into()
        }
    );
    assert!(outbox.due(u64::MAX).is_empty());

    outbox.retry_now("a", now);
    outbox.start("a", now).unwrap();
    outbox.finish("a", Outcome::Delivered, now + 5);
    assert_eq!(outbox.entries()[0].delivery, Delivery::Sent { at: now + 5 });
    assert_eq!(outbox.entries()[0].status(), "Sent");
}

#[test]
fn backoff_grows_and_is_capped() {
    let waits: Vec<u64> = (1..=12).map(backoff_ms).collect();
    assert!(waits.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(waits[0], 2_000);
    assert_eq!(*waits.last().unwrap(), 900_000);
}

#[test]
fn refusals_fail_at_once_and_offline_does_not_count() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "1"), 0);
    outbox.start("a", 0).unwrap();
    outbox.finish("a", Outcome::from_status(422), 0);
    assert_eq!(
        outbox.entries()[0].status(),
        "Not sent: the receiver refused it (HTTP 422)"
    );

    outbox.add(entry("b", "2"), 0);
    outbox.start("b", 0).unwrap();
    outbox.finish("b", Outcome::Offline, 0);
    assert_eq!(
        outbox.get("b").unwrap().delivery,
        Delivery::Queued {
            attempts: 0,
            at: 60_000,
            reason: Some("you are offline; it will be sent when you are back online".into())
        }
    );
    outbox.wake(5);
    assert_eq!(outbox.due(5), ["b"]);
    for status in [408, 429, 500, 502] {
        assert!(
            matches!(Outcome::from_status(status), Outcome::Retry(_)),
            "{status}"
        );
    }
    for status in [200, 201, 202, 204] {
        assert_eq!(Outcome::from_status(status), Outcome::Delivered);
    }
}

#[test]
fn stored_entries_round_trip_and_interrupted_sends_are_retried() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 7);
    let stored = outbox.entries()[0].to_json();
    assert_eq!(Entry::from_json(&stored).as_ref(), outbox.get("a"));
    outbox.start("a", 7).unwrap();
    // The page closed mid-request: a later visit (or another tab) sends it again once the send
    // is clearly cut off, not while it may still be on its way.
    let reloaded = Entry::from_json(&outbox.get("a").unwrap().to_json()).unwrap();
    assert_eq!(
        reloaded.delivery,
        Delivery::Sending {
            attempts: 1,
            since: 7
        }
    );
    let mut later = Outbox::from_entries(vec![reloaded]);
    assert!(later.due(7 + STALE_SENDING_MS - 1).is_empty());
    assert_eq!(later.next_due(), Some(7 + STALE_SENDING_MS));
    let again = later.start("a", 7 + STALE_SENDING_MS).unwrap();
    assert_eq!(
        again.delivery,
        Delivery::Sending {
            attempts: 2,
            since: 7 + STALE_SENDING_MS
        }
    );
    for bad in [
        "",
        "[]",
        r#"{"key":"a"}"#,
        r#"{"key":"","payload":"x","state":"sent"}"#,
        r#"{"key":"a","payload":"x","state":"lost"}"#,
    ] {
        assert_eq!(Entry::from_json(bad), None, "{bad}");
    }
}

/// The outbox's keys in list order.
fn keys(outbox: &Outbox) -> Vec<&str> {
    outbox.entries().iter().map(|e| e.key.as_str()).collect()
}

#[test]
fn outbox_lists_newest_first_and_merges_other_tabs() {
    let mut outbox =
        Outbox::from_entries(vec![entry("old", "2026-01-01"), entry("new", "2026-02-01")]);
    assert_eq!(keys(&outbox), ["new", "old"]);
    outbox.add(entry("mine", "2026-03-01"), 0);
    outbox.start("mine", 0).unwrap();
    // Another tab's queued copy of an entry this tab is sending does not interrupt the send…
    outbox.merge(Entry {
        delivery: Delivery::Queued {
            attempts: 0,
            at: 0,
            reason: None,
        },
        ..entry("mine", "2026-03-01")
    });
    assert!(matches!(
        outbox.get("mine").unwrap().delivery,
        Delivery::Sending { .. }
    ));
    // …but its news that the entry was delivered is taken.
    outbox.merge(Entry {
        delivery: Delivery::Sent { at: 1 },
        ..entry("mine", "2026-03-01")
    });
    assert_eq!(
        outbox.get("mine").unwrap().delivery,
        Delivery::Sent { at: 1 }
    );
    outbox.merge(entry("other", "2026-01-15"));
    assert_eq!(keys(&outbox), ["mine", "new", "other", "old"]);
    outbox.remove("old");
    assert_eq!(outbox.entries().len(), 3);
}

#[test]
fn forms_read_from_submitted_pairs() {
    let pairs = [
        ("title", "T"),
        ("link", "https://example.org/x"),
        ("approaches", "self-management"),
        ("approaches", "emotional-control"),
        ("type", "case-study"),
        ("consent", "yes"),
        ("email", "a@b.org"),
        ("unknown", "ignored"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let form = SuggestionForm::from_pairs(pairs);
    assert_eq!(form.approaches, ["self-management", "emotional-control"]);
    assert_eq!(form.kind, "case-study");
    assert!(form.contributor.consent);
    let feedback = FeedbackForm::from_pairs([
        ("topic".to_owned(), "edit".to_owned()),
        ("website".to_owned(), "x".to_owned()),
    ]);
    assert_eq!(
        (feedback.topic.as_str(), feedback.website.as_str()),
        ("edit", "x")
    );
}

#[test]
fn stored_entries_reopen_the_same_mailto() {
    let s = suggestion();
    let entry = s.to_entry("Resilience Toolkit");
    assert_eq!((entry.key.as_str(), entry.created.as_str()), (KEY, NOW));
    assert_eq!(entry.label, s.label());
    assert_eq!(entry.payload, s.to_json("Resilience Toolkit"));
    assert_eq!(entry.status(), "Waiting to be sent");
    assert_eq!(
        entry.mailto("toolkit@example.ac.uk"),
        s.mailto("toolkit@example.ac.uk", "Resilience Toolkit")
    );
    assert!(
        entry
            .as_text()
            .starts_with("Subject: Resilience Toolkit: Suggested resource: Peer mentoring")
    );
}
