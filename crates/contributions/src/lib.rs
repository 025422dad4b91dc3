//! Contributions and feedback: what visitors type into the four forms (suggest a resource,
//! feedback on one, update emails, a comment for publication), its validation with a message per field, the JSON a webhook
//! receives, the `mailto:` link, the drafts, and the outbox that keeps every submission until it
//! has been delivered. All four kinds become a [`Submission`] and travel the same way.
//!
//! Nothing here touches the browser: the app supplies the time, random bytes for keys and the
//! results of its network requests, and stores what [`outbox`] gives it.

mod comment;
mod draft;
mod field;
mod form;
mod json;
pub mod mailto;
pub mod outbox;
mod payload;
mod stamp;
mod subscription;
mod words;

pub use comment::{CommentForm, PublicComment};
pub use draft::{draft_json, draft_pairs};
pub use field::{Checked, FieldError, FormField, Problem};
pub use form::{Contributor, Feedback, FeedbackForm, Proposal, SuggestionForm, Topic};
pub use mailto::{MAILTO_LIMIT, mailto};
pub use outbox::{Attempt, Delivery, Entry, Offer, Outbox, Reason, Status, Via};
pub use payload::{SCHEMA_VERSION, SUGGESTED_BASIS, Submission};
pub use stamp::{Timestamp, new_key};
pub use subscription::{ALL_FEED, ALL_FEED_TITLE, SubscribeForm, Subscription};
pub use words::{Word, Words};
