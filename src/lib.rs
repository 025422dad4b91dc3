//! The Resilience Toolkit web app: thin Leptos views over the domain crates (`catalogue`,
//! `settings`, `contributions`).
//!
//! Everything that touches the browser (fetch, document, clipboard) is in `platform/`;
//! everything that decides what to show is in the domain crates.

#![recursion_limit = "256"]

use catalogue::query::{EMBED_KEY, flag};

mod app;
mod components;
pub mod contract;
mod courier;
mod deployment;
mod pages;
mod platform;
mod routes;
mod text;

#[cfg(feature = "ssr")]
pub mod prerender;

#[cfg(test)]
mod invariants;

/// Reads the site's settings (they say where the catalogue is and how the site looks) and the
/// catalogue, then mounts the app in place of the static page (or loading message) that the
/// HTML file shows until then.
///
/// Mounting once both are known, rather than rendering the app inside a reactive closure that
/// waits for them, keeps the whole view tree from needing re-render code, and means the app's
/// first rendering is the finished page: it replaces the static page with the same page, with
/// no loading state in between.
pub fn start() {
    // The executor for `leptos::task` is set up by mounting, so this first task is spawned
    // by the platform directly.
    platform::spawn(async {
        let embed_in_url = flag(&platform::initial_query(), EMBED_KEY);
        // The files start.js has just fetched from the server, to check the static page, are
        // not asked for again.
        let fetched = platform::just_fetched().await;
        let settings = deployment::Settings::load(embed_in_url, &fetched).await;
        let url = &settings.config.catalogue_url;
        let catalogue = deployment::fetch_catalogue(url, fetched.contains(url)).await;
        platform::next_task().await;
        platform::page_free().await;
        platform::take_over(move || {
            leptos::mount::mount_to_body(move || leptos::view! { <app::App settings catalogue/> })
        });
    });
}
