//! Update emails: the form that asks for them ("email me when resources are added"), its
//! validation, and what a subscription says in a webhook's JSON and in an email. A valid one
//! becomes a [`Submission`](crate::Submission) ([`Submission::subscription`]), so it goes
//! through the same channel and the same outbox as a suggestion: saved before it is sent,
//! retried, never lost.
//!
//! [`Submission::subscription`]: crate::Submission::subscription

use catalogue::rules::is_email;
use serde_json::Value;

use crate::field::{Checked, FormField, Problem};
use crate::form::{Errors, SHORT_MAX, fields};
use crate::json::Json;
use crate::stamp::Timestamp;
use crate::words::{Word, Words};

/// The [`FormField::Feed`] value for every new resource (an empty value means the same). It
/// wins over a collection with this id.
pub const ALL_FEED: &str = "all";
/// How every new resource is named, as the feed's title (and the choice's label).
pub const ALL_FEED_TITLE: &str = "All new resources";

/// "Email me when resources are added", exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscribeForm {
    /// Required.
    pub email: String,
    /// Optional.
    pub name: String,
    /// `""` or [`ALL_FEED`] for all new resources, otherwise a collection id.
    pub feed: String,
    /// The [`FormField::Agree`] box, which must be ticked.
    pub consent: bool,
    /// The honeypot: hidden from people, so only bots fill it.
    pub website: String,
}

/// A request for update emails that passed validation (text trimmed). The visitor ticked the
/// box, so consent is implied; it was given when the submission was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub email: String,
    pub name: String,
    /// The collection (id, title) whose new resources are wanted; `None` for all new resources.
    pub feed: Option<(String, String)>,
}

impl SubscribeForm {
    /// Checks every field, reporting problems in the order email, name, feed, box.
    /// `collections` are the catalogue's (id, title) pairs, the feeds besides [`ALL_FEED`].
    pub fn check(&self, collections: &[(String, String)]) -> Checked<Subscription> {
        if !self.website.trim().is_empty() {
            return Checked::Bot;
        }
        let mut errors = Errors::default();
        let email = self.email.trim().to_owned();
        if email.is_empty() {
            errors.add(FormField::Email, Problem::NoSubscriberEmail);
        } else if !is_email(&email) {
            errors.add(FormField::Email, Problem::NotEmail);
        }
        let name = self.name.trim().to_owned();
        errors.length(FormField::Name, &name, SHORT_MAX);
        let id = self.feed.trim();
        let feed = if id.is_empty() || id == ALL_FEED {
            None
        } else {
            let found = collections.iter().find(|(c, _)| c == id).cloned();
            if found.is_none() {
                errors.add(FormField::Feed, Problem::UnknownFeed);
            }
            found
        };
        if !self.consent {
            errors.add(FormField::Agree, Problem::NoUpdatesConsent);
        }
        errors.finish(Subscription { email, name, feed })
    }

    /// From a submitted HTML form's (name, value) pairs; the ticked box sends its value, an
    /// unticked one nothing.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> SubscribeForm {
        let mut form = SubscribeForm::default();
        for (field, value) in fields(pairs) {
            match field {
                FormField::Email => form.email = value,
                FormField::Name => form.name = value,
                FormField::Feed => form.feed = value,
                FormField::Agree => form.consent = true,
                FormField::Website => form.website = value,
                _ => {}
            }
        }
        form
    }
}

impl Subscription {
    /// The feed as the JSON names it: the collection id, or [`ALL_FEED`].
    pub fn feed_id(&self) -> &str {
        self.feed.as_ref().map_or(ALL_FEED, |(id, _)| id)
    }

    /// The collection's title, or [`ALL_FEED_TITLE`].
    pub fn feed_title(&self) -> &str {
        self.feed
            .as_ref()
            .map_or(ALL_FEED_TITLE, |(_, title)| title)
    }

    /// For lists: "Update emails: all new resources", "Update emails: <collection title>".
    pub(crate) fn label(&self, words: Words) -> String {
        let what = match &self.feed {
            None => words(Word::AllNewResources, &[]),
            Some((_, title)) => title.clone(),
        };
        words(Word::LabelUpdates, &[("what", &what)])
    }

    /// The webhook's `subscription` object.
    pub(crate) fn json(&self, submitted: &Timestamp) -> Json {
        Json::Object(vec![
            ("email", Json::text(&self.email)),
            ("name", Json::text(&self.name)),
            ("feed", Json::text(self.feed_id())),
            ("feed_title", Json::text(self.feed_title())),
            ("consent_to_emails", Json::Value(Value::Bool(true))),
            ("consented_at", Json::text(submitted.as_str())),
        ])
    }

    /// The email's text, up to its reference line: the request in words, the details, the
    /// consent given and when, and how to stop the emails.
    pub(crate) fn mail(&self, submitted: &Timestamp, out: &mut String, words: Words) {
        let (about, updates) = match &self.feed {
            None => (
                words(Word::AllNewResources, &[]),
                words(Word::AllNewResourcesFeed, &[]),
            ),
            Some((id, title)) => (
                words(Word::UpdatesAboutCollection, &[("title", title)]),
                words(Word::CollectionFeed, &[("title", title), ("id", id)]),
            ),
        };
        let email = self.email.as_str();
        let line = |name: Word, value: &str| format!("{}: {value}\n", words(name, &[]));
        out.push_str(&words(
            Word::UpdatesRequest,
            &[("email", email), ("about", &about)],
        ));
        out.push_str("\n\n");
        out.push_str(&line(Word::Email, email));
        if !self.name.is_empty() {
            out.push_str(&line(Word::Name, &self.name));
        }
        out.push_str(&line(Word::Updates, &updates));
        out.push('\n');
        let agree = words(Word::AgreeLabel, &[]);
        out.push_str(&words(
            Word::Consent,
            &[("agree", &agree), ("at", submitted.as_str())],
        ));
        out.push_str("\n\n");
        out.push_str(&words(Word::HowToStop, &[]));
        out.push('\n');
    }
}
