//! What's new (`/new`): the resources by the date they were added, newest first, grouped by
//! month, after the list of collections; then how to hear about new ones: feeds, with steps for
//! Outlook and Teams (in `updates.html`).
//!
//! A page of its own (see [`crate::pages::standalone`]): written by the build, not by the app.

use std::sync::Arc;

use catalogue::Engine;
use catalogue::recent::by_month;
use leptos::prelude::*;

use crate::components::collections::CollectionList;
use crate::components::listing::Listing;
use crate::components::needs_catalogue::with_catalogue;
use crate::pages::{HEADING_ID, page_title};
use crate::routes::{Base, COLLECTIONS_ID, UPDATES_ID};

/// The "Get updates" section's text: plain HTML, like the About page's, with `{feed}` filled in.
const UPDATES_HTML: &str = include_str!("updates.html");

#[component]
pub fn WhatsNewPage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| "What's new".to_owned()));
    view! {
        <h1 id=HEADING_ID tabindex="-1">"What's new"</h1>
        <p class="lede">
            "The toolkit's collections, then the resources most recently added, newest first. To hear about new ones without checking back, "
            <a href=base.updates()>"get updates"</a>
            " in a feed reader, Outlook or Teams, or by email."
        </p>
        {with_catalogue(|engine| {
            view! { <CollectionList engine=engine.clone() id=COLLECTIONS_ID/> <Months engine/> }.into_any()
        })}
        <section id=UPDATES_ID class="updates" aria-labelledby="updates-heading">
            <div inner_html=base.expand_links(UPDATES_HTML)></div>
        </section>
    }
}

/// Each month's additions as a list under the month's name.
#[component]
fn Months(engine: Arc<Engine>) -> impl IntoView {
    by_month(engine.catalogue())
        .into_iter()
        .map(|month| {
            let items = month
                .positions
                .into_iter()
                .map(|p| (p, String::new()))
                .collect();
            view! {
                <Listing
                    engine=engine.clone()
                    heading_id=format!("added-{}", month.key)
                    heading=month.label
                    items
                />
            }
        })
        .collect_view()
}
