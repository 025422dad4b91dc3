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
use crate::text::{Msg, collection_intro, collection_title, t};

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
        let title = collection_title(&collection).to_owned();
        Box::new(move || title.clone())
    });
    let (title, intro) = (
        collection_title(&collection).to_owned(),
        collection_intro(&collection).to_owned(),
    );
    // Validation made every item an id in the catalogue.
    let items = collection
        .items
        .into_iter()
        .filter_map(|item| Some((engine.position(&item.id)?, item.note)))
        .collect();
    view! {
        <nav class="breadcrumbs" aria-label=t(Msg::CollectionBreadcrumb)>
            <a href=base.collections()>{t(Msg::CollectionCollections)}</a>
        </nav>
        <p class="kind">{t(Msg::CollectionKind)}</p>
        <h1 id=HEADING_ID tabindex="-1" class="term-heading">{title}</h1>
        <p class="lede">{intro}</p>
        <p>
            <a href=base.collection_feed(&collection.id) type="application/atom+xml">{t(Msg::CollectionFeed)}</a>
            " · "
            <a href=base.updates()>{t(Msg::CollectionOtherUpdates)}</a>
        </p>
        <Listing engine heading_id="collection-resources".to_owned() items ordered=true/>
    }
}
