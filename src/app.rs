//! The root component and the one route table.

use catalogue::Facet;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, StaticSegment, path};

use crate::components::layout::Layout;
use crate::contributions::Contributions;
use crate::data::{CatalogueState, Loaded, Settings};
use crate::pages::{
    Navigated, browse::BrowsePage, contribute::ContributePage, home::HomePage, not_found::NotFound,
    resource::ResourcePage, term::TermPage,
};
use crate::platform;
use crate::routes::{
    ABOUT, BROWSE, COLLECTIONS, CONTRIBUTE, ID_PARAM, RESOURCES, WHATS_NEW, term_segment,
};

/// The whole site in the browser, once the settings and the catalogue have been fetched (see
/// [`crate::start`]): the browser set-up, then the [`Shell`].
#[component]
pub fn App(settings: Settings, catalogue: Loaded) -> impl IntoView {
    platform::apply_theme(&settings.config.theme);
    if settings.embed {
        platform::start_embed_mode();
    }
    let base = platform::base();
    provide_context(base.clone());
    provide_context(CatalogueState::new(
        settings.config.catalogue_url.clone(),
        catalogue,
    ));
    provide_context(Contributions::start(&settings.config, &base.router_base()));
    provide_context(settings);
    Navigated::provide();
    view! { <Shell/> }
}

/// The pages of their own: rendered by the build, a link to load them in the app (see
/// [`crate::pages::standalone`]).
mod standalone {
    use leptos::prelude::*;

    #[cfg(feature = "ssr")]
    pub fn collection() -> AnyView {
        view! { <crate::pages::collection::CollectionPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn whats_new() -> AnyView {
        view! { <crate::pages::whats_new::WhatsNewPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn about() -> AnyView {
        view! { <crate::pages::about::AboutPage/> }.into_any()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn collection() -> AnyView {
        view! { <crate::pages::standalone::Standalone/> }.into_any()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn whats_new() -> AnyView {
        view! { <crate::pages::standalone::Standalone/> }.into_any()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn about() -> AnyView {
        view! { <crate::pages::standalone::Standalone/> }.into_any()
    }
}

/// The router, the page frame and the route table: everything a page shows. Rendered by
/// [`App`] in the browser and, natively, by the `prerender` binary into the static pages, with
/// the same contexts provided (`Base`, `CatalogueState`, `Contributions`, `Settings`,
/// `Navigated`).
#[component]
pub fn Shell() -> impl IntoView {
    let base = expect_context::<crate::routes::Base>();
    view! {
        <Router base=base.router_base()>
            <Layout>
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=StaticSegment(BROWSE) view=BrowsePage/>
                    <Route path=(StaticSegment(RESOURCES), ParamSegment(ID_PARAM)) view=ResourcePage/>
                    <Route
                        path=(StaticSegment(term_segment(Facet::Approach)), ParamSegment(ID_PARAM))
                        view=|| view! { <TermPage facet=Facet::Approach/> }
                    />
                    <Route
                        path=(StaticSegment(term_segment(Facet::Type)), ParamSegment(ID_PARAM))
                        view=|| view! { <TermPage facet=Facet::Type/> }
                    />
                    <Route
                        path=(StaticSegment(term_segment(Facet::Subject)), ParamSegment(ID_PARAM))
                        view=|| view! { <TermPage facet=Facet::Subject/> }
                    />
                    <Route path=(StaticSegment(COLLECTIONS), ParamSegment(ID_PARAM)) view=standalone::collection/>
                    <Route path=StaticSegment(WHATS_NEW) view=standalone::whats_new/>
                    <Route path=StaticSegment(ABOUT) view=standalone::about/>
                    <Route path=StaticSegment(CONTRIBUTE) view=ContributePage/>
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
