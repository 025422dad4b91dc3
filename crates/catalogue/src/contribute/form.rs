//! The two forms, as typed, and their validation.

use serde_json::Value;

use crate::config::is_email;
use crate::model::{Facet, Taxonomy};
use crate::validate::{YEAR_RANGE, check_link};

/// A message for one field, in the words the form shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name, as in the form (`"title"`, `"email"` …).
    pub field: &'static str,
    pub message: String,
}

/// What validation makes of a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked<T> {
    Valid(T),
    /// Every problem, in the order the fields appear.
    Invalid(Vec<FieldError>),
    /// The hidden field people never see was filled in: a bot. Dropped without a word.
    Bot,
}

impl<T> Checked<T> {
    /// Turns a valid value into another (problems and bots stay as they are).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U> {
        match self {
            Checked::Valid(value) => Checked::Valid(f(value)),
            Checked::Invalid(errors) => Checked::Invalid(errors),
            Checked::Bot => Checked::Bot,
        }
    }
}

/// Who is sending, all optional unless they ask to be contacted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contributor {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub consent: bool,
}

/// "Suggest a resource", exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuggestionForm {
    pub title: String,
    pub link: String,
    /// Names separated by semicolons or new lines.
    pub authors: String,
    pub publisher: String,
    pub year: String,
    /// A resource type id.
    pub kind: String,
    pub approaches: Vec<String>,
    pub subjects: Vec<String>,
    pub summary: String,
    pub why: String,
    pub contributor: Contributor,
    /// The honeypot: hidden from people, so only bots fill it.
    pub website: String,
}

/// What feedback on a resource is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Edit,
    BrokenLink,
    Comment,
}

impl Topic {
    pub const ALL: [Topic; 3] = [Topic::Edit, Topic::BrokenLink, Topic::Comment];

    pub fn id(self) -> &'static str {
        match self {
            Topic::Edit => "edit",
            Topic::BrokenLink => "broken-link",
            Topic::Comment => "comment",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Topic::Edit => "Suggest an edit",
            Topic::BrokenLink => "Report a broken link",
            Topic::Comment => "Comment",
        }
    }

    pub fn from_id(id: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Feedback on one resource, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackForm {
    /// A [`Topic`] id.
    pub topic: String,
    pub message: String,
    pub contributor: Contributor,
    pub website: String,
}

/// A proposed resource that passed validation (text trimmed, lists split).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub title: String,
    pub link: String,
    pub authors: Vec<String>,
    pub publisher: String,
    pub year: Option<u16>,
    pub kind: String,
    pub approaches: Vec<String>,
    pub subjects: Vec<String>,
    pub summary: String,
    pub why: String,
    pub contributor: Contributor,
}

/// Feedback that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub topic: Topic,
    pub message: String,
    pub contributor: Contributor,
}

const TITLE_MAX: usize = 300;
const TEXT_MAX: usize = 4000;
const SHORT_MAX: usize = 200;

#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    fn length(&mut self, field: &'static str, text: &str, max: usize) {
        let n = text.chars().count();
        if n > max {
            self.add(
                field,
                format!("This is too long: at most {max} characters ({n} now)"),
            );
        }
    }

    fn contributor(&mut self, c: &Contributor) -> Contributor {
        let name = c.name.trim().to_owned();
        let email = c.email.trim().to_owned();
        let organisation = c.organisation.trim().to_owned();
        self.length("name", &name, SHORT_MAX);
        if !email.is_empty() && !is_email(&email) {
            self.add("email", "Enter an email address like name@example.ac.uk");
        } else if c.consent && email.is_empty() {
            self.add(
                "email",
                "Enter an email address so we can contact you, or untick the box below",
            );
        }
        self.length("organisation", &organisation, SHORT_MAX);
        Contributor {
            name,
            email,
            organisation,
            consent: c.consent,
        }
    }

    fn finish<T>(self, value: T) -> Checked<T> {
        if self.0.is_empty() {
            Checked::Valid(value)
        } else {
            Checked::Invalid(self.0)
        }
    }
}

/// The form's check of a link: the catalogue's rule, and a host with a dot in it, since a
/// suggestion must point to a page anyone can open.
fn check_public_link(link: &str) -> Result<(), &'static str> {
    check_link(link).map_err(|_| "Enter a web link starting with https:// or http://")?;
    let host = link.split_once("://").map_or("", |(_, rest)| rest);
    let host = host.split(['/', '?', '#', ':']).next().unwrap_or("");
    if host.contains('.') && !host.ends_with('.') {
        Ok(())
    } else {
        Err("Enter the full address of the page, such as https://www.example.ac.uk/report")
    }
}

impl SuggestionForm {
    /// Checks every field; `this_year` bounds the year (from the submission time).
    pub fn check(&self, taxonomy: &Taxonomy, this_year: u16) -> Checked<Proposal> {
        if !self.website.trim().is_empty() {
            return Checked::Bot;
        }
        let mut errors = Errors::default();
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            errors.add("title", "Enter the resource's title");
        }
        errors.length("title", &title, TITLE_MAX);

        let link = self.link.trim().to_owned();
        if link.is_empty() {
            errors.add(
                "link",
                "Enter a link to the publisher's page for the resource",
            );
        } else if let Err(message) = check_public_link(&link) {
            errors.add("link", message);
        }

