//! A resource's own page: every fact recorded, the outbound link, a citation, colleagues'
//! comments, related resources.

use std::sync::Arc;

use catalogue::rules::WebLink;
use catalogue::{BrowseQuery, Catalogue, Engine, Facet, Resource, citation};
use html_escape::encode_text_to_string;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::comments::CommentsSection;
use crate::components::feedback::FeedbackSection;
use crate::components::needs_catalogue::with_catalogue;
use crate::components::resource_card::{cards_html, external_link_start, save_button};
use crate::components::share::{Export, Message, ShareLinks};
use crate::deployment::Settings;
use crate::pages::{HEADING_ID, not_found::Missing, page_title};
use crate::routes::{Base, ID_PARAM};
use crate::text::{
    Msg, collection_title, fill, label_of, long_date, published_lang, published_lang_attribute, t,
};

const RELATED_COUNT: usize = 4;

#[component]
pub fn ResourcePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get(ID_PARAM).unwrap_or_default()));
    with_catalogue(move |engine| {
        (move || match engine.position(&id.get()) {
            Some(position) => view! { <Detail engine=engine.clone() position/> }.into_any(),
            None => view! { <Missing what="resource"/> }.into_any(),
        })
        .into_any()
    })
}

#[component]
fn Detail(engine: Arc<Engine>, position: usize) -> impl IntoView {
    let base = expect_context::<Base>();
    let r = engine.resource(position).clone();
    let taxonomy = &engine.catalogue().taxonomy;
    page_title({
        let title = r.title.clone();
        Box::new(move || title.clone())
    });

    let cite = citation(&r);
    let related = engine.related(position, RELATED_COUNT);
    let message: Message = {
        let (subject, text) = (r.title.clone(), cite.clone());
        Arc::new(move || (subject.clone(), text.clone()))
    };
    let export = Export {
        label: t(Msg::ResourceExport),
        name: r.id.clone(),
        ids: {
            let id = r.id.clone();
            Arc::new(move || vec![id.clone()])
        },
        engine: engine.clone(),
    };

    view! {
        <nav class="breadcrumbs" aria-label=t(Msg::ResourceBreadcrumb)>
            <a href=base.browse(&BrowseQuery::default())>{t(Msg::ResourceBrowse)}</a>
        </nav>
        <article class="resource">
            <p class="kind">{label_of(taxonomy, Facet::Type, &r.kind).to_owned()}</p>
            <h1 id=HEADING_ID tabindex="-1" lang=published_lang()>{r.title.clone()}</h1>
            <p class="summary" lang=published_lang()>{r.summary.clone()}</p>
            <div class="resource-actions">
                <Outbound url=r.url.clone()/>
                <span inner_html=save_html(&r.id)></span>
            </div>
            <ShareLinks label=t(Msg::ResourceShare) message export/>
            <dl class="facts" inner_html=facts_html(&r, engine.catalogue(), &base)></dl>
            <Citation text=cite/>
        </article>
        <CommentsSection engine=engine.clone() position/>
        <FeedbackSection engine=engine.clone() position/>
        {(!related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">{t(Msg::ResourceRelated)}</h2>
                <ul class="related-list" inner_html=cards_html(&engine, &base, related, &[])></ul>
            </section>
        })}
    }
}

