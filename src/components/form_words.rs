//! The words of the forms in the page's language: each field's label, each problem the checks
//! in `contributions` find (which give them as `FormField` and `Problem`, no words), and the
//! words of a submission's label and email (`Word`).

use contributions::{FormField, Problem, Topic, Word};

use crate::text::{Msg, fill, t};

/// A field's label (or, for a group of choices, its legend) in the page's language: the
/// catalogue's words for [`FormField::label`], which stays the English the emails use.
pub fn field_label(field: FormField) -> &'static str {
    t(match field {
        FormField::Title => Msg::FormsFieldTitle,
        FormField::Link => Msg::FormsFieldLink,
        FormField::Authors => Msg::FormsFieldAuthors,
        FormField::Publisher => Msg::FormsFieldPublisher,
        FormField::Year => Msg::FormsFieldYear,
        FormField::Type => Msg::FormsFieldType,
        FormField::Approaches => Msg::FormsFieldApproaches,
        FormField::Subjects => Msg::FormsFieldSubjects,
        FormField::Evidence => Msg::FormsFieldEvidence,
        FormField::Summary => Msg::FormsFieldSummary,
        FormField::Why => Msg::FormsFieldWhy,
        FormField::Topic => Msg::FormsFieldTopic,
        FormField::Message => Msg::FormsFieldMessage,
        FormField::Name => Msg::FormsFieldName,
        FormField::Email => Msg::FormsFieldEmail,
        FormField::Organisation => Msg::FormsFieldOrganisation,
        FormField::Consent => Msg::FormsFieldConsent,
        FormField::Feed => Msg::FormsFieldFeed,
        FormField::Agree => Msg::FormsFieldAgree,
        FormField::CommentText => Msg::FormsFieldCommentText,
        FormField::DisplayName => Msg::FormsFieldDisplayName,
        FormField::Role => Msg::FormsFieldRole,
        FormField::Institution => Msg::FormsFieldInstitution,
        FormField::Publish => Msg::FormsFieldPublish,
        FormField::Website => Msg::FormsFieldWebsite,
    })
}

/// What is wrong with a field, in the page's language.
pub fn problem_text(problem: Problem) -> String {
    let msg = match problem {
        Problem::TooLong { max, n } => {
            let (max, n) = (max.to_string(), n.to_string());
            return fill(Msg::ProblemTooLong, &[("max", &max), ("n", &n)]);
        }
        Problem::YearOutOfRange { from, to } => {
            let (from, to) = (from.to_string(), to.to_string());
            return fill(Msg::ProblemYearOutOfRange, &[("from", &from), ("to", &to)]);
        }
        Problem::NotEmail => Msg::ProblemNotEmail,
        Problem::NoContactEmail => Msg::ProblemNoContactEmail,
        Problem::NotWebLink => Msg::ProblemNotWebLink,
        Problem::NotPublicLink => Msg::ProblemNotPublicLink,
        Problem::UnknownEvidence => Msg::ProblemUnknownEvidence,
        Problem::NoSummary => Msg::ProblemNoSummary,
        Problem::NoTitle => Msg::ProblemNoTitle,
        Problem::NoLink => Msg::ProblemNoLink,
        Problem::NoCredit => Msg::ProblemNoCredit,
        Problem::NoType => Msg::ProblemNoType,
        Problem::UnknownType => Msg::ProblemUnknownType,
        Problem::NoApproach => Msg::ProblemNoApproach,
        Problem::NoTopic => Msg::ProblemNoTopic,
        Problem::NoChange => Msg::ProblemNoChange,
        Problem::NoMessage => Msg::ProblemNoMessage,
        Problem::NoComment => Msg::ProblemNoComment,
        Problem::NoPublishedName => Msg::ProblemNoPublishedName,
        Problem::NoPublishConsent => Msg::ProblemNoPublishConsent,
        Problem::NoSubscriberEmail => Msg::ProblemNoSubscriberEmail,
        Problem::UnknownFeed => Msg::ProblemUnknownFeed,
        Problem::NoUpdatesConsent => Msg::ProblemNoUpdatesConsent,
    };
    t(msg).to_owned()
}

/// The words of a submission's label and email (see `contributions::Word`), in the page's
/// language: the visitor's email is written in the language they read.
pub fn mail_words(word: Word, args: &[(&str, &str)]) -> String {
    let msg = match word {
        Word::LabelSuggestion => Msg::MailLabelSuggestion,
        Word::LabelFeedback(Topic::Edit) => Msg::MailLabelEdit,
        Word::LabelFeedback(Topic::BrokenLink) => Msg::MailLabelBrokenLink,
        Word::LabelFeedback(Topic::Comment) => Msg::MailLabelFeedback,
        Word::LabelUpdates => Msg::MailLabelUpdates,
        Word::LabelComment => Msg::MailLabelComment,
        Word::AllNewResources => Msg::MailAllNewResources,
        Word::Subject => Msg::MailSubject,
        Word::Title => Msg::MailTitle,
        Word::Link => Msg::MailLink,
        Word::Authors => Msg::MailAuthors,
        Word::Publisher => Msg::MailPublisher,
        Word::Year => Msg::MailYear,
        Word::Type => Msg::MailType,
        Word::Approaches => Msg::MailApproaches,
        Word::Subjects => Msg::MailSubjects,
        Word::KindOfEvidence => Msg::MailKindOfEvidence,
        Word::NotSure => Msg::MailNotSure,
        Word::About => Msg::MailAbout,
        Word::ItsLink => Msg::MailItsLink,
        Word::Feedback => Msg::MailFeedback,
        Word::Topic(Topic::Edit) => Msg::FeedbackTopicEdit,
        Word::Topic(Topic::BrokenLink) => Msg::FeedbackTopicBrokenLink,
        Word::Topic(Topic::Comment) => Msg::FeedbackTopicComment,
        Word::AgreedToPublish => Msg::FormsFieldPublish,
        Word::AgreeLabel => Msg::FormsFieldAgree,
        Word::AllNewResourcesFeed => Msg::SubscribeAllFeed,
        Word::Yes => Msg::MailYes,
        Word::Summary => Msg::MailSummary,
        Word::WhyItHelps => Msg::MailWhyItHelps,
        Word::Message => Msg::MailMessage,
        Word::Comment => Msg::MailComment,
        Word::From => Msg::MailFrom,
        Word::Contact(true) => Msg::MailContactYes,
        Word::Contact(false) => Msg::MailContactNo,
        Word::On => Msg::MailOn,
        Word::NameToPublish => Msg::MailNameToPublish,
        Word::Role => Msg::MailRole,
        Word::Institution => Msg::MailInstitution,
        Word::UpdatesRequest => Msg::MailUpdatesRequest,
        Word::UpdatesAboutCollection => Msg::MailUpdatesAboutCollection,
        Word::CollectionFeed => Msg::MailCollectionFeed,
        Word::Email => Msg::MailEmail,
        Word::Name => Msg::MailName,
        Word::Updates => Msg::MailUpdates,
        Word::Consent => Msg::MailConsent,
        Word::HowToStop => Msg::MailHowToStop,
    };
    fill(msg, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word names its message by the key the catalogues use.
    #[test]
    fn each_word_is_its_keys_message() {
        let english = crate::text::english_catalogue();
        for word in Word::ALL {
            assert_eq!(
                mail_words(word, &[]),
                english.fill(word.key(), &[]),
                "{word:?}"
            );
        }
    }
}
