//! The result count (announced to screen readers), the result list, and the no-results help.

use std::sync::Arc;

use catalogue::{Facet, Relaxation};
use leptos::prelude::*;

use super::BrowseState;
use super::filters::RESULT_COUNT_ID;
use crate::components::plural;
use crate::components::resource_card::cards_html;
use crate::components::share::{Export, Message, ShareLinks};
use crate::deployment::Settings;
use crate::pages::Navigated;
use crate::platform::{focus, focus_selector};
use crate::routes::{Base, History};
use crate::text::{Count, counted};

/// Taxonomy terms named by the search text shown above the results, at most.
const MAX_TERMS_SHOWN: usize = 3;

/// Results rendered at first and added by each "Show more". The list is re-rendered whole on
/// each change, as HTML (see `resource_card`), which at this size is quicker than keyed diffing
/// and smaller in wasm.
const PAGE_SIZE: usize = 50;

/// How many results the static browse page lists (all of them, for crawlers and readers
/// without scripts, up to this many), and so how many the app shows when it takes over that
/// page: the visit's first page, unfiltered.
pub const STATIC_LIST_MAX: usize = 1000;

#[component]
pub fn Results(state: BrowseState) -> impl IntoView {
    let base = expect_context::<Base>();
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
        // Only when it changes: setting it re-renders the list, at every keystroke.
        if ran_before.is_some() && shown.get_untracked() != PAGE_SIZE {
            shown.set(PAGE_SIZE);
        }
    });
    let total = engine.len();
    let count_text = move || {
        let (found, partial) = outcome.with(|o| (o.hits.len(), o.partial));
        let filtered = query.with(|q| q.is_filtered());
        let some = if partial { " some of your words" } else { "" };
        match (filtered, found) {
            (false, _) => format!("Showing all {}", counted(Count::Resources, total)),
            (true, 0) => "No resources match".to_owned(),
            (true, 1) => format!("1 of {total} resources matches{some}"),
            (true, n) => format!("{n} of {total} resources match{some}"),
        }
    };
    let remaining = move || outcome.with(|o| o.hits.len().saturating_sub(shown.get()));
    view! {
        <p id=RESULT_COUNT_ID class="result-count" role="status" tabindex="-1">{count_text}</p>
        // Folded, so that the first results stay on a phone's first screen.
        <details class="share-tools">
            <summary>"Share or export these results"</summary>
            <ShareLinks label="Share these results" message=message(&state) export=export(&state)/>
        </details>
        <SearchNotes state=state.clone()/>
        <ol
            class="result-list"
            aria-labelledby="results-heading"
            inner_html=move || outcome.with(|o| {
                cards_html(&engine, &base, o.hits.iter().take(shown.get()).copied(), &o.marks)
            })
        ></ol>
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

/// What sharing the results says: the search and how many resources match it.
fn message(state: &BrowseState) -> Message {
    let site = expect_context::<Settings>().config.title.clone();
    let BrowseState { query, outcome, .. } = state.clone();
    Arc::new(move || {
        let found = outcome.with_untracked(|o| o.hits.len());
        let text = query.with_untracked(|q| q.text().to_owned());
        let subject = match text.is_empty() {
            true => ["Resources from ", &site].concat(),
            false => ["“", &text, "”: resources from ", &site].concat(),
        };
        let body = [&counted(Count::Resources, found), " in ", &subject, ":"].concat();
        (subject, body)
    })
}

/// The results as a file, in the order shown (all of them, not only those on screen).
fn export(state: &BrowseState) -> Export {
    let BrowseState {
        engine, outcome, ..
    } = state.clone();
    let shown = engine.clone();
    Export {
        label: "Export these results",
        name: "resilience-toolkit-resources".to_owned(),
        ids: Arc::new(move || {
            outcome.with_untracked(|o| {
                o.hits
                    .iter()
                    .map(|&p| shown.resource(p).id.clone())
                    .collect()
            })
        }),
        engine,
    }
}

/// One line of the search notes: text, then a link (address, text, and whether it leads to a page
/// of its own) and the text after it, if any.
type Note = (String, Option<(String, String, bool)>, &'static str);

/// What the search made of the words: the words no resource has when the results match only
/// some, a spelling the catalogue knows, and the taxonomy terms the words name. Every line has
/// the same shape, so the app carries one view for all of them.
#[component]
fn SearchNotes(state: BrowseState) -> impl IntoView {
    let base = expect_context::<Base>();
    move || {
        let notes = state.outcome.with(|o| {
            let mut notes: Vec<Note> = Vec::new();
            let quoted = |w: &[String]| w.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>();
            if o.partial && o.unknown_words.is_empty() {
                let text = "No resource has all of your words; showing those that have the most.";
                notes.push((text.to_owned(), None, ""));
            } else if o.partial {
                let text = format!(
                    "No resource mentions {}; showing resources that match {}.",
                    quoted(&o.unknown_words).join(" or "),
                    quoted(&o.matched_words).join(" or ")
                );
                notes.push((text, None, ""));
            }
            if let Some(text) = &o.did_you_mean {
                let mut query = state.query.get_untracked();
                query.set_text(text);
                let link = (base.browse(&query), text.clone(), false);
                notes.push(("Did you mean ".to_owned(), Some(link), "?"));
            }
            let taxonomy = &state.engine.catalogue().taxonomy;
            for &(facet, p) in o.terms.iter().take(MAX_TERMS_SHOWN) {
                let term = &taxonomy.terms(facet)[p];
                let link = (base.term(facet, &term.id), term.label.clone(), true);
                notes.push((format!("{}: ", facet.label()), Some(link), ""));
            }
            notes
        });
        (!notes.is_empty()).then(|| view! {
            <div class="search-notes">
                {notes.into_iter().map(|(before, link, after)| view! {
                    <p>{before}{link.map(|(href, text, external)| view! { <a href=href rel=external.then_some("external")>{text}</a> })}{after}</p>
                }).collect_view()}
            </div>
        })
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
        Facet::Standard => "the standard of evidence",
        Facet::Evidence => "the kind of evidence",
        Facet::Subject => "the subject",
    }
}
