//! The two forms: validation (one test per kind of bad input, each message as shown), the
//! fields' names, the honeypot, reading a submitted form, and drafts.

mod common;

use common::*;
use contributions::*;

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
        "NoTitle",
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
        "TooLong { max: 300, n: 301 }",
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
        "NoLink",
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
            "NotWebLink",
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
            "NotPublicLink",
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
        "NoCredit",
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
            "YearOutOfRange { from: 1850, to: 2026 }",
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
        "NoType",
    );
    assert_error(
        SuggestionForm {
            kind: "podcast".into(),
            ..good_form()
        },
        "type",
        "UnknownType",
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
        "NoApproach",
    );
    // An id that no longer exists (an old draft) does not count.
    assert_error(
        SuggestionForm {
            approaches: vec!["grit".into()],
            ..good_form()
        },
        "approaches",
        "NoApproach",
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
        "NoSummary",
    );
}

#[test]
fn email_must_look_like_one() {
    let mut form = good_form();
    form.contributor.email = "sam at example".into();
    assert_error(form, "email", "NotEmail");
}

#[test]
fn consent_needs_an_email_address() {
    let mut form = good_form();
    form.contributor.email = String::new();
    assert_error(form.clone(), "email", "NoContactEmail");
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
fn every_word_of_labels_and_emails_is_in_the_english_catalogue() {
    for word in Word::ALL {
        let text = english(word, &[]);
        assert_ne!(text, word.key(), "{word:?} has no message");
    }
}

#[test]
fn every_field_has_one_name_and_id() {
    for field in FormField::ALL {
        assert_eq!(FormField::from_name(field.name()), Some(field));
        assert_eq!(field.id(), format!("field-{}", field.name()));
    }
    let names: std::collections::BTreeSet<_> = FormField::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names.len(), FormField::ALL.len(), "names are unique");
    assert_eq!(FormField::from_name("website2"), None);
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
        Checked::Invalid(errors) => errors
            .into_iter()
            .map(|e| e.field.name())
            .collect::<Vec<_>>(),
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
    let form = SuggestionForm::from_pairs(draft_pairs(&value(&json)));
    assert_eq!(form.title, "Half-written");
    assert_eq!(form.approaches, ["self-management", "emotional-control"]);
    assert!(form.contributor.consent);
    assert_eq!(form.website, "", "the honeypot is never saved");
    // Nothing typed, nothing saved.
    assert_eq!(draft_json(&[("title".to_owned(), " ".to_owned())]), None);
    for damaged in ["not json", "{}", r#"[["title"], 5, ["a", 1]]"#] {
        assert!(draft_pairs(&value(damaged)).is_empty(), "{damaged}");
    }
    let feedback = FeedbackForm::from_pairs(draft_pairs(&value(
        r#"[["topic","edit"],["message","Year is 2017"]]"#,
    )));
    assert_eq!(
        (feedback.topic.as_str(), feedback.message.as_str()),
        ("edit", "Year is 2017")
    );
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
