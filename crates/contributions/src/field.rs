//! The fields of the four forms (suggest a resource, feedback, update emails, comments), the messages validation gives for them, and what it makes of
//! a form.

/// A field of the three forms. Its name (in the HTML form and the saved drafts), its control's id
/// and its label are written here once, for reading the form ([`SuggestionForm::from_pairs`]),
/// for the problems validation reports, and for the views that draw the controls. The forms
/// share the contributor's fields ([`FormField::Name`], [`FormField::Email`]) and the honeypot.
///
/// [`SuggestionForm::from_pairs`]: crate::SuggestionForm::from_pairs
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    Title,
    Link,
    Authors,
    Publisher,
    Year,
    Type,
    Approaches,
    Subjects,
    /// The kind of evidence, as the contributor sees it (optional: "Not sure").
    Evidence,
    Summary,
    Why,
    Topic,
    Message,
    Name,
    Email,
    Organisation,
    Consent,
    /// Which update emails: all new resources, or one collection's (the subscription form).
    Feed,
    /// The subscription form's required "email me" box (not [`FormField::Consent`], which is
    /// about being contacted over a suggestion).
    Agree,
    /// A public comment's text, its display name, the commenter's role and institution, and
    /// the required box agreeing to publication (the comment form).
    CommentText,
    DisplayName,
    Role,
    Institution,
    Publish,
    /// The honeypot: hidden from people, so only bots fill it.
    Website,
}

impl FormField {
    pub const ALL: [FormField; 25] = [
        FormField::Title,
        FormField::Link,
        FormField::Authors,
        FormField::Publisher,
        FormField::Year,
        FormField::Type,
        FormField::Approaches,
        FormField::Subjects,
        FormField::Evidence,
        FormField::Summary,
        FormField::Why,
        FormField::Topic,
        FormField::Message,
        FormField::Name,
        FormField::Email,
        FormField::Organisation,
        FormField::Consent,
        FormField::Feed,
        FormField::Agree,
        FormField::CommentText,
        FormField::DisplayName,
        FormField::Role,
        FormField::Institution,
        FormField::Publish,
        FormField::Website,
    ];

    /// The name the form submits it under.
    pub const fn name(self) -> &'static str {
        match self {
            FormField::Title => "title",
            FormField::Link => "link",
            FormField::Authors => "authors",
            FormField::Publisher => "publisher",
            FormField::Year => "year",
            FormField::Type => "type",
            FormField::Approaches => "approaches",
            FormField::Subjects => "subjects",
            FormField::Evidence => "evidence",
            FormField::Summary => "summary",
            FormField::Why => "why",
            FormField::Topic => "topic",
            FormField::Message => "message",
            FormField::Name => "name",
            FormField::Email => "email",
            FormField::Organisation => "organisation",
            FormField::Consent => "consent",
            FormField::Feed => "feed",
            FormField::Agree => "agree",
            FormField::CommentText => "comment",
            FormField::DisplayName => "display_name",
            FormField::Role => "role",
            FormField::Institution => "institution",
            FormField::Publish => "publish",
            FormField::Website => "website",
        }
    }

    /// The id of its control (or group), which error messages link to.
    pub fn id(self) -> String {
        format!("field-{}", self.name())
    }

    pub fn from_name(name: &str) -> Option<FormField> {
        FormField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A problem with one field; the interface says it in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: FormField,
    pub problem: Problem,
}

/// What is wrong with a field (the interface words each in its message catalogues).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Longer than `max` characters (`n` now).
    TooLong {
        max: usize,
        n: usize,
    },
    /// Not an email address.
    NotEmail,
    /// Happy to be contacted, with no address to contact.
    NoContactEmail,
    /// Not a web link (`https://` or `http://`).
    NotWebLink,
    /// A web link, but not to a page anyone can open (no dot in its host).
    NotPublicLink,
    /// A kind of evidence the taxonomy does not list.
    UnknownEvidence,
    NoSummary,
    NoTitle,
    NoLink,
    /// Neither authors nor a publisher.
    NoCredit,
    /// A year outside `from..=to`.
    YearOutOfRange {
        from: u16,
        to: u16,
    },
    NoType,
    UnknownType,
    NoApproach,
    /// Feedback without a topic.
    NoTopic,
    /// Feedback asking for an edit, without saying what.
    NoChange,
    /// Feedback without a message.
    NoMessage,
    /// A comment for publication with no text.
    NoComment,
    /// A comment for publication with no name to publish it with.
    NoPublishedName,
    /// A comment for publication without the agreement to publish it.
    NoPublishConsent,
    /// An update request with no address.
    NoSubscriberEmail,
    /// An update request for a feed that is not listed.
    UnknownFeed,
    /// An update request without the agreement to receive emails.
    NoUpdatesConsent,
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
