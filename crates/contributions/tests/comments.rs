//! Public comments: the form's checks (each message as shown, the honeypot, the text rules),
//! what a valid comment becomes (the webhook JSON, the email with its record, a mailto link
//! within the limit), and the outbox's "sent, unconfirmed" state that a simple request ends in.

mod common;

use catalogue::comment::TEXT_MAX;
use common::*;
use contributions::mailto::{COMMENT_HEADING, NOTE, RECORD_HEADING};
use contributions::*;
use serde_json::{Value, json};

fn good_comment() -> CommentForm {
    CommentForm {
        text: "We ran this in halls.\r\n\r\n\r\nIt needed two staff, not one.  ".into(),
        name: "  Sam\tP. ".into(),
        role: "Wellbeing adviser".into(),
        institution: " Example University".into(),
        publish: true,
        website: String::new(),
    }
}

#[track_caller]
fn public(form: &CommentForm) -> PublicComment {
    match form.check() {
        Checked::Valid(c) => c,
        other => panic!("expected a valid comment, got {other:?}"),
    }
}

/// The only problem the form finds, as (field name, message).
#[track_caller]
fn only_error(form: CommentForm) -> (&'static str, String) {
    let errors = invalid(form.check());
    assert_eq!(errors.len(), 1, "one error expected: {errors:?}");
    errors.into_iter().next().unwrap()
}

fn submission(comment: PublicComment) -> Submission {
    Submission::comment(
        KEY.into(),
        Timestamp::parse(NOW).unwrap(),
        comment,
        &resource(),
    )
}

#[test]
fn a_valid_comment_is_kept_as_the_catalogue_keeps_text() {
    let c = public(&good_comment());
    assert_eq!(
        c.text,
        "We ran this in halls.\n\nIt needed two staff, not one."
    );
    assert_eq!(c.name, "Sam P.");
    assert_eq!(c.role, "Wellbeing adviser");
    assert_eq!(c.institution, "Example University");
}

#[test]
fn the_form_is_read_from_its_fields_and_an_unticked_box_sends_nothing() {
    let pairs = |publish: bool| {
        let mut pairs = vec![
            ("comment", "Useful."),
            ("display_name", "S. P."),
            ("role", "Adviser"),
            ("institution", "Uni"),
            ("website", ""),
            ("title", "ignored: not a comment field"),
        ];
        if publish {
            pairs.push(("publish", "yes"));
        }
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned()))
    };
    let form = CommentForm::from_pairs(pairs(true));
    assert_eq!(
        form,
        CommentForm {
            text: "Useful.".into(),
            name: "S. P.".into(),
            role: "Adviser".into(),
            institution: "Uni".into(),
            publish: true,
            website: String::new(),
        }
    );
    assert!(!CommentForm::from_pairs(pairs(false)).publish);
}

#[test]
fn an_empty_comment_is_refused_even_when_it_held_only_controls() {
    let form = CommentForm {
        text: " \r\n\u{202E}\u{7}\n ".into(),
        ..good_comment()
    };
    assert_eq!(only_error(form), ("comment", "NoComment".into()));
}

#[test]
fn a_comment_needs_a_name_to_publish_it_with() {
    let form = CommentForm {
        name: " \u{2067}\u{2069} ".into(),
        ..good_comment()
    };
    assert_eq!(only_error(form), ("display_name", "NoPublishedName".into()));
}

#[test]
fn a_comment_is_not_taken_without_agreement_to_publish_it() {
    let form = CommentForm {
        publish: false,
        ..good_comment()
    };
    assert_eq!(only_error(form), ("publish", "NoPublishConsent".into()));
}

#[test]
fn the_length_limit_counts_the_text_after_cleaning() {
    // Controls and a CRLF at the end are taken out first, so this is exactly at the limit.
    let at_limit = CommentForm {
        text: format!("{}\u{202E}\u{7}\r\n", "é".repeat(TEXT_MAX)),
        ..good_comment()
    };
    assert_eq!(public(&at_limit).text.chars().count(), TEXT_MAX);
    let over = CommentForm {
        text: "é".repeat(TEXT_MAX + 1),
        ..good_comment()
    };
    assert_eq!(
        only_error(over),
        ("comment", "TooLong { max: 2000, n: 2001 }".into())
    );
    let long_name = CommentForm {
        name: "n".repeat(81),
        ..good_comment()
    };
    assert_eq!(only_error(long_name).0, "display_name");
}

