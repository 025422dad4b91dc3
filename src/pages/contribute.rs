//! "Suggest a resource": the contribution form, its draft, and this browser's submissions.

use std::sync::Arc;

use catalogue::evidence::UNCLEAR;
use catalogue::{Engine, Facet};
use contributions::{FieldError, FormField, Submission, SuggestionForm, new_key};
use leptos::prelude::*;
use settings::Channel;

use crate::components::forms::{
    Choices, ContributorFields, ErrorSummary, Field, FormState, Honeypot, Input, NotKeptNotice,
};
use crate::components::needs_catalogue::with_catalogue;
use crate::components::submissions::{Confirmation, Submissions};
use crate::courier::Courier;
use crate::pages::{HEADING_ID, page_title};
use crate::platform::random_bytes;
use crate::text::{Msg, t, term_description, term_label};

/// The draft's name in storage.
const DRAFT: &str = "suggestion";
const SUMMARY_ID: &str = "suggest-errors";
const THANKS_ID: &str = "suggest-thanks";

#[component]
pub fn ContributePage() -> impl IntoView {
    page_title(Box::new(|| t(Msg::ContributeTitle).to_owned()));
    let contributions = expect_context::<Courier>();
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(Msg::ContributeTitle)}</h1>
        <p class="lede">{t(Msg::ContributeLede)}</p>
        {match contributions.channel() {
            None => view! {
                <p class="notice">{t(Msg::ContributeOff)}</p>
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
    let contributions = expect_context::<Courier>();
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

    let draft = SuggestionForm::from_pairs(state.draft());
    let contributor = draft.contributor.clone();
    view! {
        <NotKeptNotice kept=kept.into()/>
        <Confirmation last heading_id=THANKS_ID/>
        <ErrorSummary id=SUMMARY_ID errors/>
        <form class="contribute-form" novalidate on:input=save_draft on:submit=submit aria-labelledby=HEADING_ID>
            {contributions.persistent.then(|| view! {
                <p class="hint">{t(Msg::ContributeDraftHint)}</p>
            })}
            <ResourceFields engine draft errors/>
            <ContributorFields value=contributor errors/>
            <Honeypot/>
            {by_mail.then(|| view! {
                <p class="hint">{t(Msg::ContributeMailHint)}</p>
            })}
            <button type="submit" class="button">{t(if by_mail { Msg::FormsSendByEmail } else { Msg::ContributeSend })}</button>
        </form>
    }
}

/// A facet's terms as the choices of a form: (id, label, description or nothing).
fn taxonomy_options(engine: &Engine, facet: Facet, shown: Shown) -> Vec<(String, String, String)> {
    engine
        .catalogue()
        .taxonomy
        .terms(facet)
        .iter()
        .map(|term| {
            let description = match shown {
                Shown::WithDescriptions => term_description(term).to_owned(),
                Shown::LabelsOnly => String::new(),
            };
            (term.id.clone(), term_label(term).to_owned(), description)
        })
        .collect()
}

/// The kinds of evidence as choices, "Not sure" first (and chosen until another is): a
/// suggestion is classified by the editors from its source whatever it says here. The kind for
/// a source that does not say is the editors' to choose, so it is not offered.
fn evidence_options(engine: &Engine) -> Vec<(String, String, String)> {
    let mut options = vec![(
        String::new(),
        t(Msg::ContributeNotSure).to_owned(),
        String::new(),
    )];
    let kinds = taxonomy_options(engine, Facet::Evidence, Shown::LabelsOnly).into_iter();
    options.extend(kinds.filter(|(id, _, _)| id != UNCLEAR));
    options
}

/// The fields that describe the resource, filled in from the draft.
#[component]
fn ResourceFields(
    engine: Arc<Engine>,
    draft: SuggestionForm,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let types = taxonomy_options(&engine, Facet::Type, Shown::WithDescriptions);
    let approaches = taxonomy_options(&engine, Facet::Approach, Shown::WithDescriptions);
    // Subjects are many and self-explanatory: their descriptions would make a long page.
    let subjects = taxonomy_options(&engine, Facet::Subject, Shown::LabelsOnly);
    let evidence = evidence_options(&engine);
    let text = |fields: Vec<(FormField, Option<&'static str>, Input, String)>| {
        fields
            .into_iter()
            .map(|(field, hint, input, value)| view! { <Field field hint input value errors/> })
            .collect_view()
    };
    let about = text(vec![
        (FormField::Title, None, Input::Text, draft.title),
        (
            FormField::Link,
            Some(t(Msg::ContributeLinkHint)),
            Input::Url,
            draft.link,
        ),
        (
            FormField::Authors,
            Some(t(Msg::ContributeAuthorsHint)),
            Input::Text,
            draft.authors,
        ),
        (FormField::Publisher, None, Input::Text, draft.publisher),
        (
            FormField::Year,
            Some(t(Msg::ContributeYearHint)),
            Input::Year,
            draft.year,
        ),
    ]);
    let in_words = text(vec![
        (
            FormField::Summary,
            Some(t(Msg::ContributeSummaryHint)),
            Input::Area,
            draft.summary,
        ),
        (
            FormField::Why,
            Some(t(Msg::ContributeWhyHint)),
            Input::Area,
            draft.why,
        ),
    ]);
    view! {
        {about}
        <Choices field=FormField::Type options=types checked=vec![draft.kind] errors/>
        <Choices
            field=FormField::Approaches
            hint=t(Msg::ContributeApproachesHint)
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
        <Choices
            field=FormField::Evidence
            hint=t(Msg::ContributeEvidenceHint)
            options=evidence
            checked=vec![draft.evidence]
            errors
        />
        {in_words}
    }
}
