//! A resource as it appears in a list: title linking to its page, type, year, credit, summary.

use std::sync::Arc;

use catalogue::{Engine, Facet, Resource, Taxonomy};
use leptos::prelude::*;

use crate::routes::Base;

/// One line of facts under a title: "Case study · 2017 · Unite Students".
pub fn meta_line(r: &Resource, taxonomy: &Taxonomy) -> String {
    let mut parts = vec![taxonomy.label(Facet::Type, &r.kind).to_owned()];
    if let Some(year) = r.year {
        parts.push(year.to_string());
    }
    parts.push(r.credit());
    parts.join(" · ")
}

#[component]
pub fn ResourceCard(
    engine: Arc<Engine>,
    /// Position of the resource in the catalogue.
    position: usize,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let taxonomy = &engine.catalogue().taxonomy;
    let r = engine.resource(position);
    let title = r.title.clone();
    let approaches: Vec<String> = r
        .approaches
        .iter()
        .map(|a| taxonomy.label(Facet::Approach, a).to_owned())
        .collect();
    view! {
        // Cards always sit under a page section's <h2> ("Results", "Related resources").
        <article class="card">
            <h3 class="card-title"><a href=base.resource(&r.id)>{title}</a></h3>
            <p class="card-meta">{meta_line(r, taxonomy)}</p>
            <p class="card-summary">{r.summary.clone()}</p>
            <ul class="tags" aria-label="Approaches">
                {approaches.into_iter().map(|a| view! { <li class="tag">{a}</li> }).collect_view()}
            </ul>
        </article>
    }
}
