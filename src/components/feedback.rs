//! Feedback on one resource, from its page: suggest an edit, report a broken link, or comment.
//! Sent through the same channel and outbox as suggestions.

use std::sync::Arc;

use catalogue::Engine;
use contributions::{FeedbackForm, FormField, Submission, Topic, new_key};
use leptos::prelude::*;
use settings::Channel;

use crate::components::forms::{
    Choices, ContributorFields, ErrorSummary, Field, FormState, Honeypot, Input, NotKeptNotice,
};
use crate::components::submissions::Confirmation;
use crate::courier::Courier;
use crate::platform::random_bytes;
use crate::routes::Base;
use crate::text::{Msg, t};

const SUMMARY_ID: &str = "feedback-errors";
const THANKS_ID: &str = "feedback-thanks";

#[component]
pub fn FeedbackSection(engine: Arc<Engine>, position: usize) -> impl IntoView {
    let contributions = expect_context::<Courier>();
    let base = expect_context::<Base>();
    let channel = contributions.channel()?;
    let by_mail = matches!(channel, Channel::Mailto(_));
    let resource = engine.resource(position).clone();
    let state = FormState::new(format!("feedback:{}", resource.id), SUMMARY_ID, THANKS_ID);
    let FormState {
        errors, last, kept, ..
    } = state;
    let save_draft = move |ev: leptos::ev::Event| state.save(&ev);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        state.submit(&ev, |pairs, now| {
            FeedbackForm::from_pairs(pairs).check().map(|feedback| {
                Submission::feedback(new_key(random_bytes()), now, feedback, &resource)
            })
        });
    };
    let topics: Vec<_> = Topic::ALL
        .iter()
        .map(|&topic| {
            (
                topic.id().to_owned(),
                topic_label(topic).to_owned(),
                String::new(),
            )
        })
        .collect();
    let saved = state.draft();
    let has_draft = !saved.is_empty();
    let draft = FeedbackForm::from_pairs(saved);
    Some(view! {
        <section class="feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{t(Msg::FeedbackHeading)}</h2>
            <Confirmation last heading_id=THANKS_ID/>
            <details open=has_draft>
                <summary>{t(Msg::FeedbackSummary)}</summary>
                <NotKeptNotice kept=kept.into()/>
                <ErrorSummary id=SUMMARY_ID errors/>
                <form class="feedback-form" novalidate on:input=save_draft on:submit=submit aria-labelledby="feedback-heading">
                    <Choices field=FormField::Topic options=topics checked=vec![draft.topic] errors/>
                    <Field
                        field=FormField::Message
                        hint=Some(t(Msg::FeedbackMessageHint))
                        input=Input::Area
                        value=draft.message
                        errors
                    />
                    <ContributorFields value=draft.contributor errors/>
                    <Honeypot/>
                    <button type="submit" class="button">{t(if by_mail { Msg::FormsSendByEmail } else { Msg::FeedbackSend })}</button>
                </form>
                <p><a href=base.contribute()>{t(Msg::FeedbackSeeSubmissions)}</a></p>
            </details>
        </section>
    })
}

/// What a topic of feedback is called in its choice, in the page's language (the emails keep
/// [`Topic::label`]).
pub fn topic_label(topic: Topic) -> &'static str {
    t(match topic {
        Topic::Edit => Msg::FeedbackTopicEdit,
        Topic::BrokenLink => Msg::FeedbackTopicBrokenLink,
        Topic::Comment => Msg::FeedbackTopicComment,
    })
}
