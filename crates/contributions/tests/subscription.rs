//! Update emails: the subscription form's validation (one test per rule, each message as
//! shown), reading it from a submitted form, the webhook JSON, the email and its mailto link,
//! and the outbox entry (properties for any input are in `subscription_properties.rs`).

mod common;

use common::*;
use contributions::*;
use serde_json::{Value, json};

fn checked(form: &SubscribeForm) -> Checked<Subscription> {
    form.check(&collections())
}

/// The problems, as (field name, message).
fn problems(form: &SubscribeForm) -> Vec<(&'static str, String)> {
    invalid(checked(form))
}

#[track_caller]
fn assert_only_error(form: SubscribeForm, field: &str, message: &str) {
    let got = problems(&form);
    assert_eq!(got.len(), 1, "only one error expected: {got:?}");
    assert_eq!(got[0].0, field, "{got:?}");
    assert_eq!(got[0].1, message);
}

fn payload(subscription: Subscription) -> Value {
    serde_json::from_str(&update_emails(subscription).to_json(SITE)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Validation

#[test]
fn a_complete_form_is_valid_and_trimmed() {
    let s = subscription(&good_subscribe());
    assert_eq!(s.email, "sam.patel@example.ac.uk");
    assert_eq!(s.name, "Sam Patel");
    assert_eq!(
        s.feed,
        Some(("exam-stress".into(), "Coping with exam stress".into()))
    );
    assert_eq!(
        (s.feed_id(), s.feed_title()),
        ("exam-stress", "Coping with exam stress")
    );
}

#[test]
fn empty_or_all_feed_means_all_new_resources() {
    for feed in ["", "all", " all "] {
        let s = subscription(&SubscribeForm {
            feed: feed.into(),
            ..good_subscribe()
        });
        assert_eq!(s.feed, None, "{feed:?}");
        assert_eq!((s.feed_id(), s.feed_title()), (ALL_FEED, ALL_FEED_TITLE));
    }
    // With no collections at all, everything is still on offer.
    let all = SubscribeForm {
        feed: ALL_FEED.into(),
        ..good_subscribe()
    };
    assert!(matches!(all.check(&[]), Checked::Valid(_)));
}

#[test]
fn email_is_required() {
    for email in ["", "  \n"] {
        assert_only_error(
            SubscribeForm {
                email: email.into(),
                ..good_subscribe()
            },
            "email",
            "NoSubscriberEmail",
        );
    }
}

#[test]
fn email_must_look_like_one() {
    for email in [
        "sam at example",
        "sam@example",
        "@example.ac.uk",
        "sam@@example.ac.uk",
        "sam patel@example.ac.uk",
        "a@b.c, x@y.z",
    ] {
        assert_only_error(
            SubscribeForm {
                email: email.into(),
                ..good_subscribe()
            },
            "email",
            "NotEmail",
        );
    }
}

#[test]
fn name_is_optional_with_a_length_limit() {
    let s = subscription(&SubscribeForm {
        name: "  ".into(),
        ..good_subscribe()
    });
    assert_eq!(s.name, "");
    assert_only_error(
        SubscribeForm {
            name: "n".repeat(201),
            ..good_subscribe()
        },
        "name",
        "TooLong { max: 200, n: 201 }",
    );
}

#[test]
fn the_box_must_be_ticked() {
    assert_only_error(
        SubscribeForm {
            consent: false,
            ..good_subscribe()
        },
        "agree",
        "NoUpdatesConsent",
    );
}

#[test]
fn the_feed_must_be_a_known_collection() {
    for feed in ["grit", "Exam-Stress", "exam-stress-2"] {
        assert_only_error(
            SubscribeForm {
                feed: feed.into(),
                ..good_subscribe()
            },
            "feed",
            "UnknownFeed",
        );
    }
    // A collection that has gone since the page was drawn (an old draft).
    let form = good_subscribe();
    assert!(matches!(form.check(&[]), Checked::Invalid(e) if e[0].field == FormField::Feed));
}

#[test]
fn every_problem_is_reported_in_form_order() {
    let form = SubscribeForm {
        name: "n".repeat(300),
        feed: "gone".into(),
        ..SubscribeForm::default()
    };
    let fields: Vec<_> = problems(&form).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["email", "name", "feed", "agree"]);
}

#[test]
fn the_honeypot_drops_bots() {
    let bot = SubscribeForm {
        website: "http://spam.example".into(),
        ..good_subscribe()
    };
    assert_eq!(checked(&bot), Checked::Bot);
    // Even when the rest is wrong: a bot is told nothing.
    let bot = SubscribeForm {
        website: "x".into(),
        ..SubscribeForm::default()
    };
    assert_eq!(checked(&bot), Checked::Bot);
}

#[test]
fn the_new_fields_have_names_and_labels() {
    assert_eq!(FormField::from_name("feed"), Some(FormField::Feed));
    assert_eq!(FormField::from_name("agree"), Some(FormField::Agree));
    assert_eq!(
        english(Word::AgreeLabel, &[]),
        "Email me when resources are added. I can unsubscribe at any time."
    );
    assert_eq!(FormField::Agree.id(), "field-agree");
    assert!(
        FormField::ALL.contains(&FormField::Feed) && FormField::ALL.contains(&FormField::Agree)
    );
}

#[test]
fn the_form_reads_from_submitted_pairs_and_drafts() {
    let pairs = [
        ("email", "sam@example.ac.uk"),
        ("name", "Sam"),
        ("feed", "commuter-students"),
        ("agree", "yes"),
        ("consent", "yes"), // the suggestion form's box is not this one
        ("title", "ignored"),
        ("unknown", "ignored"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let form = SubscribeForm::from_pairs(pairs.clone());
    assert_eq!(
        form,
        SubscribeForm {
            email: "sam@example.ac.uk".into(),
            name: "Sam".into(),
            feed: "commuter-students".into(),
            consent: true,
            website: String::new(),
        }
    );
    let unticked = SubscribeForm::from_pairs(pairs.iter().filter(|(k, _)| k != "agree").cloned());
    assert!(!unticked.consent);
    let bot = SubscribeForm::from_pairs([("website".to_owned(), "x".to_owned())]);
    assert_eq!(bot.website, "x");
    // A draft comes back as it was typed.
    let draft = draft_json(&pairs).unwrap();
    assert_eq!(SubscribeForm::from_pairs(draft_pairs(&value(&draft))), form);
}

// ---------------------------------------------------------------------------------------------
// What is sent

#[test]
fn labels_name_the_feed() {
    assert_eq!(
        update_emails(subscription(&good_subscribe())).label(&english),
        "Update emails: Coping with exam stress"
    );
    let all = subscription(&SubscribeForm {
        feed: String::new(),
        ..good_subscribe()
    });
    assert_eq!(
        update_emails(all).label(&english),
        "Update emails: all new resources"
    );
}

#[test]
fn the_webhook_payload_carries_the_subscription_and_consent() {
    let payload = payload(subscription(&good_subscribe()));
    assert_eq!(
        payload,
        json!({
            "schema_version": SCHEMA_VERSION,
            "kind": "subscribe",
            "idempotency_key": KEY,
            "submitted_at": NOW,
            "site": SITE,
            "subscription": {
                "email": "sam.patel@example.ac.uk",
                "name": "Sam Patel",
                "feed": "exam-stress",
                "feed_title": "Coping with exam stress",
                "consent_to_emails": true,
                "consented_at": NOW,
            },
        })
    );
    assert!(
        payload.get("contributor").is_none(),
        "the subscription says who"
    );
}

#[test]
fn the_payload_for_all_new_resources_and_its_field_order() {
    let all = subscription(&SubscribeForm {
        name: String::new(),
        feed: "all".into(),
        ..good_subscribe()
    });
    let text = update_emails(all.clone()).to_json(SITE);
    let keys: Vec<_> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "kind",
            "idempotency_key",
            "submitted_at",
            "site",
            "subscription",
            "email",
            "name",
            "feed",
            "feed_title",
            "consent_to_emails",
            "consented_at"
        ]
    );
    let payload = payload(all);
    assert_eq!(payload["subscription"]["feed"], "all");
    assert_eq!(payload["subscription"]["feed_title"], "All new resources");
    assert_eq!(payload["subscription"]["name"], "");
}

#[test]
fn the_email_asks_in_plain_words_and_says_how_to_stop() {
    let s = update_emails(subscription(&good_subscribe()));
    assert_eq!(
        s.mail_subject(SITE, &english),
        "Resilience Toolkit: Update emails: Coping with exam stress"
    );
    assert_eq!(
        s.mail_body(&english),
        format!(
            "Please add sam.patel@example.ac.uk to the list for update emails about new resources \
             in the collection “Coping with exam stress”.\n\
             \n\
             Email: sam.patel@example.ac.uk\n\
             Name: Sam Patel\n\
             Updates: Coping with exam stress (collection exam-stress)\n\
             \n\
             Consent: ticked “Email me when resources are added. I can unsubscribe at any time.” \
             on {NOW}\n\
             \n\
             To stop these emails, reply with 'unsubscribe' or write to the same address.\n\
             \n\
             Reference: {KEY} ({NOW})\n"
        )
    );
    let all = update_emails(subscription(&SubscribeForm {
        name: String::new(),
        feed: String::new(),
        ..good_subscribe()
    }));
    let body = all.mail_body(&english);
    assert!(
        body.starts_with(
            "Please add sam.patel@example.ac.uk to the list for update emails about all new resources.\n"
        ),
        "{body}"
    );
    assert!(body.contains("Updates: All new resources\n"), "{body}");
    assert!(!body.contains("Name:"), "no empty lines: {body}");
    assert!(!body.contains("Happy to be contacted"), "{body}");
}

#[test]
fn the_mailto_link_carries_subject_and_body() {
    let s = update_emails(subscription(&good_subscribe()));
    let url = s.mailto("toolkit+updates@example.ac.uk", SITE, &english);
    assert!(url.len() <= MAILTO_LIMIT);
    assert!(!url.contains(' ') && !url.contains('+'), "{url}");
    let (address, subject, body) = mailto_parts(&url);
    assert_eq!(address, "toolkit+updates@example.ac.uk");
    assert_eq!(subject, s.mail_subject(SITE, &english));
    assert_eq!(body.replace("\r\n", "\n"), s.mail_body(&english));
}

#[test]
fn the_outbox_entry_is_queued_with_the_payload() {
    let s = update_emails(subscription(&good_subscribe()));
    let entry = s.to_entry(SITE, &english);
    assert_eq!((entry.key.as_str(), entry.created.as_str()), (KEY, NOW));
    assert_eq!(entry.label, "Update emails: Coping with exam stress");
    assert_eq!(entry.payload, s.to_json(SITE));
    assert_eq!(entry.mail_subject, s.mail_subject(SITE, &english));
    assert_eq!(entry.mail_body, s.mail_body(&english));
    assert_eq!(
        entry.delivery,
        Delivery::Queued {
            attempts: 0,
            at: 0,
            reason: None
        }
    );
    assert_eq!(entry.status(), Status::Waiting);
    assert_eq!(
        entry.mailto("toolkit@example.ac.uk"),
        s.mailto("toolkit@example.ac.uk", SITE, &english)
    );
    // Stored and read back as the app does, it is the same entry, still due.
    assert_eq!(stored_entry(&entry.to_json()), Some(entry.clone()));
    let mut outbox = Outbox::default();
    outbox.add(entry.clone(), 5);
    outbox.add(entry, 6); // a double click submits once
    assert_eq!(outbox.due(5), [KEY]);
    let sending = outbox.start(KEY, 5).unwrap();
    assert_eq!(value(&sending.payload)["kind"], "subscribe");
}
