//! What's new (`/new`): the resources by the date they were added, newest first, grouped by
//! month, after the list of collections; then how to hear about new ones: feeds, with steps for
//! Outlook and Teams (the message `updates-text`, in `messages/<language>/updates-text.html`).
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
use crate::text::{Msg, month_year, split_at, t};

#[component]
pub fn WhatsNewPage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| t(Msg::WhatsNewTitle).to_owned()));
    // The link sits where the sentence puts it, in each language.
    let (before, after) = split_at(t(Msg::WhatsNewLede), "link");
    // The "Get updates" section's text: plain HTML, like the About page's, with `{feed}` filled in.
    let updates = base.expand_links(t(Msg::UpdatesText));
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(Msg::WhatsNewTitle)}</h1>
        <p class="lede">
            {(!before.is_empty()).then_some(before)}
            <a href=base.updates()>{t(Msg::WhatsNewLedeLink)}</a>
            {(!after.is_empty()).then_some(after)}
        </p>
        {with_catalogue(|engine| {
            view! { <CollectionList engine=engine.clone() id=COLLECTIONS_ID/> <Months engine/> }.into_any()
        })}
        <section id=UPDATES_ID class="updates" aria-labelledby="updates-heading">
            <div inner_html=updates></div>
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
                    heading=month_year(&month.key)
                    items
                />
            }
        })
        .collect_view()
}
