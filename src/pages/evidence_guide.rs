//! How to read the evidence (`/reading-the-evidence`): why the toolkit labels evidence, the
//! Office for Students' standards of evidence and the kinds of evidence in the toolkit's own
//! words, each with how many resources it has, a table of the catalogue by kind and standard,
//! and how to use the evidence well. Every evidence label links here, at its section.
//!
//! A page of its own (see [`crate::pages::standalone`]): written by the build, not by the app.
//! Its prose is plain HTML in `evidence_guide.html`, like the About page's; the sections on
//! each standard and kind come from the taxonomy, so their words and counts are the
//! catalogue's own.

use std::sync::Arc;

use catalogue::{Engine, Facet, Term};
use leptos::prelude::*;

use crate::components::needs_catalogue::with_catalogue;
use crate::pages::page_title;
use crate::routes::Base;
use crate::text::{Count, counted};

const GUIDE_HTML: &str = include_str!("evidence_guide.html");

/// Where the sections built from the taxonomy go in `evidence_guide.html`.
const SECTIONS: &str = "<!-- the standards and kinds -->";

/// The page's title and first heading.
pub const TITLE: &str = "How to read the evidence";

#[component]
pub fn EvidenceGuidePage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| TITLE.to_owned()));
    let html = base.expand_links(GUIDE_HTML);
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
        <h2 id=Facet::Standard.list_key()>"The standards of evidence"</h2>
        <p>
            "The Office for Students sets three standards for a claim that an activity makes a difference to students. TASO, the Centre for Transforming Access and Student Outcomes in Higher Education, grades evidence on the same three in its evidence toolkit and in its Student Mental Health Evidence Hub, which AMOSSHE helped to build. In the toolkit's words:"
        </p>
        {standards}
        <h2 id=Facet::Evidence.list_key()>"Kinds of evidence"</h2>
        <p>
            "Listed from the designs that can say most about whether an activity works. A kind of evidence usually sits at one standard; where it can sit at more than one, each resource's label says which, from what its source tested."
        </p>
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
                    <h3 id=heading>{term.label.clone()}</h3>
                    <p>{term.description.clone()}</p>
                    {standards.map(|line| view! { <p>{line}</p> })}
                    <p>
                        <a rel="external" href=base.term(facet, &term.id)>
                            {format!("{} in the toolkit", counted(Count::Resources, total))}
                        </a>
                    </p>
                </section>
            }
        })
        .collect_view()
}

/// For a kind of evidence, the standards it may meet: "Standard: Causal (Type 3)." or "Can
/// stand at: Not an impact study or Empirical (Type 2), depending on what it tested."
fn standards_line(engine: &Engine, kind: &Term) -> Option<String> {
    let taxonomy = &engine.catalogue().taxonomy;
    let labels: Vec<&str> = kind
        .standards
        .iter()
        .map(|id| taxonomy.label(Facet::Standard, id))
        .collect();
    match labels.as_slice() {
        [] => None,
        [one] => Some(format!("Standard: {one}.")),
        [rest @ .., last] => Some(format!(
            "Can stand at: {} or {last}, depending on what the resource tested.",
            rest.join(", ")
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
        .map(|s| view! { <th scope="col">{s.label.clone()}</th> })
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
                        <a rel="external" href=base.term(Facet::Evidence, &kind.id)>{kind.label.clone()}</a>
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
        <h2 id="counts">"The toolkit's resources by kind and standard"</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="counts">
            <table class="evidence-counts">
                <caption>"Resources by kind of evidence (rows) and standard of evidence (columns)"</caption>
                <thead>
                    <tr><th scope="col">"Kind of evidence"</th>{header}<th scope="col">"All"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr><th scope="row">"All kinds"</th>{totals}<td>{catalogue.resources.len()}</td></tr>
                </tfoot>
            </table>
        </div>
    }
}
