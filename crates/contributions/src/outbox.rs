//! The outbox: every submission is kept here from the moment it is made until a receiver has
//! accepted it, and its state is what the visitor sees.
//!
//! This is the state machine only. The app stores each entry in the browser (one storage key per
//! entry, so two tabs never overwrite each other's submissions), makes the requests, and reports
//! each result back as an [`Attempt`]. Times are milliseconds since the Unix epoch.

mod entry;
mod reason;
mod stored;

pub use entry::{Entry, Status};
pub use reason::Reason;

/// Automatic tries before an entry is marked failed (the visitor can still retry it).
pub const MAX_ATTEMPTS: u32 = 10;

/// Waits after each failed automatic try, in seconds: about 34 minutes from the first try to the
/// last.
const BACKOFF_SECONDS: [u64; 9] = [2, 5, 15, 30, 60, 120, 300, 600, 900];

/// While the browser says it is offline, entries wait for it to come back (the app also wakes
/// them when it does); this is only a fallback check.
const OFFLINE_RECHECK_MS: u64 = 60_000;

/// A send that has not finished after this long was cut off (the page closed mid-request; the
/// request itself times out well before), so the entry may be sent again, by any tab.
pub const STALE_SENDING_MS: u64 = 60_000;

/// How long to wait after the `attempts`-th failed try.
pub fn backoff_ms(attempts: u32) -> u64 {
    let i = (attempts.max(1) as usize - 1).min(BACKOFF_SECONDS.len() - 1);
    BACKOFF_SECONDS[i] * 1000
}

/// Where a submission is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Waiting to be sent, not before `at`; `reason` says why the last try failed.
    Queued {
        attempts: u32,
        at: u64,
        reason: Option<Reason>,
    },
    /// A request is on its way, started at `since`.
    Sending { attempts: u32, since: u64 },
    /// The receiver accepted it.
    Sent { at: u64 },
    /// Not retried automatically: the receiver refused it, or every automatic try failed.
    Failed {
        attempts: u32,
        reason: Reason,
        /// When it failed (what another tab's copy is compared with).
        at: u64,
    },
    /// Handed to the visitor's mail program (the toolkit cannot know whether it was sent).
    Mailed { at: u64 },
    /// Sent as a simple request: it reached a server, whose answer the browser does not let
    /// the page read (an opaque response), so delivery is not confirmed. Never sent again
    /// automatically, so a receiver that took it does not get it twice.
    Unconfirmed { at: u64 },
}

/// What one try came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    /// A server answered, but its answer cannot be read (a simple request's opaque response).
    Unconfirmed,
    /// Worth trying again later: a network error, a timeout, a server error, "too many requests".
    Retry(Reason),
    /// Trying again will not help: the receiver refused this submission.
    Refused(Reason),
    /// The browser is offline; no try was made.
    Offline,
}

impl Attempt {
    /// Reads an HTTP status.
    pub fn from_status(status: u16) -> Attempt {
        match status {
            200..=299 => Attempt::Delivered,
            408 | 425 | 429 | 500..=599 => Attempt::Retry(Reason::Temporary(status)),
            _ => Attempt::Refused(Reason::Refused(status)),
        }
    }
}

/// How the site takes submissions now: what the outbox can do with an entry that is waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Sent to the configured webhook, and retried.
    Webhook,
    /// Opened in the visitor's mail program.
    Email,
    /// Contributions are switched off.
    Nowhere,
}

/// What the visitor is told about an entry and may do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub status: Status,
    pub retry: bool,
    pub remove: bool,
}

/// Every submission this browser has made, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outbox {
    entries: Vec<Entry>,
}

