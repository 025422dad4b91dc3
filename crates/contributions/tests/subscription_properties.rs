//! Properties of update-email subscriptions that hold for any input: whatever is typed checks
//! to a bot, problems on this form's fields, or a subscription that sends as typed; and a form
//! reads back from its own pairs.
//!
//! Failures are not written to disk (the shrunk case is printed instead).

mod common;

use catalogue::rules::is_email;
use common::strategies::config;
use common::*;
use contributions::*;
use proptest::prelude::*;
use serde_json::Value;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z .@-]{0,12}",
        "\\PC{0,40}",
        "[ \t\n]{1,3}"
    ]
}

/// Often a real address (sometimes padded, sometimes with any characters before the `@`).
fn any_email() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[ ]?[a-z0-9.+]{1,10}@[a-z]{1,8}\\.(ac\\.uk|org)[ \n]?",
        1 => "\\PC{1,20}@example\\.org",
        1 => any_text(),
    ]
}

fn any_form() -> impl Strategy<Value = SubscribeForm> {
    (
        any_email(),
        any_text(),
        prop_oneof![
            Just(String::new()),
            Just("all".to_owned()),
            Just("exam-stress".to_owned()),
            any_text()
        ],
        any::<bool>(),
        prop_oneof![3 => Just(String::new()), 1 => any_text()],
    )
        .prop_map(|(email, name, feed, consent, website)| SubscribeForm {
            email,
            name,
            feed,
            consent,
            website,
        })
}

proptest! {
    #![proptest_config(config(256))]

    /// Whatever is typed: a bot, a list of problems each on a field of this form, or a
    /// subscription whose JSON parses back to what was typed and whose email fits a link.
    #[test]
    fn any_form_checks_to_something_sendable(form in any_form()) {
        let checked = form.check(&collections());
        // The rules, restated: each one decides on its own.
        let typed_ok = is_email(form.email.trim())
            && form.name.trim().chars().count() <= 200
            && ["", "all", "exam-stress"].contains(&form.feed.trim())
            && form.consent;
        prop_assert_eq!(
            matches!(checked, Checked::Valid(_)),
            typed_ok && form.website.trim().is_empty()
        );
        match checked {
            Checked::Bot => prop_assert!(!form.website.trim().is_empty()),
            Checked::Invalid(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(
                        [FormField::Email, FormField::Name, FormField::Feed, FormField::Agree]
                            .contains(&e.field),
                        "{:?}", e
                    );
                }
            }
            Checked::Valid(s) => {
                prop_assert!(form.consent);
                prop_assert_eq!(&s.email, form.email.trim());
                let sent = update_emails(s.clone());
                let payload = value(&sent.to_json(SITE));
                prop_assert_eq!(&payload["subscription"]["email"], &Value::from(s.email.as_str()));
                prop_assert_eq!(&payload["subscription"]["name"], &Value::from(s.name.as_str()));
                prop_assert_eq!(&payload["subscription"]["feed"], &Value::from(s.feed_id()));
                prop_assert_eq!(&payload["subscription"]["consent_to_emails"], &Value::Bool(true));
                let url = sent.mailto("toolkit@example.ac.uk", SITE, &english);
                prop_assert!(url.len() <= MAILTO_LIMIT);
                let (_, _, body) = mailto_parts(&url);
                let reference = format!("Reference: {KEY}");
                prop_assert!(body.contains(&reference));
            }
        }
    }

    /// A form read from its own pairs is the same form (what the app does on submit and with
    /// drafts).
    #[test]
    fn forms_read_back_from_their_pairs(form in any_form()) {
        let mut pairs = vec![
            ("email".to_owned(), form.email.clone()),
            ("name".to_owned(), form.name.clone()),
            ("feed".to_owned(), form.feed.clone()),
            ("website".to_owned(), form.website.clone()),
        ];
        if form.consent {
            pairs.push(("agree".to_owned(), "yes".to_owned()));
        }
        prop_assert_eq!(SubscribeForm::from_pairs(pairs), form);
    }
}
