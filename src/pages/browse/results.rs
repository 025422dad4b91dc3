//! The result count (announced to screen readers), the result list, and the no-results help.

use catalogue::{Facet, Relaxation};
use leptos::prelude::*;

use super::BrowseState;
use super::filters::RESULT_COUNT_ID;
use crate::components::plural;
use crate::components::resource_card::ResourceCard;
use crate::pages::Navigated;
use crate::platform::{focus, focus_selector};
use crate::routes::History;

/// Results rendered at first and added by each "Show more". The list is re-rendered whole on
/// each change, which at this size is quicker than keyed diffing and smaller in wasm.
const PAGE_SIZE: usize = 50;

/// How many results the static browse page lists (all of them, for crawlers and readers
/// without scripts, up to this many), and so how many the app shows when it takes over that
/// page: the visit's first page, unfiltered.
pub const STATIC_LIST_MAX: usize = 1000;

#[component]
pub fn Results(state: BrowseState) -> impl IntoView {
    let BrowseState {
        engine,
        query,
        outcome,
        ..
    } = state.clone();
    let static_page = Navigated::first_page() && !query.with_untracked(|q| q.is_filtered());
    let shown = RwSignal::new(if static_page {
        STATIC_LIST_MAX
    } else {
        PAGE_SIZE
    });
    // A new query starts again from the top of its results.
    Effect::new(move |ran_before: Option<()>| {
        query.track();
        if ran_before.is_some() {
            shown.set(PAGE_SIZE);
        }
    });
    let total = engine.len();
    let count_text = move || {
        let found = outcome.with(|o| o.hits.len());
        let filtered = query.with(|q| q.is_filtered());
        match (filtered, found) {
            (false, _) => format!("Showing all {}", plural(total, "resource")),
            (true, 0) => "No resources match".to_owned(),
            (true, 1) => format!("1 of {total} resources matches"),
            (true, n) => format!("{n} of {total} resources match"),
        }
    };
    let visible =
        move || outcome.with(|o| o.hits.iter().take(shown.get()).copied().collect::<Vec<_>>());
    let remaining = move || outcome.with(|o| o.hits.len().saturating_sub(shown.get()));
    view! {
        <p id=RESULT_COUNT_ID class="result-count" role="status" tabindex="-1">{count_text}</p>
        <ol class="result-list" aria-labelledby="results-heading">
            {move || {
                visible()
                    .into_iter()
                    .map(|position| view! { <li><ResourceCard engine=engine.clone() position/></li> })
                    .collect_view()
            }}
        </ol>
        {move || (remaining() > 0).then(|| view! {
            <button type="button" class="button secondary" on:click=move |_| {
                let first_new = shown.get_untracked() + 1;
                shown.update(|n| *n += PAGE_SIZE);
                // The button is replaced; continue from the first newly shown result.
                request_animation_frame(move || {
                    focus_selector(&format!(".result-list > li:nth-child({first_new}) a"))
                });
            }>
                {format!("Show {} more", remaining().min(PAGE_SIZE))}
            </button>
        })}
        {move || outcome.with(|o| o.hits.is_empty()).then(|| view! { <NoResults state=state.clone()/> })}
    }
}

/// Says which search words matched nothing and which single filters to remove to see results.
#[component]
fn NoResults(state: BrowseState) -> impl IntoView {
    let help = move || {
        let state = state.clone();
        let query = state.query.get();
        let unknown = state.outcome.with(|o| o.unknown_words.clone());
        let taxonomy = &state.engine.catalogue().taxonomy;
        let options = state
            .engine
            .relaxations(&query)
            .into_iter()
            .map(|(relaxation, count)| {
                let label = match &relaxation {
                    Relaxation::RemoveText => format!("Remove the search “{}”", query.text()),
                    Relaxation::RemoveTerm(facet, id) => format!(
                        "Remove {} “{}”",
                        facet_noun(*facet),
                        taxonomy.label(*facet, id)
                    ),
                };
                let state = state.clone();
                let apply = move |_| {
                    state.update(History::Push, |q| match &relaxation {
                        Relaxation::RemoveText => q.set_text(""),
                        Relaxation::RemoveTerm(facet, id) => q.deselect(*facet, id),
                    });
                    focus(RESULT_COUNT_ID);
                };
                view! {
                    <li>
                        <button type="button" class="link-button" on:click=apply>
                            {label} " (" {plural(count, "result")} ")"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="no-results">
                {(!unknown.is_empty()).then(|| view! {
                    <p>
                        "No resource mentions "
                        {unknown.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(" or ")}
                        ". Check the spelling, or try a broader word."
                    </p>
                })}
                <p>"Nothing matches everything you asked for. You could:"</p>
                <ul>{options}</ul>
            </div>
        }
    };
    view! { {help} }
}

fn facet_noun(facet: Facet) -> &'static str {
    match facet {
        Facet::Approach => "the approach",
        Facet::Type => "the type",
        Facet::Subject => "the subject",
    }
}
