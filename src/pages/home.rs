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
use crate::text::{Count, Msg, counted, split_at, t, term_description, term_label};

#[component]
pub fn HomePage() -> impl IntoView {
    page_title(Box::new(|| t(Msg::HomeTitle).to_owned()));
    view! {
        <section class="hero" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{t(Msg::HomeHeading)}</h1>
            <p class="lede">{t(Msg::HomeLede)}</p>
            <SearchBox/>
        </section>
        <section class="stance" aria-labelledby="stance-heading">
            <h2 id="stance-heading">{t(Msg::HomeStanceHeading)}</h2>
            <p>{t(Msg::HomeStance)}</p>
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
            <label for="home-search">{t(Msg::HomeSearchLabel)}</label>
            <div class="search-row">
                <input
                    id="home-search"
                    name=TEXT_KEY
                    type="search"
                    placeholder=t(Msg::HomeSearchPlaceholder)
                />
                <button type="submit" class="button">{t(Msg::HomeSearchButton)}</button>
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
            let label = term_label(term).to_owned();
            view! {
                <li class="approach">
                    <h3><a href=term_page(Facet::Approach, &term.id)>{label}</a></h3>
                    <p>{term_description(term).to_owned()}</p>
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
                let label = term_label(term).to_owned();
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
    let browse_all = counted(Count::HomeBrowseAll, engine.len());
    // The link sits where the sentence puts it, in each language.
    let (before_guide, after_guide) = split_at(t(Msg::HomeGuide), "link");
    view! {
        <section aria-labelledby="approaches-heading">
            <h2 id="approaches-heading">{t(Msg::HomeApproachesHeading)}</h2>
            <p>{t(Msg::HomeApproachesIntro)}</p>
            <ul class="approaches">{approaches}</ul>
        </section>
        <CollectionList engine=engine.clone()/>
        <p>
            <a href=base.whats_new()>{t(Msg::HomeWhatsNew)}</a>
        </p>
        <section aria-labelledby="types-heading">
            <h2 id="types-heading">{t(Msg::HomeTypesHeading)}</h2>
            <ul class="type-links">{types}</ul>
        </section>
        <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{t(Msg::HomeEvidenceHeading)}</h2>
            <ul class="type-links">{standards}</ul>
            <p>
                {(!before_guide.is_empty()).then_some(before_guide)}
                <a href=base.evidence_guide("")>{t(Msg::HomeGuideLink)}</a>
                {(!after_guide.is_empty()).then_some(after_guide)}
            </p>
        </section>
        <section aria-labelledby="subjects-heading">
            <h2 id="subjects-heading">{t(Msg::HomeSubjectsHeading)}</h2>
            <ul class="type-links">{subjects}</ul>
            <p>
                <a href=base.browse(&BrowseQuery::default())>{browse_all}</a>
            </p>
        </section>
    }
}
