//! A submission as it travels: the JSON a webhook receives and the email a mailto link opens.
//! Four kinds: a suggested resource, feedback on one, a request for update emails, and a
//! comment for publication.

use catalogue::rules::slug;
use catalogue::{Facet, Resource, Taxonomy};
use serde_json::Value;

use crate::comment::{CommentOn, PublicComment};
use crate::form::{Contributor, Feedback, Proposal};
use crate::json::Json;
use crate::mailto::{COMMENT_HEADING, RECORD_HEADING, REFERENCE, mailto};
use crate::outbox::Entry;
use crate::stamp::Timestamp;
use crate::subscription::Subscription;
use crate::words::{Word, Words};

/// The version of the JSON a webhook receives. Raised when a field changes meaning or goes away
/// (new fields may be added without raising it).
pub const SCHEMA_VERSION: u32 = 1;

/// What a suggested record says its evidence rests on, until an editor has read the source.
pub const SUGGESTED_BASIS: &str = "Named by the person who suggested it; not yet checked.";

/// What a submission carries.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    Suggestion {
        proposal: Proposal,
        record_id: String,
        /// The usual standard of the kind of evidence the contributor named (empty if none).
        standard: String,
    },
    Feedback {
        feedback: Feedback,
        resource_id: String,
        resource_title: String,
        resource_url: Option<String>,
    },
    Subscription(Subscription),
    Comment(CommentOn),
}

/// A validated submission with its key and time: everything needed to send it either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    key: String,
    submitted: Timestamp,
    body: Body,
    /// Labels for the ids in the proposal, for the email (ids stay ids in the JSON).
    labels: Vec<(String, String)>,
}

impl Submission {
    pub fn suggestion(
        key: String,
        submitted: Timestamp,
        proposal: Proposal,
        taxonomy: &Taxonomy,
    ) -> Submission {
        let mut record_id = slug(&proposal.title);
        if record_id.is_empty() {
            record_id = format!("suggested-{}", &key[..8.min(key.len())]);
        }
        let standard = taxonomy
            .term(Facet::Evidence, &proposal.evidence)
            .and_then(|kind| kind.standards.first().cloned())
            .unwrap_or_default();
        let labels = [
            Facet::Type,
            Facet::Approach,
            Facet::Subject,
            Facet::Evidence,
        ]
        .iter()
        .flat_map(|&f| {
            taxonomy
                .terms(f)
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
        })
        .collect();
        Submission {
            key,
            submitted,
            body: Body::Suggestion {
                proposal,
                record_id,
                standard,
            },
            labels,
        }
    }

    pub fn feedback(
        key: String,
        submitted: Timestamp,
        feedback: Feedback,
        resource: &Resource,
    ) -> Submission {
        Submission {
            key,
            submitted,
            body: Body::Feedback {
                feedback,
                resource_id: resource.id.clone(),
                resource_title: resource.title.clone(),
                resource_url: resource.url.clone(),
            },
            labels: Vec::new(),
        }
    }

    /// A request for update emails (see [`SubscribeForm`](crate::SubscribeForm)).
    pub fn subscription(
        key: String,
        submitted: Timestamp,
        subscription: Subscription,
    ) -> Submission {
        Submission {
            key,
            submitted,
            body: Body::Subscription(subscription),
            labels: Vec::new(),
        }
    }

