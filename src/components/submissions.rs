//! "Your submissions": everything this browser has sent or is still trying to send, with what
//! became of it and what can be done (retry, open in the mail program again, copy, remove).

use contributions::{Delivery, Entry};
use leptos::prelude::*;
use settings::Channel;

use crate::courier::Courier;
use crate::platform::{copy_text, focus};

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
            <h2 id="submissions-heading">"Your submissions"</h2>
            <p class="hint">
                {if contributions.persistent {
                    "Kept in this browser until they are delivered, so nothing is lost if the network fails or you close the page."
                } else {
                    "Kept only while this page is open: this browser does not let the toolkit save them."
                }}
            </p>
            <p class="visually-hidden" role="status">{move || said.get()}</p>
            {move || {
                let entries = contributions.entries();
                if entries.is_empty() {
                    view! { <p>"Nothing yet."</p> }.into_any()
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
    let offer = entry.offer(contributions.via());
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
            said.set("Removed from your submissions.".to_owned());
            focus("submissions-heading");
        }
    };
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            said.set(
                if copy_text(&text).await {
                    "Copied: paste it into an email or document."
                } else {
                    "Copying is not available here."
                }
                .to_owned(),
            );
        });
    };
    view! {
        <li class=format!("submission {state}") id=entry_id(&key) tabindex="-1">
            <p class="submission-label">{entry.label.clone()}</p>
            <p class="submission-meta">{format!("Made {date}")}</p>
            <p class="submission-status">{offer.status}</p>
            <div class="submission-actions">
                {offer.retry.then(|| view! { <button type="button" class="button small" on:click=retry>"Retry now"</button> })}
                {mailto.map(|href| view! { <a class="button small secondary" href=href>"Open in your email program"</a> })}
                <button type="button" class="button small secondary" on:click=copy>"Copy text"</button>
                {offer.remove.then(|| view! { <button type="button" class="button small secondary" on:click=remove>"Remove"</button> })}
            </div>
        </li>
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
            return view! { <p>"Your submission has been received."</p> }.into_any();
        };
        let Some(entry) = contributions.entry(key) else {
            return ().into_any();
        };
        match (entry.delivery.clone(), contributions.channel()) {
            (Delivery::Mailed { .. }, Some(Channel::Mailto(address))) => view! {
                <p>
                    "Your email program should have opened with “" {entry.label.clone()}
                    "” filled in. Send the email from there to finish."
                </p>
                <p>
                    <a href=entry.mailto(&address)>"Open it in your email program again"</a>
                    ", or copy the text under “Your submissions”."
                </p>
            }
            .into_any(),
            _ => view! {
                <p>"“" {entry.label.clone()} "”: " <strong>{entry.offer(contributions.via()).status}</strong></p>
                <p>"It is saved in your submissions below until it has been delivered."</p>
            }
            .into_any(),
        }
    };
    view! {
        <div class="confirmation-region" role="status">
            {move || {
                shown.get().map(|submitted| {
                    view! {
                        <div class="notice confirmation">
                            <h2 id=heading_id tabindex="-1">"Thank you"</h2>
                            {move || body(&submitted)}
                        </div>
                    }
                })
            }}
        </div>
    }
}