#[test]
fn a_filled_honeypot_is_a_bot_whatever_else_is_wrong() {
    let form = CommentForm {
        website: "http://spam.example".into(),
        text: String::new(),
        publish: false,
        ..good_comment()
    };
    assert_eq!(form.check(), Checked::Bot);
}

#[test]
fn direction_controls_are_taken_out_and_markup_stays_text() {
    let form = CommentForm {
        text: "<script>alert(1)</script> & <b>bold</b> \u{202E}desrever\u{202C} مرحبا 👋🏽".into(),
        name: "\u{202E}Sam\u{2066} <i>P</i>".into(),
        ..good_comment()
    };
    let c = public(&form);
    assert_eq!(
        c.text,
        "<script>alert(1)</script> & <b>bold</b> desrever مرحبا 👋🏽"
    );
    assert_eq!(c.name, "Sam <i>P</i>");
}

#[test]
fn the_webhook_json_carries_the_comment_and_no_contributor() {
    let c = public(&good_comment());
    let payload: Value = serde_json::from_str(&submission(c).to_json("Example Toolkit")).unwrap();
    assert_eq!(payload["schema_version"], SCHEMA_VERSION);
    assert_eq!(payload["kind"], "resource-comment");
    assert_eq!(payload["idempotency_key"], KEY);
    assert_eq!(payload["submitted_at"], NOW);
    assert_eq!(payload["site"], "Example Toolkit");
    assert_eq!(
        payload["comment"],
        json!({
            "resource_id": "hepi-invisible-problem",
            "resource_title": "The invisible problem?",
            "name": "Sam P.",
            "role": "Wellbeing adviser",
            "institution": "Example University",
            "text": "We ran this in halls.\n\nIt needed two staff, not one.",
            "consent_to_publish": true
        })
    );
    let mut keys: Vec<&str> = payload
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "comment",
            "idempotency_key",
            "kind",
            "schema_version",
            "site",
            "submitted_at"
        ],
        "no contributor: a comment carries no contact details"
    );
    let s = submission(public(&good_comment()));
    assert_eq!(
        s.label(&english),
        "Comment for publication: The invisible problem?"
    );
    assert_eq!(
        s.mail_subject("Site", &english),
        "Site: Comment for publication: The invisible problem?"
    );
    assert_eq!(s.record(), None, "a comment proposes no catalogue record");
}

#[test]
fn the_email_has_the_comment_then_its_record_then_the_reference() {
    let s = submission(public(&good_comment()));
    let body = s.mail_body(&english);
    assert!(
        body.starts_with(
            "On: The invisible problem? (hepi-invisible-problem)\nName to publish: Sam P.\nRole: Wellbeing adviser\nInstitution: Example University\n"
        ),
        "{body}"
    );
    assert!(body.contains(&format!("{}: yes\n", english(Word::AgreedToPublish, &[]))));
    assert!(body.contains("\nComment:\nWe ran this in halls.\n\nIt needed two staff, not one.\n"));
    assert!(!body.contains(RECORD_HEADING) && !body.contains("From:"));
    let (_, after) = body
        .split_once(COMMENT_HEADING)
        .expect("the record heading");
    let (record, reference) = after.split_once("\nReference: ").expect("the reference");
    let record: Value = serde_json::from_str(record).unwrap();
    let payload: Value = serde_json::from_str(&s.to_json("Site")).unwrap();
    assert_eq!(
        record, payload["comment"],
        "the email's record is the webhook's"
    );
    assert_eq!(reference, format!("{KEY} ({NOW})\n"));
}

#[test]
fn a_long_comment_still_gives_a_mailto_link_within_the_limit() {
    let text: String = "Ça a marché, vraiment ! 👍 "
        .chars()
        .cycle()
        .take(TEXT_MAX)
        .collect();
    let c = public(&CommentForm {
        text,
        ..good_comment()
    });
    assert_eq!(
        c.text.chars().count(),
        TEXT_MAX - 1,
        "the final space is trimmed"
    );
    let url = submission(c).mailto("editors@example.ac.uk", "Resilience Toolkit", &english);
    assert!(url.len() <= MAILTO_LIMIT, "{} characters", url.len());
    let (address, subject, body) = mailto_parts(&url);
    assert_eq!(address, "editors@example.ac.uk");
    assert_eq!(
        subject,
        "Resilience Toolkit: Comment for publication: The invisible problem?"
    );
    assert!(body.starts_with("On: The invisible problem?"), "{body}");
    assert!(
        body.ends_with(NOTE.replace('\n', "\r\n").as_str()),
        "{body}"
    );
    assert!(!body.contains("Comment record"), "the record goes first");
}

