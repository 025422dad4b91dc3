//! Pages that need the catalogue: rendered with it once it has loaded, or, when it cannot be
//! loaded, the error page: what happened, in plain words, with the technical detail a site
//! maintainer needs to fix it.

use std::sync::Arc;

use catalogue::{Engine, LoadError};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::deployment::{CatalogueError, CatalogueState, Settings};
use crate::platform::set_title;
use crate::text::{Count, Msg, counted, fill, split_at, t};

#[component]
pub fn CatalogueErrorView(
    error: CatalogueError,
    /// Where the catalogue was read from.
    url: String,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let site = expect_context::<Settings>().config.title.clone();
    set_title(&fill(Msg::NoticeTitle, &[("site", &site)]));
    // The details are the technical report for the maintainer, in English.
    let (summary, details): (String, Vec<String>) = match &error {
        CatalogueError::Fetch(e) => (t(Msg::NoticeFetch).to_owned(), vec![e.to_string()]),
        CatalogueError::Invalid(e @ LoadError::Invalid(problems)) => {
            (counted(Count::CatalogueProblems, problems.len()), e.lines())
        }
        CatalogueError::Invalid(e) => (t(Msg::NoticeDamaged).to_owned(), e.lines()),
    };
    // The address goes where the message's {url} is, as code.
    let (before, after) = split_at(t(Msg::NoticeWhileReading), "url");
    view! {
        <section class="error-page" aria-labelledby="error-heading">
            <h1 id="error-heading">{t(Msg::NoticeHeading)}</h1>
            <p>{summary}</p>
            <p>
                <button type="button" class="button" on:click=move |_| retry()>{t(Msg::NoticeRetry)}</button>
            </p>
            <details open=true>
                <summary>{t(Msg::NoticeDetails)}</summary>
                <p>{before}<code>{url}</code>{after}</p>
                <ul class="problems">
                    {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// Renders `page` with the catalogue once it has loaded; a loading message before, and an
/// error page that explains what is wrong (and offers to retry) if it cannot be loaded.
///
/// Not generic over the page's view: one compiled copy serves every page (each generic copy
/// cost about 1 KB of gzipped wasm).
pub fn with_catalogue(page: impl Fn(Arc<Engine>) -> AnyView + Send + Sync + 'static) -> AnyView {
    catalogue_view(Box::new(page))
}

fn catalogue_view(page: Box<dyn Fn(Arc<Engine>) -> AnyView + Send + Sync>) -> AnyView {
    let state = expect_context::<CatalogueState>();
    (move || match state.get() {
        None => EitherOf3::A(view! {
            <p class="loading" role="status">{t(Msg::NoticeLoading)}</p>
        }),
        Some(Ok(engine)) => EitherOf3::B(page(engine)),
        Some(Err(error)) => EitherOf3::C(view! {
            <CatalogueErrorView error url=state.url() retry=move || state.fetch()/>
        }),
    })
    .into_any()
}
