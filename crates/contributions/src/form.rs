//! The suggestion and feedback forms, as typed, and their validation (the subscription form
//! is in [`crate::subscription`], sharing the helpers here).

use catalogue::rules::{WebLink, is_email};
use catalogue::validate::YEAR_RANGE;
use catalogue::{Facet, Taxonomy};

use crate::field::{Checked, FieldError, FormField, Problem};

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
    /// A kind of evidence id, or empty for "Not sure".
    pub evidence: String,
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
    /// The kind of evidence the contributor named, or empty when they were not sure.
    pub evidence: String,
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
pub(crate) const SHORT_MAX: usize = 200;

/// The problems found so far, in the order the fields appear.
#[derive(Default)]
pub(crate) struct Errors(Vec<FieldError>);

impl Errors {
    pub(crate) fn add(&mut self, field: FormField, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    pub(crate) fn length(&mut self, field: FormField, text: &str, max: usize) {
        let n = text.chars().count();
        if n > max {
            self.add(field, Problem::TooLong { max, n });
        }
    }

    fn contributor(&mut self, c: &Contributor) -> Contributor {
        let name = c.name.trim().to_owned();
        let email = c.email.trim().to_owned();
        let organisation = c.organisation.trim().to_owned();
        self.length(FormField::Name, &name, SHORT_MAX);
        if !email.is_empty() && !is_email(&email) {
            self.add(FormField::Email, Problem::NotEmail);
        } else if c.consent && email.is_empty() {
            self.add(FormField::Email, Problem::NoContactEmail);
        }
        self.length(FormField::Organisation, &organisation, SHORT_MAX);
        Contributor {
            name,
            email,
            organisation,
            consent: c.consent,
        }
    }

    pub(crate) fn finish<T>(self, value: T) -> Checked<T> {
        if self.0.is_empty() {
            Checked::Valid(value)
        } else {
            Checked::Invalid(self.0)
        }
    }
}

/// The form's check of a link: the catalogue's rule, and a host with a dot in it, since a
/// suggestion must point to a page anyone can open.
fn check_public_link(link: &str) -> Result<(), Problem> {
    let link = WebLink::parse(link).map_err(|_| Problem::NotWebLink)?;
    if link.has_domain() {
        Ok(())
    } else {
        Err(Problem::NotPublicLink)
    }
}

impl SuggestionForm {
    /// Checks every field; `this_year` bounds the year (from the submission time).
    pub fn check(&self, taxonomy: &Taxonomy, this_year: u16) -> Checked<Proposal> {
        if !self.website.trim().is_empty() {
            return Checked::Bot;
        }
        let mut errors = Errors::default();
        let title = self.checked_title(&mut errors);
        let link = self.checked_link(&mut errors);
        let (authors, publisher) = self.checked_credits(&mut errors);
        let year = self.checked_year(&mut errors, this_year);
        let (approaches, subjects) = self.checked_terms(&mut errors, taxonomy);
        let evidence = self.evidence.trim().to_owned();
        if !evidence.is_empty() && taxonomy.term(Facet::Evidence, &evidence).is_none() {
            errors.add(FormField::Evidence, Problem::UnknownEvidence);
        }

        let summary = self.summary.trim().to_owned();
        if summary.is_empty() {
            errors.add(FormField::Summary, Problem::NoSummary);
        }
        errors.length(FormField::Summary, &summary, TEXT_MAX);
        let why = self.why.trim().to_owned();
        errors.length(FormField::Why, &why, TEXT_MAX);
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
            evidence,
            summary,
            why,
            contributor,
        })
    }

    fn checked_title(&self, errors: &mut Errors) -> String {
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            errors.add(FormField::Title, Problem::NoTitle);
        }
        errors.length(FormField::Title, &title, TITLE_MAX);
        title
    }

    fn checked_link(&self, errors: &mut Errors) -> String {
        let link = self.link.trim().to_owned();
        if link.is_empty() {
            errors.add(FormField::Link, Problem::NoLink);
        } else if let Err(problem) = check_public_link(&link) {
            errors.add(FormField::Link, problem);
        }
        link
    }

    /// The authors (split) and the publisher: at least one of them is needed.
    fn checked_credits(&self, errors: &mut Errors) -> (Vec<String>, String) {
        let authors: Vec<String> = self
            .authors
            .split([';', '\n'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        let publisher = self.publisher.trim().to_owned();
        if authors.is_empty() && publisher.is_empty() {
            errors.add(FormField::Authors, Problem::NoCredit);
        }
        errors.length(FormField::Authors, &self.authors, TEXT_MAX);
        errors.length(FormField::Publisher, &publisher, SHORT_MAX);
        (authors, publisher)
    }

    fn checked_year(&self, errors: &mut Errors, this_year: u16) -> Option<u16> {
        let year_text = self.year.trim();
        if year_text.is_empty() {
            None
        } else {
            let year = year_text
                .parse::<u16>()
                .ok()
                .filter(|y| (*YEAR_RANGE.start()..=this_year).contains(y));
            if year.is_none() {
                let (from, to) = (*YEAR_RANGE.start(), this_year);
                errors.add(FormField::Year, Problem::YearOutOfRange { from, to });
            }
            year
        }
    }

    /// The type, then the approaches and subjects (the ids the taxonomy knows).
    fn checked_terms(
        &self,
        errors: &mut Errors,
        taxonomy: &Taxonomy,
    ) -> (Vec<String>, Vec<String>) {
        if self.kind.is_empty() {
            errors.add(FormField::Type, Problem::NoType);
        } else if taxonomy.term(Facet::Type, &self.kind).is_none() {
            errors.add(FormField::Type, Problem::UnknownType);
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
            errors.add(FormField::Approaches, Problem::NoApproach);
        }
        let subjects = known(Facet::Subject, &self.subjects);
        (approaches, subjects)
    }

    /// From a submitted HTML form's (name, value) pairs; a ticked checkbox sends its value,
    /// an unticked one nothing.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> SuggestionForm {
        let mut form = SuggestionForm::default();
        for (field, value) in fields(pairs) {
            match field {
                FormField::Title => form.title = value,
                FormField::Link => form.link = value,
                FormField::Authors => form.authors = value,
                FormField::Publisher => form.publisher = value,
                FormField::Year => form.year = value,
                FormField::Type => form.kind = value,
                FormField::Approaches => form.approaches.push(value),
                FormField::Subjects => form.subjects.push(value),
                FormField::Evidence => form.evidence = value,
                FormField::Summary => form.summary = value,
                FormField::Why => form.why = value,
                FormField::Website => form.website = value,
                _ => contributor_pair(&mut form.contributor, field, value),
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
            errors.add(FormField::Topic, Problem::NoTopic);
        }
        let message = self.message.trim().to_owned();
        if message.is_empty() && topic != Some(Topic::BrokenLink) {
            errors.add(
                FormField::Message,
                if topic == Some(Topic::Edit) {
                    Problem::NoChange
                } else {
                    Problem::NoMessage
                },
            );
        }
        errors.length(FormField::Message, &message, TEXT_MAX);
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
        for (field, value) in fields(pairs) {
            match field {
                FormField::Topic => form.topic = value,
                FormField::Message => form.message = value,
                FormField::Website => form.website = value,
                _ => contributor_pair(&mut form.contributor, field, value),
            }
        }
        form
    }
}

/// A submitted form's (name, value) pairs whose name is one of the form fields; others (a
/// browser extension's, an old field's) are ignored.
pub(crate) fn fields(
    pairs: impl IntoIterator<Item = (String, String)>,
) -> impl Iterator<Item = (FormField, String)> {
    pairs
        .into_iter()
        .filter_map(|(name, value)| Some((FormField::from_name(&name)?, value)))
}

fn contributor_pair(c: &mut Contributor, field: FormField, value: String) {
    match field {
        FormField::Name => c.name = value,
        FormField::Email => c.email = value,
        FormField::Organisation => c.organisation = value,
        FormField::Consent => c.consent = true,
        _ => {}
    }
}
