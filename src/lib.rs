//! The Resilience Toolkit web app: thin Leptos views over the `catalogue` domain crate.
//!
//! Everything that touches the browser (fetch, document, clipboard) is in [`platform`];
//! everything that decides what to show is in the `catalogue` crate.

use catalogue::query::{EMBED_KEY, flag};

mod app;
mod components;
mod contributions;
mod data;
mod pages;
mod platform;
mod routes;

/// Reads the site's settings (they say where the catalogue is and how the site looks), then
/// mounts the app. Until then the static "Loading…" message in `index.html` stays on screen.
///
/// Mounting once the settings are known, rather than rendering the app inside a reactive
/// closure that waits for them, keeps the whole view tree from needing re-render code.
pub fn start() {
    // The executor for `leptos::task` is set up by mounting, so this first task uses
    // wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async {
        let embed_in_url = flag(&platform::initial_query(), EMBED_KEY);
        let settings = data::Settings::load(embed_in_url).await;
        leptos::mount::mount_to_body(move || leptos::view! { <app::App settings/> });
    });
}
