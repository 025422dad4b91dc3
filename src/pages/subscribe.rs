//! "Get updates by email": the form that asks for update emails about all new resources or one
//! collection's. A request goes through the contribution channel and the outbox like a
//! suggestion (saved before it is sent, retried, never lost); the toolkit keeps no list itself.

use std::sync::Arc;

use catalogue::Engine;
use contributions::{ALL_FEED, FormField, Submission, SubscribeForm, new_key};
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
use crate::text::{Msg, collection_title, split_at, t};

/// The draft's name in storage.
const DRAFT: &str = "subscribe";
const SUMMARY_ID: &str = "subscribe-errors";
const THANKS_ID: &str = "subscribe-thanks";

#[component]
pub fn SubscribePage() -> impl IntoView {
    page_title(Box::new(|| t(Msg::SubscribeTitle).to_owned()));
    let contributions = expect_context::<Courier>();
    let base = expect_context::<Base>();
    // The link goes where the lede's {link} is, wherever the language puts it.
    let (before, after) = split_at(t(Msg::SubscribeLede), "link");
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(Msg::SubscribeTitle)}</h1>
        <p class="lede">
            {before}
            <a href=base.updates() rel="external">{t(Msg::SubscribeOtherWays)}</a>
            {after}
        </p>
        {match contributions.channel() {
            None => view! {
                <p class="notice">{t(Msg::SubscribeOff)}</p>
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
    // The (id, title) pairs the check knows, in the catalogue's own words: they name the
    // collection in the email to the editors.
    let collections: Vec<(String, String)> = engine
        .catalogue()
        .collections
        .iter()
        .map(|c| (c.id.clone(), c.title.clone()))
        .collect();
    let mut feeds = vec![(
        ALL_FEED.to_owned(),
        t(Msg::SubscribeAllFeed).to_owned(),
        String::new(),
    )];
    feeds.extend(engine.catalogue().collections.iter().map(|c| {
        (
            c.id.clone(),
            collection_title(c).to_owned(),
            t(Msg::SubscribeCollectionHint).to_owned(),
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
            <Field field=FormField::Name hint=Some(t(Msg::SubscribeNameHint)) autocomplete="name" value=draft.name errors/>
            <Choices field=FormField::Feed options=feeds checked=vec![feed] errors/>
            <Agreement field=FormField::Agree checked=draft.consent errors/>
            <Honeypot/>
            <p class="hint">
                {t(if by_mail { Msg::SubscribePrivacyMail } else { Msg::SubscribePrivacyList })}
            </p>
            <button type="submit" class="button">{t(if by_mail { Msg::FormsSendByEmail } else { Msg::SubscribeSend })}</button>
        </form>
        <Submissions/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_new_resources_reads_as_the_feeds_title_in_english() {
        assert_eq!(t(Msg::SubscribeAllFeed), contributions::ALL_FEED_TITLE);
    }
}
