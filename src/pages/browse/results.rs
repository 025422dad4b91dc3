//! The result count (announced to screen readers), the result list, and the no-results help.

use std::sync::Arc;

use catalogue::{Facet, Relaxation};
use leptos::prelude::*;

use super::BrowseState;
use super::filters::RESULT_COUNT_ID;
use crate::components::resource_card::cards_html;
use crate::components::share::{Export, Message, ShareLinks};
use crate::deployment::Settings;
use crate::pages::Navigated;
use crate::platform::{focus, focus_selector};
use crate::routes::{Base, History};
use crate::text::{
    Count, Msg, counted, counted_with, facet_label, fill, label_of, split_at, t, term_label,
};

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
        let matches = if partial {
            Count::MatchesSome
        } else {
            Count::Matches
        };
        match (filtered, found) {
            (false, _) => counted(Count::ShowingAll, total),
            (true, 0) => t(Msg::BrowseNoneMatch).to_owned(),
            (true, n) => counted_with(matches, n, &[("total", &total.to_string())]),
        }
    };
    let remaining = move || outcome.with(|o| o.hits.len().saturating_sub(shown.get()));
    view! {
        <p id=RESULT_COUNT_ID class="result-count" role="status" tabindex="-1">{count_text}</p>
        // Folded, so that the first results stay on a phone's first screen.
        <details class="share-tools">
            <summary>{t(Msg::BrowseShareTools)}</summary>
            <ShareLinks label=t(Msg::BrowseShareLabel) message=message(&state) export=export(&state)/>
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
                {counted(Count::ShowMore, remaining().min(PAGE_SIZE))}
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
            true => fill(Msg::BrowseShareSubject, &[("site", &site)]),
            false => fill(
                Msg::BrowseShareSubjectSearch,
                &[("site", &site), ("query", &text)],
            ),
        };
        let body = counted_with(Count::ShareBody, found, &[("subject", &subject)]);
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
        label: t(Msg::BrowseExportLabel),
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
type Note = (String, Option<(String, String, bool)>, String);

/// Search words, each quoted, as alternatives: "“grit” or “stamina”".
fn quoted_words(words: &[String]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| fill(Msg::BrowseQuoted, &[("text", w)]))
        .collect();
    quoted.join(t(Msg::BrowseOrBetweenWords))
}

/// What the search made of the words: the words no resource has when the results match only
/// some, a spelling the catalogue knows, and the taxonomy terms the words name. Every line has
/// the same shape, so the app carries one view for all of them.
#[component]
fn SearchNotes(state: BrowseState) -> impl IntoView {
    let base = expect_context::<Base>();
    move || {
        let notes = state.outcome.with(|o| {
            let mut notes: Vec<Note> = Vec::new();
            if o.partial && o.unknown_words.is_empty() {
                let text = t(Msg::BrowsePartialNote).to_owned();
                notes.push((text, None, String::new()));
            } else if o.partial {
                let text = fill(
                    Msg::BrowseUnmatchedNote,
                    &[
                        ("unknown", &quoted_words(&o.unknown_words)),
                        ("matched", &quoted_words(&o.matched_words)),
                    ],
                );
                notes.push((text, None, String::new()));
            }
            if let Some(text) = &o.did_you_mean {
                let mut query = state.query.get_untracked();
                query.set_text(text);
                let link = (base.browse(&query), text.clone(), false);
                let (before, after) = split_at(t(Msg::BrowseDidYouMean), "suggestion");
                notes.push((before.to_owned(), Some(link), after.to_owned()));
            }
            let taxonomy = &state.engine.catalogue().taxonomy;
            for &(facet, p) in o.terms.iter().take(MAX_TERMS_SHOWN) {
                let term = &taxonomy.terms(facet)[p];
                let link = (
                    base.term(facet, &term.id),
                    term_label(term).to_owned(),
                    true,
                );
                let note = fill(Msg::BrowseTermNote, &[("facet", facet_label(facet))]);
                let (before, after) = split_at(&note, "term");
                notes.push((before.to_owned(), Some(link), after.to_owned()));
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
                    Relaxation::RemoveText => {
                        fill(Msg::BrowseRemoveSearchOption, &[("query", query.text())])
                    }
                    Relaxation::RemoveTerm(facet, id) => fill(
                        remove_term(*facet),
                        &[("term", label_of(taxonomy, *facet, id))],
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
                            {label} " (" {counted(Count::Results, count)} ")"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="no-results">
                {(!unknown.is_empty()).then(|| view! {
                    <p>{fill(Msg::BrowseUnknownWords, &[("words", &quoted_words(&unknown))])}</p>
                })}
                <p>{t(Msg::BrowseNothingMatches)}</p>
                <ul>{options}</ul>
            </div>
        }
    };
    view! { {help} }
}

/// "Remove the approach “{term}”": the option that drops one selected term of `facet`.
fn remove_term(facet: Facet) -> Msg {
    match facet {
        Facet::Approach => Msg::BrowseRemoveApproach,
        Facet::Type => Msg::BrowseRemoveType,
        Facet::Standard => Msg::BrowseRemoveStandard,
        Facet::Evidence => Msg::BrowseRemoveEvidence,
        Facet::Subject => Msg::BrowseRemoveSubject,
    }
}
