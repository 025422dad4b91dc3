//! The page shown when the catalogue cannot be loaded: what happened, in plain words, with the
//! technical detail a site maintainer needs to fix it.

use catalogue::LoadError;
use leptos::prelude::*;

use crate::data::{CatalogueError, Settings};
use crate::platform::set_title;

#[component]
pub fn CatalogueErrorView(
    error: CatalogueError,
    /// Where the catalogue was read from.
    url: String,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let site = expect_context::<Settings>().config.title.clone();
    set_title(&format!("Catalogue unavailable – {site}"));
    let (summary, details): (&str, Vec<String>) = match &error {
        CatalogueError::Fetch(e) => (
            "The resource catalogue could not be downloaded. If you are offline, reconnect and try again.",
            vec![e.to_string()],
        ),
        CatalogueError::Invalid(e @ LoadError::Invalid(problems)) => (
            if problems.len() == 1 {
                "The resource catalogue on this site has a problem, so it cannot be shown."
            } else {
                "The resource catalogue on this site has problems, so it cannot be shown."
            },
            e.lines(),
        ),
        CatalogueError::Invalid(e) => (
            "The resource catalogue on this site is damaged, so it cannot be shown.",
            e.lines(),
        ),
    };
    view! {
        <section class="error-page" aria-labelledby="error-heading">
            <h1 id="error-heading">"The catalogue is not available"</h1>
            <p>{summary}</p>
            <p>
                <button type="button" class="button" on:click=move |_| retry()>"Try again"</button>
            </p>
            <details open=true>
                <summary>"Details for the site maintainer"</summary>
                <p>
                    "While reading " <code>{url}</code> ":"
                </p>
                <ul class="problems">
                    {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}
