//! Resources listed under a heading, on the pages of their own (static pages only): a
//! collection, and each month of What's new.

use std::sync::Arc;

use catalogue::Engine;
use leptos::prelude::*;

use crate::components::resource_card::card_item_html;
use crate::routes::Base;
use crate::text::{Count, counted};

/// The resources, each as a card, with the curator's note under it when there is one.
/// `heading_id` names the list's section for assistive technology; the `<h2>` says how many.
#[component]
pub fn Listing(
    engine: Arc<Engine>,
    heading_id: String,
    /// Replaces "N resources" as the heading (a month: "November 2026").
    #[prop(optional)]
    heading: Option<String>,
    /// Positions in the catalogue, in the order shown, each with a note (empty for none).
    items: Vec<(usize, String)>,
    /// An ordered list, where the order is the curator's.
    #[prop(optional)]
    ordered: bool,
) -> impl IntoView {
    let count = counted(Count::Resources, items.len());
    let (heading, count) = match heading {
        Some(heading) => (heading, Some(count)),
        None => (count, None),
    };
    let base = expect_context::<Base>();
    let mut cards = String::new();
    for (position, note) in items {
        card_item_html(&mut cards, &engine, &base, position, &[], &note);
    }
    let list = match ordered {
        true => view! { <ol class="result-list" inner_html=cards></ol> }.into_any(),
        false => view! { <ul class="result-list" inner_html=cards></ul> }.into_any(),
    };
    view! {
        <section aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{heading}</h2>
            {count.map(|count| view! { <p class="count">{count}</p> })}
            {list}
        </section>
    }
}
