//! The words of the forms in the page's language: each field's label and each problem the
//! checks in `contributions` find (which give them as `FormField` and `Problem`, no words).

use contributions::{FormField, Problem};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_labels_in_english_are_the_fields_own() {
        for field in FormField::ALL {
            assert_eq!(field_label(field), field.label(), "{field:?}");
        }
    }
}
