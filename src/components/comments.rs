//! Comments from colleagues on a resource's page: the published ones, newest first, how
//! comments are moderated, and the form that sends one to the editors for publication (through
//! the same channel and outbox as every other submission).
//!
//! The published comments are written as HTML, like the cards (`resource_card`), every text
//! escaped; each comment's text takes its direction from its own first strong character
//! (`dir="auto"`), and its author's name is isolated (`<bdi>`), so right-to-left text shows as
//! written without turning the line around it.

use std::sync::Arc;

use catalogue::{Comment, Engine};
use contributions::{Checked, CommentForm, FormField, Submission, new_key};
use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};
use leptos::prelude::*;
use settings::Channel;

use crate::components::forms::{
    Agreement, ErrorSummary, Field, FormState, Honeypot, Input, NotKeptNotice,
};
use crate::components::submissions::Confirmation;
use crate::courier::Courier;

use crate::platform::random_bytes;
use crate::routes::Base;
use crate::text::{Count, Msg, counted, long_date, t};

const SUMMARY_ID: &str = "comment-errors";
const THANKS_ID: &str = "comment-thanks";
/// The id of the section's heading, which cards' "3 comments" links point to.
pub const COMMENTS_HEADING: &str = "comments-heading";

#[component]
pub fn CommentsSection(engine: Arc<Engine>, position: usize) -> impl IntoView {
    let base = expect_context::<Base>();
    let resource = engine.resource(position).clone();
    let comments = engine.catalogue().comments_on(&resource.id);
    let heading = match comments.len() {
        0 => t(Msg::CommentsHeading).to_owned(),
        n => counted(Count::CommentsHeading, n),
    };
    let list = comments_html(&comments);
    view! {
        <section class="comments" aria-labelledby=COMMENTS_HEADING>
            <h2 id=COMMENTS_HEADING>{heading}</h2>
            {if comments.is_empty() {
                view! { <p>{t(Msg::CommentsNone)}</p> }.into_any()
            } else {
                view! { <ol class="comment-list" inner_html=list></ol> }.into_any()
            }}
            <p><a href=base.comments_feed() rel="external" type="application/atom+xml">{t(Msg::CommentsFeed)}</a></p>
            <CommentForm resource/>
        </section>
    }
}

/// The published comments as the items of a list, for its `innerHTML`.
fn comments_html(comments: &[&Comment]) -> String {
    let mut html = String::new();
    for c in comments {
        html.push_str(r#"<li><article class="comment" id=""#);
        encode_double_quoted_attribute_to_string(c.anchor(), &mut html);
        html.push_str(r#""><p class="comment-byline"><bdi>"#);
        encode_text_to_string(c.byline(), &mut html);
        html.push_str(r#"</bdi> · <time datetime=""#);
        html.push_str(c.written.as_str());
        html.push_str(r#"">"#);
        encode_text_to_string(long_date(&c.written), &mut html);
        html.push_str(r#"</time></p><div class="comment-text" dir="auto">"#);
        for paragraph in c.paragraphs() {
            html.push_str("<p>");
            encode_text_to_string(paragraph, &mut html);
            html.push_str("</p>");
        }
        html.push_str("</div></article></li>");
    }
    html
}

/// The form that sends a comment for publication, folded until opened (or while a draft is
/// kept).
#[component]
fn CommentForm(resource: catalogue::Resource) -> impl IntoView {
    let contributions = expect_context::<Courier>();
    let channel = contributions.channel()?;
    let by_mail = matches!(channel, Channel::Mailto(_));
    let state = FormState::new(format!("comment:{}", resource.id), SUMMARY_ID, THANKS_ID);
    let FormState {
        errors, last, kept, ..
    } = state;
    let save_draft = move |ev: leptos::ev::Event| state.save(&ev);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        state.submit(&ev, |pairs, now| {
            let form = CommentForm::from_pairs(pairs);
            match form.check() {
                Checked::Invalid(errors) => Checked::Invalid(errors),
                checked => checked.map(|comment| {
                    Submission::comment(new_key(random_bytes()), now, comment, &resource)
                }),
            }
        });
    };
    let saved = state.draft();
    let has_draft = !saved.is_empty();
    let draft = CommentForm::from_pairs(saved);
    Some(view! {
        <Confirmation last heading_id=THANKS_ID/>
        <details class="comment-form" open=has_draft>
            <summary>{t(Msg::CommentsAdd)}</summary>
            <p>{t(Msg::CommentsPolicy)}</p>
            <NotKeptNotice kept=kept.into()/>
            <ErrorSummary id=SUMMARY_ID errors/>
            <form novalidate on:input=save_draft on:submit=submit aria-label=t(Msg::CommentsAdd)>
                <Field
                    field=FormField::CommentText
                    hint=Some(t(Msg::CommentsTextHint))
                    input=Input::Area
                    value=draft.text
                    errors
                />
                <Field field=FormField::DisplayName hint=Some(t(Msg::CommentsNameHint)) autocomplete="name" value=draft.name errors/>
                <Field field=FormField::Role autocomplete="organization-title" value=draft.role errors/>
                <Field field=FormField::Institution autocomplete="organization" value=draft.institution errors/>
                <Agreement field=FormField::Publish checked=draft.publish errors/>
                <Honeypot of="comment"/>
                <button type="submit" class="button">{t(if by_mail { Msg::CommentsSendByEmail } else { Msg::CommentsSend })}</button>
            </form>
        </details>
    })
}
