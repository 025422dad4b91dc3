//! The courier: submissions (suggestions, feedback, requests for update emails) as the app
//! delivers them. The outbox kept in the browser's storage, sent to the configured channel,
//! retried with backoff and when the network returns, shared between tabs; and the forms'
//! drafts.
//!
//! The decisions (validation, payloads, retry timing, state changes) are the `contributions`
//! crate's; this file stores, sends and schedules.

use contributions::{Entry, Outbox, Submission, Via};
use leptos::prelude::*;
use settings::{Channel, Request, SiteConfig};

use crate::components::form_words::mail_words;
use crate::contract::{self, DRAFT_KEY, OUTBOX_KEY, PROBE_KEY};
use crate::platform::{self, cancel_timer, now_ms, set_timer};

/// The outbox and drafts, shared by every page through context.
#[derive(Clone, Copy)]
pub struct Courier {
    outbox: RwSignal<Outbox>,
    channel: StoredValue<Option<Channel>>,
    site: StoredValue<String>,
    /// Prefix of this copy's storage keys (it includes the base path, so two toolkits on one
    /// origin keep separate outboxes).
    prefix: StoredValue<String>,
    /// Whether the browser lets the site keep anything; if not, drafts and the outbox live only
    /// as long as the page.
    pub persistent: bool,
    /// Drafts kept in memory when storage is refused, so moving between pages keeps them.
    memory_drafts: StoredValue<Vec<(String, String)>>,
    timer: StoredValue<Option<i32>>,
}

impl Courier {
    /// Loads this browser's outbox and starts sending what is due.
    pub fn start(config: &SiteConfig, base_path: &str) -> Courier {
        let prefix = contract::storage_prefix(base_path);
        let persistent = platform::storage_available(&[prefix.as_str(), PROBE_KEY].concat());
        let entries = platform::stored_with_prefix(&[prefix.as_str(), OUTBOX_KEY].concat())
            .into_iter()
            .filter_map(|(_, json)| stored_entry(&json))
            .collect();
        let this = Courier {
            outbox: RwSignal::new(Outbox::from_entries(entries)),
            channel: StoredValue::new(config.contribute.clone()),
            site: StoredValue::new(config.title.clone()),
            prefix: StoredValue::new(prefix),
            persistent,
            memory_drafts: StoredValue::new(Vec::new()),
            timer: StoredValue::new(None),
        };
        platform::on_online(move || {
            this.outbox.update(|o| o.wake(now_ms()));
            this.pump();
        });
        platform::on_storage_change(move |key, value| this.changed_elsewhere(key, value));
        this.pump();
        this
    }

    /// The service as a static page shows it: this site's channel, nothing submitted yet, and
    /// drafts assumed to be kept (as in most browsers), with no storage, timers or listeners.
    #[cfg(feature = "ssr")]
    pub fn inert(config: &SiteConfig) -> Courier {
        Courier {
            outbox: RwSignal::new(Outbox::from_entries(Vec::new())),
            channel: StoredValue::new(config.contribute.clone()),
            site: StoredValue::new(config.title.clone()),
            prefix: StoredValue::new(String::new()),
            persistent: true,
            memory_drafts: StoredValue::new(Vec::new()),
            timer: StoredValue::new(None),
        }
    }

    pub fn channel(self) -> Option<Channel> {
        self.channel.get_value()
    }

    /// How this site takes submissions now, as the outbox sees it.
    pub fn via(self) -> Via {
        match self.channel() {
            Some(Channel::Webhook(..)) => Via::Webhook,
            Some(Channel::Mailto(_)) => Via::Email,
            None => Via::Nowhere,
        }
    }

    /// Every submission, newest first (reactive).
    pub fn entries(self) -> Vec<Entry> {
        self.outbox.with(|o| o.entries().to_vec())
    }

    pub fn entry(self, key: &str) -> Option<Entry> {
        self.outbox.with(|o| o.get(key).cloned())
    }

    fn outbox_key(self, key: &str) -> String {
        [self.prefix.get_value().as_str(), OUTBOX_KEY, key].concat()
    }

