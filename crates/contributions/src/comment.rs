//! Public comments: the form under a resource ("Comments from colleagues"), its validation by
//! the catalogue's comment rules, and the record a comment travels as. A valid one becomes a
//! [`Submission`](crate::Submission) ([`Submission::comment`]) and goes through the channel and
//! the outbox like a suggestion: saved before it is sent, retried, never lost. Nothing is
//! published until an editor runs `catalogue comments add` on it.
//!
//! [`Submission::comment`]: crate::Submission::comment

use catalogue::Resource;
use catalogue::comment::{AFFILIATION_MAX, NAME_MAX, TEXT_MAX, clean_line, clean_text};
use serde_json::Value;

use crate::field::{Checked, FormField, Problem};
use crate::form::{Errors, fields};
use crate::json::Json;
use crate::words::{Word, Words};

/// A comment for publication, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentForm {
    pub text: String,
    /// The name or initials to publish it with.
    pub name: String,
    pub role: String,
    pub institution: String,
    /// The [`FormField::Publish`] box, which must be ticked.
    pub publish: bool,
    /// The honeypot: hidden from people, so only bots fill it.
    pub website: String,
}

/// A comment that passed validation, its texts as the catalogue keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicComment {
    pub text: String,
    pub name: String,
    pub role: String,
    pub institution: String,
}

/// A comment with the resource it is on: what the webhook's `comment` object and the email's
/// record hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CommentOn {
    pub comment: PublicComment,
    pub resource_id: String,
    pub resource_title: String,
}

impl CommentForm {
    /// Checks every field, reporting problems in the order the form shows them.
    pub fn check(&self) -> Checked<PublicComment> {
        if !self.website.trim().is_empty() {
            return Checked::Bot;
        }
        let mut errors = Errors::default();
        let text = clean_text(&self.text);
        if text.is_empty() {
            errors.add(FormField::CommentText, Problem::NoComment);
        }
        errors.length(FormField::CommentText, &text, TEXT_MAX);
        let name = clean_line(&self.name);
        if name.is_empty() {
            errors.add(FormField::DisplayName, Problem::NoPublishedName);
        }
        errors.length(FormField::DisplayName, &name, NAME_MAX);
        let role = clean_line(&self.role);
        errors.length(FormField::Role, &role, AFFILIATION_MAX);
        let institution = clean_line(&self.institution);
        errors.length(FormField::Institution, &institution, AFFILIATION_MAX);
        if !self.publish {
            errors.add(FormField::Publish, Problem::NoPublishConsent);
        }
        errors.finish(PublicComment {
            text,
            name,
            role,
            institution,
        })
    }

    /// From a submitted HTML form's (name, value) pairs; the ticked box sends its value, an
    /// unticked one nothing.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> CommentForm {
        let mut form = CommentForm::default();
        for (field, value) in fields(pairs) {
            match field {
                FormField::CommentText => form.text = value,
                FormField::DisplayName => form.name = value,
                FormField::Role => form.role = value,
                FormField::Institution => form.institution = value,
                FormField::Publish => form.publish = true,
                FormField::Website => form.website = value,
                _ => {}
            }
        }
        form
    }
}

impl CommentOn {
    pub(crate) fn new(comment: PublicComment, resource: &Resource) -> CommentOn {
        CommentOn {
            comment,
            resource_id: resource.id.clone(),
            resource_title: resource.title.clone(),
        }
    }

    /// The webhook's `comment` object, which is also the record in the email that
    /// `catalogue comments add` reads.
    pub(crate) fn json(&self) -> Json {
        let c = &self.comment;
        Json::Object(vec![
            ("resource_id", Json::text(&self.resource_id)),
            ("resource_title", Json::text(&self.resource_title)),
            ("name", Json::text(&c.name)),
            ("role", Json::text(&c.role)),
            ("institution", Json::text(&c.institution)),
            ("text", Json::text(&c.text)),
            ("consent_to_publish", Json::Value(Value::Bool(true))),
        ])
    }

    /// The email's one-line fields.
    pub(crate) fn mail_lines(&self, line: &mut dyn FnMut(Word, &str), words: Words) {
        let c = &self.comment;
        line(
            Word::On,
            &format!("{} ({})", self.resource_title, self.resource_id),
        );
        line(Word::NameToPublish, &c.name);
        line(Word::Role, &c.role);
        line(Word::Institution, &c.institution);
        line(Word::AgreedToPublish, &words(Word::Yes, &[]));
    }
}
