//! The facet checkboxes, and the removable chips for what is currently applied.

use catalogue::{Facet, Term};
use leptos::prelude::*;

use super::BrowseState;
use crate::components::NeedsScript;
use crate::platform::{focus, wide_screen};
use crate::routes::{Base, History};
use crate::text::{
    Count, Msg, counted, facet_label, fill, label_of, t, term_description, term_label,
};

/// How many terms of a facet show before the rest are folded away under "N more".
const LONG_LIST_SHOWN: usize = 8;

/// Where focus goes when the control that had it disappears (a removed chip).
pub const RESULT_COUNT_ID: &str = "result-count";

#[component]
pub fn FacetPanel(state: BrowseState) -> impl IntoView {
    // On a phone the filters start folded, so the results are on the first screen. The static
    // page has them folded on every screen (its width is not known there, and without scripts
    // they do nothing); on a wide screen the app unfolds them beside the results, which moves
    // nothing else.
    view! {
        <aside class="filters" aria-labelledby="filters-heading">
            <details open=wide_screen()>
                <summary><h2 id="filters-heading">{t(Msg::BrowseFilterHeading)}</h2></summary>
                {Facet::ALL
                    .into_iter()
                    .map(|facet| view! { <FacetGroup state=state.clone() facet/> })
                    .collect_view()}
            </details>
            <NeedsScript what=t(Msg::BrowseFiltering)/>
        </aside>
    }
}

/// One facet's checkboxes. Built once from the taxonomy; only checked states and counts update,
/// so a checkbox keeps focus when it is toggled. Long lists show their first terms and keep the
/// rest in a native disclosure, opened at first if it holds a selected term.
#[component]
fn FacetGroup(state: BrowseState, facet: Facet) -> impl IntoView {
    let terms = state.engine.catalogue().taxonomy.terms(facet);
    let option = |(i, term): (usize, &Term)| {
        let BrowseState { query, outcome, .. } = state.clone();
        let id = term.id.clone();
        let checked = {
            let id = id.clone();
            move || query.with(|q| q.is_selected(facet, &id))
        };
        let toggle = {
            let state = state.clone();
            move |_| state.update(History::Push, |q| q.toggle(facet, &id))
        };
        let count = move || outcome.with(|o| o.counts[facet.index()][i]);
        let input_id = format!("{}-{}", facet.key(), term.id);
        view! {
            <li class:empty=move || count() == 0>
                <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle/>
                <label for=input_id title=term_description(term).to_owned()>
                    {term_label(term).to_owned()}
                    <span class="count">" (" {count} ")"</span>
                </label>
            </li>
        }
    };
    let shown = terms.len().min(LONG_LIST_SHOWN);
    let first: Vec<_> = terms.iter().enumerate().take(shown).map(option).collect();
    let rest: Vec<_> = terms.iter().enumerate().skip(shown).map(option).collect();
    let more = (!rest.is_empty()).then(|| {
        let open = state
            .query
            .with_untracked(|q| terms[shown..].iter().any(|t| q.is_selected(facet, &t.id)));
        view! {
            <details class="more-terms" open=open>
                <summary>{counted(more_terms(facet), rest.len())}</summary>
                <ul>{rest}</ul>
            </details>
        }
    });
    let guide = matches!(facet, Facet::Standard | Facet::Evidence).then(|| {
        let href = expect_context::<Base>().evidence_guide(facet.list_key());
        view! { <p class="facet-help"><a rel="external" href=href>{t(Msg::BrowseGuideLink)}</a></p> }
    });
    view! {
        <fieldset class="facet">
            <legend>{facet_label(facet)}</legend>
            {guide}
            <ul>{first}</ul>
            {more}
        </fieldset>
    }
}

/// Chips for the search text and each selected term, each removable, and "Clear all".
#[component]
pub fn ActiveFilters(state: BrowseState) -> impl IntoView {
    let query = state.query;
    let chips = move || {
        let state = state.clone();
        let q = query.get();
        let taxonomy = &state.engine.catalogue().taxonomy;
        let mut chips = Vec::new();
        if !q.text().is_empty() {
            let state = state.clone();
            let label = fill(Msg::BrowseQuoted, &[("text", q.text())]);
            let name = fill(Msg::BrowseRemoveSearchChip, &[("label", &label)]);
            chips.push(chip(label, name, move || {
                state.update(History::Push, |q| q.set_text(""))
            }));
        }
        for (facet, id) in q.selections() {
            let state = state.clone();
            let id = id.to_owned();
            let label = label_of(taxonomy, facet, &id).to_owned();
            let name = fill(Msg::BrowseRemoveFilterChip, &[("label", &label)]);
            chips.push(chip(label, name, move || {
                state.update(History::Push, |q| q.deselect(facet, &id))
            }));
        }
        let clear = (chips.len() > 1).then(|| {
            let state = state.clone();
            view! {
                <li>
                    <button type="button" class="link-button" on:click=move |_| {
                        state.update(History::Push, |q| q.clear_filters());
                        focus(RESULT_COUNT_ID);
                    }>{t(Msg::BrowseClearAll)}</button>
                </li>
            }
        });
        (!chips.is_empty()).then(|| {
            view! {
                <div class="active-filters">
                    <h3 id="active-heading" class="visually-hidden">{t(Msg::BrowseActiveFilters)}</h3>
                    <ul aria-labelledby="active-heading">{chips}{clear}</ul>
                </div>
            }
        })
    };
    view! { {chips} }
}

/// A removable chip showing `label`, whose button is named `name` ("Remove filter: Case study").
fn chip(label: String, name: String, remove: impl Fn() + 'static) -> AnyView {
    view! {
        <li>
            <button type="button" class="chip" aria-label=name on:click=move |_| {
                remove();
                focus(RESULT_COUNT_ID);
            }>
                {label}
                <span aria-hidden="true">" ×"</span>
            </button>
        </li>
    }
    .into_any()
}

/// "N more subjects": how many terms of `facet` are folded away.
fn more_terms(facet: Facet) -> Count {
    match facet {
        Facet::Approach => Count::MoreApproaches,
        Facet::Type => Count::MoreTypes,
        Facet::Standard => Count::MoreStandards,
        Facet::Evidence => Count::MoreEvidence,
        Facet::Subject => Count::MoreSubjects,
    }
}