#[test]
fn a_heading_typed_into_a_comment_does_not_cut_its_text_from_the_mail_link() {
    // Long enough that the record must be left out of the link, short enough that the rest
    // fits: the record left out is the real one, after the comment, not the text typed in.
    let text = format!(
        "Before.\nComment record (for seeds/comments/):\n{}\nAfter.",
        "y".repeat(500)
    );
    let c = public(&CommentForm {
        text: text.clone(),
        ..good_comment()
    });
    let url = submission(c).mailto("editors@example.ac.uk", "Site", &english);
    assert!(url.len() <= MAILTO_LIMIT, "{} characters", url.len());
    let (_, _, body) = mailto_parts(&url);
    let body = body.replace("\r\n", "\n");
    assert!(body.contains(&format!("\nComment:\n{text}\n")), "{body}");
    assert!(
        body.ends_with(&format!("\nReference: {KEY} ({NOW})\n")),
        "{body}"
    );
    assert!(!body.contains("consent_to_publish"), "{body}");
}

/// An outbox holding one entry that was sent as a simple request, and the time it was.
fn unconfirmed() -> (Outbox, u64) {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 1_000);
    outbox.start("a", 1_000).unwrap();
    outbox.finish("a", Attempt::Unconfirmed, 1_200);
    (outbox, 1_200)
}

#[test]
fn an_unconfirmed_send_is_final_and_never_sent_again() {
    let (mut outbox, at) = unconfirmed();
    let e = outbox.get("a").unwrap().clone();
    assert_eq!(e.delivery, Delivery::Unconfirmed { at });
    assert!(e.is_final() && e.is_delivered());
    assert!(!e.can_retry());
    assert!(e.can_remove());
    assert_eq!(e.status(), Status::Unconfirmed);
    assert!(outbox.due(u64::MAX).is_empty());
    assert_eq!(outbox.next_due(), None);
    assert!(outbox.start("a", u64::MAX).is_none());
    outbox.wake(u64::MAX);
    outbox.retry_now("a", at + 1);
    outbox.finish("a", Attempt::Retry("late".into()), at + 2);
    assert_eq!(
        outbox.get("a").unwrap().delivery,
        Delivery::Unconfirmed { at }
    );
    for via in [Via::Webhook, Via::Email, Via::Nowhere] {
        let offer = e.offer(via);
        assert_eq!(
            (offer.status, offer.retry, offer.remove),
            (Status::Unconfirmed, false, true),
            "{via:?}"
        );
    }
    outbox.remove("a");
    assert!(outbox.entries().is_empty());
}

#[test]
fn an_unconfirmed_entry_survives_being_stored() {
    let (outbox, at) = unconfirmed();
    let stored = outbox.get("a").unwrap().to_json();
    assert_eq!(value(&stored)["state"], "unconfirmed");
    let back = stored_entry(&stored).unwrap();
    assert_eq!(&back, outbox.get("a").unwrap());
    assert_eq!(back.delivery, Delivery::Unconfirmed { at });
}

#[test]
fn other_tabs_news_of_an_unconfirmed_send_outranks_a_waiting_copy_and_a_failure() {
    let (sent, at) = unconfirmed();
    let theirs = sent.get("a").unwrap().clone();
    // This tab still has it queued or on its way (and even through more changes): it takes
    // the other tab's final state.
    for delivery in [
        Delivery::Queued {
            attempts: 1,
            at: 0,
            reason: Some("x".into()),
        },
        Delivery::Sending {
            attempts: 1,
            since: 0,
        },
        Delivery::Failed {
            attempts: 1,
            reason: "refused".into(),
            at: 0,
        },
    ] {
        let mut mine = Outbox::from_entries(vec![Entry {
            delivery,
            version: theirs.version + 5,
            ..entry("a", "2026-11-23T10:00:00.000Z")
        }]);
        mine.merge(theirs.clone());
        assert_eq!(
            mine.get("a").unwrap().delivery,
            Delivery::Unconfirmed { at }
        );
    }
    // Once unconfirmed, no later copy undoes it: not a failure, not a fresh start.
    let mut mine = sent.clone();
    for delivery in [
        Delivery::Failed {
            attempts: 3,
            reason: "the receiver refused it (HTTP 422)".into(),
            at: at + 10,
        },
        Delivery::Queued {
            attempts: 0,
            at: at + 10,
            reason: None,
        },
    ] {
        mine.merge(Entry {
            delivery,
            version: theirs.version + 10,
            ..theirs.clone()
        });
        assert_eq!(
            mine.get("a").unwrap().delivery,
            Delivery::Unconfirmed { at }
        );
    }
}
