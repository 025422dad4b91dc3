//! Contributions and feedback: what visitors type into the forms, its validation with a message
//! per field, the JSON a webhook receives, the mailto link, and the outbox that keeps every
//! submission until it has been delivered.
//!
//! Nothing here touches the browser: the app supplies the time, random bytes for keys and the
//! results of its network requests, and stores what [`outbox`] gives it.

mod form;
mod json;
pub mod outbox;
mod payload;

pub use form::{
    Checked, Contributor, Feedback, FeedbackForm, FieldError, Proposal, SuggestionForm, Topic,
    draft_json, draft_pairs, draft_pairs_from_value,
};
pub use outbox::{Delivery, Entry, Outbox, Outcome};
pub use payload::{MAILTO_LIMIT, SCHEMA_VERSION, Submission, Timestamp, mailto, new_key, slug};