    /// A comment for publication on `resource` (see [`CommentForm`](crate::CommentForm)).
    pub fn comment(
        key: String,
        submitted: Timestamp,
        comment: PublicComment,
        resource: &Resource,
    ) -> Submission {
        Submission {
            key,
            submitted,
            body: Body::Comment(CommentOn::new(comment, resource)),
            labels: Vec::new(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn submitted(&self) -> &Timestamp {
        &self.submitted
    }

    /// A short name for lists: "Suggested resource: …", "Broken link: …" (then the title),
    /// "Update emails: …" (then what about), in the `words` given.
    pub fn label(&self, words: Words) -> String {
        match &self.body {
            Body::Suggestion { proposal, .. } => {
                words(Word::LabelSuggestion, &[("title", &proposal.title)])
            }
            Body::Feedback {
                feedback,
                resource_title,
                ..
            } => words(
                Word::LabelFeedback(feedback.topic),
                &[("title", resource_title)],
            ),
            Body::Subscription(s) => s.label(words),
            Body::Comment(c) => words(Word::LabelComment, &[("title", &c.resource_title)]),
        }
    }

    fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.labels
            .iter()
            .find(|(i, _)| i == id)
            .map_or(id, |(_, l)| l)
    }

    /// The proposed resource in the catalogue's own shape, valid as
    /// `seeds/resources/<id>.json` once a maintainer has checked it.
    pub fn record(&self) -> Option<String> {
        self.record_json().map(|j| j.pretty())
    }

    /// The record an editor's command reads from the email, under its heading: a suggestion's
    /// catalogue record, or a comment's.
    fn mail_record(&self) -> Option<(&'static str, String)> {
        match &self.body {
            Body::Comment(c) => Some((COMMENT_HEADING, c.json().pretty())),
            _ => self.record().map(|r| (RECORD_HEADING, r)),
        }
    }

    fn record_json(&self) -> Option<Json> {
        let Body::Suggestion {
            proposal: p,
            record_id,
            standard,
        } = &self.body
        else {
            return None;
        };
        let mut fields = vec![
            ("id", Json::text(record_id)),
            ("title", Json::text(&p.title)),
        ];
        if !p.authors.is_empty() {
            fields.push(("authors", Json::texts(&p.authors)));
        }
        if !p.publisher.is_empty() {
            fields.push(("publisher", Json::text(&p.publisher)));
        }
        fields.push(("year", Json::Value(p.year.map_or(Value::Null, Value::from))));
        fields.push(("type", Json::text(&p.kind)));
        fields.push(("approaches", Json::texts(&p.approaches)));
        fields.push(("subjects", Json::texts(&p.subjects)));
        fields.push(("summary", Json::text(&p.summary)));
        // Left out when the contributor was not sure: `catalogue add` then records it as
        // unclear until an editor has read the source.
        if !standard.is_empty() {
            fields.push(("evidence", Json::text(&p.evidence)));
            fields.push(("standard", Json::text(standard)));
            fields.push(("evidence_basis", Json::text(SUGGESTED_BASIS)));
        }
        fields.push(("url", Json::text(&p.link)));
        fields.push(("added", Json::text(self.submitted.date())));
        Some(Json::Object(fields))
    }

    /// The JSON a webhook receives. `site` is the deployment's title, so one receiver can serve
    /// several copies of the toolkit. After the common fields comes what the kind carries
    /// (`resource` and `why_it_helps`, `feedback`, or `subscription`), then, for suggestions and
    /// feedback, the `contributor`; a subscription's `subscription` says who instead.
    pub fn to_json(&self, site: &str) -> String {
        let kind = match self.body {
            Body::Suggestion { .. } => "resource-suggestion",
            Body::Feedback { .. } => "resource-feedback",
            Body::Subscription(_) => "subscribe",
            Body::Comment(_) => "resource-comment",
        };
        let mut fields = vec![
            ("schema_version", Json::Value(Value::from(SCHEMA_VERSION))),
            ("kind", Json::text(kind)),
            ("idempotency_key", Json::text(&self.key)),
            ("submitted_at", Json::text(self.submitted.as_str())),
            ("site", Json::text(site)),
        ];
        match &self.body {
            Body::Suggestion { proposal, .. } => {
                fields.push((
                    "resource",
                    self.record_json().unwrap_or(Json::Object(Vec::new())),
                ));
                fields.push(("why_it_helps", Json::text(&proposal.why)));
            }
            Body::Feedback {
                feedback,
                resource_id,
                resource_title,
                resource_url,
            } => {
                fields.push((
                    "feedback",
                    Json::Object(vec![
                        ("resource_id", Json::text(resource_id)),
                        ("resource_title", Json::text(resource_title)),
                        (
                            "resource_url",
                            Json::Value(resource_url.clone().map_or(Value::Null, Value::String)),
                        ),
                        ("topic", Json::text(feedback.topic.id())),
                        ("message", Json::text(&feedback.message)),
                    ]),
                ));
            }
            Body::Subscription(s) => fields.push(("subscription", s.json(&self.submitted))),
            Body::Comment(c) => fields.push(("comment", c.json())),
        }
        if let Some(c) = self.contributor() {
            fields.push((
                "contributor",
                Json::Object(vec![
                    ("name", Json::text(&c.name)),
                    ("email", Json::text(&c.email)),
                    ("organisation", Json::text(&c.organisation)),
                    ("consent_to_contact", Json::Value(Value::Bool(c.consent))),
                ]),
            ));
        }
        Json::Object(fields).pretty()
    }

    /// Who sent a suggestion or feedback (a subscription has no contributor).
    fn contributor(&self) -> Option<&Contributor> {
        match &self.body {
            Body::Suggestion { proposal, .. } => Some(&proposal.contributor),
            Body::Feedback { feedback, .. } => Some(&feedback.contributor),
            Body::Subscription(_) | Body::Comment(_) => None,
        }
    }

    /// The outbox entry that keeps this submission until it is delivered: its JSON for a
    /// webhook and its email for mailto or copying, waiting to be sent.
    /// The label and the email are in the `words` given (the visitor's language).
    pub fn to_entry(&self, site: &str, words: Words) -> Entry {
        Entry::new(
            self.key.clone(),
            self.label(words),
            self.submitted.as_str().to_owned(),
            self.to_json(site),
            self.mail_subject(site, words),
            self.mail_body(words),
        )
    }

    /// The email's subject line.
    pub fn mail_subject(&self, site: &str, words: Words) -> String {
        words(
            Word::Subject,
            &[("site", site), ("label", &self.label(words))],
        )
    }

    /// The email's text: the submission in words, then (for a suggestion) the catalogue record,
    /// then the reference.
    pub fn mail_body(&self, words: Words) -> String {
        let mut out = String::new();
        if let Body::Subscription(s) = &self.body {
            s.mail(&self.submitted, &mut out, words);
        }
        self.mail_lines(&mut out, words);
        self.mail_paragraphs(&mut out, words);
        if let Some(c) = self.contributor() {
            out.push('\n');
            let from = mail_from(c);
            if !from.is_empty() {
                out.push_str(&format!("{}: {from}\n", words(Word::From, &[])));
            }
            out.push_str(&words(Word::Contact(c.consent), &[]));
            out.push('\n');
        }
        if let Some((heading, record)) = self.mail_record() {
            out.push_str(&format!("{heading}{record}\n"));
        }
        out.push_str(&format!(
            "{REFERENCE}{} ({})\n",
            self.key,
            self.submitted.as_str()
        ));
        out
    }

    /// The email's one-line fields ("Title: …"), leaving out the empty ones.
    fn mail_lines(&self, out: &mut String, words: Words) {
        let mut line = |name: Word, value: &str| {
            if !value.is_empty() {
                out.push_str(&words(name, &[]));
                out.push_str(": ");
                out.push_str(value);
                out.push('\n');
            }
        };
        match &self.body {
            Body::Suggestion { proposal: p, .. } => {
                line(Word::Title, &p.title);
                line(Word::Link, &p.link);
                line(Word::Authors, &p.authors.join("; "));
                line(Word::Publisher, &p.publisher);
                let year = p.year.map(|y| y.to_string()).unwrap_or_default();
                line(Word::Year, &year);
                line(Word::Type, self.label_of(&p.kind));
                let labels = |ids: &[String]| {
                    ids.iter()
                        .map(|i| self.label_of(i))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                line(Word::Approaches, &labels(&p.approaches));
                line(Word::Subjects, &labels(&p.subjects));
                let evidence = match p.evidence.is_empty() {
                    true => words(Word::NotSure, &[]),
                    false => self.label_of(&p.evidence).to_owned(),
                };
                line(Word::KindOfEvidence, &evidence);
            }
            Body::Feedback {
                feedback,
                resource_id,
                resource_title,
                resource_url,
            } => {
                line(Word::About, &format!("{resource_title} ({resource_id})"));
                line(Word::ItsLink, resource_url.as_deref().unwrap_or_default());
                line(Word::Feedback, &words(Word::Topic(feedback.topic), &[]));
            }
            Body::Comment(c) => c.mail_lines(&mut line, words),
            Body::Subscription(_) => {}
        }
    }

    /// The email's longer texts, each under its heading, leaving out the empty ones.
    fn mail_paragraphs(&self, out: &mut String, words: Words) {
        let mut paragraphs = Vec::new();
        match &self.body {
            Body::Suggestion { proposal: p, .. } => {
                paragraphs.push((Word::Summary, p.summary.clone()));
                paragraphs.push((Word::WhyItHelps, p.why.clone()));
            }
            Body::Feedback { feedback, .. } => {
                paragraphs.push((Word::Message, feedback.message.clone()))
            }
            Body::Comment(c) => paragraphs.push((Word::Comment, c.comment.text.clone())),
            Body::Subscription(_) => {}
        }
        for (name, text) in paragraphs.into_iter().filter(|(_, t)| !t.is_empty()) {
            out.push_str(&format!("\n{}:\n{text}\n", words(name, &[])));
        }
    }

    /// A `mailto:` link that opens the visitor's mail program with this submission (see
    /// [`mailto`]).
    pub fn mailto(&self, address: &str, site: &str, words: Words) -> String {
        mailto(
            address,
            &self.mail_subject(site, words),
            &self.mail_body(words),
        )
    }
}

/// Who the email is from: "name, organisation <email>", with whichever parts were given.
fn mail_from(c: &Contributor) -> String {
    let mut from = c.name.clone();
    if !c.organisation.is_empty() {
        from = if from.is_empty() {
            c.organisation.clone()
        } else {
            format!("{from}, {}", c.organisation)
        };
    }
    if !c.email.is_empty() {
        from = if from.is_empty() {
            c.email.clone()
        } else {
            format!("{from} <{}>", c.email)
        };
    }
    from
}
