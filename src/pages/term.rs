//! A term's own page (`/approaches/<id>`, `/types/<id>`, `/standards/<id>`, `/evidence/<id>`,
//! `/subjects/<id>`): what the term covers and every resource that carries it (a standard's or
//! a kind of evidence's page also links to how to read the evidence). These are the toolkit's landing pages for its
//! areas of expertise, the pages search engines list for them, and the way to browse when
//! scripts are blocked (the browse page's search and filters need the app).

use std::sync::Arc;

use catalogue::{BrowseQuery, Engine, Facet};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::needs_catalogue::with_catalogue;
use crate::components::resource_card::cards_html;
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::{HEADING_ID, page_title};
use crate::routes::{Base, FACET_PARAM, ID_PARAM, facet_of_segment};
use crate::text::{Count, Msg, counted, facet_label, t, term_description, term_label};

/// The page of the term the route names: its facet by the first segment, then its id.
#[component]
pub fn TermPage() -> impl IntoView {
    let params = use_params_map();
    let route = Memo::new(move |_| {
        params.with(|p| {
            let get = |key| p.get(key).unwrap_or_default();
            (get(FACET_PARAM), get(ID_PARAM))
        })
    });
    with_catalogue(move |engine| {
        (move || {
            let (segment, id) = route.get();
            let Some(facet) = facet_of_segment(&segment) else {
                return view! { <NotFound/> }.into_any();
            };
            match engine.catalogue().taxonomy.position(facet, &id) {
                Some(_) => view! { <TermResources engine=engine.clone() facet id/> }.into_any(),
                None => view! { <Missing what=facet.noun()/> }.into_any(),
            }
        })
        .into_any()
    })
}

#[component]
fn TermResources(engine: Arc<Engine>, facet: Facet, id: String) -> impl IntoView {
    let base = expect_context::<Base>();
    let Some(term) = engine.catalogue().taxonomy.term(facet, &id).cloned() else {
        return ().into_any();
    };
    page_title({
        let label = term_label(&term).to_owned();
        Box::new(move || label.clone())
    });
    let query = BrowseQuery::selecting(facet, &id);
    // In the order the browse page gives them with this one term selected.
    let hits = engine.search(&query).hits;
    let (label, description) = (
        term_label(&term).to_owned(),
        term_description(&term).to_owned(),
    );
    view! {
        <nav class="breadcrumbs" aria-label=t(Msg::TermBreadcrumb)>
            <a href=base.browse(&BrowseQuery::default())>{t(Msg::TermBrowse)}</a>
        </nav>
        <p class="kind">{facet_label(facet)}</p>
        <h1 id=HEADING_ID tabindex="-1" class="term-heading">{label}</h1>
        {(!description.is_empty()).then(|| view! { <p class="lede">{description}</p> })}
        <p><a href=base.browse(&query)>{t(Msg::TermWithin)}</a></p>
        {matches!(facet, Facet::Standard | Facet::Evidence).then(|| view! {
            <p><a rel="external" href=base.evidence_guide(&id)>{t(Msg::TermGuide)}</a></p>
        })}
        <section aria-labelledby="term-resources">
            <h2 id="term-resources">{counted(Count::Resources, hits.len())}</h2>
            <ul class="result-list" inner_html=cards_html(&engine, &base, hits, &[])></ul>
        </section>
    }
    .into_any()
}
