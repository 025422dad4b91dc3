//! The facet checkboxes, and the removable chips for what is currently applied.

use catalogue::Facet;
use leptos::prelude::*;

use super::BrowseState;
use crate::platform::focus;

/// How many subjects show before "Show all subjects"; selected ones always show.
const SUBJECTS_SHOWN: usize = 8;

/// Where focus goes when the control that had it disappears (a removed chip).
pub const RESULT_COUNT_ID: &str = "result-count";

#[component]
pub fn FacetPanel(state: BrowseState) -> impl IntoView {
    view! {
        <aside class="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">"Filter"</h2>
            {Facet::ALL
                .into_iter()
                .map(|facet| view! { <FacetGroup state=state.clone() facet/> })
                .collect_view()}
        </aside>
    }
}

/// One facet's checkboxes. Built once from the taxonomy; only checked states and counts update,
/// so a checkbox keeps focus when it is toggled.
#[component]
fn FacetGroup(state: BrowseState, facet: Facet) -> impl IntoView {
    let terms = state.engine.catalogue().taxonomy.terms(facet).to_vec();
    let collapsible = facet == Facet::Subject && terms.len() > SUBJECTS_SHOWN;
    let expanded = RwSignal::new(!collapsible);
    let total = terms.len();
    let group_id = format!("facet-{}", facet.key());
    let options = terms
        .into_iter()
        .enumerate()
        .map(|(i, term)| {
            let BrowseState { query, outcome, .. } = state.clone();
            let id = term.id.clone();
            let checked = {
                let id = id.clone();
                move || query.with(|q| q.is_selected(facet, &id))
            };
            let hidden = {
                let checked = checked.clone();
                move || i >= SUBJECTS_SHOWN && !expanded.get() && !checked()
            };
            let toggle = {
                let state = state.clone();
                move |_| state.update(false, |q| q.toggle(facet, &id))
            };
            let count = move || outcome.with(|o| o.counts[facet.index()][i]);
            let input_id = format!("{}-{}", facet.key(), term.id);
            view! {
                <li hidden=hidden class:empty=move || count() == 0>
                    <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle/>
                    <label for=input_id title=term.description.clone()>
                        {term.label.clone()}
                        <span class="count">" (" {count} ")"</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet">
            <legend>{facet.label()}</legend>
            <ul id=group_id.clone()>{options}</ul>
            {collapsible.then(|| view! {
                <button
                    type="button"
                    class="link-button"
                    aria-controls=group_id
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Show fewer subjects".to_owned() } else { format!("Show all {total} subjects") }}
                </button>
            })}
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
            chips.push(chip(format!("“{}”", q.text()), "Remove search", move || state.update(false, |q| q.set_text(""))));
        }
        for (facet, id) in q.selections() {
            let state = state.clone();
            let id = id.to_owned();
            let label = taxonomy.label(facet, &id).to_owned();
            chips.push(chip(label, "Remove filter", move || state.update(false, |q| q.deselect(facet, &id))));
        }
        let clear = (chips.len() > 1).then(|| {
            let state = state.clone();
            view! {
                <li>
                    <button type="button" class="link-button" on:click=move |_| {
                        state.update(false, |q| q.clear_filters());
                        focus(RESULT_COUNT_ID);
                    }>"Clear all"</button>
                </li>
            }
        });
        (!chips.is_empty()).then(|| view! {
            <div class="active-filters">
                <h3 id="active-heading" class="visually-hidden">"Active filters"</h3>
                <ul aria-labelledby="active-heading">{chips}{clear}</ul>
            </div>
        })
    };
    view! { {chips} }
}

fn chip(label: String, action: &'static str, remove: impl Fn() + 'static) -> AnyView {
    let name = format!("{action}: {label}");
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
