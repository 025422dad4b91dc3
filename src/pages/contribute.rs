//! "Suggest a resource": the contribution form, its draft, and this browser's submissions.

use std::sync::Arc;

use catalogue::{Engine, Facet};
use contributions::{FormField, Submission, SuggestionForm, new_key};
use leptos::prelude::*;
use settings::Channel;

use crate::components::catalogue::with_catalogue;
use crate::components::forms::{
    Choices, ContributorFields, ErrorSummary, Field, FormState, Honeypot, Input, NotKeptNotice,
};
use crate::components::submissions::{Confirmation, Submissions};
use crate::contributions::Contributions;
use crate::pages::{HEADING_ID, page_title};
use crate::platform::random_bytes;

/// The draft's name in storage.
const DRAFT: &str = "suggestion";
const SUMMARY_ID: &str = "suggest-errors";
const THANKS_ID: &str = "suggest-thanks";

#[component]
pub fn ContributePage() -> impl IntoView {
    page_title(Box::new(|| "Suggest a resource".to_owned()));
    let contributions = expect_context::<Contributions>();
    view! {
        <h1 id=HEADING_ID tabindex="-1">"Suggest a resource"</h1>
        <p class="lead">
            "The toolkit grows through colleagues across the sector. Suggest research, case studies, intervention tools "
            "or learning materials that help institutions build environments in which students can thrive."
        </p>
        {match contributions.channel() {
            None => view! {
                <p class="notice">
                    "This copy of the toolkit is not set up to receive suggestions yet. "
                    "Its maintainer can switch them on with the “contribute” setting in config.json."
                </p>
                // Anything made while a channel was set stays visible, to copy.
                {(!contributions.entries().is_empty()).then(|| view! { <Submissions/> })}
            }
            .into_any(),
            Some(_) => with_catalogue(move |engine| view! { <SuggestForm engine/> <Submissions/> }.into_any()),
        }}
    }
}

/// How much of each taxonomy term a group of choices shows.
#[derive(Clone, Copy)]
enum Shown {
    WithDescriptions,
    LabelsOnly,
}

#[component]
fn SuggestForm(engine: Arc<Engine>) -> impl IntoView {
    let contributions = expect_context::<Contributions>();
    let state = FormState::new(DRAFT.to_owned(), SUMMARY_ID, THANKS_ID);
    let FormState {
        errors, last, kept, ..
    } = state;
    let by_mail = matches!(contributions.channel(), Some(Channel::Mailto(_)));

    let save_draft = move |ev: leptos::ev::Event| state.save(&ev);
    let submit = {
        let engine = engine.clone();
        move |ev: leptos::ev::SubmitEvent| {
            state.submit(&ev, |pairs, now| {
                let taxonomy = &engine.catalogue().taxonomy;
                SuggestionForm::from_pairs(pairs)
                    .check(taxonomy, now.year())
                    .map(|proposal| {
                        Submission::suggestion(new_key(random_bytes()), now, proposal, taxonomy)
                    })
            });
        }
    };

    let taxonomy_options = move |facet: Facet, shown: Shown| {
        engine
            .catalogue()
            .taxonomy
            .terms(facet)
            .iter()
            .map(|t| {
                let description = match shown {
                    Shown::WithDescriptions => t.description.clone(),
                    Shown::LabelsOnly => String::new(),
                };
                (t.id.clone(), t.label.clone(), description)
            })
            .collect::<Vec<_>>()
    };
    let types = taxonomy_options(Facet::Type, Shown::WithDescriptions);
    let approaches = taxonomy_options(Facet::Approach, Shown::WithDescriptions);
    // Subjects are many and self-explanatory: their descriptions would make a long page.
    let subjects = taxonomy_options(Facet::Subject, Shown::LabelsOnly);

    let draft = SuggestionForm::from_pairs(state.draft());
    view! {
        <NotKeptNotice kept=kept.into()/>
        <Confirmation last heading_id=THANKS_ID/>
        <ErrorSummary id=SUMMARY_ID errors/>
        <form class="contribute-form" novalidate on:input=save_draft on:submit=submit aria-labelledby=HEADING_ID>
            {contributions.persistent.then(|| view! {
                <p class="hint">"Your draft is saved in this browser as you type, so nothing is lost if you leave and come back."</p>
            })}
            <Field field=FormField::Title value=draft.title errors/>
            <Field
                field=FormField::Link
                hint="The publisher's own page for the resource (not a copy on another site)."
                input=Input::Url
                value=draft.link
                errors
            />
            <Field
                field=FormField::Authors
                hint="Separate names with semicolons. Leave empty if only the publisher is known."
                value=draft.authors
                errors
            />
            <Field field=FormField::Publisher value=draft.publisher errors/>
            <Field
                field=FormField::Year
                hint="For example, 2024."
                input=Input::Year
                value=draft.year
                errors
            />
            <Choices field=FormField::Type options=types checked=vec![draft.kind] errors/>
            <Choices
                field=FormField::Approaches
                hint="Choose every approach it supports."
                options=approaches
                checked=draft.approaches
                multiple=true
                errors
            />
            <Choices
                field=FormField::Subjects
                options=subjects
                checked=draft.subjects
                multiple=true
                errors
            />
            <Field
                field=FormField::Summary
                hint="What it is, in a sentence or two, in your own words."
                input=Input::Area
                value=draft.summary
                errors
            />
            <Field
                field=FormField::Why
                hint="How it helps institutions create an environment in which students thrive."
                input=Input::Area
                value=draft.why
                errors
            />
            <ContributorFields value=draft.contributor errors/>
            <Honeypot/>
            {by_mail.then(|| view! {
                <p class="hint">"Your email program will open with the suggestion filled in, ready to send."</p>
            })}
            <button type="submit" class="button">{if by_mail { "Send by email" } else { "Send suggestion" }}</button>
        </form>
    }
}
