//! "Your submissions": everything this browser has sent or is still trying to send, with what
//! became of it and what can be done (retry, open in the mail program again, copy, remove).

use contributions::{Delivery, Entry, Reason, Status, Via};
use leptos::prelude::*;
use settings::Channel;

use crate::courier::Courier;
use crate::platform::{copy_text, focus};
use crate::text::{Msg, fill, split_at, t};

fn entry_id(key: &str) -> String {
    format!("submission-{key}")
}

/// The whole list, newest first; nothing when it is empty.
#[component]
pub fn Submissions() -> impl IntoView {
    let contributions = expect_context::<Courier>();
    let said = RwSignal::new(String::new());
    view! {
        <section class="submissions" aria-labelledby="submissions-heading">
            <h2 id="submissions-heading">{t(Msg::OutboxHeading)}</h2>
            <p class="hint">
                {t(if contributions.persistent { Msg::OutboxKept } else { Msg::OutboxNotKept })}
            </p>
            <p class="visually-hidden" role="status">{move || said.get()}</p>
            {move || {
                let entries = contributions.entries();
                if entries.is_empty() {
                    view! { <p>{t(Msg::OutboxEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="submission-list">
                            {entries.into_iter().map(|e| view! { <Item entry=e said/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Item(entry: Entry, said: RwSignal<String>) -> impl IntoView {
    let contributions = expect_context::<Courier>();
    let key = entry.key.clone();
    let state = match entry.delivery {
        Delivery::Failed { .. } => "failed",
        _ if entry.is_final() => "done",
        _ => "pending",
    };
    let via = contributions.via();
    let offer = entry.offer(via);
    let status = status(&entry, via);
    let mailto = match contributions.channel() {
        Some(Channel::Mailto(address)) => Some(entry.mailto(&address)),
        _ => None,
    };
    let date = entry.created.get(..10).unwrap_or_default().to_owned();
    let text = entry.as_text();
    let retry = {
        let key = key.clone();
        move |_| {
            contributions.retry(&key);
            let id = entry_id(&key);
            request_animation_frame(move || focus(&id));
        }
    };
    let remove = {
        let key = key.clone();
        move |_| {
            contributions.remove(&key);
            said.set(t(Msg::OutboxRemoved).to_owned());
            focus("submissions-heading");
        }
    };
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&text).await;
            said.set(
                t(if copied {
                    Msg::OutboxCopied
                } else {
                    Msg::OutboxCopyUnavailable
                })
                .to_owned(),
            );
        });
    };
    view! {
        <li class=format!("submission {state}") id=entry_id(&key) tabindex="-1">
            <p class="submission-label">{entry.label.clone()}</p>
            <p class="submission-meta">{fill(Msg::OutboxMade, &[("date", &date)])}</p>
            <p class="submission-status">{status}</p>
            <div class="submission-actions">
                {offer.retry.then(|| view! { <button type="button" class="button small" on:click=retry>{t(Msg::OutboxRetry)}</button> })}
                {mailto.map(|href| view! { <a class="button small secondary" href=href>{t(Msg::OutboxOpenMail)}</a> })}
                <button type="button" class="button small secondary" on:click=copy>{t(Msg::OutboxCopy)}</button>
                {offer.remove.then(|| view! { <button type="button" class="button small secondary" on:click=remove>{t(Msg::OutboxRemove)}</button> })}
            </div>
        </li>
    }
}

/// What the visitor is told about `entry`, given how the site takes submissions now
/// ([`Entry::offer`]), in the page's language.
fn status(entry: &Entry, via: Via) -> String {
    let because = |msg: Msg, reason: &Reason| fill(msg, &[("reason", &reason_text(reason, entry))]);
    match entry.offer(via).status {
        Status::Waiting => t(Msg::OutboxStatusWaiting).to_owned(),
        Status::Retrying(Some(reason)) => because(Msg::OutboxStatusRetryingBecause, &reason),
        Status::Retrying(None) => t(Msg::OutboxStatusRetrying).to_owned(),
        Status::Sending => t(Msg::OutboxStatusSending).to_owned(),
        Status::Sent => t(Msg::OutboxStatusSent).to_owned(),
        Status::NotSent(reason) => because(Msg::OutboxStatusNotSent, &reason),
        Status::Mailed => t(Msg::OutboxStatusMailed).to_owned(),
        Status::Unconfirmed => t(Msg::OutboxStatusUnconfirmed).to_owned(),
        Status::NowByEmail => t(Msg::OutboxStatusNowByEmail).to_owned(),
        Status::SwitchedOff => t(Msg::OutboxStatusSwitchedOff).to_owned(),
    }
}

/// Why a try failed, in the page's language (words an earlier version kept, as they are).
fn reason_text(reason: &Reason, entry: &Entry) -> String {
    let status = |msg: Msg, code: &u16| fill(msg, &[("status", &code.to_string())]);
    match reason {
        Reason::Temporary(code) => status(Msg::OutboxReasonTemporary, code),
        Reason::Refused(code) => status(Msg::OutboxReasonRefused, code),
        Reason::Unprepared(why) => fill(Msg::OutboxReasonUnprepared, &[("why", why)]),
        Reason::Timeout => t(Msg::OutboxReasonTimeout).to_owned(),
        Reason::Unreachable => t(Msg::OutboxReasonUnreachable).to_owned(),
        Reason::Offline => t(Msg::OutboxReasonOffline).to_owned(),
        Reason::GaveUp(last) => {
            let attempts = match entry.delivery {
                Delivery::Failed { attempts, .. } => attempts,
                _ => 0,
            };
            let last = reason_text(last, entry);
            let attempts = attempts.to_string();
            fill(
                Msg::OutboxReasonGaveUp,
                &[("reason", &last), ("attempts", &attempts)],
            )
        }
        Reason::Words(words) => words.clone(),
    }
}

/// What the last submit from a form came to, shown above the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Saved in the outbox under this key.
    Entry(String),
    /// The honeypot was filled: thanked, and dropped.
    Dropped,
}

/// The confirmation after a submit: a live region, so the entry's progress (sending, sent,
/// waiting to retry) is announced as it changes. `heading_id` receives focus after a submit.
///
/// The heading is built once per submit and only the text under it follows the entry's
/// progress, so the heading keeps focus while the status changes.
#[component]
pub fn Confirmation(last: RwSignal<Option<Submitted>>, heading_id: &'static str) -> impl IntoView {
    let contributions = expect_context::<Courier>();
    // The last submit while it is still listed (an entry removed from the list takes its
    // confirmation with it).
    let shown = Memo::new(move |_| {
        last.get().filter(|submitted| match submitted {
            Submitted::Entry(key) => contributions.entry(key).is_some(),
            Submitted::Dropped => true,
        })
    });
    let body = move |submitted: &Submitted| {
        let Submitted::Entry(key) = submitted else {
            return view! { <p>{t(Msg::OutboxReceived)}</p> }.into_any();
        };
        let Some(entry) = contributions.entry(key) else {
            return ().into_any();
        };
        match (entry.delivery.clone(), contributions.channel()) {
            (Delivery::Mailed { .. }, Some(Channel::Mailto(address))) => {
                // The link goes where the message's {link} is.
                let (before, after) = split_at(t(Msg::OutboxOpenAgain), "link");
                view! {
                    <p>{fill(Msg::OutboxMailOpened, &[("label", &entry.label)])}</p>
                    <p>
                        {before}
                        <a href=entry.mailto(&address)>{t(Msg::OutboxOpenAgainLink)}</a>
                        {after}
                    </p>
                }
                .into_any()
            }
            _ => {
                // The status goes where the message's {status} is, in bold; the label is
                // filled in after the cut, so a label's own braces are left alone.
                let (before, after) = split_at(t(Msg::OutboxEntryStatus), "status");
                let label = |part: &str| part.replace("{label}", &entry.label);
                view! {
                    <p>
                        {label(before)}
                        <strong>{status(&entry, contributions.via())}</strong>
                        {label(after)}
                    </p>
                    <p>{t(Msg::OutboxSavedBelow)}</p>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="confirmation-region" role="status">
            {move || {
                shown.get().map(|submitted| {
                    view! {
                        <div class="notice confirmation">
                            <h2 id=heading_id tabindex="-1">{t(Msg::OutboxThanks)}</h2>
                            {move || body(&submitted)}
                        </div>
                    }
                })
            }}
        </div>
    }
}
