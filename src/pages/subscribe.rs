//! "Get updates by email": the form that asks for update emails about all new resources or one
//! collection's. A request goes through the contribution channel and the outbox like a
//! suggestion (saved before it is sent, retried, never lost); the toolkit keeps no list itself.

use std::sync::Arc;

use catalogue::Engine;
use contributions::{ALL_FEED, ALL_FEED_TITLE, FormField, Submission, SubscribeForm, new_key};
use leptos::prelude::*;
use settings::Channel;

use crate::components::forms::{
    Agreement, Choices, ErrorSummary, Field, FormState, Honeypot, Input, NotKeptNotice,
};
use crate::components::needs_catalogue::with_catalogue;
use crate::components::submissions::{Confirmation, Submissions};
use crate::courier::Courier;
use crate::pages::{HEADING_ID, page_title};
use crate::platform::random_bytes;
use crate::routes::Base;

/// The draft's name in storage.
const DRAFT: &str = "subscribe";
const SUMMARY_ID: &str = "subscribe-errors";
const THANKS_ID: &str = "subscribe-thanks";

#[component]
pub fn SubscribePage() -> impl IntoView {
    page_title(Box::new(|| "Get updates by email".to_owned()));
    let contributions = expect_context::<Courier>();
    let base = expect_context::<Base>();
    view! {
        <h1 id=HEADING_ID tabindex="-1">"Get updates by email"</h1>
        <p class="lede">
            "Hear when resources are added to the toolkit, or to one of its collections. "
            "You can also follow the toolkit in a feed reader, Outlook or Teams, with nothing to sign up for: see "
            <a href=base.updates() rel="external">"other ways to get updates"</a> "."
        </p>
        {match contributions.channel() {
            None => view! {
                <p class="notice">
                    "This copy of the toolkit is not set up to take requests for update emails. "
                    "Its maintainer can switch them on with the “contribute” setting in config.json."
                </p>
            }
            .into_any(),
            Some(channel) => {
                let by_mail = matches!(channel, Channel::Mailto(_));
                with_catalogue(move |engine| view! { <SubscribeForm engine by_mail/> }.into_any())
            }
        }}
    }
}

#[component]
fn SubscribeForm(engine: Arc<Engine>, by_mail: bool) -> impl IntoView {
    let state = FormState::new(DRAFT.to_owned(), SUMMARY_ID, THANKS_ID);
    let FormState {
        errors, last, kept, ..
    } = state;
    let collections: Vec<(String, String)> = engine
        .catalogue()
        .collections
        .iter()
        .map(|c| (c.id.clone(), c.title.clone()))
        .collect();
    let mut feeds = vec![(
        ALL_FEED.to_owned(),
        ALL_FEED_TITLE.to_owned(),
        String::new(),
    )];
    feeds.extend(collections.iter().map(|(id, title)| {
        (
            id.clone(),
            title.clone(),
            "New resources in this collection".to_owned(),
        )
    }));
    let save_draft = move |ev: leptos::ev::Event| state.save(&ev);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        state.submit(&ev, |pairs, now| {
            SubscribeForm::from_pairs(pairs)
                .check(&collections)
                .map(|request| Submission::subscription(new_key(random_bytes()), now, request))
        });
    };
    let draft = SubscribeForm::from_pairs(state.draft());
    let feed = match draft.feed.is_empty() {
        true => ALL_FEED.to_owned(),
        false => draft.feed,
    };
    view! {
        <NotKeptNotice kept=kept.into()/>
        <Confirmation last heading_id=THANKS_ID/>
        <ErrorSummary id=SUMMARY_ID errors/>
        <form class="contribute-form" novalidate on:input=save_draft on:submit=submit aria-labelledby=HEADING_ID>
            <Field field=FormField::Email input=Input::Email autocomplete="email" value=draft.email errors/>
            <Field field=FormField::Name hint=Some("Optional.") autocomplete="name" value=draft.name errors/>
            <Choices field=FormField::Feed options=feeds checked=vec![feed] errors/>
            <Agreement field=FormField::Agree checked=draft.consent errors/>
            <Honeypot/>
            <p class="hint">
                "Your email address and name go only to the toolkit's editors, "
                {if by_mail { "in an email sent from your own email program" } else { "who add you to the list for update emails" }}
                ", and are used for nothing else. Every update email says how to stop them: reply “unsubscribe”, or write to the editors."
            </p>
            <button type="submit" class="button">{if by_mail { "Send by email" } else { "Ask for update emails" }}</button>
        </form>
        <Submissions/>
    }
}
