//! One submission in the outbox: what it carries, where it is, and what the visitor is told
//! and may do with it.

use super::*;

/// Where a submission stands, as the visitor is told it (the interface words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Not tried yet.
    Waiting,
    /// Tried and waiting to be tried again, for the reason the last try failed.
    Retrying(Option<Reason>),
    Sending,
    Sent,
    /// Given up on, for this reason.
    NotSent(Reason),
    /// Handed to the visitor's mail program.
    Mailed,
    /// Sent as a simple request, whose answer cannot be read.
    Unconfirmed,
    /// Waiting for a webhook the site no longer sends to; it now takes email.
    NowByEmail,
    /// Waiting for a webhook the site no longer sends to; it takes no submissions now.
    SwitchedOff,
}

/// One submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The idempotency key, also the entry's identity.
    pub key: String,
    /// "Suggested resource: …", for lists.
    pub label: String,
    /// When it was made (ISO 8601).
    pub created: String,
    /// What a webhook receives.
    pub payload: String,
    /// The email's subject and text, for the mailto channel and for copying.
    pub mail_subject: String,
    pub mail_body: String,
    pub delivery: Delivery,
    /// How many changes it has been through, counted across tabs (a Lamport clock): another
    /// tab's copy replaces this one only if it has been through more, so a late copy never
    /// undoes what this tab already knows.
    pub version: u64,
}

impl Entry {
    /// A new submission, waiting to be sent for the first time: its key, its label, when it was
    /// made, and what a webhook and an email get. Only the outbox moves it on from there.
    pub fn new(
        key: String,
        label: String,
        created: String,
        payload: String,
        mail_subject: String,
        mail_body: String,
    ) -> Entry {
        Entry {
            key,
            label,
            created,
            payload,
            mail_subject,
            mail_body,
            delivery: Delivery::Queued {
                attempts: 0,
                at: 0,
                reason: None,
            },
            version: 0,
        }
    }

    /// Can be sent now by the app's automatic loop.
    pub(super) fn due(&self, now: u64) -> bool {
        self.due_at().is_some_and(|at| at <= now)
    }

    /// When the automatic loop may (next) send this entry.
    pub(super) fn due_at(&self) -> Option<u64> {
        match self.delivery {
            Delivery::Queued { at, .. } => Some(at),
            Delivery::Sending { since, .. } => Some(since.saturating_add(STALE_SENDING_MS)),
            _ => None,
        }
    }

    /// Finished one way or the other: delivered, handed to the mail program, or given up on.
    pub fn is_final(&self) -> bool {
        self.is_delivered() || matches!(self.delivery, Delivery::Failed { .. })
    }

    /// Gone from this browser for good: sent (confirmed or not) or handed to the mail program.
    pub fn is_delivered(&self) -> bool {
        matches!(
            self.delivery,
            Delivery::Sent { .. } | Delivery::Mailed { .. } | Delivery::Unconfirmed { .. }
        )
    }

    /// The visitor may try it again now: it failed, or is waiting after a failed try.
    pub fn can_retry(&self) -> bool {
        matches!(
            self.delivery,
            Delivery::Failed { .. }
                | Delivery::Queued {
                    reason: Some(_),
                    ..
                }
        )
    }

    /// The visitor may remove it: only once it is final, so nothing on its way is lost.
    pub fn can_remove(&self) -> bool {
        self.is_final()
    }

    /// Where it stands: sent, waiting (and why), given up on (and why).
    pub fn status(&self) -> Status {
        match &self.delivery {
            Delivery::Queued {
                attempts: 0,
                reason: None,
                ..
            } => Status::Waiting,
            Delivery::Queued { reason, .. } => Status::Retrying(reason.clone()),
            Delivery::Sending { .. } => Status::Sending,
            Delivery::Sent { .. } => Status::Sent,
            Delivery::Failed { reason, .. } => Status::NotSent(reason.clone()),
            Delivery::Mailed { .. } => Status::Mailed,
            Delivery::Unconfirmed { .. } => Status::Unconfirmed,
        }
    }

    /// What the visitor is told and offered, given how the site takes submissions now. An
    /// entry waiting for a webhook the site no longer sends to is not lost: it can be opened by
    /// email (when the site takes email), copied or removed, and it is sent if a webhook comes
    /// back.
    pub fn offer(&self, via: Via) -> Offer {
        let waiting = matches!(
            self.delivery,
            Delivery::Queued { .. } | Delivery::Sending { .. }
        );
        if waiting && via != Via::Webhook {
            let status = match via {
                Via::Email => Status::NowByEmail,
                _ => Status::SwitchedOff,
            };
            return Offer {
                status,
                retry: false,
                remove: true,
            };
        }
        Offer {
            status: self.status(),
            // Only a webhook can be tried again; by email, the mail link is the way.
            retry: self.can_retry() && via == Via::Webhook,
            remove: self.can_remove(),
        }
    }

    /// A `mailto:` link for this entry, to open (again) in the visitor's mail program.
    pub fn mailto(&self, address: &str) -> String {
        crate::mailto::mailto(address, &self.mail_subject, &self.mail_body)
    }

    /// The text to copy: the email's subject and text.
    pub fn as_text(&self) -> String {
        format!("Subject: {}\n\n{}", self.mail_subject, self.mail_body)
    }
}
