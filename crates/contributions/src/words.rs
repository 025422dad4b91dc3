//! The words a submission's label and email are written in: the crate names each ([`Word`])
//! and the interface gives it in the visitor's language (its message catalogue's text under
//! [`Word::key`], with `{placeholders}` filled in), so that a visitor reading Welsh sends an
//! email in Welsh. What programs read in an email (the record's heading and the reference) is
//! not a word: it stays as `mailto.rs` writes it.

use crate::form::Topic;

/// A word or sentence of a submission's label or email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// "Suggested resource: {title}" (a label, and the subject after the site's name).
    LabelSuggestion,
    /// "Suggested edit: {title}", "Broken link: {title}", "Comment: {title}".
    LabelFeedback(Topic),
    /// "Update emails: {what}".
    LabelUpdates,
    /// "Comment for publication: {title}".
    LabelComment,
    /// "all new resources" (what update emails are about).
    AllNewResources,
    /// "{site}: {label}".
    Subject,
    /// A line's name: "Title", "Link", …
    Title,
    Link,
    Authors,
    Publisher,
    Year,
    Type,
    Approaches,
    Subjects,
    KindOfEvidence,
    /// The kind of evidence when the contributor was not sure.
    NotSure,
    /// The resource feedback is about, and its link.
    About,
    ItsLink,
    /// The feedback's topic, then the topic itself.
    Feedback,
    Topic(Topic),
    Summary,
    WhyItHelps,
    Message,
    Comment,
    From,
    /// "Happy to be contacted about this: yes" or "…: no".
    Contact(bool),
    /// A comment's resource, its name to publish, role, institution, and its agreement.
    On,
    NameToPublish,
    Role,
    Institution,
    /// The comment form's agreement to publish (its label, as the form shows it), and "yes".
    AgreedToPublish,
    Yes,
    /// The request for update emails: "Please add {email} to the list for update emails about
    /// {about}.", what a collection's are about ("new resources in the collection “{title}”"),
    /// the feed's name ("All new resources", "{title} (collection {id})"), the details' names,
    /// the consent given ("Consent: ticked “{agree}” on {at}") and how to stop the emails.
    UpdatesRequest,
    UpdatesAboutCollection,
    AllNewResourcesFeed,
    CollectionFeed,
    Email,
    Name,
    Updates,
    Consent,
    /// The update request form's agreement (its label, as the form shows it).
    AgreeLabel,
    HowToStop,
}

impl Word {
    /// Every word, for checking that each has its text.
    pub const ALL: [Word; 47] = [
        Word::LabelSuggestion,
        Word::LabelFeedback(Topic::Edit),
        Word::LabelFeedback(Topic::BrokenLink),
        Word::LabelFeedback(Topic::Comment),
        Word::LabelUpdates,
        Word::LabelComment,
        Word::AllNewResources,
        Word::Subject,
        Word::Title,
        Word::Link,
        Word::Authors,
        Word::Publisher,
        Word::Year,
        Word::Type,
        Word::Approaches,
        Word::Subjects,
        Word::KindOfEvidence,
        Word::NotSure,
        Word::About,
        Word::ItsLink,
        Word::Feedback,
        Word::Topic(Topic::Edit),
        Word::Topic(Topic::BrokenLink),
        Word::Topic(Topic::Comment),
        Word::Summary,
        Word::WhyItHelps,
        Word::Message,
        Word::Comment,
        Word::From,
        Word::Contact(true),
        Word::Contact(false),
        Word::On,
        Word::NameToPublish,
        Word::Role,
        Word::Institution,
        Word::AgreedToPublish,
        Word::UpdatesRequest,
        Word::UpdatesAboutCollection,
        Word::AllNewResourcesFeed,
        Word::CollectionFeed,
        Word::Email,
        Word::Name,
        Word::Updates,
        Word::Consent,
        Word::HowToStop,
        Word::Yes,
        Word::AgreeLabel,
    ];

    /// Its key in the message catalogues (`messages/<code>/mail.json`, and the forms' own
    /// words for a topic, an agreement and the feed of everything).
    pub const fn key(self) -> &'static str {
        match self {
            Word::LabelSuggestion => "mail.label-suggestion",
            Word::LabelFeedback(Topic::Edit) => "mail.label-edit",
            Word::LabelFeedback(Topic::BrokenLink) => "mail.label-broken-link",
            Word::LabelFeedback(Topic::Comment) => "mail.label-feedback",
            Word::LabelUpdates => "mail.label-updates",
            Word::LabelComment => "mail.label-comment",
            Word::AllNewResources => "mail.all-new-resources",
            Word::Subject => "mail.subject",
            Word::Title => "mail.title",
            Word::Link => "mail.link",
            Word::Authors => "mail.authors",
            Word::Publisher => "mail.publisher",
            Word::Year => "mail.year",
            Word::Type => "mail.type",
            Word::Approaches => "mail.approaches",
            Word::Subjects => "mail.subjects",
            Word::KindOfEvidence => "mail.kind-of-evidence",
            Word::NotSure => "mail.not-sure",
            Word::About => "mail.about",
            Word::ItsLink => "mail.its-link",
            Word::Feedback => "mail.feedback",
            // The form's own words for the topic, the agreements and the feed of everything.
            Word::Topic(Topic::Edit) => "feedback.topic.edit",
            Word::Topic(Topic::BrokenLink) => "feedback.topic.broken-link",
            Word::Topic(Topic::Comment) => "feedback.topic.comment",
            Word::AgreedToPublish => "forms.field.publish",
            Word::AgreeLabel => "forms.field.agree",
            Word::AllNewResourcesFeed => "subscribe.all-feed",
            Word::Yes => "mail.yes",
            Word::Summary => "mail.summary",
            Word::WhyItHelps => "mail.why-it-helps",
            Word::Message => "mail.message",
            Word::Comment => "mail.comment",
            Word::From => "mail.from",
            Word::Contact(true) => "mail.contact-yes",
            Word::Contact(false) => "mail.contact-no",
            Word::On => "mail.on",
            Word::NameToPublish => "mail.name-to-publish",
            Word::Role => "mail.role",
            Word::Institution => "mail.institution",
            Word::UpdatesRequest => "mail.updates-request",
            Word::UpdatesAboutCollection => "mail.updates-about-collection",
            Word::CollectionFeed => "mail.collection-feed",
            Word::Email => "mail.email",
            Word::Name => "mail.name",
            Word::Updates => "mail.updates",
            Word::Consent => "mail.consent",
            Word::HowToStop => "mail.how-to-stop",
        }
    }
}

/// The interface's words: a word's text in the visitor's language, `{placeholders}` filled in
/// from the pairs given.
pub type Words<'a> = &'a dyn Fn(Word, &[(&str, &str)]) -> String;
