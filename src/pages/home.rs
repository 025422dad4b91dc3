//! Home: what the toolkit is for, its stance, a search box, and the approaches, collections,
//! types, standards of evidence and subjects as ways in (each links to its page).
//!
//! A page of its own (see [`crate::pages::standalone`]): it has one control, the search box,
//! which is a plain form that opens the browse page (where the app starts with the words), so
//! the build writes it and its views stay out of the wasm (measured: 5.8 KB of gzipped wasm).

use std::sync::Arc;

use catalogue::query::TEXT_KEY;
use catalogue::{BrowseQuery, Engine, Facet};
use leptos::prelude::*;

use crate::components::collections::CollectionList;
use crate::components::needs_catalogue::with_catalogue;
use crate::pages::{HEADING_ID, page_title};
use crate::routes::Base;
use crate::text::{Count, counted};

#[component]
pub fn HomePage() -> impl IntoView {
    page_title(Box::new(|| "Home".to_owned()));
    view! {
        <section class="hero" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">"Resources for developing student resilience"</h1>
            <p class="lede">
                "Research, case studies, intervention tools and learning materials for Student Services professionals in higher education, gathered in one open bank you can search and filter."
            </p>
            <SearchBox/>
        </section>
        <section class="stance" aria-labelledby="stance-heading">
            <h2 id="stance-heading">"A positive approach"</h2>
            <p>
                "Resilience here is about what institutions provide: the social and physical environment, the support around students and the culture of a place. "
                "It is never a label for students or a judgement of what they can do. "
                "These resources help universities build settings in which students can do well."
            </p>
        </section>
        {with_catalogue(|engine| view! { <Approaches engine/> }.into_any())}
    }
}

/// A search form that opens the browse page with the words: an ordinary form, so it works
/// before and without the app (the browse page reads its `q`).
#[component]
fn SearchBox() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <form class="search-form" role="search" action=base.browse(&BrowseQuery::default())>
            <label for="home-search">"Search the toolkit"</label>
            <div class="search-row">
                <input
                    id="home-search"
                    name=TEXT_KEY
                    type="search"
                    placeholder="For example: case study accommodation"
                />
                <button type="submit" class="button">"Search"</button>
            </div>
        </form>
    }
}

/// The three approaches, each with its description, resource count and a link to its page;
/// then the resource types and the subjects.
#[component]
fn Approaches(engine: Arc<Engine>) -> impl IntoView {
    let base = expect_context::<Base>();
    let taxonomy = &engine.catalogue().taxonomy;
    let term_page = |facet: Facet, id: &str| base.term(facet, id);
    let approach_counts = engine.term_totals(Facet::Approach);
    let approaches = taxonomy
        .approaches
        .iter()
        .zip(approach_counts)
        .map(|(term, count)| {
            let label = term.label.clone();
            view! {
                <li class="approach">
                    <h3><a href=term_page(Facet::Approach, &term.id)>{label}</a></h3>
                    <p>{term.description.clone()}</p>
                    <p class="count">{counted(Count::Resources, count)}</p>
                </li>
            }
        })
        .collect_view();
    let term_links = |facet: Facet| {
        taxonomy
            .terms(facet)
            .iter()
            .zip(engine.term_totals(facet))
            .filter(|(_, count)| *count > 0)
            .map(|(term, count)| {
                let label = term.label.clone();
                view! {
                    <li>
                        <a href=term_page(facet, &term.id)>{label}</a>
                        <span class="count">{format!(" ({count})")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let types = term_links(Facet::Type);
    let standards = term_links(Facet::Standard);
    let subjects = term_links(Facet::Subject);
    let browse_all = format!("Browse all {} resources", engine.len());
    view! {
        <section aria-labelledby="approaches-heading">
            <h2 id="approaches-heading">"Three approaches"</h2>
            <p>
                "Resources are grouped by the approaches that research with students found to matter for wellbeing: two about the support students have for themselves, one about the connections around them."
            </p>
            <ul class="approaches">{approaches}</ul>
        </section>
        <CollectionList engine=engine.clone()/>
        <p>
            <a href=base.whats_new()>"What's new and how to get updates"</a>
        </p>
        <section aria-labelledby="types-heading">
            <h2 id="types-heading">"By type of resource"</h2>
            <ul class="type-links">{types}</ul>
        </section>
        <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">"By strength of evidence"</h2>
            <ul class="type-links">{standards}</ul>
            <p>
                <a href=base.evidence_guide("")>"How to read the evidence"</a>
                ": what each kind of evidence can and cannot tell you."
            </p>
        </section>
        <section aria-labelledby="subjects-heading">
            <h2 id="subjects-heading">"By subject"</h2>
            <ul class="type-links">{subjects}</ul>
            <p>
                <a href=base.browse(&BrowseQuery::default())>{browse_all}</a>
            </p>
        </section>
    }
}