        let authors: Vec<String> = self
            .authors
            .split([';', '\n'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        let publisher = self.publisher.trim().to_owned();
        if authors.is_empty() && publisher.is_empty() {
            errors.add(
                "authors",
                "Enter at least one author, or the publisher below",
            );
        }
        errors.length("authors", &self.authors, TEXT_MAX);
        errors.length("publisher", &publisher, SHORT_MAX);

        let year_text = self.year.trim();
        let year = if year_text.is_empty() {
            None
        } else {
            let year = year_text
                .parse::<u16>()
                .ok()
                .filter(|y| (*YEAR_RANGE.start()..=this_year).contains(y));
            if year.is_none() {
                errors.add(
                    "year",
                    format!(
                        "Enter a year from {} to {this_year}, or leave it empty if you are not sure",
                        YEAR_RANGE.start()
                    ),
                );
            }
            year
        };

        if self.kind.is_empty() {
            errors.add("type", "Choose the type of resource");
        } else if taxonomy.term(Facet::Type, &self.kind).is_none() {
            errors.add("type", "Choose one of the listed types");
        }
        let known = |facet: Facet, ids: &[String]| -> Vec<String> {
            // In taxonomy order, once each; ids that no longer exist (an old draft) are dropped.
            taxonomy
                .terms(facet)
                .iter()
                .filter(|t| ids.contains(&t.id))
                .map(|t| t.id.clone())
                .collect()
        };
        let approaches = known(Facet::Approach, &self.approaches);
        if approaches.is_empty() {
            errors.add("approaches", "Choose at least one approach");
        }
        let subjects = known(Facet::Subject, &self.subjects);

        let summary = self.summary.trim().to_owned();
        if summary.is_empty() {
            errors.add("summary", "Describe the resource in a sentence or two");
        }
        errors.length("summary", &summary, TEXT_MAX);
        let why = self.why.trim().to_owned();
        errors.length("why", &why, TEXT_MAX);
        let contributor = errors.contributor(&self.contributor);

        errors.finish(Proposal {
            title,
            link,
            authors,
            publisher,
            year,
            kind: self.kind.clone(),
            approaches,
            subjects,
            summary,
            why,
            contributor,
        })
    }

    /// From a submitted HTML form's (name, value) pairs; a ticked checkbox sends its value,
    /// an unticked one nothing.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> SuggestionForm {
        let mut form = SuggestionForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "title" => form.title = value,
                "link" => form.link = value,
                "authors" => form.authors = value,
                "publisher" => form.publisher = value,
                "year" => form.year = value,
                "type" => form.kind = value,
                "approaches" => form.approaches.push(value),
                "subjects" => form.subjects.push(value),
                "summary" => form.summary = value,
                "why" => form.why = value,
                "website" => form.website = value,
                _ => contributor_pair(&mut form.contributor, &name, value),
            }
        }
        form
    }
}

impl FeedbackForm {
    pub fn check(&self) -> Checked<Feedback> {
        if !self.website.trim().is_empty() {
            return Checked::Bot;
        }
        let mut errors = Errors::default();
        let topic = Topic::from_id(&self.topic);
        if topic.is_none() {
            errors.add("topic", "Choose what your feedback is about");
        }
        let message = self.message.trim().to_owned();
        if message.is_empty() && topic != Some(Topic::BrokenLink) {
            errors.add(
                "message",
                if topic == Some(Topic::Edit) {
                    "Say what should change"
                } else {
                    "Enter your comment"
                },
            );
        }
        errors.length("message", &message, TEXT_MAX);
        let contributor = errors.contributor(&self.contributor);
        errors.finish(Feedback {
            topic: topic.unwrap_or(Topic::Comment),
            message,
            contributor,
        })
    }

    /// From a submitted HTML form's (name, value) pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> FeedbackForm {
        let mut form = FeedbackForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "topic" => form.topic = value,
                "message" => form.message = value,
                "website" => form.website = value,
                _ => contributor_pair(&mut form.contributor, &name, value),
            }
        }
        form
    }
}

fn contributor_pair(c: &mut Contributor, name: &str, value: String) {
    match name {
        "name" => c.name = value,
        "email" => c.email = value,
        "organisation" => c.organisation = value,
        "consent" => c.consent = true,
        _ => {}
    }
}

/// A form's draft as saved in the browser: its (name, value) pairs as JSON, or `None` when
/// nothing has been typed. The honeypot is never saved.
pub fn draft_json(pairs: &[(String, String)]) -> Option<String> {
    let kept: Vec<Value> = pairs
        .iter()
        .filter(|(name, value)| name != "website" && !value.trim().is_empty())
        .map(|(name, value)| {
            Value::Array(vec![
                Value::from(name.as_str()),
                Value::from(value.as_str()),
            ])
        })
        .collect();
    (!kept.is_empty()).then(|| Value::Array(kept).to_string())
}

/// The pairs of a saved draft, for `from_pairs`; a damaged draft gives none.
pub fn draft_pairs(json: &str) -> Vec<(String, String)> {
    serde_json::from_str(json)
        .map(|value| draft_pairs_from_value(&value))
        .unwrap_or_default()
}

/// [`draft_pairs`] for text already parsed (the app parses with the browser's `JSON.parse`).
pub fn draft_pairs_from_value(value: &Value) -> Vec<(String, String)> {
    let Value::Array(items) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item.as_array()?.as_slice() {
            [Value::String(name), Value::String(value)] => Some((name.clone(), value.clone())),
            _ => None,
        })
        .collect()
}
