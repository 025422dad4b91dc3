//! One module per route. The app and the build render the same pages: the build writes each as
//! a static page, and the app takes a page over when the visitor is there, or, for a page of its
//! own (home, the terms' pages, What's new, About, how to read the evidence, the collections),
//! only when the catalogue or the settings have changed since the build wrote it (see
//! `src/js/start.js`).

pub mod about;
pub mod browse;
pub mod collection;
pub mod contribute;
pub mod evidence_guide;
pub mod home;
pub mod my_list;
pub mod not_found;
pub mod resource;
pub mod subscribe;
pub mod term;
pub mod whats_new;

use leptos::prelude::*;

use crate::deployment::Settings;
use crate::platform::{focus, set_title};

/// The id of every page's `<h1>`, which receives focus after in-app navigation.
pub const HEADING_ID: &str = "page-heading";

/// Whether a page has been shown yet in this visit; provided once by the app.
#[derive(Clone, Copy)]
pub struct Navigated {
    /// A page has been shown.
    seen: StoredValue<bool>,
    /// The page now shown is the first of the visit: the one the static HTML showed.
    first: StoredValue<bool>,
}

impl Navigated {
    pub fn provide() {
        provide_context(Navigated {
            seen: StoredValue::new(false),
            first: StoredValue::new(true),
        });
    }

    /// Whether the page being shown is the visit's first, which the app renders in place of
    /// the same page's static HTML (so it must render the same way).
    pub fn first_page() -> bool {
        expect_context::<Navigated>().first.get_value()
    }
}

/// The document title of a page: "About the toolkit – Resilience Toolkit".
pub fn document_title(page: &str, site: &str) -> String {
    format!("{page} – {site}")
}

/// The title of a page rendered natively (by the `prerender` binary), as the page set it.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct RenderedTitle(pub std::sync::Arc<std::sync::Mutex<Option<String>>>);

/// Sets the document title for a page and, when the page was reached by in-app navigation,
/// moves focus to its heading so screen-reader users hear where they are (as they would after
/// a full page load).
///
/// The title is a boxed closure so that every page shares one compiled effect.
pub fn page_title(title: Box<dyn Fn() -> String + Send + Sync>) {
    let navigated = expect_context::<Navigated>();
    let site = expect_context::<Settings>().config.title.clone();
    let first_page = !navigated.seen.get_value();
    navigated.seen.set_value(true);
    navigated.first.set_value(first_page);
    #[cfg(feature = "ssr")]
    if let Some(rendered) = use_context::<RenderedTitle>() {
        *rendered.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(title());
    }
    Effect::new(move |_| set_title(&document_title(&title(), &site)));
    if !first_page {
        // After the new page is in the document.
        request_animation_frame(|| focus(HEADING_ID));
    }
}
