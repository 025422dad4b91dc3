//! Browse: keyword search, facet filters, sort and results, all held in the URL query string.
//!
//! The URL is the single source of truth: controls read the parsed query and write a new URL,
//! so every view is a shareable link and back/forward restore it.

mod filters;
mod results;

use std::sync::Arc;

use catalogue::{BrowseQuery, Engine, SearchResult, Sort};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::NeedsScript;
use crate::components::needs_catalogue::with_catalogue;
use crate::pages::{HEADING_ID, page_title};
use crate::routes::{Base, History, Scroll, navigation};
use crate::text::{Msg, fill, sort_label, t};

use filters::{ActiveFilters, FacetPanel};
use results::Results;

/// Everything the browse page's parts share.
#[derive(Clone)]
struct BrowseState {
    engine: Arc<Engine>,
    /// The query in the URL, with unknown terms dropped.
    query: Memo<BrowseQuery>,
    outcome: Memo<SearchResult>,
    navigate: Callback<(BrowseQuery, History)>,
}

impl BrowseState {
    /// Changes the query by writing a new URL, as a new history entry or in place of the
    /// current one.
    fn update(&self, history: History, change: impl FnOnce(&mut BrowseQuery)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        if query != self.query.get_untracked() {
            self.navigate.run((query, history));
        }
    }
}

#[component]
pub fn BrowsePage() -> impl IntoView {
    let location = use_location();
    page_title(Box::new(move || {
        let query = BrowseQuery::parse(&location.search.get());
        match query.text() {
            "" => t(Msg::BrowseHeading).to_owned(),
            text => fill(Msg::BrowseTitleSearch, &[("query", text)]),
        }
    }));
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(Msg::BrowseHeading)}</h1>
        {with_catalogue(|engine| view! { <Browser engine/> }.into_any())}
    }
}

#[component]
fn Browser(engine: Arc<Engine>) -> impl IntoView {
    let base = expect_context::<Base>();
    let location = use_location();
    let navigate = use_navigate();
    let query = Memo::new({
        let engine = engine.clone();
        move |_| {
            let mut query = BrowseQuery::parse(&location.search.get());
            engine.sanitize(&mut query);
            query
        }
    });
    let outcome = Memo::new({
        let engine = engine.clone();
        move |_| query.with(|q| engine.search(q))
    });
    let state = BrowseState {
        engine,
        query,
        outcome,
        navigate: Callback::new(move |(query, history): (BrowseQuery, History)| {
            navigate(&base.browse(&query), navigation(history, Scroll::Stay));
        }),
    };

    view! {
        <SearchAndSort state=state.clone()/>
        <div class="browse">
            <FacetPanel state=state.clone()/>
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">{t(Msg::BrowseResultsHeading)}</h2>
                <ActiveFilters state=state.clone()/>
                <Results state/>
            </section>
        </div>
    }
}

/// The search box and sort menu.
#[component]
fn SearchAndSort(state: BrowseState) -> impl IntoView {
    let query = state.query;
    // The box keeps what is typed, spaces included; the URL holds the trimmed text. The box
    // follows the URL only when it changes from elsewhere (back, forward, a chip removed).
    let text = RwSignal::new(query.get_untracked().text().to_owned());
    Effect::new(move |_| {
        let url_text = query.with(|q| q.text().to_owned());
        if text.get_untracked().trim() != url_text {
            text.set(url_text);
        }
    });
    let on_input = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            text.set(value.clone());
            // The first letter typed starts a new history entry; the rest refine it.
            let history = if state.query.get_untracked().text().is_empty() {
                History::Push
            } else {
                History::Replace
            };
            state.update(history, |q| q.set_text(&value));
        }
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let sort = Sort::from_key(&event_target_value(&ev)).unwrap_or_default();
        state.update(History::Push, |q| q.sort = sort);
    };
    view! {
        <div class="search-sort">
            <form class="search-form" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="browse-search">{t(Msg::BrowseSearchLabel)}</label>
                <input
                    id="browse-search"
                    type="search"
                    autocomplete="off"
                    placeholder=t(Msg::BrowseSearchPlaceholder)
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <NeedsScript what=t(Msg::BrowseSearching)/>
            </form>
            <div class="sort">
                <label for="browse-sort">{t(Msg::BrowseSortLabel)}</label>
                <select id="browse-sort" on:change=on_sort>
                    {Sort::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() prop:selected=move || query.with(|q| q.sort == s)>
                                    {sort_label(s)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
