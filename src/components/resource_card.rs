//! A resource as it appears in a list: title linking to its page, type, year, credit, summary.

use std::sync::Arc;

use catalogue::highlight::mark;
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
    /// Words a search matched (folded, sorted), marked in the title and summary.
    #[prop(optional)]
    marks: Option<Arc<[String]>>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let taxonomy = &engine.catalogue().taxonomy;
    let r = engine.resource(position);
    let marks = marks.unwrap_or_else(|| Arc::new([]));
    let approaches: Vec<String> = r
        .approaches
        .iter()
        .map(|a| taxonomy.label(Facet::Approach, a).to_owned())
        .collect();
    view! {
        // Cards always sit under a page section's <h2> ("Results", "Related resources").
        <article class="card">
            <h3 class="card-title"><a href=base.resource(&r.id)>{marked(&r.title, &marks)}</a></h3>
            <p class="card-meta">{meta_line(r, taxonomy)}</p>
            <p class="card-summary">{marked(&r.summary, &marks)}</p>
            <ul class="tags" aria-label="Approaches">
                {approaches.into_iter().map(|a| view! { <li class="tag">{a}</li> }).collect_view()}
            </ul>
        </article>
    }
}

/// `text` with the words a search matched in `<mark>`: the whole text when none did. Text
/// nodes and elements, not HTML: setting `innerHTML` on every card at each keystroke made the
/// browser parse HTML for every result shown (measured: about 8 ms a keystroke for 50 cards).
fn marked(text: &str, marks: &[String]) -> AnyView {
    if marks.is_empty() {
        return text.to_owned().into_any();
    }
    mark(text, marks)
        .into_iter()
        .map(|(range, hit)| {
            let piece = text[range].to_owned();
            match hit {
                true => view! { <mark>{piece}</mark> }.into_any(),
                false => piece.into_any(),
            }
        })
        .collect_view()
        .into_any()
}