    /// Writes one entry as it now is (or removes it once it is gone).
    fn save(self, key: &str) {
        match self
            .outbox
            .with_untracked(|o| o.get(key).map(Entry::to_json))
        {
            // If storage is refused the entry lives on in memory; the page says so.
            Some(json) => _ = platform::store(&self.outbox_key(key), &json),
            None => platform::unstore(&self.outbox_key(key)),
        }
    }

    /// Takes a submission: saves it first, then sends it (webhook) or opens the mail program
    /// (mailto).
    pub fn submit(self, submission: &Submission) {
        // (Its label and email in the visitor's language.)
        let entry = submission.to_entry(&self.site.get_value(), &mail_words);
        let key = entry.key.clone();
        match self.channel() {
            Some(Channel::Mailto(address)) => {
                let link = entry.mailto(&address);
                self.outbox.update(|o| o.add_mailed(entry, now_ms()));
                self.save(&key);
                platform::open(&link);
            }
            Some(Channel::Webhook(..)) | None => {
                self.outbox.update(|o| o.add(entry, now_ms()));
                self.save(&key);
                self.pump();
            }
        }
    }

    /// Tries a queued or failed entry again now.
    pub fn retry(self, key: &str) {
        self.outbox.update(|o| o.retry_now(key, now_ms()));
        self.save(key);
        self.pump();
    }

    pub fn remove(self, key: &str) {
        self.outbox.update(|o| o.remove(key));
        self.save(key);
    }

    /// Sends every entry that is due, then sleeps until the next one is.
    fn pump(self) {
        let Some(Channel::Webhook(url, request)) = self.channel() else {
            return;
        };
        let now = now_ms();
        for key in self.outbox.with_untracked(|o| o.due(now)) {
            let Some(entry) = self.outbox.try_update(|o| o.start(&key, now)).flatten() else {
                continue;
            };
            self.save(&key);
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let simple = request == Request::Simple;
                let attempt = platform::post_json(&url, &entry.payload, &entry.key, simple).await;
                self.outbox
                    .update(|o| o.finish(&entry.key, attempt, now_ms()));
                self.save(&entry.key);
                self.schedule();
            });
        }
        self.schedule();
    }

    /// Sets the one timer for the next due entry.
    fn schedule(self) {
        if let Some(timer) = self.timer.get_value() {
            cancel_timer(timer);
        }
        let next = self.outbox.with_untracked(|o| o.next_due());
        let timer = next.and_then(|at| set_timer(at.saturating_sub(now_ms()), move || self.pump()));
        self.timer.set_value(timer);
    }

    /// Another tab added, changed or removed an entry.
    fn changed_elsewhere(self, key: String, value: Option<String>) {
        let Some(entry_key) = key
            .strip_prefix(&[self.prefix.get_value().as_str(), OUTBOX_KEY].concat())
            .map(str::to_owned)
        else {
            return;
        };
        match value.as_deref().and_then(stored_entry) {
            Some(entry) => self.outbox.update(|o| o.merge(entry)),
            None => self.outbox.update(|o| o.remove(&entry_key)),
        }
        self.schedule();
    }

    fn draft_key(self, name: &str) -> String {
        [self.prefix.get_value().as_str(), DRAFT_KEY, name].concat()
    }

    /// A form's saved draft (JSON), if any.
    pub fn draft(self, name: &str) -> Option<String> {
        if self.persistent {
            platform::stored(&self.draft_key(name))
        } else {
            self.memory_drafts
                .with_value(|d| d.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()))
        }
    }

    /// Saves a draft as it is typed; `None` forgets it. False if it could not be kept.
    pub fn set_draft(self, name: &str, json: Option<String>) -> bool {
        self.memory_drafts.update_value(|d| {
            d.retain(|(n, _)| n != name);
            if let Some(json) = &json {
                d.push((name.to_owned(), json.clone()));
            }
        });
        if !self.persistent {
            return false;
        }
        match json {
            Some(json) => platform::store(&self.draft_key(name), &json),
            None => {
                platform::unstore(&self.draft_key(name));
                true
            }
        }
    }
}

/// An outbox entry as stored; `None` for anything else under the prefix or a damaged value.
fn stored_entry(json: &str) -> Option<Entry> {
    Entry::from_value(&platform::parse_json(json).ok()?)
}
