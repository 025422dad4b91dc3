//! A collection's page (`/collections/<id>`): an area of expertise, with the curators'
//! introduction and its resources in the order they chose, each with their note.
//!
//! A page of its own (see [`crate::pages::standalone`]): written by the build, not by the app.

use std::sync::Arc;

use catalogue::{Collection, Engine};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::listing::Listing;
use crate::components::needs_catalogue::with_catalogue;
use crate::pages::{HEADING_ID, not_found::Missing, page_title};
use crate::routes::{Base, ID_PARAM};

#[component]
pub fn CollectionPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get(ID_PARAM).unwrap_or_default()));
    with_catalogue(move |engine| {
        (move || match engine.catalogue().collection(&id.get()).cloned() {
            Some(collection) => {
                view! { <CollectionResources engine=engine.clone() collection/> }.into_any()
            }
            None => view! { <Missing what="collection"/> }.into_any(),
        })
        .into_any()
    })
}

#[component]
fn CollectionResources(engine: Arc<Engine>, collection: Collection) -> impl IntoView {
    let base = expect_context::<Base>();
    page_title({
        let title = collection.title.clone();
        Box::new(move || title.clone())
    });
    // Validation made every item an id in the catalogue.
    let items = collection
        .items
        .into_iter()
        .filter_map(|item| Some((engine.position(&item.id)?, item.note)))
        .collect();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href=base.collections()>"Collections"</a>
        </nav>
        <p class="kind">"Collection"</p>
        <h1 id=HEADING_ID tabindex="-1" class="term-heading">{collection.title}</h1>
        <p class="lede">{collection.intro}</p>
        <p>
            <a href=base.collection_feed(&collection.id) type="application/atom+xml">"Feed of this collection"</a>
            " · "
            <a href=base.updates()>"Other ways to get updates"</a>
        </p>
        <Listing engine heading_id="collection-resources".to_owned() items ordered=true/>
    }
}