impl Outbox {
    /// From stored entries in any order.
    pub fn from_entries(entries: Vec<Entry>) -> Outbox {
        // One entry per key (the first given), then newest first. A browser holds tens of
        // entries, so a scan is fine (and smaller in the wasm than a set).
        let mut unique: Vec<Entry> = Vec::with_capacity(entries.len());
        for entry in entries {
            if unique.iter().all(|u| u.key != entry.key) {
                unique.push(entry);
            }
        }
        let mut entries = unique;
        entries.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.key.cmp(&b.key)));
        Outbox { entries }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.key == key)
    }

    /// Moves an entry to a new state, as one more change.
    fn set(entry: &mut Entry, delivery: Delivery) {
        entry.delivery = delivery;
        entry.version += 1;
    }

    /// Adds a new submission, to be sent at once. Adding a key that is already here changes
    /// nothing (a double click submits once).
    pub fn add(&mut self, mut entry: Entry, now: u64) {
        if self.get(&entry.key).is_some() {
            return;
        }
        Outbox::set(
            &mut entry,
            Delivery::Queued {
                attempts: 0,
                at: now,
                reason: None,
            },
        );
        self.entries.insert(0, entry);
    }

    /// Records a submission handed to the mail program.
    pub fn add_mailed(&mut self, mut entry: Entry, now: u64) {
        if self.get(&entry.key).is_some() {
            return;
        }
        Outbox::set(&mut entry, Delivery::Mailed { at: now });
        self.entries.insert(0, entry);
    }

    /// Keys of the entries to send now, oldest first.
    pub fn due(&self, now: u64) -> Vec<String> {
        self.entries
            .iter()
            .rev()
            .filter(|e| e.due(now))
            .map(|e| e.key.clone())
            .collect()
    }

    /// When the next queued entry falls due, if any.
    pub fn next_due(&self) -> Option<u64> {
        self.entries.iter().filter_map(Entry::due_at).min()
    }

    /// Marks an entry as being sent and gives it, if it was due.
    pub fn start(&mut self, key: &str, now: u64) -> Option<Entry> {
        let entry = self.get_mut(key).filter(|e| e.due(now))?;
        let attempts = match entry.delivery {
            Delivery::Queued { attempts, .. } | Delivery::Sending { attempts, .. } => attempts,
            _ => return None,
        };
        Outbox::set(
            entry,
            Delivery::Sending {
                attempts: attempts + 1,
                since: now,
            },
        );
        Some(entry.clone())
    }

    /// Records what a try came to.
    pub fn finish(&mut self, key: &str, attempt: Attempt, now: u64) {
        let Some(entry) = self.get_mut(key) else {
            return;
        };
        let Delivery::Sending { attempts, .. } = entry.delivery else {
            return;
        };
        let delivery = match attempt {
            Attempt::Delivered => Delivery::Sent { at: now },
            Attempt::Unconfirmed => Delivery::Unconfirmed { at: now },
            Attempt::Refused(reason) => Delivery::Failed {
                attempts,
                reason,
                at: now,
            },
            Attempt::Retry(reason) if attempts >= MAX_ATTEMPTS => Delivery::Failed {
                attempts,
                reason: Reason::GaveUp(Box::new(reason)),
                at: now,
            },
            Attempt::Retry(reason) => Delivery::Queued {
                attempts,
                at: now + backoff_ms(attempts),
                reason: Some(reason),
            },
            Attempt::Offline => Delivery::Queued {
                attempts: attempts.saturating_sub(1),
                at: now + OFFLINE_RECHECK_MS,
                reason: Some(Reason::Offline),
            },
        };
        Outbox::set(entry, delivery);
    }

    /// The visitor asked to try again: queued or failed entries are sent now, with a fresh count
    /// of automatic tries.
    pub fn retry_now(&mut self, key: &str, now: u64) {
        if let Some(entry) = self.get_mut(key)
            && matches!(
                entry.delivery,
                Delivery::Queued { .. } | Delivery::Failed { .. }
            )
        {
            let reason = match &entry.delivery {
                Delivery::Queued { reason, .. } => reason.clone(),
                _ => None,
            };
            Outbox::set(
                entry,
                Delivery::Queued {
                    attempts: 0,
                    at: now,
                    reason,
                },
            );
        }
    }

    /// The network is back: every queued entry is due now.
    pub fn wake(&mut self, now: u64) {
        for entry in &mut self.entries {
            if let Delivery::Queued { at, .. } = &mut entry.delivery
                && *at > now
            {
                *at = now;
                entry.version += 1;
            }
        }
    }

    /// Takes in an entry another tab stored or changed, unless what this tab knows outranks it.
    /// Delivered (sent, mailed, sent unconfirmed) is final: no copy undoes it. A failure gives way to a delivery,
    /// to a later failure, or to a fresh start ("Retry now") made after more changes than it
    /// ([`Entry::version`]). An entry on its way gives way to any final state, or to a copy that
    /// has been through more changes. (Tabs hear of each other's changes late, and may send the
    /// same entry at once.)
    pub fn merge(&mut self, entry: Entry) {
        match self.get_mut(&entry.key) {
            Some(mine) => {
                let newer = entry.version > mine.version;
                let delivered = |e: &Entry| e.is_delivered();
                let restart = matches!(
                    entry.delivery,
                    Delivery::Queued {
                        attempts: 0,
                        reason: None,
                        ..
                    }
                );
                let take = match mine.delivery {
                    Delivery::Sent { .. }
                    | Delivery::Mailed { .. }
                    | Delivery::Unconfirmed { .. } => false,
                    Delivery::Failed { .. } => {
                        delivered(&entry)
                            || newer
                                && (restart || matches!(entry.delivery, Delivery::Failed { .. }))
                    }
                    Delivery::Queued { .. } | Delivery::Sending { .. } => entry.is_final() || newer,
                };
                if take {
                    *mine = entry;
                }
            }
            None => {
                self.entries.push(entry);
                let entries = std::mem::take(&mut self.entries);
                *self = Outbox::from_entries(entries);
            }
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|e| e.key != key);
    }
}
