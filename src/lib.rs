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
        // The page's language, from its address: the app renders it in the language of the
        // page it takes over, with that language's messages (English's are built in), fetched
        // beside the catalogue.
        let languages = routes::languages(&settings.config);
        let lang = routes::language_at(&platform::location_path(), &platform::base(), &languages);
        let url = &settings.config.catalogue_url;
        let (words, catalogue) = futures::future::join(
            read_words(lang),
            deployment::fetch_catalogue(url, fetched.contains(url)),
        )
        .await;
        if let Err(why) = words {
            // The static page stays as it is, whole and in its language.
            platform::warn(&format!("The app cannot start in {}: {why}", lang.name()));
            return;
        }
        text::set_lang(lang);
        platform::set_document_language(lang.tag());
        let settings = settings.in_language(lang);
        platform::next_task().await;
        platform::page_free().await;
        platform::take_over(move || {
            leptos::mount::mount_to_body(move || leptos::view! { <app::App settings catalogue/> })
        });
    });
}

/// Reads `lang`'s messages from their file, unless it is English (built in).
async fn read_words(lang: messages::Lang) -> Result<(), String> {
    let Some(file) = text::file_of(lang) else {
        return Ok(());
    };
    let text = platform::fetch_text(file, false)
        .await
        .map_err(|e| e.to_string())?;
    let value = platform::parse_json(&text).map_err(|e| e.to_string())?;
    text::read_table(lang, &value)
}
