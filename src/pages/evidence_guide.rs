//! How to read the evidence (`/reading-the-evidence`): why the toolkit labels evidence, the
//! Office for Students' standards of evidence and the kinds of evidence in the toolkit's own
//! words, each with how many resources it has, a table of the catalogue by kind and standard,
//! and how to use the evidence well. Every evidence label links here, at its section.
//!
//! A page of its own (see [`crate::pages::standalone`]): written by the build, not by the app.
//! Its prose is plain HTML, one message per language (`messages/<language>/evidence-guide-text.html`),
//! like the About page's; the sections on
//! each standard and kind come from the taxonomy, so their words and counts are the
//! catalogue's own.

use std::sync::Arc;

use catalogue::{Engine, Facet, Term};
use leptos::prelude::*;

use crate::components::needs_catalogue::with_catalogue;
use crate::pages::page_title;
use crate::routes::Base;
use crate::text::{Count, Msg, counted, fill, label_of, t, term_description, term_label};

/// Where the sections built from the taxonomy go in the page's text (in every language).
const SECTIONS: &str = "<!-- the standards and kinds -->";

#[component]
pub fn EvidenceGuidePage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| t(Msg::GuideTitle).to_owned()));
    let html = base.expand_links(t(Msg::EvidenceGuideText));
    let (before, after) = html.split_once(SECTIONS).unwrap_or((&html, ""));
    let (before, after) = (before.to_owned(), after.to_owned());
    view! {
        <article class="prose evidence-guide">
            <div inner_html=before></div>
            {with_catalogue(|engine| view! { <Sections engine/> }.into_any())}
            <div inner_html=after></div>
        </article>
    }
}

/// Each standard, then each kind of evidence, then the catalogue by kind and standard.
#[component]
fn Sections(engine: Arc<Engine>) -> impl IntoView {
    let standards = term_sections(&engine, Facet::Standard);
    let kinds = term_sections(&engine, Facet::Evidence);
    view! {
        <h2 id=Facet::Standard.list_key()>{t(Msg::GuideStandardsHeading)}</h2>
        <p>{t(Msg::GuideStandardsIntro)}</p>
        {standards}
        <h2 id=Facet::Evidence.list_key()>{t(Msg::GuideKindsHeading)}</h2>
        <p>{t(Msg::GuideKindsIntro)}</p>
        {kinds}
        <CountTable engine=engine.clone()/>
    }
}

/// A section for each term of `facet` (a standard or a kind of evidence): its label, what it
/// can and cannot tell a reader, the standards a kind may meet, and a link to its resources.
fn term_sections(engine: &Engine, facet: Facet) -> impl IntoView + use<> {
    let base = expect_context::<Base>();
    let taxonomy = &engine.catalogue().taxonomy;
    let totals = engine.term_totals(facet);
    taxonomy
        .terms(facet)
        .iter()
        .zip(totals)
        .map(|(term, total)| {
            let heading = format!("{}-heading", term.id);
            let labelledby = heading.clone();
            let standards = standards_line(engine, term);
            view! {
                <section class="evidence-term" id=term.id.clone() aria-labelledby=labelledby>
                    <h3 id=heading>{term_label(term).to_owned()}</h3>
                    <p>{term_description(term).to_owned()}</p>
                    {standards.map(|line| view! { <p>{line}</p> })}
                    <p>
                        <a rel="external" href=base.term(facet, &term.id)>
                            {counted(Count::GuideResources, total)}
                        </a>
                    </p>
                </section>
            }
        })
        .collect_view()
}

/// For a kind of evidence, the standards it may meet: "Standard: Causal (Type 3)." or "Can
/// stand at: Not an impact study or Empirical (Type 2), depending on what the resource tested."
/// (The list before the last is joined by commas in every language.)
fn standards_line(engine: &Engine, kind: &Term) -> Option<String> {
    let taxonomy = &engine.catalogue().taxonomy;
    let labels: Vec<&str> = kind
        .standards
        .iter()
        .map(|id| label_of(taxonomy, Facet::Standard, id))
        .collect();
    match labels.as_slice() {
        [] => None,
        [one] => Some(fill(Msg::GuideStandard, &[("standard", one)])),
        [rest @ .., last] => Some(fill(
            Msg::GuideStandards,
            &[("standards", &rest.join(", ")), ("last", last)],
        )),
    }
}

/// How many resources the catalogue has of each kind of evidence at each standard.
#[component]
fn CountTable(engine: Arc<Engine>) -> impl IntoView {
    let base = expect_context::<Base>();
    let catalogue = engine.catalogue();
    let taxonomy = &catalogue.taxonomy;
    let count = |kind: &str, standard: Option<&str>| {
        let resources = catalogue.resources.iter();
        resources
            .filter(|r| r.evidence == kind && standard.is_none_or(|s| r.standard == s))
            .count()
    };
    let header = taxonomy
        .standards
        .iter()
        .map(|s| view! { <th scope="col">{term_label(s).to_owned()}</th> })
        .collect_view();
    let rows = taxonomy
        .evidence
        .iter()
        .map(|kind| {
            let cells = taxonomy
                .standards
                .iter()
                .map(|s| view! { <td>{count(&kind.id, Some(&s.id))}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <a rel="external" href=base.term(Facet::Evidence, &kind.id)>{term_label(kind).to_owned()}</a>
                    </th>
                    {cells}
                    <td>{count(&kind.id, None)}</td>
                </tr>
            }
        })
        .collect_view();
    let totals = engine
        .term_totals(Facet::Standard)
        .into_iter()
        .map(|n| view! { <td>{n}</td> })
        .collect_view();
    view! {
        <h2 id="counts">{t(Msg::GuideCountsHeading)}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="counts">
            <table class="evidence-counts">
                <caption>{t(Msg::GuideCountsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::GuideCountsKind)}</th>
                        {header}
                        <th scope="col">{t(Msg::GuideCountsAll)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t(Msg::GuideCountsAllKinds)}</th>
                        {totals}
                        <td>{catalogue.resources.len()}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