/// What the catalogue records of a resource, as the items of a `<dl>` in HTML (written as
/// HTML for the reason `resource_card` gives: it costs less wasm than views). Each term links
/// to its own page, and so does each collection that holds the resource.
fn facts_html(r: &Resource, catalogue: &Catalogue, base: &Base) -> String {
    let taxonomy = &catalogue.taxonomy;
    let mut html = String::new();
    let mut authors = r.authors.join(", ");
    if r.et_al {
        authors = fill(Msg::ResourceAuthorsAndOthers, &[("authors", &authors)]);
    }
    let year = r.year.map_or_else(
        || t(Msg::ResourceYearNotKnown).to_owned(),
        |y| y.to_string(),
    );
    let place: Vec<&str> = [r.sector.as_str(), r.country.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    fact(&mut html, t(Msg::ResourceFactAuthors), &published(authors));
    fact(
        &mut html,
        t(Msg::ResourceFactPublisher),
        &published(r.publisher.clone()),
    );
    fact(&mut html, t(Msg::ResourceFactYear), &text(year));
    fact(
        &mut html,
        t(Msg::ResourceFactSetting),
        &published(place.join(", ")),
    );
    fact(
        &mut html,
        t(Msg::ResourceFactEvidence),
        &|html: &mut String| evidence_html(html, r, catalogue, base),
    );
    for (label, facet) in [
        (Msg::ResourceFactApproaches, Facet::Approach),
        (Msg::ResourceFactType, Facet::Type),
        (Msg::ResourceFactSubjects, Facet::Subject),
    ] {
        let terms = r.terms(facet).iter();
        let links = terms.map(|id| (base.term(facet, id), label_of(taxonomy, facet, id)));
        fact(&mut html, t(label), &|html: &mut String| {
            link_list(html, links.clone())
        });
    }
    let collections = |html: &mut String| {
        let holding = catalogue.collections_holding(&r.id);
        link_list(
            html,
            holding.map(|c| (base.collection(&c.id), collection_title(c))),
        );
    };
    fact(&mut html, t(Msg::ResourceFactCollections), &collections);
    fact(
        &mut html,
        t(Msg::ResourceFactAdded),
        &text(long_date(&r.added)),
    );
    html
}

/// Appends a fact as a `<dt>` and `<dd>`, or nothing when the catalogue does not record it
/// (`value` writes nothing).
fn fact(html: &mut String, label: &str, value: &dyn Fn(&mut String)) {
    let start = html.len();
    html.push_str("<dt>");
    html.push_str(label);
    html.push_str("</dt><dd>");
    let before = html.len();
    value(html);
    match html.len() == before {
        true => html.truncate(start),
        false => html.push_str("</dd>"),
    }
}

/// Writes `value` as text.
fn text(value: String) -> impl Fn(&mut String) {
    move |html: &mut String| {
        encode_text_to_string(&value, html);
    }
}

/// Writes words the resource was published with, marked as their language.
fn published(value: String) -> impl Fn(&mut String) {
    move |html: &mut String| {
        if value.is_empty() {
            return;
        }
        html.push_str("<span");
        html.push_str(&published_lang_attribute());
        html.push('>');
        encode_text_to_string(&value, html);
        html.push_str("</span>");
    }
}

/// The kind of evidence and its standard, each linked to its page, what the classification
/// rests on, and a link to what this kind of evidence can and cannot tell a reader.
fn evidence_html(html: &mut String, r: &Resource, catalogue: &Catalogue, base: &Base) {
    let taxonomy = &catalogue.taxonomy;
    let terms = [Facet::Evidence, Facet::Standard].map(|facet| {
        let id = &r.terms(facet)[0];
        (base.term(facet, id), label_of(taxonomy, facet, id))
    });
    link_list(html, terms.into_iter());
    html.push_str(r#"<p class="evidence-basis""#);
    html.push_str(&published_lang_attribute());
    html.push('>');
    encode_text_to_string(&r.evidence_basis, html);
    html.push_str("</p><p>");
    external_link_start(html, &base.evidence_guide(&r.evidence));
    encode_text_to_string(t(Msg::ResourceEvidenceGuide), html);
    html.push_str("</a></p>");
}

/// Links to pages of their own (terms, collections) as a list, or nothing for no links.
fn link_list<'a>(html: &mut String, links: impl Iterator<Item = (String, &'a str)>) {
    let mut links = links.peekable();
    if links.peek().is_none() {
        return;
    }
    html.push_str(r#"<ul class="term-links">"#);
    for (href, label) in links {
        html.push_str("<li>");
        external_link_start(html, &href);
        encode_text_to_string(label, html);
        html.push_str("</a></li>");
    }
    html.push_str("</ul>");
}

/// The resource's "Save" button (see `save_button`).
fn save_html(id: &str) -> String {
    let mut html = String::new();
    save_button(&mut html, id, t(Msg::ResourceSave));
    html
}

/// The link to the resource itself, naming the site it leads to. Embedded, it opens in a new
/// tab rather than inside the embedding page's frame (also where embedding is the site's
/// default: the static pages are written for both ways of showing them).
#[component]
fn Outbound(url: Option<String>) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let embed = settings.embed || settings.config.embed;
    match url {
        Some(url) => {
            // Validation made every resource link a web link.
            let host = WebLink::parse(&url)
                .map(|link| link.site_name())
                .unwrap_or_default();
            view! {
                <p class="outbound">
                    <a class="button" href=url rel="noopener noreferrer" target=embed.then_some("_blank")>
                        {t(Msg::ResourceGo)}
                        <span class="host">{format!(" {}", fill(Msg::ResourceGoHost, &[("host", &host)]))}</span>
                    </a>
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="outbound none">{t(Msg::ResourceNoLink)}</p>
        }
        .into_any(),
    }
}

/// The citation line with a copy button that says whether copying worked (plain HTML,
/// `data-copy`, answered by `src/js/controls.js`).
#[component]
fn Citation(text: String) -> impl IntoView {
    view! {
        <section class="citation" aria-labelledby="citation-heading">
            <h2 id="citation-heading">{t(Msg::ResourceCite)}</h2>
            <p class="citation-text" id="citation-text" lang=published_lang()>{text}</p>
            <button type="button" class="button secondary" data-copy="citation-text" data-copied=t(Msg::ResourceCopied)>
                {t(Msg::ResourceCopy)}
            </button>
            <span class="copy-status" role="status"></span>
        </section>
    }
}
