//! Pages of their own: home, the terms' pages, What's new, the collections, About, how to read
//! the evidence and My list.
//! They need nothing from the app (text and links; home's search box is an ordinary form, and
//! the controls they have are plain HTML answered by `src/js/controls.js`, My list's by
//! `src/js/my-list.js`), so the build writes them (from components compiled only for the
//! `prerender` binary) and the app never takes them over: their `#boot` is marked
//! `data-standalone`, and `takeover.js` does not start the app there. Their views stay out of
//! the wasm, which is how the app shell keeps within its size ceiling (measured: 5.8 KB of
//! gzipped wasm for home, 1.6 KB for the terms' pages, about 5 KB for What's new and the
//! collections, 2.2 KB for About).
//!
//! Links to them carry `rel="external"`, so the router leaves them to the browser. In the app,
//! their routes show this page instead: a link that loads the page (it is only reached through
//! a link without `rel="external"`, or offline before the service worker cached the page). A
//! term or collection that does not exist is said to be missing, as the app's own pages do
//! (the static host answers its address with `404.html`, where the app starts).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::pages::{HEADING_ID, page_title};

#[component]
pub fn Standalone() -> impl IntoView {
    let location = use_location();
    page_title(Box::new(|| "Opening the page".to_owned()));
    let href = location.pathname.get_untracked() + &location.hash.get_untracked();
    view! {
        <h1 id=HEADING_ID tabindex="-1">"This page opens on its own"</h1>
        <p><a href=href rel="external">"Open the page"</a></p>
    }
}

/// The app's own parts (the static pages show the real page instead).
#[cfg(not(feature = "ssr"))]
mod app {
    use leptos::prelude::*;
    use leptos_router::hooks::use_params_map;

    use super::Standalone;
    use crate::components::catalogue::with_catalogue;
    use crate::pages::not_found::Missing;
    use crate::routes::{FACET_PARAM, ID_PARAM, facet_of_segment};

    /// The page of a term (`term`: its facet from the route's first segment) or of a
    /// collection, named by the route's id: [`Standalone`] if the catalogue has it, otherwise
    /// the not-found page.
    #[component]
    pub fn StandaloneWithId(term: bool) -> impl IntoView {
        let params = use_params_map();
        with_catalogue(move |engine| {
            (move || {
                let (segment, id) = params.with(|p| {
                    let get = |key| p.get(key).unwrap_or_default();
                    (get(FACET_PARAM), get(ID_PARAM))
                });
                let catalogue = engine.catalogue();
                let facet = facet_of_segment(&segment);
                let (exists, what) = match (term, facet) {
                    (false, _) => (catalogue.collection(&id).is_some(), "collection"),
                    (true, Some(facet)) => (
                        catalogue.taxonomy.position(facet, &id).is_some(),
                        facet.noun(),
                    ),
                    (true, None) => (false, "page"),
                };
                match exists {
                    true => view! { <Standalone/> }.into_any(),
                    false => view! { <Missing what/> }.into_any(),
                }
            })
            .into_any()
        })
    }
}

#[cfg(not(feature = "ssr"))]
pub use app::StandaloneWithId;
